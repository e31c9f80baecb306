"""The HTTP side of :mod:`summarize.llm.watch`: the :class:`ServerProblem` that stops a run, and the transport
that reports every attempt to a :class:`~summarize.llm.watch.ServerWatch`. Apart from the watch so that a run
which sends no request (the cache answers it whole) does not import httpx2.
"""

from __future__ import annotations

import httpx2

from .watch import ServerWatch


class ServerProblem(httpx2.TransportError):
    """The model server cannot serve this run (none listening, stuck, or not an API). Fatal for a run."""


class AsyncWatchTransport(httpx2.AsyncBaseTransport):
    """Transport that reports every attempt of ``inner`` to a :class:`ServerWatch`."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, watch: ServerWatch) -> None:
        self.inner = inner
        self.watch = watch

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.watch.check(request)
        self.watch.started()
        try:
            response = await self.inner.handle_async_request(request)
        except httpx2.TransportError as exc:
            problem = self.watch.failed(request, exc)
            if problem is not None:
                raise problem from exc
            raise
        except BaseException:  # cancelled (Ctrl-C, a stopped run), or a bug below: no longer in flight
            self.watch.abandoned()
            raise
        try:
            self.watch.answered(request, response)
        except ServerProblem:
            await response.aclose()
            raise
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
