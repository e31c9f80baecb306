"""Briefings -> Digest: one entry per actor, decision, weapon and open question across articles.

Actors and weapons are merged on the keys of :class:`summarize.digest.entities.Resolver` (alias table,
transliteration, bounded fuzzy matching: "Selenskyj" and "Volodymyr Zelensky" meet, Putin, the Kremlin
and Russia never do) and shown under its canonical names; generic weapons ("drones", "air defence")
come after the named systems. Decisions and questions are merged on a normalised text key.
Every digest item keeps, per supporting article (up to MAX_SUPPORT_PER_ITEM quotes in all), the located quotes that back it: nothing enters the
digest without one. Ordering: most supporting articles first, then order of first appearance
(generic weapons after all named ones).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..models import (
    Actor,
    Briefing,
    Decision,
    Evidence,
    Digest,
    DivergenceAspect,
    DigestActor,
    DigestDecision,
    DigestMeta,
    DigestQuestion,
    DigestWeapon,
    Failure,
    OpenQuestion,
    Support,
    TimelineEvent,
    Usage,
    Weapon,
)
from ..text.dates import decision_date, normalise_date
from .diverge import ItemReports, Reported, find_divergences, model_divergence
from .entities import Resolver, load_aliases
from ..text.normalise import fold as norm

MAX_SUPPORT_PER_ARTICLE = 2
# Quotes kept per digest item: every supporting article stays in ``articles``, but an actor named in
# thousands of articles keeps its first 50 quotes, not 20,000 (output size, and merge time at scale).
MAX_SUPPORT_PER_ITEM = 50


def actor_key(actor: Actor, resolver: Resolver | None = None) -> str:
    """Grouping key of an actor (see :mod:`summarize.digest.entities`); a fresh default resolver if none."""
    return (resolver or Resolver(_default_aliases())).actor_key(actor)


def weapon_key(weapon: Weapon, resolver: Resolver | None = None) -> str:
    """Grouping key of a weapon: named systems ("Patriot-Systeme", "Patriots", "PAC-3" -> Patriot) meet;
    generic mentions ("Drohnen", "Flugabwehr") get their own ``generic:`` keys."""
    return (resolver or Resolver(_default_aliases())).weapon_key(weapon)


@lru_cache(maxsize=1)
def _default_aliases() -> dict:
    return load_aliases()


def decision_key(decision: Decision) -> str:
    return f"{norm(decision.who)}|{norm(decision.what)}"


CLUSTER_THRESHOLD = 80  # rapidfuzz token_set_ratio of two decisions' English descriptions
MAX_CLUSTERS_PER_ACTOR = 64  # bounded comparisons: cost stays linear in the number of decisions


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
        self._who: dict[str, str] = {}

    def who_key(self, who: str) -> str:
        if who not in self._who:
            self._who[who] = self._who_key(who)
        return self._who[who]

    def _who_key(self, who: str) -> str:
        for kind in ("person", "state", "organisation"):
            probe = Actor(name=who, name_as_written=who, kind=kind,  # type: ignore[arg-type]
                          evidence=[Evidence(quote=who or "-", start=0, end=max(1, len(who)), alignment="exact", score=100)])
            key, canonical = self.resolver._resolve_actor(probe)  # noqa: SLF001 - same package
            if canonical is not None:
                return key
        return f"who:{norm(who)}"

    def key(self, decision: Decision) -> str:
        who = self.who_key(decision.who)
        text = norm(decision.what)
        clusters = self._clusters.setdefault(who, [])
        for representative, key in clusters[:MAX_CLUSTERS_PER_ACTOR]:
            if fuzz.token_set_ratio(text, representative) >= CLUSTER_THRESHOLD:
                return key
        key = f"{who}|{len(clusters)}"
        clusters.append((text, key))
        return key


# Kinds of event, read off a decision's English description. Two sources word the same phone call as
# "held a phone call with Putin" and "spoke with Putin about the war": the rule above (same decider,
# similar words) keeps them apart; the same kind with the same participants joins them (join_events).
EVENT_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("call", ("call", "phone", "telephon", "spoke", "speak", "talked", "conversation")),
    ("meeting", ("meet", "summit", "visit", "hold talks", "held talks")),
    ("pause", ("pause", "halt", "stop", "suspend", "freez", "withh", "hold back", "held back")),
    ("purchase", ("buy", "purchas", "procur", "acquir")),
    ("production", ("produc", "manufactur")),
    ("delivery", ("deliver", "send", "sent", "supply", "supplie", "provide")),
    ("sanction", ("sanction",)),
)
JOIN_MAX_DAYS = 3  # two reports of one event: their dates (stated, else publication) at most this far apart


def event_kind(what: str) -> str | None:
    words = norm(what)
    for kind, stems in EVENT_KINDS:
        if any(re.search(r"(?<!\w)" + re.escape(stem), words) for stem in stems):
            return kind
    return None


def _bucket_day(bucket: _Bucket, published: dict) -> dt.date | None:
    days = [d for a, item in bucket.items if (d := _item_day(a, item, published)) is not None]  # type: ignore[arg-type]
    return min(days) if days else None


def reference_day(briefing: Briefing) -> dt.date | None:
    """The day an article speaks from: its publication date, else the latest full date (day, month and year)
    its located quotes state ("Am 4. Juli 2025 ..."). Used only to keep reports of different days apart."""
    if briefing.article.published:
        return briefing.article.published
    days = []
    for item in [*briefing.decisions, *briefing.actors, *briefing.weapons, *briefing.open_questions]:
        for ev in item.evidence:
            when = normalise_date(ev.quote, None)
            if when.precision == "day" and when.date is not None:
                days.append(when.date)
    return max(days) if days else None


def _item_day(article_id: str, decision: Decision, published: dict) -> dt.date | None:
    when = decision_date(decision.evidence[0].quote, decision.date, published.get(article_id))
    if when.precision == "day" and when.date is not None:
        return when.date
    return published.get(article_id)


def _split_by_day(buckets: list[_Bucket], published: dict, clusters: DecisionClusters) -> list[_Bucket]:
    """Reports of one decider in similar words are one event only when their days agree: each bucket is
    split so that reports of different articles share a part only when both days are known and at most
    :data:`JOIN_MAX_DAYS` apart, or, with a day unknown, when they name two or more participants in common or
    word it nearly alike ("a call with Putin" in July and in October stays two events; "had a private
    conversation with Putin" and "followed a longer phone conversation with Putin" without dates are no
    evidence of the same call)."""
    out: list[_Bucket] = []
    for bucket in buckets:
        parts: list[tuple[str, dt.date | None, set[str], _Bucket, str]] = []
        for article_id, item in bucket.items:
            day = _item_day(article_id, item, published)  # type: ignore[arg-type]
            people = {clusters.who_key(p) for p in (item.participants or [item.who])}  # type: ignore[union-attr]
            what = norm(item.what)  # type: ignore[union-attr]
            home = next((part for part in parts if part[0] == article_id
                         or _compatible(day, part[1], people, part[2], what, part[4])), None)
            if home is None:
                home = (article_id, day, set(people), _Bucket(bucket.order), what)
                parts.append(home)
            home[3].add(article_id, item)
        out.extend(part[3] for part in parts)
    return out


def _compatible(day: dt.date | None, other: dt.date | None, people: set[str], others: set[str],
                what: str, other_what: str) -> bool:
    if day is not None and other is not None:
        return abs((day - other).days) <= JOIN_MAX_DAYS
    # no dates: the same participants, or nearly the same words in the same order (a description that only
    # contains the other, "had a conversation with Putin", is not enough)
    return len(people & others) >= 2 or fuzz.token_sort_ratio(what, other_what) >= CLUSTER_THRESHOLD


def join_events(buckets: list[_Bucket], clusters: DecisionClusters, published: dict) -> list[_Bucket]:
    """Join decision buckets from different articles that report one event: the same kind of event (a call,
    a meeting, a pause ...), at least two participants in common after entity resolution (or one, and a
    similar description), no article in common, and dates (stated, else of publication) at most
    :data:`JOIN_MAX_DAYS` apart when both are known (when a day is unknown: two participants in common and a
    similar description). Deterministic: buckets are taken in order and each
    joins the first earlier group it fits. Candidates come from an index by (kind, participant), at most
    :data:`MAX_CLUSTERS_PER_ACTOR` groups per key, so the cost stays linear in the number of decisions."""
    groups: list[list] = []  # [bucket, people, day, articles, what]
    index: dict[tuple[str, str], list[int]] = {}
    for bucket in buckets:
        decision = bucket.items[0][1]
        kind = event_kind(decision.what)  # type: ignore[union-attr]
        people = {clusters.who_key(p) for _, d in bucket.items for p in (d.participants or [d.who])}  # type: ignore[union-attr]
        day = _bucket_day(bucket, published)
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
                similar = fuzz.token_set_ratio(what, g_what) >= 60
                if day is None or g_day is None:  # no dates to go by: the same people and similar words
                    fits = shared >= 2 and similar
                else:
                    fits = shared >= 2 or (shared == 1 and similar)
                if fits:
                    target = g
                    break
        if target is None:
            groups.append([bucket, set(people), day, articles, what])
            target = len(groups) - 1
        else:
            group = groups[target]
            group[0].items.extend(bucket.items)
            group[3] |= articles
            people = people - group[1]
            group[1] |= people
        if kind is not None:
            for p in people:
                index.setdefault((kind, p), []).append(target)
    return [g[0] for g in groups]


def question_key(question: OpenQuestion) -> str:
    return norm(question.question)


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
        text = norm(question.question)
        if text in self._exact:
            return self._exact[text]
        key = text
        if len(text.split()) >= MIN_QUESTION_WORDS:
            for representative, k in self._clusters[-MAX_CLUSTERS_PER_ACTOR:]:
                if fuzz.token_set_ratio(text, representative) >= QUESTION_THRESHOLD:
                    key = k
                    break
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


class _Bucket:
    """Accumulates one digest item across briefings, in first-seen order."""

    def __init__(self, order: int) -> None:
        self.order = order
        self.items: list[tuple[str, Actor | Decision | Weapon | OpenQuestion]] = []

    def add(self, article_id: str, item: Actor | Decision | Weapon | OpenQuestion) -> None:
        self.items.append((article_id, item))

    @property
    def articles(self) -> list[str]:
        return sorted({a for a, _ in self.items})

    def support(self) -> list[Support]:
        out: list[Support] = []
        per_article: dict[str, int] = {}
        taken: set[tuple[str, int]] = set()  # (article, start) already quoted: a set, not a scan (10k briefings)
        for article_id, item in self.items:
            if len(out) >= MAX_SUPPORT_PER_ITEM:
                break
            for ev in item.evidence:
                if per_article.get(article_id, 0) >= MAX_SUPPORT_PER_ARTICLE:
                    break
                if (article_id, ev.start) in taken:
                    continue
                taken.add((article_id, ev.start))
                per_article[article_id] = per_article.get(article_id, 0) + 1
                # built from validated Evidence: skip re-validation (10k briefings make ~100k of these)
                out.append(Support.model_construct(article_id=article_id, quote=ev.quote, start=ev.start, end=ev.end))
        return out


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and norm(v) not in seen:
            seen[norm(v)] = v
    return list(seen.values())


def _group(
    briefings: Sequence[Briefing], field: str, key: Callable, *, last: Callable | None = None,
    sources: Callable[[list[str]], int] = len,
) -> list[_Bucket]:
    """Items bucketed on ``key``; most supporting sources (``sources(article ids)``) first, then first-seen.
    Buckets whose first item is ``last(item)`` (generic weapons) go after all the others."""
    buckets: dict[str, _Bucket] = {}
    for briefing in briefings:
        for item in getattr(briefing, field):
            k = key(item)
            if k not in buckets:
                buckets[k] = _Bucket(len(buckets))
            buckets[k].add(briefing.article.id, item)

    def order(b: _Bucket) -> tuple[bool, int, int]:
        return (bool(last and last(b.items[0][1])), -sources(b.articles), b.order)

    return sorted(buckets.values(), key=order)


def _by_source(items: list[tuple[str, Actor | Weapon]], detail: Callable) -> dict[str, list[str]]:
    """Article id -> the distinct "written as (detail)" forms of one entity in that article."""
    out: dict[str, dict[str, None]] = {}
    for article_id, item in items:
        extra = detail(item)
        out.setdefault(article_id, {})[f"{item.name_as_written} ({extra})" if extra else item.name_as_written] = None
    return {a: list(forms) for a, forms in out.items()}


def _most_common(values: list[str], *, prefer_short: bool = False) -> str:
    """The most frequent value; ties go to the longer one (fuller names), or the shorter with prefer_short."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -len(v) if prefer_short else len(v)))


