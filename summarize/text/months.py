"""Month and weekday names, German and English: the one table every date reader uses.

:data:`MONTH_NAMES` are the full names (``Oktober``, ``October``, ``Jänner``, ``Maerz``), safe to read as
a month wherever they stand as a word. :data:`MONTH_ABBREVIATIONS` (``Okt``, ``Sep``, ``Jan``) are months
only inside a date ("17. Okt. 2025"): alone they are names and words ("Jan", "Mar"). Likewise
:data:`WEEKDAY_NAMES` and :data:`WEEKDAY_ABBREVIATIONS` (``Mo``, ``Fri``). Keys are lower case.
"""

from __future__ import annotations

__all__ = ["MONTHS", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "WEEKDAYS", "WEEKDAY_ABBREVIATIONS", "WEEKDAY_NAMES"]

# January first: full names, then abbreviations after the bar.
_MONTH_TABLE = (
    "januar jänner january | jan",
    "februar feber february | feb",
    "märz maerz march | mär mrz mar",
    "april | apr",
    "mai may |",
    "juni june | jun",
    "juli july | jul",
    "august | aug",
    "september | sept sep",
    "oktober october | okt oct",
    "november | nov",
    "dezember december | dez dec",
)
MONTH_NAMES: dict[str, int] = {
    name: number for number, row in enumerate(_MONTH_TABLE, 1) for name in row.split("|")[0].split()
}
"""Full month name (lower case) -> month number."""
MONTH_ABBREVIATIONS: dict[str, int] = {
    name: number for number, row in enumerate(_MONTH_TABLE, 1) for name in row.split("|")[1].split()
}
"""Month abbreviation (lower case, no period) -> month number."""
MONTHS: dict[str, int] = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}
"""Every month word, full or abbreviated -> month number."""

# Monday first.
_WEEKDAY_TABLE = (
    "montag monday | mo mon",
    "dienstag tuesday | di tue",
    "mittwoch wednesday | mi wed",
    "donnerstag thursday | do thu",
    "freitag friday | fr fri",
    "samstag saturday | sa sat",
    "sonntag sunday | so sun",
)
WEEKDAY_NAMES: dict[str, int] = {
    name: number for number, row in enumerate(_WEEKDAY_TABLE) for name in row.split("|")[0].split()
}
"""Full weekday name (lower case) -> ``date.weekday()`` (Monday 0)."""
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    name: number for number, row in enumerate(_WEEKDAY_TABLE) for name in row.split("|")[1].split()
}
"""Weekday abbreviation (lower case, no period) -> ``date.weekday()``."""
WEEKDAYS: dict[str, int] = {**WEEKDAY_NAMES, **WEEKDAY_ABBREVIATIONS}
