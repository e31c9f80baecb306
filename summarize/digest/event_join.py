"""Reports of one event joined across sources: decision buckets of different articles become one digest item
when they report the same kind of event (:mod:`summarize.text.event_kinds`) with participants in common and
their days agree, or, undated, show a sign of the same event (:func:`join_events`).

The buckets come from :class:`~summarize.digest.clusters.DecisionClusters` (same decider, similar words),
split by :func:`~summarize.digest.days.split_by_day`; this pass joins what that rule keeps apart.
"""

from __future__ import annotations

import datetime as dt
import re

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..briefing.plausible import has_weapon_word
from ..models import Decision
from ..text.dates import stated_months, stated_weekday
from ..text.event_kinds import INTERACTIONS, event_kind, only_who, same_kind
from .buckets import Bucket, norm
from .clusters import CLUSTER_THRESHOLD, MAX_CLUSTERS_PER_ACTOR, DecisionClusters
from .days import JOIN_MAX_DAYS, Floors, report_day
from .links import StoryLinks


ALIKE_ONE_PARTY = 60  # token_set_ratio: one party's act told by two sources in words this alike
SIMILAR_WORDING = 70  # rapidfuzz token_sort_ratio: an undated and a dated report worded alike (a sign of one event)


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
    bare: bool = False  # its first description names only the kind and who (the code's words: text.event_kinds.only_who)
    sides: frozenset[str] = frozenset()  # the known people its first report names: who took part (see _other_sides)


def _timing(bucket: Bucket, published: dict) -> tuple[dt.date | None, bool, int | None]:
    """(day, whether it is stated, weekday) of a bucket's reports: the earliest day a quote states, else the
    earliest day their articles speak from; a month a quote states before that day stands for it ("his
    previous meeting in the Oval Office in February" in an article of October is no event of October)."""
    stated, spoken = [], []
    for a, item in bucket.pairs():
        day, is_stated = report_day(item, published.get(a))  # type: ignore[arg-type]
        if day is not None:
            (stated if is_stated else spoken).append(day)
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


def _of_weapons(a: str, b: str) -> bool:
    """Whether both descriptions (normalised) speak of weapons ("warned about US weapons deliveries", "warned
    that the stationing of the cruise missiles would be a provocation")."""
    return has_weapon_word(a) and has_weapon_word(b)


def _bucket_kind(bucket: Bucket) -> str | None:
    """The kind of a bucket's reports: of its first report, unless that is a talk and another report says
    which (a talk worded like a meeting of the same decider is that meeting)."""
    first = event_kind(bucket.members[0].what)  # type: ignore[union-attr]
    if first != "talk" or len(bucket.members) == 1:
        return first
    specific = (k for m in bucket.members[1:] if (k := event_kind(m.what)) in INTERACTIONS and k != "talk")  # type: ignore[union-attr]
    return next(specific, first)


_TWO_SIDED = ("call", "meeting")  # events that two or more people hold together


def _other_sides(kind: str, sides: frozenset[str], group: _Group) -> bool:
    """Whether the first report of a bucket and of a group, one of them a call or meeting, name different
    people taking part (``sides``, :attr:`_Group.sides`: the known persons of each first report): each names
    two or more, and they share fewer than two. "Zelensky had a phone call with Trump" on Friday is not
    "Trump held a phone call with Putin" on Thursday, however alike the words. A group's people grow as
    reports join it; its first report says who held the event, so a report that lists a third person does
    not open the group to every call of that person."""
    if kind not in _TWO_SIDED and group.kind not in _TWO_SIDED:
        return False
    return len(sides) >= 2 and len(group.sides) >= 2 and len(sides & group.sides) < 2


def _days_apart(days: list[dt.date | None]) -> bool:
    """Whether ``days`` (all known) span more than :data:`JOIN_MAX_DAYS`: not one event's."""
    return (max(days) - min(days)).days > JOIN_MAX_DAYS  # type: ignore[operator, type-var]


def _family(kind: str) -> str:
    """The index key of a kind: calls, meetings and talks share one, so a talk finds both."""
    return "interaction" if kind in INTERACTIONS else kind


