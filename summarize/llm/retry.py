"""The one layer that retries transport failures: an httpx2 transport wrapper built on tenacity.

Why a transport: three libraries would each happily retry (the openai client's ``max_retries``,
instructor's ``max_retries``, our own loop) and their budgets multiply. Here the openai client is built
with ``max_retries=0`` and instructor re-asks only on validation errors (see ``summarize.llm.client``),
so :class:`AsyncRetryTransport` is the only place a request is sent again.

What is retried (up to ``RetryPolicy.max_attempts`` attempts in all, first try included):

* responses with status 408, 409, 429 or any 5xx;
* transport exceptions that may pass: :class:`httpx2.TimeoutException` (connect/read/write/pool),
  :class:`httpx2.NetworkError` (``ConnectError``, ``ReadError``, ``WriteError``, ``CloseError``) and
  :class:`httpx2.RemoteProtocolError` (the server hung up mid-answer).

What is never retried, whatever the status lists say: 400, 401, 403, 404, 422, any other status not
listed above, a 429 whose JSON body says ``insufficient_quota`` (more attempts cannot add credit), a
response with ``x-should-retry: false``, and a response whose ``Retry-After`` / ``retry-after-ms`` asks
for longer than ``RetryPolicy.retry_after_cap``: the caller gets that response at once and reports it.

The wait before a retry is the server's ``Retry-After`` (seconds or an HTTP date) or ``retry-after-ms``
when present, else exponential backoff with full jitter: ``uniform(0, min(max_delay, base_delay * 2**n))``.

The body of a retry candidate (status >= 400) is read before deciding, because the quota check needs it;
discarded responses are closed. Successful responses pass through unread, so streaming still works.

:func:`is_fatal` tells a run whether an error (anywhere in an exception chain) must stop the whole run
rather than just one article: a bad key, a forbidden or unknown model, no quota.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random as _random
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timezone

import httpx2
import openai
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, retry_if_result, stop_after_attempt

from ..errors import causes, is_quota_body, quota_spent
from .server_problem import ServerProblem

log = logging.getLogger(__name__)  # debug level only: library code never prints

# Statuses worth another attempt: request timeout, conflict (OpenAI uses it for a lock), rate limit, and
# every server error (checked as ``>= 500``).
RETRY_STATUS = frozenset({408, 409, 429})
# Statuses that stop a whole run when they reach the caller (insufficient_quota 429 is checked apart).
FATAL_STATUS = frozenset({401, 403, 404})
# Never retried; listed for the reader (any status not in RETRY_STATUS and < 500 is returned at once).
NEVER_RETRY_STATUS = frozenset({400, 401, 403, 404, 422})
# Transport exceptions that may pass on a second try. Not LocalProtocolError, UnsupportedProtocol or
# ProxyError: those are mistakes on our side and would fail the same way again.
RETRY_EXCEPTIONS: tuple[type[BaseException], ...] = (
    httpx2.TimeoutException,
    httpx2.NetworkError,
    httpx2.RemoteProtocolError,
)


async def _async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. Immutable configuration; the counters live on the transports.

    ``max_attempts`` counts the first try: 4 means one request and at most three retries.
    ``async_sleep`` and ``random`` are injectable so tests neither wait nor guess.
    """

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 20.0
    retry_after_cap: float = 60.0
    jitter: bool = True
    async_sleep: Callable[[float], Awaitable[None]] = field(default=_async_sleep, repr=False, compare=False)
    random: Callable[[], float] = field(default=_random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts={self.max_attempts}: use 1 (no retry) or more")
        if self.base_delay < 0 or self.max_delay < 0 or self.retry_after_cap < 0:
            raise ValueError("delays cannot be negative")

    def backoff(self, retry_number: int) -> float:
        """Delay before retry ``retry_number`` (1 for the first retry): capped exponential, full jitter."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry_number - 1))
        return ceiling * self.random() if self.jitter else ceiling


# --------------------------------------------------------------------------- deciding on one response


def retry_after_seconds(headers: httpx2.Headers, now: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asks us to wait: ``retry-after-ms`` first, then ``Retry-After`` as seconds or as
    an HTTP date (a date in the past means 0). None if absent or unreadable; ``now`` is for tests."""
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            value = float(ms) / 1000.0
        except ValueError:
            value = -1.0
        if value >= 0:
            return value
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, when.timestamp() - now())
    return value if value >= 0 else None


@dataclass(frozen=True)
class _Verdict:
    """One attempt's response and what to do about it: retry (after ``delay``, None = backoff) or not."""

    response: httpx2.Response
    retry: bool
    delay: float | None = None


def _judge(response: httpx2.Response, policy: RetryPolicy) -> _Verdict:
    """Decide on a response whose body, if it is a retry candidate, has been read."""
    status = response.status_code
    if status in NEVER_RETRY_STATUS or not (status in RETRY_STATUS or status >= 500):
        return _Verdict(response, retry=False)
    if response.headers.get("x-should-retry", "").lower() == "false":
        return _Verdict(response, retry=False)
    if status == 429 and is_quota_body(response.content):
        return _Verdict(response, retry=False)
    delay = retry_after_seconds(response.headers)
    if delay is not None and delay > policy.retry_after_cap:
        log.debug("status %s asks to wait %.1fs, over the cap of %.1fs: not retried", status, delay, policy.retry_after_cap)
        return _Verdict(response, retry=False)
    return _Verdict(response, retry=True, delay=delay)


