"""The adaptive concurrency limit: halves on 429 or low rate-limit headers, recovers on success."""

from __future__ import annotations

import asyncio
import json

from summarize import Settings, arun, article_from_text
from summarize.llm.limiter import AdaptiveLimit

from ..support.faultserver import FaultServer, ok, status


def test_aimd_rules() -> None:
    limit = AdaptiveLimit(8, recover=3)
    limit.observe(429, {})
    assert limit.limit == 4
    limit.observe(200, {"x-ratelimit-remaining-requests": "5", "x-ratelimit-limit-requests": "100"})
    assert limit.limit == 2  # 5 % left: back off before the 429
    for _ in range(3):
        limit.observe(200, {"x-ratelimit-remaining-requests": "90", "x-ratelimit-limit-requests": "100"})
    assert limit.limit == 3
    for _ in range(10):
        limit.observe(429, {})
    assert limit.limit == 1 and limit.lowest == 1
    for _ in range(100):
        limit.observe(200, {})
    assert limit.limit == 8  # never above the configured maximum


def test_in_flight_never_exceeds_the_current_limit() -> None:
    limit = AdaptiveLimit(4)
    peak = 0
    inside = 0

    async def job(n: int) -> None:
        nonlocal peak, inside
        async with limit:
            inside += 1
            peak = max(peak, inside)
            if n == 0:
                limit.observe(429, {})  # from now on at most 2
            await asyncio.sleep(0.01)
            inside -= 1

    async def main() -> None:
        await asyncio.gather(*(job(n) for n in range(12)))

    asyncio.run(main())
    assert peak <= 4 and limit.limit == 2


def test_run_backs_off_on_429_and_still_briefs_everything() -> None:
    """Through the real transport chain against the loopback fault server (HAND-MADE answers)."""
    part = json.dumps({"actors": [], "decisions": [], "weapons": [], "open_questions": []})
    summary = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})

    def by_kind(body: dict):  # noqa: ANN202
        return ok(summary) if "sentences_in_english" in json.dumps(body.get("response_format")) else ok(part)

    articles = [article_from_text(f"Meldung {n}\nPistorius sagte am Dienstag, man prüfe den Kauf ({n}).\n", id=f"a{n}")
                for n in range(8)]
    with FaultServer([status(429, headers={"Retry-After": "0"})] * 3, default=by_kind) as server:
        settings = Settings(model="m", api_key="k", base_url=server.url)
        result = asyncio.run(arun(articles, settings=settings, concurrency=4))
    assert len(result.briefings) == 8 and result.failures == []
    assert result.lowest_concurrency is not None and result.lowest_concurrency < 4


def test_waiters_go_by_priority_then_arrival() -> None:
    """A run gives each request its article's position: an earlier article's requests take freed slots first."""
    limit = AdaptiveLimit(1)
    order: list[str] = []

    async def job(name: str, priority: int) -> None:
        async with limit.slot(priority):
            order.append(name)
            await asyncio.sleep(0)

    async def main() -> None:
        await limit.acquire()  # the slot is taken: everyone below waits
        tasks = [asyncio.create_task(job(name, p)) for name, p in (("c3", 3), ("a1", 1), ("b2", 2), ("a1-later", 1))]
        await asyncio.sleep(0)
        limit.release()
        await asyncio.gather(*tasks)

    asyncio.run(main())
    assert order == ["a1", "a1-later", "b2", "c3"]


def test_a_cancelled_waiter_gives_its_place_up() -> None:
    limit = AdaptiveLimit(1)

    async def main() -> list[str]:
        order: list[str] = []

        async def job(name: str, priority: int) -> None:
            async with limit.slot(priority):
                order.append(name)

        await limit.acquire()
        first, second = asyncio.create_task(job("first", 1)), asyncio.create_task(job("second", 2))
        await asyncio.sleep(0)
        first.cancel()
        await asyncio.sleep(0)
        limit.release()
        await second
        return order

    assert asyncio.run(main()) == ["second"]
    assert limit._in_use == 0 and limit._waiters == []
