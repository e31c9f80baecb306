"""The days of briefings and their reports: the day an article speaks from, the month an undated one was written
after, and decision buckets split so that reports of different days stay different events.

Used by :mod:`summarize.digest.merge` (before :func:`summarize.digest.event_join.join_events`, which reads
the same days) and, for :data:`JOIN_MAX_DAYS`, by the model-assisted pass (:mod:`summarize.digest.events`).
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz

from ..text.dates import NormalDate, day_month, decision_date, normalise_date, stated_months
from ..text.relative_days import anchored_day, offset_of
from ..models import Briefing, Decision, Evidence
from .buckets import Bucket, norm
from .clusters import CLUSTER_THRESHOLD, DecisionClusters
from ..text.event_kinds import only_who


JOIN_MAX_DAYS = 3  # two reports of one event: their dates (stated, else publication) at most this far apart


def reference_day(briefing: Briefing) -> dt.date | None:
    """The day an article speaks from: its publication date, else the latest full date (day, month and year)
    its located quotes state ("Am 4. Juli 2025 ..."). Used only to keep reports of different days apart."""
    if briefing.article.published:
        return briefing.article.published
    days = [when.date for quote in _quotes(briefing)
            if (when := normalise_date(quote, None)).precision == "day" and when.date is not None]
    return max(days) if days else None


def reference_days(briefings: Iterable[Briefing]) -> dict[str, dt.date | None]:
    """:func:`reference_day` of each briefing, by article id. An article without one whose located quotes state a
    day and month without a year ("on July 3", "am 16. Oktober", "on Friday (Oct 17)") speaks from the latest
    such day, in the year that puts it nearest to the middle day the digest's dated articles speak from: the
    articles of one run report one time, and a July day is then no October one. Without a dated article in
    the run, the year stays unknown and so does the article's day."""
    briefings = list(briefings)
    days = {b.article.id: reference_day(b) for b in briefings}
    known = sorted(d for d in days.values() if d is not None)
    if not known:
        return days
    middle = known[len(known) // 2]
    for b in briefings:
        if days[b.article.id] is None:
            stated = [when.date for quote in _quotes(b) if (when := day_month(quote, middle)) is not None
                      and when.date is not None]
            days[b.article.id] = max(stated, default=None)
    return days


def _quotes(briefing: Briefing) -> Iterator[str]:
    """Every located quote of a briefing's items, each once (one sentence backs many items)."""
    return iter(dict.fromkeys(ev.quote for item in [*briefing.decisions, *briefing.actors, *briefing.weapons,
                                                    *briefing.open_questions] for ev in item.evidence))


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


class Floors:
    """:func:`article_floor` of each undated article, by id, worked out when first asked for: only a report
    that dated events may take needs its article's (:func:`~summarize.digest.event_join.join_events`)."""

    def __init__(self, briefings: Iterable[Briefing]) -> None:
        self._briefings = {b.article.id: b for b in briefings}
        self._floors: dict[str, tuple[int | None, int] | None] = {}

    def get(self, article_id: str) -> tuple[int | None, int] | None:
        if article_id not in self._floors:
            briefing = self._briefings.get(article_id)
            self._floors[article_id] = article_floor(briefing) if briefing is not None else None
        return self._floors[article_id]


def dated_evidence(decision: Decision, day: dt.date | None) -> tuple[NormalDate, Evidence]:
    """The date of a decision and the quote that states it: the first of its quotes that states a date (a
    decision merged from several sentences of one article may state its day in the second: "Ein Anruf
    zwischen Trump und Putin ..." then "... ein Telefongespräch ... am Donnerstag"), relative to ``day``;
    else the first quote's, or the decision's own stated date (:func:`~summarize.text.dates.decision_date`)."""
    first = decision.evidence[0]
    if decision_date(first.quote, None, day).iso is None:  # the first quote states no date: a later one may
        for ev in decision.evidence[1:]:
            if (when := decision_date(ev.quote, None, day)).iso is not None:
                return when, ev
    return decision_date(first.quote, decision.date, day), first


def counted_day(decision: Decision, text: str, day: dt.date | None) -> Decision:
    """``decision`` with the day its first quote counts from a sentence before it ("Nur einen Tag zuvor hatte
    Trump ... telefoniert" after "... am Freitag ..."), the weekdays read against ``day``; else ``decision``.
    The briefing counts from the days its article dates alone (:func:`~summarize.text.relative_days.anchored_day`);
    an undated article's weekday gets its day only here, from a dated source of the same development, as
    :func:`summarize.digest.merge` reads the weekday of its own quotes."""
    first = decision.evidence[0]
    if day is None or offset_of(first.quote) is None:
        return decision
    found = anchored_day(text, first.start, day)
    return decision if found is None else decision.model_copy(update={"date": found[1]})


def report_day(decision: Decision, day: dt.date | None) -> tuple[dt.date | None, bool]:
    """(day, whether a quote states it) of one report, from an article that speaks from ``day``: the day its
    quotes state; else the first day of a month they state before ``day``'s month ("his previous meeting in
    the Oval Office in February" in an article of October is no event of October); else ``day``."""
    when, _ = dated_evidence(decision, day)
    if when.precision == "day" and when.date is not None:
        return when.date, True
    if when.precision == "month" and when.date is not None and (day is None or when.date < day.replace(day=1)):
        return when.date, False
    return day, False


def _item_day(article_id: str, decision: Decision, published: dict) -> dt.date | None:
    return report_day(decision, published.get(article_id))[0]


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
            bare = only_who(item.what)  # type: ignore[union-attr]
            fits = [part for part in parts if part[0] == article_id or _compatible(day, part[1], what, part[2], bare)]
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


def _compatible(day: dt.date | None, other: dt.date | None, what: str, other_what: str, bare: bool = False) -> bool:
    if day is not None and other is not None:
        return abs((day - other).days) <= JOIN_MAX_DAYS
    if bare:
        return False  # the code's words for a call or meeting (only_who): alike for every meeting of the same people
    # no dates: nearly the same words in the same order (a description that only contains the other, "had a
    # conversation with Putin", is not enough, and neither are the same participants: two leaders call again)
    return fuzz.token_sort_ratio(what, other_what) >= CLUSTER_THRESHOLD
