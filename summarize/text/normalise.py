"""The matching forms of a text: one for finding a quote in an article, one for grouping names.

* :func:`normalise` -- the form "normalised" quote matching compares (``briefing.ground.locate``,
  ``mentions``), which also keys the briefing's drafts and the alias table. It keeps accents and
  punctuation (a quote is matched character for character) and rewrites only what a model or a web page
  writes differently for the same text: whitespace, dashes, quotation marks, ellipsis, invisible
  characters, Unicode composition, case. :func:`normalise_mapped` gives the same string with the original
  span of every character, so a match maps back to exact offsets.
* :func:`fold` -- the key that groups names and phrases across articles (digest merge, entity
  resolution): casefolded, accents stripped ("Orbán" -> "orban", "ß" -> "ss"), every run of punctuation,
  hyphens, underscores and whitespace one space ("US-Präsident" -> "us prasident").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["QUOTATION_MARKS", "QUOTE_CHARS", "SINGLE_QUOTATION_MARKS", "Normalised", "fold", "normalise", "normalise_mapped",
           "normalised_text", "strip_accents"]


_DOUBLE_QUOTES = '"„“”‟«»″〝〞＂'
# The quotation marks of German and English news text as the briefing reads them (a quotation left open, a
# word in quotation marks): the double ones, and the single ones that are no apostrophe-like prime or accent.
QUOTATION_MARKS = '"„“”«»'
SINGLE_QUOTATION_MARKS = "‚‘’"
_SINGLE_QUOTES = "'‚‘’‛‹›′`´"
_DASHES = "-‐‑‒–—―−﹘﹣－"
_REMOVED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # soft hyphen, zero-width chars, BOM

_CHAR_MAP: dict[str, str] = {
    **{c: '"' for c in _DOUBLE_QUOTES},
    **{c: "'" for c in _SINGLE_QUOTES},
    **{c: "-" for c in _DASHES},
    "…": "...",
}

QUOTE_CHARS = _DOUBLE_QUOTES + _SINGLE_QUOTES


@dataclass(frozen=True)
class Normalised:
    """A normalised string plus, per normalised character, the original span it came from."""

    text: str
    starts: tuple[int, ...]  # original index where the character's source begins
    ends: tuple[int, ...]  # original index just after the character's source

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the non-empty normalised span ``[start, end)`` to original offsets."""
        return self.starts[start], self.ends[end - 1]


def _segments(s: str) -> list[tuple[int, int, str]]:
    """Split ``s`` into (start, end, NFC text) pieces: a starter plus its combining marks.

    Composing each piece separately is what NFC does for everything but rare cross-starter cases
    (Hangul jamo sequences), and it keeps the index map exact.
    """
    pieces: list[tuple[int, int, str]] = []
    i, n = 0, len(s)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(s[j]):
            j += 1
        pieces.append((i, j, unicodedata.normalize("NFC", s[i:j])))
        i = j
    return pieces


# Characters the normalisation rewrites or drops; between them, text only needs case folding. A
# single space is ordinary text (it maps to itself), which keeps the number of matches small.
_SPECIAL = re.compile(r"\s{2,}|[^\S ]|[" + re.escape("".join(_CHAR_MAP) + "".join(_REMOVED)) + "]")


