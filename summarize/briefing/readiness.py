"""Readiness a speaker declares in public, found by the code: to negotiate, to meet, to host a summit, to agree a
ceasefire or to supply a weapon ("Putin expressed Moscow's willingness to engage in negotiations", "Hungarian
Prime Minister Viktor Orbán confirmed the country's readiness to host the meeting", "Zugleich zeigte sich Putin
demnach offen für eine Fortsetzung der Verhandlungen mit der Ukraine", "Gleichzeitig signalisierte er
Bereitschaft für weitere Verhandlungen").

A declared readiness is a position its speaker takes, which an analyst lists (what a side will agree to is the
stuff of the talks); a small model reads such a sentence for the call it reports and passes over it.

* The speaker is the name in the subject's slot (before "signalled", "expressed", "zeigte sich", "signalisierte",
  or right after the verb in an inverted German clause), an actor of the briefing
  (:func:`~summarize.briefing.finders.actor_in_slot`); "he"/"er" is the person named in the two sentences before
  (:func:`~summarize.briefing.people_named.pronoun_referent`).
* What the speaker is ready for must be a step of the talks or of supply, named in the clause: negotiations,
  talks, a meeting or summit, hosting it, a ceasefire, peace, a compromise, or a weapon of the briefing. Anything
  else ("ready to defend itself") is left to the model.
* The description is the article's own words in an English article ("expressed Moscow's willingness to engage
  in negotiations"), the code's in a German one ("signalled readiness for further negotiations with Ukraine").
* A sentence on which the model already reported a decision of the same speaker is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence, Weapon
from ..text.event_kinds import READINESS_DECLARED, READINESS_NOUNS
from .finders import DENIED, NAME, NAME_DE, actor_in_slot, clause, cued_sentences, reported_on, weapon_named
from .numbered import Sentences
from .people_named import pronoun_referent

MAX_WORDS = 16
_WHOSE = r"(?:(?:its|his|her|their|the\s+country['’]s|[A-Z][\w.-]+['’]s)\s+)?"
_EN = (
    # "Putin expressed Moscow's willingness to engage in negotiations", "Trump had previously shown openness to the sale"
    re.compile(rf"(?P<who>{NAME}|[Hh]e|[Ss]he)(?:,\s+who)?\s+(?:(?:also|again|has|had|have|previously|reportedly|publicly)\s+)*"
               rf"(?P<what>{READINESS_DECLARED}\s+{_WHOSE}{READINESS_NOUNS}\s+(?:to|for)\s+.*)"),
    # "Zelenskyy was ready to meet Putin in any format", "Russia remains open to talks"
    re.compile(rf"(?P<who>{NAME})\s+(?P<what>(?:is|was|remains|remained)\s+(?:still\s+|also\s+)?(?:ready|willing|open)\s+"
               rf"(?:to|for)\s+.*)"),
)
_STEP_EN = re.compile(r"(?i:negotiat|talks|dialog|meet|summit|host|ceasefire|truce|peace|deal|agreement|compromise)")
_ADVERBS_DE = (r"(?:(?:demnach|erneut|weiterhin|grundsätzlich|auch|zudem|nun|jedoch|aber|beispielsweise|zugleich|"
               r"gleichzeitig|ebenfalls|im\s+\w+\s+\d{4}|am\s+[A-ZÄÖÜ]\w+)\s+)*")
_OPEN = r"(?:offen|bereit|gesprächsbereit|verhandlungsbereit)"
_SIGNAL = r"(?:signalisierte|signalisiert|bekundete|bekundet|bekräftigte|bekräftigt|betonte|erklärte|zeigte)"
_DE = (
    ("open", re.compile(rf"(?P<who>{NAME_DE})\s+(?:(?:hat|hatte)\s+)?{_ADVERBS_DE}(?:zeigte|zeigt)\s+sich\s+{_ADVERBS_DE}"
                        rf"{_OPEN}(?P<rest>.*)")),
    ("open", re.compile(rf"(?:zeigte|zeigt)\s+sich\s+(?P<who>{NAME_DE}|er|sie)\s+{_ADVERBS_DE}{_OPEN}(?P<rest>.*)")),
    ("signal", re.compile(rf"(?P<who>{NAME_DE})\s+{_ADVERBS_DE}{_SIGNAL}\s+{_ADVERBS_DE}(?:(?:seine|ihre|die|erneut)\s+)*"
                          rf"Bereitschaft(?P<rest>.*)")),
    ("signal", re.compile(rf"{_SIGNAL}\s+{_ADVERBS_DE}(?P<who>{NAME_DE}|er|sie)\s+{_ADVERBS_DE}(?:(?:seine|ihre|die|erneut)\s+)*"
                          rf"Bereitschaft(?P<rest>.*)")),
    ("open", re.compile(rf"(?P<who>{NAME_DE})\s+erklärte\s+sich\s+{_ADVERBS_DE}bereit(?P<rest>.*)")),
)
_STEPS_DE = (
    (re.compile(r"Fortsetzung\s+(?:der|des)\s+Verhandlung|weitere\w*\s+Verhandlung"), "further negotiations"),
    (re.compile(r"Verhandlung|verhandeln"), "negotiations"),
    (re.compile(r"Gespräch|Dialog"), "talks"),
    (re.compile(r"Austragungsort|Gastgeber|auszurichten|ausrichten"), "hosting the summit"),
    (re.compile(r"Gipfel|Treffen|treffen"), "a meeting"),
    (re.compile(r"Waffenstillstand|Waffenruhe|Feuerpause"), "a ceasefire"),
    (re.compile(r"Kompromiss"), "a compromise"),
    (re.compile(r"Frieden"), "peace"),
)
_WITH_DE = re.compile(r"\bmit\s+(?:der\s+|den\s+|dem\s+)?(?P<name>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)")
_CUES = ("readiness", "willingness", "openness", "ready", "willing", "open ", "offen", "bereit", "Bereitschaft")


def readiness(sentences: Sentences, actors: list[Actor], weapons: list[Weapon], decisions: list[Decision],
              evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The readiness for a step of the talks or of supply that the sentences declare with the speaker in its
    slot, an actor of the briefing, on whose sentence ``decisions`` has no decision of the speaker's."""
    if language not in ("en", "de"):
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s for cue in _CUES)):
        said = _english(sentence, weapons) if language == "en" else _german(sentence, actors, weapons)
        if said is None:
            continue
        words, what = said
        who = pronoun_referent(sentences, n, actors) if words in ("he", "He", "she", "She", "er", "sie") else \
            actor_in_slot(words, actors)
        if who is None or not isinstance(ev := evidence(n), Evidence) or reported_on(who, ev, [*decisions, *found]):
            continue
        found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found


