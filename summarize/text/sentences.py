"""Where sentences end: the one place for it, with the two readers that need to know.

* :func:`split` and :func:`bounds` -- **the splitter**. Its sentences are what the model sees, numbered
  (``briefing.numbered.Sentences``), and what grounding widens a located span to
  (``briefing.mentions.mentions``). A sentence ends at a newline, or at ``.``, ``!``, ``?``, ``…`` (plus
  closing quotation marks or brackets) followed by whitespace -- except when the next word starts in lower
  case, or a period follows a number of at most three digits ("4. Juli 2025"), one of
  :data:`ABBREVIATIONS` ("Prof.", "bzw.") or an initial ("Donald J. Trump", "z. B."). Because it looks at
  the next word, its list holds only words written before a capitalised word; short words that end
  sentences ("so.", "no.", "etc.") are not in it. Every recorded request depends on it byte for byte.
* :func:`count` -- **a rough count** of the sentences of one line, for the cleaner (a line of two sentences
  is prose, never page chrome). It does not look at the next word, so besides :data:`ABBREVIATIONS` it
  skips :data:`LINE_ABBREVIATIONS`: month and weekday abbreviations of datelines ("17. Okt. 2025",
  "Sa., 18. Oktober") and short words of credits and captions ("No. 5", "Inc.", "etc."). Of the splitter's
  list, it leaves out the rarer German ones (:data:`_NOT_COUNTED`), as it always has: changing what the
  cleaner keeps would change what every recorded request holds.
* :func:`ends_sentence` / :func:`ends_clause` -- whether a line ends like a sentence (or a clause, ``:``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .months import MONTH_ABBREVIATIONS, MONTHS

__all__ = [
    "ABBREVIATIONS",
    "LINE_ABBREVIATIONS",
    "LINE_CLOSERS",
    "bounds",
    "count",
    "ends_clause",
    "ends_sentence",
    "is_heading",
    "sentences",
    "split",
    "trim",
]

# --------------------------------------------------------------------------- the splitter

# Closing quotation marks and brackets after a terminator. The splitter's set holds "‟ › ‹" and not
# "„" (a German opening mark); the line checks below use LINE_CLOSERS, which has "„" and not "‟ › ‹".
_SPLIT_CLOSERS = "\"'“”‟»«›‹’‘)]"
# A candidate sentence end: a newline, or terminal punctuation plus closing marks followed by whitespace
# or the end of the text.
# A period with no space before the next sentence, as pages that lost a paragraph's line break write it ("had
# become too small.The FT reported", 'told Putin."On July 2'): after a word or a number, before a capitalised
# word that is no part of a domain name ("Spiegel.de") or an abbreviation ("U.S.").
_TERMINATOR = re.compile(r"\n|[.!?…]+[" + re.escape(_SPLIT_CLOSERS) + r"]*(?=\s|$)"
                         r"|\.(?:(?<=[a-zäöüß]{2}\.)|(?<=\d\.))[\"“”»]?(?=[A-ZÄÖÜ][a-zäöüß]+[\s,;:])")  # the period first: cheap

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "dr", "prof", "bzw", "ca", "vgl", "usw", "nr", "st", "hr", "fr", "mio", "mrd", "jh", "jhd",
        "bspw", "evtl", "ggf", "inkl", "zzgl", "abs", "dt", "engl", "geb", "gest", "hrsg", "sog",
        "tel", "vs", "mr", "mrs", "ms", "jr", "sr", "lt", "str", "ehem", "stv", "stellv", "zit",
        "gegr", "bzgl", "ff",
    }
)  # fmt: skip
"""Lower-cased words after which a period does not end a sentence. Deliberately a list, not "any 1-3
letter word": short German words end sentences all the time ("nehmen Fahrt auf.")."""


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
    if m.group().rstrip(_SPLIT_CLOSERS) != ".":
        return True  # "!", "?", "…", "..."
    word_start, word = _word_before(text, m.start())
    if not word:
        return True  # e.g. 'als "zynisch".'
    if word.isdigit():
        if k == m.end():  # "on July 2.The Ministry", but not "am 4.Juli"
            return text[k:k + 12].split(None, 1)[0].rstrip(",;:").casefold() not in MONTHS
        return len(word) >= 4  # ordinals "4. Juli", "19. Jahrhundert" -- but a year may end one
    if word.casefold() in ABBREVIATIONS or (len(word) == 1 and word.islower()):
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
def split(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sentence starts and ends (parallel, sorted), each sentence trimmed of whitespace."""
    starts: list[int] = []
    ends: list[int] = []

    def add(s: int, e: int) -> None:
        s, e = trim(text, s, e)
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


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (:func:`split`), as strings."""
    starts, ends = split(text)
    return [text[a:b] for a, b in zip(starts, ends)]


def bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Expand ``[start, end)`` to the sentence(s) of ``text`` (:func:`split`) it overlaps.

    The result always contains ``[start, end)``; an empty span is widened to the sentence at ``start``.
    Raises ``ValueError`` for a reversed span or one outside ``text``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"invalid span [{start}, {end}) for a text of length {len(text)}")
    s_starts, s_ends = split(text)
    first = bisect.bisect_right(s_ends, start)  # first sentence ending after start
    last = bisect.bisect_left(s_starts, max(end, start + 1)) - 1  # last sentence starting before end
    if first > last:
        return start, end
    return min(start, s_starts[first]), max(end, s_ends[last])


