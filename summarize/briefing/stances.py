"""Stances a speaker takes in public, found by the code: a feeling ("Trump said he was very disappointed with
the call", "US-Präsident Donald Trump sagte am Freitag, er sei „sehr unzufrieden“ mit seinem Telefonat mit
Wladimir Putin", "Trump äußerte große Unzufriedenheit über ...", "zeigte sich Trump frustriert") or a
reluctance ("expressed reluctance about depleting US Tomahawk supplies", "Trump zeigt sich ... zurückhaltend").

A stated disappointment or reluctance is a position its speaker takes in public, which an analyst lists (and
the words-only rule keeps: :func:`~summarize.briefing.described.reports_words_only`). A small model reads such a
sentence for the call or meeting it names and passes over the stance.

* The speaker is the name in the subject's slot (before "said he was", "expressed", "sagte, er sei",
  "äußerte", or right after "zeigte sich"), when that is an actor of the briefing
  (:func:`~summarize.briefing.deciders.actor_ending`); "he"/"er" after the verb of speech is the speaker.
* The description is the article's own words in an English article ("said he was very disappointed with the
  call"), the code's in another ("said he was very dissatisfied with the call with Vladimir Putin"): the
  stance in English, with what it is about when the clause names a call or meeting, a person or a weapon of
  the briefing.
* A sentence on which the model already reported a stance of the same speaker is left to the model; another
  act of the speaker on it (the call the feeling is about) is no stance and does not stand in for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence, Weapon
from .cues import has_cue
from .deciders import actor_ending
from .finders import (CIRCUMSTANCE_WORDS, CLAUSE_END, NAME, NAME_DE, STOP, actor_in_slot, clause, cued_sentences,
                      weapon_named)
from .numbered import Sentences

MAX_WORDS = 16
_FEELING_EN = (r"disappointed|frustrated|unhappy|dissatisfied|displeased|angry|upset|"
               r"not\s+(?:at\s+all\s+)?(?:happy|satisfied|pleased)|reluctant|hesitant|cautious|non-?committal|"
               r"sceptical|skeptical")
_FEELING_NOUN_EN = (r"disappointment|frustration|dissatisfaction|displeasure|anger|reluctance|hesitance|hesitancy|"
                    r"hesitation|caution|scepticism|skepticism")
_VERY_EN = r"(?:(?:very|deeply|really|so|quite|extremely|increasingly|bitterly|clearly|more|much|far|even)\s+)*"
_PRONOUN_EN = r"(?:he|she|they|it)"
_WHO = r"(?:,\s+who)?"  # the speaker of a relative clause is the name it follows
_EXPRESSED = (r"(?:expressed|voiced|restated|reiterated|repeated|vented)\s+(?:(?:his|her|their|its|some|deep|great|"
              rf"growing|strong|renewed)\s+)*(?:{_FEELING_NOUN_EN})(?!\w).*")  # "restated his disappointment at ..."
_EN = (
    re.compile(rf"(?P<who>{NAME}){_WHO}\s+(?:(?:also|again|later|then)\s+)?(?P<what>(?:said|says|told\s+\w+(?:\s+\w+)?|added|"
               rf"admitted|made\s+(?:it\s+)?clear)\s+(?:that\s+)?{_PRONOUN_EN}\s+(?:was|is|were|are|felt|feels|"
               rf"remained|remains|had\s+been)\s+{_VERY_EN}[“\"‘']?(?:{_FEELING_EN})(?!\w).*)"),  # 'he was "not happy"'
    re.compile(rf"(?P<who>{NAME}){_WHO}\s+(?:(?:also|again|later|then|has|had|publicly)\s+)*(?P<what>{_EXPRESSED})"),
    # the sentence's subject, of a verb after "and": "Trump told reporters ... and restated his disappointment at ..."
    re.compile(rf"^\W*(?P<who>{NAME})\s+[a-z][^;:]*?\s+and\s+(?:also\s+)?(?P<what>{_EXPRESSED})"),
    re.compile(rf"(?P<who>{NAME})\s+(?P<what>(?:is|was|appeared|seemed|appears|seems)\s+{_VERY_EN}(?:{_FEELING_EN})"
               rf"(?!\w).*)"),
)
_TOLD = re.compile(r"(?:said|says|told|thinks?|thought|believes?|believed|claimed|claims)\s+(?:that\s+)?$", re.IGNORECASE)
# German: the feeling's word and its English
_FEELINGS_DE = {"enttäuschung": "disappointment", "enttäuscht": "disappointed", "unzufriedenheit": "dissatisfaction",
                "unzufrieden": "dissatisfied", "unglücklich": "unhappy", "frustration": "frustration",
                "frustriert": "frustrated", "verärgerung": "anger", "verärgert": "angry", "ernüchtert": "sobered",
                "zurückhaltung": "reluctance", "zurückhaltend": "reluctant", "skepsis": "scepticism",
                "skeptisch": "sceptical"}
_FEELING_DE = r"(?i:" + "|".join(sorted(_FEELINGS_DE, key=len, reverse=True)) + r")\w*"  # "Unzufriedenheit"
_VERY_DE = {"sehr": "very", "äußerst": "extremely", "zutiefst": "deeply", "tief": "deeply", "ziemlich": "quite",
            "zunehmend": "increasingly", "große": "great", "großer": "great", "tiefe": "deep", "tiefer": "deep", "deutlich": "clearly"}
_QUOTE = r"[„“”\"»«‚‘’']?"
_INTENSITY_DE = rf"(?P<very>(?:(?:{'|'.join(_VERY_DE)})\s+{_QUOTE})*)"
_DE = (
    # "Trump sagte am Freitag, er sei „sehr unzufrieden“ mit ...", "Trump machte deutlich, dass er sehr „unzufrieden“ ... war"
    # (the subject after the verb in an inverted clause: "Nach seinem Telefonat mit Putin sagt Trump, er sei ...")
    ("said", re.compile(rf"(?P<who>{NAME_DE})\s+(?:(?:hat|habe|hatte)\s+)?(?:sagte|sagt|erklärte|betonte|räumte|gab|"
                        rf"machte|zeigte)\b(?P<mid>[^.;:„“\"]{{0,40}}?),?\s+(?:dass\s+)?(?:er|sie)\s+(?:sei|wäre|war|ist|"
                        rf"gewesen\s+sei)?\s*{_QUOTE}{_INTENSITY_DE}{_QUOTE}(?P<feel>{_FEELING_DE})(?P<rest>.*)")),
    # "Trump äußerte große Unzufriedenheit über ...", "Trump zeigte sich frustriert"
    # "Trump äußerte sich aber deutlich zurückhaltender", "Trump zeigt sich vor seinem Treffen mit Selenskyj zurückhaltend"
    ("expressed", re.compile(rf"(?P<who>{NAME_DE})\s+(?:(?:hat|habe|hatte)\s+)?(?:äußerte|bekundete|bekräftigte|"
                             rf"wiederholte|geäußert)\s+(?:sich\s+)?(?:(?:aber|jedoch|nun|zuletzt)\s+)?(?:seine\s+|ihre\s+)?"
                             rf"{_INTENSITY_DE}(?P<feel>{_FEELING_DE})(?P<rest>.*)")),
    ("appeared", re.compile(rf"(?P<who>{NAME_DE})\s+(?:(?:hat|habe|hatte)\s+)?(?:zeigte|zeigt)\s+sich(?P<mid>\s+"
                            rf"(?:[^\s,.;:!?]+\s+){{0,8}}?){_INTENSITY_DE}(?P<feel>{_FEELING_DE})(?P<rest>.*)")),
    ("appeared", re.compile(rf"(?:zeigte|zeigt)\s+sich\s+(?P<who>{NAME_DE})\s+(?:[^\s,.;:!?]+\s+){{0,8}}?{_INTENSITY_DE}"
                            rf"(?P<feel>{_FEELING_DE})(?P<rest>.*)")),
)
_WORD = re.compile(r"(?<!\w)(?:disappoint|frustrat|unhappy|dissatisf|displeas|angry|upset|not\s+(?:at\s+all\s+)?"
                   r"(?:happy|satisfied|pleased)|sobered|anger|reluct|hesita|cautio|non-?commit|sceptic|skeptic)", re.IGNORECASE)
_CUE = ("disappoint", "frustrat", "unhappy", "dissatisf", "displeas", "not happy", "not satisfied", "angry", "upset",
        "reluct", "hesita", "cautio", "committal", "sceptic", "skeptic", "enttäusch", "unzufrieden", "unglücklich",
        "frustriert", "verärger", "ernüchtert", "zurückhalt", "skepsis", "skeptisch")


def states_a_stance(what: str) -> bool:
    """Whether a decision's description states its decider's disappointment, frustration, displeasure or
    reluctance."""
    return bool(_WORD.search(what))


def stances(sentences: Sentences, actors: list[Actor], weapons: list[Weapon], decisions: list[Decision],
            evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The stances the sentences state with their speaker in its slot, whose speaker is an actor of the
    briefing and on whose sentence ``decisions`` has no stance of that speaker."""
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s.casefold() for cue in _CUE)):
        for who, what in _felt(sentence, actors, weapons, language):
            if not isinstance(ev := evidence(n), Evidence):
                continue
            if any(d.who == who and d.evidence[0].end == ev.end and states_a_stance(d.what) for d in [*decisions, *found]):
                continue  # the model (or an earlier match) told this speaker's stance on the sentence
            found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found


