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

The fake server answers like a model (issue 12): its items are taken from the request's own article
sentences (:func:`model_answer`), some of them not grounded (a name the cited sentence lacks, a sentence
outside the part, a question whose sentence says nothing is open), and one first answer in eight is
malformed, so instructor re-asks as it would with a real model. Each article is one part: the pipeline sends
the part and the summary (plus re-asks; "requests per article" is reported), the naive loop one request per
article (the part model only, with the same re-ask budget) to the same server in the same run. "CPU ms per
request" is this process's CPU time over the pipeline run divided by the requests the server answered (the
server runs in its own process).
"""

from __future__ import annotations

import argparse
import hashlib
import asyncio
import json
import math
import multiprocessing
import os
import re
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
from summarize.briefing.drafts import models_for
from summarize.run.cache import BriefingCache

# Articles long enough to be read like news: twelve sentences with people, states, weapons, a decision and an
# open question, varied per article so no two requests are the same.
PEOPLE = ["Boris Pistorius", "Annalena Baerbock", "Olaf Scholz", "Lars Berg", "Mette Frederiksen", "Kaja Kallas"]
STATES = ["Polen", "Litauen", "Frankreich", "Norwegen", "Estland", "Finnland"]
WEAPONS = ["Patriot", "IRIS-T", "Leopard 2", "Taurus", "Gepard", "HIMARS"]
SENTENCES = [
    "Meldung {n}: {p} besucht {s}",
    "Verteidigungsminister {p} sagte am Dienstag, man prüfe den Kauf von {w}-Systemen für {s}.",
    "Die Regierung in {s} hatte zuvor um weitere Lieferungen gebeten.",
    "{p} kündigte an, bis Jahresende {k} Einheiten zu liefern.",
    "Nach Angaben des Ministeriums sind die ersten Systeme bereits unterwegs.",
    "Beobachter verweisen auf die angespannte Lage an der Ostflanke.",
    "{q} erklärte, man unterstütze den Plan ausdrücklich.",
    "Ob auch {w2} geliefert werden, ist weiterhin unklar.",
    "Die Opposition kritisierte die Kosten von rund {k} Millionen Euro.",
    "Ein Sprecher sagte, die Ausbildung der Soldaten beginne im Frühjahr.",
    "{p} und {q} wollen sich im nächsten Monat erneut treffen.",
    "Weitere Einzelheiten wurden zunächst nicht bekannt.",
]
_NUMBERED = re.compile(r"^\[(\d+)\] (.*)$", re.M)


def article_text(n: int) -> str:
    pick = lambda pool, k: pool[(n * 7 + k) % len(pool)]  # noqa: E731
    values = {"n": n, "p": pick(PEOPLE, 0), "q": pick(PEOPLE, 3), "s": pick(STATES, 1), "w": pick(WEAPONS, 2),
              "w2": pick(WEAPONS, 4), "k": 10 + n % 90}
    return "\n".join(s.format(**values) for s in SENTENCES) + "\n"


def _article_at(messages: list[dict]) -> int:
    """Index of the message with the article: the last ``<article>`` one (after the pipeline's worked example),
    else the first user message (the naive loop's bare text). Messages after it are a re-ask."""
    marked = [i for i, m in enumerate(messages) if m["role"] == "user" and "<article>" in m["content"]]
    return marked[-1] if marked else next(i for i, m in enumerate(messages) if m["role"] == "user")


def _numbered(body: dict) -> list[tuple[int, str]]:
    """The article sentences of the request: the pipeline numbers them ``[n]``; a bare text is split by line."""
    text = body["messages"][_article_at(body["messages"])]["content"]
    found = [(int(k), line) for k, line in _NUMBERED.findall(text)]
    return found or list(enumerate((line for line in text.splitlines() if line.strip()), 1))


def _capitalised(sentence: str) -> list[str]:
    """Names as a model picks them up: runs of capitalised words (the first word of a sentence too)."""
    return re.findall(r"[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ0-9][\w-]*)?", sentence)


def model_answer(body: dict) -> dict:
    """What a small model answers: items taken from the request's own sentences, some of them not grounded
    (a name the cited sentence does not hold, a sentence number outside the part, a question whose sentence
    does not say anything is open), as many as a real part gives (10-20 items)."""
    sentences = _numbered(body)
    schema = json.dumps(body.get("response_format") or body.get("tools"))
    if "sentences_in_english" in schema:  # English, as a model writes them: German ones are re-asked (drafts)
        names = [n for _, line in sentences[1:4] for n in _capitalised(line)[:1]]
        return {"sentences_in_english": [f"{name} spoke about the plan on Tuesday." for name in names]}
    actors, decisions, weapons, questions = [], [], [], []
    for k, line in sentences:
        for name in [x for x in PEOPLE + STATES if x in line] + [x for x in _capitalised(line)[:1] if x not in line[1:]]:
            kind = "state" if name in STATES else "person"
            actors.append({"name_as_written": name, "s": k, "name": name, "kind": kind, "role_in_english": None})
        for name in [x for x in WEAPONS if x in line]:
            weapons.append({"name_as_written": name, "s": k, "name": name, "category_in_english": "air defence",
                            "status": "discussed"})
        if "kündigte" in line or "erklärte" in line or "treffen" in line:
            words = " ".join(line.split()[1:4])
            decisions.append({"s": k, "words": words, "who": [_capitalised(line)[0]],
                              "what_in_english": "announced deliveries", "status": "announced", "when": None})
        if "unklar" in line:
            questions.append({"s": k, "words": " ".join(line.split()[-3:-1]), "question_in_english": "Is it decided?"})
    last = sentences[-1][0] if sentences else 1
    actors.insert(1, {"name_as_written": "Kanzleramt", "s": 1, "name": "Chancellery", "kind": "organisation"})  # not there
    weapons.append({"name_as_written": "Tomahawk", "s": last + 3, "name": "Tomahawk", "category_in_english":
                    "cruise missile", "status": "requested"})  # cites a sentence outside the part
    questions.append({"s": 2, "words": "", "question_in_english": "Will it be enough?"})  # its sentence says nothing open
    answer = {"actors": actors[:12], "decisions": decisions[:8], "weapons": weapons[:8], "open_questions": questions[:5]}
    first_try = _article_at(body["messages"]) == len(body["messages"]) - 1
    if first_try and hashlib.sha256(json.dumps(body["messages"]).encode()).digest()[0] < 32:
        del answer["actors"][0]["kind"]  # one answer in eight is malformed at first: instructor re-asks
    return answer


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
        content = model_answer(body)
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


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes (``--workers``; the fake server runs
    in its own process, which ends only after the measurements)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def naive_loop(base_url: str, inbox: Path, n: int, reasks: int) -> float:
    """What a user writes first: one instructor call per article, one after another (with the pipeline's
    re-ask budget, so a malformed answer is asked again as the pipeline does)."""
    client = instructor.from_openai(OpenAI(api_key="k", base_url=base_url), mode=instructor.Mode.JSON_SCHEMA)
    part_model, _ = models_for("English")
    started = time.perf_counter()
    for path in sorted(inbox.glob("*.txt"))[:n]:
        client.create(model="fake", response_model=part_model, max_retries=reasks,
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
    parser.add_argument("--workers", type=int, default=1,
                        help="processes that brief the articles (arun(workers=N)); their CPU is counted too")
    parser.add_argument("--depth", type=int, default=1, choices=(1, 2, 3),
                        help="passes per part (default 1: each article's own work shared by the fewest requests, "
                             "the dearest case per request; the command's default is 3)")
    parser.add_argument("--as-cli", action="store_true",
                        help="tune this process's garbage collector as the summarize command tunes its own "
                             "(summarize.app.command: fewer young collections, start-up frozen); the library "
                             "itself never does")
    args = parser.parse_args()
    n, latency, conc = args.articles, args.latency, args.concurrency

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for i in range(n):
            (inbox / f"a{i:04d}.txt").write_text(article_text(i), encoding="utf-8")
        server = Server(latency, None)
        settings = Settings(model="fake", api_key="k", base_url=server.url, depth=args.depth)

        # openai and instructor import most of themselves on the first client or request (~0.5 s, once per
        # process). That happens here, before any clock starts, for the pipeline and the naive loop alike.
        started = time.perf_counter()
        import openai.resources.chat  # noqa: F401
        instructor.from_openai(OpenAI(api_key="k", base_url=server.url), mode=instructor.Mode.JSON_SCHEMA)
        imports = time.perf_counter() - started
        if args.as_cli:
            from summarize.app import command

            command._own_process_gc()
            command._own_process_logging()
            command._freeze_startup()

        walls: list[float] = []
        cpu_ms: list[float] = []
        for r in range(max(1, args.repeat)):
            cache = BriefingCache(Path(tmp) / f"cache{r}")
            server.reset()
            started, cpu_started = time.perf_counter(), _cpu()
            result = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc, workers=args.workers))
            walls.append(time.perf_counter() - started)
            requests = server.requests
            cpu_ms.append((_cpu() - cpu_started) * 1000 / max(requests, 1))
        wall = statistics.median(walls)
        ideal = math.ceil(requests / conc) * latency

        server.reset()
        started = time.perf_counter()
        warm = asyncio.run(arun([inbox], settings=settings, cache=cache, concurrency=conc))
        warm_wall, warm_requests = time.perf_counter() - started, server.requests

        naive_n = min(args.naive or n, n)
        server.reset()
        naive = naive_loop(server.url, inbox, naive_n, settings.reasks) * n / naive_n
        naive_requests = server.requests
        server.shutdown()

        print(f"articles {n}, latency {latency}s, concurrency {conc}, depth {args.depth} (library imports before timing: {imports:.2f}s)"
              + (", collector tuned as the summarize command tunes its own" if args.as_cli else ""))
        print(f"pipeline: {wall:.2f}s" + (f" (median of {', '.join(f'{w:.2f}' for w in walls)})" if len(walls) > 1 else "")
              + f", {requests} requests, {len(result.failures)} failed; "
              f"ideal ceil({requests}/{conc}) x {latency}s = {ideal:.2f}s -> {wall / ideal:.2f} x ideal (target <= 1.15)")
        kept = sum(len(b.actors) + len(b.decisions) + len(b.weapons) + len(b.open_questions) for b in result.briefings)
        print(f"requests per article: {requests / n:.2f}; items kept: {kept / max(len(result.briefings), 1):.1f} "
              f"per article; CPU of this process: {statistics.median(cpu_ms):.2f} ms per request (target <= 3)")
        print(f"naive sequential instructor loop: {naive:.1f}s"
              + (f" (extrapolated from {naive_n})" if naive_n < n else "")
              + f", {naive_requests / naive_n:.2f} requests per article"
              + f" -> pipeline is {naive / wall:.1f} x faster (target >= 12)")
        print(f"warm cache rerun: {warm_wall:.2f}s, {warm_requests} requests, {len(warm.briefings)} briefings "
              "(target 0 requests, < 2 s)")
        print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

        if args.rpm:
            server = Server(latency, args.rpm)
            limited = asyncio.run(arun([inbox], settings=Settings(model="fake", api_key="k", base_url=server.url, depth=args.depth),
                                       concurrency=conc))
            server.shutdown()
            print(f"under {args.rpm} requests/minute: {len(limited.failures)} failed, {server.requests} requests, "
                  f"{server.limited} answered 429 (target: 0 failed)")


if __name__ == "__main__":
    main()
