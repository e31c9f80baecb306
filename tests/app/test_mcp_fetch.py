"""The MCP server fetches URLs only when its operator allows it (``summarize mcp --allow-fetch``), and addresses
on this machine or a private network only when allowed too (``--allow-private-fetch``).

The pages and feeds are the HAND-MADE local site of tests/pageserver.py, served on 127.0.0.1: a private
address, so the public-address path runs the server in-process with a fetch policy whose name resolution
says "public" (as tests/article/test_fetch.py does), and the model is the HAND-MADE local endpoint of
tests/faultserver.py (empty briefings; only the fetching is under test here).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from typer.testing import CliRunner

from summarize.app.cli import app
from summarize.app.mcp import create_server
from summarize.article.fetch import FetchPolicy
from summarize.settings import Settings

from ..conftest import RECORDINGS, ROOT
from ..support.faultserver import FaultServer, ok
from ..support.pageserver import PageServer
from .test_mcp import SEED_PATH, _run, _server, _text

# as if the host were public: the local test server is counted as a public address (hand-made)
PUBLIC = FetchPolicy(allow_private=False, resolve=lambda host: ["127.0.0.1"], is_private=lambda address: False)
SUMMARY = json.dumps({"sentences_in_english": ["A hand-made summary."]})
EMPTY_PART = json.dumps({"actors": [], "decisions": [], "weapons": [], "open_questions": []})


@pytest.fixture(scope="module")
def site():  # noqa: ANN201
    with PageServer(huge_bytes=300_000) as server:
        yield server


@pytest.fixture(scope="module")
def model():  # noqa: ANN201
    """HAND-MADE answers: a summary for a summary request, an empty part for any other."""
    with FaultServer(default=lambda body: ok(SUMMARY if "sentences_in_english" in json.dumps(body) else EMPTY_PART)) as server:
        yield server


def _settings(model: FaultServer, **kw: Any) -> Settings:
    return Settings(model="hand-made", api_key="sk-test", base_url=model.url, depth=1, chunk_chars=5000, **kw)


def _call(server: Any, calls: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    async def go() -> list[Any]:
        async with Client(server) as client:
            return [await client.call_tool(tool, arguments) for tool, arguments in calls]

    return asyncio.run(asyncio.wait_for(go(), 60))


# --------------------------------------------------------------------------- not allowed: nothing is fetched


def test_without_allow_fetch_a_url_is_a_tool_error_naming_the_flag(site: PageServer, tmp_path: Path) -> None:
    page = f"{site.url}/de/luftabwehr.html"
    before = len(site.requests)
    out = _run(_server(tmp_path, "--replay", str(RECORDINGS), "--root", str(ROOT)), [
        ("url", "brief_article", {"url": page}),
        ("url_as_path", "brief_article", {"path": page}),
        ("digest", "build_digest", {"paths": [SEED_PATH, f"{site.url}/feed.xml"]}),
        ("after", "brief_article", {"path": SEED_PATH}),
    ])
    for label in ("url", "url_as_path", "digest"):
        assert out[label].is_error, label
        assert "does not fetch URLs" in _text(out[label]) and "summarize mcp --allow-fetch" in _text(out[label])
    assert len(site.requests) == before  # refused before any request
    assert not out["after"].is_error  # the server keeps serving
    assert "fetches no URLs" in out["init"].instructions
    assert "url" in out["tools"]["brief_article"].input_schema["properties"]


def test_with_allow_fetch_a_private_address_is_refused_naming_the_second_flag(site: PageServer, tmp_path: Path) -> None:
    before = len(site.requests)
    out = _run(_server(tmp_path, "--replay", str(RECORDINGS), "--root", str(ROOT), "--allow-fetch"), [
        ("url", "brief_article", {"url": f"{site.url}/de/luftabwehr.html"}),
        ("digest", "build_digest", {"paths": [SEED_PATH, f"{site.url}/en/budapest.html"]}),
    ])
    assert out["url"].is_error and "private network" in _text(out["url"])
    assert "--allow-private-fetch" in _text(out["url"])
    digest = out["digest"].structured_content
    assert not out["digest"].is_error and digest["counts"]["articles_briefed"] == 1  # the file, from the recordings
    [failure] = digest["failures"]
    assert failure["error_kind"] == "FetchError" and "--allow-private-fetch" in failure["message"]
    assert digest["counts"]["articles_total"] == 2 and digest["counts"]["failures"] == 1
    assert len(site.requests) == before  # refused before connecting
    assert "public addresses" in out["init"].instructions


def test_with_both_flags_local_pages_are_fetched_and_faults_named(site: PageServer, tmp_path: Path) -> None:
    args = ("--replay", str(RECORDINGS), "--root", str(ROOT), "--allow-fetch", "--allow-private-fetch")
    out = _run(_server(tmp_path, *args), [
        ("digest", "build_digest", {"paths": [SEED_PATH, f"{site.url}/login.html", f"{site.url}/missing.html"]}),
        ("feed", "brief_article", {"url": f"{site.url}/feed.xml"}),
        ("loop", "brief_article", {"url": f"{site.url}/loop-a"}),
    ])
    digest = out["digest"].structured_content
    assert not out["digest"].is_error and digest["counts"]["articles_briefed"] == 1
    messages = " | ".join(f["message"] for f in digest["failures"])
    assert "answered 404" in messages and len(digest["failures"]) == 2 and digest["counts"]["articles_total"] == 3
    assert "is a feed" in _text(out["feed"]) and "build_digest" in _text(out["feed"])
    assert "redirect loop" in _text(out["loop"])
    assert ("GET", "/login.html", 200) in site.requests


def test_allow_private_fetch_alone_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["mcp", "--allow-private-fetch"])
    assert result.exit_code == 2 and "--allow-fetch" in result.output


# --------------------------------------------------------------------------- allowed: public addresses, in-process


def test_a_public_page_is_fetched_and_briefed_with_its_own_metadata(site: PageServer, model: FaultServer,
                                                                     tmp_path: Path) -> None:
    server = create_server(_settings(model), roots=[tmp_path], fetch=PUBLIC, history=tmp_path / "h.sqlite")
    page = f"{site.url}/de/luftabwehr.html"
    before = model.count
    [result] = _call(server, [("brief_article", {"url": page})])
    assert not result.is_error, _text(result)
    article = result.structured_content["article"]
    assert article["url"] == page and article["title"].startswith("Kanzler sagt Kiew weitere Luftabwehr zu")
    assert any("Friedrich Merz" in json.dumps(r.body) for r in model.requests[before:])  # the page's text was sent


def test_a_public_feed_is_a_digest_of_its_articles_within_the_files_cap(site: PageServer, model: FaultServer,
                                                                        tmp_path: Path) -> None:
    server = create_server(_settings(model), roots=[tmp_path], fetch=PUBLIC, max_files=3,
                           history=tmp_path / "h.sqlite")
    feed = f"{site.url}/feed.xml"
    (tmp_path / "a.txt").write_text("Ein Artikel.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Noch ein Artikel.\n", encoding="utf-8")
    full, over_cap, too_many_urls = _call(server, [
        ("build_digest", {"paths": [feed]}),
        ("build_digest", {"paths": ["a.txt", "b.txt", feed]}),  # 2 files + a feed of 3 entries > 3
        ("build_digest", {"paths": [f"{site.url}/{n}.html" for n in range(4)]}),
    ])
    assert not full.is_error, _text(full)
    digest = full.structured_content
    assert {a["url"] for a in digest["articles"]} == {f"{site.url}/de/luftabwehr.html", f"{site.url}/en/budapest.html"}
    assert [f["error_kind"] for f in digest["failures"]] == ["FetchError"]  # the entry that answers 404
    assert over_cap.is_error and "the feed lists 3 articles" in _text(over_cap) and "--max-files N" in _text(over_cap)
    assert too_many_urls.is_error and "at most 3 article files" in _text(too_many_urls)
    assert "--max-files N" in _text(too_many_urls)


def test_fetched_text_is_held_to_the_size_cap(site: PageServer, model: FaultServer, tmp_path: Path) -> None:
    server = create_server(_settings(model, max_chars=200), roots=[tmp_path], fetch=PUBLIC,
                           history=tmp_path / "h.sqlite")
    before = model.count
    [result] = _call(server, [("brief_article", {"url": f"{site.url}/de/luftabwehr.html"})])
    assert result.is_error and "over the limit of 200" in _text(result)
    assert model.count == before  # nothing sent
