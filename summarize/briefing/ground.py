"""Locate a model's quote in the article text: the code, not the model, decides what is true.

The model is asked to back every briefing item with a verbatim quote. This module finds that quote
in the article and returns offsets into the *original* article text, so that downstream code can
store ``text[start:end]`` -- the article's own wording -- as the evidence, never the model's string.

:func:`locate` tries three stages, cheapest and strictest first, and stops at the first success:

1. **exact** -- ``text.find(quote)`` after stripping surrounding whitespace; if that fails, once more
   after also stripping quotation marks the model may have wrapped around the quote
   (``"…"``, ``„…“``, ``«…»``). First occurrence wins.
2. **normalised** -- the same substring search on :func:`normalise`-d forms of quote and text
   (whitespace runs, dashes, quotation marks, ellipsis, invisible characters, Unicode NFC, case).
   While normalising the text an index map (normalised position -> original span) is built, so the
   match is mapped back to exact offsets in the original text. Score 100.
3. **fuzzy** -- for quotes of at least :data:`MIN_QUOTE_CHARS` characters: rapidfuzz's
   ``fuzz.partial_ratio_alignment`` finds the best-aligned window (the quote's length) of the
   normalised text, prefiltered at ``threshold - 15``. The window's edges are then re-chosen among
   nearby word boundaries (a quote that dropped words matches a longer span than the window): spans
   that begin with the quote's first word and end with its last are tried first, then the best
   ``fuzz.ratio`` (normalised Indel similarity, 0-100). A span is accepted when its ratio is at
   least :data:`FUZZY_THRESHOLD` **and** it passes two meaning guards:

   * read as words, the quote's words of four or more letters, its numbers and its negations occur
     in the span in the same order, each equal or similar to its counterpart (``fuzz.ratio`` >= 80,
     an inflection; numbers and negations must be equal): the model may *drop* words or change an
     ending, but not substitute or invent them ("Putin habe..." for "Trump habe...", "30" for "40");
   * quote and span hold the same number of negations (``nicht``, ``kein…``, ``nie``, ``not`` …):
     a dropped "nicht" flips the meaning.

   A span holding an unpaired quotation mark takes the adjacent closing/opening one. ``score`` is
   the span's ``fuzz.ratio``: ``100 * (1 - d / (len(quote) + len(span)))`` on the normalised forms,
   ``d`` being the number of single-character insertions and deletions between them.

Threshold rationale (90): at 90 a 100 character quote may differ from its span by about 20
inserted/deleted characters (~10 substituted ones). Measured on the seed articles: dropping one
interior word from a sentence of 60-250 characters scores 86-99 (median 97), changing a word's
ending 99+, while a German sentence against its English translation scores 49-61, so translations
fail by a wide margin. Ratio alone is not enough against paraphrase -- replacing two words with
other words of the article still scores a median of 90 -- which is what the word guard is for (0 of
163 such substitutions accepted; 0 of 652 sentences from other articles located). The located span
is always the article's own text: a fuzzy match can pick the article's wording, never the model's.

Length policy: :func:`locate` only *locates*. It refuses quotes shorter than
:data:`MIN_LOCATE_CHARS` (4) after stripping whitespace and quotation marks, because
shorter strings are found everywhere; exact and normalised matches of 4-11 characters are
returned; fuzzy matching needs :data:`MIN_QUOTE_CHARS` (12). Whether a located quote is long enough
to count as *evidence* (>= :data:`MIN_QUOTE_CHARS`) is the caller's decision.

:func:`sentence_bounds` widens a span to its sentence(s), and :func:`mentions` checks that a name
occurs in the span or its sentence(s) -- the guard against citing one sentence for every actor.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Literal

from rapidfuzz import fuzz

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_LOCATE_CHARS",
    "MIN_QUOTE_CHARS",
    "Located",
    "locate",
    "mentions",
    "normalise",
    "sentence_bounds",
]

FUZZY_THRESHOLD: float = 90.0
"""Minimum rapidfuzz ``fuzz.ratio`` (0-100) between the normalised quote and the located span."""

MIN_QUOTE_CHARS: int = 12
"""Quotes shorter than this (after stripping) are not evidence; fuzzy matching needs at least this."""

MIN_LOCATE_CHARS: int = 4
"""Quotes shorter than this (after stripping whitespace and quotation marks) are never located."""

_WORD_SIMILARITY: float = 80.0
"""Minimum ``fuzz.ratio`` for a quote word to match a span word (an inflection) in the fuzzy guard."""

# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------

_DOUBLE_QUOTES = '"„“”‟«»″〝〞＂'
_SINGLE_QUOTES = "'‚‘’‛‹›′`´"
_DASHES = "-‐‑‒–—―−﹘﹣－"
_REMOVED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # soft hyphen, zero-width chars, BOM

_CHAR_MAP: dict[str, str] = {
    **{c: '"' for c in _DOUBLE_QUOTES},
    **{c: "'" for c in _SINGLE_QUOTES},
    **{c: "-" for c in _DASHES},
    "…": "...",
}

_QUOTE_CHARS = _DOUBLE_QUOTES + _SINGLE_QUOTES


@dataclass(frozen=True)
class _Normalised:
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

    def result(self) -> _Normalised:
        if self.out and self.out[-1].endswith(" "):  # a chunk's trailing space at the very end
            self.out[-1] = self.out[-1][:-1]
            del self.starts[-1], self.ends[-1]
        return _Normalised("".join(self.out), tuple(self.starts), tuple(self.ends))


def _normalise_mapped(s: str) -> _Normalised:
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
def _normalised_text(text: str) -> _Normalised:
    """Cached: an article is searched for many quotes."""
    return _normalise_mapped(text)


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
    return _normalise_mapped(s).text


def _strip_quote_marks(s: str) -> str:
    """Strip whitespace and quotation marks from both ends (the model's own wrapping)."""
    return s.strip().strip(_QUOTE_CHARS + " \t\r\n\u00a0").strip()


# --------------------------------------------------------------------------------------------------
# locate
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """Where a quote was found: ``text[start:end]`` is the article's wording of it."""

    start: int
    end: int
    alignment: Literal["exact", "normalised", "fuzzy"]
    score: float  # 100.0 for exact and normalised; fuzz.ratio of the final span for fuzzy


def locate(quote: str, text: str, *, fuzzy_threshold: float = FUZZY_THRESHOLD) -> Located | None:
    """Find ``quote`` in ``text``; return offsets into ``text`` or ``None``.

    Tries exact, then normalised, then fuzzy matching (see the module docstring). Quotes shorter
    than :data:`MIN_LOCATE_CHARS` after stripping whitespace and quotation marks are never located;
    fuzzy matching additionally needs :data:`MIN_QUOTE_CHARS` normalised characters. The returned
    span never begins or ends with whitespace.
    """
    if not 0.0 < fuzzy_threshold <= 100.0:
        raise ValueError(f"fuzzy_threshold must be in (0, 100], got {fuzzy_threshold!r}")
    raw = quote.strip()
    bare = _strip_quote_marks(raw)
    if len(bare) < MIN_LOCATE_CHARS:
        return None
    candidates = [raw] if raw == bare else [raw, bare]

    for q in candidates:
        i = text.find(q)
        if i >= 0:
            return Located(i, i + len(q), "exact", 100.0)

    norm = _normalised_text(text)
    for q in candidates:
        nq = normalise(q)
        i = norm.text.find(nq) if nq else -1
        if i >= 0:
            start, end = _trim(text, *norm.to_original(i, i + len(nq)))
            return Located(start, end, "normalised", 100.0)

    nq = normalise(bare)
    if len(nq) < MIN_QUOTE_CHARS:
        return None
    found = _fuzzy(nq, norm.text, fuzzy_threshold)
    if found is None:
        return None
    (ns, ne), score = found
    start, end = _trim(text, *norm.to_original(ns, ne))
    if end <= start:
        return None
    return Located(start, end, "fuzzy", score)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_token_start(s: str, p: int) -> bool:
    """May a fuzzy span start at ``s[p]``? At a word's (or a quotation mark's) start, not mid-word."""
    if p >= len(s) or s[p] == " ":
        return False
    return p == 0 or s[p - 1] == " " or (s[p].isalnum() and not s[p - 1].isalnum())


def _is_token_end(s: str, p: int) -> bool:
    """May a fuzzy span end just before ``s[p]``? After a word or its trailing punctuation."""
    if p <= 0 or s[p - 1] == " ":
        return False
    return p == len(s) or s[p] == " " or (s[p - 1].isalnum() and not s[p].isalnum())


def _fuzzy(nq: str, nt: str, threshold: float) -> tuple[tuple[int, int], float] | None:
    """Best span of ``nt`` for ``nq`` as ``((start, end), score)`` in normalised offsets."""
    if not nt:
        return None
    if len(nq) >= len(nt):
        window = (0, len(nt))
    else:
        # The window has the quote's length; a quote that dropped words aligns with a window that is
        # shorter than the true span, so prefilter below the threshold and refine the edges.
        alignment = fuzz.partial_ratio_alignment(nq, nt, score_cutoff=max(0.0, threshold - 15.0))
        if alignment is None:
            return None
        window = (alignment.dest_start, alignment.dest_end)

    # If ratio >= t, the Indel distance d between quote and span satisfies d <= 2 (1 - t) / t * len(q)
    # and the span's length is within d of the quote's. The window has the quote's length but may be
    # shifted by up to d, so each true edge lies within about 2 d of the window's edge.
    t = threshold / 100.0
    max_distance = int(2.0 * (1.0 - t) / t * len(nq)) + 1
    slack = 2 * max_distance + 3
    ws, we = window
    starts = [p for p in range(max(0, ws - slack), min(len(nt), ws + slack) + 1) if _is_token_start(nt, p)]
    ends = [p for p in range(max(0, we - slack), min(len(nt), we + slack) + 1) if _is_token_end(nt, p)]
    starts = starts or [ws]
    ends = ends or [we]
    min_length, max_length = len(nq) - max_distance, len(nq) + max_distance

    # Candidate spans are tried in groups: first those that begin with the quote's first word and end
    # with its last, then those with one matching edge, then the rest (a quote that dropped a word
    # scores a higher ratio against a span that also loses the quote's first short word, "Der" or
    # "In", than against the true span). Within a group: higher ratio first, then nearer the window.
    # The first span that reaches the threshold and passes the meaning guards wins.
    q_words = _WORD_RE.findall(nq)
    if not q_words:
        return None
    start_miss = {p: int(not _similar(q_words[0], _first_word(nt, p))) for p in starts}
    end_miss = {p: int(not _similar(q_words[-1], _last_word(nt, p))) for p in ends}
    pairs = sorted(
        (start_miss[s] + end_miss[e], abs(s - ws) + abs(e - we), s, e)
        for s in starts
        for e in ends
        if e > s and min_length <= e - s <= max_length
    )
    for _, group in groupby(pairs, key=itemgetter(0)):
        scored: list[tuple[float, int, int, int]] = []
        for _, distance, s, e in group:
            score = fuzz.ratio(nq, nt[s:e], score_cutoff=threshold)
            if score:
                scored.append((-score, distance, s, e))
        scored.sort()
        for neg_score, _, s, e in scored:
            if not _meaning_preserved(nq, nt[s:e]):
                continue
            bs, be = _balance_quote_marks(nt, s, e)
            if (bs, be) != (s, e):
                balanced = fuzz.ratio(nq, nt[bs:be], score_cutoff=threshold)
                if balanced:
                    return (bs, be), float(balanced)
            return (s, e), -neg_score
    return None


def _first_word(s: str, start: int) -> str:
    m = _WORD_RE.search(s, start, start + 64)
    return m.group() if m else ""


def _last_word(s: str, end: int) -> str:
    words = _WORD_RE.findall(s, max(0, end - 64), end)
    return words[-1] if words else ""


def _balance_quote_marks(nt: str, s: int, e: int) -> tuple[int, int]:
    """Include an adjacent quotation mark if the span holds an unpaired one ('als "zynisch' + '"')."""
    if nt.count('"', s, e) % 2 == 1:
        if e < len(nt) and nt[e] == '"':
            return s, e + 1
        if s > 0 and nt[s - 1] == '"':
            return s - 1, e
    return s, e


_WORD_RE = re.compile(r"\w+(?:'\w+)?")
_NEGATIONS = frozenset(
    {
        "nicht", "nichts", "nie", "niemals", "niemand", "niemanden", "niemandem", "nirgends",
        "nirgendwo", "weder", "ohne", "keinesfalls", "keineswegs",
        "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot",
    }
)  # fmt: skip


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.startswith("kein") or word.endswith("n't")


def _is_required(word: str) -> bool:
    """Quote words a fuzzy span must contain: long words, numbers, negations."""
    return len(word) >= 4 or word.isdigit() or _is_negation(word)


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.isdigit() or b.isdigit() or _is_negation(a) or _is_negation(b):
        return False  # "30" is not "300", "kein" is not "klein"
    return bool(fuzz.ratio(a, b, score_cutoff=_WORD_SIMILARITY))


def _meaning_preserved(quote: str, span: str) -> bool:
    """Guards for fuzzy matches.

    Read as words, the quote's required words (four or more letters, numbers, negations) must
    occur in the span in the same order, each equal or similar (an inflection: ``fuzz.ratio`` >= 80)
    to its counterpart -- the model may drop words, not substitute or invent them; and quote and
    span must hold the same number of negations (a dropped "nicht" flips the meaning). Short words
    (articles, prepositions) may differ.
    """
    q_words = _WORD_RE.findall(quote)
    s_words = _WORD_RE.findall(span)
    if sum(map(_is_negation, q_words)) != sum(map(_is_negation, s_words)):
        return False
    k = 0  # matching each word to the earliest possible span word finds an ordered matching if any
    for word in filter(_is_required, q_words):
        while k < len(s_words) and not _similar(word, s_words[k]):
            k += 1
        if k == len(s_words):
            return False
        k += 1
    return True


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------

# A candidate sentence end: a newline, or terminal punctuation plus closing quotes/brackets followed
# by whitespace or the end of the text.
_TERMINATOR = re.compile(r"\n|[.!?…]+[\"'“”‟»«›‹’‘)\]]*(?=\s|$)")

# Lower-cased abbreviations after which a period does not end a sentence. Deliberately a list, not
# "any 1-3 letter word": short German words end sentences all the time ("nehmen Fahrt auf.").
_ABBREVIATIONS = frozenset(
    {
        "dr", "prof", "bzw", "ca", "vgl", "usw", "nr", "st", "hr", "fr", "mio", "mrd", "jh", "jhd",
        "bspw", "evtl", "ggf", "inkl", "zzgl", "abs", "dt", "engl", "geb", "gest", "hrsg", "sog",
        "tel", "vs", "mr", "mrs", "ms", "jr", "sr", "lt", "str", "ehem", "stv", "stellv", "zit",
        "gegr", "bzgl", "ff",
    }
)  # fmt: skip


def _word_before(text: str, end: int) -> tuple[int, str]:
    """The run of word characters ending at ``end``: (start, word)."""
    i = end
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i, text[i:end]


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Does the terminal punctuation matched by ``m`` end a sentence?"""
    k = m.end()
    while k < len(text) and text[k] in " \t\u00a0\u202f\u2009":
        k += 1
    if k >= len(text) or text[k] in "\r\n":
        return True
    if text[k].islower():  # sentences start upper-case: "z. B. die", "ca. fünf", "Warum…“ fragte"
        return False
    if m.group().rstrip("\"'“”‟»«›‹’‘)]") != ".":
        return True  # "!", "?", "…", "..."
    word_start, word = _word_before(text, m.start())
    if not word:
        return True  # e.g. 'als "zynisch".'
    if word.isdigit():
        return len(word) >= 4  # ordinals "4. Juli", "19. Jahrhundert" -- but a year may end one
    if word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.islower()):
        return False  # "Prof.", "bzw.", "z. B.", "u. a."
    if len(word) == 1 and word.isupper():
        # An initial ("Donald J. Trump", "Prof. Dr. R. Werner", "z. B.") follows a capitalised word
        # or an abbreviation, or starts a line; "auf X. Auch" is a sentence end.
        j = word_start
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == 0 or text[j - 1] in "\r\n" or text[j - 1] == ".":
            return False
        _, previous = _word_before(text, j)
        return not (previous and previous[0].isupper())
    return True


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sentence starts and ends (parallel, sorted), each sentence trimmed of whitespace."""
    starts: list[int] = []
    ends: list[int] = []

    def add(s: int, e: int) -> None:
        s, e = _trim(text, s, e)
        if e > s:
            starts.append(s)
            ends.append(e)

    pos = 0
    for m in _TERMINATOR.finditer(text):
        if m.group() == "\n":
            add(pos, m.start())
            pos = m.end()
        elif _ends_sentence(text, m):
            add(pos, m.end())
            pos = m.end()
    add(pos, len(text))
    return tuple(starts), tuple(ends)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Expand ``[start, end)`` to the sentence(s) of ``text`` it overlaps.

    A sentence ends at a newline, or at ``.``, ``!``, ``?``, ``…`` (plus closing quotation marks or
    brackets) followed by whitespace -- except when the next word starts in lower case, or a period
    follows a number of at most three digits ("4. Juli 2025"), a known abbreviation ("Prof.",
    "Dr.", "z. B.", "bzw.") or an initial ("Donald J. Trump"). The result always contains
    ``[start, end)``; an empty span is widened to the sentence at ``start``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"invalid span [{start}, {end}) for a text of length {len(text)}")
    s_starts, s_ends = _sentences(text)
    first = bisect.bisect_right(s_ends, start)  # first sentence ending after start
    last = bisect.bisect_left(s_starts, max(end, start + 1)) - 1  # last sentence starting before end
    if first > last:
        return start, end
    return min(start, s_starts[first]), max(end, s_ends[last])


