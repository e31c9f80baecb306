"""Build the openai + instructor clients for a run, with retries and record/replay in the HTTP transport.

The clients the package builds are async (:func:`make_async_openai`): the library's work is async, and the
sync functions run it on one event loop (``summarize/sync.py``). A caller's own sync ``openai.OpenAI``
(``brief(..., client=OpenAI())``, ``run(..., client=...)``) is only wrapped for structured calls
(:func:`instructor_client`); it keeps its own transport, so none of the layers below is in its path
(``summarize.redact`` still cleans what its errors put into a digest's failures).

Exactly one layer retries transport failures: :class:`~summarize.llm.retry.AsyncRetryTransport` (tenacity,
inside the ``httpx2`` client). The others are switched off or cannot overlap:

* the openai client always gets ``max_retries=0``;
* instructor's ``max_retries`` (``Settings.reasks``) is the validation re-ask budget only: instructor
  1.17 retries just ``ValidationError``, ``JSONDecodeError``, ``AsyncValidationError`` and
  ``ResponseParsingError`` (``instructor/v2/core/retry.py``, ``retry_if_exception_type(_RETRYABLE_PARSE_ERRORS)``),
  so an ``openai.APIError`` ends the call at once and is never re-sent by instructor. One edge counts
  against the re-ask budget instead: a 200 whose body is not JSON makes the openai client raise
  ``JSONDecodeError``, which instructor treats as a parse error and sends once more, unchanged.

Transport chains, outermost first::

    live:    AsyncRetryTransport -> [AsyncObservingTransport] -> AsyncWatchTransport -> AsyncRedactingTransport
             -> AsyncAiohttpTransport
    record:  AsyncRecordReplayTransport("record") -> (the live chain)
    replay:  AsyncRecordReplayTransport("replay")            (no retry layer, nothing can reach the network)

A ``--batch`` run puts its own transport in front of the live or record chain (``wrap_transport``).

``AsyncAiohttpTransport`` is the network: HTTP/1.1 over aiohttp's connection pool (aiohttp's public API; its
parser is C, and it costs this process about half a millisecond less per request than httpx2's own
transport, issue 12). Its errors are httpx2's transport exceptions, as httpx2's transport would raise them
(connection refused: ``ConnectError``, no answer in time: ``ReadTimeout``, the server hung up:
``RemoteProtocolError``, ...), so the retry layer and the watch treat them alike.

``AsyncRedactingTransport`` sits next to the network: an error answer (status >= 400) whose body echoes the key
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
The parts of an article run concurrently under the same ceiling.

``tests/llm/test_faults.py`` counts them against a local fault-injecting server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import contextmanager

import aiohttp
import httpx2
from openai import DEFAULT_CONNECTION_LIMITS, AsyncOpenAI, DefaultAsyncHttpx2Client, OpenAI

from ..errors import ConfigurationError
from . import structured
from ..settings import Settings
from .replay import AsyncRecordReplayTransport, Cassette, start_recording
from .retry import AsyncRetryTransport, RetryPolicy
from .watch import ServerWatch, server_watch  # noqa: F401 (server_watch: re-exported)
from .watch_transport import AsyncWatchTransport
from ..redact import redact, secrets_in

Observer = Callable[[int, Mapping[str, str]], None]

REPLAY_BASE_URL = "http://replay.invalid/v1"
# The openai client's own retries: always none, AsyncRetryTransport owns them (see the module docstring).
OPENAI_MAX_RETRIES = 0
# Transport retries after the first attempt of a request, all done by AsyncRetryTransport (not by openai).
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


# aiohttp's errors as httpx2's transport would raise them, most specific first (see the module docstring).
_AIOHTTP_ERRORS: tuple[tuple[type[BaseException], type[httpx2.TransportError]], ...] = (
    (aiohttp.ConnectionTimeoutError, httpx2.ConnectTimeout),
    (aiohttp.ServerTimeoutError, httpx2.ReadTimeout),
    (aiohttp.ClientConnectorError, httpx2.ConnectError),
    (aiohttp.ServerDisconnectedError, httpx2.RemoteProtocolError),
    (aiohttp.ClientPayloadError, httpx2.RemoteProtocolError),
    (aiohttp.ClientResponseError, httpx2.RemoteProtocolError),
    (aiohttp.InvalidURL, httpx2.UnsupportedProtocol),
    (aiohttp.NonHttpUrlClientError, httpx2.UnsupportedProtocol),
    (aiohttp.ClientConnectionError, httpx2.ReadError),
    (asyncio.TimeoutError, httpx2.TimeoutException),
    (aiohttp.ClientError, httpx2.TransportError),
)


@contextmanager
def _as_httpx2(request: httpx2.Request) -> Iterator[None]:
    try:
        yield
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        kind = next(to for error, to in _AIOHTTP_ERRORS if isinstance(exc, error))
        raise kind(str(exc) or type(exc).__name__, request=request) from exc


class _AiohttpBody(httpx2.AsyncByteStream):
    """An aiohttp response's body, as it arrives, for httpx2 (which decodes ``content-encoding`` itself)."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx2.Request) -> None:
        self.response, self.request = response, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx2(self.request):
            async for chunk in self.response.content.iter_any():
                yield chunk

    async def aclose(self) -> None:
        self.response.release()  # back to the pool when read whole, else the connection is closed


