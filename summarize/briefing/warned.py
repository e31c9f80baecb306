"""Warnings a sentence reports, found by the code: "The Kremlin warned that supplying Tomahawk missiles to
Ukraine would not change the balance of forces on the front ...", "After Putin warned Trump Russia is 'not
looking to stop' the war against Ukraine, Kyiv is hit ...".

A small model reads such a sentence for what happened next (the attack, the reactions) and passes over the
warning, though a warning made in public is a position its speaker takes, which an analyst lists.

* The speaker is the name right before "warned" or "cautioned" (adverbs such as "also" or "again" between),
  or before the relative clause's "who" (", Vladimir Putin, who warned that ...")
  when that is an actor of the briefing (:func:`~summarize.briefing.deciders.actor_named`); the one warned, a
  person of the briefing named right after the verb, takes part.
* The description is the article's own words, in English articles only: "warned (Trump) that" and the clause
  after it, cut at the first comma, semicolon, colon or dash between spaces (what follows is another clause:
  "..., thereby reducing chances", "..., Kyiv is hit"), at most :data:`MAX_WORDS` words.
* A sentence on which the model already reported a decision of the same speaker is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from .deciders import actor_ending, actor_named
from .finders import NAME, clause, cued_sentences, reported_on
from .numbered import Sentences

_WARNED = re.compile(rf"(?P<who>{NAME})(?:,\s+who)?\s+(?:(?:also|again|repeatedly|reportedly|publicly|once again)\s+)?"
                     r"(?:warned|cautioned)\s+(?P<rest>.+)")
MAX_WORDS = 25  # a longer clause is cut at a word: the sentence is the evidence, the description its gist
_MIN_WORDS = 3


def warnings(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
             evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The warnings the sentences of an English article report with their speaker named before the verb,
    whose speaker is an actor of the briefing and on whose sentence ``decisions`` has none of that speaker."""
    if language != "en":
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: "warned" in s or "cautioned" in s):
        for match in _WARNED.finditer(sentence):
            who = actor_ending(match.group("who"), actors)
            whom, what = _warned(match.group("rest"), actors)
            if who is None or len(what.split()) < _MIN_WORDS or not isinstance(ev := evidence(n), Evidence):
                continue
            if reported_on(who, ev, [*decisions, *found]):
                continue  # the model (or an earlier match) reported this speaker's act on the sentence
            whom = whom if whom != who else None
            found.append(Decision(who=who, participants=[who, *([whom] if whom else [])], status="taken",
                                  what=(f"warned {whom} that " if whom else "warned that ") + what, evidence=[ev]))
    return found


def _warned(rest: str, actors: list[Actor]) -> tuple[str | None, str]:
    """Who was warned (a person of the briefing named by the first one to three capitalised words after the
    verb: "warned Trump Russia is ...") and the warned clause ("Russia is ..."), without "that"."""
    words = rest.split()
    whom = None
    for k in (1, 2, 3):
        if k < len(words) and all(w[:1].isupper() for w in words[:k]) and (
                named := actor_named(" ".join(words[:k]), [a for a in actors if a.kind == "person"])):
            whom, words = named, words[k:]
            break
    if words[:1] == ["that"]:
        words = words[1:]
    return whom, clause(" ".join(words), MAX_WORDS)
