"""summarize.toml: found, validated with messages naming the file and key, and below flags and the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import load
from summarize.errors import ConfigurationError
from summarize.settings import Settings


def _write(folder: Path, text: str) -> Path:
    path = folder / "summarize.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_config_file_gives_defaults_below_the_environment(tmp_path: Path) -> None:
    path = _write(tmp_path, 'sources = ["inbox", "https://example.com/feed.rss"]\nout = "briefings"\n'
                            'model = "qwen"\nbase_url = "http://127.0.0.1:8080/v1"\ntimeout = 600\n')
    config = load(path, env={})
    assert config.sources == [str(tmp_path / "inbox"), "https://example.com/feed.rss"]
    assert config.out == tmp_path / "briefings"
    settings = Settings.from_env(config.as_env({}))
    assert settings.model == "qwen" and settings.read_timeout == 600 and settings.base_url.endswith(":8080/v1")
    overridden = Settings.from_env(config.as_env({"SUMMARIZE_MODEL": "gpt-4o-mini"}))
    assert overridden.model == "gpt-4o-mini"  # the environment wins; a flag wins over both


def test_found_by_setting_or_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, 'lang = "de"\n')
    assert load(env={"SUMMARIZE_CONFIG": str(path)}).settings == {"lang": "de"}
    monkeypatch.chdir(tmp_path)
    assert load(env={}).path == Path("summarize.toml")
    with pytest.raises(ConfigurationError, match="no such file"):
        load(env={"SUMMARIZE_CONFIG": str(tmp_path / "none.toml")})


@pytest.mark.parametrize(("text", "words"), [
    ('modle = "x"\n', "unknown key(s) modle"),
    ('timeout = "soon"\n', "timeout = 'soon' should be a float"),
    ('api_key = "sk-abc"\n', "keep API keys out of config files"),
    ('sources = "inbox"\n', "sources = 'inbox' should be a list"),
    ("model = \n", "not a readable TOML file"),
])
def test_mistakes_name_the_file_the_key_and_the_fix(tmp_path: Path, text: str, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigurationError, match=words.replace("(", r"\(").replace(")", r"\)")) as caught:
        load(path, env={})
    assert str(path) in str(caught.value)


def test_the_mcp_server_reads_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`summarize mcp --config FILE` takes its settings from the file, below flags and the environment."""
    from typer.testing import CliRunner

    from summarize.app import cli

    seen: dict[str, object] = {}

    class Server:  # stands in for the MCP server: records what it was built with, serves nothing
        def run(self, transport: str) -> None:
            seen["transport"] = transport

    def create_server(settings, **kwargs):  # noqa: ANN001, ANN003, ANN202
        seen["settings"] = settings
        return Server()

    import summarize.app.mcp as mcp_module
    monkeypatch.setattr(mcp_module, "create_server", create_server)
    path = _write(tmp_path, 'model = "qwen-from-config"\nbase_url = "http://127.0.0.1:8080/v1"\ntimeout = 42\n')
    result = CliRunner().invoke(cli.app, ["mcp", "--config", str(path), "--no-cache"])
    assert result.exit_code == 0, result.output
    settings = seen["settings"]
    assert settings.model == "qwen-from-config" and settings.read_timeout == 42  # type: ignore[attr-defined]
    flag = CliRunner().invoke(cli.app, ["mcp", "--config", str(path), "--no-cache", "--model", "from-flag"])
    assert flag.exit_code == 0 and seen["settings"].model == "from-flag"  # type: ignore[attr-defined]
