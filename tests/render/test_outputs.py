"""A failed run never destroys the last good output; every output file is written atomically; an output
folder that cannot be written is refused before any model call; every failure is named on stderr."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.app.cli import app
EXIT_FAILED, EXIT_FATAL = 1, 3
from summarize.render.files import write_atomic

from ..conftest import RECORDINGS, SEEDS
from ..support.faultserver import FaultServer, status

OUTPUTS = ("digest.json", "digest.md", "digest.html")


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(app, list(args), env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""})


@pytest.fixture(scope="module")
def good_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A digest folder from a good (replayed) run of the seeds: yesterday's outputs."""
    out = tmp_path_factory.mktemp("good") / "out"
    result = _run("digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _copy(good: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    shutil.copytree(good, out)
    return out, {name: (out / name).read_bytes() for name in OUTPUTS}


def test_a_fatal_stop_keeps_the_previous_digest_and_exits_3(good_out: Path, tmp_path: Path) -> None:
    out, before = _copy(good_out, tmp_path)
    bad_key = status(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
    with FaultServer(default=bad_key) as server:
        result = _run("digest", str(SEEDS), "--base-url", server.url, "--no-cache", "-o", str(out))
    assert result.exit_code == EXIT_FATAL == 3
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert "left as they were" in result.output and "OPENAI_API_KEY" in result.output
    assert "0/5 articles briefed" in result.output  # the summary still says what this run did


def test_a_run_from_the_wrong_recordings_keeps_the_previous_digest(good_out: Path, tmp_path: Path) -> None:
    out, before = _copy(good_out, tmp_path)
    wrong = tmp_path / "wrong"
    (wrong).mkdir()
    (wrong / "manifest.json").write_text((RECORDINGS / "manifest.json").read_text(encoding="utf-8"), encoding="utf-8")
    result = _run("digest", str(SEEDS), "--replay", str(wrong), "-o", str(out))
    assert result.exit_code == EXIT_FAILED
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert "left as they were" in result.output


def test_a_failing_run_without_a_previous_digest_writes_one_listing_the_failures(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    (wrong / "manifest.json").write_text((RECORDINGS / "manifest.json").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = _run("digest", str(SEEDS), "--replay", str(wrong), "-o", str(out))
    assert result.exit_code == EXIT_FAILED
    assert "ReplayMiss" in (out / "digest.json").read_text(encoding="utf-8")


def test_an_output_path_that_is_a_file_is_refused_before_any_model_call(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    with FaultServer() as server:
        result = _run("digest", str(SEEDS), "--base-url", server.url, "--no-cache", "-o", str(blocker))
        daily = _run("daily", str(SEEDS), "--base-url", server.url, "--no-cache", "-o", str(blocker),
                     "--date", "2025-10-17")
    assert result.exit_code == 2 and daily.exit_code == 2
    assert str(blocker) in result.output and "--out" in result.output and "not a folder" in result.output
    assert server.requests == []


def test_an_output_folder_under_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = _run("digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path / "file" / "out"))
    assert result.exit_code == 2 and "is a file" in result.output


def test_files_that_fail_to_load_are_named_on_stderr(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "broken.json").write_text("{not json", encoding="utf-8")
    (inbox / "empty.txt").write_text("   \n", encoding="utf-8")
    result = _run("digest", str(inbox), "--replay", str(RECORDINGS), "-o", str(tmp_path / "out"))
    assert result.exit_code == EXIT_FAILED
    lines = [line for line in result.output.splitlines() if "FAILED" in line]
    assert any("broken" in line for line in lines) and any("empty" in line for line in lines)


def test_atomic_writes_from_two_writers_never_collide(tmp_path: Path) -> None:
    """Two writers of one file each use their own temporary name: no error, never a torn file. With one
    fixed temporary name (``.NAME.tmp``) one writer's rename finds the other's file gone."""
    target = tmp_path / "digest.md"
    texts = ["A" * 200_000, "B" * 200_000]
    errors: list[BaseException] = []

    def writer(text: str) -> None:
        try:
            for _ in range(60):
                write_atomic(target, text)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert target.read_text(encoding="utf-8") in texts
    assert [p.name for p in tmp_path.iterdir()] == ["digest.md"]  # no temporary file left behind
