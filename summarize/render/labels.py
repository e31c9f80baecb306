"""Short source labels for the HTML page: the article's site and date ("tagesschau.de 10-17"), not its file stem.

The site is the article's ``source`` (the name the page or text gives), else its URL's host without
``www.``; the date is its publication date as month-day. An article with neither keeps its short tag
(the id's prefix, see :func:`~summarize.render.markdown.source_tags`). Labels are unique within a digest:
a repeated label gets " #2", " #3", ... in article order. (The model's prompts keep the id tags: this is
for readers only.)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..models import ArticleRef, Digest
from .markdown import source_tags

SITE_CHARS = 22


def _site(article: ArticleRef) -> str:
    site = " ".join((article.source or "").split())
    if not site and article.url:
        host = urlsplit(article.url).hostname or ""
        site = host.removeprefix("www.")
    if len(site) > SITE_CHARS:
        site = site[: SITE_CHARS - 1].rstrip() + "…"
    return site


def source_labels(digest: Digest) -> dict[str, str]:
    """Article id -> a short, unique label: site and date, else the short id tag (failures keep theirs)."""
    tags = source_tags(digest)
    labels: dict[str, str] = {}
    for article in digest.articles:
        bits = [_site(article), article.published.strftime("%m-%d") if article.published else ""]
        labels[article.id] = " ".join(b for b in bits if b) or tags[article.id]
    for failure in digest.failures:
        labels.setdefault(failure.article_id, tags[failure.article_id])
    seen: dict[str, int] = {}
    taken = set(labels.values())
    for aid, text in labels.items():
        n = seen.get(text, 0) + 1
        seen[text] = n
        if n > 1:
            candidate, k = f"{text} #{n}", n
            while candidate in taken:
                k += 1
                candidate = f"{text} #{k}"
            labels[aid] = candidate
            taken.add(candidate)
    return labels
