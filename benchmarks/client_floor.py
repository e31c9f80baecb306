"""What one structured request costs this process in CPU, by layer: the floor under issue 12's "<= 3 ms".

Against the fake model of ``benchmarks/throughput.py`` (its own process, fixed latency), the pipeline's own
first request of each generated article (its messages and response model, from :class:`Plan`) is sent
three ways, each with ``--concurrency`` requests in flight:

* ``openai``: ``AsyncOpenAI.chat.completions.create`` with the response model's JSON schema, nothing else;
* ``openai + pydantic``: the same, and the answer validated into the response model;
* ``instructor``: ``instructor.from_openai(...).create(response_model=..., max_retries=1)`` (one malformed
  first answer in eight is re-asked, as the fake model answers);
* ``instructor over post``: the same through ``summarize.llm.structured.wrap``, the client the pipeline uses:
  instructor patches a plain ``client.post`` instead of ``chat.completions.create`` (same request, without
  the SDK's transform of every argument).

"CPU ms per request" is this process's CPU time divided by the requests the server answered. The
pipeline's own figure (everything around the call as well) is ``benchmarks/throughput.py``'s.

Usage: python benchmarks/client_floor.py [--requests 400] [--concurrency 16] [--latency 0.2] [--as-cli]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import instructor
from openai import AsyncOpenAI, DefaultAioHttpClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import Server, article_text  # noqa: E402

from summarize import Settings, article_from_text  # noqa: E402
from summarize.briefing.brief import Plan  # noqa: E402
from summarize.llm import structured  # noqa: E402


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _requests(n: int) -> list[tuple[list[dict], type]]:
    settings = Settings(model="fake", api_key="k", depth=1)
    out = []
    for i in range(n):
        request = Plan(article_from_text(article_text(i), id=f"a{i}"), settings).requests[0]
        out.append((request.messages, request.model))
    return out


async def _run(way: str, url: str, requests: list[tuple[list[dict], type]], concurrency: int) -> None:
    aio = way.endswith("(aiohttp)")
    way = way.removesuffix(" (aiohttp)")
    client = AsyncOpenAI(api_key="k", base_url=url, http_client=DefaultAioHttpClient() if aio else None)
    patched = instructor.from_openai(client, mode=instructor.Mode.JSON_SCHEMA)
    ours = structured.wrap(client, "json_schema")
    schemas: dict[type, dict] = {}
    gate = asyncio.Semaphore(concurrency)

    async def one(messages: list[dict], model: type) -> None:
        if model not in schemas:  # once per model, as any caller would (not a schema per request)
            schemas[model] = {"type": "json_schema", "json_schema": {
                "name": model.__name__, "schema": model.model_json_schema()}}
        schema = schemas[model]
        async with gate:
            if way.startswith("instructor"):
                try:
                    if way == "instructor":
                        await patched.create(model="fake", messages=messages, response_model=model, max_retries=1)
                    else:  # as the pipeline calls it: the response model wrapped once (structured.prepared)
                        await ours.create(model="fake", messages=messages, response_model=structured.prepared(model),
                                          max_retries=1)
                except Exception:  # noqa: BLE001 - a malformed answer twice: counted like any request
                    pass
                return
            answer = await client.chat.completions.create(model="fake", messages=messages, response_format=schema)
            if way == "openai + pydantic":
                try:
                    model.model_validate_json(answer.choices[0].message.content)
                except ValueError:
                    pass

    try:
        await asyncio.gather(*(one(m, model) for m, model in requests))
    finally:
        await client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--as-cli", action="store_true",
                        help="tune the garbage collector as the summarize command does (as throughput.py --as-cli)")
    args = parser.parse_args()
    requests = _requests(args.requests)
    if args.as_cli:
        from summarize.app import command

        command._own_process_gc()
        command._own_process_logging()
        command._freeze_startup()
    server = Server(args.latency, None)
    try:
        asyncio.run(_run("instructor", server.url, requests[:20], args.concurrency))  # imports and first use
        print(f"{args.requests} requests, concurrency {args.concurrency}, latency {args.latency}s"
              + (", collector tuned as the summarize command tunes its own" if args.as_cli else ""))
        for way in ("openai", "openai (aiohttp)", "openai + pydantic", "instructor", "instructor over post",
                    "instructor over post (aiohttp)"):
            server.reset()
            started, wall = _cpu(), time.perf_counter()
            asyncio.run(_run(way, server.url, requests, args.concurrency))
            answered = server.requests
            print(f"{way:<31} {(_cpu() - started) * 1000 / answered:6.2f} CPU ms per request "
                  f"({answered} answered, {time.perf_counter() - wall:.1f}s)")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
