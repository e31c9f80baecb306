"""The built-in alias table (``summarize/data/aliases.json``): the forms of an actor or weapon, in English and
German, its kind, and the named system a written name refers to."""

from __future__ import annotations

from functools import lru_cache
import re
import json
from pathlib import Path

from ..text.normalise import normalise
from .ground import mentions

ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "aliases.json"


@lru_cache(maxsize=1)
def alias_table() -> dict[str, dict[str, dict]]:
    """The built-in alias table (``summarize/data/aliases.json``), read once. The digest's resolver
    (``summarize.digest.entities``) reads it with a user's extra aliases; the briefing uses the built-in one."""
    return json.loads(ALIASES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def _aliases(section: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for canonical, entry in alias_table().get(section, {}).items():
        forms = (canonical, *entry.get("aliases", []))
        for form in forms:
            out[normalise(form)] = forms
    return out


def alias_forms(section: str, name: str) -> tuple[str, ...]:
    """Every form the alias table (``summarize/data/aliases.json``, ``section`` "actors" or "weapons") gives
    the entity ``name`` belongs to, canonical name first, in English and German ("drones" -> "Drohnen",
    "Germany" -> "Deutschland", "Berlin"); empty for an unknown name."""
    return _aliases(section).get(normalise(name.strip()), ())


def seat_forms(name: str) -> tuple[str, ...]:
    """The forms of the seat of government that speaks for the state ``name`` belongs to ("Russia" ->
    "Kremlin", "Kreml"): "The Kremlin confirmed" reports Russia's act. Empty for anything else."""
    forms = alias_forms("actors", name)
    return tuple(alias_table()["actors"].get(forms[0], {}).get("seat", ())) if forms else ()


@lru_cache(maxsize=1024)
def alias_kind(name: str) -> str | None:
    """The kind the alias table gives the actor ``name`` belongs to ("Kreml" -> "organisation"), or None."""
    forms = alias_forms("actors", name)
    return alias_table()["actors"].get(forms[0], {}).get("kind") if forms else None


@lru_cache(maxsize=1024)
def canonical_weapon(written: str, generic: bool = False) -> str | None:
    """The alias table's name of the named system a written name refers to ("Patriot-Systemen" -> "Patriot"):
    a named system's form that the written name mentions (as a word prefix). With ``generic``, kinds count
    too, after the named systems ("Drohnenangriffe" -> "drones"). None when nothing matches."""
    entries = sorted(alias_table().get("weapons", {}).items(), key=lambda kv: bool(kv[1].get("generic")))
    for canonical, entry in entries:
        if entry.get("generic") and not generic:
            continue
        for form in (canonical, *entry.get("aliases", [])):
            if len(form) >= 4 and _names(form, written):
                return canonical
    return None


def _names(form: str, written: str) -> bool:
    """Whether ``written`` names the weapon ``form``: a one-word form as :func:`mentions` finds a name; a form
    of several words only with all of them ("air defence missile" is not named by "missiles", which the
    surname rule of a person's name would allow)."""
    if " " not in form.strip():
        return mentions(form, written, 0, len(written))
    return re.search(r"(?<!\w)" + re.escape(normalise(form)), normalise(written)) is not None


def weapon_category(name: str) -> str | None:
    """The category the alias table gives a named system ("Patriot" -> "air defence"), or None."""
    entry = alias_table().get("weapons", {}).get(name)
    return entry.get("category") if entry else None


def is_kind(name: str) -> bool:
    """A kind of weapon of the alias table ("drones", "missiles"), not a named system: it is its own category."""
    return canonical_weapon(name, generic=True) == name and canonical_weapon(name) is None
