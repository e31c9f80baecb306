"""The HTTP side of :mod:`summarize.llm.watch`: the transport that reports every attempt to a
:class:`~summarize.llm.watch.ServerWatch` and raises the :class:`~summarize.llm.server_problem.ServerProblem` it finds. Apart from the watch so that a run
which sends no request (the cache answers it whole) does not import httpx2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx2

from .server_problem import ServerProblem

if TYPE_CHECKING:  # a ServerWatch is handed in; this module never needs it otherwise (no import circle)
    from .watch import ServerWatch


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
