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

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Literal

from rapidfuzz import fuzz

from ..text.normalise import QUOTE_CHARS, normalise, normalised_text
from ..text.sentences import bounds as sentence_bounds  # the one splitter (see summarize.text.sentences)
from ..text.sentences import trim

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_LOCATE_CHARS",
    "MIN_QUOTE_CHARS",
    "Located",
    "locate",
    "mentioned_in",
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
    if start == 0 and end == len(text):  # the whole text (a description, a quote): its own sentence bounds
        return mentioned_in(name, text)
    lo, hi = sentence_bounds(text, start, end)
    return mentioned_in(name, text[lo:hi])


def mentioned_in(name: str, context: str, normalised: str | None = None, whole: bool = False) -> bool:
    """:func:`mentions` on ``context``, the sentence(s) already found; ``normalised``, if given, must be
    ``normalise(context)`` (a caller that asks about one sentence many times keeps it). ``whole``: a name of
    several words matches only as a whole, not on its last word (a weapon: "air defense missiles" is not
    named by "missiles")."""
    found = _name_pattern(name.strip(), whole)
    if found is None:
        return False
    source, flags, needle = found
    if needle is None:  # a name of one or two characters
        return _compiled(source, flags).search(context) is not None
    ncontext = normalise(context) if normalised is None else normalised
    # Most names are in few sentences, and many (an alias table's other forms) in none: the word the pattern
    # begins with is looked for first, and the pattern is compiled only for a text that has it.
    if needle not in ncontext:
        return False
    if source is None:  # a name of one word of five or more letters: a word that begins with it
        return word_start(needle, ncontext) >= 0
    return _compiled(source, flags).search(ncontext) is not None


def word_start(needle: str, text: str) -> int:
    r"""Where ``needle`` begins a word of ``text`` first (the pattern ``(?<!\w)needle``, without compiling one
    per name: news names thousands of people once each), or -1. A character is a word's (``\w``) exactly
    when ``str.isalnum`` says so, or it is "_"."""
    at = text.find(needle)
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at = text.find(needle, at + 1)
    return at


_compiled = lru_cache(maxsize=4096)(re.compile)


_CONNECTIVE = re.compile(r"\s(?:of|for|on|für|des)\s")


@lru_cache(maxsize=4096)  # a name is looked for in many sentences of an article, and in many articles
def _name_pattern(bare: str, whole: bool = False) -> tuple[str | None, int, str | None] | None:
    """The pattern :func:`mentions` searches for a name, with its flags, and a word every text it matches
    holds: None for a name of one or two characters, whose pattern is searched in the text as written (the
    others are searched in the normalised text). The pattern is None for a name of one word of five letters
    or more: a word that begins with it, which :func:`word_start` finds. None for no name."""
    if not bare:
        return None
    if len(bare) < 3:
        return r"(?<!\w)" + re.escape(bare) + r"(?!\w)", 0 if bare.isupper() else re.IGNORECASE, None
    tokens = _WORD_RE.findall(normalise(bare))
    if not tokens:
        return None
    # One pattern, as short as gives the same answers: a name of several words matches on its last word of
    # three or more letters alone (see mentions), and wherever the whole name matches, that word stands at a
    # word's start, so it is all that is searched ("selenskyj" for "Wolodymyr Selenskyj", "meldung" for
    # "Meldung 5"); a last word of six or more letters ending in "s" matches without it too, and wherever it
    # matches, the shorter does ("tomahawk" for "Tomahawks").
    # An institution's name ("Department of Defense", "Bank für Wiederaufbau") is not named by its last word
    # alone ("Ministry of Defense" is another institution); a person's name is.
    significant = ([t for t in tokens if len(t) >= 3] if len(bare.split()) > 1 and not whole
                   and not _CONNECTIVE.search(bare) else [])
    words = significant[-1:] or tokens
    last = words[-1][:-1] if len(words[-1]) >= 6 and words[-1].endswith("s") else words[-1]
    if len(words) == 1 and len(last) > 4:
        return None, 0, last  # r"(?<!\w)" + re.escape(last), searched by word_start
    phrase = r"\W+".join([*(_token_pattern(w, last=False) for w in words[:-1]), _token_pattern(last, last=True)])
    return r"(?<!\w)" + phrase, 0, words[0] if len(words) > 1 else last  # the word the pattern begins with