def _timeline_events(items: list, published: dict, sources: Callable[[list[str]], int] = len) -> list[TimelineEvent]:  # noqa: ANN001
    """One event per date of a merged decision, with the articles that state it. The date is read from the
    decision's located evidence quote (explicit, or relative to the publication date), never taken from the
    model's ``date`` field, which can be invented."""
    by_date: dict[tuple[str, str], list[tuple[str, Decision, str]]] = {}
    for article_id, decision in items:
        when = decision_date(decision.evidence[0].quote, decision.date, published.get(article_id))
        if when.iso is None:
            continue
        by_date.setdefault((when.iso, when.precision), []).append((article_id, decision, when.text))
    events = []
    for (iso, precision), rows in by_date.items():
        articles = sorted({a for a, _, _ in rows})
        support = [Support(article_id=a, quote=d.evidence[0].quote, start=d.evidence[0].start, end=d.evidence[0].end)
                   for a, d, _ in rows]
        events.append(TimelineEvent(
            date=iso, precision=precision, stated=list(dict.fromkeys(t for _, _, t in rows)),  # type: ignore[arg-type]
            who=rows[0][1].who, what=rows[0][1].what, articles=articles, count=sources(articles), support=support,
        ))
    return events


def _join(buckets: list[_Bucket], hints: EventHints) -> tuple[list[_Bucket], dict[int, DivergenceAspect]]:
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
    joined: dict[int, _Bucket] = {}
    for i, bucket in enumerate(buckets):
        root = find(i)
        if root not in joined:
            joined[root] = _Bucket(bucket.order)
        joined[root].items.extend(bucket.items)
    for root, aspect in flag_roots:
        if root is not None:
            flagged.setdefault(id(joined[find(root)]), aspect)
    return list(joined.values()), flagged


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of a merge, then restore its state.

    A merge allocates many small objects that form no reference cycles (reference counting frees them);
    at 10,000 briefings the collector's repeated full passes over the live briefings took ~1 s of ~4.5 s."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def merge(
    briefings: Sequence[Briefing], failures: Sequence[Failure] = (), *, lang: str = "en",
    resolver: Resolver | None = None, hints: EventHints | None = None,
    tone: tuple[Sequence[str], Sequence[str]] | None = None,
) -> Digest:
    """Merge briefings (in the order given) into a digest; ``failures`` are carried over as they are.

    Actors and weapons are grouped and named by ``resolver`` (default: a fresh one on the built-in
    alias table, ``summarize/data/aliases.json``). ``hints`` (from the clustering pass,
    :mod:`summarize.digest.events`) join decisions of one event and flag divergences by the ids a merge
    without hints gives. Divergences are found by the rules of :mod:`summarize.digest.diverge`."""
    with _cyclic_gc_paused():
        return _merge(briefings, failures, lang=lang, resolver=resolver, hints=hints, tone=tone)


