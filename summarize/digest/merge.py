"""Briefings -> Digest: one entry per actor, decision, weapon and open question across articles.

Actors and weapons are merged on the keys of :class:`summarize.digest.entities.Resolver` (alias table,
transliteration, indexed fuzzy matching: "Selenskyj" and "Volodymyr Zelensky" meet, Putin, the Kremlin
and Russia never do) and shown under its canonical names; generic weapons ("drones", "air defence")
come after the named systems. Decisions and questions are merged on a normalised text key.
Every digest item keeps, per supporting article (up to MAX_SUPPORT_PER_ITEM quotes in all), the located quotes that back it: nothing enters the
digest without one. Ordering: most supporting articles first, then order of first appearance
(generic weapons after all named ones).

The digest's items are built with ``model_construct`` from the briefings' validated items (their fields
are copies, counts, sorted ids and located quotes of those): validating them again cost a tenth of the
merge at scale and copied every list once more. ``tests/digest/test_merge_scale.py`` checks they validate.

Modules: :mod:`.buckets` (items grouped by key, their quotes), :mod:`.clusters` (events and questions by
key), :mod:`.days` (the day a report speaks of), :mod:`.event_join` (one event from its reports),
:mod:`.same_words` (one statement that two sources quote word for word), :mod:`.links` (articles linked by a
distinctive entity),
:mod:`.entities` (actors and weapons), :mod:`.diverge` (divergences); this one puts the digest together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from ..models import (
    Actor,
    Briefing,
    Decision,
    Digest,
    DigestActor,
    DigestDecision,
    DigestMeta,
    DigestQuestion,
    DigestWeapon,
    DivergenceAspect,
    Evidence,
    Failure,
    OpenQuestion,
    Support,
    TimelineEvent,
    Usage,
    Weapon,
)
from ..text.dates import says_relative_day, stated_weekday
from ..text.event_kinds import event_kind
from .buckets import (MAX_SUPPORT_PER_ARTICLE, MAX_SUPPORT_PER_ITEM, Bucket, by_source, group, most_common, norm,
                      support_of, unique)
from .clusters import (
    CLUSTER_THRESHOLD,
    EventHints,
    DecisionClusters,
    QuestionClusters,
    join_hints,
)
from .days import Floors, counted_day, dated_evidence, reference_days, split_by_day
from .event_join import join_events
from .same_words import join_quoted
from .links import StoryLinks
from .diverge import ItemReports, Reported, find_divergences, model_divergence
from .during import Development, dated_by_event
from .held_open import held_open
from .entities import Resolver, load_aliases

__all__ = ["CLUSTER_THRESHOLD", "MAX_SUPPORT_PER_ARTICLE", "MAX_SUPPORT_PER_ITEM", "DecisionClusters", "EventHints",
           "QuestionClusters", "actor_key", "decision_key", "merge", "norm", "question_key", "weapon_key"]

Sources = Callable[[list[str]], int]


def actor_key(actor: Actor, resolver: Resolver | None = None) -> str:
    """Grouping key of an actor (see :mod:`summarize.digest.entities`); a fresh default resolver if none."""
    return (resolver or Resolver(default_aliases())).actor_key(actor)


def weapon_key(weapon: Weapon, resolver: Resolver | None = None) -> str:
    """Grouping key of a weapon: named systems ("Patriot-Systeme", "Patriots", "PAC-3" -> Patriot) meet;
    generic mentions ("Drohnen", "Flugabwehr") get their own ``generic:`` keys."""
    return (resolver or Resolver(default_aliases())).weapon_key(weapon)


@lru_cache(maxsize=1)
def default_aliases() -> dict:
    return load_aliases()


def decision_key(decision: Decision) -> str:
    return f"{norm(decision.who)}|{norm(decision.what)}"


def question_key(question: OpenQuestion) -> str:
    return norm(question.question)


def _shared(made: dict[tuple[str, int], Support], article_id: str, ev: Evidence) -> Support:
    found = made.get((article_id, id(ev)))
    return found if found is not None else support_of(article_id, ev)


def _timeline_events(items: Iterable, published: dict, reference: dict,  # noqa: ANN001
                     sources: Callable[[list[str]], int] = len, made: dict[tuple[str, int], Support] | None = None,
                     label: tuple[str, str] | None = None, texts: Mapping[str, str] | None = None,
                     ) -> list[TimelineEvent]:
    """One event per date of a merged decision, with the articles that state it (and, when it has one date,
    those that report it without a day, and the development's ``label``, its who and what, so the timeline
    names it as the key developments do). The date is read from the
    decision's located evidence quote (explicit, or relative to the publication date), never taken from the
    model's ``date`` field, which can be invented. A quote the decision's support already has
    (``made``, see :meth:`Bucket.support`) is shared, not made again."""
    made = made if made is not None else {}
    items = list(items)
    # An undated source's weekday ("am Donnerstag") is read against the day of a dated source of the same
    # development: the reports were joined because their days agree. That day is the source's publication,
    # else the latest full date its quotes state (``reference``: "Am 4. Juli 2025 ..."), the day the join
    # went by. Only a weekday: "heute" or "gestern" needs the source's own day, which can differ by one.
    # So is the weekday of the sentence an undated source's "einen Tag zuvor" counts from (``texts``).
    anchor = min((day for a, _ in items if (day := reference.get(a)) is not None), default=None)
    by_date: dict[tuple[str, str], list[tuple[str, Decision, str, Evidence]]] = {}
    undated: list[tuple[str, Decision]] = []
    for article_id, decision in items:
        day = published.get(article_id)
        if day is None and anchor is not None and any(
                stated_weekday(ev.quote) is not None and not says_relative_day(ev.quote) for ev in decision.evidence):
            day = anchor
        when, stating = dated_evidence(decision, day)
        if when.iso is None and day is None and (text := (texts or {}).get(article_id)) is not None:
            counted = counted_day(decision, text, anchor)
            if counted is not decision:
                when, stating = dated_evidence(counted, None)
        if when.iso is None:
            undated.append((article_id, decision))
            continue
        by_date.setdefault((when.iso, when.precision), []).append((article_id, decision, when.text, stating))
    # A source that reports the development without stating its day is one of its sources on the timeline
    # too (with its sentence), when the development has one date; ``stated`` holds only what was stated.
    first_of = {}
    for article_id, decision in undated if len(by_date) == 1 else ():
        first_of.setdefault(article_id, decision)  # one sentence per source
    undated = list(first_of.items())
    events = []
    for (iso, precision), rows in by_date.items():
        articles = sorted({a for a, *_ in rows} | {a for a, _ in undated})
        stating = [(a, ev) for a, _, _, ev in rows]
        room = max(0, MAX_SUPPORT_PER_ITEM - len(stating))  # an undated source's sentence, one each, while room
        support = [_shared(made, a, ev) for a, ev in [*stating, *((a, d.evidence[0]) for a, d in undated[:room])]]
        events.append(TimelineEvent.model_construct(
            date=iso, precision=precision, stated=list(dict.fromkeys(t for _, _, t, _ in rows)),  # type: ignore[arg-type]
            who=label[0] if label and len(by_date) == 1 else rows[0][1].who,
            what=label[1] if label and len(by_date) == 1 else rows[0][1].what,
            articles=articles, count=sources(articles), support=support,
        ))
    return events



def merge(
    briefings: Sequence[Briefing], failures: Sequence[Failure] = (), *, lang: str = "en",
    resolver: Resolver | None = None, hints: EventHints | None = None,
    tone: tuple[Sequence[str], Sequence[str]] | None = None, texts: Mapping[str, str] | None = None,
) -> Digest:
    """Merge briefings (in the order given) into a digest; ``failures`` are carried over as they are.

    Actors and weapons are grouped and named by ``resolver`` (default: a fresh one on the built-in
    alias table, ``summarize/data/aliases.json``). ``hints`` (from the clustering pass,
    :mod:`summarize.digest.events`) join decisions of one event and flag divergences by the ids a merge
    without hints gives. Divergences are found by the rules of :mod:`summarize.digest.diverge`. ``texts``
    (the articles' texts by id, when at hand) lets the timeline date a report that counts its day from a
    sentence before its quote ("Nur einen Tag zuvor ...", see :func:`~summarize.digest.days.counted_day`).

    The cyclic garbage collector is left as the caller set it. At 100,000 briefings its full passes take
    about a fifth of the merge's time (``benchmarks/merge_scale.py``: 11-12 of 48-55 s, two passes)."""
    return _merge(briefings, failures, lang=lang, resolver=resolver, hints=hints, tone=tone, texts=texts)


def _merge(
    briefings: Sequence[Briefing], failures: Sequence[Failure] = (), *, lang: str = "en",
    resolver: Resolver | None = None, hints: EventHints | None = None,
    tone: tuple[Sequence[str], Sequence[str]] | None = None, texts: Mapping[str, str] | None = None,
) -> Digest:
    resolver = resolver or Resolver(default_aliases())
    # Corroboration counts sources, not files: near copies of one article (the same wire story under
    # another header, see summarize.article.copies) count once.
    source_of = {b.article.id: b.article.near_copy_of or b.article.id for b in briefings}
    copy_of = {a: source for a, source in source_of.items() if source != a}

    def n_sources(article_ids: list[str]) -> int:
        """Sources among distinct article ids (an item's own list): their number when no article is a near copy."""
        return len({copy_of.get(a, a) for a in article_ids}) if copy_of else len(article_ids)

    actors = _actors(briefings, resolver, n_sources)
    weapon_buckets = group(briefings, "weapons", resolver.weapon_key, last=resolver.is_generic_weapon, sources=n_sources)
    weapons = _weapons(weapon_buckets, resolver, n_sources)
    # articles that name one distinctive actor or named weapon system: a sign that undated reports are one event
    links = StoryLinks.of_rows(actors, weapons, len(briefings), resolver)
    reference = reference_days(briefings)  # the day each article speaks from: the joins and the timeline read it
    published = {b.article.id: b.article.published for b in briefings}
    decision_buckets, flagged = _decision_buckets(briefings, resolver, hints, n_sources, links, published, reference)
    decisions, timeline = _decisions(decision_buckets, published, n_sources, reference, resolver.known_actor_name,
                                     texts)
    questions = [
        DigestQuestion.model_construct(question=b.members[0].question, articles=b.articles,  # type: ignore[union-attr]
                       count=n_sources(b.articles), support=b.support())
        for b in group(briefings, "open_questions", QuestionClusters().key, sources=n_sources)
    ]
    for prefix, items in (("A", actors), ("D", decisions), ("W", weapons), ("Q", questions)):
        for n, item in enumerate(items, 1):
            item.id = f"{prefix}{n}"
    divergences = _divergences(briefings, source_of, decisions, decision_buckets, flagged, weapons, weapon_buckets,
                               tone)
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
        meta=_meta(briefings, failures, source_of, lang),
    )


