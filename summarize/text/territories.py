"""Names of countries and territories (CLDR, in English and German, via Babel): "Ukraine", "United States",
"Vereinigte Staaten". The briefing asks whether an actor of kind state is one; the cleaner whether a short
line is only a place's name, a site's section label ("The United States" above a headline)."""

from __future__ import annotations

from functools import lru_cache

from .normalise import normalise, strip_accents

__all__ = ["TERRITORY_LOCALES", "is_territory", "territory_names"]

TERRITORY_LOCALES = ("en", "de")


def _fold(text: str) -> str:
    return strip_accents(normalise(text))


# Names CLDR has replaced that the news still writes ("Turkey" for "Türkiye", "Czech Republic" for "Czechia")
_FORMER_NAMES = ("Turkey", "Czech Republic", "Swaziland", "Macedonia", "Burma", "Ivory Coast", "Cape Verde",
                 "East Timor", "Tschechische Republik", "Swasiland", "Mazedonien", "Elfenbeinküste", "Kapverden")


@lru_cache(maxsize=1)
def territory_names() -> frozenset[str]:
    """Every country and territory name of :data:`TERRITORY_LOCALES`, folded (lower case, no accents), and the
    former names the news still writes."""
    from babel import Locale  # its locale data loads on first use, not at import

    names = [name for code in TERRITORY_LOCALES for name in Locale(code).territories.values()]
    return frozenset(_fold(name) for name in (*names, *_FORMER_NAMES))


def is_territory(name: str) -> bool:
    """Whether ``name`` is a country or territory (CLDR, English or German)."""
    return _fold(name) in territory_names()
