"""Warnings a German sentence reports, found by the code: "Kremlsprecher Dmitri Peskow warnte am Montag vor solch
einer Lieferung", "Moskau hatte die USA eindringlich vor der Lieferung dieser Raketen gewarnt", "Der Kreml
wiederholte Warnungen vor amerikanischen Tomahawk-Lieferungen an die Ukraine", "Zugleich warnte Putin, eine
Lieferung von Tomahawk-Raketen ... würde ...".

The German counterpart of :mod:`.warned`: a warning made in public is a position its speaker takes, which an
analyst lists, and a small model reads such a sentence for the deliveries it names and passes over the warning.

* The speaker is the name in the subject's slot: at the sentence's or a clause's start before "warnt(e)", "hat
  ... gewarnt" or "wiederholte Warnungen", or right after the verb in an inverted clause ("Zugleich warnte
  Putin"); an actor of the briefing (:func:`~summarize.briefing.finders.actor_in_slot`). The one warned, an
  actor named right after the verb ("die USA", "Trump"), takes part.
* The description is the code's English, since the output is English: what the warning is against when its
  words name it, deliveries (of a weapon of the briefing, to Ukraine), a weapon, an escalation or the
  consequences ("warned the United States against deliveries of Tomahawk to Ukraine"); a warning whose words
  name none of these is left to the model (a bare "warned" tells an analyst nothing).
* A sentence on which the model already reported a decision of the same speaker is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence, Weapon
from .finders import CLAUSE_END, NAME_DE, actor_in_slot, add_position, cued_sentences, reported_on, weapon_named
from .numbered import Sentences

_START = r"(?:^\W*|[,;:–—]\s+|\bund\s+)"  # the subject's slot opens the sentence or a clause
_ADVERBS = (r"(?:(?:erneut|wiederholt|abermals|nochmals|bereits|auch|zudem|zuletzt|eindringlich|ausdrücklich|nun|"
            r"jedoch|aber|zugleich|damals|noch|am\s+[A-ZÄÖÜ]\w+)\s+)*")
_PATTERNS = (
    # "Der Kreml warnt erneut vor ...", "Kremlsprecher Dmitri Peskow warnte am Montag vor ..."
    (False, re.compile(rf"{_START}(?P<who>{NAME_DE})\s+{_ADVERBS}(?:warnte|warnt)\b(?P<rest>.*)")),
    # "Moskau hatte die USA eindringlich vor der Lieferung dieser Raketen gewarnt"
    (False, re.compile(rf"{_START}(?P<who>{NAME_DE})\s+(?:hat|hatte|habe|hätte)\s+(?P<rest>[^,.;:]{{0,90}}?)\s+gewarnt\b")),
    # "Der Kreml wiederholte Warnungen vor ...", "Moskau bekräftigte seine Warnung vor ..."
    (False, re.compile(rf"{_START}(?P<who>{NAME_DE})\s+(?:(?:hat|hatte)\s+)?{_ADVERBS}(?:wiederholte|wiederholt|bekräftigte|"
                       rf"bekräftigt|erneuerte|erneuert)\s+(?:(?:seine|ihre|die|eine)\s+)?(?:\w+\s+)?Warnung(?:en)?\b(?P<rest>.*)")),
    # inverted: "Zugleich warnte Putin vor ...", "Da hatte Russland die USA ... gewarnt"
    (True, re.compile(rf"\b(?:warnte|warnt)\s+(?P<who>{NAME_DE})\b(?P<rest>.*)")),
    (True, re.compile(rf"\b(?:hat|hatte)\s+(?P<who>{NAME_DE})\s+(?P<rest>[^,.;:]{{0,90}}?)\s+gewarnt\b")),
)
_DELIVERY = re.compile(r"(?i:liefer|weitergabe|bereitstellung|stationierung)")
_TO_UKRAINE = re.compile(r"\b(?:an|in)\s+(?:die\s+Ukraine|Kiew|Kyjiw|Kyiv)\b")
_OTHER = ((re.compile(r"Eskalation"), "of an escalation"), (re.compile(r"\b(?:Folgen|Konsequenzen)\b"), "of the consequences"))
_ARTICLE = re.compile(r"^(?:die|den|der|dem)\s+")


def german_warnings(sentences: Sentences, actors: list[Actor], weapons: list[Weapon], decisions: list[Decision],
                    evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The warnings the sentences of a German article report with their speaker in the subject's slot, whose
    speaker is an actor of the briefing, whose words say what it is against, and on whose sentence
    ``decisions`` has no act of that speaker."""
    if language != "de":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: "warn" in s or "Warnung" in s):
        for inverted, pattern in _PATTERNS:
            match = pattern.search(sentence)
            if match is None:
                continue
            who, after = _speaker(match.group("who"), actors, inverted)
            if who is None:
                continue
            whom, rest = _warned(after + match.group("rest"), actors)
            against = _against(rest, weapons)
            if against is None or not isinstance(ev := evidence(n), Evidence) or reported_on(who, ev, decisions):
                break
            whom = whom if whom != who else None
            add_position(found, who, " ".join(["warned", *([whom] if whom else []), against]), ev)
            if whom:
                found[-1].participants = list(dict.fromkeys([*found[-1].participants, whom]))
            break
    return found


def _speaker(words: str, actors: list[Actor], inverted: bool) -> tuple[str | None, str]:
    """The actor in the subject's slot and the words of the slot after its name: the name before the verb (its
    ending names it: "Kremlsprecher Dmitri Peskow"), or in an inverted clause the first name after it
    ("warnte Putin Trump": Putin, and "Trump" is the one warned)."""
    if not inverted:
        return actor_in_slot(words, actors), ""
    split = words.split()
    for k in range(1, len(split) + 1):
        if who := actor_in_slot(" ".join(split[:k]), actors):
            return who, " ".join(split[k:])
    return None, ""


def _warned(rest: str, actors: list[Actor]) -> tuple[str | None, str]:
    """Who is warned (an actor of the briefing named by one to three capitalised words right after the verb,
    an article before them: "die USA", "Trump") and the words of the warning up to its clause's end (a
    comma that opens its "dass" clause or reported speech is kept: what follows it is the warning)."""
    rest = rest.strip()
    whom = None
    bare = _ARTICLE.sub("", rest)
    words = bare.split()
    for k in (3, 2, 1):
        if k <= len(words) and all(w[:1].isupper() for w in words[:k]) and (
                named := actor_in_slot(" ".join(words[:k]).rstrip(",;:"), actors)):
            whom, rest = named, " ".join(words[k:])
            break
    body = rest.lstrip(" ,")
    end = CLAUSE_END.search(body)
    return whom, body[: end.start()] if end else body


def _against(words: str, weapons: list[Weapon]) -> str | None:
    """What the warning is against, in English, from its German words; None when they name nothing known."""
    weapon = weapon_named(words, weapons)
    if _DELIVERY.search(words):
        return ("against deliveries" + (f" of {weapon}" if weapon else "")
                + (" to Ukraine" if _TO_UKRAINE.search(words) else ""))
    if weapon:
        return f"about {weapon}"
    return next((english for pattern, english in _OTHER if pattern.search(words)), None)
