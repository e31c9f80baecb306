"""A run briefed in worker processes: the same briefings, order, failures and progress as in one process.

The model is the seeds' recorded real answers (replay); worker processes build their own replay client
from the settings, so no fake can be shared across processes."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from summarize import Settings, UsageError, arun
from summarize.run.cache import BriefingCache
from summarize.run.workers import shares

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS = ROOT / "tests" / "recordings" / "seeds"


def _replay() -> Settings:
    manifest = json.loads((RECORDINGS / "manifest.json").read_text())
    return Settings(model=manifest["model"], mode=manifest["mode"], lang=manifest["lang"], replay_dir=RECORDINGS)


def test_shares_are_contiguous_nearly_equal_and_never_empty() -> None:
    assert shares(5, 2) == [range(0, 3), range(3, 5)]
    assert shares(2, 4) == [range(0, 1), range(1, 2)]
    assert [len(r) for r in shares(64, 3)] == [22, 21, 21]


def test_two_workers_give_the_run_of_one_process(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    broken = tmp_path / "zz_broken.txt"
    shutil.copy(seeds[0], broken)
    broken.write_text(broken.read_text(encoding="utf-8") + "\nEin Satz, den keine Aufnahme kennt.\n", encoding="utf-8")
    sources = [*seeds, broken]  # the last one has no recording: a ReplayMiss, in a worker as in one process
    one = asyncio.run(arun(sources, settings=_replay()))
    events: list[tuple[int, str]] = []
    cache = BriefingCache(tmp_path / "cache")
    two = asyncio.run(arun(sources, settings=_replay(), workers=2, cache=cache,
                           on_progress=lambda p: events.append((p.index, p.status))))
    assert [b.article.id for b in two.briefings] == [b.article.id for b in one.briefings]
    assert [b.model_dump(exclude={"meta"}) for b in two.briefings] == [b.model_dump(exclude={"meta"}) for b in one.briefings]
    assert [(f.article_id, f.error_kind) for f in two.failures] == [(f.article_id, f.error_kind) for f in one.failures]
    assert two.failures and two.failures[0].error_kind == "ReplayMiss"
    assert two.digest.model_dump(exclude={"meta"}) == one.digest.model_dump(exclude={"meta"})
    assert sorted(events) == sorted([(i, s) for i in range(1, 6) for s in ("start", "done")] + [(6, "start"), (6, "failed")])
    # the workers cached what they briefed: a rerun in this process asks nothing
    again = asyncio.run(arun(sources[:5], settings=_replay(), cache=cache))
    assert all(b.meta.cached for b in again.briefings)


def test_workers_must_be_one_or_more() -> None:
    with pytest.raises(UsageError, match="workers=0"):
        asyncio.run(arun([], settings=_replay(), workers=0))


def test_the_command_briefs_in_workers_and_refuses_them_for_a_batch(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarize.app.cli import app

    seeds = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]]
    done = CliRunner().invoke(app, ["digest", *seeds, "--replay", str(RECORDINGS), "--workers", "2", "-o", str(tmp_path / "o")])
    assert done.exit_code == 0, done.output
    assert len(list((tmp_path / "o" / "briefings").glob("*.json"))) == 3
    assert "pushed back" not in done.output  # two workers of 2 each are the run's 4, not a back-off
    refused = CliRunner().invoke(app, ["digest", *seeds, "--batch", "--workers", "2", "-o", str(tmp_path / "b")])
    assert refused.exit_code != 0 and "--workers is for runs online" in refused.output


def test_the_daily_page_is_the_same_with_workers(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarize.app.cli import app

    args = ["daily", str(ROOT / "seeds"), "--replay", str(RECORDINGS), "--date", "2025-10-17", "--undated", "include",
            "--no-history"]
    one = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "one")])
    two = CliRunner().invoke(app, [*args, "--workers", "2", "-o", str(tmp_path / "two")])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    page = json.loads((tmp_path / "one" / "2025-10-17.json").read_text(encoding="utf-8"))
    again = json.loads((tmp_path / "two" / "2025-10-17.json").read_text(encoding="utf-8"))
    assert len(page["articles"]) == 3 and again == page  # 004 of that day, and the two that nothing dates