def _felt(sentence: str, actors: list[Actor], weapons: list[Weapon], language: str | None) -> list[tuple[str, str]]:
    """(speaker, description) of each stance the sentence states with its speaker in the subject's slot."""
    out: list[tuple[str, str]] = []
    if language == "en":
        for pattern in _EN:
            for match in pattern.finditer(sentence):
                who = actor_ending(match.group("who"), actors)
                if _TOLD.search(sentence, 0, match.start()):
                    continue  # "Trump said Putin was disappointed": the feeling as another tells it
                if who is not None and who not in [o[0] for o in out]:
                    out.append((who, _trimmed(clause(match.group("what"), MAX_WORDS))))
    elif language == "de":
        for verb, pattern in _DE:
            for match in pattern.finditer(sentence):
                who = _subject(match, actors)
                if who is None or who in [o[0] for o in out]:
                    continue
                out.append((who, _in_english(verb, match, actors, weapons)))
    return out


def _trimmed(what: str) -> str:
    """A description cut at its word limit without the words that leave it hanging ("... over what he said was"),
    and before a clause of circumstance ("... as he answered reporters' questions")."""
    head = _CIRCUMSTANCE.split(what, maxsplit=1)[0]
    words = (head if len(head.split()) >= 3 else what).split()
    while len(words) > 3 and words[-1].casefold() in _DANGLING:
        words.pop()
    return " ".join(words)


