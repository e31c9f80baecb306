"""A day stated relative to an earlier one: "Bereits zwei Tage zuvor hatten die USA erklärt ...", "a day later".

A news report often dates one event and the next by it: "Am 4. Juli 2025 äußerte sich Trump ... Bereits zwei
Tage zuvor hatten die USA offiziell erklärt, ...". :func:`offset_of` reads the shift a sentence states
(-2 days); :func:`anchored_day` finds the day it is counted from: the nearest of the few sentences before it
that states a day (an explicit date, or with the publication date a weekday, "gestern" or a day without a
year), within its paragraph run (a blank line ends the search; a subheading between them is passed over).
Without such a sentence nothing is resolved: the timeline never invents a date.

What counts as a shift is deliberately narrow: a number of days or weeks with a word that counts back or
forward from what was just said ("zuvor", "vorher", "davor", "später", "danach", "darauf"; "earlier",
"later"), and the German and English words for the day before or after ("am Vortag", "tags darauf", "the
previous day", "the following day"). "two days before the summit" and "am Vortag des Treffens" count from
the summit, not from the sentence before, and are not read.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .dates import normalise_date
from .sentences import is_heading, split

__all__ = ["anchored_day", "offset_of"]

_NUMBERS = {
    "ein": 1, "einen": 1, "eine": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "zehn": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "ten": 10,
}  # fmt: skip
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_BACK = {"zuvor", "vorher", "davor", "earlier"}
_FORWARD = {"später", "danach", "darauf", "later"}
_SHIFT = re.compile(
    rf"(?<!\w){_COUNT}\s+(?P<unit>tage?n?|tag|wochen?|days?|weeks?)\s+(?P<dir>zuvor|vorher|davor|später|danach|darauf|earlier|later)(?!\w)",
    re.IGNORECASE,
)
_ONE_DAY = re.compile(
    r"(?<!\w)(?:(?P<back>am\s+vortag|tags\s+zuvor|am\s+tag\s+(?:zuvor|davor|vorher)|the\s+(?:previous|prior)\s+day|"
    r"the\s+day\s+before(?=\s*[,.;:!?–—)]))|(?P<forward>am\s+folgetag|tags\s+darauf|am\s+(?:tag\s+(?:danach|darauf)|"
    r"nächsten\s+tag|darauffolgenden\s+tag)|the\s+(?:next|following)\s+day|the\s+day\s+after(?=\s*[,.;:!?–—)])))(?!\w)"
    r"(?!\s+(?:des|der|von|vom|seine[sr]?|ihre[sr]?|of)\b)",  # "am Vortag des Treffens": counted from the meeting
    re.IGNORECASE,
)
LOOK_BACK = 3  # sentences before the one with the shift that may state the day it counts from (headings not counted)


def offset_of(sentence: str) -> tuple[int, str] | None:
    """(days, the words that say it) of the one shift ``sentence`` states ("zwei Tage zuvor" -> (-2, ...)),
    or None: when it states none, or two (which one the event is dated by is not clear)."""
    found: list[tuple[int, str]] = []
    for m in _SHIFT.finditer(sentence):
        count = m.group("n").casefold()
        n = int(count) if count.isdigit() else _NUMBERS[count]
        days = n * (7 if m.group("unit").casefold().startswith(("woche", "week")) else 1)
        found.append((-days if m.group("dir").casefold() in _BACK else days, m.group(0)))
    for m in _ONE_DAY.finditer(sentence):
        found.append((-1 if m.group("back") else 1, m.group(0)))
    return found[0] if len(found) == 1 else None


def anchored_day(text: str, start: int, published: dt.date | None = None) -> tuple[dt.date, str] | None:
    """(the day, as stated) that the sentence of ``text`` at ``start`` is dated by when it states a shift
    (:func:`offset_of`) and states no day of its own, counted from the nearest of the :data:`LOOK_BACK`
    sentences before it that states a day (``published`` resolves weekdays and relative days); else None.
    The stated form keeps the article's words and adds the day: "zwei Tage zuvor (2025-07-02)"."""
    starts, ends = split(text)
    index = bisect.bisect_right(starts, start) - 1  # the sentence that holds ``start``
    if index < 0 or start >= ends[index]:
        return None
    sentence = text[starts[index] : ends[index]]
    shift = offset_of(sentence)
    if shift is None or normalise_date(sentence, published).iso is not None:
        return None
    looked = 0
    for i in range(index - 1, -1, -1):
        if "\n\n" in text[ends[i] : starts[i + 1]]:
            return None  # another paragraph run: not what "zuvor" counts from
        before = text[starts[i] : ends[i]]
        if is_heading(before):
            continue  # a subheading between them narrates nothing
        when = normalise_date(before, published)
        if when.precision == "day" and when.date is not None:
            day = when.date + dt.timedelta(days=shift[0])
            return day, f"{shift[1]} ({day.isoformat()})"
        looked += 1
        if looked == LOOK_BACK:
            return None
    return None
