"""The morning routine on the command line (issue 13): sources by URL, feed, OPML and stdin; a config file;
every run in the history; the digest to stdout; help and version like the neighbours; known models priced.

Pages and feeds come from tests/pageserver.py (a HAND-MADE local site); answers from the recordings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.app.cli import app

from ..conftest import RECORDINGS, SEEDS
from ..support.pageserver import PageServer

SEED = SEEDS / "003_217b1643d8ffb68b.txt"


@pytest.fixture(scope="module")
def site():  # noqa: ANN201
    with PageServer(huge_bytes=300_000) as server:
        yield server


def _invoke(args: list[str], **kwargs: object):  # noqa: ANN202
    return CliRunner().invoke(app, args, **kwargs)


# -- sources from where they are ------------------------------------------------------------------------------

def test_a_feed_is_fetched_failures_and_broken_entries_named_and_a_rerun_asks_conditionally(
        site: PageServer, tmp_path: Path) -> None:
    args = ["digest", f"{site.url}/feed.xml", "--replay", str(RECORDINGS), "-o", str(tmp_path / "out")]
    first = _invoke(args)
    assert "127.0.0.1-luftabwehr-" in first.stderr and "127.0.0.1-budapest-" in first.stderr  # fetched, briefed
    assert "missing.html" in first.stderr and "404" in first.stderr  # a page that could not be fetched, named
    assert "no link" in first.stderr  # the feed's broken entry, named
    site.requests.clear()
    _invoke(args)
    # the page cache (under the cache folder) made the rerun's requests conditional: nothing new transferred
    assert ("GET", "/feed.xml", 304) in site.requests and ("GET", "/de/luftabwehr.html", 304) in site.requests
    assert list((Path(__import__("os").environ["SUMMARIZE_CACHE_DIR"]) / "pages").glob("*.json"))


def test_an_opml_list_of_feeds_is_read(site: PageServer, tmp_path: Path) -> None:
    opml = tmp_path / "morning.opml"
    opml.write_text(f'<opml version="2.0"><body><outline xmlUrl="{site.url}/atom.xml"/></body></opml>',
                    encoding="utf-8")
    result = _invoke(["digest", str(opml), "--replay", str(RECORDINGS), "-o", str(tmp_path / "out"), "--no-cache"])
    assert "127.0.0.1-budapest-" in result.stderr
    assert "no such file" not in result.stderr


def test_daily_takes_a_feed_and_dates_its_articles_by_their_pages(site: PageServer, tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    result = _invoke(["daily", f"{site.url}/feed.xml", "--date", "2025-10-17", "--replay", str(RECORDINGS),
                      "-o", str(out)])
    assert "127.0.0.1-luftabwehr-" in result.stderr  # the German page of 17 October (no recording: a replay miss)
    assert "127.0.0.1-budapest-" not in result.stderr  # 16 October: another day
    assert "missing.html" in result.stderr and "no link" in result.stderr
    assert (out / "2025-10-17.json").is_file()
    wrong = _invoke(["daily", f"{site.url}/feed.xml", "--date", "2020-01-01", "--replay", str(RECORDINGS),
                     "-o", str(out)])
    assert wrong.exit_code == 1 and "2025-10-17 (1)" in wrong.stderr and "--date" in wrong.stderr
    assert "Article(" not in wrong.stderr and "text=" not in wrong.stderr


def test_one_article_on_stdin_and_the_digest_on_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke(["digest", "-", "--replay", str(RECORDINGS), "-o", "-", "--format", "json"],
                     input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    digest = json.loads(result.stdout)  # nothing else on stdout
    assert [a["id"] for a in digest["articles"]] == ["stdin"] and digest["actors"]
    assert "1/1 articles briefed" in result.stderr
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == []  # -o - never makes a folder


def test_brief_fetches_a_url_and_reads_stdin(site: PageServer) -> None:
    page = _invoke(["brief", f"{site.url}/en/budapest.html", "--replay", str(RECORDINGS)])
    assert "127.0.0.1-budapest-" in page.stderr and "http:/1" not in page.stderr  # fetched (no recording: a miss)
    assert ("GET", "/en/budapest.html", 200) in site.requests
    feed = _invoke(["brief", f"{site.url}/feed.xml", "--replay", str(RECORDINGS)])
    assert feed.exit_code == 2 and "summarize digest" in feed.stderr
    gone = _invoke(["brief", f"{site.url}/missing.html", "--replay", str(RECORDINGS)])
    assert gone.exit_code == 2 and "404" in gone.stderr
    stdin = _invoke(["brief", "-", "--replay", str(RECORDINGS)], input=SEED.read_text(encoding="utf-8"))
    assert stdin.exit_code == 0, stdin.stderr
    assert json.loads(stdin.stdout)["article"]["id"] == "stdin"


@pytest.mark.parametrize("fmt, start", [("md", "# Digest:"), ("html", "<!doctype html>")])
def test_format_picks_what_stdout_gets(fmt: str, start: str, tmp_path: Path) -> None:
    result = _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", "-", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lower().startswith(start.lower())
    assert "wrote" not in result.stdout


def test_format_without_stdout_and_an_unknown_format_name_the_fix(tmp_path: Path) -> None:
    folder = _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", str(tmp_path), "--format", "md"])
    assert folder.exit_code == 2 and "-o -" in folder.stderr
    unknown = _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", "-", "--format", "pdf"])
    assert unknown.exit_code == 2 and "md, json, html" in unknown.stderr


def test_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    result = _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert (tmp_path / "out" / "digest.md").is_file()


# -- a config file ----------------------------------------------------------------------------------------

def test_the_morning_job_is_one_command_with_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "summarize.toml"
    config.write_text(f'sources = ["{SEED}"]\nout = "digests"\nlang = "en"\n', encoding="utf-8")
    result = _invoke(["digest", "--config", str(config), "--replay", str(RECORDINGS)])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "digests" / "digest.json").is_file()  # its out, relative to the file
    flag = _invoke(["digest", "--config", str(config), "--replay", str(RECORDINGS), "-o", str(tmp_path / "o2")])
    assert (tmp_path / "o2" / "digest.json").is_file()  # a flag wins over the file
    assert flag.exit_code == 0


def test_the_config_files_concurrency_is_used_unless_j_is_given(tmp_path: Path) -> None:
    config = tmp_path / "summarize.toml"
    config.write_text(f'sources = ["{SEED}"]\nconcurrency = 0\n', encoding="utf-8")  # 0: refused, so it shows
    from_file = _invoke(["digest", "--config", str(config), "--replay", str(RECORDINGS), "-o", str(tmp_path / "a")])
    assert from_file.exit_code == 2 and "concurrency=0" in from_file.stderr
    flag = _invoke(["digest", "--config", str(config), "--replay", str(RECORDINGS), "-o", str(tmp_path / "b"),
                    "-j", "2"])
    assert flag.exit_code == 0, flag.stderr


def test_daily_writes_the_day_to_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke(["daily", str(SEED), "--replay", str(RECORDINGS), "--undated", "include", "--date",
                      "2025-10-17", "-o", "-", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["daily"]["date"] == "2025-10-17"
    assert list(tmp_path.iterdir()) == []  # no folder named -, no page written


def test_no_sources_anywhere_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    result = _invoke(["digest", "--replay", str(RECORDINGS)])
    assert result.exit_code == 2 and "sources = [" in result.stderr


def test_config_settings_sit_below_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "summarize.toml"
    config.write_text(f'sources = ["{SEED}"]\ncache_dir = "{tmp_path / "cfg-cache"}"\n', encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path / "env-cache"))
    from summarize.app.routine import routine

    r = routine("digest", None, None, config=config, fmt=None, history=None, no_history=False)
    assert r.cache_dir(None) == tmp_path / "env-cache"  # the environment wins
    monkeypatch.delenv("SUMMARIZE_CACHE_DIR")
    r = routine("digest", None, None, config=config, fmt=None, history=None, no_history=False)
    assert r.cache_dir(None) == tmp_path / "cfg-cache" and r.sources == [str(SEED)]


# -- the history --------------------------------------------------------------------------------------------

def test_every_digest_and_daily_run_is_recorded_unless_told_not_to(tmp_path: Path) -> None:
    import summarize

    db = tmp_path / "h.sqlite"
    _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", str(tmp_path / "out"), "--history", str(db)])
    _invoke(["daily", str(SEED), "--replay", str(RECORDINGS), "-o", str(tmp_path / "days"), "--history", str(db),
             "--undated", "include", "--date", "2025-10-17"])
    _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", str(tmp_path / "o3"), "--history", str(db),
             "--no-history"])
    runs = summarize.runs(path=db)
    assert [r.command for r in runs] == ["daily", "digest"]
    assert runs[1].page == str(tmp_path / "out" / "digest.html") and runs[1].briefed == 1
    found = summarize.history("Putin", path=db)  # the library form of `summarize history NAME`
    assert found and all("Putin" in m.label or "Putin" in m.quote for m in found)
    assert {m.run_id for m in found} == {r.id for r in runs}


def test_the_default_history_is_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize

    db = tmp_path / "moved.sqlite"
    monkeypatch.setenv("SUMMARIZE_HISTORY", str(db))
    result = _invoke(["digest", str(SEED), "--replay", str(RECORDINGS), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert [r.command for r in summarize.runs()] == ["digest"]


# -- a CLI like its neighbours -----------------------------------------------------------------------------

def test_version_and_short_help() -> None:
    import summarize

    version = _invoke(["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"summarize {summarize.__version__}"
    short = _invoke(["digest", "-h"])
    assert short.exit_code == 0 and "Usage:" in short.stdout


@pytest.mark.parametrize("command", ["digest", "daily", "brief", "mcp", "log", "history", "schema"])
def test_help_has_no_type_noise_and_no_stray_line_breaks(command: str) -> None:
    text = _invoke([command, "--help"], terminal_width=100).stdout
    options = [line for line in text.splitlines() if line.lstrip().startswith("-")]
    assert "<bool>" not in text
    assert options and not [line for line in options if "<" in line]  # no <path>, <int range>... after options
    if command == "digest":
        assert "The cache is off with --no-cache" in " ".join(text.split())
        assert "changed articles. The cache is\n" not in text  # the docstring's own breaks are re-wrapped


# -- prices ---------------------------------------------------------------------------------------------------

def test_known_models_are_priced_by_the_maintained_table_unknown_ones_not() -> None:
    from summarize.models import Digest, DigestMeta, Usage
    from summarize.render.markdown import render
    from summarize.run.pricing import price_table

    spent = Usage(prompt_tokens=1_000_000, cached_tokens=0, completion_tokens=1_000_000)
    digest = Digest(articles=[], meta=DigestMeta(lang="en", articles_total=0, articles_briefed=0, spent=spent))
    price_table().apply(digest, "gpt-4o-mini")
    assert digest.meta.cost_currency == "USD" and digest.meta.cost_estimate == pytest.approx(0.15 + 0.60)
    assert "cost ≈ 0.7500 USD" in render(digest)  # the cost shows in digest.md
    price_table().apply(digest, "qwen2.5-coder-1.5b-instruct")
    assert digest.meta.cost_estimate is None and digest.meta.cost_currency is None  # never a guess
    price_table(base_url="http://127.0.0.1:8080/v1").apply(digest, "gpt-4o-mini")
    assert digest.meta.cost_estimate is None  # a server on this machine is not OpenAI's price list


def test_a_given_table_wins_and_the_maintained_one_fills_in(tmp_path: Path) -> None:
    from summarize.models import Digest, DigestMeta, Usage
    from summarize.run.pricing import price_table

    table = tmp_path / "prices.json"
    table.write_text(json.dumps({"currency": "USD", "models": {"gpt-4o-mini": {"input": 1, "output": 1}}}),
                     encoding="utf-8")
    spent = Usage(prompt_tokens=1_000_000, cached_tokens=0, completion_tokens=0)
    digest = Digest(articles=[], meta=DigestMeta(lang="en", articles_total=0, articles_briefed=0, spent=spent))
    assert price_table(table).apply(digest, "gpt-4o-mini").meta.cost_estimate == pytest.approx(1.0)
    assert price_table(table).apply(digest, "gpt-4o").meta.cost_estimate == pytest.approx(2.5)


def test_daily_window_days_flag_reaches_the_library(tmp_path: Path) -> None:
    """--window-days N reaches adaily and is recorded on the day's page."""
    import json as _json

    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..conftest import RECORDINGS, SEEDS

    out = tmp_path / "briefings"
    args = ["daily", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(out), "--undated", "include", "--no-history"]
    earlier = CliRunner().invoke(app, [*args, "--date", "2025-10-16"])
    assert earlier.exit_code == 0, earlier.output
    later = CliRunner().invoke(app, [*args, "--date", "2025-10-17", "--window-days", "3"])
    assert later.exit_code == 0, later.output
    info = _json.loads((out / "2025-10-17.json").read_text(encoding="utf-8"))["daily"]
    assert info["window_days"] == 3


def test_a_server_on_this_machine_is_not_looked_up_in_the_maintained_table() -> None:
    """No provider of the maintained table serves from this machine or a private network: no price, and the
    table (genai-prices, a tenth of a second to load) is not loaded for it."""
    import subprocess
    import sys

    code = """
import sys
from summarize.models import Usage
from summarize.run.pricing import known_price
usage = Usage(prompt_tokens=1_000_000, cached_tokens=0, completion_tokens=1_000_000)
for url in ("http://127.0.0.1:8080/v1", "http://localhost:11434/v1", "http://192.168.1.20:8000/v1"):
    assert known_price("gpt-4o-mini", usage, url) is None, url
assert "genai_prices" not in sys.modules
assert known_price("gpt-4o-mini", usage, "https://api.openai.com/v1") > 0
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
