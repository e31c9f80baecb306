"""Decisions a sentence names as a noun, found by the code: "A decision by Washington to halt some shipments
of weapons to Ukraine prompted warnings by Kyiv ...", "the Pentagon's decision to pause shipments ...".

A small model reads such a sentence for its main clause (the warnings, the criticism) and passes over the
decision the sentence names on the way, though that decision is often the story (the halt of deliveries).

* The decider is who the noun phrase names ("by Washington", "the Pentagon's"), when that is an actor of the
  briefing (:func:`~summarize.briefing.deciders.actor_named`: "Washington" is the United States).
* The description is the article's own words after "to", in English articles only: the verb and its object,
  cut before the first preposition of place or time ("to Ukraine", "amid ...") or the next verb in the past
  ("... prompted"), so it says what was decided and no more ("decided to halt some shipments of weapons").
* A decision to halt, pause, suspend, stop, freeze or withhold is ``paused``; any other ``taken``.
* A sentence on which the model already reported a decision of the same decider is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .deciders import actor_ending
from .finders import STOP, cued_sentences, reported_on
from .numbered import Sentences

_NAME = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}"  # no apostrophe (finders.NAME has one): "the Pentagon's decision"
_NOMINAL = re.compile(rf"(?:\b[Aa]\s+decision\s+by\s+(?:the\s+)?(?P<by>{_NAME})|(?P<of>{_NAME})['’]s\s+decision)"
                      r"\s+to\s+(?P<what>[a-z][\w-]*(?:\s+[\w-]+){0,12})")
_PAUSE = frozenset("halt pause suspend stop freeze withhold hold".split())
_MIN_WORDS = 2  # the verb and at least one word of its object


def nominal_decisions(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                      evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """Decisions the sentences name as "a decision by X to ..." or "X's decision to ...", whose decider is an
    actor of the briefing and on whose sentence ``decisions`` has none of that decider."""
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: "decision" in s):
        for match in _NOMINAL.finditer(sentence):
            who = actor_ending(match.group("by") or match.group("of"), actors)
            words = _decided(match.group("what"))
            if who is None or len(words) < _MIN_WORDS or not isinstance(ev := evidence(n), Evidence):
                continue
            if reported_on(who, ev, [*decisions, *found]):
                continue  # the model (or an earlier match) reported this decider's act on the sentence
            found.append(Decision(who=who, participants=[who], what="decided to " + " ".join(words),
                                  status="paused" if words[0] in _PAUSE else "taken", evidence=[ev]))
    return found


def _decided(what: str) -> list[str]:
    """The words of the decided act: the verb and its object, up to the first word of
    :data:`~summarize.briefing.finders.STOP` or a verb in the past ("halt some shipments of weapons to Ukraine
    prompted" -> "halt some shipments of weapons")."""
    words: list[str] = []
    for word in what.split():
        if words and (word.casefold() in STOP or (len(words) >= _MIN_WORDS and word.endswith("ed"))):
            break
        words.append(word)
    return words
