"""Places in English: a country's or a city's name that an English field copied from an article in another
language ("deliveries to Kiew", "a summit in Ungarn"), written as English writes it ("Kyiv", "Hungary").
Countries and territories come from CLDR (Babel, the article's language against English); cities from
``summarize/data/places.json``, which also says which languages are read (German). Only whole capitalised
names change; quotes are never fields here."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["english_places", "english_territories"]

PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.json"

# CLDR names in another language that are English words, or English names of something else ("Island" is
# Iceland in German, and "Snake Island" in English)
_ALSO_ENGLISH = frozenset({"Island", "Ascension"})


@lru_cache(maxsize=8)
def _countries(language: str) -> dict[str, str]:
    """A country's or territory's name in ``language`` -> its English name (CLDR, via Babel), where they
    differ and the name is no English word."""
    from babel import Locale  # its locale data loads on first use, not at import

    english = Locale("en").territories
    return {name: en for code, name in Locale(language).territories.items()
            if code.isalpha() and (en := english.get(code)) and name != en and name not in _ALSO_ENGLISH}


def _whole_names(names: dict[str, str]) -> re.Pattern[str]:
    """One pattern of ``names`` as whole names (not inside a word or a hyphenated compound), longest first."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")


@lru_cache(maxsize=8)
def _table(language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """(the pattern of every form to replace, form -> English name) for ``language``; None when it has none."""
    cities = json.loads(PLACES_FILE.read_text(encoding="utf-8")).get(language)
    if cities is None:  # only a language whose names were read through: CLDR's French "Maurice" (Mauritius)
        return None     # is also a man's name, which must not become "Mauritius"
    names = {**_countries(language), **{form: en for form, en in cities.items() if form != en}}
    return _whole_names(names), names


@lru_cache(maxsize=1)
def _german_countries() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {name: en for name, en in _countries("de").items() if " " not in name}
    return _whole_names(names), names


def english_territories(text: str) -> str:
    """``text`` with the German one-word names of countries in it put in English ("in Ungarn" -> "in
    Hungary"), whatever the article's language: CLDR's names, whole words only. (:func:`english_places` is
    the fuller form for an article known to be German: names of several words and cities too.)"""
    pattern, names = _german_countries()
    return pattern.sub(lambda m: names[m.group(0)], text)


def english_places(text: str | None, language: str | None) -> str | None:
    """``text`` with the names of places it gives in ``language`` written in English; as it is for an English
    article, no text, or a language without such names."""
    if not text or not language or language == "en":
        return text
    table = _table(language)
    if table is None:
        return text
    pattern, names = table
    return pattern.sub(lambda m: names[m.group(0)], text)
