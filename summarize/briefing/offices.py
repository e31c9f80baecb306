"""People a sentence refers to by an office the article gave them.

An article names a person with an office once ("der ukrainische Präsident Wolodymyr Selenskyj", "Ukrainian
President Volodymyr Zelenskyy", "Kremlchef Wladimir Putin") and then by the office alone: "Zuvor empfängt er
den ukrainischen Präsidenten im Weißen Haus", "Trump hosted the Ukrainian president". The office alone refers
to the one person the article names with it; an office the article gives two people, or none, refers to no
one (the code does not know offices from outside the article).

An office is a qualifier of a country or a seat and a word of the office: "ukrainisch-" / "Ukrainian" /
"Ukraine's" + "Präsident" / "president" / "Staatschef" / "leader" (one key: the head of state),
"US-Präsident", "Kremlchef" / "Kremlin leader", "Kanzler" / "chancellor", "Regierungschef" / "prime minister".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbered import Sentences
from .people_named import named_at

__all__ = ["office_referents"]

# the office's word and the key it stands for
_HEAD = r"Präsident(?:en|in)?|Staatschef(?:s|in)?|Staatsoberhaupt|[Pp]resident|[Ll]eader"
_CHANCELLOR = r"Kanzler(?:s|in)?|[Cc]hancellor"
_PREMIER = r"Regierungschef(?:s|in)?|Ministerpräsident(?:en|in)?|[Pp]rime [Mm]inister|[Pp]remier"
# a qualifier: an adjective of a country ("ukrainischen", "Ukrainian", "amerikanische"), a country's genitive
# ("Ukraine's"), or a seat or country written into the office ("US-Präsident", "Kremlchef", "Kremlin leader")
_QUALIFIER = r"[A-ZÄÖÜa-zäöü]{3,}(?:isch|ian|can)(?:e|en|er|es|em)?|[A-Z][a-z]{2,}[’']s|U\.?S\.?|Kreml(?:in)?"
_OFFICE = re.compile(rf"(?<![\w-])(?P<qual>{_QUALIFIER})(?:\s+|-)?(?P<office>{_PREMIER}|{_HEAD}|{_CHANCELLOR}|(?<=Kreml)chef)(?!\w)")
_KEYS = (("premier", re.compile(_PREMIER)), ("head", re.compile(rf"{_HEAD}|chef")), ("chancellor", re.compile(_CHANCELLOR)))
# a qualifier's start that names the same country as another ("American" is the "US")
_SAME = {"ameri": "us", "u.s.": "us", "u.s": "us", "kreml": "kreml"}
# how far after the office the person's name may stand: a first name or two ("Präsident Wolodymyr Selenskyj")
_NAME_WITHIN = re.compile(r"[\s,]*(?:[A-ZÄÖÜ][\w.’'-]*\s+){0,2}")


def _key(match: re.Match[str]) -> tuple[str, str]:
    qualifier = match.group("qual").casefold()[:5]
    office = next(key for key, pattern in _KEYS if pattern.fullmatch(match.group("office")))
    return _SAME.get(qualifier, qualifier), office


def _named_after(people: tuple[tuple[str, str], ...], text: str, end: int) -> str | None:
    """The person named right after an office ending at ``end`` (a first name or two between them)."""
    reach = _NAME_WITHIN.match(text, end).end() - end  # type: ignore[union-attr]  # (every part is optional)
    first = next(iter(named_at(people, text[end: end + reach + 30]).items()), None)
    return first[0] if first is not None and first[1] <= reach else None


@lru_cache(maxsize=64)
def _offices(people: tuple[tuple[str, str], ...], text: str) -> dict[tuple[str, str], str]:
    """Per office key, the one person the text names with that office; an office given to two is no one's."""
    given: dict[tuple[str, str], set[str]] = {}
    for match in _OFFICE.finditer(text):
        if (name := _named_after(people, text, match.end())) is not None:
            given.setdefault(_key(match), set()).add(name)
    return {key: next(iter(names)) for key, names in given.items() if len(names) == 1}


def office_referents(people: tuple[tuple[str, str], ...], sentences: Sentences, n: int,
                     named: dict[str, int]) -> dict[str, int]:
    """The people sentence ``n`` refers to by an office alone (no name after it) whom it does not name
    (``named``), each at the office's qualifier."""
    offices = _offices(people, sentences.text)
    if not offices:
        return {}
    sentence = sentences.sentence(n)
    found: dict[str, int] = {}
    for match in _OFFICE.finditer(sentence):
        name = offices.get(_key(match))
        if name is None or name in named or name in found or _named_after(people, sentence, match.end()) is not None:
            continue
        found[name] = match.start()
    return found