def _english(sentence: str, weapons: list[Weapon]) -> tuple[str, str] | None:
    """(the subject's words, the readiness in the article's words) of the first match that names a step."""
    for pattern in _EN:
        for match in pattern.finditer(sentence):
            what = clause(match.group("what"), MAX_WORDS)
            if (_STEP_EN.search(what) or weapon_named(what, weapons)) and not DENIED.search(what):
                return match.group("who"), what
    return None


def _german(sentence: str, actors: list[Actor], weapons: list[Weapon]) -> tuple[str, str] | None:
    """(the subject's words, the readiness in the code's English) of the first match whose clause names a step
    of the talks (with whom, when an actor of the briefing) or a weapon of the briefing."""
    for verb, pattern in _DE:
        match = pattern.search(sentence)
        if match is None:
            continue
        rest = match.group("rest")[:160]
        if DENIED.search(rest[:40]):
            return None  # "nicht bereit": no readiness
        step = next((english for p, english in _STEPS_DE if p.search(rest)), None)
        if step is None:
            weapon = weapon_named(rest, weapons)
            step = f"supplying {weapon}" if weapon else None
        if step is None:
            return None
        partner = _WITH_DE.search(rest)
        whom = actor_in_slot(partner.group("name"), actors) if partner else None
        head = "said it was open to" if verb == "open" else "signalled readiness for"
        return match.group("who"), f"{head} {step}" + (f" with {whom}" if whom else "")
    return None
