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
import resource
import tempfile
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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
    latency = 0.5
    rpm: int | None = None
    lock = threading.Lock()
    times: deque[float] = deque()
    requests = 0
    limited = 0

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        cls = type(self)
        with cls.lock:
            cls.requests += 1
            now = time.monotonic()
            if cls.rpm:
                while cls.times and now - cls.times[0] > 60:
                    cls.times.popleft()
                if len(cls.times) >= cls.rpm:
                    cls.limited += 1
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


def serve(latency: float, rpm: int | None) -> tuple[ThreadingHTTPServer, str]:
    FakeModel.latency, FakeModel.rpm = latency, rpm
    FakeModel.times.clear()
    FakeModel.requests = FakeModel.limited = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/v1"


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
        httpd, url = serve(latency, None)
        settings = Settings(model="fake", api_key="k", base_url=url)
        cache = BriefingCache(Path(tmp) / "cache")

        started = time.perf_counter()
        result = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
        wall = time.perf_counter() - started
        requests = FakeModel.requests
        ideal = math.ceil(n / conc) * latency

        FakeModel.requests = 0
        started = time.perf_counter()
        warm = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
        warm_wall, warm_requests = time.perf_counter() - started, FakeModel.requests

        naive_n = min(args.naive or n, n)
        naive = naive_loop(url, inbox, naive_n) * n / naive_n
        httpd.shutdown()

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
            httpd, url = serve(latency, args.rpm)
            limited = asyncio.run(arun([inbox], settings=Settings(model="fake", api_key="k", base_url=url),
                                       concurrency=conc))
            httpd.shutdown()
            print(f"under {args.rpm} requests/minute: {len(limited.failures)} failed, {FakeModel.requests} requests, "
                  f"{FakeModel.limited} answered 429 (target: 0 failed)")


if __name__ == "__main__":
    main()