class _Groups:
    """The groups of :func:`join_events` so far, and their index by (kind family, participant) from which a
    bucket's candidates come (at most :data:`MAX_CLUSTERS_PER_ACTOR` groups per key)."""

    def __init__(self, floors: Floors | dict, links: StoryLinks, clusters: DecisionClusters) -> None:
        self.floors = floors  # article id -> its floor (article_floor), for undated articles
        self.links = links
        self.clusters = clusters
        self.groups: list[_Group] = []
        self.index: dict[tuple[str, str], list[int]] = {}

    def candidates(self, kind: str, people: set[str], articles: list[str],
                   sides: frozenset[str] = frozenset()) -> list[int]:
        """The groups, in order, indexed under the kind's family and one of the people, that share no
        article with the bucket, are of a kind that fits its kind, and name no other people taking part
        (``sides``: the bucket's, see :meth:`sides`)."""
        groups, index, family = self.groups, self.index, _family(kind)
        return [g for g in sorted({g for p in people for g in index.get((family, p), [])[:MAX_CLUSTERS_PER_ACTOR]})
                if groups[g].articles.isdisjoint(articles) and same_kind(kind, groups[g].kind)
                and not _other_sides(kind, sides, groups[g])]

    def sides(self, bucket: Bucket) -> frozenset[str]:
        """The people its first report names taking part that entity resolution knows as persons (not a
        state, an organisation or an unresolved name, which may stand for a person another report names)."""
        first = bucket.members[0]
        keys = (self.clusters.who_key(p) for p in (first.participants or [first.who]))  # type: ignore[union-attr]
        return frozenset(k for k in keys if k.startswith("person:"))

    def dated_target(self, bucket: Bucket, kind: str, people: set[str], day: dt.date) -> int | None:
        """The first group a dated bucket joins: one at most :data:`JOIN_MAX_DAYS` from its day, with two
        participants in common, or one and a similar description; else None."""
        what = norm(bucket.members[0].what)  # type: ignore[union-attr]
        for g in self.candidates(kind, people, bucket.articles, self.sides(bucket)):
            group = self.groups[g]
            if group.day is None or abs((day - group.day).days) > JOIN_MAX_DAYS:
                continue
            shared = len(people & group.people)
            if shared >= 2 or (shared == 1 and fuzz.token_set_ratio(what, group.what) >= 60):
                return g
            if (kind == "warning" and norm(bucket.members[0].who) == norm(group.parts[0][1].members[0].who)  # type: ignore[union-attr]
                    and _of_weapons(what, group.what)):
                return g  # one decider's warning about weapons, told by two sources days apart in other words
        return None

    def undated_target(self, bucket: Bucket, kind: str, people: set[str], weekday: int | None) -> int | None:
        """The group an undated bucket joins, among those with two participants in common: the first dated one
        its time fits, when all the dated ones it fits are of one day and it shows a sign of the same event;
        with none dated that fits, the first undated one of the same weekday in an article of the same story
        (:class:`StoryLinks`), or of nearly the same words."""
        groups = self.groups
        what = norm(bucket.members[0].what)  # type: ignore[union-attr]
        bare = only_who(bucket.members[0].what)  # type: ignore[union-attr]  # the code's words: no sign by wording
        articles = bucket.articles
        two = [g for g in self.candidates(kind, people, articles, self.sides(bucket))
               if len(people & groups[g].people) >= 2]
        dated = [g for g in two if groups[g].day is not None]
        if dated:  # its articles' floor, worked out only for a report that dated events may take
            floor = next((f for a in articles if (f := self.floors.get(a)) is not None), None)
            dated = [g for g in dated if _fits_time(groups[g], weekday, floor)]
        if not dated:  # a weekday alone ("Thursday") recurs every week: the articles must share a story too
            found = next((g for g in two if groups[g].day is None and (
                (weekday is not None and weekday == groups[g].weekday
                 and any(self.links.linked(a, b) for a in articles for b in groups[g].articles))
                or (not bare and not groups[g].bare and fuzz.token_sort_ratio(what, groups[g].what) >= CLUSTER_THRESHOLD))), None)
            return found if found is not None or two else self._one_party(kind, people, articles, what)
        if _days_apart([groups[g].day for g in dated]):  # it fits dated events of different days: those of
            dated = [g for g in dated if self._linked(articles, groups[g].dated)]  # its own story, if one day
            if not dated or _days_apart([groups[g].day for g in dated]):
                return None  # it cannot tell which
        group = groups[dated[0]]
        if ((weekday is not None and weekday == group.day.weekday())  # type: ignore[union-attr]
                or (not bare and not group.bare and fuzz.token_sort_ratio(what, group.what) >= SIMILAR_WORDING)
                or self._linked(articles, group.dated)):
            return dated[0]
        return None

    def _linked(self, articles: list[str], others: set[str]) -> bool:
        """Whether one of ``articles`` shares a story with one of ``others`` (:class:`StoryLinks`)."""
        return any(self.links.linked(a, b) for a in articles for b in others)

    def _one_party(self, kind: str, people: set[str], articles: list[str], what: str) -> int | None:
        """An undated act of one party (a pause, a warning; not a call or a meeting, which have two sides)
        joins an undated group of the same party and kind whose words are alike (:data:`CLUSTER_THRESHOLD`),
        or less alike (:data:`ALIKE_ONE_PARTY`) when their articles share a story: "The U.S. is halting some
        shipments of weapons" and "The US has halted some shipments of weapons"."""
        if kind in INTERACTIONS or len(people) != 1:
            return None
        for g in self.candidates(kind, people, articles):
            group = self.groups[g]
            if group.day is None and people <= group.people:
                alike = fuzz.token_set_ratio(what, group.what)
                if alike >= CLUSTER_THRESHOLD or (alike >= ALIKE_ONE_PARTY and any(
                        self.links.linked(a, b) for a in articles for b in group.articles)):
                    return g
        return None

    def place(self, n: int, bucket: Bucket, kind: str, people: set[str], target: int | None,
              day: dt.date | None, stated: bool, weekday: int | None) -> None:
        """Bucket ``n`` joins group ``target``, or (None) starts a group; its new people index the group."""
        articles = set(bucket.articles)
        if target is None:
            self.groups.append(_Group([(n, bucket)], set(people), articles, norm(bucket.members[0].what), day, stated,  # type: ignore[union-attr]
                                      weekday, n, set(articles) if day is not None else set(), kind,
                                      only_who(bucket.members[0].what), self.sides(bucket)))  # type: ignore[union-attr]
            target, new_people = len(self.groups) - 1, people
        else:
            group = self.groups[target]
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
            if len(group.sides) < 2:  # its first report named one side: the first to name both says who
                group.sides |= self.sides(bucket)
        for p in new_people:
            self.index.setdefault((_family(kind), p), []).append(target)

    def joined(self, alone: list[tuple[int, Bucket]]) -> list[Bucket]:
        """Each group's buckets joined into its first (in input order), with the ``alone`` ones (input position,
        bucket), in the order of each one's first bucket."""
        joined = alone
        for g in self.groups:
            parts = [b for _, b in sorted(g.parts, key=lambda p: p[0])]
            for b in parts[1:]:
                parts[0].extend(b)
            joined.append((g.first, parts[0]))
        return [b for _, b in sorted(joined, key=lambda x: x[0])]


