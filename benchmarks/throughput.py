"""Throughput against a local fake OpenAI-compatible server with a fixed latency (no real model).

Reports in one run: wall time of the pipeline on N generated articles against the ideal
``ceil(N / concurrency) x latency``, against a naive sequential loop of instructor calls, requests made,
a rerun with a warm cache, peak memory, and (with --rpm) whether any article failed under a rate limit.

Targets (issue 5): 200 articles, 0.5 s latency, concurrency 16: within 1.15 x ideal and >= 12 x faster than
the naive loop; warm-cache rerun 0 requests and < 2 s; under 600 requests/minute no article fails.

Usage: python benchmarks/throughput.py [--articles 200] [--latency 0.5] [--concurrency 16] [--rpm 600]
       [--naive 200]   (articles for the naive loop; its time is extrapolated to --articles when fewer)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing
import resource
import tempfile
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import instructor
from openai import OpenAI

from summarize import Settings, arun
from summarize.briefing.extraction import models_for
from summarize.cache import BriefingCache

PART = {"actors": [{"name_as_written": "Boris Pistorius", "quote": "Verteidigungsminister Boris Pistorius sagte am",
                    "name": "Boris Pistorius", "kind": "person", "role_in_english": "defence minister"}],
        "decisions": [], "weapons": [], "open_questions": []}
SUMMARY = {"sentences_in_english": ["Pistorius reviews a purchase."]}
TEXT = "Meldung {n}\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf von System {n}.\n"


class FakeModel(BaseHTTPRequestHandler):
    """The fake model. It runs in a process of its own (see :class:`Server`), as a real server would: an
    in-process server would compete with the pipeline for the GIL and slow down what is measured.
    HTTP/1.1 with keep-alive, like the OpenAI API and local servers."""

    protocol_version = "HTTP/1.1"
    latency = 0.5
    rpm: int | None = None
    lock = threading.Lock()
    times: deque[float] = deque()
    requests: Any = None  # multiprocessing.Value, shared with the benchmark's process
    limited: Any = None

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        cls = type(self)
        with cls.lock:
            cls.requests.value += 1
            now = time.monotonic()
            if cls.rpm:
                while cls.times and now - cls.times[0] > 60:
                    cls.times.popleft()
                if len(cls.times) >= cls.rpm:
                    cls.limited.value += 1
                    wait = 60 - (now - cls.times[0])
                    self._send(429, {"error": {"message": "rate limited", "type": "rate_limit", "code": None}},
                               {"retry-after": f"{max(wait, 0.1):.2f}"})
                    return
                cls.times.append(now)
        time.sleep(cls.latency)
        schema = json.dumps(body.get("response_format") or body.get("tools"))
        content = SUMMARY if "sentences_in_english" in schema else PART
        self._send(200, {"id": "x", "object": "chat.completion", "created": 0, "model": "fake",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(content)},
                                      "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 800, "completion_tokens": 60, "total_tokens": 860}})

    def _send(self, status: int, data: dict, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(raw)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the listen backlog: every connection of a run may arrive at once


def _serve_forever(latency: float, rpm: int | None, requests: Any, limited: Any, port: Any) -> None:
    FakeModel.latency, FakeModel.rpm, FakeModel.requests, FakeModel.limited = latency, rpm, requests, limited
    httpd = _HTTPServer(("127.0.0.1", 0), FakeModel)
    port.value = httpd.server_address[1]
    httpd.serve_forever()


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
    args = parser.parse_args()
    n, latency, conc = args.articles, args.latency, args.concurrency

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for i in range(n):
            (inbox / f"a{i:04d}.txt").write_text(TEXT.format(n=i), encoding="utf-8")
        server = Server(latency, None)
        settings = Settings(model="fake", api_key="k", base_url=server.url)
        cache = BriefingCache(Path(tmp) / "cache")

        started = time.perf_counter()
        result = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
        wall = time.perf_counter() - started
        requests = server.requests
        ideal = math.ceil(n / conc) * latency

        server.reset()
        started = time.perf_counter()
        warm = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
        warm_wall, warm_requests = time.perf_counter() - started, server.requests

        naive_n = min(args.naive or n, n)
        naive = naive_loop(server.url, inbox, naive_n) * n / naive_n
        server.shutdown()

        print(f"articles {n}, latency {latency}s, concurrency {conc}")
        print(f"pipeline: {wall:.2f}s, {requests} requests, {len(result.failures)} failed; "
              f"ideal {ideal:.2f}s -> {wall / ideal:.2f} x ideal (target <= 1.15)")
        print(f"naive sequential instructor loop: {naive:.1f}s"
              + (f" (extrapolated from {naive_n})" if naive_n < n else "")
              + f" -> pipeline is {naive / wall:.1f} x faster (target >= 12)")
        print(f"warm cache rerun: {warm_wall:.2f}s, {warm_requests} requests, {len(warm.briefings)} briefings "
              "(target 0 requests, < 2 s)")
        print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

        if args.rpm:
            server = Server(latency, args.rpm)
            limited = asyncio.run(arun([inbox], settings=Settings(model="fake", api_key="k", base_url=server.url),
                                       concurrency=conc))
            server.shutdown()
            print(f"under {args.rpm} requests/minute: {len(limited.failures)} failed, {server.requests} requests, "
                  f"{server.limited} answered 429 (target: 0 failed)")


if __name__ == "__main__":
    main()
