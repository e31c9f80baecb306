"""Sources -> articles: files and folders, web pages and feeds by URL, OPML lists, and Articles as given.

Unreadable files and pages become named failures, files that are not articles are listed as skipped, and
identical or near-identical texts are marked (see :mod:`summarize.article.copies`), before any model call.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..article.copies import mark_copies
from ..article.fetch import FetchPolicy, PageCache, as_url, is_url
from ..article.load import MetaMemo, Scan, load_article, scan
from ..article.remote import from_urls, read_opml, url_id
from ..errors import InputError
from ..models import Article, Failure

Source = Article | os.PathLike[str] | str


@dataclass
class Sources:
    """What a list of sources resolved to: articles, unreadable files (as failures) and skipped files."""

    articles: list[Article]
    failures: list[Failure]
    skipped: list[tuple[Path, str]]
    notes: list[str] = field(default_factory=list)  # e.g. feed entries without a link


def load_sources(
    sources: Sequence[Source], *, exclude: Sequence[Path] = (), max_chars: int | None = None,
    fetch_policy: FetchPolicy | None = None, page_cache: PageCache | None = None, memo: MetaMemo | None = None,
) -> Sources:
    """Articles from Articles, files and folders (folders are read recursively), web pages and RSS/Atom
    feeds given by URL, and OPML files of feeds (see :mod:`summarize.article.remote`; ``fetch_policy`` bounds
    the fetching, ``page_cache`` makes a rerun's requests conditional).

    Unreadable files become failures and the other articles are unaffected; files that are not articles
    are listed as skipped; anything under an ``exclude`` folder (e.g. the run's own output) is ignored.
    A missing path or no article at all raises :class:`InputError` before any work is done. Files with the
    same text are one article, briefed once, the others listed in its ``copies``; near copies (the same
    story under another header) are marked ``near_copy_of`` (see :mod:`summarize.article.copies`). A file
    over ``max_chars`` characters fails as it is read (see :func:`~summarize.article.load.check_size`). A
    ``memo`` (e.g. :attr:`BriefingCache.articles <summarize.run.cache.BriefingCache>`) keeps the metadata read
    off each file's text, so a rerun does not read a known text again (see :func:`~summarize.article.load.load_article`)."""
    articles: list[Article] = []
    failures: list[Failure] = []
    paths: list[str | Path] = []
    urls: list[str] = []
    for source in sources:
        if isinstance(source, Article):
            articles.append(source)
        elif is_url(as_url(source)):
            urls.append(as_url(source))
        elif Path(source).suffix.lower() == ".opml":
            urls.extend(read_opml(Path(source)))
        else:
            paths.append(Path(source))
    found = scan(paths) if paths else Scan(articles=[], skipped=[])
    notes: list[str] = []
    if urls:
        remote = from_urls(urls, policy=fetch_policy or FetchPolicy(), cache=page_cache, max_chars=max_chars)
        articles.extend(remote.articles)
        notes.extend(remote.notes)
        failures.extend(Failure(article_id=url_id(url), error_kind="FetchError", message=message)
                        for url, message in remote.failures)
    excluded = [e.resolve() for e in exclude]
    for path in found.articles:
        if any(path.resolve().is_relative_to(e) for e in excluded):
            continue
        try:
            articles.append(load_article(path, max_chars=max_chars, memo=memo))
        except InputError as exc:
            failures.append(Failure(article_id=path.stem, error_kind="InputError", message=str(exc)))
    unique: list[Article] = []
    seen: dict[str, Article] = {}
    for article in articles:
        if article.id in seen:
            failures.append(Failure(
                article_id=article.id, error_kind="InputError",
                message=f"{article.path}: its id {article.id!r} is already used by {seen[article.id].path}; "
                "rename one of the files",
            ))
            continue
        seen[article.id] = article
        unique.append(article)
    return Sources(mark_copies(unique), failures, list(found.skipped), notes)