_CIRCUMSTANCE = re.compile(rf"\s(?:{CIRCUMSTANCE_WORDS}|(?:and|but)\s+that)\s")  # and "... and that Ukraine ..."
_DANGLING = STOP | {"what", "he", "she", "they", "it", "said", "says", "over", "the", "a", "an", "of", "his", "her", "its",
                    "their"}


def _subject(match: re.Match[str], actors: list[Actor]) -> str | None:
    """The speaker of a German match: the actor right after the verb in an inverted clause ("sagt Trump"),
    else the one before it."""
    inverted = re.match(rf"\s+({NAME_DE})", match.groupdict().get("mid") or "")
    if inverted is not None and (who := actor_in_slot(inverted.group(1), actors)) is not None:
        return who
    return actor_in_slot(match.group("who"), actors)


def _in_english(verb: str, match: re.Match[str], actors: list[Actor], weapons: list[Weapon]) -> str:
    """The code's English for a German match: "said he was very dissatisfied with the call with Vladimir Putin"."""
    feel = match.group("feel").casefold()
    english = next(_FEELINGS_DE[word] for word in sorted(_FEELINGS_DE, key=len, reverse=True) if feel.startswith(word))
    very = [_VERY_DE[w.lower()] for w in re.findall(r"[^\W\d_]+", match.group("very") or "") if w.lower() in _VERY_DE]
    noun = verb == "expressed" or english in _NOUNS.values()
    if noun:  # "große Enttäuschung": great disappointment; an adverb ("deutlich zurückhaltender") has no place
        head = " ".join(["expressed", *[v for v in very if v in _ADJECTIVES], _NOUNS.get(english, english)])
    else:
        head = " ".join(["appeared" if verb == "appeared" else "said he was", *[v for v in very if v not in _ADJECTIVES],
                         english])
    return head + _about(match.group("rest"), actors, weapons, noun, english in _RELUCTANCE)


_NOUNS = {"disappointed": "disappointment", "dissatisfied": "dissatisfaction", "frustrated": "frustration",
          "angry": "anger", "unhappy": "unhappiness", "sobered": "disillusionment", "reluctant": "reluctance",
          "sceptical": "scepticism"}
_ADJECTIVES = {"great", "deep"}
_RELUCTANCE = {"reluctant", "reluctance", "sceptical", "scepticism"}


def _about(rest: str, actors: list[Actor], weapons: list[Weapon], noun: bool, reluctance: bool) -> str:
    """What the stance is about, in English, when its clause names a call or meeting, a person or a weapon
    of the briefing: " with the call with Vladimir Putin", " with Vladimir Putin", " about Tomahawk", else
    nothing."""
    end = CLAUSE_END.search(rest)
    words = rest[: end.start()] if end else rest
    weapon = weapon_named(words, weapons)
    if reluctance or weapon:
        return f" about {weapon}" if weapon else ""
    kind = "call" if has_cue("call", words) else "meeting" if has_cue("meeting", words) else None
    person = next((a.name for a in actors if a.kind == "person" and any(
        re.search(rf"(?<!\w){re.escape(part)}", words) for part in {a.name.split()[-1], a.name_as_written.split()[-1]}
        if len(part) >= 4)), None)
    preposition = "at" if noun else "with"
    if kind and person:
        return f" {preposition} the {kind} with {person}"
    if kind:
        return f" {preposition} the {kind}"
    return f" {preposition} {person}" if person else ""
