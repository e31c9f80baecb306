"""States the article keeps naming, found by the code: a small model lists the people and leaves out the
countries ("Russland", "USA", "Indien") that act in almost every sentence.

A state is added as an actor when the article names it at least :data:`MIN_MENTIONS` times (CLDR territory
names in English and German, via Babel, and the alias table's forms of states: "USA", "Moskau", "Kiew"),
and no actor of the briefing already stands for it. Its evidence is the first sentence that names it, as
for any item. The same holds for the people of the alias table (``summarize/data/aliases.json``: the
figures a desk follows, "Selenskyj", "Zelenskyy", "Orbán") that the article names at all, and for its
organisations named acting once. No other names of people come
from here: an unknown person is the model's to find.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache

from babel import Locale

from .numbered import Sentences
from .aliases import alias_forms, alias_table, canonical_weapon
from .ground import normalise
from .plausible import WEAPON_WORDS_FILE, has_weapon_word, office_forms
from ..text.months import MONTH_NAMES, WEEKDAY_NAMES
from ..text.normalise import QUOTATION_MARKS, SINGLE_QUOTATION_MARKS, fold
from ..text.trie import alternatives

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
    return re.compile(rf"(?<!\w)({alternatives(canonical)})(?:s|es|n)?(?!\w)"), canonical


def states(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """Canonical name -> (number of the first sentence naming it, the name as written there), for states the
    text names at least MIN_MENTIONS times, or once as the state of an office ("Deutschlands
    Verteidigungsminister Boris Pistorius", "Germany's defence minister": the state acts through them)."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[bool, int, str]] = {}  # a sentence that is the name alone (a dateline) comes last

    def met(name: str, n: int, written: str, office: bool, sentence: str) -> None:
        counts[name] = counts.get(name, 0) + (MIN_MENTIONS if office else 1)
        first[name] = min(first.get(name, (True, n, written)), (sentence.strip(" .:-–") == written, n, written))

    for n, name, written, normalised, match in _named(sentences, *_forms(), group=0):
        met(name, n, written, _office_follows(normalised, match.end()), sentences.sentence(n))
    short, canonical = _short_forms()
    for n in range(1, len(sentences) + 1):  # "US-Präsident", "UK Prime Minister": capitals, as written
        sentence = sentences.sentence(n)
        for match in short.finditer(sentence):
            met(canonical[match.group(1)], n, match.group(1), _office_follows(normalise(sentence[match.end():]), 0), sentence)
    return {name: (n, written) for name, (_, n, written) in first.items() if counts[name] >= MIN_MENTIONS}


@lru_cache(maxsize=1)
def _short_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The alias table's two-letter state forms in capitals ("US", "UK"), matched as written: in lower case
    they are words ("us"), and :func:`_forms` leaves them out."""
    canonical = {form: name for name, entry in alias_table()["actors"].items() if entry.get("kind") == "state"
                 for form in entry.get("aliases", []) if len(form) == 2 and form.isupper()}
    if not canonical:
        return re.compile(r"(?!)"), canonical
    return re.compile(rf"(?<![\w.])({'|'.join(map(re.escape, sorted(canonical)))})(?![\w.])"), canonical


_NEXT_WORD = re.compile(r"\W*(?:s\s+)?(\w+)")  # "germany s defence": the genitive's "s" is skipped


def _office_follows(normalised: str, end: int) -> bool:
    """Whether the word after a state's name is an office ("Verteidigungsminister", "defence minister")."""
    word = _NEXT_WORD.match(normalised, end)
    if word is None:
        return False
    following = fold(normalised[word.start(1):word.end(1) + 20])
    return any(following.startswith(form) for form in office_forms())


def _named(sentences: Sentences, pattern: re.Pattern[str], canonical: dict[str, str],
           group: int) -> Iterator[tuple[int, str, str, str, re.Match[str]]]:
    """(sentence number, canonical name, the words as written, the normalised sentence, the match) for every
    form of ``pattern`` the sentences hold (matched on the normalised text; ``group`` is what is written)."""
    for n in range(1, len(sentences) + 1):
        sentence = sentences.sentence(n)
        normalised = normalise(sentence)
        for match in pattern.finditer(normalised):
            same_length = len(normalised) == len(sentence)
            written = sentence[match.start(group): match.end(group)] if same_length else match.group(group)
            yield n, canonical[match.group(1)], written, normalised, match


# A place before which an organisation's name is where something happens, not who acts ("at the White House",
# "im Weißen Haus", "ins Kanzleramt"); "laut Kreml", "vom Kreml" (by) and "Nato-Verteidigungsminister" are it acting.
_AT_A_PLACE = re.compile(r"(?<!\w)(?:at|in|into|to|from|inside|outside|im|ins|in der|in dem|zum|zur|am|vor dem|aus dem)\s+(?:the\s+)?$",
                         re.IGNORECASE)


# Named far more often as where something happens ("White House meeting", "on the White House porch") than as
# who acts: the code adds it only where it speaks (:data:`_SPEAKS_AFTER`, :data:`_SPEAKS_BEFORE`).
_MOSTLY_A_PLACE = {"White House"}
# Its spokesperson or its statement (on the normalised sentence): "A White House spokeswoman said", "White House
# Deputy Press Secretary Anna Kelly", "Das Weiße Haus bestätigte", "Aus dem Weißen Haus hieß es", "vom Weißen Haus
# bestätigt", "Das Weiße Haus stoppt eigenen Angaben zufolge ..."; "die Sprecherin des Weißen Hauses"
_SPEAKS_AFTER = re.compile(r"\s*(?:(?:deputy|stellvertretende\w*)\s+)?(?:press\s+secretary|spokes\w+|(?:presse)?sprecher\w*|"
                           r"officials?\b|said\b|says\b|confirmed\b|stated\b|announced\b|best[aä]tigte?\b|erkl[aä]rte\b|teilte\b|"
                           r"hie(?:ß|ss)\b|sagte\b|stoppt\b|halted\b|paused\b)")
_FROM = re.compile(r"(?<!\w)(?:aus dem|from the|according to(?: the)?)\s+$")  # where a statement comes from
_SPEAKS_BEFORE = re.compile(r"(?:(?:presse)?sprecher\w*|spokes\w+|secretary)\s+(?:des|der|for\s+the|of\s+the)\s+$")
# The German forms of such a name inflect ("das Weiße Haus", "vom Weißen Haus", "des Weißen Hauses"): each word
# of a form of two or more words may end in -e, -en, -es, -er (the adjective) or -es (the noun)
_ENDING = r"(?:e|en|es|er)"
_INFLECTED = _ENDING + "?"


@lru_cache(maxsize=1)
def _organisation_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every written form of an organisation of the alias table, and form -> its name."""
    canonical = {normalise(form): name for name, entry in alias_table()["actors"].items()
                 if entry.get("kind") == "organisation" and name not in _MOSTLY_A_PLACE
                 for form in (name, *entry.get("aliases", [])) if len(form) >= 3}
    return re.compile(rf"(?<![\w-])({alternatives(canonical)})(?:s)?(?:-|(?!\w))"), canonical


@lru_cache(maxsize=1)
def _person_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every written form of a person of the alias table, and form -> their name."""
    canonical = {normalise(form): name for name, entry in alias_table()["actors"].items()
                 if entry.get("kind") == "person" for form in (name, *entry.get("aliases", [])) if len(form) >= 4}
    return re.compile(rf"(?<![\w-])({alternatives(canonical)})(?:s)?(?!\w)"), canonical


def people(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """Canonical name -> (number of the first sentence, the name as written there), for the alias table's
    people the text names: a digest shows each person with every article that names them, and a person,
    unlike a state ("in Frankreich"), is never only a place."""
    first: dict[str, tuple[int, str]] = {}
    for n, name, written, _, _ in _named(sentences, *_person_forms(), group=1):
        first.setdefault(name, (n, written))  # one mention is enough
    return first


def organisations(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """Canonical name -> (number of the first sentence, the name as written there), for the alias table's
    organisations ("Kreml", "Nato", "Pentagon") the text names as an actor once or more: alone or as the
    first part of a compound ("Nato-Verteidigungsminister"), not as a place ("im Weißen Haus")."""
    first: dict[str, tuple[int, str]] = {}
    for n, name, written, normalised, match in _named(sentences, *_organisation_forms(), group=1):
        if name not in first and not _AT_A_PLACE.search(normalised, 0, match.start()):
            first[name] = (n, written)
    for name, pattern in _place_forms():
        if name in first:
            continue
        for n in range(1, len(sentences) + 1):
            sentence = sentences.sentence(n)
            lowered = sentence.lower()  # offsets of the sentence, where lower-casing keeps its length
            if len(lowered) != len(sentence):
                continue
            match = next((m for m in pattern.finditer(lowered) if _speaks(lowered, m)), None)
            if match is not None:
                first[name] = (n, sentence[match.start(): match.end()])
                break
    return first


def _speaks(lowered: str, match: re.Match[str]) -> bool:
    """Whether the organisation ``match`` finds in a lower-cased sentence speaks there: not where something
    happens ("im Weißen Haus bestätigt": a meeting there) unless a statement comes from it ("Aus dem Weißen Haus
    hieß es", "according to White House spokesperson ..."), and with its spokesperson or a verb of its statement."""
    if _AT_A_PLACE.search(lowered, 0, match.start()) and not _FROM.search(lowered, 0, match.start()):
        return False
    return bool(_SPEAKS_AFTER.match(lowered, match.end()) or _SPEAKS_BEFORE.search(lowered, 0, match.start()))


def _stem(word: str) -> str:
    """``word`` without a German ending :data:`_INFLECTED` puts back ("weißes" -> "weiß"); a short word stays."""
    return re.sub(_ENDING + "$", "", word) if len(word) > 4 else word


@lru_cache(maxsize=1)
def _place_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, one pattern for its written forms, German inflections included, "ß" and "ss" alike) for each
    organisation mostly named as a place (:data:`_MOSTLY_A_PLACE`), on lower-case text."""
    out = []
    for name in sorted(_MOSTLY_A_PLACE):
        forms = sorted({f.lower() for f in (name, *alias_table()["actors"].get(name, {}).get("aliases", []))},
                       key=len, reverse=True)
        patterns = dict.fromkeys(r"\s+".join(re.sub("ß|ss", "(?:ß|ss)", re.escape(_stem(w))) + _INFLECTED
                                             for w in form.split()) for form in forms)
        alternatives_ = "|".join(patterns)
        out.append((name, re.compile(rf"(?<![\w-])(?:{alternatives_})(?!\w)")))
    return tuple(out)


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


_Form = tuple[str, str, bool, re.Pattern[str], re.Pattern[str]]  # see _weapon_forms


def _present(text: str) -> list[tuple[_Form, str | None]]:
    """The weapon forms ``text`` holds somewhere (case-insensitively), each with its lower-case form (see
    :func:`_lowered_forms`)."""
    lowered = None if _CASED.search(text) else text.lower()
    return [(f, low) for f, low in _lowered_forms() if _holds(f, low, text, lowered)]


def _holds(form: _Form, low: str | None, text: str, lowered: str | None) -> bool:
    """Whether ``text`` holds ``form`` (case-insensitively); ``low`` is the form's lower-case form, ``lowered``
    the text's, each None when it has a :data:`_CASED` letter (then the form's pattern looks)."""
    return form[3].search(text) is not None if low is None or lowered is None else low in lowered


@lru_cache(maxsize=1)
def _lowered_forms() -> tuple[tuple[_Form, str | None], ...]:
    """Each weapon form with its lower-case form, or None for a form that holds a :data:`_CASED` letter."""
    return tuple((f, None if _CASED.search(f[0]) else f[0].lower()) for f in _weapon_forms())


def weapons(sentences: Sentences) -> dict[str, tuple[int, str, bool]]:
    """Canonical name -> (first sentence naming it, the word as written there, generic?) for every weapon of
    the alias table the text names (named systems such as "Patriot", kinds such as "Drohnen")."""
    # A form the whole text does not hold is in none of its sentences (each is a slice of the text): one
    # search of the text per form leaves the few forms worth looking for sentence by sentence, and there
    # the word that holds one is looked for only in a sentence that holds the form.
    present = _present(sentences.text)
    found: dict[str, tuple[int, str, bool]] = {}
    for n in range(1, len(sentences) + 1) if present else ():
        sentence = sentences.sentence(n)
        lowered = None if _CASED.search(sentence) else sentence.lower()
        for f, low in present:
            form, name, generic, _, word = f
            if name in found or not _holds(f, low, sentence, lowered):
                continue
            match = word.search(sentence)
            if match and (not generic or match.group().casefold().startswith(form.casefold())
                          or "-" in match.group()):
                found[name] = (n, match.group().strip("-"), generic)
    return found


# --------------------------------------------------------------------------- named systems the table lacks

# A weapon system the alias table does not know is found by how news writes one: its name, then a word for
# its kind, joined by a hyphen in German ("Stinger-Flugabwehrraketen", "GMLRS-Munition", "AIM-7-Raketen") or
# by a space in English ("Hellfire missiles", "GMLRS rockets"). The kind words are the weapon stems of
# ``summarize/data/weapon_words.json`` that name a kind (not "weapon", "Waffe" or "system"), which must end
# the German compound ("Drohnenangriff" is an attack, "Verteidigungsminister" a minister) and start the
# English word.
_WORD_EDGES = ".,;:!?()'" + QUOTATION_MARKS + SINGLE_QUOTATION_MARKS  # what a word is stripped of
_KIND_ENDINGS = ("", "s", "n", "en", "e", "es", "er", "ern")
_NOT_NAMES = frozenset(  # capitalised words before a kind word that name no system: forces and places
    "air force forces army navy guard marines ministry command sea coast front".split())
_DEMONYM = re.compile(r"(?:[ae]n|ese|ish|ch|et|ern|i|ic)$")  # "Russian", "Chinese", "Soviet", "Western", "Israeli"


@lru_cache(maxsize=1)
def _kind_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an English kind word: starts with a stem, a German one: a compound that ends with a stem), on folded
    words."""
    data = json.loads(WEAPON_WORDS_FILE.read_text(encoding="utf-8"))
    skip = {"weapon", "waffe", "system", "cruise", "ballistic", "nuclear", "air defen", "anti-aircraft"}
    english = alternatives(s for s in [*data["word_start"], "manpads"] if s not in skip)
    german = alternatives(s for s in data["anywhere"] if s not in skip)
    return re.compile(rf"(?:{english})"), re.compile(rf".*(?:{german})(?:{'|'.join(_KIND_ENDINGS)})")


@lru_cache(maxsize=1 << 14)  # the words of news repeat from sentence to sentence and article to article
def _is_kind_word(word: str, english: bool) -> bool:
    starts, ends = _kind_words()
    if english:
        return (word.islower() or word == "MANPADS") and bool(starts.match(normalise(word)))
    return bool(ends.fullmatch(normalise(word)))


def _could_name_system(name: str, first_word: bool) -> bool:
    """Whether ``name`` (the words before a kind word) can be a system's name: every part capitalised or a
    number ("AIM-7", "PAC-3"), at a sentence's start only when it is an acronym or has a digit, and no state,
    known actor, force, people's adjective, month, weekday or kind of weapon itself ("Flugabwehr-Raketen")."""
    parts = name.split("-")
    if not name[:1].isupper() or "." in name or not all(p[:1].isupper() or p[:1].isdigit() for p in parts if p):
        return False
    acronym = any(c.isdigit() for c in name) or sum(c.isupper() for c in name) >= 2
    if first_word and not acronym:
        return False
    folded = normalise(name)
    if folded in _forms()[1] or alias_forms("actors", name) or folded in _NOT_NAMES or folded in _calendar_words():
        return False
    if not acronym and _DEMONYM.search(folded):
        return False
    return not has_weapon_word(folded)


def named_systems(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """Name -> (first sentence, the words as written there) for every weapon system the text names by the
    pattern above that the alias table does not know ("Stinger" from "Stinger-Flugabwehrraketen")."""
    found: dict[str, tuple[int, str]] = {}
    for n in range(1, len(sentences) + 1):
        words = [w.strip(_WORD_EDGES) for w in sentences.sentence(n).split()]
        for i, word in enumerate(words):
            if "-" in word and _is_kind_word(word.rsplit("-", 1)[1], english=False):
                name, written = word.rsplit("-", 1)[0], word
            elif word.endswith("-") and len(word) > 1 and _suspended_kind(words[i + 1:]):
                name, written = word[:-1], word  # "Stinger-, AIM-7- und andere Raketen": a suspended compound
            elif i + 1 < len(words) and _is_kind_word(words[i + 1], english=True):
                start = i  # a name of several words ("Storm Shadow missiles")
                while start > 1 and _could_name_system(words[start - 1], first_word=False):
                    start -= 1
                name, written = " ".join(words[start:i + 1]), " ".join(words[start:i + 2])
            else:
                continue
            if name and name not in found and all(_could_name_system(w, first_word=i == 0) for w in name.split()) \
                    and not canonical_weapon(name):
                found[name] = (n, written)
    return found


# A calibre joined to a word of artillery ammunition: "155-mm-Artilleriegeschosse", "155 mm high-explosive
# munitions", "155-Millimeter-Granaten". News names munitions by calibre, no alias table lists them all.
_CALIBRE = re.compile(r"(?<![\w.,])(\d{2,3})(?:\s?-?\s?mm|-Millimeter)[-\s](?:[\w-]+\s){0,2}?"
                      r"(?:[\w-]*(?:artiller|howitzer|haubitz|shell|geschoss|granate|munition))\w*", re.IGNORECASE)


def calibres(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """"155 mm artillery" -> (first sentence, the words as written there) for each calibre of artillery
    ammunition the text names."""
    found: dict[str, tuple[int, str]] = {}
    for n in range(1, len(sentences) + 1):
        for match in _CALIBRE.finditer(sentences.sentence(n)):
            found.setdefault(f"{match.group(1)} mm artillery", (n, match.group(0)))
    return found


_JOINERS = frozenset("und oder sowie bzw and or andere anderen weitere".split())


def _suspended_kind(rest: list[str]) -> bool:
    """Whether the words after a suspended compound ("Stinger-") end the list in a kind word: "AIM-7- und
    andere Raketen", "Stinger- und Patriot-Raketen"."""
    for word in rest[:6]:
        if word.endswith("-") or normalise(word) in _JOINERS:
            continue
        return _is_kind_word(word.rsplit("-", 1)[-1], english=False)
    return False


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    return frozenset(normalise(w) for w in (*MONTH_NAMES, *WEEKDAY_NAMES))