def _needs_reading(response: httpx2.Response) -> bool:
    return response.status_code >= 400


# --------------------------------------------------------------------------- tenacity wiring


def _wait(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            verdict: _Verdict = outcome.result()
            if verdict.delay is not None:
                return verdict.delay
        return policy.backoff(state.attempt_number)

    return wait


async def _discard(state: RetryCallState) -> None:
    """Before sleeping: log the coming retry at debug level, and close the response we will not return."""
    outcome = state.outcome
    if outcome is None:
        return
    response = None if outcome.failed else outcome.result().response
    reason = type(outcome.exception()).__name__ if response is None else f"status {response.status_code}"
    sleep = state.next_action.sleep if state.next_action else 0.0
    log.debug("attempt %d failed (%s); retrying in %.2fs", state.attempt_number, reason, sleep)
    if response is not None:
        await response.aclose()


def _final(state: RetryCallState) -> _Verdict:
    """Attempts used up: hand back the last response, or raise the last transport exception."""
    assert state.outcome is not None
    return state.outcome.result()  # raises the exception if the last attempt raised


def _retrying(policy: RetryPolicy) -> AsyncRetrying:
    """tenacity's loop for one request that needs a retry, configured by ``policy``."""
    return AsyncRetrying(
        sleep=policy.async_sleep,
        stop=stop_after_attempt(policy.max_attempts),
        wait=_wait(policy),
        retry=retry_if_exception_type(RETRY_EXCEPTIONS) | retry_if_result(lambda v: v.retry),
        before_sleep=_discard,
        retry_error_callback=_final,
    )


def _after(
    first: _Verdict | BaseException, attempt: Callable[[httpx2.Request], Awaitable[_Verdict]]
) -> Callable[[httpx2.Request], Awaitable[_Verdict]]:
    """``attempt`` for tenacity, whose first call gives ``first`` (the attempt already made) again."""
    pending = [first]

    async def call(request: httpx2.Request) -> _Verdict:
        if pending:
            outcome = pending.pop()
            if isinstance(outcome, BaseException):
                raise outcome
            return outcome
        return await attempt(request)

    return call


class _Counter:
    """Attempts and retries over the life of a transport (all requests), safe across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.attempts = 0
        self.requests = 0

    def request(self) -> None:
        with self._lock:
            self.requests += 1

    def attempt(self) -> None:
        with self._lock:
            self.attempts += 1

    @property
    def retries(self) -> int:
        return self.attempts - self.requests


# --------------------------------------------------------------------------- the transport


class AsyncRetryTransport(httpx2.AsyncBaseTransport):
    """Transport that retries transient failures of ``inner`` according to ``policy``; sleeps with
    ``policy.async_sleep``.

    ``attempts`` counts every request sent to ``inner``; ``requests`` counts calls of this transport;
    ``retries`` is the difference.
    """

    def __init__(self, inner: httpx2.AsyncBaseTransport, policy: RetryPolicy | None = None) -> None:
        self.inner = inner
        self.policy = policy or RetryPolicy()
        self._count = _Counter()

    @property
    def attempts(self) -> int:
        return self._count.attempts

    @property
    def requests(self) -> int:
        return self._count.requests

    @property
    def retries(self) -> int:
        return self._count.retries

    async def _attempt(self, request: httpx2.Request) -> _Verdict:
        self._count.attempt()
        response = await self.inner.handle_async_request(request)
        if not _needs_reading(response):
            return _Verdict(response, retry=False)
        try:
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return _judge(response, self.policy)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self._count.request()
        # The first attempt runs without tenacity: most requests need no retry, and an AsyncRetrying per
        # request (objects in reference cycles, left to the garbage collector) costs more than the request's
        # own bookkeeping. When it must be retried, tenacity takes over with that attempt as its first.
        try:
            first: _Verdict | BaseException = await self._attempt(request)
        except RETRY_EXCEPTIONS as exc:
            first = exc
        if isinstance(first, _Verdict) and not first.retry:
            return first.response
        verdict: _Verdict = await _retrying(self.policy)(_after(first, self._attempt), request)
        return verdict.response

    async def aclose(self) -> None:
        await self.inner.aclose()


# --------------------------------------------------------------------------- errors that stop a run


def is_fatal(exc: BaseException) -> bool:
    """True if ``exc`` or anything in its cause/context chain is an openai error that every further
    request of the run would repeat: 401 (bad key), 403 (forbidden), 404 (e.g. unknown model), or a 429
    with code/type ``insufficient_quota``; or a :class:`~summarize.llm.server_problem.ServerProblem` (no server, a
    server that never answers, a web page instead of an API). A 400 is about one request and is not fatal."""
    for cur in causes(exc):
        if isinstance(cur, ServerProblem):
            return True
        if isinstance(cur, (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError)):
            return True
        if isinstance(cur, openai.APIStatusError) and cur.status_code in FATAL_STATUS:
            return True
        if isinstance(cur, openai.RateLimitError) and quota_spent(cur):
            return True
    return False
