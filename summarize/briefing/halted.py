"""Halts of deliveries a sentence reports, found by the code: "The Pentagon has suspended deliveries of certain
air defence missiles ...", "Ukraine criticized a US pause in some weapons deliveries ...", "Die USA hatten
Anfang der Woche beschlossen, gewisse Waffenlieferungen an die Ukraine auszusetzen ...", "dass das Pentagon
eine für die Ukraine bestimmte Waffenlieferung zurückhält".

A small model reads such a sentence for its main clause (the criticism, the warning) and passes over the halt
it names on the way, or misreads a German verb of halting ("Aussetzung" told as "withdrawal", "auszusetzen" as
"decided to send weapons"), though a halt of deliveries is often the story an analyst follows.

* The decider is the name in the slot of who halts, when that is an actor of the briefing
  (:func:`~summarize.briefing.deciders.actor_ending`): the subject right before the verb ("The US temporarily
  suspended", "Die USA hatten ... beschlossen, ... auszusetzen", "dass das Pentagon ... zurückhält"), right
  after a German verb in second place ("stoppten die USA"), or the noun's owner ("a US pause", "the
  Pentagon's halt", "die Pause des Pentagons", "der Lieferstopp aus den USA").
* Only a halt of deliveries: the sentence speaks of deliveries, shipments, weapons, munitions or aid. A halt
  denied ("not", "nicht") or lifted ("resumed", "aufgehoben") is none.
* The description is the article's own words in an English article ("suspended deliveries of certain air
  defence missiles"), the code's in another ("paused weapons deliveries to Ukraine"); the status ``paused``.
* A halt to come ("an announcement that Washington would halt some shipments") is ``announced``; an
  institution's "decision to halt" is its halt ("The Pentagon ... came under criticism for its decision to
  halt sending ...").
* A sentence on which the model reported a halt of the same decider is left to the model; a decision of that
  decider on it that names no halt is the halt misread, and takes the code's description. A decider whose halt
  the briefing reports already (on another sentence) gets no second one; but where that sentence only names
  the halt ("The Pentagon’s freeze has alarmed lawmakers"), the sentence that states it becomes the halt's
  first evidence, with the code's description. A request that says "stop" ("urged both sides to stop where
  they are") is no halt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from ..text.event_kinds import event_kind
from .deciders import actor_ending
from .dedupe import with_evidence
from .finders import DENIED, NAME, NAME_DE, STOP, cued_sentences
from .numbered import Sentences

_ADVERB = r"(?:(?:temporarily|recently|quietly|abruptly|also|now|reportedly|effectively)\s+)?"

# English: the subject before the verb; the owner before the noun; who ordered a halt
_EN = (
    re.compile(rf"(?P<who>{NAME})\s+(?:(?:has|had|have|is|was|were|are)\s+)?{_ADVERB}"
               r"(?P<verb>paused|pauses|pausing|halted|halts|halting|suspended|suspends|suspending|froze|freezes|"
               r"freezing|stopped(?!\s+short)|stops|withheld|withholds|withholding)\s+(?P<what>.+)"),
    re.compile(rf"(?P<who>{NAME})(?:['’]s)?\s+(?:(?:temporary|recent|brief|partial|sudden)\s+)?"
               r"(?P<noun>pause|halt|suspension|freeze)\s+(?:in|of|on|to)\s+(?P<what>.+)"),
    re.compile(rf"(?P<who>{NAME})\s+(?:has\s+|had\s+)?(?P<head>(?P<verb>ordered|authori[sz]ed|imposed)\s+(?:a|the)\s+"
               r"(?:(?:temporary|brief|partial|sudden)\s+)?(?P<noun>pause|halt|suspension|freeze)\s+"
               r"(?:in|of|on|to))\s+(?P<what>.+)"),
    # a halt announced: "an announcement last week that Washington would halt some shipments of critical arms"
    re.compile(rf"(?P<who>{NAME})\s+(?P<modal>would|will)\s+{_ADVERB}(?P<verb>pause|halt|suspend|freeze|stop|withhold)\s+"
               r"(?P<what>.+)"),
    # an institution's own decision: "The Pentagon ... came under criticism for its decision to halt sending ..."
    re.compile(rf"(?P<who>{NAME})\s[^.;]{{0,100}}?\bits\s+(?:decision|move)\s+to\s+(?P<verb>pause|halt|suspend|freeze|stop|"
               r"withhold)\s+(?P<what>.+)"),
)
# German: who halts in the slots the sentence gives it
_HALT_DE = (r"(?:gestoppt|ausgesetzt|eingefroren|zurückgehalten|auf Eis gelegt|auszusetzen|zu stoppen|einzufrieren|"
            r"zurückzuhalten|auf Eis zu legen)")
_DE = (
    re.compile(rf"(?P<who>{NAME_DE})\s+(?:hat|hatte|haben|hatten)\s+(?P<mid>[^.;]{{0,140}}?)\b{_HALT_DE}(?!\w)"),
    # a clause with its verb at the end: "..., an dem Washington die Lieferung ... auf Eis gelegt hatte"
    re.compile(rf"(?:,|\bdass|\bals|\bnachdem|\bweil)\s+(?:[a-z]+\s+){{0,2}}?(?:die\s+|der\s+|das\s+)?(?P<who>{NAME_DE})\s+"
               rf"(?P<mid>[^.;,]{{0,140}}?)\b{_HALT_DE}\s+(?:hat|hatte|haben|hatten)(?!\w)"),
    re.compile(rf"(?P<who>{NAME_DE})\s+(?:hat|hatte|haben|hatten)\s+(?P<mid>[^.;]{{0,80}}?)"
               r"(?:Stopp|Pause|Aussetzung)\w*\s+[^.;]{0,60}?\bangeordnet\b"),
    re.compile(rf"\bdass\s+(?:das|die|der)\s+(?P<who>{NAME_DE})\s+(?P<mid>[^,.;]{{0,80}}?)"
               r"\b(?:zurückhält|zurückhalten|stoppt|stoppen|aussetzt|aussetzen|einfriert|einfrieren)(?!\w)"),
    re.compile(rf"\b(?:stoppt|stoppte|stoppten|stoppen)\s+(?:die|das|der)\s+(?P<who>{NAME_DE})"),
    re.compile(rf"(?P<who>{NAME_DE})\s+(?:stoppt|stoppte|stoppen|stoppten)\s+(?P<mid>)"),
    re.compile(rf"(?P<who>{NAME_DE})[^.;]{{0,80}}?\bordnete\s+(?P<mid>[^.;]{{0,30}}?)"
               r"\b(?:die|eine|einen)\s+(?:\w+\s+)?(?:Aussetzung|Stopp|Pause)"),
    re.compile(rf"(?:[Ss]topps?|Pause|Aussetzung)\s+(?:\w+\s+){{0,3}}?(?:der|des|aus den|aus der|von den|von der)"
               rf"\s+(?P<who>{NAME_DE})"),
)
# a word of halting at all (each pattern needs one): most sentences have none, and are passed over at once
_HALT_WORD = re.compile(r"paus|halt|suspen|froze|freez|stop|withh|aussetz|auszusetz|ausgesetzt|zurückh|zurückgeh|"
                        r"eingefror|einzufrier|Aussetzung|auf Eis", re.IGNORECASE)
_DELIVERIES = re.compile(r"deliver|shipment|supply|supplies|weapon|arms\b|munition|missile|military aid|assistance|"
                         r"[Ll]ieferung|Waffen|Munition|[Hh]ilfe|Raketen|[Ll]ieferstopp", re.IGNORECASE)
_LIFTED = re.compile(r"resum|revers|\blift|restart|aufgehoben|aufheb|\bhebt\b|wieder aufgenommen|zurück(?:zu)?ruder|"
                     r"zurückgerudert", re.IGNORECASE)
_HALT_VERB = re.compile(r"(?<!\w)(?:paused|pauses|pausing|halted|halts|halting|suspend\w*|froze|freezes|freezing|stopped|"
                        r"stops|stopping|withh\w*|gestoppt|stoppt\w*|ausgesetzt|aussetz\w*|auszusetzen|zurückgehalten|"
                        r"zurückh\w*|eingefroren)(?!\w)", re.IGNORECASE)
_NAMES_HALT = re.compile(r"paus|halt|suspen|stop|freez|froze|withh|hold", re.IGNORECASE)
_PAST = {"paus": "paused", "halt": "halted", "susp": "suspended", "froz": "froze", "free": "froze",
         "stop": "stopped", "with": "withheld"}
_NOUN_PAST = {"pause": "paused", "halt": "halted", "suspension": "suspended", "freeze": "froze"}
_STOP = STOP | {"due"}  # "... due to concerns": the cause is no part of what was halted
MAX_WORDS = 12
_RECIPIENT = frozenset({"Ukraine"})  # a halt of deliveries is the sender's act, never the recipient's


def halts(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
          evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The halts of deliveries the sentences report with their decider in its slot, whose decider is an actor
    of the briefing and on whose sentence ``decisions`` has no halt of that decider. A decision of that decider
    on the sentence that names no halt is given the halt's description and status (in place)."""
    patterns = _patterns(language)
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: _names_a_halt(s) and not _LIFTED.search(s)):
        for who, what, status in _halted(sentence, patterns, actors, language):
            if not isinstance(ev := evidence(n), Evidence):
                continue
            own = [d for d in [*decisions, *found] if d.who == who and d.evidence[0].end == ev.end]
            if any(_NAMES_HALT.search(d.what) for d in own):
                continue  # the model (or an earlier match) reported this halt
            if own:  # the decider's act on this sentence told without its halt: the verb misread
                own[0].what, own[0].status = what, status
                continue
            elsewhere = next((d for d in [*decisions, *found] if d.who == who and _NAMES_HALT.search(d.what)
                              and event_kind(d.what) in ("pause", None)), None)  # not "urged both sides to stop"
            if elsewhere is not None:  # the decider's halt is reported on another sentence: once is the event,
                if _only_named(elsewhere, patterns, actors, language):  # told by the sentence that states it
                    elsewhere.what, elsewhere.status = what, status  # ("The Pentagon’s freeze has alarmed lawmakers")
                    elsewhere.evidence = with_evidence([ev], elsewhere.evidence)
                continue
            found.append(Decision(who=who, participants=[who], what=what, status=status, evidence=[ev]))
    return found