def _actors(briefings: Sequence[Briefing], resolver: Resolver, n_sources: Sources) -> list[DigestActor]:
    actors = []
    for b in group(briefings, "actors", resolver.actor_key, sources=n_sources):
        items: list[Actor] = b.members  # type: ignore[assignment]
        actors.append(
            DigestActor.model_construct(
                name=most_common([resolver.canonical_actor(i) for i in items]),
                kind=most_common([i.kind for i in items]),  # type: ignore[arg-type]
                names_as_written=unique(i.name_as_written for i in items),
                roles=unique(i.role for i in items),
                by_source=by_source(b.pairs(), lambda i: i.role),  # type: ignore[arg-type]
                articles=b.articles, count=n_sources(b.articles), support=b.support(),
            )
        )
    return actors


def _decision_buckets(
    briefings: Sequence[Briefing], resolver: Resolver, hints: EventHints | None, n_sources: Sources,
    links: StoryLinks, published: dict[str, dt.date | None], reference: dict[str, dt.date | None],
) -> tuple[list[Bucket], dict[int, DivergenceAspect]]:
    """Decisions clustered into events (then joined along the hints), key developments first. ``published``:
    each article's publication date; ``reference``: the day each article speaks from
    (:func:`~summarize.digest.days.reference_days`)."""
    clusters = DecisionClusters(resolver)
    floors = Floors(b for b in briefings if reference[b.article.id] is None)
    buckets = join_events(split_by_day(group(briefings, "decisions", clusters.key), reference, clusters),
                          clusters, reference, floors, links)
    buckets = join_quoted(buckets, clusters, reference, links)  # one speaker's same quoted words: one statement

    def developments(b: Bucket) -> tuple[int, int, int]:
        # key developments: corroborated by most sources first, then the most recently published
        return (-n_sources(b.articles), -max((published[a].toordinal() for a in b.articles if published.get(a)), default=0),
                b.order)

    buckets.sort(key=developments)
    flagged: dict[int, DivergenceAspect] = {}
    if hints is not None and (hints.groups or hints.differ):
        buckets, flagged = join_hints(buckets, hints)
        buckets.sort(key=developments)
    return buckets, flagged