def _merge(
    briefings: Sequence[Briefing], failures: Sequence[Failure] = (), *, lang: str = "en",
    resolver: Resolver | None = None, hints: EventHints | None = None,
    tone: tuple[Sequence[str], Sequence[str]] | None = None,
) -> Digest:
    resolver = resolver or Resolver(_default_aliases())
    # Corroboration counts sources, not files: near copies of one article (the same wire story under
    # another header, see summarize.article.copies) count once.
    source_of = {b.article.id: b.article.near_copy_of or b.article.id for b in briefings}

    def n_sources(article_ids: list[str]) -> int:
        return len({source_of.get(a, a) for a in article_ids})

    actors = []
    for b in _group(briefings, "actors", resolver.actor_key, sources=n_sources):
        items: list[Actor] = [i for _, i in b.items]  # type: ignore[misc]
        actors.append(
            DigestActor(
                name=_most_common([resolver.canonical_actor(i) for i in items]),
                kind=_most_common([i.kind for i in items]),  # type: ignore[arg-type]
                names_as_written=_unique(i.name_as_written for i in items),
                roles=_unique(i.role for i in items),
                by_source=_by_source(b.items, lambda i: i.role),  # type: ignore[arg-type]
                articles=b.articles, count=n_sources(b.articles), support=b.support(),
            )
        )
    decisions = []
    timeline: list[TimelineEvent] = []
    published = {b.article.id: b.article.published for b in briefings}
    latest = {b.article.id: b.article.published for b in briefings}
    clusters = DecisionClusters(resolver)
    reference = {b.article.id: reference_day(b) for b in briefings}
    decision_buckets = join_events(_split_by_day(_group(briefings, "decisions", clusters.key), reference, clusters),
                                   clusters, reference)

    def developments(b: _Bucket) -> tuple[int, int, int]:
        # key developments: corroborated by most sources first, then the most recently published
        return (-n_sources(b.articles), -max((latest[a].toordinal() for a in b.articles if latest.get(a)), default=0),
                b.order)

    decision_buckets.sort(key=developments)
    flagged: dict[int, DivergenceAspect] = {}
    if hints is not None and (hints.groups or hints.differ):
        decision_buckets, flagged = _join(decision_buckets, hints)
        decision_buckets.sort(key=developments)
    for b in decision_buckets:
        ds: list[Decision] = [i for _, i in b.items]  # type: ignore[misc]
        timeline.extend(_timeline_events(b.items, published, n_sources))
        decisions.append(
            DigestDecision(
                who=ds[0].who, what=ds[0].what,
                statuses=list(dict.fromkeys(d.status for d in ds)),
                dates=_unique(d.date for d in ds),
                articles=b.articles, count=n_sources(b.articles), support=b.support(),
            )
        )
    weapons = []
    weapon_buckets = _group(briefings, "weapons", resolver.weapon_key, last=resolver.is_generic_weapon, sources=n_sources)
    for b in weapon_buckets:
        ws: list[Weapon] = [i for _, i in b.items]  # type: ignore[misc]
        weapons.append(
            DigestWeapon(
                name=_most_common([resolver.canonical_weapon(w) for w in ws], prefer_short=True),
                category=_most_common([w.category for w in ws]),
                names_as_written=_unique(w.name_as_written for w in ws),
                statuses=list(dict.fromkeys(w.status for w in ws)),
                by_source=_by_source(b.items, lambda w: w.status),  # type: ignore[arg-type]
                articles=b.articles, count=n_sources(b.articles), support=b.support(),
            )
        )
    questions = []
    for b in _group(briefings, "open_questions", QuestionClusters().key, sources=n_sources):
        qs: list[OpenQuestion] = [i for _, i in b.items]  # type: ignore[misc]
        questions.append(
            DigestQuestion(question=qs[0].question, articles=b.articles, count=n_sources(b.articles), support=b.support())
        )

    for prefix, group in (("A", actors), ("D", decisions), ("W", weapons), ("Q", questions)):
        for n, item in enumerate(group, 1):
            item.id = f"{prefix}{n}"
    sources = {b.article.id: b.article.source for b in briefings}
    def one_per_source(items: list) -> list[Reported]:  # noqa: ANN001
        """A source disagrees with other sources, not with its near copies: one article per source."""
        speaker: dict[str, str] = {}
        return [Reported(a, i) for a, i in items if speaker.setdefault(source_of.get(a, a), a) == a]

    reports = [
        ItemReports(d.id, f"{d.who}: {d.what}", "decision", one_per_source(b.items))
        for d, b in zip(decisions, decision_buckets)
    ] + [
        ItemReports(w.id, w.name, "weapon", one_per_source(b.items))
        for w, b in zip(weapons, weapon_buckets)
    ]
    divergences = find_divergences(reports, sources=sources, published=published, tone=tone)
    for d, b, r in zip(decisions, decision_buckets, reports):
        aspect = flagged.get(id(b))
        if aspect and not any(x.item == d.id and x.aspect == aspect for x in divergences):
            found = model_divergence(r, aspect, sources=sources)
            if found is not None:
                divergences.append(found)
    for n, divergence in enumerate(divergences, 1):
        divergence.id = f"X{n}"

    spent, reused = Usage(), Usage()
    for briefing in briefings:
        if briefing.meta.cached:
            reused = reused + briefing.meta.usage
        else:
            spent = spent + briefing.meta.usage
    first = briefings[0].meta if briefings else None
    return Digest(
        articles=[b.article for b in briefings],
        summaries={b.article.id: b.summary for b in briefings},
        actors=actors,
        decisions=decisions,
        weapons=weapons,
        open_questions=questions,
        timeline=sorted(timeline, key=lambda e: (e.date, -e.count)),
        divergences=divergences,
        failures=list(failures),
        meta=DigestMeta(
            prompt_version=first.prompt_version if first else None,
            model=first.model if first else None,
            lang=first.lang if first else lang,
            articles_total=len(briefings) + len(failures),
            articles_briefed=len(briefings),
            sources=len(set(source_of.values())),
            copies=sum(len(b.article.copies) for b in briefings),
            dropped_items=sum(b.dropped_items for b in briefings),
            usage=spent + reused,
            spent=spent,
            reused=reused,
        ),
    )
