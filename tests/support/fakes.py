"""HAND-MADE test doubles (not model output): a scripted OpenAI-compatible endpoint on an httpx2 transport.

Used only where a test needs a specific, controlled answer (re-ask flows, truncation, errors). Tests
about real model behaviour replay the recordings in ``tests/recordings/`` instead.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2
from openai import AsyncOpenAI, OpenAI


def completion(content: str, *, finish_reason: str = "stop", prompt_tokens: int = 100, completion_tokens: int = 20) -> dict[str, Any]:
    return {
        "id": "chatcmpl-handmade",
        "object": "chat.completion",
        "created": 0,
        "model": "hand-made",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class Scripted:
    """Answers chat requests from a list (or a function of the request body); records what was sent."""

    def __init__(self, answers: list[Any] | None = None, *, respond=None) -> None:  # noqa: ANN001
        self.answers = list(answers or [])
        self.respond = respond
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        answer = self.respond(body) if self.respond else self.answers.pop(0)
        if isinstance(answer, httpx2.Response):
            return answer
        if isinstance(answer, str):
            answer = completion(answer)
        return httpx2.Response(200, json=answer)

    def client(self) -> OpenAI:
        return OpenAI(
            api_key="sk-test-secret", base_url="http://fake.invalid/v1", max_retries=0,
            http_client=httpx2.Client(transport=httpx2.MockTransport(self)),
        )

    def async_client(self) -> AsyncOpenAI:
        async def handler(request: httpx2.Request) -> httpx2.Response:
            return self(request)

        return AsyncOpenAI(
            api_key="sk-test-secret", base_url="http://fake.invalid/v1", max_retries=0,
            http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)),
        )
