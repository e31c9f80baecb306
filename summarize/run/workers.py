"""One run's articles briefed in several processes: the CPU around the model on several cores.

Everything around a model call (request building, instructor's checks, parsing, grounding) costs the
event loop a few milliseconds of CPU per request; from about 64 requests in flight, one process is the
limit, not the model (``benchmarks/throughput.py``). :func:`brief_in_workers` gives each of ``workers``
processes (spawned, so nothing of the parent's state is shared by accident) a contiguous share of the
articles and of the concurrency; each runs the same pipeline (:func:`summarize.run.pipeline.brief_share`) over
its share with a client of its own and the same cache directory, and sends its progress back through one
queue: each briefing as it is done (the worker has cached it), its failures at its end. The parent keeps
the tracker, so the progress events, the input order, the digest and its passes are as in one process.
A worker that fails outright (a configuration error, say) ends the run with that error.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import BriefingError
from ..settings import Settings

if TYPE_CHECKING:
    from ..models import Article, Briefing, Failure
    from .cache import BriefingCache


class Tracker(Protocol):
    """What the workers report to (the pipeline's tracker)."""

    articles: list[Article]
    failures: list[Failure]
    stopped: str | None
    stopped_fix: str | None
    lowest: int | None

    def relayed(self, i: int, status: str, briefing: Briefing | None, failure: Failure | None) -> None: ...


# What a worker process runs over its share: (articles, settings, cache, concurrency, on_progress) -> a Run
# without a digest; a top-level function, so that a spawned process can import it (the pipeline's brief_share).
BriefShare = Callable[..., Any]

JOIN_SECONDS = 30.0  # how long a finished worker may take to exit before it is stopped


def shares(n: int, parts: int) -> list[range]:
    """``n`` items in ``parts`` contiguous ranges of sizes that differ by at most one (none empty)."""
    parts = max(1, min(parts, n))
    size, extra = divmod(n, parts)
    out, start = [], 0
    for k in range(parts):
        end = start + size + (k < extra)
        out.append(range(start, end))
        start = end
    return out


async def brief_in_workers(tracker: Tracker, settings: Settings, cache: BriefingCache | None, concurrency: int,
                           workers: int, brief: BriefShare) -> None:
    """Brief ``tracker``'s articles in ``workers`` processes, ``concurrency`` requests in flight in all, each
    running ``brief`` over its share; their briefings, failures and progress events go to ``tracker`` as they
    arrive."""
    context = multiprocessing.get_context("spawn")
    queue: Any = context.Queue()
    articles = tracker.articles
    ranges = shares(len(articles), workers)
    per_worker = shares(max(concurrency, len(ranges)), len(ranges))
    processes = [
        context.Process(target=work, daemon=True, args=(
            [(i + 1, articles[i]) for i in share], settings, cache.directory if cache is not None else None,
            len(per_worker[k]), queue, brief))
        for k, share in enumerate(ranges)
    ]
    for process in processes:
        process.start()
    finished = False
    try:
        left, error, lowest_of = len(processes), None, []
        while left:
            message = await asyncio.to_thread(queue.get)
            if message[0] == "stop":
                break
            if message[0] == "progress":
                tracker.relayed(*message[1:])
                continue
            left -= 1
            if message[0] == "error":
                error = error or _unpickled(message[1])
                continue
            failures, stopped, fix, lowest = message[1:]
            tracker.failures.extend(failures)
            if stopped and not tracker.stopped:
                tracker.stopped, tracker.stopped_fix = stopped, fix
            lowest_of.append(lowest)
        finished = True
        if error is not None:
            raise error
        if all(lowest is not None for lowest in lowest_of):  # each backed off from its share: the run from all
            tracker.lowest = sum(lowest_of)
    finally:
        queue.put(("stop",))  # a get still waiting in its thread (the run was cancelled) returns
        for process in processes:  # a worker that sent its end exits by itself; a cancelled run stops them
            process.join(timeout=JOIN_SECONDS if finished else 0.1)
            if process.is_alive():
                process.terminate()
                process.join()


def work(share: list[tuple[int, Article]], settings: Settings, cache_dir: Path | None, concurrency: int,
         queue: Any, brief: BriefShare) -> None:
    """A worker process: brief ``share`` (input positions and articles) with ``brief`` and report to ``queue``."""
    from .cache import BriefingCache

    positions = [i for i, _ in share]

    def relay(progress: Any) -> None:
        briefing = progress.briefing if progress.status == "done" else None
        queue.put(("progress", positions[progress.index - 1], progress.status, briefing, progress.failure))

    try:
        cache = BriefingCache(cache_dir) if cache_dir is not None else None
        run = brief([a for _, a in share], settings, cache, concurrency, relay)
        queue.put(("end", run.failures, run.stopped, run.stopped_fix, run.lowest_concurrency))
    except BaseException as exc:  # noqa: BLE001 - the parent raises it; a worker has no one else to tell
        queue.put(("error", _pickled(exc)))


def _pickled(exc: BaseException) -> bytes:
    try:
        data = pickle.dumps(exc)
        pickle.loads(data)  # an exception that cannot be rebuilt is sent as its message
        return data
    except Exception:  # noqa: BLE001
        return pickle.dumps(BriefingError(f"a worker process failed: {type(exc).__name__}: {exc}"))


def _unpickled(data: bytes) -> BaseException:
    exc = pickle.loads(data)
    return exc if isinstance(exc, BaseException) else BriefingError(str(exc))