# --------------------------------------------------------------------------------------------------
# mentions
# --------------------------------------------------------------------------------------------------

# Inflectional endings accepted after 3-4 character names ("Kiewer", "Roms", "Merz" but not "Merzig").
_SHORT_NAME_SUFFIX = r"(?:s|es|n|en|e|er|ern|ers|em)?"


def _token_pattern(token: str, last: bool) -> str:
    escaped = re.escape(token)
    if not last or len(token) < 3:
        return escaped + r"(?!\w)"
    if len(token) <= 4:
        return escaped + _SHORT_NAME_SUFFIX + r"(?!\w)"
    return escaped  # a prefix of a word: "Selenskyjs", "Tomahawks", "Kremlsprecher"


def mentions(name: str, text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` or its sentence(s) (:func:`sentence_bounds`) mention ``name``?

    Both sides are :func:`normalise`-d (so case-insensitive). A name matches when its words occur
    in order, each at the start of a word of the text, the last one possibly followed by more
    letters: names of five or more characters match as word prefixes ("Trumps", "Tomahawks",
    "Kremlsprecher"), names of three or four characters only with a German inflectional ending
    ("Kiewer", "Roms" -- but "Rom" does not match "Roman", "Merz" not "Merzig"). Hyphens separate
    words, so hyphenated compounds mention their parts ("Tomahawk-Marschflugkörpern",
    "Trump-Putin-Telefonats"). Multi-word names (separated by whitespace) also match on their last
    word of three or more characters, usually the surname ("Selenskyj" for "Wolodymyr
    Selenskyj"). A final "s" of a name of six or more characters is optional, so the name
    "Tomahawks" or "Patriots" is mentioned by "Tomahawk-Raketen" or "Patriot-Systeme". Names shorter
    than three characters must occur as a whole word, case-sensitively if written in capitals ("US"
    is not "us").

    The prefix rule is deliberately permissive: "Ukraine" matches "Ukrainerin" and "Ukrainekrieg".
    This is a check that the evidence is *about* the name at all, not an entity linker.
    """
    lo, hi = sentence_bounds(text, start, end)
    context = text[lo:hi]
    bare = name.strip()
    if not bare:
        return False
    if len(bare) < 3:
        flags = 0 if bare.isupper() else re.IGNORECASE
        return re.search(r"(?<!\w)" + re.escape(bare) + r"(?!\w)", context, flags) is not None

    tokens = _WORD_RE.findall(normalise(bare))
    if not tokens:
        return False
    ncontext = normalise(context)
    candidates = [tokens]
    if len(bare.split()) > 1:
        significant = [t for t in tokens if len(t) >= 3]
        if significant:
            candidates.append(significant[-1:])
    for words in candidates:
        last = words[-1]
        lasts = [last, last[:-1]] if len(last) >= 6 and last.endswith("s") else [last]
        head = [_token_pattern(w, last=False) for w in words[:-1]]
        for final in lasts:
            phrase = r"\W+".join([*head, _token_pattern(final, last=True)])
            if re.search(r"(?<!\w)" + phrase, ncontext):
                return True
    return False
