"""Digest items as buckets: one per real-world item, holding every article's report of it in first-seen order.

:func:`group` puts the items of one field of the briefings into buckets by a key (an entity key, a cluster
key); a :class:`Bucket` gives the item's articles and its supporting quotes (at most
:data:`MAX_SUPPORT_PER_ARTICLE` per article and :data:`MAX_SUPPORT_PER_ITEM` in all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..models import Actor, Briefing, Decision, Evidence, OpenQuestion, Support, Weapon
from ..text.normalise import fold as norm  # the grouping key: one place for it

MAX_SUPPORT_PER_ARTICLE = 2
# Quotes kept per digest item: every supporting article stays in ``articles``, but an actor named in
# thousands of articles keeps its first 50 quotes, not 20,000 (output size, and merge time at scale).
MAX_SUPPORT_PER_ITEM = 50

# Every field of a Support is always given, so one set of field names serves them all (pydantic keeps one
# per model otherwise: a second object per quote for the cyclic collector to walk, and setting a field
# only adds a name the set already has).
_SUPPORT_FIELDS = set(Support.model_fields)


def support_of(article_id: str, ev: Evidence) -> Support:
    """The Support of a located quote: built from validated Evidence, so not validated again (100,000
    briefings make some 700,000 of these)."""
    return Support.model_construct(_SUPPORT_FIELDS, article_id=article_id, quote=ev.quote, start=ev.start, end=ev.end)


class Bucket:
    """Accumulates one digest item across briefings, in first-seen order.

    The reports are kept as two parallel lists (``article_ids[k]`` reported ``members[k]``), not as one
    ``(article id, item)`` tuple per report: at 100,000 briefings that is a million fewer objects for the
    cyclic collector to walk. :meth:`pairs` gives them back together."""

    __slots__ = ("order", "article_ids", "members", "_articles")

    def __init__(self, order: int) -> None:
        self.order = order
        self.article_ids: list[str] = []
        self.members: list[Actor | Decision | Weapon | OpenQuestion] = []
        self._articles: tuple[str, ...] | None = None  # a tuple of strings: the collector stops tracking it

    def add(self, article_id: str, item: Actor | Decision | Weapon | OpenQuestion) -> None:
        self.article_ids.append(article_id)
        self.members.append(item)
        self._articles = None

    def extend(self, other: Bucket) -> None:
        """Take ``other``'s reports after this one's."""
        self.article_ids.extend(other.article_ids)
        self.members.extend(other.members)
        self._articles = None

    def pairs(self) -> Iterable[tuple[str, Actor | Decision | Weapon | OpenQuestion]]:
        """``(article id, item)`` per report, in order."""
        return zip(self.article_ids, self.members)

    @property
    def articles(self) -> list[str]:
        """The distinct article ids, sorted (a fresh list each time; computed once per change)."""
        if self._articles is None:
            self._articles = tuple(sorted(set(self.article_ids)))
        return list(self._articles)

    def support(self, made: dict[tuple[str, int], Support] | None = None) -> list[Support]:
        """The item's quotes, at most :data:`MAX_SUPPORT_PER_ARTICLE` per article and
        :data:`MAX_SUPPORT_PER_ITEM` in all; each is also filed in ``made`` under ``(article id, id(evidence))``
        when given, for other lists of the same quotes to share (the timeline's)."""
        out: list[Support] = []
        per_article: dict[str, int] = {}
        taken: set[tuple[str, int]] = set()  # (article, start) already quoted: a set, not a scan (10k briefings)
        for article_id, item in zip(self.article_ids, self.members):
            if len(out) >= MAX_SUPPORT_PER_ITEM:
                break
            for ev in item.evidence:
                if per_article.get(article_id, 0) >= MAX_SUPPORT_PER_ARTICLE:
                    break
                if (article_id, ev.start) in taken:
                    continue
                taken.add((article_id, ev.start))
                per_article[article_id] = per_article.get(article_id, 0) + 1
                out.append(support := support_of(article_id, ev))
                if made is not None:
                    made[(article_id, id(ev))] = support
        return out


def unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and norm(v) not in seen:
            seen[norm(v)] = v
    return list(seen.values())


def group(
    briefings: Sequence[Briefing], field: str, key: Callable, *, last: Callable | None = None,
    sources: Callable[[list[str]], int] = len,
) -> list[Bucket]:
    """Items bucketed on ``key``; most supporting sources (``sources(article ids)``) first, then first-seen.
    Buckets whose first item is ``last(item)`` (generic weapons) go after all the others."""
    buckets: dict[str, Bucket] = {}
    for briefing in briefings:
        for item in getattr(briefing, field):
            k = key(item)
            if k not in buckets:
                buckets[k] = Bucket(len(buckets))
            buckets[k].add(briefing.article.id, item)

    def order(b: Bucket) -> tuple[bool, int, int]:
        return (bool(last and last(b.members[0])), -sources(b.articles), b.order)

    return sorted(buckets.values(), key=order)


def by_source(items: Iterable[tuple[str, Actor | Weapon]], detail: Callable) -> dict[str, tuple[str, ...]]:
    """Article id -> the distinct "written as (detail)" forms of one entity in that article. Tuples of
    strings: the cyclic collector stops tracking them, and there is one per entity and article (930,000 at
    100,000 briefings: as lists, a third of the merge's objects for each of its full passes to walk)."""
    out: dict[str, tuple[str, ...]] = {}  # built as tuples too: no dict per article for the collector to promote
    for article_id, item in items:
        extra = detail(item)
        form = f"{item.name_as_written} ({extra})" if extra else item.name_as_written
        forms = out.get(article_id, ())
        if form not in forms:  # an article writes an entity in one or two ways
            out[article_id] = (*forms, form)
    return out


def most_common(values: list[str], *, prefer_short: bool = False) -> str:
    """The most frequent value; ties go to the longer one (fuller names), or the shorter with prefer_short."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -len(v) if prefer_short else len(v)))

