"""Requests in flight: how many HTTP requests the pipeline has open at the model at once, per ``-j``.

A loopback fake OpenAI-compatible server (no real model; HAND-MADE empty answers after ``--latency``
seconds) counts the requests open at any moment and the connections opened. The pipeline runs as
``summarize digest`` does (``arun`` with its own client, so the adaptive limit observes every response).

Usage: python benchmarks/inflight.py [--chars 40000] [--articles 1] [-j 1 -j 4] [--latency 0.5] [--depth 3]
       [--file-mb 20]   (also brief one generated file of that many megabytes and count its requests)

Prints one line per run: ``chars=... articles=... j=... peak_in_flight=... requests=... connections=...``.
The figures of issue 11 (point 3) are in the README's section on concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from summarize import Settings, arun

# HAND-MADE sentence of news prose (German, ~130 characters); the article repeats it with a running number.
SENTENCE = ("Verteidigungsminister Boris Pistorius sagte am Dienstag in Berlin, man prüfe den Kauf "
            "weiterer Patriot-Systeme für die Ukraine (Meldung {n}).")


def article_text(chars: int) -> str:
    """A headline and paragraphs of numbered sentences, ``chars`` characters long (about)."""
    lines, n, size = ["Pistorius prüft Kauf von Patriot-Systemen"], 0, 0
    while size < chars:
        paragraph = " ".join(SENTENCE.format(n=n + k) for k in range(4))
        n += 4
        size += len(paragraph) + 1
        lines.append(paragraph)
    return "\n".join(lines) + "\n"


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = self.peak = self.requests = self.connections = 0

    def reset(self) -> None:
        with self.lock:
            self.in_flight = self.peak = self.requests = self.connections = 0


def serve(counter: Counter, latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            with counter.lock:
                counter.connections += 1

        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with counter.lock:
                counter.requests += 1
                counter.in_flight += 1
                counter.peak = max(counter.peak, counter.in_flight)
            try:
                time.sleep(latency)
                schema = body.get("response_format", {}).get("json_schema", {}).get("schema", {})
                fields = list(schema.get("properties", {}))
                if any(f.startswith("sentences_") for f in fields):
                    content = {fields[0]: ["Pistorius reviews a purchase."]}
                else:
                    content = {f: [] for f in fields}
                answer = json.dumps({
                    "id": "x", "object": "chat.completion", "created": 0, "model": "fake",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(content)},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 800, "completion_tokens": 20, "total_tokens": 820},
                }).encode()
            finally:
                with counter.lock:
                    counter.in_flight -= 1
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(sources: list[Path], settings: Settings, j: int, counter: Counter) -> tuple[dict, object]:
    counter.reset()
    started = time.monotonic()
    result = asyncio.run(arun(sources, settings=settings, concurrency=j))
    return {"peak_in_flight": counter.peak, "requests": counter.requests, "connections": counter.connections,
            "seconds": round(time.monotonic() - started, 2)}, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=40_000)
    parser.add_argument("--articles", type=int, default=1)
    parser.add_argument("-j", dest="js", type=int, action="append")
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--file-mb", type=float, default=None)
    args = parser.parse_args()
    counter = Counter()
    server = serve(counter, args.latency)
    settings = Settings(model="fake", api_key="k", depth=args.depth, base_url=f"http://127.0.0.1:{server.server_port}/v1")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(args.articles):
            path = Path(tmp) / f"a{i}.txt"
            path.write_text(article_text(args.chars).replace("Meldung", f"Artikel {i}, Meldung"), encoding="utf-8")
            files.append(path)
        for j in args.js or [1, 4]:
            figures, result = measure(files, settings, j, counter)
            print(f"chars={args.chars} articles={args.articles} j={j} " + " ".join(f"{k}={v}" for k, v in figures.items())
                  + f" briefed={len(result.briefings)} failed={len(result.failures)}")
        if args.file_mb:
            big = Path(tmp) / "big.txt"
            big.write_text(article_text(int(args.file_mb * 1_000_000)), encoding="utf-8")  # every line unique
            figures, result = measure([big], settings, 4, counter)
            failure = result.failures[0].message if result.failures else ""
            print(f"file_mb={args.file_mb} j=4 " + " ".join(f"{k}={v}" for k, v in figures.items())
                  + f" failed={len(result.failures)} {failure[:160]!r}")
    server.shutdown()


if __name__ == "__main__":
    main()
