"""Is an item what the model says it is? Cheap checks on the kind of thing, after grounding.

A small model lists common nouns of the article as actors ("Sicherheit", "Zivilisten", "Friedensabkommen",
kind "state") and things that are no weapons as weapons ("Krieg", "Stromnetz", "Energiehandel"). Grounding
cannot catch them: the article does name them. These checks use what an English name tells and two word
lists, never an article's particular sentences:

* an actor's English ``name`` starts with a capital letter (proper names do; "truth", "missiles" do not);
* a **person** has a name of two words or more, or one the alias table knows ("Putin");
* a **state** is a country or territory (CLDR names in English and German, via Babel), or one the alias
  table knows (capitals used for their governments: "Moskau", "Washington");
* a **weapon** is known to the alias table, or its name or category holds a weapon word
  (``summarize/data/weapon_words.json``: "missile", "Rakete", "Drohne", "air defence", ...).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale

from .extraction import ActorDraft, WeaponDraft, alias_forms
from .ground import normalise

WEAPON_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "weapon_words.json"
TERRITORY_LOCALES = ("en", "de")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    names: set[str] = set()
    for code in TERRITORY_LOCALES:
        for name in Locale(code).territories.values():
            names.add(_fold(name))
    return frozenset(names)


@lru_cache(maxsize=1)
def _weapon_stems() -> tuple[str, ...]:
    data = json.loads(WEAPON_WORDS_FILE.read_text(encoding="utf-8"))
    return tuple(_fold(s) for s in data["stems"])


def actor_problem(actor: ActorDraft) -> str | None:
    """Why the item is not a plausible actor of its kind, or None."""
    name = actor.name.strip() or actor.name_as_written.strip()
    if not name[:1].isupper() and not alias_forms("actors", name):
        return f"{name!r} is not a proper name"
    known = bool(alias_forms("actors", name) or alias_forms("actors", actor.name_as_written))
    if actor.kind == "person" and not known and len(name.split()) < 2 and len(actor.name_as_written.split()) < 2:
        return f"{name!r} is not a person's name"
    if actor.kind == "state" and not known and not ({_fold(name), _fold(actor.name_as_written)} & _territories()):
        return f"{name!r} is not a state"
    return None


def weapon_problem(weapon: WeaponDraft) -> str | None:
    """Why the item is not a plausible weapon, or None."""
    if alias_forms("weapons", weapon.name) or alias_forms("weapons", weapon.name_as_written):
        return None
    text = _fold(f"{weapon.name} {weapon.name_as_written} {weapon.category}")
    if any(stem in text for stem in _weapon_stems()):
        return None
    return f"{weapon.name!r} is not a weapon"
