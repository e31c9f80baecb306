"""The entry points of a batch run (:func:`arun_batch`, :func:`run_batch`): the five steps of
:mod:`summarize.run.batch` put together."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx2
import openai
from openai import AsyncOpenAI

from ...article.fetch import FetchPolicy, PageCache
from ...digest.entities import Resolver
from ...errors import BatchError, UsageError
from ...llm.client import make_async_openai
from ...llm.replay import Cassette
from ...settings import Settings
from ..cache import BriefingCache
from ..pipeline import DEFAULT_CONCURRENCY, Passes, ProgressCallback, Run, arun
from ..sources import Source, load_sources
from ..pricing import PriceTable
from .answers import BatchAnswers
from .batcher import BatchCallback, BatchEvent, Batcher
from .collect import BatchLimits, Pending, collect_requests, split_requests
from .state import BatchState

RESULTS_DIR = "results"
DEFAULT_POLL_INTERVAL = 30.0

@dataclass
class BatchRun:
    """What a batch run produced: the normal :class:`Run`, and where its answers came from."""

    run: Run
    batch_ids: list[str]  # every batch this call submitted or finished
    requests: int  # first-round requests of the articles not in the cache
    submitted: int  # of those, sent in a batch created by this call
    from_batch: int  # model answers served from batch results
    online: int  # requests sent to the live API: batch failures, re-asks and split halves
    fallback: int  # first-round requests with no batch answer (failed, missing, or batch expired)
    state_file: Path


async def _batches(
    batcher: Batcher, state: BatchState, results: Cassette, requests: dict[str, Pending], emit: BatchCallback,
    limits: BatchLimits = BatchLimits(),
) -> tuple[list[str], int]:
    """Submit batches (within ``limits``) for what no batch of the state covers, then finish them together with
    the batches an earlier run left unfinished."""
    unfinished = state.unfinished()
    for entry in unfinished:
        emit(BatchEvent("resumed", f"resuming batch {entry.get('id') or '(not yet created)'} from {state.path}",
                        entry.get("id"), entry.get("status"), total=len(entry["keys"])))
    covered = state.resolved() | {k for entry in unfinished for k in entry["keys"]}
    pending = {k: p for k, p in requests.items() if k not in covered and results.find(k) is None}
    parts = split_requests(pending, limits) if pending else []
    entries = list(unfinished)
    for n, part in enumerate(parts, 1):
        entries.append(await batcher.submit(part, f", part {n} of {len(parts)}" if len(parts) > 1 else ""))
    if not pending and not unfinished and requests:
        emit(BatchEvent("skipped", f"all {len(requests)} requests were answered by earlier batches; nothing submitted",
                        total=len(requests)))
    return await _finish_all(batcher, entries), len(pending)


async def _finish_all(batcher: Batcher, entries: list[dict[str, Any]]) -> list[str]:
    """Create, poll and download the batches concurrently; the first error stops the others (their state stays
    ``submitted``: a rerun resumes them)."""
    tasks = [asyncio.ensure_future(batcher.finish(entry)) for entry in entries]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def _check_arguments(settings: Settings, poll_interval: float, if_failed: str, limits: BatchLimits) -> None:
    if settings.replay_dir is not None or settings.record_dir is not None:
        raise UsageError("--batch cannot be combined with --record or --replay: run one of them at a time")
    if poll_interval < 0:
        raise UsageError(f"poll_interval={poll_interval}: use 0 or more seconds")
    if limits.max_requests < 1 or limits.max_bytes < 1:
        raise UsageError(f"{limits}: a batch file must take at least one request and one byte")
    if if_failed not in ("error", "online"):
        raise UsageError(f"if_failed={if_failed!r}: use 'error' or 'online'")
    settings.check_reachable()


async def arun_batch(
    sources: Sequence[Source],
    *,
    state_dir: str | Path,
    settings: Settings | None = None,
    client: AsyncOpenAI | None = None,
    on_batch: BatchCallback | None = None,
    on_progress: ProgressCallback | None = None,
    cache: BriefingCache | None = None,
    exclude: Sequence[Path] = (),
    concurrency: int = DEFAULT_CONCURRENCY,
    resolver: Resolver | None = None,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_wait: float | None = None,
    if_failed: Literal["error", "online"] = "error",
    passes: Passes = Passes(),
    limits: BatchLimits = BatchLimits(),
    prices: PriceTable | None = None,
    fetch_policy: FetchPolicy | None = None,
    page_cache: PageCache | None = None,
) -> BatchRun:
    """Brief ``sources`` through the Batch API (see :mod:`summarize.run.batch`) and return the run.

    ``state_dir`` holds the state file, the JSONL files and the downloaded answers; rerunning with the same
    folder resumes. ``client`` (an ``AsyncOpenAI``) is used for the files and batches endpoints; the online
    fallback is built from ``settings``. ``max_wait`` (seconds) stops waiting with a :class:`BatchError`
    (the batch keeps running; a rerun resumes it). ``limits`` caps each input file (default: the API's
    50,000 requests and 200 MB); larger inputs go in several batches, polled together. ``fetch_policy`` and
    ``page_cache`` are for sources given by URL, as in :func:`~summarize.run.pipeline.arun`. Raises
    :class:`UsageError` for bad arguments."""
    settings = settings or Settings.from_env()
    _check_arguments(settings, poll_interval, if_failed, limits)
    emit = on_batch or (lambda event: None)
    state_dir = Path(state_dir)
    state = BatchState(state_dir)
    results = Cassette(state_dir / RESULTS_DIR)

    fetching = {"fetch_policy": fetch_policy, "page_cache": page_cache}
    found = load_sources(sources, exclude=exclude, memo=cache.articles if cache is not None else None, **fetching)
    todo = [a for a in found.articles if cache is None or cache.get(a, settings) is None]
    requests = collect_requests(todo, settings)
    emit(BatchEvent("collected", f"{len(requests)} first-round requests for {len(todo)} articles not in the cache",
                    total=len(requests)))

    api = client or make_async_openai(settings)
    try:
        batcher = Batcher(api, state, results, emit, poll_interval, max_wait, if_failed)
        batch_ids, submitted = await _batches(batcher, state, results, requests, emit, limits)
    except openai.APIError as exc:
        raise BatchError(
            f"the Batch API request failed: {exc}. The state in {state.path} is kept: fix the cause and run the "
            f"same command again to resume (or delete {state.directory} to start over)"
        ) from exc
    finally:
        if client is None:
            await api.close()
    return await _answer(sources, settings, results, requests, batch_ids, submitted, state, on_progress=on_progress,
                         cache=cache, exclude=exclude, concurrency=concurrency, resolver=resolver, passes=passes,
                         prices=prices, **fetching)


async def _answer(
    sources: Sequence[Source], settings: Settings, results: Cassette, requests: dict[str, Pending],
    batch_ids: list[str], submitted: int, state: BatchState, **run_options: Any,
) -> BatchRun:
    """Step 5: the normal pipeline, answered from the batch results where they have the request, else online."""
    answers: list[BatchAnswers] = []

    def wrap(inner: httpx2.AsyncBaseTransport) -> httpx2.AsyncBaseTransport:
        answers.append(BatchAnswers(results, inner))
        return answers[0]

    answer_client = make_async_openai(settings, wrap_transport=wrap)
    try:
        run = await arun(sources, settings=settings, client=answer_client, **run_options)
    finally:
        await answer_client.close()
    fallback = sum(results.find(k) is None for k in requests)
    return BatchRun(
        run=run, batch_ids=batch_ids, requests=len(requests), submitted=submitted,
        from_batch=answers[0].from_batch, online=answers[0].online, fallback=fallback, state_file=state.path,
    )


def run_batch(sources: Sequence[Source], **kwargs: Any) -> BatchRun:
    """Sync form of :func:`arun_batch` (same arguments; not from inside a running event loop)."""
    return asyncio.run(arun_batch(sources, **kwargs))
