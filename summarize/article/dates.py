"""Dates as articles state them -> a calendar date with a precision, for the digest's timeline.

Explicit dates ("4. Juli 2025", "Oktober 17, 2025", "2025-07-04", "17.10.2025") are read with the same
parser the cleaner uses. Relative ones are resolved against the article's publication date when it is known:

* "heute"/"today", "gestern"/"yesterday", "morgen"/"tomorrow": that day;
* a weekday ("am Donnerstag", "on Thursday"): the most recent such day on or before publication, as news
  reports mostly look back; with "kommenden"/"nächsten"/"next" the next one after it;
* a month ("im August", "in August", "August 2025"): that month, precision "month"; without a year, the
  latest such month not after publication;
* a year alone ("2013"): precision "year".

Anything else, or a relative date without a publication date, is kept as stated with precision "unknown":
the timeline never invents a date.

The digest applies this to a decision's located evidence quote, not to the date the model wrote: a model
can give a date the article never states (seen: "2021-08-01" for an article that says "am Sonntag").

:func:`latest_stated_day` dates an article that states no publication date by what its text says: the
latest full date (day, month and year) it states that is not after a bound (the day its file was saved:
the article was published by then, and a later date is an announcement, not the day it speaks from).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .clean import _DATE_ANYWHERE, _date_from, find_date  # noqa: PLC2701 - same package

Precision = Literal["day", "month", "year", "unknown"]

_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "februar": 2, "february": 2, "märz": 3, "maerz": 3, "march": 3,
    "april": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "august": 8,
    "september": 9, "oktober": 10, "october": 10, "november": 11, "dezember": 12, "december": 12,
}
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


def normalise_date(text: str, published: dt.date | None = None) -> NormalDate:
    """``text`` as a date with its precision; relative dates need ``published``."""
    stated = " ".join(text.split())
    found = find_date(stated)
    if found is not None:
        return NormalDate(found[0], "day", stated[found[1] : found[2]])
    words = re.findall(r"\w+", stated.casefold())
    year_match = _YEAR.search(stated)
    for word in words:
        if word in _MONTHS:
            month = _MONTHS[word]
            shown = _original_word(stated, word)
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
            if word in _WEEKDAYS:
                delta = (published.weekday() - _WEEKDAYS[word]) % 7
                if _NEXT.search(stated):
                    day = published + dt.timedelta(days=(7 - delta) % 7 or 7)
                else:
                    day = published - dt.timedelta(days=delta)
                return NormalDate(day, "day", _original_word(stated, word))
    if year_match and len(words) <= 3:
        return NormalDate(dt.date(int(year_match.group(1)), 1, 1), "year", year_match.group(1))
    return NormalDate(None, "unknown", stated)


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
    for m in _DATE_ANYWHERE.finditer(text):
        day = _date_from(m)
        if day is None or (not_after is not None and day > not_after):
            continue
        if best is None or day > best[0]:
            best = (day, " ".join(m.group(0).split()))
    return best
