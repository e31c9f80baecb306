"""Deterministic removal of page chrome before the model sees an article.

Scraped news pages carry more than the article: share buttons, "read also" teasers, photo credits,
newsletter and webinar ads, menus, tickers, bylines. ``clean`` drops such lines with plain regular
expressions and string tests (no model, no network, a few milliseconds per page), and keeps a map
from the cleaned text back to the original so that quotes found in the cleaned text can be cited
with offsets into the article as published.

The unit of work is the line. A line is either kept whole and byte-identical, or removed whole; the one
exception is a link to another story set in parentheses after a paragraph's last sentence ("... fliegen“.
(Russland warnt Ukraine vor ...)"), which is split off its line and removed as ``boilerplate``.
Blank (whitespace-only) lines are dropped from the clean text without being counted as removed
content. The kept lines are joined with ``"\\n"``.

Rules
-----
Every removed line is counted under exactly one rule name in ``CleaningReport.removed_by_rule``
(see ``RULES``). The rules run in passes, and a line keeps the first rule that claims it:

1. one line at a time: ``boilerplate``, ``bullet_teaser``, ``hashtag``, ``dateline``, then the
   explicit form of ``byline`` (``Von ...`` / ``By ...``);
2. runs of lines: ``menu``;
3. position: the lone-name form of ``byline``, then ``short_fragment``;
4. ``duplicate``.

A line is *protected* when it has 15 or more words or two or more sentences: a protected line is
only ever removed by ``boilerplate`` (a clear share/credit/call-to-action pattern) or ``duplicate``
(an exact repeat of a kept line, so no content is lost). A *paragraph* is a protected line, or a
line of six or more words ending in ``.``, ``!``, ``?``, ``…`` or ``:``.

``injection``
    A line addressed to an AI model instead of the reader, or markup smuggled into the text: "ignore
    (all) previous instructions" / "Ignoriere alle vorherigen Anweisungen", "you are now ..." /
    "Du bist jetzt ...", a fake role turn (``SYSTEM: ...``), chat-template tokens (``<|im_start|>``),
    ``<article>``-style delimiter tags, a line of Markdown images only, a line that is a single HTML tag
    (``<img ...>``, ``<script>``). Removed whatever the line's length: such lines carry instructions,
    never news. The prompt, which marks the article as untrusted data, is the second line of defence.
``boilerplate``
    Share, follow, read-also, newsletter, cookie, photo-credit, reader-tip, advertising and other
    call-to-action patterns, in German and English. Examples: ``Artikel teilen:``,
    ``Folgen Sie ... bei WhatsApp, Facebook``, ``Lesen Sie auch: ...``, ``Auch lesenswert:``,
    ``Mehr zum Thema``, ``Foto: Max Muster/Reuters``, ``... Bild: picture alliance/dpa``,
    ``Quelle: dpa``, ``Du hast einen Hinweis für uns?``, ``Herzlichen Dank für deine Zusendung.``,
    ``Keine Kreditkarte erforderlich``, ``Erfahren Sie hier mehr über die journalistischen
    Standards``, ``Immer informiert``, ``Anzeige``; ``Read also: ...``, ``Share this article``,
    ``Facebook``, ``Follow us on X``, ``Sign up for our newsletter``, ``Photo: Jane Doe/AP``,
    ``Advertisement``, ``All rights reserved``. Also the last few short lines of a page under a box
    header of other stories (``Das könnte Dir auch gefallen``, ``You may also like``): their teasers.
``bullet_teaser``
    A bullet list line (``- ...``, ``• ...``, ``* ...``, indented or not). On news pages these are
    teasers, tags and menus, not article prose. Example: ``  • Mehr Luftabwehr für die
    Ukraine im Gespräch``.
``hashtag``
    A line of hashtags only. Example: ``#Energie``.
``dateline``
    A line that is only a date (optionally with a weekday, a time, or a "Published/Veröffentlicht"
    label). Examples: ``Oktober 17, 2025``, ``17.10.2025``, ``17 October 2025``, ``2025-10-17``,
    ``Veröffentlicht am 17. Oktober 2025, 14:30 Uhr``.
``menu``
    A run of three or more consecutive short, non-prose lines (blank lines do not break a run):
    menus, tickers, category and speaker lists. A line is short when it has at most three words
    and does not end a sentence; a four-word line counts when it ends with ``:``, starts in lower
    case, or holds an abbreviation/ordinal (``Prof. Dr. A. Beispiel``, ``ab 1. Juli 2025``), so
    that a four-word headline next to a ticker is not swallowed. Examples: ``(BTC)`` / ``(ETH)``
    / ``(LTC)``; a webinar ad listing its speakers' names.
``byline``
    A line naming the author: ``Von Max Mustermann``, ``By Jane Doe and John Roe``,
    ``Jane Doe | 17 October 2025`` anywhere; or a lone line of two to four capitalised name words
    (``Erika Musterfrau``) next to a dateline, between the title and the first paragraph, or after
    the last paragraph. Between two paragraphs such a line is taken as a section heading and kept.
``short_fragment``
    A one- or two-word line without sentence punctuation (``Politik``, ``Themen``), unless the
    nearest kept lines before and after it are paragraphs (a short section heading); and,
    wherever it is, a one- or two-word line that cannot be prose: a parenthesised tag
    (``(EXAMPLE.AT)``), a path or domain (``/nav/example.de``, ``example.com``), a lower-case token
    (``crossmenu``) or a line without letters. Markdown headings (``## Hintergrund``) are kept.
``duplicate``
    A line identical (ignoring surrounding whitespace) to an earlier kept line, e.g. a title the
    page prints twice.

What is kept: prose paragraphs, the title, and section headings (a short line between prose).

Where it lives: this module holds the result (:class:`CleanedText`) and :func:`clean`; the passes are in
:mod:`.classify`, the line features in :mod:`.lines`, the pattern table in :mod:`.boilerplate`, the line
shapes in :mod:`.shapes`, and dates and sentence ends in :mod:`summarize.text`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from ..models import CleaningReport
from ..text.dates import find_date, parse_dateline
from .boilerplate import is_injection
from .classify import classify
from .lines import Line
from .shapes import DOMAIN

__all__ = [
    "DOMAIN",
    "RULES",
    "CleanedText",
    "Line",
    "classify",
    "clean",
    "find_date",
    "is_injection",
    "parse_dateline",
]

RULES: tuple[str, ...] = (
    "injection",
    "boilerplate",
    "bullet_teaser",
    "hashtag",
    "dateline",
    "menu",
    "byline",
    "short_fragment",
    "duplicate",
)
"""Every rule name that can appear in ``CleaningReport.removed_by_rule``, in the order tried."""

# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class CleanedText:
    """The kept lines of an article, and the map back to the original text.

    ``segments`` holds one ``(clean_start, orig_start, length)`` triple per kept line:
    ``text[clean_start:clean_start + length] == original[orig_start:orig_start + length]``.
    ``removed_before`` holds, per kept line, how many non-blank lines were removed before it in the
    original; two consecutive kept lines were adjacent in the original (only line breaks and blank
    lines between them) exactly when their counts are equal. When it is left empty, every join is
    treated as crossing removed content (only spans inside one line map).
    """

    text: str
    segments: tuple[tuple[int, int, int], ...]
    report: CleaningReport
    removed_before: tuple[int, ...] = field(default=(), repr=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.removed_before and len(self.removed_before) != len(self.segments):
            raise ValueError("removed_before needs one entry per segment")
        object.__setattr__(self, "_starts", tuple(seg[0] for seg in self.segments))

    def _segment_at(self, pos: int) -> int:
        """Index of the kept line holding clean offset ``pos`` (a join counts with the line before)."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def _adjacent(self, first: int, last: int) -> bool:
        """Whether kept lines ``first..last`` were consecutive in the original (no removed line)."""
        if first == last:
            return True
        if not self.removed_before:
            return False
        return self.removed_before[first] == self.removed_before[last]

    def to_original(self, start: int, end: int) -> tuple[int, int] | None:
        """Map the span ``[start, end)`` of ``text`` to the original text, in O(log n).

        Returns ``None`` when the span runs across the join between two kept lines that were not
        adjacent in the original (a removed line lay between them). A span inside one line maps to
        the identical characters of the original; a span across adjacent lines maps to the
        original stretch from its first to its last character, blank lines included.
        Raises ``ValueError`` for a reversed span or one outside ``text``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is reversed or outside the text (0..{len(self.text)})")
        if not self.segments:
            return None
        first = self._segment_at(start)
        last = self._segment_at(end - 1) if end > start else first
        if not self._adjacent(first, last):
            return None
        clean_first, orig_first, _ = self.segments[first]
        clean_last, orig_last, _ = self.segments[last]
        return orig_first + (start - clean_first), orig_last + (end - clean_last)


def clean(text: str) -> CleanedText:
    """Remove page chrome from ``text`` line by line; see the module docstring for the rules."""
    lines = classify(text)
    kept_lines: list[str] = []
    segments: list[tuple[int, int, int]] = []
    removed_before: list[int] = []
    removed = 0
    chars_removed = 0
    by_rule: Counter[str] = Counter()
    pos = 0
    for line in lines:
        if line.blank:
            continue
        if line.rule is not None:
            removed += 1
            chars_removed += len(line.text)
            by_rule[line.rule] += 1
            continue
        if kept_lines:
            pos += 1  # the "\n" joining it to the previous kept line
        segments.append((pos, line.start, len(line.text)))
        removed_before.append(removed)
        kept_lines.append(line.text)
        pos += len(line.text)
    clean_text = "\n".join(kept_lines)
    report = CleaningReport(
        chars_in=len(text),
        chars_kept=len(clean_text),
        chars_removed=chars_removed,
        lines_removed=removed,
        removed_by_rule={rule: by_rule[rule] for rule in RULES if by_rule[rule]},
    )
    return CleanedText(clean_text, tuple(segments), report, tuple(removed_before))
