"""Build the openai + instructor clients for a run, with retries and record/replay in the HTTP transport.

Exactly one layer retries transport failures: :class:`~summarize.llm.retry.RetryTransport` (tenacity,
inside the ``httpx2`` client). The others are switched off or cannot overlap:

* the openai client always gets ``max_retries=0``;
* instructor's ``max_retries`` (``Settings.reasks``) is the validation re-ask budget only: instructor
  1.17 retries just ``ValidationError``, ``JSONDecodeError``, ``AsyncValidationError`` and
  ``ResponseParsingError`` (``instructor/v2/core/retry.py``, ``retry_if_exception_type(_RETRYABLE_PARSE_ERRORS)``),
  so an ``openai.APIError`` ends the call at once and is never re-sent by instructor. One edge counts
  against the re-ask budget instead: a 200 whose body is not JSON makes the openai client raise
  ``JSONDecodeError``, which instructor treats as a parse error and sends once more, unchanged.

Transport chains, outermost first::

    live:    RetryTransport -> WatchTransport -> RedactingTransport -> httpx2.HTTPTransport
    record:  RecordReplayTransport("record") -> RetryTransport -> WatchTransport -> RedactingTransport -> httpx2.HTTPTransport
    replay:  RecordReplayTransport("replay")            (no retry layer, nothing can reach the network)

``RedactingTransport`` sits next to the network: an error answer (status >= 400) whose body echoes the key
the request carried, or anything key-shaped, reaches the retry layer, the recorder and the openai client
with ``[redacted]`` in its place (``summarize.redact``), so no exception, failure or recording holds it.

The watch (:mod:`summarize.llm.watch`) sees every attempt: it keeps the counts a progress display shows
and stops a run whose server is missing, stuck or not an API, instead of retrying it for minutes.

Timeouts: ``Settings.timeout`` seconds per attempt to read an answer (``--timeout``, ``SUMMARIZE_TIMEOUT``;
by default 120 s for a remote API and 300 s for a server on this machine or a private network, where a
CPU model may take minutes for a long answer), and ``CONNECT_TIMEOUT`` seconds to connect.

When recording, the recorder sits *outside* the retry layer, so it sees and stores only the final
exchange of each request: a 503 that a retry repaired is never written. Only answers that would come
again are written (2xx and the request-bound 400/404/422; never 401/403/408/409/429/5xx), and replay
refuses any other status found in an older recording. A recording cannot be transient, so replay has no
retry layer at all.

Budget: ``RetryPolicy.max_attempts`` (default 4: the first try and ``TRANSPORT_RETRIES`` = 3 retries) HTTP
attempts per model answer, each with ``Settings.timeout`` seconds; per part (and for the summary) at most
``1 + Settings.reasks`` model answers. So one article of ``parts`` requests (a part read by each pass of
``Settings.depth`` is one request, see ``Plan.requests``) costs at most::

    (parts + 1) * (1 + reasks) * max_attempts   HTTP requests   (depth 1, 2 parts: 3 * 2 * 4 = 24)

and, when a part's answer is cut off at ``max_tokens`` and the part is split in two (each half asked once,
never split again), that part counts three times: ``(3 * parts + 1) * (1 + reasks) * max_attempts`` is the
ceiling in the worst case.

and one model answer takes at most ``max_attempts * timeout`` plus the waits between attempts (each at
most ``max_delay``, or a server's ``Retry-After`` up to ``retry_after_cap``; longer asks fail at once).
The async path runs the parts of an article concurrently under the same ceiling.

``tests/llm/test_faults.py`` counts them against a local fault-injecting server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import httpx2
from openai import DEFAULT_CONNECTION_LIMITS, AsyncOpenAI, DefaultAsyncHttpx2Client, DefaultHttpx2Client, OpenAI

from ..errors import ConfigurationError
from . import structured
from ..settings import Settings
from .replay import AsyncRecordReplayTransport, Cassette, RecordReplayTransport, start_recording
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from .watch import ServerWatch, server_watch  # noqa: F401 (server_watch: re-exported)
from .watch_transport import AsyncWatchTransport, WatchTransport
from ..redact import redact, secrets_in

# instructor logs every failed attempt at ERROR level; with no handler Python would print them to stderr.
# Library code never prints: the attempts are reported in the briefing's metadata instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())
logging.getLogger("instructor").propagate = False

Observer = Callable[[int, Mapping[str, str]], None]

REPLAY_BASE_URL = "http://replay.invalid/v1"
# The openai client's own retries: always none, RetryTransport owns them (see the module docstring).
OPENAI_MAX_RETRIES = 0
# Transport retries after the first attempt of a request, all done by RetryTransport (not by openai).
TRANSPORT_RETRIES = RetryPolicy().max_attempts - 1
# The pool the openai client would give itself (1,000 connections, 100 kept alive). A transport of ours
# replaces its pool, and httpx2's bare default keeps only 20 connections alive: with 16 articles at once,
# each with its parts and summary in flight, every round would open a dozen new connections.
CONNECTION_LIMITS = DEFAULT_CONNECTION_LIMITS


CONNECT_TIMEOUT = 10.0  # seconds to open a connection: a host that does not answer at all fails fast


def http_timeout(settings: Settings) -> httpx2.Timeout:
    """Per attempt: ``settings.read_timeout`` to read (and write), ``CONNECT_TIMEOUT`` to connect."""
    seconds = settings.read_timeout
    return httpx2.Timeout(seconds, connect=min(CONNECT_TIMEOUT, seconds))


_BODY_HEADERS = ("content-length", "content-encoding", "transfer-encoding")


def redacted_response(response: httpx2.Response, request: httpx2.Request) -> httpx2.Response:
    """``response`` (an error answer, already read) with the request's key and key-shaped strings redacted
    from its body; the same object when there is nothing to hide."""
    try:
        text = response.content.decode("utf-8")
    except UnicodeDecodeError:
        return response
    clean = redact(text, secrets_in(request.headers))
    if clean == text:
        return response
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _BODY_HEADERS]
    extensions = {k: v for k, v in response.extensions.items() if k in ("http_version", "reason_phrase")}
    return httpx2.Response(response.status_code, headers=headers, content=clean.encode("utf-8"), request=request,
                           extensions=extensions)


class RedactingTransport(httpx2.BaseTransport):
    """Redacts secrets from error answers of ``inner`` (see the module docstring); 2xx pass unread."""

    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        if response.status_code < 400:
            return response
        try:
            response.read()
        finally:
            response.close()
        return redacted_response(response, request)

    def close(self) -> None:
        self.inner.close()


class AsyncRedactingTransport(httpx2.AsyncBaseTransport):
    """Async twin of :class:`RedactingTransport`."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await self.inner.handle_async_request(request)
        if response.status_code < 400:
            return response
        try:
            await response.aread()
        finally:
            await response.aclose()
        return redacted_response(response, request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def _client_kwargs(settings: Settings) -> dict[str, object]:
    if settings.replay_dir is not None:
        # Never used for a request: the replay transport answers or raises. A placeholder key keeps the
        # openai client from refusing to start, and no real key is read in replay mode.
        return {"api_key": "replay", "base_url": settings.base_url or REPLAY_BASE_URL, "max_retries": OPENAI_MAX_RETRIES}
    settings.check_reachable()
    return {
        "api_key": settings.api_key or "not-needed",
        "base_url": settings.base_url,
        "max_retries": OPENAI_MAX_RETRIES,
        "timeout": http_timeout(settings),  # per HTTP attempt
    }


def _replay_cassette(settings: Settings) -> Cassette:
    assert settings.replay_dir is not None
    if not settings.replay_dir.is_dir():
        raise ConfigurationError(f"--replay {settings.replay_dir}: no such folder of recordings")
    return Cassette(settings.replay_dir)


def live_transport(
    settings: Settings, retry_policy: RetryPolicy | None = None, watch: ServerWatch | None = None
) -> httpx2.BaseTransport:
    """The sync transport chain for live or recording runs (see the module docstring for the order)."""
    network = WatchTransport(RedactingTransport(httpx2.HTTPTransport(limits=CONNECTION_LIMITS)),
                             watch or server_watch(settings))
    retrying = RetryTransport(network, retry_policy)
    if settings.record_dir is not None:
        return RecordReplayTransport(start_recording(settings), "record", inner=retrying)
    return retrying


class AsyncObservingTransport(httpx2.AsyncBaseTransport):
    """Reports every response's status and headers to ``observe``; changes nothing."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, observe: Callable[[int, Mapping[str, str]], None]) -> None:
        self.inner = inner
        self.observe = observe

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await self.inner.handle_async_request(request)
        self.observe(response.status_code, response.headers)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def async_live_transport(
    settings: Settings, retry_policy: RetryPolicy | None = None, observe: Observer | None = None,
    watch: ServerWatch | None = None,
) -> httpx2.AsyncBaseTransport:
    """Async twin of :func:`live_transport`; ``observe`` (e.g. an adaptive limit) sees every HTTP attempt."""
    network: httpx2.AsyncBaseTransport = AsyncWatchTransport(
        AsyncRedactingTransport(httpx2.AsyncHTTPTransport(limits=CONNECTION_LIMITS)), watch or server_watch(settings)
    )
    if observe is not None:
        network = AsyncObservingTransport(network, observe)
    retrying = AsyncRetryTransport(network, retry_policy)
    if settings.record_dir is not None:
        return AsyncRecordReplayTransport(start_recording(settings), "record", inner=retrying)
    return retrying


def make_openai(
    settings: Settings, retry_policy: RetryPolicy | None = None, watch: ServerWatch | None = None
) -> OpenAI:
    """An ``OpenAI`` client for ``settings``. ``retry_policy`` (default :class:`RetryPolicy`) configures
    the transport retries of live and recording runs; replay ignores it. ``watch`` (default: a new one)
    sees every attempt of a live or recording client."""
    kwargs = _client_kwargs(settings)
    if settings.replay_dir is not None:
        transport: httpx2.BaseTransport = RecordReplayTransport(_replay_cassette(settings), "replay")
        kwargs["http_client"] = httpx2.Client(transport=transport)
    else:
        transport = live_transport(settings, retry_policy, watch)
        kwargs["http_client"] = DefaultHttpx2Client(transport=transport, timeout=http_timeout(settings))
    return OpenAI(**kwargs)  # type: ignore[arg-type]


def make_async_openai(
    settings: Settings,
    retry_policy: RetryPolicy | None = None,
    observe: Observer | None = None,
    wrap_transport: Callable[[httpx2.AsyncBaseTransport], httpx2.AsyncBaseTransport] | None = None,
    watch: ServerWatch | None = None,
) -> AsyncOpenAI:
    """Async twin of :func:`make_openai`. ``wrap_transport`` (live and recording runs only) puts a
    transport of the caller's in front of the chain, e.g. the ``--batch`` answers (``summarize/run/batch.py``)."""
    kwargs = _client_kwargs(settings)
    if settings.replay_dir is not None:
        transport: httpx2.AsyncBaseTransport = AsyncRecordReplayTransport(_replay_cassette(settings), "replay")
        kwargs["http_client"] = httpx2.AsyncClient(transport=transport)
    else:
        transport = async_live_transport(settings, retry_policy, observe, watch)
        if wrap_transport is not None:
            transport = wrap_transport(transport)
        kwargs["http_client"] = DefaultAsyncHttpx2Client(transport=transport, timeout=http_timeout(settings))
    return AsyncOpenAI(**kwargs)  # type: ignore[arg-type]


def wrap(client: OpenAI, settings: Settings) -> structured.Client:
    """``client`` wrapped for structured calls in ``settings.mode``, its completions collected."""
    if not isinstance(client, OpenAI):
        raise ConfigurationError(f"expected an openai.OpenAI client, got {type(client).__name__}")
    return structured.wrap(client, settings.mode)  # type: ignore[return-value]


def wrap_async(client: AsyncOpenAI, settings: Settings) -> structured.AsyncClient:
    if not isinstance(client, AsyncOpenAI):
        raise ConfigurationError(f"expected an openai.AsyncOpenAI client, got {type(client).__name__}")
    return structured.wrap(client, settings.mode)  # type: ignore[return-value]


def instructor_client(settings: Settings, client: OpenAI | None = None) -> structured.Client:
    """The structured-call client of a run: ``client`` (default: :func:`make_openai`) wrapped."""
    return wrap(client if client is not None else make_openai(settings), settings)


def async_instructor_client(
    settings: Settings, client: AsyncOpenAI | None = None, observe: Observer | None = None,
    watch: ServerWatch | None = None,
) -> structured.AsyncClient:
    """Async twin of :func:`instructor_client`; ``observe`` and ``watch`` as for :func:`make_async_openai`."""
    if client is None:
        client = make_async_openai(settings, observe=observe, watch=watch)
    return wrap_async(client, settings)
