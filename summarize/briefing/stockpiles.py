"""The reason a supplier gives for holding weapons back, its own stocks, found by the code: "the US temporarily
suspended some arms deliveries to Ukraine, citing concerns that American stockpiles were running low", "Als Grund
nannte das Pentagon, dass man sich Sorgen mache, dass die eigenen Bestände zu niedrig seien", "Als Grund wurden
Bedenken hinsichtlich der schwindenden US-Bestände genannt", "Er fügte hinzu, dass die USA auch auf ihre eigenen
Lagerbestände achten müssten".

The reason given for a halt is what the halt's critics dispute and other sources report in their own words; a
small model reads such a sentence for the halt it names, or passes over the reason told in a sentence of its own.

* The sentence names the stocks ("stockpiles", "inventories", "reserves", "Bestände", "Lagerbestände", "Vorräte")
  and a concern about them or a reason ("citing", "concerns", "running low", "dwindling", "Sorge", "Bedenken",
  "Grund", "zu niedrig", "achten"); stocks said to be sufficient ("ausreichend", "not at a critical minimum") are
  the opposite, left to the model.
* Who gives the reason: the decider of a halt the sentence names (:func:`~summarize.briefing.halted.halt_deciders`),
  else the one named after "nannte" ("Als Grund nannte das Pentagon") or before "cited" ("the Pentagon cited a
  need to review U.S. munitions reserves"), else, for a sentence that opens with "er"/"he", the person it refers
  to, else the person who tells the sentence (:func:`~summarize.briefing.people_named.speaker`), else the state
  whose stocks they are ("US-Bestände", "American stockpiles", "die USA ... ihre eigenen Lagerbestände").
* The description is the code's, in English: "cited concerns about US weapons stockpiles" (or "its own" when the
  sentence names no owner); a position (event kind "reason").
* A sentence on which a decision of that decider already names the stocks is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .finders import NAME, NAME_DE, actor_in_slot, add_position, cued_sentences
from .halted import halt_deciders
from .numbered import Sentences
from .people_named import PRONOUN_SUBJECT, people_of, pronoun_referent, speaker

_STOCKS = re.compile(r"(?<!\w)(?:stockpiles?|stocks|inventor(?:y|ies)|(?:munitions?\s+)?reserves|arsenals?|Vorräte\w*|"
                     r"Reserven)(?!\w)|bestände|bestand(?:s|es)?(?!\w)", re.IGNORECASE)
_REASON = re.compile(r"(?<!\w)(?:citing|cited|concerns?|worr\w*|fears?|running\s+low|dwindling|deplet\w*|shortages?|"
                     r"low|because|due\s+to|Sorgen?|Bedenken|Grund|schwindend\w*|niedrig\w*|knapp\w*|erschöpft|achten|"
                     r"aufgebraucht)(?!\w)", re.IGNORECASE)
_SUFFICIENT = re.compile(r"(?<!\w)(?:sufficient|ausreichend\w*|enough|genug|critical\s+minimum|kritischen\s+Minimum|"
                         r"no\s+shortage|kein\w*\s+Mangel)(?!\w)", re.IGNORECASE)
_NAMED_AFTER = re.compile(rf"(?<!\w)(?:nannte|nennt|nannten|nennen)\s+(?:das|die|der|den)?\s*(?P<who>{NAME_DE})")
_CITED = re.compile(rf"(?P<who>{NAME})\s+(?:has\s+|had\s+)?(?:also\s+)?cited(?!\w)")
_US_STOCKS = re.compile(r"(?<!\w)(?:US-\w*[Bb]estände|(?:US|U\.S\.|American|amerikanisch\w*)\s+(?:\w+\s+)?(?:stockpiles?|stocks|"
                        r"inventor\w*|reserves|arsenals?|\w*[Bb]estände)|(?:USA|Vereinigten\s+Staaten|United\s+States)\b"
                        r"[^.;]{0,60}?\b(?:ihre|their)\s+(?:eigenen\s+|own\s+)?\w*(?:[Bb]estände|stockpiles?|stocks))")
_NAMES_STOCKS = re.compile(r"stock|inventor|reserve|arsenal|bestände|vorräte|shortage", re.IGNORECASE)


def stockpile_reasons(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                      evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The concerns about its own stocks that a supplier gives as its reason, one decision per decider and
    description, on sentences where no decision of that decider names the stocks yet."""
    if language not in ("en", "de"):
        return []
    people = people_of(actors)
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: bool(_STOCKS.search(s) and _REASON.search(s))):
        if _SUFFICIENT.search(sentence) or not isinstance(ev := evidence(n), Evidence):
            continue
        us = _US_STOCKS.search(sentence) is not None
        who = _giver(sentence, actors, people, sentences, n, us, language)
        if who is None or any(d.who == who and d.evidence[0].end == ev.end and _NAMES_STOCKS.search(d.what)
                              for d in decisions):
            continue
        add_position(found, who, f"cited concerns about {'US' if us else 'its own'} weapons stockpiles", ev)
    return found


def _giver(sentence: str, actors: list[Actor], people: tuple[tuple[str, str], ...], sentences: Sentences, n: int,
           us: bool, language: str) -> str | None:
    """Who gives the reason (see the module's rules), or None."""
    if deciders := halt_deciders(sentence, actors, language):
        return deciders[0]
    for slot in (_NAMED_AFTER, _CITED):
        if (named := slot.search(sentence)) and (who := actor_in_slot(named.group("who"), actors)):
            return who
    if PRONOUN_SUBJECT.match(sentence):
        return pronoun_referent(sentences, n, actors)
    if (told := speaker(sentence, people, sentences, n, referents=False)) is not None:
        return told
    return next((a.name for a in actors if a.name == "United States"), None) if us else None
