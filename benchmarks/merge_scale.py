"""Merge N synthetic briefings into a digest; report time and peak memory at several N to show how cost grows.

Target (issue 12): 100,000 briefings merged in under 60 s and 2 GB, near-linear growth.

HAND-MADE data generator (labelled as such; no real articles): the names grow like real news. Each
briefing names 8 people; the pool of distinct people grows with the number of articles (Heaps' law:
``--growth`` x n ** 0.85 names, ~35,000 at 100,000 articles) and mentions follow a Zipf law over it (a few
people in every other article, a long tail named once or twice). Names are built from syllables, so many
are near each other ("Karvelin"/"Karvelen") as real surnames are, and 15 % of mentions are written another
way: a title in front ("Minister X"), the surname alone, or one letter added, dropped or changed, so the
fuzzy matching of :mod:`summarize.digest.entities` has real work. Decisions, weapons and open questions
come from small fixed tables plus the growing names. ``--fixed N`` restores the old fixed pool of N names.

Each size runs in a fresh child process, so its peak resident memory (``ru_maxrss``, including the
briefings themselves) is its own. The merge's own memory is reported apart from its input's: the resident
memory before the merge (the briefings built), and the peak during the merge above it (Linux: the peak
counter ``VmHWM`` is reset through ``/proc/self/clear_refs`` just before the merge starts). ``merge`` leaves
Python's cyclic collector alone (a library does not change its host process), so its full passes over
everything the process holds count in the time (``gc s``). ``--freeze`` (``gc.freeze()`` after building
the input, in the benchmark's own process) takes the input out of those passes, to see whose objects they
cost: at 100,000 briefings 14.4 of 58.6 s frozen against 16.4 of 60.3 s not, so mostly the merge's own
(stop 33's code; since then an entity's spellings per source are tuples the collector does not track: 11-12 s).
Usage: python benchmarks/merge_scale.py [--sizes 1000,10000,100000] [--growth 2.0] [--fixed 0] [--freeze]
"""

from __future__ import annotations

import argparse
import bisect
import gc
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time

SPELLINGS = ["Selenskyj", "Wolodymyr Selenskyj", "Zelensky", "Putin", "Wladimir Putin", "Donald Trump", "Trump"]
WEAPONS = ["Patriot-Raketen", "Patriots", "Tomahawk-Marschflugkörper", "Drohnen", "Flugabwehr", "Iris-T",
           "Taurus", "Leopard-Panzer", "HIMARS", "Shahed-Drohnen"]
VERBS = ["paused", "resumed", "announced", "rejected", "approved", "discussed", "spoke with", "met"]
OBJECTS = ["weapons deliveries to Ukraine", "a summit in Budapest", "new sanctions on Russian oil",
           "the purchase of air defence systems", "joint drone production", "a ceasefire proposal"]
TITLES = ["Minister", "Präsident", "Kanzler", "Sprecher", "General"]
FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Friedrich", "Giorgia", "Hakan", "Ivan", "Julia", "Karl",
         "Lena", "Marco", "Nadia", "Olaf", "Pavel", "Rita", "Sergei", "Tomas", "Ursula", "Viktor", "Wanda"]
SYLLABLES = ["ka", "ri", "vel", "mon", "do", "sen", "ber", "ta", "lin", "ko", "mar", "schu", "witz", "ne", "gor",
             "li", "an", "tro", "pe", "sky", "ho", "fer", "za", "mi", "rov", "len", "bach", "us", "ti", "nov"]


def _surname(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).title()


def _variant(rnd: random.Random, name: str) -> str:
    """Another way to write ``name``: a title, the surname alone, or one letter added, dropped or changed."""
    first, _, last = name.rpartition(" ")
    how = rnd.randrange(4)
    if how == 0:
        return f"{rnd.choice(TITLES)} {name}"
    if how == 1 or not first:
        return last
    i = rnd.randrange(1, len(last))
    letter = rnd.choice("aeiou")
    last = (last[:i] + letter + last[i:], last[:i] + last[i + 1:], last[:i] + letter + last[i + 1:])[how - 1]
    return f"{first} {last}"


def names_for(n: int, growth: float, fixed: int, rnd: random.Random) -> list[str]:
    count = fixed or max(50, int(growth * n ** 0.85))
    return SPELLINGS + [f"{rnd.choice(FIRST)} {_surname(rnd)}" for _ in range(count)]


