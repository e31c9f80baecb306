"""Deterministic entity resolution: one digest key per real-world actor and weapon, whatever the spelling.

Used by :mod:`summarize.digest.merge` to group briefing items across sources and languages. No model
is involved; the same input in the same order always gives the same keys.

How an actor is resolved (``Resolver.actor_key``), first hit wins:

1. **Normalisation** (:func:`normalise`): casefold, strip accents ("Orbán" -> "orban", "ß" -> "ss"),
   punctuation and hyphens to spaces ("US-Präsident" -> "us prasident").
   For people, title and role words are dropped ("US-Präsident Donald Trump" -> "donald trump",
   "Kremlsprecher Peskow" -> "peskow"): the words in ``titles`` and any word ending in one of
   ``title_suffixes`` ("Verteidigungsminister"), as long as one word is left.
   Then the German -> English **transliteration** rules (regexes, applied in order) turn both spellings
   into one phonetic key: "Selenskyj"/"Zelenskyy"/"Zelenskiy" -> "zelenski", "Wladimir" -> "vladimir",
   "Medwedew" -> "medvedev", "Uschakow" -> "ushakov". These keys are for matching only, never shown.
2. **Alias table** (``summarize/data/aliases.json``, see the format below): the grounded
   ``name_as_written`` is looked up first, then the model's ``name``; whole name first, then (people
   only) the surname alone, unless two table entries share that surname, or the name gives given names of
   which none is spelled like one the entry writes (:data:`GIVEN_NAME_SIMILAR`: "Melania Trump" is not
   Donald Trump, the model's "Vladimir Zelenskyy" is Volodymyr Zelensky). Lookups are per kind: an
   alias only matches an item of its entry's kind, so "Moskau" is Russia only when the item is a
   state, and Putin (person), the Kremlin (organisation) and Russia (state) never meet.
3. **Fuzzy matching** (rapidfuzz ``fuzz.ratio``, :data:`FUZZY_THRESHOLD` = 88) of the normalised
   surname (people) or whole name (others) against the table's keys and the keys already seen in this
   merge, of the same kind only. A :class:`~summarize.digest.name_index.NameIndex` per kind gives the
   answer a comparison with every known key would give while comparing only keys that can reach the
   threshold, so the cost per name stays flat as the names grow.
4. Otherwise the item gets its own key: ``kind:surname`` for people (so "Trump" and "Donald Trump"
   meet), ``kind:whole name`` for the others and for a person whose given names set them apart from the
   table's person of that surname (step 2).

Why 88: ``fuzz.ratio`` is an indel similarity, so one missing or extra letter scores 2n/(2n+1) (>= 88
from a 4-letter surname on: "Putin"/"Puttin" meet) while one *changed* letter scores 1 - 1/n, which
reaches 88 only from 9 letters on. Short surnames one letter apart ("Bush"/"Rush", "Scholz"/"Schulz",
both 83 or less) therefore stay apart: two different people merged is worse than one person split,
and the transliteration rules already catch the regular spelling differences before fuzzy runs.

Weapons (``Resolver.weapon_key``): a **named** system matches its table entry on the whole normalised
name or on any of its words, singular ("Marschflugkörper vom Typ Tomahawk", "Patriot-Luftabwehrsysteme",
"Patriots"); named entries are tried before generic ones, on ``name_as_written`` then ``name``. A
**generic** mention ("Drohnen", "Flugabwehr", "Raketen") matches only on the whole name, so
"Shahed-Drohnen" is not "drones". Unknown names keep the old key (first hyphen segment, singular) and
are fuzzy-matched like actors. The model has no "generic" field: generic entries keep a plain
canonical ``name`` ("drones", "air defence", "missiles") and the digest lists them after the named
systems (:meth:`Resolver.is_generic_weapon`).

Alias file format (JSON; every key optional in a user file)::

    {
      "titles": ["president", "kremlsprecher", ...],        # words dropped from people's names
      "title_suffixes": ["minister", "sprecher", ...],       # ... and words ending in these
      "transliterations": [["sch", "sh"], ["w", "v"], ...],  # [regex, replacement], in order
      "actors": {"Volodymyr Zelensky": {"kind": "person", "aliases": ["Selenskyj", "Zelenskyy"]}},
                                                             # a person may name the "state" they speak for, a
                                                             # state the "seat" that speaks for it ("Kremlin")
      "weapons": {"Patriot": {"generic": false, "aliases": ["PAC-3", "Patriot-Raketen"]}}
    }

``load_aliases(extra)`` merges a user file over the built-in one: its titles and suffixes are added,
its transliteration rules run after the built-in ones, and for an entity already in the table its
aliases are added (its ``kind``/``generic``, if given, replace the built-in). Matching ignores case,
accents and hyphens, so aliases can be written as in the articles.
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..errors import ConfigurationError
from ..models import Actor, Weapon
from ..text.normalise import fold as normalise  # the grouping key (one place: summarize.text.normalise)
from .name_index import NameIndex

ALIASES_PATH = Path(__file__).parent.parent / "data" / "aliases.json"
FUZZY_THRESHOLD = 88

Aliases = dict[str, Any]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


@lru_cache(maxsize=8)
def _builtin(path: Path) -> Aliases:
    return json.loads(path.read_text(encoding="utf-8"))


def load_aliases(extra: Path | str | None = None, *, builtin: Path = ALIASES_PATH) -> Aliases:
    """The built-in alias table, with the user file ``extra`` (same format) merged over it."""
    table = copy.deepcopy(_builtin(builtin))
    if extra is None:
        return table
    try:
        user = json.loads(Path(extra).read_text(encoding="utf-8"))
        if not isinstance(user, dict):
            raise ValueError("the top level must be an object")
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"--aliases {extra}: cannot use it ({exc}); expected JSON like "
            '{"actors": {"Volodymyr Zelensky": {"kind": "person", "aliases": ["Selenskyj"]}}}'
        ) from exc
    for key in ("titles", "title_suffixes", "transliterations"):
        table[key] = list(table.get(key, [])) + list(user.get(key, []))
    for section in ("actors", "weapons"):
        merged = table.setdefault(section, {})
        for canonical, entry in user.get(section, {}).items():
            if canonical in merged:
                old = merged[canonical]
                old["aliases"] = list(old.get("aliases", [])) + [a for a in entry.get("aliases", [])
                                                                  if a not in old.get("aliases", [])]
                for field in ("kind", "generic"):
                    if field in entry:
                        old[field] = entry[field]
            else:
                merged[canonical] = {**entry, "aliases": list(entry.get("aliases", []))}
    return table


GIVEN_NAME_SIMILAR = 50  # rapidfuzz ratio: "vladimir"/"volodymyr" 59, "yury"/"yuri" 75, "melania"/"donald" 31


class Resolver:
    """Keys and canonical names for actors and weapons, from an alias table (see the module docstring).

    A resolver remembers the keys it has handed out (for fuzzy matching), so use one per merge; results
    depend only on the table and the order items are asked about.
    """

    def __init__(self, aliases: Aliases | None = None) -> None:
        table = load_aliases() if aliases is None else aliases
        self._titles = frozenset(normalise(t) for t in table.get("titles", []))
        self._suffixes = tuple(normalise(s) for s in table.get("title_suffixes", []))
        self._rules = [(re.compile(p), r) for p, r in table.get("transliterations", [])]
        self._phonetic = lru_cache(maxsize=65536)(self._phonetic_uncached)
        # actors: (kind, phonetic full name) -> canonical; (kind, phonetic surname) -> canonical or None
        self._actor_full: dict[tuple[str, str], str] = {}
        self._actor_surname: dict[tuple[str, str], str | None] = {}
        self._actor_kind: dict[str, str] = {}  # canonical -> kind
        self._given: dict[str, set[str]] = {}  # a person's canonical name -> the given names its forms write
        for canonical, entry in table.get("actors", {}).items():
            kind = entry.get("kind", "other")
            self._actor_kind[canonical] = kind
            for alias in [canonical, *entry.get("aliases", [])]:
                full = self._person_form(alias) if kind == "person" else self._phonetic(normalise(alias))
                if not full:
                    continue
                self._actor_full[(kind, full)] = canonical
                if kind == "person" and len(full.split()) > 1:
                    self._given.setdefault(canonical, set()).add(full.split()[0])
                if kind == "person":
                    sk = (kind, full.split()[-1])
                    if self._actor_surname.get(sk, canonical) != canonical:
                        self._actor_surname[sk] = None  # shared by two entries: whole names only
                    else:
                        self._actor_surname[sk] = canonical
        # weapons: normalised singular form -> canonical, named and generic apart
        self._named: dict[str, str] = {}
        self._generic: dict[str, str] = {}
        for canonical, entry in table.get("weapons", {}).items():
            target = self._generic if entry.get("generic") else self._named
            for alias in [canonical, *entry.get("aliases", [])]:
                target[self._weapon_form(alias)] = canonical
        self._named_words = {form: c for form, c in self._named.items() if " " not in form}
        # key -> canonical name, for fuzzy hits on table entries
        self._key_canonical = {self._akey(k, c): c for c, k in self._actor_kind.items()}
        self._key_canonical.update({f"weapon:{normalise(c)}": c for c in self._named.values()})
        # fuzzy candidates: key-space strings per kind -> key
        self._fuzzy: dict[str, dict[str, str]] = {}
        for (kind, full), canonical in self._actor_full.items():
            self._fuzzy.setdefault(kind, {})[full if kind != "person" else full.split()[-1]] = self._akey(kind, canonical)
        for (kind, sur), canonical in self._actor_surname.items():
            if canonical is None:
                self._fuzzy.get(kind, {}).pop(sur, None)
        for form, canonical in self._named.items():
            self._fuzzy.setdefault("weapon", {})[form] = f"weapon:{normalise(canonical)}"
        self._index: dict[str, NameIndex] = {}
        for space, bucket in self._fuzzy.items():
            self._index[space] = index = NameIndex(FUZZY_THRESHOLD)
            for probe in bucket:
                index.add(probe)
        self._actor_cache: dict[tuple[str, str, str], tuple[str, str | None]] = {}
        self._known_cache: dict[str, tuple[str | None, str | None]] = {}
        self._weapon_cache: dict[tuple[str, str], tuple[str, str | None, bool]] = {}

    # ------------------------------------------------------------------ normalisation

    def _phonetic_uncached(self, normalised: str) -> str:
        out = normalised
        for pattern, repl in self._rules:
            out = pattern.sub(repl, out)
        return out

    def _person_form(self, name: str) -> str:
        words = normalise(name).split()
        kept = [w for w in words if w not in self._titles
                and not any(w.endswith(s) and len(w) > len(s) for s in self._suffixes)]
        return self._phonetic(" ".join(kept or words))

    def _weapon_form(self, name: str) -> str:
        return " ".join(_singular(w) for w in normalise(name).split())

    @staticmethod
    def _akey(kind: str, canonical: str) -> str:
        return f"{kind}:{normalise(canonical)}"

    # ------------------------------------------------------------------ fuzzy

    def _fuzzy_match(self, space: str, probe: str) -> str | None:
        candidates = self._fuzzy.get(space)
        if not candidates or not probe:
            return None
        hit = candidates.get(probe)
        if hit is not None:
            return hit
        best = self._index[space].best(probe)
        return candidates[best] if best is not None else None

    def _remember(self, space: str, probe: str, key: str) -> None:
        if probe:
            bucket = self._fuzzy.setdefault(space, {})
            if probe not in bucket:
                bucket[probe] = key
                self._index.setdefault(space, NameIndex(FUZZY_THRESHOLD)).add(probe)

    # ------------------------------------------------------------------ actors

    def resolve_actor(self, name: str, written: str, kind: str) -> tuple[str, str | None]:
        """``(key, canonical name or None)`` of an actor given by its name, the name as written and its kind
        (plain strings: no :class:`~summarize.models.Actor` needed)."""
        cache_key = (kind, name, written)
        cached = self._actor_cache.get(cache_key)
        if cached is None:
            cached = self._actor_cache[cache_key] = self._resolve_actor(name, written, kind)
        return cached

    def _resolve_actor(self, name: str, written: str, kind: str, remember: bool = True) -> tuple[str, str | None]:
        person = kind == "person"
        forms = [self._person_form(n) if person else self._phonetic(normalise(n)) for n in (written, name)]
        forms = [f for f in forms if f]
        result: tuple[str, str | None] | None = None
        for form in forms:
            canonical = self._actor_full.get((kind, form))
            if canonical:
                result = (self._akey(kind, canonical), canonical)
                break
        if result is None and person:
            for form in forms:
                canonical = self._actor_surname.get((kind, form.split()[-1]))
                if canonical and self._given_fits(form, canonical):
                    result = (self._akey(kind, canonical), canonical)
                    break
        if result is None:
            # own key from the model's (English) name when it has one, else the written form
            form = (self._person_form(name) if person else self._phonetic(normalise(name))) or (
                forms[0] if forms else normalise(name))
            probe = form.split()[-1] if person and form else form
            hit = self._fuzzy_match(kind, probe)
            if hit and person and (known := self._key_canonical.get(hit)) and not self._given_fits(form, known):
                # "Melania Trump" is not Donald Trump: the surname is shared, the given name is not; she is
                # known by her whole name
                hit, probe = None, form
            key = hit or f"{kind}:{probe}"
            canonical = self._key_canonical.get(hit) if hit else None
            if remember:
                self._remember(kind, probe, key)
            result = (key, canonical)
        return result

    def _given_fits(self, form: str, canonical: str) -> bool:
        """Whether a person's name (its phonetic form, titles dropped) may be ``canonical`` by its given names,
        the words before the surname: it has none ("Trump"), an initial of one, or one spelled like a given
        name the table writes for them, by half its letters or more ("Wladimir Selenskij", and the model's
        "Vladimir Zelenskyy", for Volodymyr Zelensky; not "Melania Trump" for Donald Trump)."""
        words = form.split()
        given = self._given.get(canonical)
        if len(words) < 2 or not given:
            return True
        return any(w[0] == g[0] if len(w) == 1 else fuzz.ratio(w, g) >= GIVEN_NAME_SIMILAR
                   for w in words[:-1] for g in given)  # any word before the surname: "donald john trump"

    def actor_key(self, actor: Actor) -> str:
        """Grouping key, ``kind:...``: never equal for two different kinds."""
        return self.resolve_actor(actor.name, actor.name_as_written, actor.kind)[0]

    def canonical_actor(self, actor: Actor) -> str:
        """Display name: the table's canonical name ("Volodymyr Zelensky"), else the model's name."""
        return self.resolve_actor(actor.name, actor.name_as_written, actor.kind)[1] or actor.name.strip()

    def known_actor(self, name: str) -> str | None:
        """Key of the table entry (person, then state, then organisation) that a bare name such as a
        decision's ``who`` resolves to, else None. A lookup only: the name is not remembered as a key of
        any kind (a decider is not an actor of three kinds), so it changes no later actor's key, and the
        answer per name is cached (one merge asks for the same decider thousands of times)."""
        return self._known(name)[0]

    def known_actor_name(self, name: str) -> str | None:
        """The table's canonical name of the entry :meth:`known_actor` finds ("Kremlchef Putin" -> "Vladimir
        Putin"), else None: how a digest names a decider as its actor rows name them."""
        return self._known(name)[1]

    def _known(self, name: str) -> tuple[str | None, str | None]:
        if name in self._known_cache:
            return self._known_cache[name]
        found: tuple[str | None, str | None] = (None, None)
        for kind in ("person", "state", "organisation"):
            cached = self._actor_cache.get((kind, name, name))
            key, canonical = cached if cached is not None else self._resolve_actor(name, name, kind, remember=False)
            if canonical is not None:
                found = (key, canonical)
                break
        self._known_cache[name] = found
        return found

    # ------------------------------------------------------------------ weapons

    def resolve_weapon(self, name: str, written: str) -> tuple[str, str | None, bool]:
        """``(key, canonical name or None, generic?)`` of a weapon given by its name and the name as written."""
        cache_key = (name, written)
        cached = self._weapon_cache.get(cache_key)
        if cached is None:
            cached = self._weapon_cache[cache_key] = self._resolve_weapon(name, written)
        return cached

    def _resolve_weapon(self, name: str, written: str) -> tuple[str, str | None, bool]:
        forms = [f for f in (self._weapon_form(written), self._weapon_form(name)) if f]
        result: tuple[str, str | None, bool] | None = None
        for form in forms:  # named systems first: whole name, then any word
            canonical = self._named.get(form) or next(
                (self._named_words[w] for w in form.split() if w in self._named_words), None)
            if canonical:
                result = (f"weapon:{normalise(canonical)}", canonical, False)
                break
        if result is None:
            for form in forms:
                canonical = self._generic.get(form)
                if canonical:
                    result = (f"generic:{normalise(canonical)}", canonical, True)
                    break
        if result is None:
            name = name.strip()
            probe = _singular(normalise(name.split("-", 1)[0])) if " " not in name else normalise(name)
            hit = self._fuzzy_match("weapon", probe)
            key = hit or f"weapon:{probe}"
            canonical = self._key_canonical.get(hit) if hit else None
            self._remember("weapon", probe, key)
            result = (key, canonical, False)
        return result

    def weapon_key(self, weapon: Weapon) -> str:
        """Grouping key: ``weapon:...`` for named systems, ``generic:...`` for generic mentions."""
        return self.resolve_weapon(weapon.name, weapon.name_as_written)[0]

    def canonical_weapon(self, weapon: Weapon) -> str:
        """Display name: the table's canonical system ("Patriot") or generic name ("drones"), else the model's."""
        return self.resolve_weapon(weapon.name, weapon.name_as_written)[1] or weapon.name.strip()

    def is_generic_weapon(self, weapon: Weapon) -> bool:
        """True for generic mentions (drones, air defence, missiles) rather than a named system."""
        return self.resolve_weapon(weapon.name, weapon.name_as_written)[2]
