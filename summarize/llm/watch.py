"""What a run sees of its model server: requests in flight, the last sign of life, and the failures that
mean the server cannot serve this run at all.

:class:`ServerWatch` sits in the transport chain *inside* the retry layer, so it sees every HTTP attempt.
It keeps the counts a progress display shows (requests in flight, answers, seconds since the last
activity) and turns three situations into a :class:`ServerProblem`, which stops the run (``is_fatal``)
with a message that names the URL and the fix:

* nothing listens: ``MAX_CONNECT_FAILURES`` connection failures before the server ever answered
  ("no server at http://127.0.0.1:9/v1: is it running? check --base-url");
* the server accepts but never answers: a read timeout before it ever answered (another attempt would
  cost another full timeout; once it has answered, a timeout is an overloaded moment and is retried);
* the server answers an HTML page instead of JSON (a web site or a proxy's page): the base URL is wrong.

Once it has found one, every later attempt through the same client fails with it at once, sending nothing:
requests that were already queued (other articles', other parts') do not each wait out a timeout.

:class:`ServerProblem` derives from ``httpx2.TransportError`` but from none of the classes the retry layer
retries, so it is never sent again; the openai client wraps it in ``APIConnectionError`` and keeps it as
the cause. It lives in :mod:`summarize.llm.server_problem` and the transport that reports to a watch
(``AsyncWatchTransport``) in :mod:`summarize.llm.watch_transport`, both with httpx2, which this module
imports only when a request is made.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from ..settings import Settings

if TYPE_CHECKING:  # the HTTP side (the exception, the transport) is in .watch_transport, imported when a
    import httpx2  # request is made: a run the cache answers whole never loads httpx2

    from .server_problem import ServerProblem

MAX_CONNECT_FAILURES = 3  # connection failures before a first answer that stop the run (one request retries 3x)


class ServerWatch:
    """Counts of one client's traffic, safe across threads. ``base_url`` and ``timeout`` go into messages."""

    def __init__(self, base_url: str, timeout: float) -> None:
        self.base_url = base_url
        self.timeout = timeout
        self._lock = threading.Lock()
        self.in_flight = 0
        self.sent = 0
        self.answers = 0
        self.connect_failures = 0
        self.last_activity = time.monotonic()
        self.problem: ServerProblem | None = None  # once found, every later attempt fails with it at once

    @property
    def idle_seconds(self) -> float:
        """Seconds since the last request went out or the last answer came back."""
        return time.monotonic() - self.last_activity

    def started(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.sent += 1
            self.last_activity = time.monotonic()

    def _found(self, problem: ServerProblem) -> ServerProblem:
        with self._lock:
            self.problem = self.problem or problem
        return problem

    def check(self, request: httpx2.Request) -> None:
        """Before an attempt: once the server is known not to serve this run, fail at once, sending nothing."""
        if self.problem is not None:
            from .server_problem import ServerProblem

            raise ServerProblem(str(self.problem), request=request)

    def abandoned(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def answered(self, request: httpx2.Request, response: httpx2.Response) -> None:
        """Count an answer; raise :class:`ServerProblem` when it is a web page rather than an API's JSON."""
        with self._lock:
            self.in_flight -= 1
            self.answers += 1
            self.last_activity = time.monotonic()
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml") and response.status_code < 500:
            from .server_problem import ServerProblem

            raise self._found(ServerProblem(
                f"the server at {self.base_url} answered {request.url.path} with an HTML page "
                f"(status {response.status_code}), not JSON: the base URL is probably wrong. An OpenAI-compatible "
                "API usually ends in /v1 (e.g. http://127.0.0.1:8080/v1); check --base-url or OPENAI_BASE_URL",
                request=request,
            ))

    def failed(self, request: httpx2.Request, exc: Exception) -> ServerProblem | None:
        """Count a failed attempt; the :class:`ServerProblem` it amounts to, if any."""
        import httpx2

        from .server_problem import ServerProblem

        with self._lock:
            self.in_flight -= 1
            self.last_activity = time.monotonic()
            never_answered = self.answers == 0
            if isinstance(exc, (httpx2.ConnectError, httpx2.ConnectTimeout)):
                self.connect_failures += 1
            connect_failures = self.connect_failures
        if not never_answered:
            return None
        if isinstance(exc, (httpx2.ConnectError, httpx2.ConnectTimeout)) and connect_failures >= MAX_CONNECT_FAILURES:
            return self._found(ServerProblem(
                f"no server at {self.base_url}: is it running? check --base-url or OPENAI_BASE_URL "
                f"({connect_failures} connection attempts failed: {exc or type(exc).__name__})",
                request=request,
            ))
        if isinstance(exc, httpx2.ReadTimeout):
            return self._found(ServerProblem(
                f"the server at {self.base_url} accepted the request but sent no answer within "
                f"{self.timeout:g}s: it may be stuck or overloaded. Check it, or allow a slow model longer "
                "with --timeout SECONDS (env SUMMARIZE_TIMEOUT)",
                request=request,
            ))
        return None


def server_watch(settings: Settings) -> ServerWatch:
    """A fresh :class:`ServerWatch` for a live or recording client of ``settings``."""
    return ServerWatch(settings.base_url or "https://api.openai.com/v1", settings.read_timeout)