def halt_deciders(sentence: str, actors: list[Actor], language: str | None) -> list[str]:
    """The actors of the briefing the sentence names in a halter's slot, in the order found."""
    return [who for who, _, _ in _halted(sentence, _patterns(language), actors, language)] if _names_a_halt(sentence) else []


def _patterns(language: str | None) -> tuple[re.Pattern[str], ...]:
    return _EN if language == "en" else _DE if language == "de" else ()


def _names_a_halt(sentence: str) -> bool:
    """Whether a sentence has a word of halting and one of deliveries (each pattern needs both)."""
    return bool(_HALT_WORD.search(sentence) and _DELIVERIES.search(sentence))


def _only_named(decision: Decision, patterns: tuple[re.Pattern[str], ...], actors: list[Actor],
                language: str | None) -> bool:
    """Whether a halt is cited to a sentence that only names it ("The Pentagon’s freeze has alarmed
    lawmakers"): no verb of halting there, and no halt of its decider in the code's slots."""
    quote = decision.evidence[0].quote
    return (not _HALT_VERB.search(quote)
            and not any(who == decision.who for who, _, _ in _halted(quote, patterns, actors, language)))


def _halted(sentence: str, patterns: tuple[re.Pattern[str], ...], actors: list[Actor],
            language: str | None) -> list[tuple[str, str, str]]:
    """(decider, description, status) of each halt the sentence names in a decider's slot, once per decider:
    ``announced`` when it is to come ("would halt"), else ``paused``."""
    out: dict[str, tuple[str, str]] = {}
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            who = _decider(match.group("who"), actors)
            before = sentence[max(0, match.start() - 40): match.start()]
            mid = match.groupdict().get("mid") or ""
            if who is None or who in out or who in _RECIPIENT or DENIED.search(mid) or _denied_before(before):
                continue
            what = _english(match) if language == "en" else _german(sentence, match)
            if what:
                out[who] = (what, "announced" if match.groupdict().get("modal") else "paused")
    return [(who, what, status) for who, (what, status) in out.items()]


