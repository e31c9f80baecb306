"""Start-up and warm-rerun cost of the ``summarize`` command, each timed as a whole process.

* ``--help`` against a bare typer app of one command (the floor any typer CLI pays), and their ratio;
* ``summarize schema briefing``;
* a warm rerun of ``digest`` over N articles (default 200) whose briefings are all in the cache, and how
  many of the N ``briefings/<id>.json`` files that rerun rewrote (inode changed).

The N articles are the five seeds, copied with one distinct line appended to each copy (so no two are the
same text and the copy detection briefs every one). The cache is warmed without any model: the replayed
briefing of each seed is stored under each of its copies' cache keys, exactly what a first run against a
model would have left (the appended line is after every quote, so the stored quotes stay at their
offsets, which the cache checks). A first run then writes the output folder, and the timed reruns find
everything in the cache: no request is made (the base URL points at a closed port).

Usage: python benchmarks/startup.py [--runs 7] [--articles 200] [--python PYTHON]
(``PYTHONPATH=OTHER_CHECKOUT`` times another version of the code with the same script.)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RECORDINGS = ROOT / "tests" / "recordings" / "seeds"

BARE_TYPER = """
import typer
app = typer.Typer(add_completion=False)
@app.command()
def digest(paths: list[str], out: str = "out", quiet: bool = False) -> None:
    "Brief every article."
@app.command()
def schema(name: str = "") -> None:
    "Print a schema."
app()
"""


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU (user + sys) seconds of ``cmd`` over ``runs`` runs, after one warm-up run."""
    walls, cpus = [], []
    for n in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
        if n:
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def make_inbox(folder: Path, n: int) -> Path:
    seeds = sorted(SEEDS.glob("*.txt"))
    inbox = folder / "inbox"
    inbox.mkdir()
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8").rstrip("\n")
        (inbox / f"{i:03d}_{seed.stem.split('_', 1)[1]}.txt").write_text(
            f"{text}\n\nBenchmark copy {i}: this line makes the text of copy {i} its own.\n", encoding="utf-8")
    return inbox


def warm_cache(inbox: Path, cache_dir: Path) -> None:
    """Store each seed's replayed briefing under the cache key of every copy of it (no model involved)."""
    from summarize import run
    from summarize.run.cache import BriefingCache
    from summarize.run.sources import load_sources
    from summarize.settings import resolve_settings

    replay = resolve_settings(replay=RECORDINGS)
    by_seed = {b.article.id.split("_", 1)[1]: b for b in run([SEEDS], settings=replay).briefings}
    live = replay.with_(replay_dir=None, base_url="http://127.0.0.1:9/v1")
    cache = BriefingCache(cache_dir)
    for article in load_sources([inbox]).articles:
        cache.put(article, live, by_seed[article.id.split("_", 1)[1]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    env = {**os.environ, "OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "SUMMARIZE_PROGRESS_INTERVAL": "0"}
    summarize = [args.python, "-m", "summarize"]

    bare = timed([args.python, "-c", BARE_TYPER, "--help"], args.runs, env)
    helped = timed([*summarize, "--help"], args.runs, env)
    schema = timed([*summarize, "schema", "briefing"], args.runs, env)
    print(f"bare typer --help        {bare[0]:6.3f} s wall {bare[1]:6.3f} s CPU")
    print(f"summarize --help         {helped[0]:6.3f} s wall {helped[1]:6.3f} s CPU   "
          f"(x{helped[0] / bare[0]:.2f} wall, x{helped[1] / bare[1]:.2f} CPU of bare typer)")
    print(f"summarize schema briefing {schema[0]:5.3f} s wall {schema[1]:6.3f} s CPU")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inbox = make_inbox(folder, args.articles)
        cache_dir = folder / "cache"
        warm_cache(inbox, cache_dir)
        out = folder / "out"
        model = resolve_model()
        rerun = [*summarize, "digest", str(inbox), "-o", str(out), "-q", "--cache-dir", str(cache_dir),
                 "--base-url", "http://127.0.0.1:9/v1", "--model", model]
        subprocess.run(rerun, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        files = sorted((out / "briefings").glob("*.json"))
        inodes = {p.name: p.stat().st_ino for p in files}
        warm = timed(rerun, args.runs, env)
        rewritten = sum((out / "briefings" / name).stat().st_ino != ino for name, ino in inodes.items())
        print(f"warm rerun, {len(files)} cached  {warm[0]:6.3f} s wall {warm[1]:6.3f} s CPU   "
              f"({rewritten} of {len(files)} briefing files rewritten over {args.runs + 1} reruns)")
    shutil.rmtree(folder, ignore_errors=True)


def resolve_model() -> str:
    from summarize.settings import resolve_settings

    return resolve_settings(replay=RECORDINGS).model


if __name__ == "__main__":
    main()
