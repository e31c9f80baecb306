"""Deterministic event and question clustering: reports of one event (or one question) from different sources
become one digest item; the model-assisted pass (:mod:`summarize.digest.events`) may add :class:`EventHints`.

The keys take plain strings (a decider's name and a description, a question's text): no model objects needed.
Reports of one event that these keys keep apart are joined by :func:`summarize.digest.event_join.join_events`;
:mod:`summarize.digest.days` keeps reports of different days apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Decision, DivergenceAspect, OpenQuestion
from ..text.same_question import MIN_QUESTION_WORDS, QUESTION_THRESHOLD, question_word
from .buckets import Bucket, norm
from .entities import Resolver


CLUSTER_THRESHOLD = 80  # rapidfuzz token_set_ratio of two decisions' English descriptions
MAX_CLUSTERS_PER_ACTOR = 64  # bounded comparisons: cost stays linear in the number of decisions


def _first_at_least(text: str, representatives: list[str], threshold: float) -> int | None:
    """Index of the first representative whose ``token_set_ratio`` with ``text`` is at least ``threshold``
    (in order, stopping at the first hit), else None. A plain loop, not ``process.extract_iter``: each of
    its generators leaves some ten objects in reference cycles, garbage only the cyclic collector frees
    (350,000 of them at 20,000 briefings)."""
    ratio = fuzz.token_set_ratio
    for index, representative in enumerate(representatives):
        if ratio(text, representative, score_cutoff=threshold):
            return index
    return None


class DecisionClusters:
    """Deterministic event clustering: decisions from different sources about the same event become one.

    Two decisions meet when their deciders resolve to the same real-world actor (through the entity
    resolver, so "Selenskyj" and "Volodymyr Zelensky" meet) and their descriptions agree: rapidfuzz
    ``token_set_ratio`` >= :data:`CLUSTER_THRESHOLD` on the normalised English text ("stopped weapons
    deliveries to Ukraine" and "paused weapons deliveries to Ukraine" score ~85; unrelated decisions of the
    same person score far lower). Each decision is compared with at most :data:`MAX_CLUSTERS_PER_ACTOR`
    clusters of its actor's first and as many of its latest, so the cost stays linear and the result depends only
    on the input order; the same description of the same actor is always the same event."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._clusters: dict[str, list[tuple[str, str]]] = {}  # who-key -> [(representative text, key)]
        self._texts: dict[str, list[str]] = {}  # who-key -> the representative texts alone
        self._who: dict[str, str] = {}
        # (who-key, text) -> key: a text asked again is the event it was the first time
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
        # the actor's first clusters and its latest ones: an event told early and again late in a long
        # digest (one actor in a hundred articles) still meets its own report
        offset = max(MAX_CLUSTERS_PER_ACTOR, len(texts) - MAX_CLUSTERS_PER_ACTOR)
        first = _first_at_least(text, texts[:MAX_CLUSTERS_PER_ACTOR], CLUSTER_THRESHOLD)
        if first is None and len(texts) > MAX_CLUSTERS_PER_ACTOR:
            later = _first_at_least(text, texts[offset:], CLUSTER_THRESHOLD)
            first = None if later is None else offset + later
        if first is not None:
            key = clusters[first][1]
        else:
            key = f"{who}|{len(clusters)}"
            clusters.append((text, key))
            texts.append(text)
        if fuzz.token_set_ratio(text, text) >= CLUSTER_THRESHOLD:
            self._seen[(who, text)] = key  # the same text again is the same event (a text too short to match
        return key  # itself, "", is asked again)


class QuestionClusters:
    """Open questions that ask the same thing become one (:mod:`summarize.text.same_question`: equal folded
    text, or a close token-set ratio for questions of a few words that ask with the same word). At most
    :data:`MAX_CLUSTERS_PER_ACTOR` earlier clusters are compared per question (first come first served),
    so the cost stays linear."""

    def __init__(self) -> None:
        self._clusters: dict[str, list[tuple[str, str]]] = {}  # by the word a question asks with
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
            clusters = self._clusters.setdefault(question_word(text), [])
            recent = clusters[-MAX_CLUSTERS_PER_ACTOR:]
            first = _first_at_least(text, [r for r, _ in recent], QUESTION_THRESHOLD)
            if first is not None:
                key = recent[first][1]
            else:
                clusters.append((text, key))
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

