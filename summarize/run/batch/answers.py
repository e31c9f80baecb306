"""Step 5 of a batch run (see :mod:`summarize.run.batch`): the transport that answers from the batch results
and sends everything else to the live API (the online fallback)."""

from __future__ import annotations

import json

import httpx2

from ...llm.replay import Cassette, api_path, request_body, request_key
from .collect import CHAT_PATH


class BatchAnswers(httpx2.AsyncBaseTransport):
    """Answers chat requests from the batch results; sends everything else to ``inner`` (the live API)."""

    def __init__(self, results: Cassette, inner: httpx2.AsyncBaseTransport) -> None:
        self.results = results
        self.inner = inner
        self.from_batch = 0
        self.online = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        path = api_path(request.url)
        if path == CHAT_PATH:
            exchange = self.results.find(request_key(request.method, path, request_body(request)))
            if exchange is not None:
                self.from_batch += 1
                response = exchange["response"]
                content = json.dumps(response["body"], ensure_ascii=False).encode("utf-8")
                return httpx2.Response(response["status"], headers=response["headers"], content=content, request=request)
        self.online += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
