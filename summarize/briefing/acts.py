"""Acts an English sentence reports in its plainest shape, found by the code: its subject, an actor of the
briefing, then a verb of an act in the past ("Lawmakers from both parties criticized the lack of consultation",
"Ukrainian officials summoned a U.S. diplomat and warned the pause could embolden Russia", "President Volodymyr
Zelenskyy vowed to boost domestic weapons production").

A small model lists a few acts of a dense page and passes over the rest, though each such sentence is an act an
analyst lists. The finders of particular acts (warnings, halts, requests, stances ...) read their own words in
either language; this one reads the shape, in English only: a German sentence's act would need words of the
code's own.

* The subject opens the sentence (after a time or place phrase and its comma at most): a name of an actor of the
  briefing (:func:`~summarize.briefing.finders.actor_in_slot`, "President Volodymyr Zelenskyy"), or a state's
  people by its adjective ("Ukrainian officials": Ukraine, by the alias table's "Ukrainian government").
* The verb is one of :data:`_VERBS`, in the past: acts, not words ("said", "told") or plans ("plans to").
* The description is the article's own words: the verb and the clause after it, cut at the clause's end, at
  most :data:`MAX_WORDS` words.
* A sentence on which a decision of the subject already stands is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .deciders import actor_ending
from .finders import actor_in_slot, clause, cued_sentences, reported_on
from .numbered import Sentences

MAX_WORDS = 16
_VERBS = ("criticized|criticised|condemned|summoned|vowed|pledged|promised|ordered|approved|rejected|refused|imposed|"
          "lifted|signed|urged|demanded|accused|blamed|denied|dismissed|decided|resumed|reversed|authorized|authorised|"
          "ratified|ruled out|agreed|expelled|recalled|endorsed|vetoed|backed|welcomed")
_PEOPLE = r"(?:officials|government|lawmakers|diplomats|authorities|forces|military|leaders|ministry)"
_SUBJECT = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"  # "U.S. Defense Secretary Pete Hegseth"
_ACT = re.compile(rf"^\W*(?:[^,;:]{{0,40}},\s+)?(?P<who>(?:[Tt]he\s+)?{_SUBJECT}(?:\s+{_PEOPLE})?)(?:\s+from\s+[\w\s]{{1,30}}?)?"
                  rf"\s+(?:(?:also|again|later|then|quickly|immediately|publicly|formally|reportedly|swiftly|have|has|had)\s+)?"
                  rf"(?P<verb>{_VERBS})(?!\w)(?P<rest>.*)")
_CUES = tuple(_VERBS.replace("ruled out", "ruled").split("|"))


def acts(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
         evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The acts the sentences of an English article report with an actor of the briefing as their subject, on
    sentences where no decision of that actor stands."""
    if language != "en":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(verb in s for verb in _CUES)):
        match = _ACT.match(sentence)
        if match is None or (who := _subject(match.group("who"), actors)) is None:
            continue
        what = clause(match.group("verb") + match.group("rest"), MAX_WORDS)
        if len(what.split()) < 3 or not isinstance(ev := evidence(n), Evidence) or reported_on(who, ev, [*decisions, *found]):
            continue
        found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found


def _subject(words: str, actors: list[Actor]) -> str | None:
    """The actor the subject's words name: by a name ("President Volodymyr Zelenskyy", "The Kremlin"), or a
    state by the adjective of its people ("Ukrainian officials": the state whose government they speak for, as
    :mod:`.requested` reads "which Ukrainian officials have said ...")."""
    people = re.match(rf"(?:[Tt]he\s+)?(?P<adjective>[A-Z][\w.-]+)\s+{_PEOPLE}$", words)
    if people is None:
        return actor_in_slot(words, actors)
    return actor_ending(f"{people.group('adjective')} government", [a for a in actors if a.kind == "state"])
