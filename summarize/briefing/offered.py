"""Offers and proposals a sentence reports, found by the code: "Zelensky at the start of the White House talks
said he had a “proposition” in which Ukraine could provide the United States with its advanced drones",
"Trump proposed holding their summit in Budapest", "Zelenskyy in turn suggested that a trade-off deal can be
reached".

A small model reads such a sentence for the meeting at which the offer was made and passes over the offer,
though what one side offers the other is a step of the story an analyst follows (and one that several
sources report alike).

* The one who offers is the name in the subject's slot (before "proposed", "offered", "presented a
  proposal", "said he had a proposition"; adverbs and a phrase of time or place between the name and "said"),
  when that is an actor of the briefing (:func:`~summarize.briefing.deciders.actor_ending`).
* "suggested" is an offer only of a deal ("suggested that a trade-off deal can be reached"): "Trump suggested
  that both sides are eager ..." is a view.
* The description is the article's own words, in English articles only, from the verb to the end of its
  clause (a comma, a semicolon, a colon, a dash, or a clause of circumstance: "while", "as").
* A sentence on which the model already reported an offer of the same speaker is left to the model; another
  act of theirs on it (the meeting the offer was made at) does not stand in for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .deciders import actor_ending
from .finders import CIRCUMSTANCE_WORDS, NAME, clause, cued_sentences
from .numbered import Sentences

MAX_WORDS = 20
_ADVERBS = r"(?:(?:also|again|then|later|in\s+turn|instead|reportedly|publicly|once\s+again)\s+)*"
_QUOTED = r"[“”\"‘’']?"
_DEAL = r"(?:deal|swap|exchange|trade-off|trade|bargain|compromise|ceasefire|truce)"
_EN = (
    # "Trump proposed holding their summit in Budapest", "Putin offered to host", "presented a proposal suggesting ..."
    re.compile(rf"(?P<who>{NAME})\s+{_ADVERBS}(?P<what>(?:proposed|proposes|offered|offers|put\s+forward|floated|"
               rf"(?:presented|made|submitted|tabled|unveiled)\s+(?:a|an)\s+(?:\w+\s+)?{_QUOTED}(?:proposal|offer|"
               rf"proposition|plan){_QUOTED})(?!\w).+)"),
    # "Zelenskyy in turn suggested that a trade-off deal can be reached": a deal suggested
    re.compile(rf"(?P<who>{NAME})\s+{_ADVERBS}(?P<what>suggested\s+(?:that\s+)?(?:a|an)\s+(?:[\w-]+\s+){{0,2}}{_DEAL}\b.+)"),
    # "Zelensky at the start of the talks said he had a “proposition” in which ..."
    re.compile(rf"(?P<who>{NAME})\s+(?:[^,;:.]{{0,60}}?\s)?(?:said|says)\s+(?:[^,;:.“”\"]{{0,40}}?\s)?(?:that\s+)?(?:he|she|it|they)\s+"
               rf"(?P<what>(?:had|has)\s+(?:a|an)\s+(?:\w+\s+)?{_QUOTED}(?:proposition|proposal|offer){_QUOTED}(?!\w).+)"),
)
_CIRCUMSTANCE = re.compile(rf"\s(?:{CIRCUMSTANCE_WORDS})\s")
_OFFER_WORDS = re.compile(r"(?<!\w)(?:propos|offer|suggest|deal|swap|exchange|trade)", re.IGNORECASE)
_CUES = ("propos", "offer", "suggested", "floated", "put forward")


def offers(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
           evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The offers and proposals the sentences of an English article report with the one who offers in the
    subject's slot, an actor of the briefing, on whose sentence ``decisions`` has no offer of theirs."""
    if language != "en":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s for cue in _CUES)):
        for pattern in _EN:
            for match in pattern.finditer(sentence):
                who = actor_ending(match.group("who"), actors)
                if who is None or not isinstance(ev := evidence(n), Evidence):
                    continue
                if any(d.who == who and d.evidence[0].end == ev.end and _OFFER_WORDS.search(d.what)
                       for d in [*decisions, *found]):
                    continue  # the model (or an earlier match) reported this offer
                what = _CIRCUMSTANCE.split(clause(match.group("what"), MAX_WORDS), maxsplit=1)[0]
                if len(what.split()) >= 3:
                    found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found