_ONE_ARTICLE_KINDS = ("call", "meeting")  # events with two sides, whose people tell one from another
# words of a quote that tell of another call or meeting of the same people ("their previous call", "again")
_ANOTHER = re.compile(r"(?<!\w)(?:previous|earlier|last|again|another|second|erneut|wieder|vorherig\w*|letzte\w*"
                      r"|weitere\w*|zweite\w*|früher\w*)(?!\w)", re.IGNORECASE)


def _report_key(article_id: str, item: Decision, clusters: DecisionClusters) -> tuple[str, str, frozenset[str]] | None:
    """(article, kind, participants) of a report of a call or meeting of two or more people whose quotes name
    no month (a "meeting in February" beside Friday's is another); None for any other report."""
    kind = event_kind(item.what)
    if kind not in _ONE_ARTICLE_KINDS:
        return None
    people = frozenset(clusters.who_key(p) for p in (item.participants or [item.who]))
    if len(people) < 2 or any(stated_months(ev.quote) or _ANOTHER.search(ev.quote) for ev in item.evidence):
        return None
    return article_id, kind, people


def _weekday(item: Decision) -> int | None:
    return next((wd for ev in item.evidence if (wd := stated_weekday(ev.quote)) is not None), None)


def one_report_per_event(buckets: list[Bucket], clusters: DecisionClusters) -> list[Bucket]:
    """One article's reports of one call or meeting as one: a bucket of one article's reports joins the
    bucket that holds another report of that article of the same kind, with the same people (after entity
    resolution), no month named and no other weekday ("had a productive telephone conversation with Putin"
    and "held a phone call with Vladimir Putin" of one page). The model words one event twice in two
    sentences; joined, the development quotes both (the call's length in one, its outcome in the other) and
    is one row, not two. Buckets of several articles are found first, then those of one, in order."""
    home: dict[tuple[str, str, frozenset[str]], tuple[Bucket, int | None]] = {}

    def register(bucket: Bucket) -> None:
        for article_id, item in bucket.pairs():
            if (key := _report_key(article_id, item, clusters)) is not None:  # type: ignore[arg-type]
                home.setdefault(key, (bucket, _weekday(item)))  # type: ignore[arg-type]

    for bucket in buckets:
        if len(set(bucket.article_ids)) > 1:
            register(bucket)
    out: list[Bucket] = []
    for bucket in buckets:
        if len(set(bucket.article_ids)) == 1:
            article_id, item = bucket.article_ids[0], bucket.members[0]
            key = _report_key(article_id, item, clusters)  # type: ignore[arg-type]
            if key is not None and key in home and home[key][0] is not bucket:
                target, weekday = home[key]
                mine = _weekday(item)  # type: ignore[arg-type]
                if weekday is None or mine is None or weekday == mine:
                    target.extend(bucket)
                    continue
            register(bucket)
        out.append(bucket)
    return out


