"""How long something lasted, as a text states it: "ein mehr als zweistündiges Telefonat", "a two-hour phone
call", "telefonierte zweieinhalb Stunden lang", "lasted nearly two-and-a-half hours", "the call lasted around 40 minutes", "40-minütigen".

:func:`durations` finds them in German and English, in minutes, with the bound a text may put on one ("mehr
als", "more than", "fast", "nearly": a lower or an upper bound; "rund", "around", "etwa" only round the
number and are no bound). Two sources that give one call different lengths diverge
(:mod:`summarize.digest.diverge`); "40-minütigen" and "around 40 minutes" do not.

A time that places something rather than measuring it is not a duration: "zwei Stunden später", "hours after
the call", "vor zwei Stunden", "two hours before", "within two hours".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Duration", "durations"]

_WORDS = {
    "ein": 1.0, "eine": 1.0, "einer": 1.0, "einem": 1.0, "zwei": 2.0, "drei": 3.0, "vier": 4.0, "fünf": 5.0,
    "sechs": 6.0, "sieben": 7.0, "acht": 8.0, "neun": 9.0, "zehn": 10.0, "zwanzig": 20.0, "dreißig": 30.0,
    "vierzig": 40.0, "fünfzig": 50.0, "neunzig": 90.0,
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
    "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "twenty": 20.0, "thirty": 30.0, "forty": 40.0,
    "fifty": 50.0, "ninety": 90.0,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5, "viereinhalb": 4.5,
}  # fmt: skip
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_AMOUNT = rf"(?P<amount>\d{{1,3}}(?:[.,]\d)?|(?:{_WORD})(?:(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)?)"  # "two-and-a-half"
_BOUND = r"(?:(?P<bound>mehr\s+als|weniger\s+als|knapp|fast|beinahe|more\s+than|less\s+than|over|under|nearly|almost)\s+)?"
# "zwei Stunden", "two hours", "40 minutes", "two-hour", "40-minute", "zweistündig", "40-minütig",
# "zweieinhalbstündigen"
_DURATION = re.compile(
    rf"(?<![\w-]){_BOUND}{_AMOUNT}(?:\s+|-|(?<=[a-zäöüß])(?=stünd)|(?<=[a-zäöüß])(?=minüt))"
    r"(?P<unit>stunden?|stündig\w*|minuten?|minütig\w*|hours?|minutes?)(?![\w])"
    r"(?!\s+(?:später|danach|zuvor|vorher|nach|vor|after|later|before|earlier|ago)\b)",
    re.IGNORECASE,
)
_PLACES = re.compile(r"(?<!\w)(?:vor|nach|in|innerhalb|binnen|within|for\s+the\s+next)\s+$", re.IGNORECASE)
_UNIT_WORD = re.compile(r"stund|stünd|minut|minüt|hour|minute", re.IGNORECASE)  # most quotes have none: skipped
_LOWER = {"mehr als", "more than", "over"}
_UPPER = {"weniger als", "knapp", "fast", "beinahe", "less than", "under", "nearly", "almost"}


@dataclass(frozen=True)
class Duration:
    minutes: float
    bound: str  # "", "at least" or "at most"
    text: str  # as written: "mehr als zweistündiges"
    start: int
    end: int

    @property
    def key(self) -> tuple[float, str]:
        """What two statements of one length share: "40-minütigen" and "around 40 minutes" do."""
        return self.minutes, self.bound


def _amount(raw: str) -> float | None:
    raw = " ".join(raw.casefold().replace("-", " ").split())
    half = raw.endswith(" and a half")
    raw = raw.removesuffix(" and a half")
    value = float(raw.replace(",", ".")) if raw[:1].isdigit() else _WORDS.get(raw)
    return None if value is None else value + (0.5 if half else 0.0)


@lru_cache(maxsize=1 << 16)  # a quote is read by the number rule of every development it supports
def durations(text: str) -> tuple[Duration, ...]:
    """Every length of time ``text`` states, in the order it states them."""
    if not _UNIT_WORD.search(text):
        return ()
    found: list[Duration] = []
    for m in _DURATION.finditer(text):
        if _PLACES.search(text, max(0, m.start() - 12), m.start()):
            continue  # "vor zwei Stunden", "within two hours": when, not how long
        value = _amount(m.group("amount"))
        if value is None or value <= 0:
            continue
        hours = m.group("unit").casefold().startswith(("stund", "stünd", "hour"))
        bound = (m.group("bound") or "").casefold()
        bound = " ".join(bound.split())
        kind = "at least" if bound in _LOWER else "at most" if bound in _UPPER else ""
        found.append(Duration(value * 60 if hours else value, kind, m.group(0), m.start(), m.end()))
    return tuple(found)