def _decisions(buckets: list[Bucket], published: dict, n_sources: Sources, reference: dict,
               name_of: Callable[[str], str | None], texts: Mapping[str, str] | None = None,
               ) -> tuple[list[DigestDecision], list[TimelineEvent]]:
    """The developments and the timeline. ``name_of``: the canonical name of a decider the alias table knows
    (``Resolver.known_actor_name``), so a development names its decider as the actor rows do ("Kremlchef Putin",
    the model's "Vladimir Zelenskyy": "Vladimir Putin", "Volodymyr Zelensky")."""
    decisions, timeline, developments = [], [], []
    quotes: dict[tuple[str, int], Support] = {}
    canonical = lambda name: name_of(name) or name  # noqa: E731
    for b in buckets:
        ds: list[Decision] = b.members  # type: ignore[assignment]
        made: dict[tuple[str, int], Support] = {}
        support = b.support(made)
        quotes.update(made)
        lead = _lead(b)
        who = canonical(lead.who)
        events = _timeline_events(b.pairs(), published, reference, n_sources, made, (who, lead.what), texts)
        timeline.extend(events)
        developments.append(Development(event_kind(lead.what), {canonical(p) for d in ds for p in (d.participants or [d.who])},
                                        b.article_ids, ds, events, (who, lead.what)))
        decisions.append(
            DigestDecision.model_construct(
                who=who, what=lead.what,
                statuses=list(dict.fromkeys(d.status for d in ds)),
                dates=unique(d.date for d in ds),
                articles=b.articles, count=n_sources(b.articles), support=support,
            )
        )
    timeline += dated_by_event(developments, canonical, n_sources,
                               lambda a, d: _shared(quotes, a, d.evidence[0]))
    return decisions, timeline


