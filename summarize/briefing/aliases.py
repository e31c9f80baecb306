"""The built-in alias table (``summarize/data/aliases.json``): the forms of an actor or weapon, in English and
German, its kind, and the named system a written name refers to."""

from __future__ import annotations

from functools import lru_cache
import re
import json
from pathlib import Path

from ..text.normalise import normalise
from .mentions import mentioned_in

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


@lru_cache(maxsize=1)
def _people_by_name_words() -> tuple[dict[str, str | None], frozenset[str]]:
    """The alias table's people by their surnames (a surname two people share stands for neither: None), and
    the first names of its people ("Sergej", "Wladimir"), folded."""
    surnames: dict[str, str | None] = {}
    first_names: set[str] = set()
    for canonical, entry in alias_table().get("actors", {}).items():
        if entry.get("kind") != "person":
            continue
        for form in (canonical, *entry.get("aliases", [])):
            words = normalise(form).split()
            if not words:
                continue
            if len(words) > 1:
                first_names.add(words[0])
            known = surnames.setdefault(words[-1], canonical)
            if known != canonical:
                surnames[words[-1]] = None
    return surnames, frozenset(first_names)


def borrowed_first_name(name: str, text: str = "") -> str | None:
    """The alias table's person whose surname ``name`` ends with, when its first name is another person's of
    the table: a small model lends one leader's first name to another ("Sergej Uschakow" of an article that
    writes "Uschakow" and "Sergej Lawrow", "Wladimir Selenskyj"), or invents one the article's ``text`` never
    writes ("Maxus Uschakows" of an article that says "Juri Uschakow" and "Nach Angaben Uschakows"). None
    when the surname (a genitive "s" aside: "Uschakows") is none of the table's or two people's, or the first
    name is the person's own, or no one's there and written in the text ("Melania Trump" is not Donald Trump;
    without a text, any first name of no one in the table is taken as written)."""
    words = normalise(name).split()
    if len(words) != 2:
        return None
    surnames, first_names = _people_by_name_words()
    person = surnames.get(words[1]) or (surnames.get(words[1][:-1]) if words[1].endswith("s") else None)
    invented = bool(text) and re.search(rf"(?<!\w){re.escape(words[0])}", normalise(text)) is None
    if person is None or (words[0] not in first_names and not invented):
        return None
    own = {normalise(f).split()[0] for f in (person, *alias_table()["actors"][person].get("aliases", []))
           if len(normalise(f).split()) > 1}
    return None if words[0] in own else person


def _actor_entry(name: str) -> dict:
    """The alias table's entry of the actor ``name`` belongs to (empty for an unknown name)."""
    forms = alias_forms("actors", name)
    return alias_table()["actors"].get(forms[0], {}) if forms else {}


def seat_forms(name: str) -> tuple[str, ...]:
    """The forms of the seat of government that speaks for the state ``name`` belongs to ("Russia" ->
    "Kremlin", "Kreml"): "The Kremlin confirmed" reports Russia's act. Empty for anything else."""
    return tuple(_actor_entry(name).get("seat", ()))


def state_of(name: str) -> str | None:
    """The state the person ``name`` speaks for, as the alias table gives it ("Putin" -> "Russia"), or None."""
    return _actor_entry(name).get("state")


@lru_cache(maxsize=1024)
def alias_kind(name: str) -> str | None:
    """The kind the alias table gives the actor ``name`` belongs to ("Kreml" -> "organisation"), or None."""
    return _actor_entry(name).get("kind")


@lru_cache(maxsize=1024)
def canonical_weapon(written: str, generic: bool = False) -> str | None:
    """The alias table's name of the named system a written name refers to ("Patriot-Systemen" -> "Patriot"):
    a named system's form that the written name mentions (as a word prefix). With ``generic``, kinds count
    too, after the named systems ("Drohnenangriffe" -> "drones"). None when nothing matches."""
    normalised = normalise(written)  # once, not once per form (a name the cache has not seen is read ~100 times)
    for canonical, forms, is_generic in _weapon_entries():
        if is_generic and not generic:
            continue
        for form, pattern in forms:
            if _names(form, pattern, written, normalised):
                return canonical
    return None


@lru_cache(maxsize=1)
def _weapon_entries() -> tuple[tuple[str, tuple[tuple[str, re.Pattern[str] | None], ...], bool], ...]:
    """(canonical name, its forms of four or more characters, generic?) for every weapon of the alias table, the
    named systems first; a form of several words with its pattern (see :func:`_names`)."""
    entries = sorted(alias_table().get("weapons", {}).items(), key=lambda kv: bool(kv[1].get("generic")))
    return tuple((canonical, tuple((form, None if " " not in form.strip() else
                                    re.compile(r"(?<!\w)" + re.escape(normalise(form))))
                                   for form in (canonical, *entry.get("aliases", [])) if len(form) >= 4),
                  bool(entry.get("generic"))) for canonical, entry in entries)


def _names(form: str, pattern: re.Pattern[str] | None, written: str, normalised: str) -> bool:
    """Whether ``written`` (``normalised``: its :func:`normalise`) names the weapon ``form``: a one-word form as
    :func:`mentions` finds a name; a form of several words (``pattern``) only with all of them ("air defence
    missile" is not named by "missiles", which the surname rule of a person's name would allow)."""
    if pattern is None:
        return mentioned_in(form, written, normalised)
    return pattern.search(normalised) is not None


def weapon_category(name: str) -> str | None:
    """The category the alias table gives a named system ("Patriot" -> "air defence"), or None."""
    entry = alias_table().get("weapons", {}).get(name)
    return entry.get("category") if entry else None


def is_kind(name: str) -> bool:
    """A kind of weapon of the alias table ("drones", "missiles"), not a named system: it is its own category."""
    return canonical_weapon(name, generic=True) == name and canonical_weapon(name) is None