class _Builder:
    """Accumulates normalised characters with their original spans, collapsing whitespace."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pending_space: int | None = None  # original index of a whitespace run not yet emitted

    def space(self, i: int) -> None:
        if self.out and self.pending_space is None and not self.out[-1].endswith(" "):
            self.pending_space = i

    def _flush(self) -> None:
        if self.pending_space is not None:
            self.out.append(" ")
            self.starts.append(self.pending_space)
            self.ends.append(self.pending_space + 1)
            self.pending_space = None

    def piece(self, i: int, j: int, normalised: str) -> None:
        """``normalised`` replaces all of ``s[i:j]``."""
        if normalised:
            self._flush()
            self.out.append(normalised)
            self.starts.extend([i] * len(normalised))
            self.ends.extend([j] * len(normalised))

    def run(self, i: int, chunk: str) -> None:
        """``chunk`` starts at ``s[i]``, holds no special characters and needs only case folding."""
        if chunk[0] == " ":  # the only whitespace a chunk can hold is a single space
            self.space(i)
            i, chunk = i + 1, chunk[1:]
            if not chunk:
                return
        folded = chunk.casefold()
        if len(folded) != len(chunk):  # "ß" -> "ss": fold character by character
            for k, ch in enumerate(chunk):
                self.piece(i + k, i + k + 1, ch.casefold())
            return
        self._flush()
        self.out.append(folded)
        self.starts.extend(range(i, i + len(chunk)))
        self.ends.extend(range(i + 1, i + len(chunk) + 1))

    def special(self, i: int, ch: str) -> None:
        if ch.isspace():
            self.space(i)
        elif ch not in _REMOVED:
            self.piece(i, i + 1, _CHAR_MAP.get(ch, ch))

    def result(self) -> Normalised:
        if self.out and self.out[-1].endswith(" "):  # a chunk's trailing space at the very end
            self.out[-1] = self.out[-1][:-1]
            del self.starts[-1], self.ends[-1]
        return Normalised("".join(self.out), tuple(self.starts), tuple(self.ends))


def normalise_mapped(s: str) -> Normalised:
    b = _Builder()
    if unicodedata.is_normalized("NFC", s):
        pos = 0
        for m in _SPECIAL.finditer(s):
            if m.start() > pos:
                b.run(pos, s[pos : m.start()])
            if m.group()[0].isspace():
                b.space(m.start())
            else:
                b.special(m.start(), m.group())
            pos = m.end()
        if pos < len(s):
            b.run(pos, s[pos:])
        return b.result()
    # Slow path: compose each starter with its combining marks, then treat character by character.
    for i, j, piece in _segments(s):
        for ch in piece:
            if ch.isspace():
                b.space(i)
            elif ch in _REMOVED:
                continue
            else:
                b.piece(i, j, _CHAR_MAP[ch] if ch in _CHAR_MAP else ch.casefold())
    return b.result()


@lru_cache(maxsize=64)
def normalised_text(text: str) -> Normalised:
    """Cached: an article is searched for many quotes."""
    return normalise_mapped(text)


WORD = re.compile(r"\w+(?:'\w+)?")  # a word as quotes and names are read word by word ("Zelensky's" is one)


@lru_cache(maxsize=4096)  # a name and a sentence are compared many times per article (grounding, merging)
def normalise(s: str) -> str:
    """Return the form of ``s`` that "normalised" matching compares.

    * Unicode NFC;
    * any run of whitespace (including NBSP, thin and narrow no-break spaces, newlines) -> one
      space; leading and trailing whitespace removed;
    * soft hyphen, zero-width space/joiners, word joiner and BOM removed;
    * dashes ``‐ ‑ ‒ – — ― − ﹘ ﹣ －`` -> ``-``;
    * double quotation marks ``„ “ ” ‟ « » ″ 〝 〞 ＂`` -> ``"``;
    * single quotation marks and apostrophes ``‚ ‘ ’ ‛ ‹ › ′ ` ´`` -> ``'``;
    * ellipsis ``…`` -> ``...``;
    * everything else case-folded (``str.casefold``: ``ß`` -> ``ss``).
    """
    return normalise_mapped(s).text


_NOT_WORD = re.compile(r"[^\w\s]|_")


@lru_cache(maxsize=1 << 16)  # names, roles and phrases repeat across thousands of briefings
def fold(text: str) -> str:
    """Casefold, strip accents, punctuation, hyphens and underscores to single spaces: "US-Präsident" ->
    "us prasident"."""
    return " ".join(_NOT_WORD.sub(" ", strip_accents(text.casefold())).split())


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: "Orbán" -> "Orban", "ﬁ" -> "fi"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