# --------------------------------------------------------------------------- one line: the rough count

LINE_CLOSERS = "\"'“”„»«’‘)]"
"""Closing marks after a line's last terminator (see ``_SPLIT_CLOSERS`` for the splitter's)."""

_NOT_COUNTED = frozenset("jh jhd zzgl dt engl geb gest hrsg lt str stv stellv zit gegr bzgl ff".split())
LINE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "no", "inc", "co", "ltd", "gen", "sen", "rep", "gov", "etc", "zt",
        "mo", "di", "mi", "do", "sa", "so",  # weekdays ("Fr." is a title too: in ABBREVIATIONS)
        *(m for m in MONTH_ABBREVIATIONS if m != "mar"),  # "mar" is a word ("en el mar.")
    }
)  # fmt: skip
"""Words :func:`count` skips besides :data:`ABBREVIATIONS` (it cannot look at the next word)."""
_COUNT_ABBREVIATIONS = (ABBREVIATIONS - _NOT_COUNTED) | LINE_ABBREVIATIONS

_LINE_END = re.compile(rf"[.!?…][{re.escape(LINE_CLOSERS)}]*\s*$")
_CLAUSE_END = re.compile(rf"[.!?…:][{re.escape(LINE_CLOSERS)}]*\s*$")
_LINE_TERMINATOR = re.compile(rf"([.!?…]+)[{re.escape(LINE_CLOSERS)}]*(?=\s|$)")
_ALNUM = re.compile(r"[^\W_]")


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with ``.``, ``!``, ``?`` or ``…`` (closing marks and whitespace after it allowed)."""
    return _LINE_END.search(line) is not None


def ends_clause(line: str) -> bool:
    """:func:`ends_sentence`, or ending with ``:``."""
    return _CLAUSE_END.search(line) is not None


def is_heading(sentence: str) -> bool:
    """Whether a sentence of :func:`split` is a heading: short, and not ended like a sentence or a clause
    ("Zeitpunkt der Gespräche wirft Fragen auf"). A heading names a section; it narrates nothing."""
    return len(sentence) < 120 and not sentence.rstrip().endswith((".", "!", "?", ":", '"', "“", "”", "«", "»"))


def count(line: str) -> int:
    """Rough sentence count of one line: terminators not after an abbreviation, initial or ordinal, plus
    a tail holding a letter or digit."""
    n = 0
    tail_from = 0
    for m in _LINE_TERMINATOR.finditer(line):
        word = line[line.rfind(" ", 0, m.start()) + 1 : m.start()].strip(LINE_CLOSERS + "(")
        if m.group(1) == ".":
            bare = word.lower()
            if bare in _COUNT_ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
                continue
            if bare.isdigit() and len(bare) <= 2:  # "17. Oktober", "1. Juli"
                continue
            if "." in bare:  # "z.B", "U.S", "15.000"
                continue
        n += 1
        tail_from = m.end()
    if _ALNUM.search(line, tail_from):
        n += 1
    return n
