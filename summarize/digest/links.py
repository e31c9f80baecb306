"""Story links: articles that name a distinctive thing in common (an entity few of the run's articles name), a
sign that their reports may be of one event. Read by :func:`summarize.digest.event_join.join_events` and the
model-assisted pass (:mod:`summarize.digest.events`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from .entities import Resolver


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
