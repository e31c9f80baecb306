"""What the tests of the code's finders of acts share (warned, halted, requested, prepared, stances, offered,
considered, checks): a HAND-MADE text's sentence as located evidence, an actor of the briefing by its name, a
decision the model reported of a sentence, and a finder run over a text."""

from __future__ import annotations

from collections.abc import Callable
from types import EllipsisType

from summarize.briefing.numbered import Sentences
from summarize.models import Actor, Decision, Evidence


def sentence_evidence(text: str, n: int = 1) -> Evidence:
    """Sentence ``n`` of ``text`` (numbered from 1), located exactly: what a finder's ``evidence(n)`` gives."""
    sentences = Sentences.of(text)
    start, end = sentences.starts[n - 1], sentences.ends[n - 1]
    return Evidence(quote=text[start:end], start=start, end=end, alignment="exact", score=100.0)


def actor(name: str, kind: str = "state") -> Actor:
    """An actor of the briefing named ``name`` (its evidence is the name itself)."""
    return Actor(name=name, name_as_written=name, kind=kind, evidence=[sentence_evidence(name)])


def find(finder: Callable[..., list[Decision]], text: str, *lists: list, language: str | None | EllipsisType = ...) -> list[Decision]:
    """What ``finder`` finds in ``text``: its sentences, the briefing's ``lists`` (actors, weapons, decisions, as
    the finder takes them), each sentence as its evidence, and ``language`` when given (a finder that reads the
    same patterns in every language takes none)."""
    return finder(Sentences.of(text), *lists, lambda n: sentence_evidence(text, n), *(() if language is ... else (language,)))


def told(text: str, who: str, what: str, status: str = "taken", n: int = 1) -> Decision:
    """A decision the model reported of sentence ``n`` of ``text``, by ``who`` alone."""
    return Decision(who=who, participants=[who], what=what, status=status, evidence=[sentence_evidence(text, n)])

