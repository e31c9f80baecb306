"""Statements of progress a sentence reports, found by the code: "President Donald Trump says he "didn't make any
progress" on a potential ceasefire ... in his call Thursday with Putin", "Ich glaube, das heutige Telefonat hat
große Fortschritte gebracht", "... eingeräumt, dass es keinerlei Fortschritte bezüglich eines Waffenstillstands
gebe".

Whether talks moved anything is what a reader of a story of calls and summits follows, and what sources
report of one call alike or differently; a small model reads such a sentence for the call it names and passes
over the verdict.

* The speaker is a person of the briefing the sentence names: the one named as its speaker ("Trump says",
  "sagte Trump"), else the first one it names (not as a preposition's object: "mit Putin"). A quotation in
  the first person ("I believe great progress was made ...,” added Trump") is its speaker's
  (:func:`.people_named.quote_speaker`): named where the quotation runs on to its attribution or in a
  sentence before it; with no one named so, it gets no verdict.
* No progress when a negation stands right before the word ("keinerlei Fortschritte", "didn't make any
  progress", "no progress"), great progress when a word of size does ("große Fortschritte", "significant
  progress"); any other mention ("progress in the Middle East could help") is no verdict.
* The description is the code's: "said the call made no progress" (or "brought great progress") when the
  sentence names a call or a conversation, else "said there was no progress" ("said great progress was made").
* A sentence on which a decision of the speaker already tells the verdict is left as it is; the same verdict
  told again (a headline and its report) is one decision with both sentences as its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .cues import speaks_for_self
from .finders import add_position, cued_sentences
from .numbered import Sentences
from .people_named import people_of, quote_speaker, speaker

_PROGRESS = re.compile(r"(?<!\w)(?:progress|Fortschritt\w*|breakthrough\w*|Durchbr\w*)(?!\w)", re.IGNORECASE)
_NONE = re.compile(r"(?<!\w)(?:no|not|any|without|kein\w*|keinerlei|ohne|nicht)\s+(?:[\w„“\"'-]+\s+){0,2}$", re.IGNORECASE)
_GREAT = re.compile(r"(?<!\w)(?:great|significant|substantial|big|real|huge|große\w*|groß\w*|erhebliche\w*|deutliche\w*|"
                    r"enorme\w*)\s+(?:[\w„“\"'-]+\s+)?$", re.IGNORECASE)
_CALL = re.compile(r"(?<!\w)(?:call|phone|conversation|Telefonat\w*|Telefongespräch\w*|Gespräch\w*|telefoniert)",
                   re.IGNORECASE)
# a decision that tells a verdict already
_VERDICT = re.compile(r"progress|productive|breakthrough|Fortschritt|results?\b|nothing", re.IGNORECASE)
_REACH = 40  # characters before the word where its negation or its size stands


def progress(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
             evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """The verdicts on progress the sentences state, each by a person of the briefing, on sentences where no
    decision of theirs tells one."""
    people = people_of(actors)
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: _PROGRESS.search(s) is not None):
        what = _verdict(sentence)
        if what is None or not isinstance(ev := evidence(n), Evidence):
            continue
        who = (quote_speaker(people, sentences, n) if speaks_for_self(sentence)
               else speaker(sentence, people, sentences, n, referents=False))
        if who is None or any(d.who == who and d.evidence[0].end == ev.end and _VERDICT.search(d.what)
                              for d in [*decisions, *found]):
            continue
        add_position(found, who, what, ev)
    return found


def _verdict(sentence: str) -> str | None:
    """The code's description of the sentence's verdict on progress, or None when it states none."""
    for word in _PROGRESS.finditer(sentence):
        before = sentence[max(0, word.start() - _REACH): word.start()]
        none = _NONE.search(before) is not None
        if not none and _GREAT.search(before) is None:
            continue
        if _CALL.search(sentence):
            return "said the call made no progress" if none else "said the call brought great progress"
        return "said there was no progress" if none else "said great progress was made"
    return None
