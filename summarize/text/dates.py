"""Dates in text: explicit dates, dates as stated (relative ones resolved), and a decision's date.

Explicit dates (:func:`find_date`, :func:`parse_dateline`): ``17. Oktober 2025``, ``17 October 2025``,
``October 17, 2025``, ``2025-10-17`` (a date-time too), ``17.10.2025``, ``17.10.25``, with month names and
abbreviations of :mod:`summarize.text.months`. The cleaner removes a line that is only a date (a weekday,
a time and a "Veröffentlicht"/"Published" label allowed); the loader reads the publication date off them.

Dates as stated (:func:`normalise_date`), for the digest's timeline:

* an explicit date (above): that day;
* "heute"/"today", "gestern"/"yesterday", "morgen"/"tomorrow": that day;
* a weekday ("am Donnerstag", "on Thursday"): the most recent such day on or before publication, as news
  reports mostly look back; with "kommenden"/"nächsten"/"next" the next one after it;
* a day without a year ("am 17. Oktober", "on October 17"): that day in the year that puts it nearest to
  publication;
* a month ("im August", "in August", "August 2025"): that month, precision "month"; without a year, the
  latest such month not after publication. A month counts only as written with a capital: "Trump may
  decide" and "the march" name no month;
* a year alone ("2013"): precision "year".

Anything else, or a relative date without a publication date, is kept as stated with precision "unknown":
the timeline never invents a date.

A decision's date (:func:`decision_date`) is read from its located evidence quote, not from the date the
model wrote: a model can give a date the article never states (seen: "2021-08-01" for an article that says
"am Sonntag"). Only when the quote states none does the decision's own ``date`` count, which the briefing
kept only because the article states it.

:func:`latest_stated_day` dates an article that states no publication date by what its text says: the
latest full date (day, month and year) it states that is not after a bound (the day its file was saved:
the article was published by then, and a later date is an announcement, not the day it speaks from).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .months import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS

__all__ = [
    "NormalDate",
    "Precision",
    "decision_date",
    "find_date",
    "latest_stated_day",
    "normalise_date",
    "parse_dateline",
    "says_relative_day",
    "stated_months",
    "stated_weekday",
]

# --------------------------------------------------------------------------- explicit dates

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?"
_DATE_FORMS = (
    rf"(?P<d1>\d{{1,2}})\.?\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})",  # 17. Oktober 2025, 17 October 2025
    rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})",  # October 17, 2025
    r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4}|\d{2})(?!\d)",  # 17.10.2025, 17.10.25
)
_DATE = "(?:" + "|".join(_DATE_FORMS) + ")"
_CLOCK = (r"\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?"
          r"(?:\s*(?:mez|mesz|cet|cest|utc|gmt|et|est|edt|pt|pst|pdt))?")
_TIME = rf"(?:\s*(?:,\s*um|,\s*at|,|\||·|•|–|-|/|um|at)?\s*{_CLOCK})?"  # after the date: "July 8, 2025 / 3:52 PM"
_TIME_FIRST = rf"(?:{_CLOCK}\s*(?:–|-|\||·|•|,)?\s*)?"  # before it: "3:09 PM – Friday, October 17, 2025", "18:06 17.10.2025"
_DATE_LABEL = (
    r"(?:veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?|erstellt(?: am)?|"
    r"erschienen(?: am)?|stand|datum|published(?: on)?|updated(?: on)?|last updated(?: on)?|posted(?: on)?|date)"
)
_DATELINE = re.compile(
    rf"^\W*(?:{_DATE_LABEL}\s*:?\s*)?{_TIME_FIRST}(?:{_WEEKDAY}\s+)?{_DATE}{_TIME}\s*$",
    re.IGNORECASE,
)
_DATE_ANYWHERE = re.compile(rf"(?<![\w.]){_DATE}(?![\w])", re.IGNORECASE)
# A day and month without a year: "17. Oktober", "17 October", "October 17", "Oct. 17th" (not followed by a year,
# which _DATE_ANYWHERE reads).
_DAY_MONTH = re.compile(
    rf"(?<![\w.])(?:(?P<d1>\d{{1,2}})\.?\s+(?P<m1>{_MONTH})(?!\w)(?!\s*,?\s*\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\w:]|\.\w)(?!\s*,?\s*\d{{4}}))",  # "on July 3." ends a sentence
    re.IGNORECASE,
)


def _date_from(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    for i in "1234":
        if groups.get(f"y{i}") is None:
            continue
        year = int(groups[f"y{i}"])
        if year < 100:
            year += 2000
        month_text = groups[f"m{i}"].rstrip(".").lower()
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
        if month is None:
            return None
        try:
            return dt.date(year, month, int(groups[f"d{i}"]))
        except ValueError:
            return None
    return None


# Every date form holds two digits in a row (its year, or the "25" of "17.10.25"): a text without them holds no
# date, which this tells far quicker than the date patterns, tried at every word.
_TWO_DIGITS = re.compile(r"\d\d")


def _explicit_dates(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_DATE_ANYWHERE` in ``text`` (a text without two digits in a row is not searched)."""
    if _TWO_DIGITS.search(text) is None:
        return iter(())
    return _DATE_ANYWHERE.finditer(text)


