"""The naive baseline: what a user would write in ten lines, to measure the project's design against.

One instructor call per article, a bare schema, a one-line prompt, the same model and temperature. Its
answers are recorded like the project's (``--record DIR``) and replayed by ``benchmarks/quality.py``
(``--replay DIR``), so the comparison runs offline and in the same run as the design's scores.

    python benchmarks/naive.py seeds/*.txt --record benchmarks/recordings/naive-seeds \
        --base-url http://127.0.0.1:8080/v1 --model qwen2.5-coder-1.5b-instruct
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

import instructor
import openai
from instructor.core import InstructorError
from pydantic import BaseModel

from summarize.errors import ReplayMiss

from summarize.llm.client import make_async_openai
from summarize.llm.replay import ARTICLE_HEADER
from summarize.settings import Settings

PROMPT = "Extract the actors, decisions, weapons and open questions from this news article."
# The one setting a user adds after the first run: without it the 1.5B model looped on one seed until the
# server's context was full (7,000+ tokens, 20 minutes with retries). An answer cut off here scores nothing.
MAX_TOKENS = 2048


class NaiveBriefing(BaseModel):  # the bare schema
    actors: list[str]
    decisions: list[str]
    weapons: list[str]
    open_questions: list[str]


async def naive_brief(
    client: instructor.AsyncInstructor, text: str, article_id: str, model: str
) -> tuple[NaiveBriefing, dict]:
    result, completion = await client.chat.completions.create_with_completion(
        model=model, response_model=NaiveBriefing, temperature=0.0, max_retries=0, max_tokens=MAX_TOKENS,
        messages=[{"role": "system", "content": PROMPT}, {"role": "user", "content": text}],
        extra_headers={ARTICLE_HEADER: article_id},
    )
    usage = completion.usage
    return result, {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens}


def _caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 20:
        if isinstance(cur, kinds):
            return True
        cur, seen = cur.__cause__ or cur.__context__, seen + 1
    return False


def _usage_of(exc: Exception) -> dict:
    usage = getattr(exc, "total_usage", None)
    return {"prompt_tokens": getattr(usage, "prompt_tokens", 0) or 0,
            "completion_tokens": getattr(usage, "completion_tokens", 0) or 0}


def client_for(raw: openai.AsyncOpenAI) -> instructor.AsyncInstructor:
    # instructor's public API only: no project speedups, no hooks, no grounding
    return instructor.from_openai(raw, mode=instructor.Mode.JSON_SCHEMA)


async def arun(paths: list[Path], settings: Settings) -> dict[str, dict]:
    """Article id -> {"briefing": NaiveBriefing as dict, "usage": ..., "seconds": ...}, one article at a time."""
    out: dict[str, dict] = {}
    async with make_async_openai(settings) as raw:  # the library's client: record/replay at its transport
        client = client_for(raw)
        for path in paths:
            started = time.monotonic()
            try:
                briefing, usage = await naive_brief(client, path.read_text(encoding="utf-8"), path.stem, settings.model)
            except InstructorError as exc:  # e.g. cut off at MAX_TOKENS: nothing usable
                if _caused_by(exc, (ReplayMiss, openai.APIConnectionError)):
                    raise
                briefing, usage = NaiveBriefing(actors=[], decisions=[], weapons=[], open_questions=[]), _usage_of(exc)
            out[path.stem] = {"briefing": briefing.model_dump(), "usage": usage,
                              "seconds": round(time.monotonic() - started, 1)}
    return out


def run(paths: list[Path], settings: Settings) -> dict[str, dict]:
    """:func:`arun` from sync code (``benchmarks/quality.py``)."""
    return asyncio.run(arun(paths, settings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", type=Path)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--record", type=Path)
    group.add_argument("--replay", type=Path)
    parser.add_argument("--base-url", default="http://127.0.0.1:8080/v1")
    parser.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds to wait for one answer (a small model on a CPU may write for minutes)")
    args = parser.parse_args()
    settings = Settings(model=args.model, base_url=args.base_url, record_dir=args.record, replay_dir=args.replay,
                        timeout=args.timeout)
    for path in args.articles:  # one at a time, so an interruption keeps what is recorded
        result = run([path], settings)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        print(f"{path.stem}: {result[path.stem]['seconds']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
