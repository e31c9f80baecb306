"""Fetching pages and feeds: bounded, polite, conditional; faults are named failures. Against the HAND-MADE
local site in tests/pageserver.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.article.feeds import looks_like_feed, parse_feed, parse_opml
from summarize.article.fetch import FEED_TYPES, FetchError, FetchPolicy, PageCache, fetch, is_url

from ..conftest import SEEDS
from ..support.pageserver import PageServer

SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture(scope="module")
def site():  # noqa: ANN201
    with PageServer(huge_bytes=300_000) as server:
        yield server


def test_a_page_is_fetched_with_a_user_agent_naming_the_tool(site: PageServer) -> None:
    page = fetch(f"{site.url}/de/luftabwehr.html")
    assert "Friedrich Merz" in page.text() and page.content_type.startswith("text/html")
    assert page.etag == '"de-1"' and not page.from_cache
    assert FetchPolicy().user_agent.startswith("summarize/")


@pytest.mark.parametrize(("path", "words"), [
    ("/missing.html", "answered 404"),
    ("/loop-a", "redirect loop"),
    ("/huge.html", "over the limit"),
    ("/image.png", "content type 'image/png'"),
])
def test_faults_are_named_failures(site: PageServer, path: str, words: str) -> None:
    with pytest.raises(FetchError, match=words) as caught:
        fetch(f"{site.url}{path}", policy=FetchPolicy(max_bytes=100_000))
    assert caught.value.path == f"{site.url}{path}"


def test_a_redirect_is_followed_and_the_final_url_kept(site: PageServer) -> None:
    page = fetch(f"{site.url}/old.html")
    assert page.final_url == f"{site.url}/en/budapest.html" and "Budapest" in page.text()


def test_too_many_redirects_are_refused(site: PageServer) -> None:
    with pytest.raises(FetchError, match="redirect"):
        fetch(f"{site.url}/old.html", policy=FetchPolicy(max_redirects=0))


def test_only_http_urls_and_private_addresses_only_when_allowed(site: PageServer) -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")
    closed = FetchPolicy(allow_private=False)
    before = len(site.requests)
    with pytest.raises(FetchError, match="private network"):
        fetch(f"{site.url}/de/luftabwehr.html", policy=closed)
    assert len(site.requests) == before  # refused before connecting
    # A name the policy resolves, and an address it counts as public: the connection goes to the checked
    # address itself, never through a second lookup (the test harness blocks any lookup of "news.example").
    public = FetchPolicy(allow_private=False, resolve=lambda host: ["127.0.0.1"], is_private=lambda address: False)
    port = site.url.rsplit(":", 1)[1]
    page = fetch(f"http://news.example:{port}/de/luftabwehr.html", policy=public)
    assert "Merz" in page.text()
    rebinding = FetchPolicy(allow_private=False, resolve=lambda host: ["93.184.216.34", "127.0.0.1"])
    with pytest.raises(FetchError, match="private network"):  # any private address of the name: refused
        fetch(f"http://news.example:{port}/de/luftabwehr.html", policy=rebinding)
    assert is_url("https://example.com/a") and not is_url("seeds/a.txt")


def test_a_rerun_sends_conditional_requests_and_transfers_nothing_new(site: PageServer, tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "pages")
    first = fetch(f"{site.url}/en/budapest.html", cache=cache)
    before = len(site.requests)
    again = fetch(f"{site.url}/en/budapest.html", cache=cache)
    assert again.from_cache and again.body == first.body
    assert site.requests[before:] == [("GET", "/en/budapest.html", 304)]


def test_a_feed_lists_its_articles_and_names_a_broken_entry(site: PageServer) -> None:
    page = fetch(f"{site.url}/feed.xml", accept=FEED_TYPES)
    assert looks_like_feed(page.content_type, page.body)
    feed = parse_feed(page.body, page.final_url)
    assert feed.title == "Beispiel-Zeitung Politik"
    assert [e.url for e in feed.entries] == [f"{site.url}/de/luftabwehr.html", f"{site.url}/en/budapest.html",
                                             f"{site.url}/missing.html"]
    assert feed.entries[0].published is not None and feed.entries[0].published.isoformat() == "2025-10-17"
    assert len(feed.skipped) == 1 and "no link" in feed.skipped[0]
    atom = fetch(f"{site.url}/atom.xml", accept=FEED_TYPES)
    assert [e.url for e in parse_feed(atom.body, atom.final_url).entries] == [f"{site.url}/en/budapest.html"]


def test_a_page_that_is_not_a_feed_is_named(site: PageServer) -> None:
    page = fetch(f"{site.url}/login.html")
    assert not looks_like_feed(page.content_type, page.body)
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        parse_feed(page.body, page.url)


def test_opml_lists_feeds_in_nested_groups() -> None:
    opml = """<?xml version="1.0"?><opml version="2.0"><head><title>Morning</title></head><body>
    <outline text="German"><outline text="Politik" type="rss" xmlUrl="https://example.de/politik.rss"/></outline>
    <outline text="World" type="rss" xmlUrl="https://example.com/world.atom"/>
    <outline text="dupe" xmlUrl="https://example.com/world.atom"/></body></opml>"""
    assert parse_opml(opml, "feeds.opml") == ["https://example.de/politik.rss", "https://example.com/world.atom"]
    with pytest.raises(FetchError, match="not an OPML file"):
        parse_opml("<opml><body>", "broken.opml")
    with pytest.raises(FetchError, match="without feeds"):
        parse_opml("<opml><body></body></opml>", "empty.opml")


def test_a_feed_becomes_articles_with_the_pages_metadata_and_named_failures(site: PageServer) -> None:
    from summarize.article.remote import from_urls

    remote = from_urls([f"{site.url}/feed.xml", f"{site.url}/login.html"])
    ids = [a.id for a in remote.articles]
    assert len(ids) == 2 and ids[0].startswith("127.0.0.1-luftabwehr-")
    de, en = remote.articles
    assert de.title == "Kanzler sagt Kiew weitere Luftabwehr zu" and de.source == "Beispiel-Zeitung"
    assert de.published is not None and de.published.isoformat() == "2025-10-17"
    assert de.path == f"{site.url}/de/luftabwehr.html"
    assert de.author == "Erika Musterfrau"  # from the page's metadata: a field, never an actor
    from summarize.article.clean import clean

    assert "Newsletter" not in de.text and "Startseite" not in de.text  # the page's chrome is not extracted
    assert "Max Muster/dpa" not in clean(de.text).text  # the photo credit never reaches the model
    assert "Budapest" in en.text
    failed = dict(remote.failures)
    assert "404" in failed[f"{site.url}/missing.html"]
    assert "no article text" in failed[f"{site.url}/login.html"]
    assert any("no link" in note for note in remote.notes)


def test_sources_take_urls_feeds_and_opml_beside_files(site: PageServer, tmp_path: Path) -> None:
    from summarize.run.sources import load_sources

    opml = tmp_path / "morning.opml"
    opml.write_text(f'<opml version="2.0"><body><outline xmlUrl="{site.url}/atom.xml"/></body></opml>',
                    encoding="utf-8")
    # A Path folds "https://" into "https:/" (as a CLI argument typed as a path would): it is read as the URL.
    found = load_sources([Path(f"{site.url}/feed.xml"), str(opml), SEED])
    urls = [a.path for a in found.articles]
    assert f"{site.url}/de/luftabwehr.html" in urls and f"{site.url}/en/budapest.html" in urls
    assert str(SEED) in urls
    assert urls.count(f"{site.url}/en/budapest.html") == 1  # in the feed and the OPML's feed: read once
    assert [f.error_kind for f in found.failures] == ["FetchError"] and "404" in found.failures[0].message
    assert any("no link" in note for note in found.notes)


def test_the_cli_fetches_a_url_argument_instead_of_reading_a_path(site: PageServer, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..conftest import RECORDINGS

    result = CliRunner().invoke(app, ["digest", f"{site.url}/en/budapest.html", "--replay", str(RECORDINGS),
                                      "-o", str(tmp_path / "out")])
    assert "https:/" not in result.output and "http:/1" not in result.output
    assert "127.0.0.1-budapest-" in result.output  # fetched and briefed (no recording: a replay miss, named)
    assert ("GET", "/en/budapest.html", 200) in site.requests


def test_the_byline_of_a_fetched_page_never_becomes_an_actor(site: PageServer) -> None:
    """Even when a (HAND-MADE, scripted) model lists the author as an actor, no sentence the model sees
    names her: the byline is page chrome, so the item is dropped with its reason."""
    import json

    from summarize import Settings, brief
    from summarize.article.remote import from_urls

    from ..support.fakes import Scripted

    article = from_urls([f"{site.url}/de/luftabwehr.html"]).articles[0]
    author = {"name_as_written": "Erika Musterfrau", "s": 1, "name": "Erika Musterfrau", "kind": "person",
              "role_in_english": "author"}
    merz = {"name_as_written": "Friedrich Merz", "s": 2, "name": "Friedrich Merz", "kind": "person",
            "role_in_english": "Chancellor"}
    part = json.dumps({"actors": [author, merz], "decisions": [], "weapons": [], "open_questions": []})
    summary = json.dumps({"sentences_in_english": ["Merz promised Patriot systems."]})
    server = Scripted([part, summary])
    settings = Settings(model="hand-made", api_key="sk-test", chunk_chars=5000, depth=1)
    b = brief(article, settings=settings, client=server.client())
    names = [a.name for a in b.actors]  # (the page names Selenskyj twice: the alias table's people are found too)
    assert "Friedrich Merz" in names and "Erika Musterfrau" not in names
    assert any(d.label == "Erika Musterfrau" for d in b.dropped)
    assert article.author == "Erika Musterfrau"
