"""Many articles -> briefings (and failures) -> one Digest. One failed article never stops the others.

Library code reports progress through an optional callback instead of printing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..article.fetch import FetchPolicy, PageCache
from .cache import BriefingCache
from .pricing import PriceTable
from .sources import Source, Sources, load_sources
from ..llm.limiter import DEFAULT_CONCURRENCY, AdaptiveLimit
from ..llm.watch import ServerWatch
from ..errors import BriefingError, InputError, UsageError
from ..models import Article, Briefing, Digest, Failure, Headline, PassReport
from ..settings import Settings
from ..sync import Blocking, run_sync
from ..digest.entities import Resolver
from ..digest.merge import EventHints, merge
from ..render.markdown import source_tags

if TYPE_CHECKING:  # the model client (openai, instructor) is imported when the first request is made: a
    from openai import AsyncOpenAI, OpenAI  # run that the cache answers whole never loads it (benchmarks/startup.py)

    from ..llm.structured import AsyncClient



@dataclass(frozen=True)
class Progress:
    """One step of a run: ``status`` is ``start``, ``done`` or ``failed``; ``index`` counts from 1."""

    index: int
    total: int
    article_id: str
    status: Literal["start", "done", "failed"]
    article: Article | None = None
    briefing: Briefing | None = None
    failure: Failure | None = None


ProgressCallback = Callable[[Progress], None]


@dataclass
class Run:
    """What a run produced: the briefings, the failures and the digest merged from them."""

    briefings: list[Briefing]
    failures: list[Failure]
    digest: Digest
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped early (a fatal API error), if it did
    lowest_concurrency: int | None = None  # how far the adaptive limit backed off (async runs)
    stopped_fix: str | None = None  # what to do about the fatal error, when its message does not say it
    notes: list[str] = field(default_factory=list)  # what reading the sources noted (e.g. feed entries without a link)

    def __repr__(self) -> str:
        # Counts, not contents: the full dataclass repr of a large run is megabytes, and Python 3.11's
        # asyncio.run builds the repr of its finished main task (result included) once as it ends.
        return (f"Run(briefings={len(self.briefings)}, failures={len(self.failures)}, skipped={len(self.skipped)}, "
                f"stopped={self.stopped!r})")


class _Tracker:
    """Everything around the model call: progress events, the cache, failures, and stopping on a fatal
    error."""

    def __init__(
        self,
        found: Sources,
        on_progress: ProgressCallback | None,
        cache: BriefingCache | None,
        settings: Settings,
        resolver: Resolver | None = None,
    ) -> None:
        self.resolver = resolver
        self.articles = found.articles
        self.total = len(found.articles)
        self.failures = found.failures
        self.skipped = found.skipped
        self.briefings: list[Briefing] = []
        self.on_progress = on_progress
        self.cache = cache
        self.settings = settings
        self.stopped: str | None = None
        self.stopped_fix: str | None = None
        self.limit: AdaptiveLimit | None = None
        self.lowest: int | None = None  # the lowest concurrency worker processes report (:mod:`.workers`)
        self.begun: set[int] = set()
        self._order: dict[str, int] = {a.id: n for n, a in enumerate(found.articles)}

    def _emit(self, progress: Progress) -> None:
        if self.on_progress:
            self.on_progress(progress)

    def begin(self, i: int, article: Article) -> bool:
        """Announce article ``i``; True when the cache already had its briefing (nothing left to do)."""
        self.begun.add(i)
        self._emit(Progress(i, self.total, article.id, "start", article=article))
        cached = self.cache.get(article, self.settings) if self.cache else None
        if cached is None:
            return False
        self.briefings.append(cached)
        self._emit(Progress(i, self.total, article.id, "done", article=article, briefing=cached))
        return True

    def done(self, i: int, article: Article, briefing: Briefing) -> None:
        if self.cache:
            self.cache.put(article, self.settings, briefing)
        self.briefings.append(briefing)
        self._emit(Progress(i, self.total, article.id, "done", article=article, briefing=briefing))

    def failed(self, i: int, article: Article, exc: BriefingError | InputError) -> bool:
        """Record the failure; True when it is fatal for the run (the caller stops)."""
        kind = exc.kind if isinstance(exc, BriefingError) else type(exc).__name__
        failure = Failure(article_id=article.id, error_kind=kind, message=str(exc))
        self.failures.append(failure)
        self._emit(Progress(i, self.total, article.id, "failed", article=article, failure=failure))
        from ..llm.retry import is_fatal

        if not is_fatal(exc):
            return False
        # A bad key, no quota or an unknown model would fail every further request.
        self.stopped = f"{kind}: {exc}"
        self.stopped_fix = exc.fix
        for n, rest in enumerate(self.articles, 1):
            if n in self.begun:
                continue
            self.begun.add(n)
            self.failures.append(Failure(
                article_id=rest.id, error_kind="NotAttempted",
                message=f"not briefed: the run stopped after a fatal error ({self.stopped})",
            ))
        return True

    def relayed(self, i: int, status: str, briefing: Briefing | None, failure: Failure | None) -> None:
        """A worker process's progress event for article ``i`` (:mod:`summarize.run.workers`): the briefing
        (already cached by the worker) is kept, each event is passed on; a worker's failures come at its end."""
        article = self.articles[i - 1]
        if status == "start":
            self.begun.add(i)
        elif status == "done" and briefing is not None:
            self.briefings.append(briefing)
        self._emit(Progress(i, self.total, article.id, status, article=article, briefing=briefing,  # type: ignore[arg-type]
                            failure=failure))

    def merge(self, hints: EventHints | None = None) -> Digest:
        return merge(self.briefings, self.failures, lang=self.settings.lang, resolver=self.resolver, hints=hints,
                     texts={a.id: a.text for a in self.articles})

    def result(self, merged: bool = True) -> Run:
        """The run in input order; ``merged=False`` (a worker process's share) leaves the digest empty."""
        # Concurrent runs finish out of order; outputs follow the input order, whatever the timing.
        self.briefings.sort(key=lambda b: self._order.get(b.article.id, len(self._order)))
        self.failures.sort(key=lambda f: self._order.get(f.article_id, -1))
        lowest = self.lowest if self.lowest is not None else self.limit.lowest if self.limit is not None else None
        digest = self.merge() if merged else Digest.model_construct()
        return Run(self.briefings, self.failures, digest, self.skipped, self.stopped, lowest, self.stopped_fix)


