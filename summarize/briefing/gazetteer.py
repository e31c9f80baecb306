"""States the article keeps naming, found by the code: a small model lists the people and leaves out the
countries ("Russland", "USA", "Indien") that act in almost every sentence.

A state is added as an actor when the article names it at least :data:`MIN_MENTIONS` times (CLDR territory
names in English and German, via Babel, and the alias table's forms of states: "USA", "Moskau", "Kiew"),
and no actor of the briefing already stands for it. Its evidence is the first sentence that names it, as
for any item. No names of people come from here: only countries, from a public list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from .numbered import Sentences
from .aliases import alias_table
from .ground import normalise

MIN_MENTIONS = 2
LOCALES = ("en", "de")


@lru_cache(maxsize=1)
def _forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every written form of a state, and form -> canonical English name."""
    canonical: dict[str, str] = {}
    english = Locale("en").territories
    for code, name in english.items():
        if not code.isalpha() or len(code) != 2:
            continue  # regions such as "Europe" (150) are not states
        for locale in LOCALES:
            form = Locale(locale).territories.get(code)
            if form and len(form) >= 4:
                canonical[normalise(form)] = name
    for name, entry in alias_table()["actors"].items():
        if entry.get("kind") == "state":
            for form in (name, *entry.get("aliases", [])):
                if len(form) >= 3:
                    canonical[normalise(form)] = name
    alternatives = "|".join(re.escape(f) for f in sorted(canonical, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?:s|es|n)?(?!\w)"), canonical


def states(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """Canonical name -> (number of the first sentence naming it, the name as written there), for states the
    text names at least MIN_MENTIONS times."""
    pattern, canonical = _forms()
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    for n in range(1, len(sentences) + 1):
        sentence = sentences.sentence(n)
        normalised = normalise(sentence)
        for match in pattern.finditer(normalised):
            name = canonical[match.group(1)]
            counts[name] = counts.get(name, 0) + 1
            if name not in first:
                written = sentence[match.start(): match.end()] if len(normalised) == len(sentence) else match.group()
                first[name] = (n, written)
    return {name: first[name] for name, count in counts.items() if count >= MIN_MENTIONS}


@lru_cache(maxsize=1)
def _weapon_forms() -> tuple[tuple[str, str, bool, re.Pattern[str], re.Pattern[str]], ...]:
    """(form, canonical name, generic, the form anywhere, the word that holds it) for every weapon form of
    the alias table, longest first; the patterns are compiled once."""
    forms = [(form, name, bool(entry.get("generic"))) for name, entry in alias_table().get("weapons", {}).items()
             for form in (name, *entry.get("aliases", [])) if len(form) >= 4]
    return tuple((form, name, generic, re.compile(re.escape(form), re.IGNORECASE),
                  re.compile(rf"(?<!\w)[\w-]*{re.escape(form)}[\w-]*", re.IGNORECASE))
                 for form, name, generic in sorted(forms, key=lambda f: -len(f[0])))


# Letters whose case-insensitive matching (``re.IGNORECASE``) is more than "equal in lower case": anything
# beyond Latin-1 and Latin Extended-A (save general punctuation and currency signs), and the four letters
# within them that match another letter (dotted and dotless i, long s, micro sign). A text and a form without them match
# case-insensitively exactly where their lower-case forms do (tests/llm/test_speedups.py checks every letter).
_CASED = re.compile("[^\u0000-\u012f\u0132-\u017e\u2000-\u206f\u20a0-\u20cf]|\u00b5")


def _present(text: str) -> list[tuple[str, str, bool, re.Pattern[str], re.Pattern[str]]]:
    """The weapon forms ``text`` holds somewhere (case-insensitively)."""
    if _CASED.search(text):
        return [f for f in _weapon_forms() if f[3].search(text)]
    lowered = text.lower()
    return [f for f, low in _lowered_forms() if (f[3].search(text) if low is None else low in lowered)]


@lru_cache(maxsize=1)
def _lowered_forms() -> tuple[tuple[tuple[str, str, bool, re.Pattern[str], re.Pattern[str]], str | None], ...]:
    """Each weapon form with its lower-case form, or None for a form that holds a :data:`_CASED` letter."""
    return tuple((f, None if _CASED.search(f[0]) else f[0].lower()) for f in _weapon_forms())


def weapons(sentences: Sentences) -> dict[str, tuple[int, str, bool]]:
    """Canonical name -> (first sentence naming it, the word as written there, generic?) for every weapon of
    the alias table the text names (named systems such as "Patriot", kinds such as "Drohnen")."""
    # A form the whole text does not hold is in none of its sentences (each is a slice of the text): one
    # search of the text per form leaves the few forms worth looking for sentence by sentence.
    present = _present(sentences.text)
    found: dict[str, tuple[int, str, bool]] = {}
    for n in range(1, len(sentences) + 1) if present else ():
        sentence = sentences.sentence(n)
        for form, name, generic, _, word in present:
            if name in found:
                continue
            match = word.search(sentence)
            if match and (not generic or match.group().casefold().startswith(form.casefold())
                          or "-" in match.group()):
                found[name] = (n, match.group().strip("-"), generic)
    return found
