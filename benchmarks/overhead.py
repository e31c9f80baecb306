"""Time everything around the model call: load, clean, chunk, prompt, ground, merge, render.

Replays the committed seed recordings (no network, no model), so the figure is the pipeline's own cost.
Usage: python benchmarks/overhead.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from summarize import Settings, run
from summarize.article.clean import clean
from summarize.article.load import load_article
from summarize.render.markdown import render
from summarize.llm.replay import Cassette

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RECORDINGS = ROOT / "tests" / "recordings" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    manifest = Cassette(RECORDINGS).manifest()
    settings = Settings(model=manifest["model"], mode=manifest["mode"], lang=manifest["lang"], replay_dir=RECORDINGS)

    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        result = run([SEEDS], settings=settings)
        render(result.digest)
        runs.append(time.perf_counter() - started)
    calls = sum(b.meta.llm_calls for b in result.briefings)

    articles = [load_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    started = time.perf_counter()
    for _ in range(100):
        for a in articles:
            clean(a.text)
    clean_ms = (time.perf_counter() - started) / (100 * len(articles)) * 1000

    print(f"seeds: {len(result.briefings)} articles, {calls} replayed model calls")
    print(f"whole run without the model (median of {args.repeat}): {statistics.median(runs) * 1000:.0f} ms "
          f"= {statistics.median(runs) / len(articles) * 1000:.0f} ms per article (includes openai/instructor parsing)")
    print(f"clean(): {clean_ms:.2f} ms per article")


if __name__ == "__main__":
    main()