@dataclass(frozen=True)
class Passes:
    """Optional digest-level model passes: ``events`` (clustering by item ids) and ``headline``."""

    events: bool = False
    headline: bool = False

    def __bool__(self) -> bool:
        return self.events or self.headline


def _failed_pass(name: str, exc: BriefingError) -> PassReport:
    return PassReport(name=name, status="failed", message=f"{exc.kind}: {exc}")  # type: ignore[arg-type]


def _with_reports(digest: Digest, reports: list[PassReport], headline: Headline | None) -> Digest:
    digest.meta.passes = reports
    for report in reports:
        digest.meta.usage = digest.meta.usage + report.usage
        digest.meta.spent = digest.meta.spent + report.usage
    digest.headline = headline
    return digest


async def _adigest_passes(
    tracker: _Tracker, run_: Run, client: AsyncClient | Blocking, passes: Passes
) -> Run:
    """The passes after a run. A failed pass is reported in ``digest.meta.passes``; the digest stands."""
    from ..digest.events import acluster
    from ..digest.headline import awrite_headline

    digest, reports, headline = run_.digest, [], None
    if passes.events and run_.briefings:
        try:
            hints, report = await acluster(client, digest, tracker.settings, source_tags(digest))
            digest = tracker.merge(hints)
            reports.append(report)
        except BriefingError as exc:
            reports.append(_failed_pass("events", exc))
    if passes.headline and run_.briefings:
        try:
            headline, report = await awrite_headline(client, digest, tracker.settings, source_tags(digest))
            reports.append(report)
        except BriefingError as exc:
            reports.append(_failed_pass("headline", exc))
    run_.digest = _with_reports(digest, reports, headline)
    return run_


