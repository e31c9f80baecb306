"""Merge N synthetic briefings into a digest and report the time, at several N to show how cost grows.

Target (issue 3): 10,000 briefings in under 5 s on this machine, growing no worse than n log n.
Usage: python benchmarks/merge_scale.py [--sizes 1000,2500,5000,10000] [--people 3000]
"""

from __future__ import annotations

import argparse
import math
import random
import string
import time

from summarize.digest.merge import merge
from summarize.models import Actor, ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence, Weapon

SPELLINGS = ["Selenskyj", "Wolodymyr Selenskyj", "Zelensky", "Putin", "Wladimir Putin", "Donald Trump", "Trump"]
WEAPONS = ["Patriot-Raketen", "Patriots", "Tomahawk-Marschflugkörper", "Drohnen", "Flugabwehr"]
VERBS = ["paused", "resumed", "announced", "rejected", "approved", "discussed"]
OBJECTS = ["weapons deliveries to Ukraine", "a summit in Budapest", "new sanctions on Russian oil",
           "the purchase of air defence systems", "joint drone production", "a ceasefire proposal"]


def _ev(text: str) -> list[Evidence]:
    return [Evidence(quote=text, start=0, end=len(text), alignment="exact", score=100)]


def synthetic(n: int, people: int, seed: int = 7) -> list[Briefing]:
    rnd = random.Random(seed)

    def word(lo: int, hi: int) -> str:
        return "".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(lo, hi))).title()

    names = [f"{word(4, 9)} {word(5, 10)}" for _ in range(people)] + SPELLINGS
    meta = BriefingMeta(prompt_version="bench", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                        cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0))
    out = []
    for i in range(n):
        actors = [Actor(name=nm, name_as_written=nm, kind="person", evidence=_ev(f"... {nm} sagte ..."))
                  for nm in rnd.sample(names, 8)]
        weapons = [Weapon(name=w, name_as_written=w, category="x", status="discussed", evidence=_ev(f"... {w} ..."))
                   for w in rnd.sample(WEAPONS, 2)]
        decisions = [Decision(who=rnd.choice(names), what=f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)}",
                              status="announced", evidence=_ev("... a decision ..."))
                     for _ in range(2)]
        out.append(Briefing(article=ArticleRef(id=f"{i:06d}", sha256="0" * 64), summary="s", actors=actors,
                            weapons=weapons, decisions=decisions, meta=meta))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--people", type=int, default=3000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        briefings = synthetic(n, args.people)
        started = time.perf_counter()
        digest = merge(briefings)
        seconds = time.perf_counter() - started
        rows.append((n, seconds, len(digest.actors), len(digest.weapons), len(digest.decisions)))
    base_n, base_s = rows[0][0], rows[0][1]
    print(f"{'briefings':>10} {'seconds':>8} {'actors':>7} {'weapons':>8} {'decisions':>10} {'vs n log n':>11}")
    for n, seconds, actors, weapons, decisions in rows:
        nlogn = (n * math.log(n)) / (base_n * math.log(base_n))
        print(f"{n:>10} {seconds:>8.2f} {actors:>7} {weapons:>8} {decisions:>10} {seconds / base_s / nlogn:>10.2f}x")
    print("(last column: time growth divided by n log n growth from the smallest size; <= ~1 means n log n or better)")


if __name__ == "__main__":
    main()
