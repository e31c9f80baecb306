"""Metadata read off an article's lines: title, source, publication date (deterministic, from the text alone).

The lines are those of :func:`summarize.article.clean.classify`, each with the rule that removed it.

Metadata heuristics (all deterministic, all from the text alone, see ``summarize.article.clean``):

``title``
    Among the first five lines that ``clean()`` keeps, the first with 4 to 30 words that is not a
    multi-sentence paragraph ending in a full stop. A Markdown heading marker (``# ``) is dropped.
``source``
    Domain-like tokens (``example.de``, ``EXAMPLE.AT``: a name ending in a known TLD) in the lines
    ``clean()`` removes as page chrome (mastheads, ``(EXAMPLE.AT)`` tags, "Folgen Sie example.de
    bei ..."), photo credits and "read also" teasers excepted (those name other sites), as are
    social networks. The most frequent one wins (case-insensitively, ties to the earliest); it is
    spelled as it is spelled most often. Sites named only in the article prose, and names that are
    not domains ("X", "Truth Social"), are ignored. ``None`` when the chrome names no site.
``published``
    The first date in the header, i.e. the first ten non-blank lines, found on a line that is only
    a date (``Oktober 17, 2025``, ``17.10.2025``, ``2025-10-17``, with an optional weekday, time or
    label), on a line labelled ``Veröffentlicht``/``Published``/``Aktualisiert``/``Updated``/
    ``Stand``, or at the start or end of a short line such as ``Jane Doe | 17 October 2025``.
    Dates inside prose are events, not the publication date, and are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from itertools import islice

from ..text.dates import find_date, parse_dateline
from .boilerplate import is_injection
from .lines import Line
from .shapes import DATE_EDGE_SEPARATORS, DOMAIN

__all__ = ["published", "safe_title", "source", "title"]

_TITLE_LOOKAHEAD = 5
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")


def _n_words(line: str) -> int:
    return sum(1 for tok in line.split() if any(ch.isalnum() for ch in tok))


def safe_title(title: str | None) -> str | None:
    """A title from the page's metadata (HTML ``<title>``, a JSON ``title``) on one line, or None when it is
    addressed to a model rather than a reader ("SYSTEM: ...", "ignore previous instructions"): the title
    goes into every prompt, so it gets the same injection check as the article's lines."""
    if title is None:
        return None
    one_line = " ".join(title.split())
    if not one_line or any(is_injection(line) for line in (one_line, *title.splitlines())):
        return None
    return one_line


def title(lines: Sequence[Line]) -> str | None:
    kept = islice((line.text for line in lines if line.kept), _TITLE_LOOKAHEAD)  # not every line: the first few
    for text in kept:
        candidate = _MD_HEADING.sub("", text).strip()
        words = _n_words(candidate)
        paragraph = candidate.endswith(".") and len(re.findall(r"[.!?](?:\s|$)", candidate)) >= 2
        if 4 <= words <= 30 and not paragraph:
            return candidate
    return None


_NOT_A_SOURCE_DETAILS = frozenset({"credit", "read_also", "comments"})
_NOT_A_SOURCE_DOMAINS = frozenset(
    """facebook.com twitter.com x.com instagram.com youtube.com youtu.be tiktok.com linkedin.com
    whatsapp.com t.me telegram.org pinterest.com reddit.com google.com news.google.com
    threads.net bsky.app flipboard.com xing.com""".split()
)


def source(lines: Sequence[Line]) -> str | None:
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    first_seen: dict[str, int] = {}
    for number, line in enumerate(lines):
        if line.rule is None or line.detail in _NOT_A_SOURCE_DETAILS:
            continue
        for m in DOMAIN.finditer(line.text):
            spelled = m.group(1)
            key = spelled.lower()
            if key in _NOT_A_SOURCE_DOMAINS:
                continue
            counts[key] += 1
            spellings.setdefault(key, Counter())[spelled] += 1
            first_seen.setdefault(key, number)
    if not counts:
        return None
    best = min(counts, key=lambda key: (-counts[key], first_seen[key]))
    return spellings[best].most_common(1)[0][0]


_HEADER_LINES = 10
_BYLINE_MAX_WORDS = 20
# A byline: the author's name after "by"/"von" ("by Tim Zadorozhnyy", "Von Anna Muster"), then the date
_BYLINE = re.compile(r"(?:[Bb]y|[Vv]on)\s+(?!(?:the|a|an|end|then|now|late|early|mid|der|die|das|dem|den|einem|einer)\b)"
                     r"[^\W\d_][\w.'’-]*(?:\s+[A-ZÄÖÜ][\w.'’-]*){0,3}\s*[,|·–-]?\s*$")  # "by bne IntelliNews"
_HEADER_MAX_WORDS = 8
_LABELLED_MAX_WORDS = 14
# A publication label right before the date: "Veröffentlicht am", "Published:", "Stand: Fr.,".
_LABEL_BEFORE_DATE = re.compile(
    r"(?:\b(?:veröffentlicht|aktualisiert|erschienen|erstellt|stand|published|updated|posted|date)|\w*datum)"
    r"(?:\s+(?:am|on))?\s*:?\s*(?:[a-zäöü]{2,10}\.?,?\s*)?$",
    re.IGNORECASE,
)


def published(lines: Sequence[Line]) -> dt.date | None:
    header = islice((line.text.strip() for line in lines if not line.blank), _HEADER_LINES)
    for text in header:
        date = parse_dateline(text)
        if date is not None:
            return date
        found = find_date(text)
        if found is None:
            continue
        date, start, end = found
        words = _n_words(text)
        before, after = text[:start].strip(), text[end:].strip()
        if words <= _LABELLED_MAX_WORDS and _LABEL_BEFORE_DATE.search(before):
            return date
        if words <= _BYLINE_MAX_WORDS and _BYLINE.match(before) and len(before.split()) <= 5:
            return date  # the byline's date: "by Tim Zadorozhnyy July 4, 2025 4:47 PM (Updated: ) 2 min read"
        if words > _HEADER_MAX_WORDS:
            continue  # a date inside a sentence is an event, not the publication date
        starts_line = not before and bool(after) and after[0] in DATE_EDGE_SEPARATORS
        ends_line = not after and bool(before) and before[-1] in DATE_EDGE_SEPARATORS
        if starts_line or ends_line:
            return date
    return None
