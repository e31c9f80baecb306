"""Deterministic event and question clustering: reports of one event (or one question) from different sources
become one digest item; the model-assisted pass (:mod:`summarize.digest.events`) may add :class:`EventHints`.

The keys take plain strings (a decider's name and a description, a question's text): no model objects needed.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from ..text.dates import NormalDate, decision_date, normalise_date, stated_months, stated_weekday
from ..text.event_kinds import INTERACTIONS, event_kind, same_kind
from ..models import Briefing, Decision, DivergenceAspect, OpenQuestion
from .buckets import Bucket, norm
from .entities import Resolver


@lru_cache(maxsize=1 << 16)  # one quote is read once per merge, not once per rule that needs its day
def stated_date(text: str, published: dt.date | None) -> NormalDate:
    return normalise_date(text, published)


CLUSTER_THRESHOLD = 80  # rapidfuzz token_set_ratio of two decisions' English descriptions
MAX_CLUSTERS_PER_ACTOR = 64  # bounded comparisons: cost stays linear in the number of decisions


def _first_at_least(text: str, representatives: list[str], threshold: float) -> int | None:
    """Index of the first representative whose ``token_set_ratio`` with ``text`` is at least ``threshold``
    (the comparisons run inside rapidfuzz, in order, stopping at the first hit), else None."""
    for _, _, index in process.extract_iter(text, representatives, scorer=fuzz.token_set_ratio,
                                            score_cutoff=threshold):
        return index
    return None


class DecisionClusters:
    """Deterministic event clustering: decisions from different sources about the same event become one.

    Two decisions meet when their deciders resolve to the same real-world actor (through the entity
    resolver, so "Selenskyj" and "Volodymyr Zelensky" meet) and their descriptions agree: rapidfuzz
    ``token_set_ratio`` >= :data:`CLUSTER_THRESHOLD` on the normalised English text ("stopped weapons
    deliveries to Ukraine" and "paused weapons deliveries to Ukraine" score ~85; unrelated decisions of the
    same person score far lower). Each decision is compared with at most :data:`MAX_CLUSTERS_PER_ACTOR`
    clusters of its actor, first come first served, so the result depends only on the input order."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._clusters: dict[str, list[tuple[str, str]]] = {}  # who-key -> [(representative text, key)]
        self._texts: dict[str, list[str]] = {}  # who-key -> the representative texts alone
        self._who: dict[str, str] = {}
        # (who-key, text) -> key, for texts whose answer can no longer change: the first hit among the first
        # MAX_CLUSTERS_PER_ACTOR clusters stays the first hit (clusters are only appended), and a text that
        # started a cluster within them finds itself (or an earlier hit) again
        self._seen: dict[tuple[str, str], str] = {}

    def who_key(self, who: str) -> str:
        if who not in self._who:
            self._who[who] = self.resolver.known_actor(who) or f"who:{norm(who)}"
        return self._who[who]

    def key(self, decision: Decision) -> str:
        return self.key_for(decision.who, decision.what)

    def key_for(self, who_name: str, what: str) -> str:
        """Cluster key of a decision given by its decider's name and its English description."""
        who = self.who_key(who_name)
        text = norm(what)
        seen = self._seen.get((who, text))
        if seen is not None:
            return seen
        clusters = self._clusters.setdefault(who, [])
        texts = self._texts.setdefault(who, [])
        first = _first_at_least(text, texts[:MAX_CLUSTERS_PER_ACTOR], CLUSTER_THRESHOLD)
        if first is not None:
            key = clusters[first][1]
        else:
            first, key = len(clusters), f"{who}|{len(clusters)}"
            clusters.append((text, key))
            texts.append(text)
        if first < MAX_CLUSTERS_PER_ACTOR and fuzz.token_set_ratio(text, text) >= CLUSTER_THRESHOLD:
            self._seen[(who, text)] = key  # (a text too short to match itself, "", is asked again)
        return key


# The same kind of event (summarize.text.event_kinds) with the same participants joins two sources' reports
# of one event that the rule above (same decider, similar words) keeps apart (join_events).
SIMILAR_WORDING = 70  # rapidfuzz token_sort_ratio: an undated and a dated report worded alike (a sign of one event)
JOIN_MAX_DAYS = 3  # two reports of one event: their dates (stated, else publication) at most this far apart


def reference_day(briefing: Briefing) -> dt.date | None:
    """The day an article speaks from: its publication date, else the latest full date (day, month and year)
    its located quotes state ("Am 4. Juli 2025 ..."). Used only to keep reports of different days apart."""
    if briefing.article.published:
        return briefing.article.published
    days = [when.date for quote in _quotes(briefing)
            if (when := stated_date(quote, None)).precision == "day" and when.date is not None]
    return max(days) if days else None


def _quotes(briefing: Briefing) -> Iterator[str]:
    """Every located quote of a briefing's items."""
    for item in [*briefing.decisions, *briefing.actors, *briefing.weapons, *briefing.open_questions]:
        for ev in item.evidence:
            yield ev.quote


def _item_day(article_id: str, decision: Decision, published: dict) -> dt.date | None:
    when = decision_date(decision.evidence[0].quote, decision.date, published.get(article_id))
    if when.precision == "day" and when.date is not None:
        return when.date
    return published.get(article_id)


def split_by_day(buckets: list[Bucket], published: dict, clusters: DecisionClusters) -> list[Bucket]:
    """Reports of one decider in similar words are one event only when their days agree: each bucket is
    split so that reports of different articles share a part only when both days are known and at most
    :data:`JOIN_MAX_DAYS` apart, or, with a day unknown, when they word it nearly alike ("a call with Putin"
    in July and in October stays two events; "had a private conversation with Putin" and "followed a longer
    phone conversation with Putin" without dates are no evidence of the same call). An undated report that
    fits dated parts of different days joins none of them: it cannot tell the July call from the October one.
    Dated reports are placed first; the parts keep the order of their first report."""
    out: list[Bucket] = []
    for bucket in buckets:
        if len(set(bucket.article_ids)) == 1:
            out.append(bucket)  # one article's reports: nothing to split
            continue
        reports = [(n, a, item, _item_day(a, item, published)) for n, (a, item) in enumerate(bucket.pairs())]  # type: ignore[arg-type]
        parts: list[tuple[str, dt.date | None, str, list[tuple[int, str, object]]]] = []
        for n, article_id, item, day in [r for r in reports if r[3] is not None] + [r for r in reports if r[3] is None]:
            what = norm(item.what)  # type: ignore[union-attr]
            fits = [part for part in parts if part[0] == article_id or _compatible(day, part[1], what, part[2])]
            days = [p[1] for p in fits if p[1] is not None]
            if day is None and days and (max(days) - min(days)).days > JOIN_MAX_DAYS:  # type: ignore[operator, type-var]
                fits = [p for p in fits if p[0] == article_id]
            home = fits[0] if fits else None
            if home is None:
                home = (article_id, day, what, [])
                parts.append(home)
            home[3].append((n, article_id, item))
        if len(parts) == 1:
            out.append(bucket)  # one part: the bucket as it was (the same reports in the same order)
            continue
        for part in sorted(parts, key=lambda p: min(r[0] for r in p[3])):
            split = Bucket(bucket.order)
            for _, article_id, item in sorted(part[3], key=lambda r: r[0]):
                split.add(article_id, item)  # type: ignore[arg-type]
            out.append(split)
    return out


def _compatible(day: dt.date | None, other: dt.date | None, what: str, other_what: str) -> bool:
    if day is not None and other is not None:
        return abs((day - other).days) <= JOIN_MAX_DAYS
    # no dates: nearly the same words in the same order (a description that only contains the other, "had a
    # conversation with Putin", is not enough, and neither are the same participants: two leaders call again)
    return fuzz.token_sort_ratio(what, other_what) >= CLUSTER_THRESHOLD


@dataclass
class _Group:
    """Reports of one event being joined: their buckets, people, articles, first description and timing."""

    parts: list[tuple[int, Bucket]]  # (input position, bucket): joined in input order at the end
    people: set[str]
    articles: set[str]
    what: str
    day: dt.date | None  # stated, else the day its article speaks from (reference_day)
    stated: bool  # whether ``day`` is stated in a quote (else it is the article's day, a bound after the event)
    weekday: int | None  # the weekday a quote names, when no day is known
    first: int  # position of the group's first bucket: the output keeps that order
    dated: set[str]  # the articles of its dated reports: an undated report must be linked to one of them
    kind: str  # the kind of its first report (a talk joins a call or a meeting: summarize.text.event_kinds)


def _timing(bucket: Bucket, published: dict) -> tuple[dt.date | None, bool, int | None]:
    """(day, whether it is stated, weekday) of a bucket's reports: the earliest day a quote states, else the
    earliest day their articles speak from."""
    stated, spoken = [], []
    for a, item in bucket.pairs():
        when = decision_date(item.evidence[0].quote, item.date, published.get(a))  # type: ignore[union-attr]
        if when.precision == "day" and when.date is not None:
            stated.append(when.date)
        elif (day := published.get(a)) is not None:
            spoken.append(day)
    if stated:
        return min(stated), True, None
    weekday = next((wd for item in bucket.members for ev in item.evidence[:1]
                    if (wd := stated_weekday(ev.quote)) is not None), None)
    return (min(spoken) if spoken else None), False, weekday


def _fits_time(group: _Group, weekday: int | None, floor: tuple[int | None, int] | None) -> bool:
    """Whether an undated report (its stated weekday, its article's floor) can be of a dated group's day."""
    day = group.day
    assert day is not None
    if weekday is not None:
        days = [day] if group.stated else [day - dt.timedelta(days=k) for k in range(JOIN_MAX_DAYS + 1)]
        if all(d.weekday() != weekday for d in days):
            return False
    if floor is not None:
        year, month = floor
        if (day.year, day.month) < ((year, month) if year is not None else (day.year, month)):
            return False  # the article speaks of a later month than the group's day: another event
    return True


def article_floor(briefing: Briefing) -> tuple[int | None, int] | None:
    """For an article without a day to speak from: the latest month its located quotes name ("Bereits im
    August hatten sich ..."), as (year or None, month). It was written after that month began, so it does
    not report an event of an earlier month as new. Only undated articles need one."""
    months = [m for quote in _quotes(briefing) for m in stated_months(quote)]
    if not months:
        return None
    years = [y for y, _ in months if y is not None]
    if not years:
        return None, max(m for _, m in months)
    latest = max(years)  # a month named without a year is taken to be of the latest year named
    return max((y if y is not None else latest, m) for y, m in months)