def parse_dateline(line: str) -> dt.date | None:
    """The date when ``line`` is only a date (weekday, time and a published-label allowed)."""
    if _TWO_DIGITS.search(line) is None:
        return None
    m = _DATELINE.match(line)
    if m is None:
        return None
    inner = _DATE_ANYWHERE.search(line)
    return _date_from(inner) if inner is not None else None


def find_date(line: str) -> tuple[dt.date, int, int] | None:
    """The first valid date anywhere in ``line``, with its ``(start, end)`` offsets."""
    for m in _explicit_dates(line):
        date = _date_from(m)
        if date is not None:
            return date, m.start(), m.end()
    return None


# --------------------------------------------------------------------------- dates as stated

Precision = Literal["day", "month", "year", "unknown"]

_RELATIVE_DAYS = {"heute": 0, "today": 0, "gestern": -1, "yesterday": -1, "morgen": 1, "tomorrow": 1,
                  "vorgestern": -2, "übermorgen": 2}
_NEXT = re.compile(r"\b(?:kommenden|nächsten|naechsten|next|coming)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass(frozen=True)
class NormalDate:
    date: dt.date | None
    precision: Precision
    text: str

    @property
    def iso(self) -> str | None:
        if self.date is None:
            return None
        if self.precision == "month":
            return self.date.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.date.year)
        return self.date.isoformat()


@lru_cache(maxsize=1 << 16)  # a quote's date is read by several rules of a merge: read it once
def normalise_date(text: str, published: dt.date | None = None) -> NormalDate:
    """``text`` as a date with its precision; relative dates need ``published``."""
    stated = " ".join(text.split())
    found = find_date(stated)
    if found is not None:
        return NormalDate(found[0], "day", stated[found[1] : found[2]])
    if published is not None and (yearless := day_month(stated, published)) is not None:
        return yearless
    words = re.findall(r"\w+", stated.casefold())
    year_match = _YEAR.search(stated)
    for word in words:
        if word in MONTH_NAMES:
            month = MONTH_NAMES[word]
            shown = _original_word(stated, word)
            if not shown[:1].isupper():
                continue  # "may", "march": a verb or a noun, not a month
            if year_match:
                return NormalDate(dt.date(int(year_match.group(1)), month, 1), "month", f"{shown} {year_match.group(1)}")
            if published is None:
                return NormalDate(None, "unknown", shown)
            year = published.year if month <= published.month else published.year - 1
            return NormalDate(dt.date(year, month, 1), "month", shown)
    if published is not None:
        for word in words:
            if word in _RELATIVE_DAYS:
                return NormalDate(published + dt.timedelta(days=_RELATIVE_DAYS[word]), "day", _original_word(stated, word))
            if word in WEEKDAY_NAMES:
                delta = (published.weekday() - WEEKDAY_NAMES[word]) % 7
                if re.search(_NEXT.pattern + r"\s+" + re.escape(word), stated, re.IGNORECASE):  # "am kommenden Freitag", not "Donnerstag ... in den nächsten zwei Wochen"
                    day = published + dt.timedelta(days=(7 - delta) % 7 or 7)
                else:
                    day = published - dt.timedelta(days=delta)
                return NormalDate(day, "day", _original_word(stated, word))
    if year_match and len(words) <= 3:
        return NormalDate(dt.date(int(year_match.group(1)), 1, 1), "year", year_match.group(1))
    return NormalDate(None, "unknown", stated)


# Words that say when, besides months, weekdays and relative days: "vergangene Woche", "im Frühjahr", "next
# week", "this month". A stated date holds one of them, a weekday, month or relative day, or a digit.
_TIME_WORDS = frozenset(
    "woche wochen wochenende monat monaten monats jahr jahres jahren tag tagen tage stunden nacht abend morgens "
    "frühjahr frühling sommer herbst winter anfang ende mitte zuvor später bald kürzlich "
    "week weeks weekend month months year years day days hours night evening morning spring summer autumn fall "
    "winter early late mid earlier later soon recently".split()
)


