"""CLI usage and configuration errors: exit status 2, a message that names the fix, no model contacted."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from summarize.app.cli import app

from ..conftest import SEEDS


def _run(*args: str, env: dict[str, str] | None = None):  # noqa: ANN202
    return CliRunner().invoke(app, list(args), env=env)


def test_no_key_and_no_base_url_exits_2_naming_the_fixes(tmp_path: Path) -> None:
    result = _run("digest", str(SEEDS), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "OPENAI_API_KEY" in result.output and "--base-url" in result.output and "--replay" in result.output
    assert not (tmp_path / "digest.json").exists()


def test_brief_without_configuration_exits_2() -> None:
    result = _run("brief", str(SEEDS / "002_7357c77dc1409342.txt"))
    assert result.exit_code == 2 and "OPENAI_API_KEY" in result.output


def test_missing_path_exits_2_and_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = _run("digest", str(missing), "--base-url", "http://127.0.0.1:9/v1", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert str(missing) in result.output


def test_folder_without_articles_exits_2(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = _run("digest", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert str(tmp_path) in result.output


def test_unknown_mode_exits_2_listing_modes(tmp_path: Path) -> None:
    result = _run("digest", str(SEEDS), "--mode", "xml", "--base-url", "http://127.0.0.1:9/v1", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "json_schema" in result.output and "tools" in result.output


def test_missing_replay_folder_exits_2_and_says_how_to_record(tmp_path: Path) -> None:
    result = _run("digest", str(SEEDS), "--replay", str(tmp_path / "none"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "--record" in result.output


def test_record_and_replay_together_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("digest", str(SEEDS), "--record", str(tmp_path / "r"), "--replay", str(tmp_path), "-o", str(tmp_path / "o"))
    assert result.exit_code == 2 and "exclude each other" in result.output


def test_too_small_chunk_budget_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("digest", str(SEEDS), "--chunk-chars", "50", "--base-url", "http://127.0.0.1:9/v1", "-o", str(tmp_path))
    assert result.exit_code == 2 and "chunk_chars=50" in result.output


def test_a_corrupt_replay_manifest_exits_2_naming_the_file_and_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    result = _run("digest", str(SEEDS), "--replay", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert str(folder / "manifest.json") in result.output and "--record" in result.output
