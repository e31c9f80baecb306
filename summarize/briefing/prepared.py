"""Preparations for an event a sentence reports, found by the code: "The Kremlin welcomed the call and said it
was immediately preparing for the summit", "Ungarn hat Ministerpräsident Viktor Orbán zufolge mit den
Vorbereitungen für ein ... Treffen ... begonnen", "Moskau werde »unverzüglich« mit den Vorbereitungen für das
Treffen in Budapest beginnen, sagte der Kreml-Berater".

A small model reads such a sentence for the event prepared (the summit, told already) or for who said it, and
passes over the preparation, though who has begun to prepare a summit is a step of the story an analyst
follows.

* The decider is the name in the slot of who prepares, when that is an actor of the briefing
  (:func:`~summarize.briefing.deciders.actor_ending`): the subject of "began preparations", "is preparing
  for", "hat mit den Vorbereitungen begonnen", "werde mit den Vorbereitungen beginnen", or the one that "said
  it was preparing".
* The description is the article's own words in an English article ("was immediately preparing for the
  summit"), the code's in another ("began preparations for the meeting"); a preparation begun is ``taken``,
  one announced ("werde ... beginnen") ``announced``.
* A sentence on which the model already reported a decision of the same decider is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .deciders import actor_ending
from .finders import CLAUSE_END, DENIED, NAME, NAME_DE, actor_in_slot, cued_sentences, reported_on
from .numbered import Sentences

_EN = (
    re.compile(rf"(?P<who>{NAME})\s+(?:has\s+|have\s+|had\s+)?(?:(?:already|immediately|also|now)\s+)?"
               r"(?P<what>(?:begins|began|begun|started|starts|launched)\s+(?:preparations|preparing|to\s+prepare)\b.*)"),
    re.compile(rf"(?P<who>{NAME})\s+(?:is|are|was|were)\s+(?:(?:already|now|immediately)\s+)?"
               r"(?P<what>preparing\s+(?:for|to)\b.*)"),
    re.compile(rf"(?P<who>{NAME})\s+[^.;]{{0,120}}?\bsaid\s+(?:it|they)\s+(?P<what>(?:was|were|is|are|would\s+be)\s+"
               r"(?:(?:immediately|already|now)\s+)?preparing\s+(?:for|to)\b.*)"),
)
_DE = (
    (re.compile(rf"(?P<who>{NAME_DE})\s+(?:hat|habe|hatte|haben)\s+(?P<mid>[^.;]{{0,100}}?)\bmit\s+(?:den\s+)?"
                r"Vorbereitungen\b(?P<what>[^.;]{0,100}?)\bbegonnen"), "taken"),
    (re.compile(rf"(?P<who>{NAME_DE})\s+(?:werde|wird|werden|würde)\s+(?P<mid>[^.;]{{0,60}}?)\bmit\s+(?:den\s+)?"
                r"Vorbereitungen\b(?P<what>[^.;]{0,100}?)\bbeginnen"), "announced"),
)
MAX_WORDS = 14


def preparations(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                 evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The preparations the sentences report with their decider in its slot, whose decider is an actor of the
    briefing and on whose sentence ``decisions`` has none of that decider."""
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: "prepar" in s or "Vorbereitung" in s):
        for who, what, status in _prepared(sentence, actors, language):
            if not isinstance(ev := evidence(n), Evidence):
                continue
            if reported_on(who, ev, [*decisions, *found]):
                continue  # the model (or an earlier match) reported this decider's act on the sentence
            found.append(Decision(who=who, participants=[who], what=what, status=status, evidence=[ev]))
    return found


def _prepared(sentence: str, actors: list[Actor], language: str | None) -> list[tuple[str, str, str]]:
    """(decider, description, status) of each preparation the sentence names in a decider's slot."""
    out: list[tuple[str, str, str]] = []
    if language == "en":
        for pattern in _EN:
            for match in pattern.finditer(sentence):
                who = actor_ending(match.group("who"), actors)
                end = CLAUSE_END.search(match.group("what"))
                words = (match.group("what")[: end.start()] if end else match.group("what")).rstrip(".!?\"”").split()
                if who is not None and words and not DENIED.search(" ".join(words)) and who not in [o[0] for o in out]:
                    out.append((who, " ".join(words[:MAX_WORDS]), "taken"))
    elif language == "de":
        for pattern, status in _DE:
            for match in pattern.finditer(sentence):
                who = actor_in_slot(match.group("who"), actors)
                if who is None or DENIED.search(match.group("mid")) or who in [o[0] for o in out]:
                    continue
                event = "summit" if "gipfel" in match.group(0).casefold() else "meeting"
                verb = "began" if status == "taken" else "will begin"
                out.append((who, f"{verb} preparations for the {event}", status))
    return out