def run(
    sources: Sequence[Source],
    *,
    settings: Settings | None = None,
    client: OpenAI | None = None,
    on_progress: ProgressCallback | None = None,
    cache: BriefingCache | None = None,
    exclude: Sequence[Path] = (),
    resolver: Resolver | None = None,
    passes: Passes = Passes(),
    prices: PriceTable | None = None,
) -> Run:
    """Brief every article in ``sources`` one after another and merge the results; ``passes`` adds the
    optional model passes over the digest (event clustering by ids, headline); ``prices`` sets the digest's
    ``meta.cost_estimate`` for the tokens this run spent.

    With a ``cache``, briefings found there are reused and new ones are stored as soon as they exist, so
    an interrupted run loses nothing and a rerun only calls the model for what is missing. The sync form
    of :func:`arun`, one request at a time; ``client`` is an ``OpenAI`` (its requests run in the calling
    thread). Inside a running event loop it raises :class:`UsageError`: await :func:`arun` there."""
    settings = settings or Settings.from_env()
    calls = None
    if client is not None:
        from ..briefing.brief import instructor_client

        calls = Blocking(instructor_client(settings, client))
    result = run_sync(_arun(sources, settings, calls, on_progress, cache, exclude, 1, resolver, passes), "arun")
    result.lowest_concurrency = None  # nothing adaptive to report: one request at a time
    if prices is not None:
        prices.apply(result.digest, settings.model)
    return result


async def arun(
    sources: Sequence[Source],
    *,
    settings: Settings | None = None,
    client: AsyncOpenAI | None = None,
    on_progress: ProgressCallback | None = None,
    cache: BriefingCache | None = None,
    exclude: Sequence[Path] = (),
    concurrency: int = DEFAULT_CONCURRENCY,
    resolver: Resolver | None = None,
    passes: Passes = Passes(),
    watch: ServerWatch | None = None,
    prices: PriceTable | None = None,
    fetch_policy: FetchPolicy | None = None,
    page_cache: PageCache | None = None,
    workers: int = 1,
) -> Run:
    """Async form of :func:`run`: at most ``concurrency`` requests to the model in flight at once, across
    all articles and the digest passes (fewer while the server pushes back). Up to ``concurrency`` articles
    are under way; an earlier article's requests go first, so briefings finish in input order. Outputs keep
    the input order. After a fatal error no new article starts; those already under way finish, the rest
    are listed as ``NotAttempted``. ``watch`` (see :func:`summarize.llm.client.server_watch`) lets a caller
    show requests in flight and the last activity while the run goes on. ``fetch_policy`` and ``page_cache``
    go to :func:`load_sources` for sources given by URL. ``workers`` > 1 briefs the articles in that many
    processes (:mod:`summarize.run.workers`), each with its share of ``concurrency``: the CPU around the
    model then runs on several cores (one event loop is the limit from about 64 requests in flight). The
    digest, its passes and the progress events stay in this process; a ``client`` given here cannot cross
    processes, so with one the run stays in this process."""
    if concurrency < 1:
        raise UsageError(f"concurrency={concurrency}: use 1 or more")
    if workers < 1:
        raise UsageError(f"workers={workers}: use 1 or more")
    settings = settings or Settings.from_env()
    calls = None
    if client is not None:
        from ..briefing.brief import async_instructor_client

        calls = async_instructor_client(settings, client)
    result = await _arun(sources, settings, calls, on_progress, cache, exclude, concurrency, resolver, passes, watch,
                         fetch_policy, page_cache, workers=workers)
    if prices is not None:
        prices.apply(result.digest, settings.model)
    return result


