"""Concurrent runs: bounded, input-ordered outputs; and a prompt prefix that stays byte-identical.

The endpoint is a HAND-MADE async handler with a small delay that records how many requests overlap."""

from __future__ import annotations

import asyncio
import json

import httpx2
import pytest
from openai import AsyncOpenAI

from summarize import Settings, UsageError, arun, article_from_text

from .fakes import completion

TEXT = "Meldung {n}\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf ({n}).\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                               "name": "Boris Pistorius", "kind": "person", "role_in_english": None}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


class Endpoint:
    def __init__(self, slow_first: bool = False) -> None:
        self.in_flight = 0
        self.peak = 0
        self.bodies: list[dict] = []
        self.slow_first = slow_first

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        slow = self.slow_first and "(0)" in body["messages"][-1]["content"]
        await asyncio.sleep(0.15 if slow else 0.02)
        self.in_flight -= 1
        answer = SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART
        return httpx2.Response(200, json=completion(answer))

    def client(self) -> AsyncOpenAI:
        return AsyncOpenAI(api_key="k", base_url="http://fake.invalid/v1", max_retries=0,
                           http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(self)))


def _articles(n: int) -> list:
    return [article_from_text(TEXT.format(n=i), id=f"a{i}") for i in range(n)]


def test_concurrency_is_bounded_and_used() -> None:
    endpoint = Endpoint()
    result = asyncio.run(arun(_articles(8), settings=Settings(model="m", api_key="k", depth=1), client=endpoint.client(), concurrency=3))
    assert len(result.briefings) == 8
    assert endpoint.peak == 6  # 3 articles at once, each sending its part and its summary together


def test_outputs_keep_input_order_whatever_finishes_first() -> None:
    endpoint = Endpoint(slow_first=True)
    result = asyncio.run(arun(_articles(4), settings=Settings(model="m", api_key="k", depth=1), client=endpoint.client(), concurrency=4))
    assert [b.article.id for b in result.briefings] == ["a0", "a1", "a2", "a3"]
    assert [a.id for a in result.digest.articles] == ["a0", "a1", "a2", "a3"]


def test_concurrency_below_one_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="concurrency=0"):
        asyncio.run(arun(_articles(1), settings=Settings(model="m", api_key="k", depth=1), concurrency=0))


def test_static_prompt_prefix_is_byte_identical_and_the_article_comes_last() -> None:
    """Providers cache a request's long static prefix: instructions and schema first, article last."""
    endpoint = Endpoint()
    asyncio.run(arun(_articles(3), settings=Settings(model="m", api_key="k", depth=1), client=endpoint.client(), concurrency=1))
    parts = [b for b in endpoint.bodies if "sentences_in_english" not in json.dumps(b["response_format"])]
    assert len(parts) == 3
    assert len({json.dumps(b["messages"][0], ensure_ascii=False) for b in parts}) == 1  # system prompt
    assert len({json.dumps(b["response_format"], sort_keys=True) for b in parts}) == 1  # schema
    for b in parts:
        user = b["messages"][1]["content"]
        assert user.index("<article>") > user.index("Part ") and "</article>" in user.split("<article>")[1]
