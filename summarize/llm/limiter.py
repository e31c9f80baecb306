"""An adaptive limit on a run's requests to the model in flight: back off when the provider pushes back,
speed up when it doesn't.

Every model call of a run (each part and pass, split halves, the summary, the digest passes) holds one slot
from its first HTTP attempt to its answer; its transport retries and validation re-asks go one after another
inside that slot. So ``concurrency`` is the most HTTP requests open at once across all articles (a
llama.cpp server's ``--parallel`` slots, a provider's concurrency quota).

AIMD, as in TCP: the limit starts at the configured concurrency, halves (down to 1) when a response is a 429
or its ``x-ratelimit-remaining-requests`` falls below 10 % of ``x-ratelimit-limit-requests``, and grows by
one after ``recover`` successful responses in a row, up to the configured maximum.

``summarize.llm.client.AsyncObservingTransport`` sits inside the retry layer (so it sees every attempt,
retried 429s included) and reports each response to :meth:`AdaptiveLimit.observe`. A client the caller injects bypasses
our transports and so is not observed; the limit then stays fixed.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import AsyncIterator, Mapping

LOW_REMAINING = 0.1
# Requests to the model in flight at once when the caller does not say (``-j`` / ``concurrency``).
DEFAULT_CONCURRENCY = 4


class AdaptiveLimit:
    """Waiters queue by priority, then in arrival order, and a freed slot wakes exactly one of them, as in
    :class:`asyncio.Semaphore`: waking every waiting task on each release (then sending all but one back to
    sleep) cost O(waiters) per finished request.

    ``async with limit`` waits with priority 0; :meth:`slot` takes a priority (lower goes first). A run
    gives each request its article's position, so the requests of an article that is under way (its
    re-asks and split halves included) go before those of later articles, and briefings finish in order."""

    def __init__(self, maximum: int, *, recover: int = 8) -> None:
        if maximum < 1:
            raise ValueError("maximum must be at least 1")
        self.maximum = maximum
        self.limit = maximum
        self.recover = recover
        self.lowest = maximum
        self.decreases = 0
        self._in_use = 0
        self._streak = 0
        self._arrivals = itertools.count()
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []  # a heap of (priority, arrival, future)

    async def acquire(self, priority: int = 0) -> None:
        """Take a slot, waiting behind every waiter of a lower (or the same, earlier) priority."""
        if self._in_use < self.limit and not self._waiters:
            self._in_use += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (priority, next(self._arrivals), waiter)
        heapq.heappush(self._waiters, entry)
        try:
            await waiter  # resolved by _wake, which has taken the slot for us
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self._in_use -= 1  # handed a slot, but cancelled before using it: pass it on
                self._wake()
            else:
                with contextlib.suppress(ValueError):
                    self._waiters.remove(entry)
                    heapq.heapify(self._waiters)
            raise

    def release(self) -> None:
        self._in_use -= 1
        self._wake()

    @contextlib.asynccontextmanager
    async def slot(self, priority: int = 0) -> AsyncIterator[None]:
        """``async with limit.slot(priority):`` holds one slot for the block."""
        await self.acquire(priority)
        try:
            yield
        finally:
            self.release()

    async def __aenter__(self) -> AdaptiveLimit:
        await self.acquire()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.release()

    def _wake(self) -> None:
        """Hand free slots (under the current limit) to the first waiters."""
        while self._waiters and self._in_use < self.limit:
            waiter = heapq.heappop(self._waiters)[2]
            if not waiter.done():
                self._in_use += 1
                waiter.set_result(None)

    def observe(self, status: int, headers: Mapping[str, str]) -> None:
        if status == 429 or _running_low(headers):
            self.limit = max(1, self.limit // 2)
            self.lowest = min(self.lowest, self.limit)
            self.decreases += 1
            self._streak = 0
        elif status < 400:
            self._streak += 1
            if self._streak >= self.recover and self.limit < self.maximum:
                self.limit += 1
                self._streak = 0
                self._wake()


def _running_low(headers: Mapping[str, str]) -> bool:
    try:
        remaining = float(headers["x-ratelimit-remaining-requests"])
        limit = float(headers["x-ratelimit-limit-requests"])
    except (KeyError, ValueError):
        return False
    return limit > 0 and remaining / limit < LOW_REMAINING
