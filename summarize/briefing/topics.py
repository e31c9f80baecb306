"""What a call or meeting was about, told in a sentence of its own, found by the code: "Es sei dabei auch um die
US-Handelsbeziehungen zu Russland nach einem Ende des Ukraine-Kriegs gegangen", "Man habe außerdem intensiv auch
über den Handel zwischen den USA und Russland gesprochen", "Auch wirtschaftliche Fragen seien Teil der Gespräche
gewesen", "The two presidents focused on Ukraine's urgent need for air defense systems".

The topics of talks are what an analyst lists of them (what was on the table), and what two sources reporting
one call agree or differ on; a small model reports the call and passes over the sentence after it, which names
no one.

* The sentence names a topic in the shape of talks ("um ... gegangen", "über ... gesprochen", "Teil der
  Gespräche", "discussed", "focused on", "talked about") and a call or meeting of the briefing (the model's or
  the code's) is reported on it or on one of the :data:`BACK` sentences before: that event's decider and
  participants discussed it. With none, nothing is found (who talked is not the code's guess).
* The description is "discussed" and the topic: in an English article the article's words (its clause), in a
  German one the code's English for the first known topic the words name (trade, air defence, joint arms
  production, weapons deliveries, a ceasefire, peace, the Middle East, Iran, sanctions, the war in Ukraine ...),
  or a weapon of the briefing; a German topic the code has no English for is left to the model.
* A sentence on which a decision of that decider already stands is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Decision, Evidence, Weapon
from ..text.event_kinds import INTERACTIONS, event_kind
from .finders import clause, cued_sentences, reported_on
from .numbered import Sentences

BACK = 3  # sentences before the topic's in which its call or meeting may be reported
MAX_WORDS = 14
_DE = (
    re.compile(r"\b(?:sei|seien|ging|gehe|gingen|habe|hätten?)\b[^.;:]*?\bum\s+(?P<topic>[^.;:]+?)\s+(?:gegangen|ging)\b"),
    re.compile(r"\büber\s+(?P<topic>[^.;:]+?)\s+(?:gesprochen|beraten|diskutiert|verhandelt|geredet)\b"),
    re.compile(r"\b(?:diskutierten|besprachen|erörterten|berieten)\s+(?:sie\s+|beide\s+)?(?:auch\s+)?(?:über\s+)?(?P<topic>[^.;:]+)"),
    re.compile(r"(?P<topic>[^.;:]+?)\s+(?:sei|seien|waren|war)\s+(?:auch\s+|ebenfalls\s+)?(?:Teil|Thema|Themen)\s+der\s+"
               r"(?:Gespräche|Unterredung|Beratungen|Telefonats|Gesprächs)"),
)
_EN = re.compile(r"(?:^|\b(?:they|leaders|presidents|two|both|sides)\s+(?:also\s+)?)(?P<what>(?:discussed|focused\s+on|talked\s+about)\s+"
                 r"(?P<topic>.+))", re.IGNORECASE)
_TOPICS_DE = (
    (re.compile(r"Handel|wirtschaftlich|Wirtschaftsbeziehung"), "trade"),
    (re.compile(r"Luftverteidigung|Luftabwehr|Flugabwehr"), "air defence"),
    (re.compile(r"Rüstungsproduktion|Rüstungsindustrie|gemeinsame\w*\s+Produktion|Verteidigungsproduktion"), "joint arms production"),
    (re.compile(r"Waffenlieferung"), "weapons deliveries"),
    (re.compile(r"Waffenstillstand|Waffenruhe|Feuerpause"), "a ceasefire"),
    (re.compile(r"Nahost|Nahen\s+Osten|Naher\s+Osten|Gaza"), "the Middle East"),
    (re.compile(r"\bIran"), "Iran"),
    (re.compile(r"Sanktion"), "sanctions"),
    (re.compile(r"Gefangenenaustausch"), "a prisoner exchange"),
    (re.compile(r"ukrainischen\s+Krise|Ukraine-Krieg|Krieg\w*\s+in\s+der\s+Ukraine|Ukraine-Konflikt"), "the war in Ukraine"),
    (re.compile(r"Frieden"), "peace"),
)
_CUES = ("um ", "über ", "Teil der", "Thema der", "Themen der", "diskutierten", "besprachen", "erörterten", "berieten",
         "discussed", "focused on", "talked about")


def topics(sentences: Sentences, weapons: list[Weapon], decisions: list[Decision],
           evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The topics of a call or meeting of ``decisions`` that a sentence of its own, at most :data:`BACK`
    sentences after the event's, names, as decisions of the event's decider and participants."""
    if language not in ("en", "de"):
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s for cue in _CUES)):
        topic = _english(sentence) if language == "en" else _german(sentence, weapons)
        if topic is None or not isinstance(ev := evidence(n), Evidence):
            continue
        event = _event_before(n, decisions, evidence)
        if event is None or reported_on(event.who, ev, [*decisions, *found]):
            continue
        found.append(Decision(who=event.who, participants=list(event.participants or [event.who]), status="taken",
                              what=f"discussed {topic}", evidence=[ev]))
    return found


def _event_before(n: int, decisions: list[Decision], evidence: Callable[[int], Evidence | str]) -> Decision | None:
    """The call or meeting of ``decisions`` reported on sentence ``n`` or the nearest of the :data:`BACK`
    before it."""
    for k in range(n, max(0, n - BACK - 1), -1):
        ev = evidence(k)
        if not isinstance(ev, Evidence):
            continue
        for d in decisions:
            if event_kind(d.what) in INTERACTIONS and any(e.start < ev.end and ev.start < e.end for e in d.evidence):
                return d
    return None


def _english(sentence: str) -> str | None:
    """The topic in the article's words: the clause after "discussed", "focused on" or "talked about"."""
    match = _EN.search(sentence)
    if match is None:
        return None
    topic = clause(match.group("topic"), MAX_WORDS)
    return topic if len(topic.split()) >= 2 else None


def _german(sentence: str, weapons: list[Weapon]) -> str | None:
    """The first known topic the German words of talks name, in English; else a weapon of the briefing."""
    for pattern in _DE:
        match = pattern.search(sentence)
        if match is None:
            continue
        words = match.group("topic")
        at = [(m.start(), english) for p, english in _TOPICS_DE if (m := p.search(words))]
        if at:
            return min(at)[1]
        weapon = next((w.name for w in weapons if len(w.name) >= 4 and w.name.casefold() in words.casefold()), None)
        return weapon
    return None
