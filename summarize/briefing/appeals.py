"""Appeals a sentence reports, found by the code: a call for an end of the war, a ceasefire, peace, talks or
clarity ("Trump repeatedly stressed the need for a swift peace in the conflict", "dass Trump erneut auf ein
schnelles Kriegsende drängte", "Jetzt appelliert er an beide Seiten, den Krieg zu beenden").

A small model reads such a sentence for who confirmed it or for the call in which it was made, and passes over
the appeal, though what one side demands of the other is a position an analyst follows (requests for weapons
are :mod:`.requested`'s).

* The one who appeals is the name right before the verb ("urged", "called for", "pressed for", "stressed the
  need for"; "forderte", "drängte", "appellierte"; adverbs between), also at the end of a German clause ("dass
  Trump erneut auf ein schnelles Kriegsende drängte"), or the person a pronoun after a German verb in second
  place refers to ("appelliert er": the first person named, as a subject, in the two sentences before), when
  that is a person or state of the briefing.
* What is demanded is a political end, not a weapon: the clause names an end of the war or the fighting, a
  ceasefire, peace, negotiations or clarity, says no "not" ("nicht"), and names no weapon of the briefing.
* The description is the article's own words in an English article, from the verb to the clause's end ("urged
  both sides to end the war"); the code's in another ("pressed for a quick end to the war"); the status
  ``taken``: the appeal is the act.
* A sentence on which the model already reported a decision of the same person is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence, Weapon
from .deciders import actor_ending
from .finders import DENIED, NAME, NAME_DE, clause, cued_sentences, reported_on
from .numbered import Sentences
from .people_named import pronoun_referent

MAX_WORDS = 16
_ADVERBS = r"(?:(?:also|again|repeatedly|once again|publicly|reportedly|then|later|sharply|strongly)\s+)*"
# (not "calls", "appeals", "demands": after a name also plural nouns, "despite U.S. calls for a ceasefire")
_EN = re.compile(rf"(?P<who>{NAME})\s+(?:has\s+|have\s+|had\s+)?{_ADVERBS}(?P<what>(?:urged|urges|called\s+on|"
                 r"called\s+for|appealed\s+(?:to|for)|pressed\s+for|pushed\s+for|demanded|"
                 r"(?:stressed|emphasi[sz]ed|underlined)\s+the\s+need\s+for|"
                 r"(?:reiterated|restated|expressed|voiced|repeated)\s+(?:his|her|their|its)\s+(?:desire|wish)\s+for)\b.+)")
_ADVERBS_DE = r"(?:(?:erneut|wiederholt|abermals|auch|nun|jetzt|nachdrücklich|eindringlich)\s+)*"
_VERB_DE = r"(?:drängte|drängt|forderte|fordert|appellierte|appelliert|mahnte|mahnt|pochte|pocht)"
_DE = (
    re.compile(rf"(?P<who>{NAME_DE})\s+{_ADVERBS_DE}(?P<verb>{_VERB_DE})\b(?P<what>.+)"),  # "Trump drängte auf ..."
    re.compile(rf"\b(?:dass|weil|nachdem|als)\s+(?P<who>{NAME_DE})\s+(?P<what>[^,.;]{{0,80}}?)\b(?P<verb>{_VERB_DE})\b"),
    re.compile(rf"(?P<verb>{_VERB_DE})\s+(?P<who>er|sie)\s+(?P<what>.+)"),  # "Jetzt appelliert er an beide Seiten, ..."
)
# the political ends an appeal names: (pattern of the article's words, English)
_ENDS_DE = (
    (re.compile(r"Kriegsende|Ende des Krieg|Ende der Kämpfe|Krieg\w* (?:zu )?beenden|Kämpfe (?:zu )?beenden|"
                r"Kampfhandlungen (?:zu )?beenden", re.IGNORECASE), "an end to the war"),
    (re.compile(r"Waffenstillstand|Waffenruhe|Feuerpause", re.IGNORECASE), "a ceasefire"),
    (re.compile(r"Frieden|Friedens", re.IGNORECASE), "peace"),
    (re.compile(r"Verhandlungen|Gespräche", re.IGNORECASE), "negotiations"),
    (re.compile(r"Klarheit", re.IGNORECASE), "clarity"),
)
_ENDS_EN = re.compile(r"(?<!\w)(?:end\w*\s+(?:to\s+)?(?:the\s+)?(?:war|fighting|conflict|hostilities|killing)|"
                      r"(?:end|stop)\s+the\s+(?:war|fighting|killing)|ceasefire|cease-fire|truce|peace|negotiat\w*|"
                      r"talks|clarity|clarification)(?!\w)", re.IGNORECASE)
_QUICK_DE = re.compile(r"schnell|rasch|sofort|zügig|baldig", re.IGNORECASE)
_VERB_EN_DE = {"drä": "pressed for", "for": "called for", "app": "appealed for", "mah": "called for", "poc": "insisted on"}
_CUES = ("urge", "called", "calls", "appeal", "pressed for", "pushed for", "demand", "need for", "desire for", "wish for",
         "dräng", "forder", "appell", "mahnt", "pocht")


def appeals(sentences: Sentences, actors: list[Actor], weapons: list[Weapon], decisions: list[Decision],
            evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The appeals for a political end that the sentences report with the one who appeals in its slot, a
    person or state of the briefing, on whose sentence ``decisions`` has no decision of theirs."""
    if language not in ("en", "de"):
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s for cue in _CUES)):
        for who, what in _appealed(sentence, actors, weapons, language, sentences, n):
            if isinstance(ev := evidence(n), Evidence) and not reported_on(who, ev, [*decisions, *found]):
                found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found


def _appealed(sentence: str, actors: list[Actor], weapons: list[Weapon], language: str, sentences: Sentences,
              n: int) -> list[tuple[str, str]]:
    """(who, description) of each appeal for a political end the sentence tells, once per person."""
    out: dict[str, str] = {}
    for pattern in (_EN,) if language == "en" else _DE:
        for match in pattern.finditer(sentence):
            said = match.group("who")
            who = pronoun_referent(sentences, n, actors) if said in ("er", "sie") else actor_ending(said, actors)
            if who is None or who in out:
                continue
            # the demand: to the clause's end, or, for a German verb in second place with an object ("an beide
            # Seiten, den Krieg zu beenden"), the infinitive clause after it too
            text = match.group("what")
            demand = clause(text, MAX_WORDS) if language == "en" else text[:160]
            if DENIED.search(demand) or _names_weapon(demand, weapons):
                continue
            what = _english(demand) if language == "en" else _german(match.group("verb"), demand)
            if what:
                out[who] = what
    return list(out.items())


def _english(demand: str) -> str | None:
    """The appeal in the article's words, when it names a political end."""
    return demand if _ENDS_EN.search(demand) else None


def _german(verb: str, demand: str) -> str | None:
    """The appeal in the code's words: its verb and the first political end the demand names."""
    end = next((english for pattern, english in _ENDS_DE if pattern.search(demand)), None)
    if end is None:
        return None
    if end == "an end to the war" and _QUICK_DE.search(demand):
        end = "a quick end to the war"
    return f"{_VERB_EN_DE[verb[:3].lower()]} {end}"


def _names_weapon(text: str, weapons: list[Weapon]) -> bool:
    lowered = text.casefold()
    return any(name and len(name) >= 3 and name.casefold() in lowered for w in weapons for name in (w.name, w.name_as_written))
