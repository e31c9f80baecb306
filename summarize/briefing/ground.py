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

:func:`sentence_bounds` widens a span to its sentence(s); whether a span mentions a name is
:mod:`summarize.briefing.mentions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Literal

from rapidfuzz import fuzz

from ..text.normalise import QUOTE_CHARS, WORD, normalise, normalised_text
from ..text.sentences import bounds as sentence_bounds  # the one splitter (see summarize.text.sentences)
from ..text.sentences import trim

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_LOCATE_CHARS",
    "MIN_QUOTE_CHARS",
    "Located",
    "locate",
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

def _strip_quote_marks(s: str) -> str:
    """Strip whitespace and quotation marks from both ends (the model's own wrapping)."""
    return s.strip().strip(QUOTE_CHARS + " \t\r\n\u00a0").strip()


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

    norm = normalised_text(text)
    for q in candidates:
        nq = normalise(q)
        i = norm.text.find(nq) if nq else -1
        if i >= 0:
            start, end = trim(text, *norm.to_original(i, i + len(nq)))
            return Located(start, end, "normalised", 100.0)

    nq = normalise(bare)
    if len(nq) < MIN_QUOTE_CHARS:
        return None
    found = _fuzzy(nq, norm.text, fuzzy_threshold)
    if found is None:
        return None
    (ns, ne), score = found
    start, end = trim(text, *norm.to_original(ns, ne))
    if end <= start:
        return None
    return Located(start, end, "fuzzy", score)


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
    q_words = WORD.findall(nq)
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
    m = WORD.search(s, start, start + 64)
    return m.group() if m else ""


def _last_word(s: str, end: int) -> str:
    words = WORD.findall(s, max(0, end - 64), end)
    return words[-1] if words else ""


def _balance_quote_marks(nt: str, s: int, e: int) -> tuple[int, int]:
    """Include an adjacent quotation mark if the span holds an unpaired one ('als "zynisch' + '"')."""
    if nt.count('"', s, e) % 2 == 1:
        if e < len(nt) and nt[e] == '"':
            return s, e + 1
        if s > 0 and nt[s - 1] == '"':
            return s - 1, e
    return s, e


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
    q_words = WORD.findall(quote)
    s_words = WORD.findall(span)
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
