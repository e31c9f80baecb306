"""HTML page -> the article's main text and metadata, with trafilatura.

A saved news page holds far more than the article: menus, ads, teasers, cookie banners, footers.
``extract_html`` hands the page to trafilatura, which finds the main content block by the page's
structure (not by regular expressions), and keeps its paragraphs as plain text, one per line.
Comments and tables are left out, and precision is favoured over recall: a paragraph that may be
page chrome is dropped rather than kept. The extracted text is what becomes ``Article.text``, so
evidence quotes are later located in it.

Metadata comes from the page's own markup (``<meta property="og:title">``, ``og:site_name``,
``article:published_time``, ``<link rel="canonical">``, ``<title>``, JSON-LD, ...), as trafilatura
reads it. The publication date is taken from that markup only (trafilatura's "extensive" search of
the page's text is off): a date in the prose is an event, not the publication date.

A page whose extracted text holds no prose (an index of teasers, a login form, an error page) gives
``None``: trafilatura's fallback returns the leftover link labels of such pages, so the text must
hold at least ``MIN_WORDS`` words and one sentence-like line (``MIN_SENTENCE_WORDS`` words or more,
ending in ``.``, ``!``, ``?`` or ``…``, closing quotes allowed).

trafilatura (and lxml under it) is imported on the first call only, so importing ``summarize``
stays fast for callers that never read HTML.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass

from ..text.sentences import ends_sentence

__all__ = ["MIN_SENTENCE_WORDS", "MIN_WORDS", "HtmlArticle", "declared_charset", "extract_html"]

MIN_WORDS = 12
"""Fewer extracted words than this: the page holds no article."""
MIN_SENTENCE_WORDS = 6
"""At least one extracted line must be a sentence of this many words or more."""


@dataclass(frozen=True)
class HtmlArticle:
    """What ``extract_html`` found: the main text, and the page's metadata where it states it."""

    text: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None


def extract_html(html: str) -> HtmlArticle | None:
    """The main article text and metadata of ``html``; ``None`` when the page holds no article."""
    import trafilatura  # lazy: a few hundred ms of imports (lxml, htmldate, justext, courlan)
    from trafilatura.settings import set_date_params

    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=set_date_params(False),
    )
    if document is None or isinstance(document, dict):  # dict only with the deprecated as_dict=True
        return None
    text = _tidy(document.text or "")
    if not _has_prose(text):
        return None
    return HtmlArticle(
        text=text,
        title=_clean(document.title),
        source=_clean(document.sitename) or _clean(document.hostname),
        published=_date(document.date),
        url=_clean(document.url),
        author=_clean(document.author),
    )


def _tidy(text: str) -> str:
    """Trailing spaces off every line, blank lines off both ends; nothing else changes."""
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()




def _has_prose(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if sum(len(line.split()) for line in lines) < MIN_WORDS:
        return False
    return any(len(line.split()) >= MIN_SENTENCE_WORDS and ends_sentence(line) for line in lines)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------- declared encoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_PRESCAN_BYTES = 2048
# The WHATWG Encoding Standard decodes these labels as windows-1252, and so do browsers.
_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})


def declared_charset(data: bytes) -> str | None:
    """The Python codec name (``codecs.lookup(...).name``) of the ``<meta charset>`` an HTML page
    declares in its first 2 KiB, if Python knows it.

    Both ``<meta charset="...">`` and ``<meta http-equiv="Content-Type" content="...; charset=...">``
    count. ISO-8859-1 and ASCII are read as windows-1252 (``cp1252``), as browsers do.
    """
    m = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name