class AsyncAiohttpTransport(httpx2.AsyncBaseTransport):
    """The innermost transport: each request sent by aiohttp, with httpx2's per-request timeouts (connect,
    read, pool) and ``limits`` (connections, how long an idle one is kept). No cookies (the openai client
    keeps its own), no proxy from the environment, no redirects followed, bodies passed on undecoded. The
    session is made on the first request, in the event loop that sends it (again if a later request
    comes from another loop)."""

    def __init__(self, limits: httpx2.Limits = CONNECTION_LIMITS, verify: bool = True) -> None:
        self.limits = limits
        self.ssl = httpx2.create_ssl_context(verify=verify)  # the certificates httpx2 would trust
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _session_here(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._loop is not loop or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.limits.max_connections or 0, ssl=self.ssl,
                                             keepalive_timeout=self.limits.keepalive_expiry)
            self._session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())
            self._loop = loop
        return self._session

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        timeout = request.extensions.get("timeout", {})
        body = await request.aread()
        with _as_httpx2(request):
            response = await self._session_here().request(
                request.method, str(request.url), headers=request.headers.multi_items(), data=body or None,
                allow_redirects=False, auto_decompress=False, compress=None,
                timeout=aiohttp.ClientTimeout(total=None, connect=timeout.get("pool"),
                                              sock_connect=timeout.get("connect"), sock_read=timeout.get("read")),
            )
        extensions = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx2.Response(response.status, headers=list(response.raw_headers),
                               stream=_AiohttpBody(response, request), request=request, extensions=extensions)

    async def aclose(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


class AsyncRedactingTransport(httpx2.AsyncBaseTransport):
    """Redacts secrets from error answers of ``inner`` (see the module docstring); 2xx pass unread."""

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
    """The transport chain for live or recording runs (see the module docstring for the order). ``retry_policy``
    (default :class:`RetryPolicy`) configures the retries; ``observe`` (e.g. an adaptive limit) and ``watch``
    (default: a new one) see every HTTP attempt."""
    network: httpx2.AsyncBaseTransport = AsyncWatchTransport(
        AsyncRedactingTransport(AsyncAiohttpTransport(CONNECTION_LIMITS)), watch or server_watch(settings)
    )
    if observe is not None:
        network = AsyncObservingTransport(network, observe)
    retrying = AsyncRetryTransport(network, retry_policy)
    if settings.record_dir is not None:
        return AsyncRecordReplayTransport(start_recording(settings), "record", inner=retrying)
    return retrying


def make_async_openai(
    settings: Settings,
    retry_policy: RetryPolicy | None = None,
    observe: Observer | None = None,
    wrap_transport: Callable[[httpx2.AsyncBaseTransport], httpx2.AsyncBaseTransport] | None = None,
    watch: ServerWatch | None = None,
) -> AsyncOpenAI:
    """An ``AsyncOpenAI`` client for ``settings``: a replaying one with ``settings.replay_dir``, else one on
    :func:`async_live_transport` (``retry_policy``, ``observe`` and ``watch`` go there; replay ignores them).
    ``wrap_transport`` (live and recording runs only) puts a transport of the caller's in front of the chain,
    e.g. the ``--batch`` answers (``summarize/run/batch/runner.py``)."""
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


def instructor_client(settings: Settings, client: OpenAI) -> structured.Client:
    """A sync ``client`` wrapped for structured calls in ``settings.mode``, its completions collected: a
    caller's own (``brief(..., client=OpenAI())``), or the ``--batch`` request collector's, which sends nothing.
    The package builds no sync client that talks to a model: see :func:`make_async_openai`."""
    if not isinstance(client, OpenAI):
        raise ConfigurationError(f"expected an openai.OpenAI client, got {type(client).__name__}")
    return structured.wrap(client, settings.mode)  # type: ignore[return-value]


def async_instructor_client(
    settings: Settings, client: AsyncOpenAI | None = None, observe: Observer | None = None,
    watch: ServerWatch | None = None,
) -> structured.AsyncClient:
    """The structured-call client of a run: ``client`` (default: :func:`make_async_openai`, with ``observe``
    and ``watch``) wrapped for structured calls in ``settings.mode``, its completions collected."""
    if client is None:
        client = make_async_openai(settings, observe=observe, watch=watch)
    if not isinstance(client, AsyncOpenAI):
        raise ConfigurationError(f"expected an openai.AsyncOpenAI client, got {type(client).__name__}")
    return structured.wrap(client, settings.mode)  # type: ignore[return-value]