def _decider(name: str, actors: list[Actor]) -> str | None:
    """The briefing's actor ``name`` names, also in the genitive ("des Pentagons")."""
    who = actor_ending(name, actors)
    if who is None and name.endswith("s"):
        who = actor_ending(name[:-1], actors)
    return who


def _denied_before(before: str) -> bool:
    """Whether the words right before the decider deny what follows ("did not say that the US halted")."""
    return bool(DENIED.search(" ".join(before.split()[-3:])))


def _english(match: re.Match[str]) -> str | None:
    """The halt in the article's words: the past of its verb (or its noun's) and what was halted, up to a
    preposition of place, time or cause ("suspended deliveries of certain air defence missiles")."""
    groups = match.groupdict()
    if groups.get("modal"):  # "would halt some shipments": announced
        head = f"announced it {groups['modal']} {groups['verb']}"
    elif groups.get("head"):  # "ordered a temporary halt to ...", as written
        head = " ".join(groups["head"].split())
    elif groups.get("noun"):
        head = _NOUN_PAST[groups["noun"]]
    else:
        head = _PAST[groups["verb"][:4]]
    words: list[str] = []
    for word in groups["what"].split():
        if words and word.casefold().strip(",;:") in _STOP or len(words) >= MAX_WORDS:
            break
        words.append(word)
        if word.endswith((",", ";", ":")):
            break
    if not words:
        return None
    return f"{head} {' '.join(words).rstrip(',;:')}"


def _german(sentence: str, match: re.Match[str]) -> str:
    """The halt in the code's words: what kind of deliveries the sentence names, and to Ukraine when it says so."""
    lowered = sentence.casefold()
    what = ("weapons and munitions deliveries" if "waffen- und munitionsliefer" in lowered
            else "munitions deliveries" if "munitionsliefer" in lowered
            else "military aid" if re.search(r"militärhilfe|ukraine-hilfe|raketenhilfe", lowered)
            else "weapons deliveries")
    ordered = "ordnete" in match.group(0) or "angeordnet" in match.group(0)
    to = " to Ukraine" if "ukraine" in lowered else ""
    return f"ordered a pause in {what}{to}" if ordered else f"paused {what}{to}"
