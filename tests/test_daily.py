"""``summarize daily``: one day's articles -> briefings/YYYY-MM-DD.{json,md,html}, new vs continuing.

The model answers come from the REAL recordings of the seeds, served over HTTP by the hand-made fake in
``tests/batchserver.py`` (so the test can count requests); the day of each seed is set by its file time."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.daily import choose, mark_continuity
from summarize.digest.merge import merge
from summarize.article.load import load_article

from .batchserver import BatchServer
from .test_diverge import _briefing, _d

ROOT = Path(__file__).resolve().parent.parent
RECORDINGS = ROOT / "tests" / "recordings" / "seeds"
MANIFEST = json.loads((RECORDINGS / "manifest.json").read_text())
DAY1, DAY2 = dt.date(2025, 10, 16), dt.date(2025, 10, 17)


def _at(path: Path, day: dt.date) -> None:
    t = time.mktime(dt.datetime(day.year, day.month, day.day, 9, 0).timetuple())
    os.utime(path, (t, t))


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    """Seeds 000-002 filed on day 1, 003 on day 2; 004 states its publication date (day 2) in the text."""
    box = tmp_path / "inbox"
    box.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, box / seed.name)
        _at(box / seed.name, DAY1 if seed.name < "003" else DAY2)
    _at(box / sorted(p.name for p in box.iterdir())[4], dt.date(2030, 1, 1))  # 004: its published date wins
    return box


def _daily(inbox: Path, out: Path, day: dt.date, server: BatchServer, cache: Path, *extra: str):  # noqa: ANN202
    env = {"OPENAI_API_KEY": "sk-test", "SUMMARIZE_CACHE_DIR": str(cache)}
    args = ["daily", str(inbox), "--date", day.isoformat(), "-o", str(out), "--base-url", server.url,
            "--model", MANIFEST["model"], "--mode", MANIFEST["mode"], "--lang", MANIFEST["lang"], *extra]
    return CliRunner().invoke(app, args, env=env)


def test_two_days_new_and_continuing_and_an_idempotent_rerun(inbox: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "briefings", tmp_path / "cache"
    with BatchServer(RECORDINGS) as server:
        first = _daily(inbox, out, DAY1, server, cache)
        assert first.exit_code == 0, first.output
        day1 = json.loads((out / "2025-10-16.json").read_text())
        assert sorted(a["id"][:3] for a in day1["articles"]) == ["000", "001", "002"]
        assert day1["daily"]["chosen_by"] == {a["id"]: "file time" for a in day1["articles"]}
        assert day1["daily"]["previous_date"] is None and day1["actors"][0]["since"] is None

        second = _daily(inbox, out, DAY2, server, cache)
        assert second.exit_code == 0, second.output
        calls = len(server.chat)
        files = {p.name: p.read_bytes() for p in out.iterdir()}
        assert set(files) == {f"2025-10-1{d}.{x}" for d in (6, 7) for x in ("json", "md", "html")}

        day2 = json.loads(files["2025-10-17.json"])
        assert sorted(a["id"][:3] for a in day2["articles"]) == ["003", "004"]
        assert day2["daily"]["chosen_by"]["004_bc73e97958a12d26"] == "published"
        assert (day2["daily"]["previous_date"], day2["daily"]["previous_file"]) == ("2025-10-16", "2025-10-16.json")
        by_name = {a["name"]: a for a in day2["actors"]}
        previous_names = {a["id"]: a["name"] for a in day1["actors"]}
        trump = by_name["Donald Trump"]
        assert trump["since"] == "continuing" and previous_names[trump["previous_id"]] == "Donald Trump"
        new = [a for a in day2["actors"] if a["since"] == "new"]
        assert new and all(a["name"] not in previous_names.values() for a in new)
        items = [i for k in ("actors", "decisions", "weapons", "open_questions") for i in day2[k]]
        assert day2["daily"]["new"] == sum(i["since"] == "new" for i in items)
        assert day2["daily"]["continuing"] == sum(i["since"] == "continuing" for i in items) >= 3
        md = files["2025-10-17.md"].decode()
        assert md.startswith("# Daily briefing 2025-10-17") and "[2025-10-16](2025-10-16.md)" in md
        assert "_(new)_" in md and "_(continuing A" in md
        html = files["2025-10-17.html"].decode()
        assert 'rel="prev" href="2025-10-16.html"' in html and 'data-since="continuing"' in html

        # the same day again: no model call, the same bytes
        again = _daily(inbox, out, DAY2, server, cache)
        assert again.exit_code == 0, again.output
        assert len(server.chat) == calls
        assert {p.name: p.read_bytes() for p in out.iterdir()} == files
        assert "(2 from cache)" in again.output


def test_a_day_without_articles_says_which_days_have_some(inbox: Path, tmp_path: Path) -> None:
    with BatchServer(RECORDINGS) as server:
        result = _daily(inbox, tmp_path / "b", dt.date(2025, 10, 20), server, tmp_path / "c")
    assert result.exit_code == 1
    assert "no article in" in result.output and "2025-10-16 (3)" in result.output and "--date" in result.output
    assert not (tmp_path / "b").exists() and server.chat == []


def test_a_bad_date_is_a_usage_error(inbox: Path) -> None:
    result = CliRunner().invoke(app, ["daily", str(inbox), "--date", "17.10.2025", "--base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2 and "use YYYY-MM-DD" in result.output


def test_choose_prefers_the_publication_date_over_the_file_time(inbox: Path) -> None:
    articles = [load_article(p) for p in sorted(inbox.iterdir())]
    chosen, how, days = choose(articles, DAY2)
    assert [a.id[:3] for a in chosen] == ["003", "004"]
    assert how == {chosen[0].id: "file time", chosen[1].id: "published"}
    assert days == {DAY1: 3, DAY2: 2}


def test_continuity_follows_events_not_just_words() -> None:
    """HAND-MADE digests: the same event reworded continues; another event of the same person is new."""
    yesterday = merge([_briefing("1", decisions=[_d("Donald Trump", "paused weapons deliveries to Ukraine", "q")])])
    today = merge([_briefing("2", decisions=[
        _d("Trump", "paused the weapons deliveries to Ukraine", "q2"),
        _d("Trump", "met Viktor Orban in Budapest", "q3"),
    ])])
    new, continuing = mark_continuity(today, yesterday)
    assert (new, continuing) == (1, 1)
    marks = {d.what: (d.since, d.previous_id) for d in today.decisions}
    assert marks["paused the weapons deliveries to Ukraine"] == ("continuing", "D1")
    assert marks["met Viktor Orban in Budapest"] == ("new", None)
