"""Characterisations a speaker gives in public, found by the code: "Zelensky called the attack “deliberately
massive and cynical,”", "Representative Adam Smith, the top Democrat on the House Armed Services Committee, called
the justification “disingenuous,”", "a conversation Trump later described as “very disappointing.”".

How a side labels an attack, a decision or a call is a position it takes, which an analyst lists, and where two
sources differ on one event (a call "very disappointing" to one, "constructive" to another); a small model reads
such a sentence for the attack or the call it names and passes over the label.

* The speaker is the name in the subject's slot of "called", "described", "branded", "termed" or "dubbed" (an
  apposition between commas after it at most), an actor of the briefing
  (:func:`~summarize.briefing.deciders.actor_ending`).
* The label is a quotation right after the thing labelled ("called the attack “...”", "described the call as
  “...”"); with nothing labelled after the verb, the noun before the speaker's name is it ("a conversation
  Trump later described as “...”").
* English articles only: the description is the article's own words with the label as quoted, and a German
  label would be a German field.
* A sentence on which a decision of the speaker already stands is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .deciders import actor_ending
from .finders import NAME, cued_sentences, reported_on
from .numbered import Sentences

_OPEN, _CLOSE = "“\"", "”\""
_VERB = r"(?:called|described|branded|labell?ed|termed|dubbed)"
_LABELLED = re.compile(
    rf"(?P<who>{NAME})(?:,[^,;:]{{1,90}},)?\s+(?:(?:also|later|again|publicly|then|has|had)\s+)*(?P<verb>{_VERB})\s+"
    rf"(?P<thing>(?:(?:the|this|that|his|her|their|its|Russia['’]s|Moscow['’]s|Kyiv['’]s)\s+)(?:[\w-]+\s*){{1,3}}?|it\s+)?"
    rf"(?P<as>as\s+)?[{_OPEN}](?P<label>[^{_CLOSE}]{{3,80}})[{_CLOSE}]")
_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?P<noun>[a-z][\w-]+)\s+(?:that\s+|which\s+)?$")


def characterisations(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                      evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The labels an actor of the briefing puts on a thing in quotation marks, in the sentences of an English
    article on which no decision of that actor stands."""
    if language != "en":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(q in s for q in _OPEN)):
        for match in _LABELLED.finditer(sentence):
            who = actor_ending(match.group("who"), actors)
            thing = (match.group("thing") or "").strip()
            if not thing or thing == "it":
                before = _BEFORE.search(sentence[: match.start("who")])
                thing = f"the {before.group('noun')}" if before else ""
            if who is None or not thing or not isinstance(ev := evidence(n), Evidence):
                continue
            if reported_on(who, ev, [*decisions, *found]):
                continue
            label = match.group("label").strip().rstrip(",.;:").strip()
            verb = match.group("verb")
            what = f"{verb} {thing} {'as ' if match.group('as') or verb == 'described' else ''}“{label}”"
            found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found