async def _arun(
    sources: Sequence[Source], settings: Settings, calls: AsyncClient | Blocking | None,
    on_progress: ProgressCallback | None, cache: BriefingCache | None, exclude: Sequence[Path], concurrency: int,
    resolver: Resolver | None, passes: Passes, watch: ServerWatch | None = None,
    fetch_policy: FetchPolicy | None = None, page_cache: PageCache | None = None, *, workers: int = 1,
    merged: bool = True,
) -> Run:
    """The run behind :func:`arun` and :func:`run`: ``calls`` as given, or a client of our own, built when
    the first article needs the model (observed by the adaptive limit, closed at the end). ``workers``: see
    :func:`arun`; ``merged=False``: no digest (a worker's share)."""
    found = load_sources(sources, exclude=exclude, max_chars=settings.max_chars, fetch_policy=fetch_policy,
                         page_cache=page_cache, memo=cache.articles if cache is not None else None)
    tracker = _Tracker(found, on_progress, cache, settings, resolver)
    # Requests in flight: halves on 429 / low rate-limit headers, recovers on success. Articles under way
    # are bounded too (a fixed limit, nobody observes it), so a run does not prepare every article at once.
    limit = AdaptiveLimit(concurrency)
    under_way = AdaptiveLimit(concurrency)
    tracker.limit = limit
    own: list[AsyncOpenAI] = []

    def wrapped() -> AsyncClient | Blocking:
        nonlocal calls
        if calls is None:
            from ..briefing.brief import async_instructor_client
            from ..llm import client as llm

            own.append(llm.make_async_openai(settings, observe=limit.observe, watch=watch))
            calls = async_instructor_client(settings, own[0])
        return calls

    async def one(i: int, article: Article) -> None:
        async with under_way:
            if tracker.stopped or tracker.begin(i, article):
                return
            from ..briefing.brief import abrief_with

            try:
                briefing = await abrief_with(wrapped(), article, settings, limit=limit, priority=i)
                tracker.done(i, article, briefing)
            except (BriefingError, InputError) as exc:
                tracker.failed(i, article, exc)

    try:
        if workers > 1 and calls is None and len(found.articles) > workers:
            from .workers import brief_in_workers

            await brief_in_workers(tracker, settings, cache, concurrency, workers, brief_share)
        else:
            await _each(found.articles, one)
        result = tracker.result(merged)
        result.notes = found.notes
        if passes and not tracker.stopped:
            async with limit:  # one pass after the other, each one request in flight
                result = await _adigest_passes(tracker, result, wrapped(), passes)
        return result
    finally:
        for client in own:
            await client.close()


async def _each(articles: Sequence[Article], one: Callable[[int, Article], Awaitable[None]]) -> None:
    """Every article (numbered from 1) through ``one``, all under way at once within ``one``'s own limits; an
    error that is no article's failure (a ConfigurationError) ends the run as itself."""
    try:
        async with asyncio.TaskGroup() as group:
            for i, article in enumerate(articles, 1):
                group.create_task(one(i, article))
    except BaseExceptionGroup as group_error:
        raise group_error.exceptions[0]


def brief_share(articles: Sequence[Article], settings: Settings, cache: BriefingCache | None, concurrency: int,
                on_progress: ProgressCallback) -> Run:
    """One worker process's share of a run with ``workers`` (:mod:`summarize.run.workers`): the articles
    briefed with a client of its own, cached and reported as they finish, no digest."""
    return asyncio.run(_arun(articles, settings, None, on_progress, cache, (), concurrency, None, Passes(),
                             merged=False))


def build_digest(
    sources: Sequence[Source], *, settings: Settings | None = None, client: OpenAI | None = None,
    passes: Passes = Passes(),
) -> Digest:
    """Brief ``sources`` (Articles, or paths of files and folders) and return the merged :class:`Digest`;
    ``passes=Passes(events=True, headline=True)`` adds the model passes over the digest."""
    return run(sources, settings=settings, client=client, passes=passes).digest


async def abuild_digest(
    sources: Sequence[Source], *, settings: Settings | None = None, client: AsyncOpenAI | None = None,
    passes: Passes = Passes(),
) -> Digest:
    """Async form of :func:`build_digest`."""
    return (await arun(sources, settings=settings, client=client, passes=passes)).digest
