"""List (or delete) the recorded exchanges a replay no longer reads.

After re-recording an article whose requests changed, its folder still holds the answers to the old
requests. This replays the set (the briefings, and the digest passes when ``_digest/`` exists) with a
cassette that notes every exchange it is asked for, then lists the files nobody asked for.

    python benchmarks/prune_recordings.py seeds/*.txt --recordings tests/recordings/seeds            # list
    python benchmarks/prune_recordings.py seeds/*.txt --recordings tests/recordings/seeds --delete   # delete

A benchmark script, not library code: it wraps ``Cassette.find`` in its own process to watch the lookups.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from summarize.llm import replay
from summarize.llm.replay import Cassette


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--recordings", type=Path, required=True)
    parser.add_argument("--delete", action="store_true")
    parser.add_argument("--no-passes", action="store_true", help="replay the briefings only (leave _digest/ alone)")
    args = parser.parse_args()

    used: set[Path] = set()
    find = Cassette.find

    def watched(self: Cassette, key: str):  # noqa: ANN202
        found = self.path(key)
        if found is not None:
            used.add(found.resolve())
        return find(self, key)

    Cassette.find = watched  # type: ignore[method-assign]
    from summarize.app.cli import main as cli

    with tempfile.TemporaryDirectory() as out:
        argv = ["digest", *map(str, args.articles), "--replay", str(args.recordings), "-o", out, "--no-cache", "-q"]
        passes = (args.recordings / "_digest").is_dir() and not args.no_passes
        if passes:
            argv += ["--events", "model", "--headline"]
        old, sys.argv = sys.argv, ["summarize", *argv]
        try:
            cli()
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise SystemExit(f"the replay failed (exit {exc.code}): re-record the missing answers first")
        finally:
            sys.argv = old
    ids = {p.stem for p in args.articles}
    unused = sorted(f for f in args.recordings.rglob("*.json")
                    if f.name != replay.MANIFEST and f.resolve() not in used
                    and (f.parent.name in ids or (f.parent.name == "_digest" and passes)))
    for f in unused:
        print(f)
        if args.delete:
            f.unlink()
    print(f"{len(unused)} of {len(used) + len(unused)} recorded exchanges unused" + (", deleted" if args.delete else ""))


if __name__ == "__main__":
    main()
