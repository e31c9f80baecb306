"""A missing, stuck or wrong model server is named, bounded and stops the run (exit 3) instead of failing
every article one by one; timeouts are a setting. Against HAND-MADE local servers (tests/faultserver.py)."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.app.cli import EXIT_FATAL, app
from summarize.errors import ConfigurationError
from summarize.llm.replay import ARTICLE_HEADER
from summarize.settings import LOCAL_TIMEOUT, REMOTE_TIMEOUT, Settings, is_local

from ..conftest import SEEDS
from ..support.faultserver import FaultServer, hang, raw


def _run(*args: str, env: dict[str, str] | None = None):  # noqa: ANN202
    return CliRunner().invoke(app, list(args), env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", **(env or {})})


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_server_is_one_fatal_stop_naming_the_url(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    started = time.monotonic()
    result = _run("digest", str(SEEDS), "--base-url", url, "--no-cache", "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == EXIT_FATAL
    assert f"no server at {url}: is it running? check --base-url" in result.output
    failed_lines = [line for line in result.output.splitlines() if "FAILED" in line]
    assert len(failed_lines) == 1  # the first article; the other four are counted, not listed one by one
    assert "4 articles not attempted" in result.output
    assert time.monotonic() - started < 30  # three quick connection attempts, not minutes of retries


def test_a_web_page_instead_of_the_api_says_the_base_url_is_probably_wrong(tmp_path: Path) -> None:
    page = raw("<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>", content_type="text/html")
    with FaultServer(default=page) as server:
        result = _run("digest", str(SEEDS), "--base-url", server.url, "--no-cache", "-o", str(tmp_path / "out"),
                      "-j", "1")
        articles = {seen.headers.get(ARTICLE_HEADER.lower()) or seen.headers.get(ARTICLE_HEADER) for seen in server.requests}
        bodies = [json.dumps(seen.body, sort_keys=True) for seen in server.requests]
    assert result.exit_code == EXIT_FATAL
    assert "HTML page" in result.output and "base URL is probably wrong" in result.output and "/v1" in result.output
    assert len(articles) == 1  # no further article attempted
    assert len(bodies) == 1  # -j 1: one request in flight; not retried, not re-asked, nothing queued sent after it


def test_a_stuck_server_stops_the_run_after_one_timeout(tmp_path: Path) -> None:
    with FaultServer(default=hang(30)) as server:
        started = time.monotonic()
        result = _run("digest", str(SEEDS), "--base-url", server.url, "--no-cache", "-o", str(tmp_path / "out"),
                      "-j", "2", "--timeout", "2")
        elapsed = time.monotonic() - started
    assert result.exit_code == EXIT_FATAL
    assert "sent no answer within 2s" in result.output and "--timeout" in result.output
    assert elapsed < 10  # one timeout (two requests in flight at -j 2), not 4 attempts x 5 articles
    assert len(server.requests) == 2  # what was queued behind them failed at once, sending nothing


def test_timeout_from_flag_and_environment_and_defaults_by_where_the_server_is() -> None:
    assert Settings.from_env({"SUMMARIZE_TIMEOUT": "42.5"}).read_timeout == 42.5
    assert Settings(base_url="http://127.0.0.1:8080/v1").read_timeout == LOCAL_TIMEOUT
    assert Settings(base_url="http://192.168.1.20:8000/v1").read_timeout == LOCAL_TIMEOUT
    assert Settings(api_key="sk-x").read_timeout == REMOTE_TIMEOUT
    assert Settings(base_url="https://api.example.com/v1", timeout=9).read_timeout == 9
    assert is_local("http://localhost:11434/v1") and not is_local("https://api.openai.com/v1")
    with pytest.raises(ConfigurationError, match="SUMMARIZE_TIMEOUT"):
        Settings.from_env({"SUMMARIZE_TIMEOUT": "soon"})
    with pytest.raises(ConfigurationError, match="--timeout"):
        Settings(timeout=0)


def test_a_log_gets_status_lines_while_the_model_is_silent(tmp_path: Path) -> None:
    """Stderr piped (CliRunner is not a terminal): a status line every SUMMARIZE_PROGRESS_INTERVAL seconds
    names the elapsed time and the requests in flight, so a stalled run does not look like a hung one."""
    with FaultServer(default=hang(30)) as server:
        result = _run("digest", str(SEEDS), "--base-url", server.url, "--no-cache", "-o", str(tmp_path / "out"),
                      "-j", "1", "--timeout", "1.5", env={"SUMMARIZE_PROGRESS_INTERVAL": "0.4"})
    status = [line for line in result.output.splitlines() if line.startswith("summarize: working:")]
    assert len(status) >= 2
    assert "0 done, 0 failed, 5 total" in status[0] and "requests in flight" in status[0]
    assert any(" 1 requests in flight" in line or "requests in flight" in line for line in status)
    assert "elapsed" in status[-1]


def test_the_terminal_line_keeps_time_moving_without_events() -> None:
    import io

    from rich.console import Console

    from summarize.llm.watch import ServerWatch
    from summarize.app.progress import ProgressDisplay

    watch = ServerWatch("http://127.0.0.1:8080/v1", 300)
    watch.started()
    display = ProgressDisplay(3, Console(file=io.StringIO(), force_terminal=True), watch=watch,
                              started=time.monotonic() - 65)
    first = display.__rich__().plain
    display.started -= 60  # a minute passes with no event at all
    later = display.__rich__().plain
    assert "1m05s elapsed" in first and "2m05s elapsed" in later
    assert "1 requests in flight" in later and "last activity" in later
