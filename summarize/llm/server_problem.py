"""The error that stops a run because its model server cannot serve it (none listening, stuck, or not an
API): found by :class:`~summarize.llm.watch.ServerWatch`, raised through the watch's transport. Its own
module, beside httpx2, so that neither the watch nor its transport needs the other to have it."""

from __future__ import annotations

import httpx2


class ServerProblem(httpx2.TransportError):
    """The model server cannot serve this run (none listening, stuck, or not an API). Fatal for a run."""