def _lead(bucket: Bucket) -> Decision:
    """The report a development is titled by: the one whose description (normalised) the most of its articles
    give, the first on a tie. Of 21 reports of one call, 15 saying "held a phone call with Vladimir Putin",
    the title is that and not the first article's reading of its own sentence."""
    articles: dict[str, set[str]] = {}
    first: dict[str, Decision] = {}
    for article_id, item in bucket.pairs():
        key = norm(item.what)  # type: ignore[union-attr]
        articles.setdefault(key, set()).add(article_id)
        first.setdefault(key, item)  # type: ignore[arg-type]
    return first[max(articles, key=lambda k: len(articles[k]))]  # max keeps the first of equals


def _weapons(buckets: list[Bucket], resolver: Resolver, n_sources: Sources) -> list[DigestWeapon]:
    weapons = []
    for b in buckets:
        ws: list[Weapon] = b.members  # type: ignore[assignment]
        weapons.append(
            DigestWeapon.model_construct(
                name=most_common([resolver.canonical_weapon(w) for w in ws], prefer_short=True),
                category=most_common([w.category for w in ws]),
                names_as_written=unique(w.name_as_written for w in ws),
                statuses=list(dict.fromkeys(w.status for w in ws)),
                by_source=by_source(b.pairs(), lambda w: w.status),  # type: ignore[arg-type]
                articles=b.articles, count=n_sources(b.articles), support=b.support(),
            )
        )
    return weapons


def _divergences(
    briefings: Sequence[Briefing], source_of: dict[str, str], decisions: list[DigestDecision],
    decision_buckets: list[Bucket], flagged: dict[int, DivergenceAspect], weapons: list[DigestWeapon],
    weapon_buckets: list[Bucket], tone: tuple[Sequence[str], Sequence[str]] | None,
) -> list:
    sources = {b.article.id: b.article.source for b in briefings}
    published = {b.article.id: b.article.published for b in briefings}

    def one_per_source(items: Iterable) -> list[Reported]:  # noqa: ANN001
        """A source disagrees with other sources, not with its near copies: one article per source."""
        speaker: dict[str, str] = {}
        return [Reported(a, i) for a, i in items if speaker.setdefault(source_of.get(a, a), a) == a]

    reports = [
        ItemReports(d.id, f"{d.who}: {d.what}", "decision", one_per_source(b.pairs()))
        for d, b in zip(decisions, decision_buckets)
    ] + [
        ItemReports(w.id, w.name, "weapon", one_per_source(b.pairs()))
        for w, b in zip(weapons, weapon_buckets)
    ]
    divergences = find_divergences(reports, sources=sources, published=published, tone=tone)
    divergences += [x for x in held_open(reports, briefings, sources, published)
                    if not any(d.item == x.item and d.aspect == x.aspect for d in divergences)]
    for d, b, r in zip(decisions, decision_buckets, reports):
        aspect = flagged.get(id(b))
        if aspect and not any(x.item == d.id and x.aspect == aspect for x in divergences):
            found = model_divergence(r, aspect, sources=sources)
            if found is not None:
                divergences.append(found)
    for n, divergence in enumerate(divergences, 1):
        divergence.id = f"X{n}"
    return divergences


def _meta(briefings: Sequence[Briefing], failures: Sequence[Failure], source_of: dict[str, str], lang: str) -> DigestMeta:
    spent, reused = Usage(), Usage()
    for briefing in briefings:
        if briefing.meta.cached:
            reused = reused + briefing.meta.usage
        else:
            spent = spent + briefing.meta.usage
    first = briefings[0].meta if briefings else None
    return DigestMeta(
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
    )
