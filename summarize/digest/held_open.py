"""Held open by one source, settled by another: a divergence across item kinds.

One article reports the planned summit and, in the next sentence, "Der genaue Ort ist noch offen"; another
reports that Trump and Putin "einigten sich ... auf ein persönliches Treffen in Ungarn". The first source's
open question and the second's decision are two descriptions of one event's state, and an analyst wants
them side by side. The rules of :mod:`summarize.digest.diverge` compare decisions with decisions only; this
one compares a development with the open questions of the articles that report it.

A question is about a development when, in an article that reports the development:

* the question's quote is within :data:`NEAR` characters of that article's report (the sentence before
  or after: "Trump hat mit Putin ein Treffen vereinbart. Der genaue Ort ist noch offen.") but not the
  report's own sentence: a sentence that reports the event and says something is open ("kündigte ein
  erneutes Treffen an, um zu sehen, ob ...") leaves a detail of its clause open, not the event, and
* the question asks about an event of the development's kind (:func:`~summarize.text.event_kinds.event_kind`:
  "Where will the meeting take place?" is about a meeting, not about the call before it), and
* the question is not in the past tense: "When did Trump call Putin?" takes the call as done and asks a
  detail the source does not give; the event is not held open by it. Nor does a question of what will be
  ("When will the meeting take place?") hold open a report of what was ("met in Alaska in August"), and
* the people the question names are among the report's participants ("When will Trump and Putin meet?"
  is not about Orbán's call with Putin).

Then every other source that reports the development as decided ("taken" or "announced") diverges from it:
aspect "date" when the question asks when (another source's claim is the day it states, with the quote that
states it; when none states one, its report of the event as decided), else "status". Each claim is its
article's own quote.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from ..models import Briefing, Decision, Divergence, DivergenceAspect, Evidence, OpenQuestion
from ..text.dates import NormalDate
from ..text.event_kinds import BEFORE_VERB, event_kind
from ..text.normalise import fold
from .days import dated_evidence
from .diverge import ItemReports, claim

__all__ = ["NEAR", "held_open"]

NEAR = 200  # characters between a report's quote and a question's: the same or the next sentence
_SETTLED = {"taken", "announced"}
_PAST = re.compile(r"\s*(?:(?:when|where|why|how|what|who|with whom)\s+)?(?:did|was|were|had)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|going to|wird|werden)\b", re.IGNORECASE)
_WAS = re.compile("^" + BEFORE_VERB + r"(?:met|held|called|spoke|talked|visited)\b",
                  re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-ZÄÖÜ][^\W\d_]{2,}")
_WHEN = re.compile(r"\s*(?:when\b|until when\b|how soon\b|what (?:date|day|time)\b|wann\b)", re.IGNORECASE)


def _overlap(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def _near(a: Evidence, b: Evidence) -> bool:
    return a.start - NEAR <= b.end and b.start - NEAR <= a.end


@lru_cache(maxsize=1 << 14)
def _key(word: str) -> str:
    return fold(word)[:5]  # a name's first five letters: the question's "Zelenskyy" is the report's "Zelensky"


def _people(briefing: Briefing) -> frozenset[str]:
    """The keys (:func:`_key`) of the words of the names of a briefing's people."""
    return frozenset(_key(w) for a in briefing.actors if a.kind == "person"
                     for name in (a.name, a.name_as_written) for w in name.split())


def _question_about(report: Decision, questions: Sequence[OpenQuestion], people: Callable[[], frozenset[str]]
                    ) -> OpenQuestion | None:
    """The question of ``questions`` about ``report`` (see the module's rules); ``people``: the keys of the
    words of the article's people's names (:func:`_people`), asked for only when a question gets that far."""
    kind = event_kind(report.what)
    if kind is None:
        return None
    for question in questions:
        asked = question.evidence[0]
        if event_kind(question.question) != kind or any(_overlap(ev, asked) for ev in report.evidence):
            continue  # a sentence that reports the event itself: what it leaves open is a detail of its clause
        if not any(_near(ev, asked) for ev in report.evidence):
            continue
        if _PAST.match(question.question) or (_FUTURE.search(question.question) and _WAS.match(report.what.strip())):
            continue  # asks a detail of what happened, or of another event to come: neither holds this one open
        names = _CAPITALISED.findall(question.question)
        if names:
            known = people()
            taking_part = {_key(w) for name in (report.who, *report.participants) for w in name.split()}
            if not {k for w in names if (k := _key(w)) in known} <= taking_part:
                continue  # about other people's event
        return question
    return None


_NO_DAY = NormalDate(None, "unknown", "")  # a report that states no day of the event


def _ahead(when: NormalDate, day: dt.date | None) -> bool:
    """Whether a report's stated day can be the day of an event still to come: after the day its article speaks
    from. "Trump hatte am Donnerstag mit Putin telefoniert und ein Treffen angekündigt" in a Friday's article
    dates the announcement, not the meeting a question asks the day of; without the article's day, it may be."""
    return when.date is None or day is None or when.date > day


def held_open(
    groups: Sequence[ItemReports], briefings: Sequence[Briefing], sources: Mapping[str, str | None],
    published: Mapping[str, dt.date | None],
) -> list[Divergence]:
    """Divergences of developments that one source's open question holds open and another reports decided."""
    questions = {b.article.id: b.open_questions for b in briefings if b.open_questions}
    by_id = {b.article.id: b for b in briefings}
    people: dict[str, frozenset[str]] = {}  # article -> its people's name keys, made when a question needs them
    out: list[Divergence] = []
    for group in groups:
        if group.kind != "decision" or len({r.article_id for r in group.reports}) < 2:
            continue
        for reported in group.reports:
            asked = questions.get(reported.article_id)
            if not asked:
                continue
            article = reported.article_id
            question = _question_about(reported.item, asked,  # type: ignore[arg-type]
                                       lambda: people.get(article) or people.setdefault(article, _people(by_id[article])))
            if question is None:
                continue
            settled = [r for r in group.reports if r.article_id != reported.article_id and r.item.status in _SETTLED]
            if not settled:
                continue
            claims = [claim(reported.article_id, f"open: {question.question}", question.evidence[0], sources)]
            # a question of when holds the date open: the others' claims are the days they state, or, when none
            # states one, their reports of the event as decided
            aspect: DivergenceAspect = "date" if _WHEN.match(question.question) else "status"
            dated = [(r, *dated_evidence(r.item, published.get(r.article_id))) for r in settled]  # type: ignore[arg-type]
            if _FUTURE.search(question.question):  # the day a future event will be: no day its report looks back on
                dated = [(r, when, ev) if _ahead(when, published.get(r.article_id)) else (r, _NO_DAY, ev)
                         for r, when, ev in dated]
            if aspect == "date" and any(when.iso for _, when, _ in dated):
                claims += [claim(r.article_id, f"{when.iso} ({when.text})", ev, sources) for r, when, ev in dated if when.iso]
            else:
                claims += [claim(r.article_id, r.item.status, r.item.evidence[0], sources) for r in settled]
            out.append(Divergence(id="", item=group.item_id, topic=group.topic, aspect=aspect, claims=claims,
                                  articles=sorted({c.article_id for c in claims})))
            break  # one open question per development is enough to show it
    return out
