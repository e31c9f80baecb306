"""A promise to check, found by the code in German sentences: "Trump habe Selenskyj zugesagt, zu prüfen,
welche für die Ukraine bestimmten US-Waffen derzeit zurückgehalten würden", "Trump zugesagt habe zu prüfen, ob
und welche Waffenlieferungen verzögert wurden", "Trump sagte, er wolle bei der Flugabwehr helfen und werde
prüfen, was gegebenenfalls zurückgehalten wurde".

A small model reads such a sentence for the call it was made in, or turns it round ("requested Zelensky to
check"), though the promise is a step of the story that several sources report alike.

* The one who promises is the name in the subject's slot before "zugesagt", "versprochen" or "angekündigt"
  (and "zu prüfen" after it), or before "sagte" with "werde prüfen" in its clause, when that is an actor of
  the briefing (:func:`~summarize.briefing.finders.actor_in_slot`). A negation in between ("nicht zugesagt")
  makes it none.
* The description is the code's English, German articles only, one for all: "promised to check which weapons
  were held back" (held back, delayed, stopped or put on hold); a check of nothing held back is none.
* A sentence on which the model already reported a check by the same decider as a promise is left to the
  model; a check it told as something else ("requested Zelensky to check which US weapons would be returned")
  is given the code's description (in place).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .finders import DENIED, NAME_DE, actor_in_slot, cued_sentences
from .numbered import Sentences

_PATTERNS = (
    # "Trump habe Selenskyj zugesagt, zu prüfen, ...", "Trump zugesagt habe zu prüfen, ob ..."
    re.compile(rf"(?P<who>{NAME_DE})\s+(?P<mid>[^.;:,]{{0,40}}?)\b(?:zugesagt|versprochen|angekündigt)"
               r"(?:\s+(?:habe|hat|hatte|haben))?,?\s+zu\s+prüfen\b(?P<what>.*)"),
    # "Trump sagte, er wolle ... helfen und werde prüfen, was ..."
    re.compile(rf"(?P<who>{NAME_DE})\s+(?:sagte|sagt|erklärte|versprach|kündigte\s+an)(?P<mid>[^.;:]{{0,80}}?)"
               r"\b(?:werde|wolle|würde|will|wird)\s+prüfen\b(?P<what>.*)"),
)
# what is to be checked: deliveries held back, delayed, stopped or put on hold (any of them is told as "held
# back": one description for one event that several pages report in their own words)
_HELD = re.compile(r"zurückgehalten|verzögert|gestoppt|ausgesetzt|auf Eis")
_WHAT = "promised to check which weapons were held back"
_CAPITAL = re.compile(r"(?<![\w-])[A-ZÄÖÜ]")
_CHECKED = re.compile(r"check|review|examin|verif|prüf", re.IGNORECASE)
# a description that tells the promise ("pledged to review", "would check"); one that does not misreads it
_PROMISED = re.compile(r"promis|pledg|vow|assur|agreed|commit|undert|(?:will|would)\s+(?:check|review|examin|verif|look)",
                       re.IGNORECASE)


def checks(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
           evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The promises to check what was held back that the sentences of a German article report with the one
    who promises in the subject's slot, an actor of the briefing, on whose sentence ``decisions`` has no check
    of theirs."""
    if language != "de":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: "prüfen" in s):
        # each capitalised word may open the slot ("... berichtete, dass das Gespräch ... dauerte und Trump
        # zugesagt habe zu prüfen": not "Insider", "Minuten", but "Trump")
        for match in (m for start in _CAPITAL.finditer(sentence) for pattern in _PATTERNS
                      if (m := pattern.match(sentence, start.start())) is not None):
            who = actor_in_slot(match.group("who"), actors)
            if who is None:
                continue  # no actor in the slot: a later name may be the subject
            # the first actor in the slot is the one who promises ("Trump habe Selenskyj zugesagt": not Selenskyj)
            if _HELD.search(match.group("what")) and not DENIED.search(match.group("mid")) \
                    and isinstance(ev := evidence(n), Evidence):
                what = _WHAT
                told = [d for d in [*decisions, *found] if d.who == who and d.evidence[0].end == ev.end
                        and _CHECKED.search(d.what)]
                if not told:
                    found.append(Decision(who=who, participants=[who], what=what, status="announced", evidence=[ev]))
                elif not any(_PROMISED.search(d.what) for d in told):  # "requested Zelensky to check ...": misread
                    told[0].what, told[0].status = what, "announced"
            break
    return found
