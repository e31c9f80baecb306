"""Model-assisted event clustering: the model relates decisions by id; it never writes a fact.

The deterministic merge joins decisions whose deciders resolve to the same actor and whose descriptions
agree. It cannot see that "Trump praised the call" and "Ushakov called the call frank" report one phone
call. This optional pass shows the model the key developments (``D1``... with their sources, who, what
and a quote) and asks for two lists of ids: ``same_event`` groups and ``described_differently`` groups with
an aspect. The answer is checked entry by entry: unknown ids are dropped (and re-asked once), a counted run of
ids ("D1".."D8") is ignored, and each
group is cut to the parts the code finds plausible (:class:`Plausibility`: different articles, a shared
distinctive word); parts of fewer than two ids are ignored. The result is an :class:`~summarize.digest.merge.EventHints`,
which :func:`~summarize.digest.merge.merge` applies; every quote in the digest stays an article's own.
"""

from __future__ import annotations

import re
from typing import Any

from ..llm.structured import AsyncClient
from pydantic import BaseModel, Field, ValidationInfo, model_validator

from ..models import Digest, DivergenceAspect, PassReport
from ..text.event_kinds import event_kind, same_kind
from ..settings import Settings
from .days import JOIN_MAX_DAYS
from .links import StoryLinks
from .entities import Resolver
from .merge import EventHints, default_aliases
from ..llm.validation import current
from .passes import Answer, acall, quote, request

MAX_ITEMS = 60  # decisions offered to the model: the first 60 key developments (prompt stays ~3k tokens)
MAX_GROUP = 8
ASPECTS = ("status", "date", "number", "characterisation")


class _Group(BaseModel):
    ids: list[str] = Field(min_length=2, max_length=MAX_GROUP)


class _Differ(_Group):
    aspect: DivergenceAspect


class EventsAnswer(BaseModel):
    """What the model fills: groups of ids only."""

    same_event: list[_Group] = Field(default_factory=list, max_length=12)
    described_differently: list[_Differ] = Field(default_factory=list, max_length=12)

    @model_validator(mode="after")
    def _known_ids(self, info: ValidationInfo) -> EventsAnswer:
        known: set[str] = current(info).get("ids", set())
        if not known:
            return self
        unknown = sorted({i for g in [*self.same_event, *self.described_differently] for i in g.ids} - known)
        if unknown:
            raise ValueError(f"unknown ids {', '.join(unknown)}: use only the ids given in <items>")
        return self


def items_text(digest: Digest, tags: dict[str, str]) -> str:
    lines = []
    for d in digest.decisions[:MAX_ITEMS]:
        sources = ",".join(tags.get(a, a) for a in d.articles)
        lines.append(f"{d.id} [{sources}] {d.who}: {d.what} ({', '.join(d.statuses)}) | \"{quote(d.support[0].quote)}\"")
    return "\n".join(lines)


def _clean_ids(raw: Any, known: set[str]) -> list[str]:
    if not isinstance(raw, list):
        return []
    return list(dict.fromkeys(i.strip() for i in raw if isinstance(i, str) and i.strip() in known))[:MAX_GROUP]


_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = {
    "that", "this", "with", "from", "have", "will", "would", "were", "their", "they", "about", "after", "before",
    "over", "also", "into", "than", "been", "more", "other", "some", "which", "there", "dass", "sich", "nicht",
    "eine", "einer", "einen", "einem", "eines", "werden", "wurde", "wird", "sind", "sein", "seine", "seiner",
    "auch", "noch", "nach", "oder", "aber", "wenn", "durch", "gegen", "habe", "hatte", "haben", "bereits",
    "decided", "announced", "said", "says", "made",
}
COMMON_SHARE = 0.2  # a word in more than 20 % of the offered decisions (e.g. "Ukraine") tells events apart badly


