"""Articles from where they are: web pages and feeds given by URL, and OPML lists of feeds.

A URL is fetched (:mod:`summarize.article.fetch`); a feed's entries are fetched in turn; each page becomes an
Article by the same HTML extraction as a saved ``.html`` file, its title, site and date from the page's
own metadata (a feed's date when the page states none). A page that cannot be fetched, or holds no article,
is a named failure; the others go on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..models import Article
from .feeds import looks_like_feed, parse_feed, parse_opml
from .fetch import FEED_TYPES, PAGE_TYPES, FetchPolicy, PageCache, fetch
from .load import article_from_html


@dataclass
class Remote:
    articles: list[Article] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (URL or file, message)
    notes: list[str] = field(default_factory=list)  # entries a feed could not list, and the like
    over_limit: list[tuple[str, int]] = field(default_factory=list)  # (feed URL, its entries) past max_articles


def url_id(url: str) -> str:
    """A readable, unique article id for a URL: its site, the last part of its path, a short hash."""
    parts = urlsplit(url)
    host = (parts.hostname or "web").removeprefix("www.")
    last = [p for p in parts.path.split("/") if p]
    slug = re.sub(r"\.(html?|php|aspx?)$", "", last[-1]) if last else "index"
    slug = re.sub(r"[^\w-]+", "-", slug).strip("-")[:60] or "page"
    return f"{host}-{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:6]}"


def from_urls(urls: Iterable[str], *, policy: FetchPolicy = FetchPolicy(), cache: PageCache | None = None,
              max_chars: int | None = None, max_articles: int | None = None) -> Remote:
    """Fetch every URL (a page or a feed) into Articles; failures are named, never raised. With
    ``max_articles``, a feed whose entries would take the articles and failures past it is listed in
    ``over_limit`` before any of its entries is fetched, and none is."""
    out = Remote()
    seen: set[str] = set()
    for url in urls:
        try:
            page = fetch(url, accept=PAGE_TYPES | FEED_TYPES, policy=policy, cache=cache)
            if looks_like_feed(page.content_type, page.body):
                feed = parse_feed(page.body, page.final_url)
                taken = len(out.articles) + len(out.failures)
                if max_articles is not None and taken + len(feed.entries) > max_articles:
                    out.over_limit.append((url, len(feed.entries)))
                    continue
                out.notes.extend(feed.skipped)
                for entry in feed.entries:
                    if entry.url not in seen:
                        seen.add(entry.url)
                        _page(entry.url, out, policy, cache, max_chars, entry.published)
            elif url not in seen:
                seen.add(url)
                out.articles.append(_article(page.text(), url, max_chars))
        except InputError as exc:
            out.failures.append((url, str(exc)))
    return out


def read_opml(path: Path) -> list[str]:
    """The feed URLs of an OPML file. Raises :class:`InputError` naming the file when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as an OPML file ({exc})", path=str(path)) from None
    return parse_opml(text, str(path))


def _page(url: str, out: Remote, policy: FetchPolicy, cache: PageCache | None, max_chars: int | None,
          published: object) -> None:
    try:
        page = fetch(url, accept=PAGE_TYPES, policy=policy, cache=cache)
        out.articles.append(_article(page.text(), url, max_chars, published))
    except InputError as exc:
        out.failures.append((url, str(exc)))


def _article(html: str, url: str, max_chars: int | None, published: object = None) -> Article:
    return article_from_html(html, id=url_id(url), path=url, published=published,  # type: ignore[arg-type]
                             max_chars=max_chars)