def synthetic(n: int, growth: float = 2.0, fixed: int = 0, seed: int = 7) -> list:
    """``n`` briefings (HAND-MADE, see the module docstring), built without validation for speed."""
    from summarize.models import (Actor, ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence,
                                  OpenQuestion, Weapon)

    rnd = random.Random(seed)
    names = names_for(n, growth, fixed, rnd)
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(names))))  # Zipf, s = 1

    def person() -> str:
        name = names[bisect.bisect_left(cum, rnd.random() * cum[-1])]
        return _variant(rnd, name) if rnd.random() < 0.15 else name

    def ev(text: str) -> list:
        return [Evidence.model_construct(quote=text, start=0, end=len(text), alignment="exact", score=100.0)]

    meta = BriefingMeta(prompt_version="bench", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                        cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0))
    out = []
    for i in range(n):
        people = [person() for _ in range(8)]
        actors = [Actor.model_construct(name=p, name_as_written=p, kind="person", role=None,
                                        evidence=ev(f"... {p} sagte ...")) for p in people]
        weapons = [Weapon.model_construct(name=w, name_as_written=w, category="x", status="discussed",
                                          evidence=ev(f"... {w} ...")) for w in rnd.sample(WEAPONS, 2)]
        decisions = [Decision.model_construct(who=people[k], participants=[people[k], people[k + 1]],
                                              what=f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)}", status="announced",
                                              date=None, evidence=ev(f"Am {1 + i % 28}. Oktober 2025 ..."))
                     for k in range(2)]
        questions = [OpenQuestion.model_construct(question=f"Will {people[2]} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}?",
                                                  evidence=ev("... open ..."))]
        out.append(Briefing.model_construct(
            article=ArticleRef.model_construct(id=f"{i:06d}", sha256="0" * 64, title=None, source=f"site{i % 300}",
                                               published=None, language="de", copies=[], near_copy_of=None),
            summary="s", actors=actors, weapons=weapons, decisions=decisions, open_questions=questions,
            dropped_items=0, dropped=[], meta=meta))
    return out


def _status_mb(field: str) -> float:
    """A ``VmRSS``/``VmHWM`` line of ``/proc/self/status`` in MB (NaN where there is none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current resident size
        return True
    except OSError:
        return False


def one(n: int, growth: float, fixed: int, freeze: bool = False) -> dict:
    from summarize.digest.merge import merge

    briefings = synthetic(n, growth, fixed)
    distinct = len({a.name_as_written for b in briefings for a in b.actors})
    if freeze:
        gc.freeze()  # the host's choice, in the benchmark's own process: the input is never garbage
    collecting = [0.0, 0.0]  # seconds in the collector's full passes, start of the current one

    def timer(phase: str, info: dict) -> None:
        if info["generation"] == 2 and phase == "start":
            collecting[1] = time.perf_counter()
        elif info["generation"] == 2:
            collecting[0] += time.perf_counter() - collecting[1]

    input_mb = _status_mb("VmRSS")
    reset = _reset_peak()
    gc.callbacks.append(timer)
    started = time.perf_counter()
    digest = merge(briefings)
    seconds = time.perf_counter() - started
    gc.callbacks.remove(timer)
    merge_mb = (_status_mb("VmHWM") - input_mb) if reset else float("nan")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "seconds": seconds, "gc_seconds": collecting[0], "peak_mb": peak_mb, "input_mb": input_mb, "merge_mb": merge_mb,
            "names": distinct, "actors": len(digest.actors), "decisions": len(digest.decisions),
            "weapons": len(digest.weapons)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--growth", type=float, default=2.0, help="distinct names = growth x n ** 0.85")
    parser.add_argument("--fixed", type=int, default=0, help="a fixed pool of this many names (the old benchmark)")
    parser.add_argument("--freeze", action="store_true", help="gc.freeze() after building the input")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.growth, args.fixed, args.freeze)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(n), "--growth", str(args.growth),
                                "--fixed", str(args.fixed), *(["--freeze"] if args.freeze else [])], capture_output=True, text=True, check=True)
        rows.append(json.loads(child.stdout))
    base = rows[0]
    print(f"{'briefings':>10} {'names':>7} {'seconds':>8} {'gc s':>6} {'peak MB':>8} {'input MB':>9} {'merge MB':>9} "
          f"{'actors':>7} {'decisions':>10} {'exponent':>9}")
    for r in rows:
        exp = (math.log(r["seconds"] / base["seconds"]) / math.log(r["n"] / base["n"])) if r is not base else float("nan")
        print(f"{r['n']:>10} {r['names']:>7} {r['seconds']:>8.2f} {r['gc_seconds']:>6.2f} {r['peak_mb']:>8.0f} {r['input_mb']:>9.0f} "
              f"{r['merge_mb']:>9.0f} {r['actors']:>7} {r['decisions']:>10} {exp:>9.2f}")
    print("(exponent: log(time ratio) / log(size ratio) from the smallest size; 1.0 is linear. "
          "peak MB: the child's maximum resident memory, briefings included; input MB: resident before the "
          "merge; merge MB: the merge's peak above that; gc s: of the seconds, those in the cyclic collector's "
          "full passes)")


if __name__ == "__main__":
    main()