class Plausibility:
    """The code's check on the model's groups: two decisions can be one event only if they come from
    different articles, their descriptions or quotes share a distinctive word (not a decider's name,
    not a stop word, not a word that most decisions contain), and their descriptions name no different kinds
    of event (:func:`~summarize.text.event_kinds.event_kind`: a call is not a meeting), and their articles can
    report one event: not published more than :data:`~summarize.digest.days.JOIN_MAX_DAYS` apart, and,
    unless both are dated, linked by a distinctive entity both name
    (:class:`~summarize.digest.links.StoryLinks`: a Tomahawk, Ushakov; not Trump). A group is cut into the connected parts
    that pass; parts with fewer than two ids are ignored. A small model that groups ids in runs
    ("D1".."D8") so gets none of its implausible joins through."""

    def __init__(self, digest: Digest) -> None:
        decisions = digest.decisions[:MAX_ITEMS]
        names = {w.casefold() for d in decisions for w in _WORD.findall(d.who)}
        self.words: dict[str, set[str]] = {}
        self.articles: dict[str, set[str]] = {}
        self.kinds = {d.id: event_kind(d.what) for d in decisions}
        for d in decisions:
            text = " ".join([d.what, *(s.quote for s in d.support)])
            self.words[d.id] = {w.casefold() for w in _WORD.findall(text)} - names - _STOP
            self.articles[d.id] = set(d.articles)
        df: dict[str, int] = {}
        for words in self.words.values():
            for w in words:
                df[w] = df.get(w, 0) + 1
        limit = max(2, int(COMMON_SHARE * len(decisions)))
        common = {w for w, n in df.items() if n > limit}
        for words in self.words.values():
            words -= common
        self.published = {a.id: a.published for a in digest.articles}
        self.links = StoryLinks.of_rows(digest.actors, digest.weapons, len(digest.articles), Resolver(default_aliases()))

    def _same_time(self, a: str, b: str) -> bool:
        for x in self.articles[a]:
            for y in self.articles[b]:
                dx, dy = self.published.get(x), self.published.get(y)
                if dx is not None and dy is not None:
                    if abs((dx - dy).days) <= JOIN_MAX_DAYS:
                        return True
                elif self.links.linked(x, y):
                    return True
        return False

    def related(self, a: str, b: str) -> bool:
        ka, kb = self.kinds[a], self.kinds[b]
        return (self.articles[a] != self.articles[b] and bool(self.words[a] & self.words[b])
                and (ka is None or kb is None or same_kind(ka, kb)) and self._same_time(a, b))  # a call is not a meeting, a pause not a delivery

    def parts(self, ids: list[str]) -> list[list[str]]:
        out: list[list[str]] = []
        left = list(ids)
        while left:
            part, frontier = [left.pop(0)], 0
            while frontier < len(part):
                for other in [i for i in left if self.related(part[frontier], i)]:
                    left.remove(other)
                    part.append(other)
                frontier += 1
            if len(part) >= 2 and len(set().union(*(self.articles[i] for i in part))) >= 2:
                out.append(part)
        return out


MIN_RUN = 4  # a group of this many ids or more that runs D5, D6, D7, D8 is the model counting, not relating


def counted(ids: list[str]) -> bool:
    """Whether a group is a run of consecutive ids ("D1".."D8"): a small model's way of filling the list."""
    numbers = sorted(int(i[1:]) for i in ids if i[1:].isdigit())
    return len(numbers) >= MIN_RUN and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def hints_from(answer: Answer, known: set[str], check: Plausibility | None = None) -> EventHints:
    """Salvage the answer entry by entry: unknown ids dropped, a counted run of ids (:func:`counted`) ignored,
    groups cut to their plausible parts (see :class:`Plausibility`), parts of fewer than two ids ignored."""

    def parts(ids: list[str]) -> list[list[str]]:
        if counted(ids):
            return []
        if check is None:
            return [ids] if len(ids) >= 2 else []
        return check.parts(ids)

    groups = []
    for entry in answer.data.get("same_event") or []:
        groups += parts(_clean_ids(entry.get("ids") if isinstance(entry, dict) else None, known))
    differ: list[tuple[list[str], DivergenceAspect]] = []
    for entry in answer.data.get("described_differently") or []:
        if not isinstance(entry, dict) or entry.get("aspect") not in ASPECTS:
            continue
        differ += [(ids, entry["aspect"]) for ids in parts(_clean_ids(entry.get("ids"), known))]
    return EventHints(groups=groups, differ=differ)


def _prepare(digest: Digest, settings: Settings, tags: dict[str, str]) -> tuple[dict[str, Any], set[str]] | None:
    if len(digest.decisions) < 2:
        return None
    known = {d.id for d in digest.decisions[:MAX_ITEMS]}
    return request(settings, "events", EventsAnswer, items_text(digest, tags), {"ids": known}), known


def _report(answer: Answer, hints: EventHints) -> PassReport:
    return PassReport(name="events", status="ok", llm_calls=answer.calls, usage=answer.usage,
                      message=f"{len(hints.groups)} same-event groups, {len(hints.differ)} flagged as described differently")


async def acluster(client: AsyncClient, digest: Digest, settings: Settings,
                   tags: dict[str, str]) -> tuple[EventHints, PassReport]:
    """The model's event hints for the digest's key developments (checked, see :func:`hints_from`) and the
    pass report."""
    prepared = _prepare(digest, settings, tags)
    if prepared is None:
        return EventHints(), PassReport(name="events", status="ok", message="fewer than two decisions: nothing to relate")
    answer = await acall(client, prepared[0], "events")
    hints = hints_from(answer, prepared[1], Plausibility(digest))
    return hints, _report(answer, hints)