def _speaks_from(inferred: dict[str, dt.date], bucket: Bucket, day: dt.date | None, published: dict) -> None:
    """The undated articles of ``bucket``, joined to an event of ``day``, speak from about that day (the first
    such day kept)."""
    if day is not None:
        for a in bucket.articles:
            if published.get(a) is None:
                inferred.setdefault(a, day)


def join_events(buckets: list[Bucket], clusters: DecisionClusters, published: dict,
                floors: Floors | dict | None = None, links: StoryLinks | None = None) -> list[Bucket]:
    """Join decision buckets from different articles that report one event: the same kind of event (a call,
    a meeting, a pause ...), participants in common after entity resolution, and no article in common.

    * Both dated (a stated day, else the day the article speaks from): at most :data:`JOIN_MAX_DAYS` apart,
      with two participants in common, or one and a similar description.
    * One undated: two participants in common, no contradiction (a weekday its quote names that the other's
      day cannot be, an article floor (:func:`~summarize.digest.days.article_floor`) after the other's
      month), one day to choose (when the report fits dated events of different days, a call with Putin in
      July and one in October, it joins those of them whose articles share its story, if they are of one
      day, else none), and one sign of the same event: the same weekday, a similar description, or articles
      that name a distinctive thing in common (:class:`~summarize.digest.links.StoryLinks`).
    * Both undated: two participants in common, and the same weekday named, or nearly the same words in the
      same order (the same two leaders call and meet again). An act of one party (a pause, a warning: no
      call or meeting) has one participant: the same one, and words alike (:data:`CLUSTER_THRESHOLD`), or
      less alike (:data:`ALIKE_ONE_PARTY`) in articles of one story.
    * A call or meeting never joins one whose first report names other people taking part: when both first
      reports name two known persons or more, they share two (:func:`_other_sides`).
    * An undated article one of whose reports joined a dated event speaks from about that event's day: its
      other reports are then joined as dated ones of that day (Thursday's call with Putin, told "one day
      before" Friday's call with Zelensky, is July's and not October's); one that fits no dated event joins
      by the signs of an undated report, with a group whose articles speak from about the same day.

    Deterministic: dated buckets first, in order, each joining the first earlier group it fits; then the
    undated ones. The output keeps the order of each group's first bucket. Candidates come from an index by
    (kind, participant), at most :data:`MAX_CLUSTERS_PER_ACTOR` groups per key, so the cost stays linear in
    the number of decisions."""
    buckets = one_report_per_event(buckets, clusters)
    groups = _Groups(floors or {}, links or StoryLinks((), 0), clusters)
    alone: list[tuple[int, Bucket]] = []  # buckets of no kind of event: nothing joins them
    undated: list[tuple[int, Bucket, str, set[str], int | None]] = []
    deferred: list[tuple[int, Bucket, str, set[str], int | None]] = []
    inferred: dict[str, dt.date] = {}  # an undated article -> the day of a dated event one of its reports joined
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
        groups.place(n, bucket, kind, people, groups.dated_target(bucket, kind, people, day), day, stated, None)
        _speaks_from(inferred, bucket, day, published)  # an undated article's report joined with a dated one's
    for n, bucket, kind, people, weekday in undated:  # then the undated ones that join a group
        target = groups.undated_target(bucket, kind, people, weekday)
        if target is None:
            deferred.append((n, bucket, kind, people, weekday))
            continue
        groups.place(n, bucket, kind, people, target, None, False, weekday)
        _speaks_from(inferred, bucket, groups.groups[target].day, published)
    spoken = {**published, **inferred}
    for n, bucket, kind, people, weekday in deferred:  # the rest: an article speaks from about the day of its joined events
        day, _, _ = _timing(bucket, spoken)
        target = groups.dated_target(bucket, kind, people, day) if day is not None else None
        if target is None:  # no dated event of about that day: the signs an undated report joins by, when the
            target = groups.undated_target(bucket, kind, people, weekday)  # days its group's articles speak
            if target is not None and day is not None and _days_apart(  # from are about its own
                    [day, *(d for a in groups.groups[target].articles if (d := spoken.get(a)) is not None)]):
                target = None
        groups.place(n, bucket, kind, people, target, None, False, weekday)
    return groups.joined(alone)
