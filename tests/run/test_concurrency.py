"""Concurrent runs: bounded, input-ordered outputs; and a prompt prefix that stays byte-identical.

The endpoint is a HAND-MADE async handler with a small delay that records how many requests overlap."""

from __future__ import annotations

import asyncio
import json

import httpx2
import pytest
from openai import AsyncOpenAI

from summarize import Settings, UsageError, arun, article_from_text

from summarize.llm.replay import ARTICLE_HEADER

from ..support.fakes import completion

TEXT = "Meldung {n}\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf ({n}).\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                               "name": "Boris Pistorius", "kind": "person", "role_in_english": None}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


class Endpoint:
    def __init__(self, slow_first: bool = False, cut_off: str | None = None) -> None:
        self.cut_off = cut_off  # the first part request of this article is answered cut off (split in halves)
        self.in_flight = 0
        self.peak = 0
        self.bodies: list[dict] = []
        self.slow_first = slow_first
        self.events: list[tuple[str, str]] = []  # ("sent" | "answered", article id), in order

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        article = request.headers.get(ARTICLE_HEADER, "")
        self.bodies.append(body)
        self.events.append(("sent", article))
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        slow = self.slow_first and "(0)" in body["messages"][-1]["content"]
        await asyncio.sleep(0.15 if slow else 0.02)
        self.in_flight -= 1
        self.events.append(("answered", article))
        fields = list(body["response_format"]["json_schema"]["schema"]["properties"])
        if "sentences_in_english" in fields:
            return httpx2.Response(200, json=completion(SUMMARY))
        part = json.loads(PART)
        answer = json.dumps({f: part.get(f, []) for f in fields})
        if article == self.cut_off:
            self.cut_off = None
            return httpx2.Response(200, json=completion(answer, finish_reason="length"))
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
    assert endpoint.peak == 3  # requests in flight, not articles: each article sends a part and a summary


def _long(n: int, chars: int) -> object:
    """A HAND-MADE article of ``chars`` characters: paragraphs of numbered German news sentences."""
    sentence = "Verteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf von System {k} ({n})."
    lines, k = [f"Meldung {n}"], 0
    while sum(map(len, lines)) < chars:
        lines.append(" ".join(sentence.format(k=k + j, n=n) for j in range(4)))
        k += 4
    return article_from_text("\n".join(lines) + "\n", id=f"a{n}")


def test_a_long_article_at_j1_has_one_request_in_flight() -> None:
    """40,000 characters at depth 3 are dozens of requests; -j 1 sends them one after another."""
    endpoint = Endpoint()
    result = asyncio.run(arun([_long(0, 40_000)], settings=Settings(model="m", api_key="k"),
                              client=endpoint.client(), concurrency=1))
    assert len(result.briefings) == 1 and result.briefings[0].meta.chunks >= 20
    assert len(endpoint.bodies) > 40
    assert endpoint.peak == 1


def test_several_long_articles_at_j3_never_have_more_than_3_requests_in_flight() -> None:
    endpoint = Endpoint()
    result = asyncio.run(arun([_long(n, 8_000) for n in range(4)], settings=Settings(model="m", api_key="k"),
                              client=endpoint.client(), concurrency=3))
    assert len(result.briefings) == 4
    assert endpoint.peak == 3


def test_an_earlier_article_s_requests_go_first() -> None:
    """Briefings land in input order: a later article waits until an earlier one has sent everything, even
    the halves of a part whose answer came back cut off (they queue after the article's other requests)."""
    endpoint = Endpoint(cut_off="a0")
    done: list[str] = []
    asyncio.run(arun([_long(n, 6_000) for n in range(3)], settings=Settings(model="m", api_key="k"),
                     client=endpoint.client(), concurrency=2,
                     on_progress=lambda p: done.append(p.article_id) if p.status == "done" else None))
    assert done == ["a0", "a1", "a2"]
    assert any(kind == "answered" for kind, _ in endpoint.events)
    sent = [a for kind, a in endpoint.events if kind == "sent"]
    last_of_a0 = max(i for i, a in enumerate(sent) if a == "a0")
    # a1 only fills the slots a0 leaves idle (while its halves go one after the other), it does not go first
    assert sent[:last_of_a0].count("a1") <= 3 < sent.count("a1")
    assert sent.index("a2") > max(i for i, a in enumerate(sent) if a == "a1")  # then every request of a1


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


def test_no_call_of_an_article_starts_once_one_has_failed() -> None:
    """A failed call fails its article; the article's calls still queued for a slot send nothing (the
    TaskGroup would cancel them only a loop turn later, after the freed slot had started the next one)."""
    from summarize import BriefingError, abrief

    from ..support.fakes import Scripted

    server = Scripted(respond=lambda body: httpx2.Response(401, json={"error": {"message": "bad key", "code": "invalid_api_key"}}))
    text = "Titel\n" + "\n".join(f"Am Tag {n} sagte Boris Pistorius in Berlin etwas Neues über die Lage." for n in range(12))
    settings = Settings(model="m", api_key="k", depth=1, chunk_chars=400)
    with pytest.raises(BriefingError, match="bad key"):
        asyncio.run(abrief(article_from_text(text, id="a0"), settings=settings, client=server.async_client(), concurrency=1))
    assert len(server.requests) == 1
