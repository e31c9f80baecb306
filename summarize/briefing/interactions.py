"""Calls and meetings between people the article names, found by the code.

A small model lists what someone decided and passes over the call or the meeting itself ("..., nachdem er
am Donnerstagabend mit Putin telefoniert hatte"); yet a call or a meeting is what several sources report
alike, and what the digest joins them by. A sentence reports one when it holds a word of a call or a
meeting (``summarize/data/cues.json``: "call", "meeting") and names two or more people of the briefing. A
verb of the future or a plan makes a meeting planned ("will sich ... treffen", "plans to meet"); a noun or
a verb in the past is the event ("Telefonat", "traf", "met"). The description is the code's, in English
("held a phone call with Vladimir Putin", "plans to meet Volodymyr Zelensky"); the quote is the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .aliases import alias_forms
from .cues import cue_pattern
from .ground import mentions
from .numbered import Sentences, is_heading

# A call or meeting named after one of these words is the time of something else ("Parallel zum bilateralen
# Treffen sollen Gespräche stattfinden", "ahead of the meeting"), not the report of it.
_AS_TIME = re.compile(r"(?<!\w)(?:parallel zu[mr]?|vor (?:dem|der|seinem|ihrem|einem)|nach (?:dem|der|seinem|ihrem|einem)|"
                      r"zum|zur|beim|bei (?:dem|einem)|ahead of|before|after|during|prior to)\s+(?:[\w-]+\s+){0,2}$",
                      re.IGNORECASE)

_DESCRIPTION = {("call", False): "held a phone call with {}", ("call", True): "plans a phone call with {}",
                ("meeting", False): "met {}", ("meeting", True): "plans to meet {}"}


def interactions(sentences: Sentences, actors: list[Actor], evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """Decisions for the calls and meetings of the article's sentences (``evidence(n)`` is sentence ``n``'s
    :class:`Evidence`, or a reason it has none)."""
    people = [a for a in actors if a.kind == "person"]
    found: list[Decision] = []
    for n in range(1, len(sentences) + 1):
        sentence = sentences.sentence(n)
        if is_heading(sentence):
            continue
        named = _named(people, sentence)
        if len(named) < 2:
            continue
        for kind in ("call", "meeting"):
            word = next((w for w in cue_pattern(kind).finditer(sentence) if not _AS_TIME.search(sentence, 0, w.start())), None)
            if word is None or not isinstance(ev := evidence(n), Evidence):
                continue
            planned = _planned(word.group(0), sentence)
            found.append(Decision(who=named[0], participants=named, status="announced" if planned else "taken",
                                  what=_DESCRIPTION[kind, planned].format(" and ".join(named[1:])), evidence=[ev]))
    return found


def _named(people: list[Actor], sentence: str) -> list[str]:
    """The people the sentence names, in the order it names them (by the briefing's names)."""
    at: dict[str, int] = {}
    for actor in people:
        for form in (actor.name_as_written, actor.name, *alias_forms("actors", actor.name)):
            if len(form) >= 4 and mentions(form, sentence, 0, len(sentence)):
                last = form.split()[-1]
                hit = re.search(re.escape(last[:5]), sentence, re.IGNORECASE)
                at.setdefault(actor.name, hit.start() if hit else len(sentence))
                break
    return sorted(at, key=at.get)


_INFINITIVES = {"treffen", "meet", "telefonieren", "zusammenkommen", "empfangen"}
_EVENT_NOUNS = {"treffen", "gipfel", "gipfeltreffen", "meeting", "summit"}


def _planned(word: str, sentence: str) -> bool:
    """Planned: the sentence has a word of the future or a plan ("will", "soll", "geplant", "plans"), and the
    word of the meeting is a verb in the infinitive ("sich ... treffen", "to meet") or a noun of a meeting
    ("Treffen", "Gipfel", "summit"). A call's noun ("Telefonat") or a verb in the past ("traf", "met") is
    the event."""
    word = word.strip()
    infinitive = word.islower() and word.casefold() in _INFINITIVES
    noun = word[:1].isupper() and word.casefold() in _EVENT_NOUNS or word.casefold() in ("meeting", "summit")
    return (infinitive or noun) and bool(cue_pattern("future").search(sentence))
