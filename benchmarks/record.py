"""Record real model answers for a set of articles, one request at a time, so the recordings reproduce.

    python benchmarks/record.py seeds/*.txt --record tests/recordings/seeds
    python benchmarks/record.py benchmarks/heldout/*.txt --record benchmarks/recordings/heldout

The briefings go through the library's sync path: every request waits for the one before, so a server
with several slots (llama.cpp ``--parallel``) answers them as it would one by one (two requests in
parallel slots change a small model's answers slightly). Recording into a folder that already holds
answers only sends what is missing, so an interrupted run loses nothing: run it again. Afterwards
``summarize digest ARTICLES --record DIR --events model --headline`` adds the digest passes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from summarize import Settings, brief
from summarize.llm.replay import start_recording
from summarize.errors import SummarizeError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--record", type=Path, required=True)
    parser.add_argument("--base-url", default="http://127.0.0.1:8080/v1")
    parser.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    parser.add_argument("--depth", type=int, default=Settings.depth)
    parser.add_argument("--timeout", type=float, default=1200.0,
                        help="seconds to wait for one answer (a CPU model under load can take minutes)")
    args = parser.parse_args()
    settings = Settings(model=args.model, base_url=args.base_url, record_dir=args.record, depth=args.depth,
                        timeout=args.timeout)
    start_recording(settings)
    for path in args.articles:
        started = time.monotonic()
        try:
            b = brief(path, settings=settings)
        except SummarizeError as exc:
            print(f"{path.stem}: FAILED {exc}", file=sys.stderr)
            continue
        counts = {k: len(getattr(b, k)) for k in ("actors", "decisions", "weapons", "open_questions")}
        print(f"{path.stem}: {time.monotonic() - started:.0f} s, {b.meta.llm_calls} calls, "
              f"{b.meta.usage.completion_tokens} completion tokens, {json.dumps(counts)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
