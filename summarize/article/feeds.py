"""RSS/Atom feeds and OPML lists of feeds -> the URLs of their articles.

Feeds are parsed by feedparser (RSS 0.9x-2.0, Atom, RDF, with its tolerance for the broken feeds real sites
serve). An entry without a usable link is skipped and named in :attr:`Feed.skipped`; the others go on. An
OPML file (the export format of every feed reader) lists feeds as ``<outline xmlUrl="...">``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .fetch import FetchError


@dataclass(frozen=True)
class Entry:
    """One item of a feed: its article's URL and what the feed says of it."""

    url: str
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None


@dataclass
class Feed:
    url: str
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why an entry was left out, one line each


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """A feed by its content type, or by its first tag when the server says only ``text/xml``/``text/html``."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    head = body[:1024].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(body: bytes, url: str) -> Feed:
    """The entries of the feed ``body`` fetched from ``url``. Raises :class:`FetchError` when it holds no feed."""
    import feedparser  # lazy: only runs that read feeds pay for it

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.entries and not parsed.feed.get("title"):
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise FetchError(f"{url}: not an RSS or Atom feed{reason}", path=url)
    feed = Feed(url=url, title=parsed.feed.get("title") or None)
    seen: set[str] = set()
    for n, item in enumerate(parsed.entries, 1):
        link = (item.get("link") or "").strip()
        if not link:
            feed.skipped.append(f"{url}: entry {n} ({item.get('title') or 'untitled'}) has no link")
            continue
        link = urljoin(url, link)
        if urlsplit(link).scheme not in ("http", "https"):
            feed.skipped.append(f"{url}: entry {n} links to {link!r}, not an http(s) page")
            continue
        if link in seen:
            continue
        seen.add(link)
        feed.entries.append(Entry(url=link, title=item.get("title") or None, published=_date(item),
                                  author=item.get("author") or None))
    return feed


def _date(item: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = item.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                return None
    return None


def parse_opml(text: str, name: str) -> list[str]:
    """The feed URLs an OPML document lists (``xmlUrl`` of its outlines, nested groups included)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise FetchError(f"{name}: not an OPML file ({exc}); export it again from the feed reader", path=name) from None
    urls: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in urls:
            urls.append(url)
    if not urls:
        raise FetchError(f"{name}: an OPML file without feeds (no <outline xmlUrl=...>)", path=name)
    return urls
