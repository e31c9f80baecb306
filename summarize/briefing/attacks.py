"""Military attacks a state of the briefing launches, found by the code: "Russia launched one of its largest aerial
assaults, firing 550 missiles and drones at Kyiv", "Moscow's forces launched the largest drone attack of the war",
"hat Russland die Ukraine kurz nach dem Telefonat mit neuen Angriffen heimgesucht", "Massive russische Angriffe auf
die Energieinfrastruktur der Ukraine".

An attack is an act of war an analyst lists, and what sources of one story report alike (the attack right after
a call); a small model reads such a sentence for the call or the warning beside it and passes over the attack.

* The attacker is a state of the briefing: named in the subject's slot before a verb of attack ("Russia
  launched ... attack", "Russland startete ... Drohnenangriff", "Russia pummelled Kyiv"), right after it
  ("startete Russland ..."). An attack named by its adjective alone ("amid escalating Russian attacks",
  "trotz des russischen Angriffskrieges") is the background of most sentences that name it, not a report.
* "launched"/"startete"/"fired" count only with a noun of attack, drones or missiles in the clause (not
  "launched a review").
* The description is the code's: "launched an attack", with " on Ukraine" when a state of the briefing (or its
  capital, by the alias table) is the verb's object or follows "on", "at", "against", "auf" or "gegen" in the
  clause.
* A sentence on which a decision of the attacker, or a report of an attack, already stands is left to it.
  An attack is its own kind of event (:mod:`summarize.text.event_kinds`), kept apart from the call beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .finders import CLAUSE_END, NAME, NAME_DE, actor_in_slot, cued_sentences, reported_on
from .numbered import Sentences
from ..text.event_kinds import event_kind

_NOUN = (r"(?:\w*(?:attack|assault|strike|barrage|bombardment|Angriff|Attacke|Luftschlag|Beschuss|Bombardement)\w*|"
         r"missiles|drones|Raketen|Drohnen)")
_REST = r"(?:[^.;]|(?<=\d)\.)*"  # the rest of the sentence ("in der Nacht zum 4. Juli": a date's point is no end)
_FORCES = r"(?:['’]s?\s+(?:forces|military|army|troops)|s?\s+(?:Streitkräfte|Armee|Truppen))?"
_SLOT = (
    # "Russia launched one of its largest aerial assaults", "Moscow's forces launched the largest drone attack"
    re.compile(rf"(?P<who>{NAME}){_FORCES}\s+(?:(?:has|had|then|also|again|overnight)\s+)*(?P<verb>launched|unleashed|"
               rf"carried\s+out|fired|pummel+ed|pounded|bombarded|attacked|shelled)(?!\w)(?P<rest>{_REST})"),
    # "Russland startete in der Nacht den größten Drohnenangriff", "hat Russland die Ukraine ... mit neuen Angriffen
    # heimgesucht", "startete Russland ... den bislang schwersten Drohnenangriff"
    re.compile(rf"(?P<who>{NAME_DE}){_FORCES}\s+(?:(?:hat|hatte|haben|hatten)\s+)?(?P<verb>startete|starteten|griff|"
               rf"griffen|beschoss|beschossen|attackierte|überzog|bombardierte)(?!\w)(?P<rest>{_REST})"),
    re.compile(rf"(?P<verb>startete|starteten|beschoss|attackierte|überzog|bombardierte|hat|hatte)\s+(?P<who>{NAME_DE})"
               rf"(?P<rest>{_REST})"),
)
_NEEDS_NOUN = re.compile(r"launched|unleashed|carried|fired|startete|starteten|hat|hatte")
_HAT_DONE = re.compile(r"(?:heimgesucht|angegriffen|beschossen|attackiert|bombardiert|überzogen)(?!\w)")
_TARGET = re.compile(rf"(?:(?<!\w)(?:on|at|against|auf|gegen)|^(?=\s+(?:(?:the|die|den|das)\s+)?[A-ZÄÖÜ]))\s+"
                     rf"(?:(?:the|die|den|das)\s+)?(?P<target>{NAME_DE})")  # or the object: "pummelled Kyiv"
_CUES = ("attack", "assault", "strike", "barrage", "bombard", "angriff", "attacke", "beschuss", "beschoss", "pummel",
         "pounded", "shelled", "launched", "fired", "startete", "heimgesucht")


def attacks(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
            evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """The attacks the sentences report, each by a state of the briefing, on sentences where no decision of
    that state stands."""
    states = [a for a in actors if a.kind in ("state", "organisation")]
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s.casefold() for cue in _CUES)) if states else ():
        attack = _attack(sentence, states)
        if attack is None or not isinstance(ev := evidence(n), Evidence):
            continue
        who, clause_text = attack
        if reported_on(who, ev, [*decisions, *found]) or any(d.evidence[0].end == ev.end and event_kind(d.what) == "attack"
                                                             for d in decisions):
            continue  # the model (or an earlier sentence) told the attacker's act, or someone's report of the attack
        target = next((t for m in _TARGET.finditer(clause_text) if (t := actor_in_slot(m.group("target"), states)) not in (None, who)), None)
        found.append(Decision(who=who, participants=[who], status="taken", evidence=[ev],
                              what="launched an attack" + (f" on {target}" if target else "")))
    return found


def _attack(sentence: str, states: list[Actor]) -> tuple[str, str] | None:
    """(the attacking state, the clause of the attack) of a sentence that reports one, else None."""
    for pattern in _SLOT:
        for m in pattern.finditer(sentence):
            who = actor_in_slot(m.group("who"), states)
            rest = _clause(m.group("rest"))
            if who is None or (_NEEDS_NOUN.fullmatch(m.group("verb")) and not re.search(_NOUN, rest)):
                continue
            if m.group("verb") in ("hat", "hatte") and not _HAT_DONE.search(rest):
                continue
            return who, rest
    return None


def _clause(rest: str) -> str:
    end = CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest
