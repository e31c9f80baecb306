"""Deterministic event and question clustering: reports of one event (or one question) from different sources
become one digest item; the model-assisted pass (:mod:`summarize.digest.events`) may add :class:`EventHints`.

The keys take plain strings (a decider's name and a description, a question's text): no model objects needed.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..text.dates import NormalDate, decision_date, normalise_date
from ..text.event_kinds import event_kind
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
JOIN_MAX_DAYS = 3  # two reports of one event: their dates (stated, else publication) at most this far apart


def bucket_day(bucket: Bucket, published: dict) -> dt.date | None:
    days = [d for a, item in bucket.pairs() if (d := _item_day(a, item, published)) is not None]  # type: ignore[arg-type]
    return min(days) if days else None


def reference_day(briefing: Briefing) -> dt.date | None:
    """The day an article speaks from: its publication date, else the latest full date (day, month and year)
    its located quotes state ("Am 4. Juli 2025 ..."). Used only to keep reports of different days apart."""
    if briefing.article.published:
        return briefing.article.published
    days = []
    for item in [*briefing.decisions, *briefing.actors, *briefing.weapons, *briefing.open_questions]:
        for ev in item.evidence:
            when = stated_date(ev.quote, None)
            if when.precision == "day" and when.date is not None:
                days.append(when.date)
    return max(days) if days else None


def _item_day(article_id: str, decision: Decision, published: dict) -> dt.date | None:
    when = decision_date(decision.evidence[0].quote, decision.date, published.get(article_id))
    if when.precision == "day" and when.date is not None:
        return when.date
    return published.get(article_id)


def split_by_day(buckets: list[Bucket], published: dict, clusters: DecisionClusters) -> list[Bucket]:
    """Reports of one decider in similar words are one event only when their days agree: each bucket is
    split so that reports of different articles share a part only when both days are known and at most
    :data:`JOIN_MAX_DAYS` apart, or, with a day unknown, when they word it nearly alike ("a call with Putin" in July and in October stays two events; "had a private
    conversation with Putin" and "followed a longer phone conversation with Putin" without dates are no
    evidence of the same call)."""
    out: list[Bucket] = []
    for bucket in buckets:
        parts: list[tuple[str, dt.date | None, set[str], Bucket, str]] = []
        for article_id, item in bucket.pairs():
            day = _item_day(article_id, item, published)  # type: ignore[arg-type]
            people = {clusters.who_key(p) for p in (item.participants or [item.who])}  # type: ignore[union-attr]
            what = norm(item.what)  # type: ignore[union-attr]
            home = next((part for part in parts if part[0] == article_id
                         or _compatible(day, part[1], people, part[2], what, part[4])), None)
            if home is None:
                home = (article_id, day, set(people), Bucket(bucket.order), what)
                parts.append(home)
            home[3].add(article_id, item)
        if len(parts) == 1:
            out.append(bucket)  # one part: the bucket as it was (the same reports in the same order)
        else:
            out.extend(part[3] for part in parts)
    return out


def _compatible(day: dt.date | None, other: dt.date | None, people: set[str], others: set[str],
                what: str, other_what: str) -> bool:
    if day is not None and other is not None:
        return abs((day - other).days) <= JOIN_MAX_DAYS
    # no dates: nearly the same words in the same order (a description that only contains the other, "had a
    # conversation with Putin", is not enough, and neither are the same participants: two leaders call again)
    return fuzz.token_sort_ratio(what, other_what) >= CLUSTER_THRESHOLD


def join_events(buckets: list[Bucket], clusters: DecisionClusters, published: dict) -> list[Bucket]:
    """Join decision buckets from different articles that report one event: the same kind of event (a call,
    a meeting, a pause ...), at least two participants in common after entity resolution (or one, and a
    similar description), no article in common, and dates (stated, else of publication) at most
    :data:`JOIN_MAX_DAYS` apart when both are known (when a day is unknown: two participants in common and
    nearly the same words in the same order, since the same two leaders call and meet again). Deterministic: buckets are taken in order and each
    joins the first earlier group it fits. Candidates come from an index by (kind, participant), at most
    :data:`MAX_CLUSTERS_PER_ACTOR` groups per key, so the cost stays linear in the number of decisions."""
    groups: list[list] = []  # [bucket, people, day, articles, what]
    index: dict[tuple[str, str], list[int]] = {}
    for bucket in buckets:
        decision = bucket.members[0]
        kind = event_kind(decision.what)  # type: ignore[union-attr]
        people = {clusters.who_key(p) for d in bucket.members for p in (d.participants or [d.who])}  # type: ignore[union-attr]
        day = bucket_day(bucket, published)
        articles = set(bucket.articles)
        what = norm(decision.what)  # type: ignore[union-attr]
        target = None
        if kind is not None:
            candidates = sorted({g for p in people for g in index.get((kind, p), [])[:MAX_CLUSTERS_PER_ACTOR]})
            for g in candidates:
                _, g_people, g_day, g_articles, g_what = groups[g]
                if g_articles & articles or (day and g_day and abs((day - g_day).days) > JOIN_MAX_DAYS):
                    continue
                shared = len(people & g_people)
                if day is None or g_day is None:  # no dates to go by: the same people and nearly the same words
                    fits = shared >= 2 and fuzz.token_sort_ratio(what, g_what) >= CLUSTER_THRESHOLD
                else:
                    fits = shared >= 2 or (shared == 1 and fuzz.token_set_ratio(what, g_what) >= 60)
                if fits:
                    target = g
                    break
        if target is None:
            groups.append([bucket, set(people), day, articles, what])
            target = len(groups) - 1
        else:
            group = groups[target]
            group[0].extend(bucket)
            group[3] |= articles
            people = people - group[1]
            group[1] |= people
        if kind is not None:
            for p in people:
                index.setdefault((kind, p), []).append(target)
    return [g[0] for g in groups]



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

