"""Acts weighed and not yet decided, found by the code: "Trump has recently spoken of his disappointment with
Putin and is considering giving Tomahawk missiles to Ukraine", "Trump earlier this week said that he is
considering sending Tomahawk missiles to Ukraine", "The administration is weighing whether to resume the
shipments".

A small model reads such a sentence for its other act (the disappointment, the call it follows) or passes
over it, though an act someone weighs is where a decision stands, which an analyst follows to its end.

* The one who weighs is the name in the subject's slot, before "is considering" (other words of the clause
  between: "has recently spoken of ... and is considering"), or before "said (that) he is considering", when
  that is an actor of the briefing (:func:`~summarize.briefing.finders.actor_in_slot`). A report of another's
  words in between ("Trump said Putin is considering ...") is no act of the name's.
* The description is the article's own words, in English articles only, from "considering" to the end of its
  clause; its status is "considered".
* A sentence on which the model already reported a weighed act of the same decider is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .finders import CIRCUMSTANCE_WORDS, NAME, actor_in_slot, clause, cued_sentences
from .numbered import Sentences

MAX_WORDS = 16
_WEIGHING = r"(?:considering|weighing|mulling|contemplating)"
_ADVERBS = r"(?:(?:now|also|still|seriously|reportedly|actively|currently)\s+)*"
_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)"
# what is weighed: an act ("giving ...", "sending ...") or "whether to ..."
_WHAT = rf"(?P<what>{_WEIGHING}\s+(?:whether\s+to\s+\w+|\w+ing)\b.+)"
_PATTERNS = (
    # "Trump has recently spoken of his disappointment with Putin and is considering giving ..."
    re.compile(rf"(?P<who>{NAME})\s+(?P<gap>[^,;:.!?]{{0,80}}?\s)?{_BE}\s+{_ADVERBS}{_WHAT}"),
    # "Trump earlier this week said that he is considering sending ..."
    re.compile(rf"(?P<who>{NAME})\s+(?:[^,;:.!?]{{0,60}}?\s)?(?:said|says)\s+(?:that\s+)?(?:he|she|it|they)\s+{_BE}\s+"
               rf"{_ADVERBS}{_WHAT}"),
)
# words in the gap that make the weighing another's: a report of words, a relative clause
_NOT_THEIRS = re.compile(r"(?<!\w)(?:said|says|told|tells|that|who|which|whom|whose|according)(?!\w)", re.IGNORECASE)
_CIRCUMSTANCE = re.compile(rf"\s(?:{CIRCUMSTANCE_WORDS})\s")
_WEIGHED = re.compile(r"(?<!\w)(?:consider|weigh|mull|contemplat)", re.IGNORECASE)


def weighed_acts(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                 evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The acts the sentences of an English article report weighed ("is considering giving ..."), with the
    one who weighs in the subject's slot, an actor of the briefing, on whose sentence ``decisions`` has no
    weighed act of theirs."""
    if language != "en":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: bool(_WEIGHED.search(s))):
        for pattern in _PATTERNS:
            match = pattern.search(sentence)
            if match is None or _NOT_THEIRS.search(match.groupdict().get("gap") or ""):
                continue
            who = actor_in_slot(match.group("who"), actors)
            if who is None or not isinstance(ev := evidence(n), Evidence):
                continue
            if any(d.who == who and d.evidence[0].end == ev.end and (d.status == "considered" or _WEIGHED.search(d.what))
                   for d in [*decisions, *found]):
                continue  # the model (or the other pattern) reported this
            what = _CIRCUMSTANCE.split(clause(match.group("what"), MAX_WORDS), maxsplit=1)[0]
            if len(what.split()) >= 3:
                found.append(Decision(who=who, participants=[who], what=what, status="considered", evidence=[ev]))
    return found