def says_when(text: str) -> bool:
    """Whether ``text`` names a time at all (a digit, a month, a weekday, a relative day or a word of time):
    "am Freitag", "im August", "vergangene Woche" do; "in Ungarn", "Kyjiw" do not."""
    if any(c.isdigit() for c in text):
        return True
    words = re.findall(r"\w+", text.casefold())
    return any(w in MONTH_NAMES or w in WEEKDAY_NAMES or w in _RELATIVE_DAYS or w in _TIME_WORDS for w in words)


def day_month(text: str, published: dt.date) -> NormalDate | None:
    """A day and month stated without a year, in the year that puts it nearest to ``published``."""
    for m in _DAY_MONTH.finditer(text):
        if not (m.group("m1") or m.group("m2"))[:1].isupper():
            continue
        month = MONTHS.get((m.group("m1") or m.group("m2")).rstrip(".").lower())
        day = int(m.group("d1") or m.group("d2"))
        options = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                options.append(dt.date(year, month, day))  # type: ignore[arg-type]
            except (TypeError, ValueError):
                pass
        if options:
            best = min(options, key=lambda d: abs((d - published).days))
            return NormalDate(best, "day", " ".join(m.group(0).split()))
    return None


_WEEKDAY_START = re.compile(r"(?<!\w)(" + "|".join(sorted(WEEKDAY_NAMES, key=len, reverse=True)) + ")", re.IGNORECASE)


def stated_weekday(text: str) -> int | None:
    """The weekday ``text`` names (0 is Monday): "am Donnerstagabend", "Thursday's call"; None when it names
    none. Without a publication date a weekday is no date, but two reports of one event agree on it."""
    m = _WEEKDAY_START.search(text)
    return WEEKDAY_NAMES[m.group(1).casefold()] if m else None


def says_relative_day(text: str) -> bool:
    """Whether ``text`` names a day relative to its own ("heute", "gestern", "yesterday")."""
    return any(w in _RELATIVE_DAYS for w in re.findall(r"\w+", text.casefold()))


def stated_months(text: str) -> list[tuple[int | None, int]]:
    """Every month ``text`` names, as ``(year or None, month)``: "im August" -> (None, 8), "Juli 2025" ->
    (2025, 7), a full date too. Only capitalised month words count ("may" is a verb)."""
    out: list[tuple[int | None, int]] = []
    for m in _explicit_dates(text):
        day = _date_from(m)
        if day is not None:
            out.append((day.year, day.month))
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    for word in re.findall(r"\w+", text):
        month = MONTH_NAMES.get(word.casefold())
        if month is not None and word[:1].isupper():
            out.append((year, month))
    return out


def _original_word(text: str, folded: str) -> str:
    """The word as the text writes it (``Donnerstag``), for a casefolded match (``donnerstag``)."""
    for word in re.findall(r"\w+", text):
        if word.casefold() == folded:
            return word
    return folded


def latest_stated_day(text: str, not_after: dt.date | None = None) -> tuple[dt.date, str] | None:
    """The latest full date ``text`` states (explicit day, month and year, "4. Juli 2025", "17.10.2025"),
    ignoring dates after ``not_after``; with the date as the text writes it. ``None`` when there is none."""
    best: tuple[dt.date, str] | None = None
    for m in _explicit_dates(text):
        day = _date_from(m)
        if day is None or (not_after is not None and day > not_after):
            continue
        if best is None or day > best[0]:
            best = (day, " ".join(m.group(0).split()))
    return best


def decision_date(quote: str, stated: str | None, published: dt.date | None) -> NormalDate:
    """The date of a decision: the one its evidence ``quote`` states (explicit, or relative to ``published``),
    else the decision's own ``stated`` date (kept by the briefing only when the article states it), else
    precision "unknown". The digest's timeline and its date divergences both read it here."""
    when = normalise_date(quote, published)
    if when.iso is None and stated:
        when = normalise_date(stated, published)
        if when.iso is not None and _COUNTED_FROM.search(stated):  # "zwei Tage zuvor (2025-07-02)" as a whole
            when = NormalDate(when.date, when.precision, stated.strip())
    return when


# A decision's date counted from a day stated before its quote (summarize/text/relative_days.py)
_COUNTED_FROM = re.compile(r"\(\d{4}-\d\d-\d\d\)\s*$")
