"""What the code's finders of acts share (:mod:`.nominal`, :mod:`.warned`, :mod:`.halted`, :mod:`.requested`,
:mod:`.prepared`, :mod:`.stances`, :mod:`.offered`, :mod:`.considered`, :mod:`.checks`, :mod:`.team_meetings`,
:mod:`.appeals`, :mod:`.progress`): the name in a decider's
slot and the actor it names, where a clause ends, a word that denies, and the rule that a sentence the model
already reported of the same decider is left to the model."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ..models import Actor, Decision, Evidence, Weapon
from .deciders import actor_ending
from .dedupe import with_evidence
from .numbered import Sentences, is_heading

# one to three capitalised words: the name in the slot of who acts ("The Pentagon", "Die USA")
NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
NAME_DE = r"[A-ZÄÖÜ][\w.'’-]*(?:\s+[A-ZÄÖÜ][\w.'’-]*){0,2}"
# where a clause ends: a comma, semicolon or colon and a space, or a dash between spaces ("U.S.–Russia" is one word)
CLAUSE_END = re.compile(r"[,;:]\s|\s[–—-]\s")
# the words that open a clause of circumstance after an act ("... as he answered reporters' questions")
CIRCUMSTANCE_WORDS = r"as|while|when|after|before|because|since"
DENIED = re.compile(r"\b(?:not|never|no|nicht|nie|kein\w*)\b|n['’]t\b", re.IGNORECASE)
# where the words of an act end: a preposition of place, time or cause, a relative word, or an auxiliary
STOP = frozenset("to into amid after before until since as because while which that who and in on at for from "
                 "with by over was were is has had have".split())


def actor_in_slot(words: str, actors: list[Actor]) -> str | None:
    """The briefing's actor the words in a decider's slot name (:func:`~.deciders.actor_ending`), also in the
    German genitive ("Putins")."""
    return actor_ending(words, actors) or actor_ending(words.rstrip("s"), actors)


def reported_on(who: str, evidence: Evidence, decisions: Iterable[Decision]) -> bool:
    """Whether ``decisions`` hold an act of ``who`` cited to the sentence of ``evidence``: the model's reading
    of its own decider's sentence stands over the code's."""
    return any(d.who == who and d.evidence[0].end == evidence.end for d in decisions)


def add_position(found: list[Decision], who: str, what: str, evidence: Evidence) -> None:
    """Add ``who``'s position ``what`` told on ``evidence`` to ``found``; told again (a headline and its report),
    the one decision gains the sentence as more evidence."""
    if same := next((d for d in found if (d.who, d.what) == (who, what)), None):
        same.evidence = with_evidence(same.evidence, [evidence])
    else:
        found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[evidence]))


def weapon_named(words: str, weapons: Iterable[Weapon]) -> str | None:
    """The name of the first weapon of the briefing that ``words`` name (its name or its name as written, four
    letters or more, at a word's start, in any case), else None."""
    return next((w.name for w in weapons if any(
        re.search(rf"(?<!\w){re.escape(form)}", words, re.IGNORECASE) for form in {w.name, w.name_as_written}
        if len(form) >= 4)), None)


def clause(what: str, max_words: int | None = None) -> str:
    """``what`` up to the end of its clause (:data:`CLAUSE_END`), at most ``max_words`` words, with no
    quotation mark left open."""
    end = CLAUSE_END.search(what)
    text = " ".join((what[: end.start()] if end else what).strip().rstrip(".!?").split()[:max_words])
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = text.replace('"', "").replace("“", "").replace("”", "")
    return text


def cued_sentences(sentences: Sentences, cued: Callable[[str], bool]) -> Iterator[tuple[int, str]]:
    """The number and text of each sentence a finder reads: one that ``cued`` accepts (the finder's cheap test
    of its cue words, asked first) and that is no heading."""
    for n in range(1, len(sentences) + 1):
        sentence = sentences.sentence(n)
        if cued(sentence) and not is_heading(sentence):
            yield n, sentence