class StoryLinks:
    """Articles linked by an entity (given as the set of articles that name it) which at most a quarter of the
    run's ``n_articles`` name (at least two: of five articles, what only two of them share). Each article
    keeps the ids of its distinctive entities; two articles are linked when those sets meet, so memory and
    time stay linear in the mentions (no list of pairs, which an entity of 2,500 articles makes 3 million)."""

    def __init__(self, named_in: Iterable[Collection[str]], n_articles: int) -> None:
        limit = max(2, n_articles // 4)
        of: dict[str, list[int]] = {}
        for n, articles in enumerate(named_in):
            if 2 <= len(articles) <= limit:
                for a in articles:
                    of.setdefault(a, []).append(n)
        # tuples of ints: the cyclic collector stops tracking them (100,000 sets it would walk at every pass)
        self._of: dict[str, tuple[int, ...]] = {a: tuple(ns) for a, ns in of.items()}

    @classmethod
    def of_rows(cls, actors: Sequence[Any], weapons: Sequence[Any], n_articles: int, resolver: Resolver) -> StoryLinks:
        """The links of a digest's rows (``.name``, ``.articles``): every actor, and the weapons that are a
        named system (a kind, "drones", is named by every report of a war)."""
        named = [a.articles for a in actors]
        named += [w.articles for w in weapons if not resolver.resolve_weapon(w.name, w.name)[2]]
        return cls(named, n_articles)

    def linked(self, a: str, b: str) -> bool:
        return a != b and not set(self._of.get(a, ())).isdisjoint(self._of.get(b, ()))


def _bucket_kind(bucket: Bucket) -> str | None:
    """The kind of a bucket's reports: of its first report, unless that is a talk and another report says
    which (a talk worded like a meeting of the same decider is that meeting)."""
    first = event_kind(bucket.members[0].what)  # type: ignore[union-attr]
    if first != "talk" or len(bucket.members) == 1:
        return first
    specific = (k for m in bucket.members[1:] if (k := event_kind(m.what)) in INTERACTIONS and k != "talk")  # type: ignore[union-attr]
    return next(specific, first)


def _family(kind: str) -> str:
    """The index key of a kind: calls, meetings and talks share one, so a talk finds both."""
    return "interaction" if kind in INTERACTIONS else kind


def join_events(buckets: list[Bucket], clusters: DecisionClusters, published: dict,
                floors: dict | None = None, links: StoryLinks | None = None) -> list[Bucket]:
    """Join decision buckets from different articles that report one event: the same kind of event (a call,
    a meeting, a pause ...), participants in common after entity resolution, and no article in common.

    * Both dated (a stated day, else the day the article speaks from): at most :data:`JOIN_MAX_DAYS` apart,
      with two participants in common, or one and a similar description.
    * One undated: two participants in common, no contradiction (a weekday its quote names that the other's
      day cannot be, an article floor (:func:`article_floor`) after the other's month), one day to choose
      (when the report fits dated events of different days, a call with Putin in July and one in October, it
      joins none), and one sign of the same event: the same weekday, a similar description, or articles
      that name a distinctive thing in common (:class:`StoryLinks`).
    * Both undated: two participants in common, and the same weekday named, or nearly the same words in the
      same order (the same two leaders call and meet again).

    Deterministic: dated buckets first, in order, each joining the first earlier group it fits; then the
    undated ones. The output keeps the order of each group's first bucket. Candidates come from an index by
    (kind, participant), at most :data:`MAX_CLUSTERS_PER_ACTOR` groups per key, so the cost stays linear in
    the number of decisions."""
    floors = floors or {}
    links = links or StoryLinks((), 0)
    groups: list[_Group] = []
    index: dict[tuple[str, str], list[int]] = {}
    alone: list[tuple[int, Bucket]] = []  # buckets of no kind of event: nothing joins them
    undated: list[tuple[int, Bucket, str, set[str], int | None]] = []

    def place(n: int, bucket: Bucket, kind: str, people: set[str], target: int | None,
              day: dt.date | None, stated: bool, weekday: int | None) -> None:
        articles = set(bucket.articles)
        if target is None:
            groups.append(_Group([(n, bucket)], set(people), articles, norm(bucket.members[0].what), day, stated,  # type: ignore[union-attr]
                                 weekday, n, set(articles) if day is not None else set(), kind))
            target, new_people = len(groups) - 1, people
        else:
            group = groups[target]
            group.parts.append((n, bucket))
            group.articles |= articles
            if day is not None:
                group.dated |= articles
            group.first = min(group.first, n)
            new_people = people - group.people
            group.people |= new_people
            if group.weekday is None:
                group.weekday = weekday
            if group.kind == "talk":
                group.kind = kind  # a talk joined by a call is a call: a meeting no longer fits
        for p in new_people:
            index.setdefault((_family(kind), p), []).append(target)

    def candidates(kind: str, people: set[str], articles: list[str]) -> list[int]:
        family = _family(kind)
        return [g for g in sorted({g for p in people for g in index.get((family, p), [])[:MAX_CLUSTERS_PER_ACTOR]})
                if groups[g].articles.isdisjoint(articles) and same_kind(kind, groups[g].kind)]

    for n, bucket in enumerate(buckets):  # dated reports first, each joining the first earlier group it fits
        kind = _bucket_kind(bucket)
        if kind is None:
            alone.append((n, bucket))
            continue
        people = {clusters.who_key(p) for d in bucket.members for p in (d.participants or [d.who])}  # type: ignore[union-attr]
        day, stated, weekday = _timing(bucket, published)
        if day is None:
            undated.append((n, bucket, kind, people, weekday))
            continue
        what = norm(bucket.members[0].what)  # type: ignore[union-attr]
        target = None
        for g in candidates(kind, people, bucket.articles):
            group = groups[g]
            if group.day is None or abs((day - group.day).days) > JOIN_MAX_DAYS:
                continue
            shared = len(people & group.people)
            if shared >= 2 or (shared == 1 and fuzz.token_set_ratio(what, group.what) >= 60):
                target = g
                break
        place(n, bucket, kind, people, target, day, stated, None)
    for n, bucket, kind, people, weekday in undated:  # then the undated ones
        what = norm(bucket.members[0].what)  # type: ignore[union-attr]
        articles = bucket.articles
        floor = next((floors[a] for a in articles if floors.get(a) is not None), None)
        two = [g for g in candidates(kind, people, articles) if len(people & groups[g].people) >= 2]
        dated = [g for g in two if groups[g].day is not None and _fits_time(groups[g], weekday, floor)]
        days = [groups[g].day for g in dated]
        target = None
        if dated and (max(days) - min(days)).days <= JOIN_MAX_DAYS:  # type: ignore[operator, type-var]
            group = groups[dated[0]]
            if ((weekday is not None and group.stated and weekday == group.day.weekday())  # type: ignore[union-attr]
                    or fuzz.token_sort_ratio(what, group.what) >= SIMILAR_WORDING
                    or any(links.linked(a, b) for a in articles for b in group.dated)):
                target = dated[0]
        elif not dated:
            target = next((g for g in two if groups[g].day is None and (
                (weekday is not None and weekday == groups[g].weekday)
                or fuzz.token_sort_ratio(what, groups[g].what) >= CLUSTER_THRESHOLD)), None)
        place(n, bucket, kind, people, target, None, False, weekday)
    joined: list[tuple[int, Bucket]] = alone
    for g in groups:
        parts = [b for _, b in sorted(g.parts, key=lambda p: p[0])]
        for b in parts[1:]:
            parts[0].extend(b)
        joined.append((g.first, parts[0]))
    return [b for _, b in sorted(joined, key=lambda x: x[0])]



QUESTION_THRESHOLD = 85  # rapidfuzz token_set_ratio of two open questions' normalised text
MIN_QUESTION_WORDS = 4  # shorter questions merge only when equal ("What next?" is in every question)


class QuestionClusters:
    """Open questions that ask the same thing become one: equal normalised text, or, for questions of at
    least :data:`MIN_QUESTION_WORDS` words, token-set ratio >= :data:`QUESTION_THRESHOLD` ("Will the US deliver
    Tomahawks to Ukraine?" / "Will the US deliver Tomahawk missiles to Ukraine?"). At most
    :data:`MAX_CLUSTERS_PER_ACTOR` earlier clusters are compared per question (first come first served),
    so the cost stays linear."""

    def __init__(self) -> None:
        self._clusters: list[tuple[str, str]] = []
        self._exact: dict[str, str] = {}

    def key(self, question: OpenQuestion) -> str:
        return self.key_for(question.question)

    def key_for(self, question: str) -> str:
        """Cluster key of an open question given by its text."""
        text = norm(question)
        if text in self._exact:
            return self._exact[text]
        key = text
        if len(text.split()) >= MIN_QUESTION_WORDS:
            recent = self._clusters[-MAX_CLUSTERS_PER_ACTOR:]
            first = _first_at_least(text, [r for r, _ in recent], QUESTION_THRESHOLD)
            if first is not None:
                key = recent[first][1]
            else:
                self._clusters.append((text, key))
        self._exact[text] = key
        return key



@dataclass(frozen=True)
class EventHints:
    """What the model-assisted clustering pass said, by the ids of a deterministic merge (D1, D2, ...):
    ``groups`` of decisions that report one event, and ``differ``: ids of one event the sources describe
    differently, with the aspect. Hints never add text; they only join items and flag divergences."""

    groups: Sequence[Sequence[str]] = ()
    differ: Sequence[tuple[Sequence[str], DivergenceAspect]] = ()



def join_hints(buckets: list[Bucket], hints: EventHints) -> tuple[list[Bucket], dict[int, DivergenceAspect]]:
    """Buckets joined along the hints' groups (ids D1.. in the given order); returns the joined buckets and,
    per joined bucket index, an aspect flagged by the model."""
    index = {f"D{n}": n - 1 for n in range(1, len(buckets) + 1)}
    parent = list(range(len(buckets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(ids: Sequence[str]) -> int | None:
        members = [index[i] for i in ids if i in index]
        if not members:
            return None
        root = find(members[0])
        for m in members[1:]:
            r = find(m)
            if r != root:
                parent[max(r, root)] = min(r, root)
                root = min(r, root)
        return root

    for group in hints.groups:
        union(group)
    flagged: dict[int, DivergenceAspect] = {}
    flag_roots = [(union(ids), aspect) for ids, aspect in hints.differ]
    joined: dict[int, Bucket] = {}
    for i, bucket in enumerate(buckets):
        root = find(i)
        if root not in joined:
            joined[root] = Bucket(bucket.order)
        joined[root].extend(bucket)
    for root, aspect in flag_roots:
        if root is not None:
            flagged.setdefault(id(joined[find(root)]), aspect)
    return list(joined.values()), flagged

