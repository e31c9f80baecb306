"""Throughput against a local fake OpenAI-compatible server with a fixed latency (no real model).

Reports in one run: wall time of the pipeline on N generated articles against the ideal
``ceil(requests / concurrency) x latency`` (``concurrency`` bounds the requests in flight, not articles), against a naive sequential loop of instructor calls, requests made,
a rerun with a warm cache, peak memory, and (with --rpm) whether any article failed under a rate limit.

Targets (issue 5): 200 articles, 0.5 s latency, concurrency 16: within 1.15 x ideal and >= 12 x faster than
the naive loop; warm-cache rerun 0 requests and < 2 s; under 600 requests/minute no article fails. Issue 5's
concurrency counted articles (16 articles were 32 requests in flight); since issue 11 it counts requests,
so issue 5's load is ``--concurrency 32``.

Usage: python benchmarks/throughput.py [--articles 200] [--latency 0.5] [--concurrency 16] [--rpm 600]
       [--naive 200]   (articles for the naive loop; its time is extrapolated to --articles when fewer)
       [--repeat 1]    (pipeline runs, each with an empty cache; the median is reported)

Each article here is one part, so the pipeline sends two requests per article (the part and the summary);
with ``concurrency`` slots for requests, 200 articles are 400 requests, ceil(400/16) = 25 rounds. The naive loop sends one request per article (the part
model only), so it does less work than the pipeline. The fake server runs in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing
import resource
import statistics
import tempfile
import time
from collections import deque
from pathlib import Path
from typing import Any

import instructor
from openai import OpenAI

from summarize import Settings, arun
from summarize.briefing.extraction import models_for
from summarize.run.cache import BriefingCache

PART = {"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                    "name": "Boris Pistorius", "kind": "person", "role_in_english": "defence minister"}],
        "decisions": [], "weapons": [], "open_questions": []}
SUMMARY = {"sentences_in_english": ["Pistorius reviews a purchase."]}
TEXT = "Meldung {n}\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf von System {n}.\n"


class FakeModel:
    """The fake model: answers every chat completion after exactly ``latency`` seconds (or at once with a 429
    over ``rpm`` requests in the last minute). It runs in a process of its own (see :class:`Server`), as a
    real server would: in the benchmark's process it would compete with the pipeline for the GIL and slow
    down what is measured. One asyncio loop, HTTP/1.1 with keep-alive and TCP_NODELAY (asyncio's default),
    like the OpenAI API and local model servers; a thread per connection (``http.server``) added 20-50 ms
    to each answer when 32 requests arrived at once."""

    def __init__(self, latency: float, rpm: int | None, requests: Any, limited: Any) -> None:
        self.latency, self.rpm = latency, rpm
        self.requests, self.limited = requests, limited  # multiprocessing.Value, read by the benchmark
        self.times: deque[float] = deque()

    def answer(self, body: dict) -> tuple[int, dict, dict[str, str]]:
        self.requests.value += 1
        now = time.monotonic()
        if self.rpm:
            while self.times and now - self.times[0] > 60:
                self.times.popleft()
            if len(self.times) >= self.rpm:
                self.limited.value += 1
                wait = 60 - (now - self.times[0])
                return (429, {"error": {"message": "rate limited", "type": "rate_limit", "code": None}},
                        {"retry-after": f"{max(wait, 0.1):.2f}"})
            self.times.append(now)
        schema = json.dumps(body.get("response_format") or body.get("tools"))
        content = SUMMARY if "sentences_in_english" in schema else PART
        return 200, {"id": "x", "object": "chat.completion", "created": 0, "model": "fake",
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(content)},
                                  "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 800, "completion_tokens": 60, "total_tokens": 860}}, {}

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:  # keep-alive: one request after another on the connection
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                fields = dict(line.split(":", 1) for line in head[1:] if ":" in line)
                length = int(next((v for k, v in fields.items() if k.strip().lower() == "content-length"), "0"))
                status, data, headers = self.answer(json.loads(await reader.readexactly(length)))
                if status == 200:
                    await asyncio.sleep(self.latency)
                raw = json.dumps(data).encode()
                lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Too Many Requests'}",
                         "content-type: application/json", f"content-length: {len(raw)}",
                         *(f"{k}: {v}" for k, v in headers.items())]
                writer.write("\r\n".join(lines).encode() + b"\r\n\r\n" + raw)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def _serve_forever(latency: float, rpm: int | None, requests: Any, limited: Any, port: Any) -> None:
    async def serve() -> None:
        model = FakeModel(latency, rpm, requests, limited)
        server = await asyncio.start_server(model.handle, "127.0.0.1", 0, backlog=512)
        port.value = server.sockets[0].getsockname()[1]
        await server.serve_forever()

    asyncio.run(serve())


class Server:
    """The fake model in a separate process; ``requests`` and ``limited`` count what it answered."""

    def __init__(self, latency: float, rpm: int | None) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._requests, self._limited, port = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Value("i", 0)
        self._process = ctx.Process(target=_serve_forever, args=(latency, rpm, self._requests, self._limited, port),
                                    daemon=True)
        self._process.start()
        deadline = time.monotonic() + 30
        while not port.value:
            if time.monotonic() > deadline or not self._process.is_alive():
                raise RuntimeError("the fake server did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{port.value}/v1"

    @property
    def requests(self) -> int:
        return self._requests.value

    @property
    def limited(self) -> int:
        return self._limited.value

    def reset(self) -> None:
        self._requests.value = 0

    def shutdown(self) -> None:
        self._process.terminate()
        self._process.join()


def naive_loop(base_url: str, inbox: Path, n: int) -> float:
    """What a user writes first: one instructor call per article, one after another."""
    client = instructor.from_openai(OpenAI(api_key="k", base_url=base_url), mode=instructor.Mode.JSON_SCHEMA)
    part_model, _ = models_for("English")
    started = time.perf_counter()
    for path in sorted(inbox.glob("*.txt"))[:n]:
        client.create(model="fake", response_model=part_model, max_retries=0,
                      messages=[{"role": "user", "content": path.read_text(encoding="utf-8")}])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rpm", type=int, default=0, help="also run under this requests/minute limit")
    parser.add_argument("--naive", type=int, default=None, help="articles for the naive loop (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="pipeline runs (each with an empty cache); the median counts")
    args = parser.parse_args()
    n, latency, conc = args.articles, args.latency, args.concurrency

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for i in range(n):
            (inbox / f"a{i:04d}.txt").write_text(TEXT.format(n=i), encoding="utf-8")
        server = Server(latency, None)
        settings = Settings(model="fake", api_key="k", base_url=server.url, depth=1)

        # openai and instructor import most of themselves on the first client or request (~0.5 s, once per
        # process). That happens here, before any clock starts, for the pipeline and the naive loop alike.
        started = time.perf_counter()
        import openai.resources.chat  # noqa: F401
        instructor.from_openai(OpenAI(api_key="k", base_url=server.url), mode=instructor.Mode.JSON_SCHEMA)
        imports = time.perf_counter() - started

        walls = []
        for r in range(max(1, args.repeat)):
            cache = BriefingCache(Path(tmp) / f"cache{r}")
            server.reset()
            started = time.perf_counter()
            result = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
            walls.append(time.perf_counter() - started)
            requests = server.requests
        wall = statistics.median(walls)
        ideal = math.ceil(requests / conc) * latency

        server.reset()
        started = time.perf_counter()
        warm = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
        warm_wall, warm_requests = time.perf_counter() - started, server.requests

        naive_n = min(args.naive or n, n)
        naive = naive_loop(server.url, inbox, naive_n) * n / naive_n
        server.shutdown()

        print(f"articles {n}, latency {latency}s, concurrency {conc} (library imports before timing: {imports:.2f}s)")
        print(f"pipeline: {wall:.2f}s" + (f" (median of {', '.join(f'{w:.2f}' for w in walls)})" if len(walls) > 1 else "")
              + f", {requests} requests ({requests / n:.0f} per article), {len(result.failures)} failed; "
              f"ideal ceil({requests}/{conc}) x {latency}s = {ideal:.2f}s -> {wall / ideal:.2f} x ideal (target <= 1.15)")
        print(f"naive sequential instructor loop: {naive:.1f}s"
              + (f" (extrapolated from {naive_n})" if naive_n < n else "")
              + f" -> pipeline is {naive / wall:.1f} x faster (target >= 12)")
        print(f"warm cache rerun: {warm_wall:.2f}s, {warm_requests} requests, {len(warm.briefings)} briefings "
              "(target 0 requests, < 2 s)")
        print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

        if args.rpm:
            server = Server(latency, args.rpm)
            limited = asyncio.run(arun([inbox], settings=Settings(model="fake", api_key="k", base_url=server.url, depth=1),
                                       concurrency=conc))
            server.shutdown()
            print(f"under {args.rpm} requests/minute: {len(limited.failures)} failed, {server.requests} requests, "
                  f"{server.limited} answered 429 (target: 0 failed)")


if __name__ == "__main__":
    main()
