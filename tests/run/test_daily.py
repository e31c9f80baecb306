"""``summarize daily``: one day's articles -> briefings/YYYY-MM-DD.{json,md,html}, new vs continuing.

The model answers come from the REAL recordings of the seeds, served over HTTP by the hand-made fake in
``tests/batchserver.py`` (so the test can count requests). How the seeds are dated: 004 states its publication
date (2025-10-17) in its header; 000 and 002 state full dates in their text (1. and 4. Juli 2025); 001 and 003
state none, so they are undated unless ``--undated file-time`` dates them by their file time (set here)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.app.cli import app
from summarize.run.daily import choose, date_article, earlier_briefings, mark_continuity
from summarize.digest.merge import merge
from summarize.article.load import load_article

from ..support.batchserver import BatchServer
from ..digest.test_diverge import _briefing, _d

ROOT = Path(__file__).resolve().parents[1].parent
RECORDINGS = ROOT / "tests" / "recordings" / "seeds"
MANIFEST = json.loads((RECORDINGS / "manifest.json").read_text())
DAY1, DAY2 = dt.date(2025, 7, 4), dt.date(2025, 10, 17)


def _at(path: Path, day: dt.date) -> None:
    t = time.mktime(dt.datetime(day.year, day.month, day.day, 9, 0).timetuple())
    os.utime(path, (t, t))


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    """Seeds 000-002 filed on day 1, 003 on day 2; 004 states its publication date (day 2) in the text."""
    box = _seed_copy(tmp_path / "inbox")
    for seed in box.iterdir():
        _at(seed, DAY1 if seed.name < "003" else DAY2)
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
        first = _daily(inbox, out, DAY1, server, cache, "--undated", "file-time")
        assert first.exit_code == 0, first.output
        day1 = json.loads((out / "2025-07-04.json").read_text())
        assert sorted(a["id"][:3] for a in day1["articles"]) == ["001", "002"]  # 000 states 1. Juli 2025
        assert day1["daily"]["chosen_by"] == {"001_c209104685891761": "file time", "002_7357c77dc1409342": "stated"}
        assert day1["daily"]["stated"] == {"002_7357c77dc1409342": "4. Juli 2025"}
        assert day1["daily"]["undated"] == "file-time" and day1["daily"]["skipped_undated"] == []
        assert day1["daily"]["previous_date"] is None and day1["actors"][0]["since"] is None
        assert "001_c209104685891761: 2025-07-04 (file modification time)" in first.output
        assert "002_7357c77dc1409342: 2025-07-04 (the text states “4. Juli 2025”)" in first.output

        second = _daily(inbox, out, DAY2, server, cache, "--undated", "file-time")
        assert second.exit_code == 0, second.output
        calls = len(server.chat)
        files = {p.name: p.read_bytes() for p in out.iterdir()}
        assert set(files) == {f"{d}.{x}" for d in ("2025-07-04", "2025-10-17") for x in ("json", "md", "html")} | {
            "index.html", "index.json"}

        day2 = json.loads(files["2025-10-17.json"])
        assert sorted(a["id"][:3] for a in day2["articles"]) == ["003", "004"]
        assert day2["daily"]["chosen_by"]["004_bc73e97958a12d26"] == "published"
        assert (day2["daily"]["previous_date"], day2["daily"]["previous_file"]) == ("2025-07-04", "2025-07-04.json")
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
        assert md.startswith("# Daily briefing 2025-10-17 · 1 article published that day, 1 dated by file time: ")
        assert "[2025-07-04](2025-07-04.md)" in md and "| 2025-10-17 \\(file modification time\\) |" in md
        assert "_(new)_" in md and "_(continuing A" in md
        html = files["2025-10-17.html"].decode()
        assert 'rel="prev" href="2025-07-04.html"' in html and 'data-since="continuing"' in html
        assert "2025-10-17 · 1 article published that day, 1 dated by file time" in html and 'data-dated="published"' in html

        # the same day again: no model call, the same bytes
        again = _daily(inbox, out, DAY2, server, cache, "--undated", "file-time")
        assert again.exit_code == 0, again.output
        assert len(server.chat) == calls
        assert {p.name: p.read_bytes() for p in out.iterdir()} == files
        assert "(2 from cache)" in again.output


def test_a_day_without_articles_says_which_days_have_some(inbox: Path, tmp_path: Path) -> None:
    with BatchServer(RECORDINGS) as server:
        result = _daily(inbox, tmp_path / "b", dt.date(2025, 10, 20), server, tmp_path / "c")
    assert result.exit_code == 1
    assert "no article in" in result.output and "2025-07-04 (1)" in result.output and "--date" in result.output
    assert "2 undated articles left out" in result.output and "001_c209104685891761.txt" in result.output
    assert "--undated include" in result.output
    assert not (tmp_path / "b").exists() and server.chat == []


def test_a_bad_date_is_a_usage_error(inbox: Path) -> None:
    result = CliRunner().invoke(app, ["daily", str(inbox), "--date", "17.10.2025", "--base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2 and "use YYYY-MM-DD" in result.output


def test_choose_prefers_the_publication_date_then_a_stated_date_and_file_time_only_when_asked(inbox: Path) -> None:
    articles = [load_article(p) for p in sorted(inbox.iterdir())]
    asked = choose(articles, DAY2, "file-time")
    assert [a.id[:3] for a in asked.chosen] == ["003", "004"]
    assert {i[:3]: d.how for i, d in asked.dated.items()} == {"003": "file time", "004": "published"}
    assert asked.days == {dt.date(2025, 7, 1): 1, DAY1: 2, DAY2: 2}
    default = choose(articles, DAY2)  # skip: the file time never dates an article unasked
    assert [a.id[:3] for a in default.chosen] == ["004"] and [a.id[:3] for a in default.undated] == ["001", "003"]
    included = choose(articles, DAY2, "include")
    assert {i[:3]: d.how for i, d in included.dated.items()} == {"001": "undated", "003": "undated", "004": "published"}


def test_a_stated_date_after_the_file_was_saved_is_an_announcement_not_the_day(tmp_path: Path) -> None:
    """HAND-MADE article: it reports a call on 4. Juli 2025 and announces a summit on 24. Oktober 2025."""
    path = tmp_path / "a.txt"
    path.write_text("Gipfel angekündigt\nAm 4. Juli 2025 telefonierten die beiden. Das Treffen ist für den "
                    "24. Oktober 2025 geplant.\n", encoding="utf-8")
    _at(path, dt.date(2025, 7, 5))
    when = date_article(load_article(path))
    assert (when.day, when.how, when.stated) == (dt.date(2025, 7, 4), "stated", "4. Juli 2025")
    _at(path, dt.date(2025, 11, 1))
    assert date_article(load_article(path)).day == dt.date(2025, 10, 24)


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


@pytest.fixture()
def fresh(tmp_path: Path) -> Path:
    """A fresh copy of the seeds, as a clone or a copied folder gives: every file time is now."""
    return _seed_copy(tmp_path / "fresh")


def _seed_copy(box: Path) -> Path:
    """A new folder holding a copy of the five seeds."""
    box.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, box / seed.name)
    return box


def test_a_fresh_copy_of_the_seeds_is_not_news_of_today(fresh: Path, tmp_path: Path) -> None:
    env = {"OPENAI_API_KEY": "sk-test", "SUMMARIZE_CACHE_DIR": str(tmp_path / "cache")}
    with BatchServer(RECORDINGS) as server:
        args = ["--base-url", server.url, "--model", MANIFEST["model"], "--mode", MANIFEST["mode"],
                "--lang", MANIFEST["lang"]]
        today = CliRunner().invoke(app, ["daily", str(fresh), "-o", str(tmp_path / "b"), *args], env=env)
        assert today.exit_code == 1 and server.chat == [] and not (tmp_path / "b").exists()
        assert f"is of {dt.date.today().isoformat()}" in today.output
        assert "2 undated articles left out" in today.output and "003_217b1643d8ffb68b.txt" in today.output
        assert "2025-10-17 (1), 2025-07-04 (1), 2025-07-01 (1)" in today.output

        # asked to include them: they are on today's page, marked undated, and none of their items is "new"
        before = CliRunner().invoke(app, ["daily", str(fresh), "--date", "2025-10-17", "-o", str(tmp_path / "b"), *args], env=env)
        assert before.exit_code == 0, before.output
        included = CliRunner().invoke(app, ["daily", str(fresh), "--undated", "include", "-o", str(tmp_path / "b"), *args], env=env)
    assert included.exit_code == 0, included.output
    page = json.loads((tmp_path / "b" / f"{dt.date.today().isoformat()}.json").read_text())
    assert page["daily"]["chosen_by"] == {"001_c209104685891761": "undated", "003_217b1643d8ffb68b": "undated"}
    items = [i for k in ("actors", "decisions", "weapons", "open_questions") for i in page[k]]
    assert items and not any(i["since"] == "new" for i in items) and page["daily"]["new"] == 0
    assert any(i["since"] == "undated" for i in items) and any(i["since"] == "continuing" for i in items)
    md = (tmp_path / "b" / f"{dt.date.today().isoformat()}.md").read_text()
    assert md.startswith(f"# Daily briefing {dt.date.today().isoformat()} · 2 articles undated: ")
    assert "_(new)_" not in md and "_(undated sources)_" in md
    assert "001_c209104685891761: undated" in included.output
    undated = sum(i["since"] == "undated" for i in items)
    assert f"0 new, {page['daily']['continuing']} continuing, {undated} only from undated articles" in included.output
    assert f"0 new, {page['daily']['continuing']} continuing, {undated} only from undated articles." in md


def test_an_unknown_undated_choice_is_a_usage_error(fresh: Path) -> None:
    result = CliRunner().invoke(app, ["daily", str(fresh), "--undated", "today", "--base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2 and "use one of skip, include, file-time" in result.output


def test_day_pages_link_previous_next_and_an_index_and_a_day_written_later_is_linked_in(inbox: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "briefings", tmp_path / "cache"
    july1 = dt.date(2025, 7, 1)  # 000 states 1. Juli 2025
    with BatchServer(RECORDINGS) as server:
        for day in (DAY1, DAY2, july1):  # the last one out of order: it goes before the first
            result = _daily(inbox, out, day, server, cache, "--undated", "file-time")
            assert result.exit_code == 0, result.output
    import lxml.html

    def nav(day: dt.date) -> dict[str, str]:
        doc = lxml.html.fromstring((out / f"{day.isoformat()}.html").read_bytes())
        return {a.get("rel"): a.get("href") for a in doc.xpath("//header//a[@rel]")}

    assert nav(july1) == {"index": "index.html", "next": "2025-07-04.html"}
    assert nav(DAY1) == {"prev": "2025-07-01.html", "index": "index.html", "next": "2025-10-17.html"}
    assert nav(DAY2) == {"prev": "2025-07-04.html", "index": "index.html"}
    index = lxml.html.fromstring((out / "index.html").read_bytes())
    rows = index.xpath("//tr[@data-day]")
    assert [r.get("data-day") for r in rows] == ["2025-10-17", "2025-07-04", "2025-07-01"]  # newest first
    for row in rows:
        day = json.loads((out / f"{row.get('data-day')}.json").read_text())
        assert row.xpath(".//a/@href") == [f"{row.get('data-day')}.html"]
        assert int(row.get("data-articles")) == len(day["articles"])
        assert int(row.get("data-items")) == sum(len(day[k]) for k in ("actors", "decisions", "weapons", "open_questions"))
    # a day's page rendered again from its JSON (as its neighbour's write does) is the page its own run wrote
    from summarize.models import Digest
    from summarize.run import daily_pages

    before = {p.name: p.read_bytes() for p in out.iterdir()}
    digest = Digest.model_validate_json((out / "2025-07-04.json").read_text())
    assert daily_pages.relink(out, DAY1, daily_pages.days_in(out)) == []  # nothing changed: nothing written
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before and digest.daily.date == DAY1


def _day_file(folder: Path, day: dt.date, *names: str) -> None:
    """HAND-MADE daily briefing: one decision per decider."""
    digest = merge([_briefing(str(i), decisions=[_d(n, "met the envoys in Brussels", f"q{i}")]) for i, n in enumerate(names)])
    folder.mkdir(exist_ok=True)
    (folder / f"{day.isoformat()}.json").write_text(digest.model_dump_json(), encoding="utf-8")


def test_new_and_continuing_look_back_over_a_window_of_days_not_only_the_previous_page(tmp_path: Path) -> None:
    """HAND-MADE briefings: Putin was on the 10th (outside a 7-day window), Orban on the 12th, Trump on the 16th."""
    from summarize.models import Digest

    out = tmp_path / "b"
    day = dt.date(2025, 10, 17)
    _day_file(out, dt.date(2025, 10, 9), "Wladimir Putin")
    _day_file(out, dt.date(2025, 10, 12), "Viktor Orban")
    _day_file(out, dt.date(2025, 10, 16), "Donald Trump")
    found = earlier_briefings(out, day, window_days=7)
    assert [d.isoformat() for d, _ in found] == ["2025-10-12", "2025-10-16"]
    assert [d for d, _ in earlier_briefings(out, day, window_days=0)] == [dt.date(2025, 10, 16)]  # the previous always
    assert [d for d, _ in earlier_briefings(out, dt.date(2025, 11, 30), window_days=7)] == [dt.date(2025, 10, 16)]
    history = [(d, Digest.model_validate_json(p.read_text())) for d, p in found]
    today = merge([_briefing("9", decisions=[_d(n, "met the envoys in Brussels", n)
                                             for n in ("Donald Trump", "Viktor Orban", "Wladimir Putin")])])
    assert mark_continuity(today, history) == (1, 2)
    marks = {d.who: (d.since, d.previous_id, d.previous_date) for d in today.decisions}
    assert marks["Donald Trump"] == ("continuing", "D1", None)  # the previous page: no date needed
    # the digest names the deciders as the alias table does ("Viktor Orban" -> "Viktor Orbán")
    assert marks["Viktor Orbán"] == ("continuing", "D1", dt.date(2025, 10, 12))  # further back: its day named
    assert marks["Vladimir Putin"] == ("new", None, None)  # outside the window
    # the pages say how far back they looked, and name the day of a match further back than the previous page
    from summarize import render_html
    from summarize.models import DailyInfo
    from summarize.render.markdown import render

    today.daily = DailyInfo(date=day, previous_date=found[-1][0], previous_file="2025-10-16.json", new=1, continuing=2,
                            window_days=7, compared=[d for d, _ in found])
    md, html = render(today), render_html(today)
    assert "1 new, 2 continuing (compared with 2 briefings back to 2025-10-12)." in md
    assert "_(continuing D1 of 2025-10-12)_" in md and "_(continuing D1)_" in md
    assert "(compared with 2 briefings back to 2025-10-12)</span>" in html and ">continuing D1 of 2025-10-12<" in html


def test_a_negative_window_is_a_usage_error_before_anything_is_read(tmp_path: Path) -> None:
    import asyncio

    from summarize.errors import UsageError
    from summarize.run.daily import adaily

    with pytest.raises(UsageError, match="window_days=-1: use 0 or more days"):
        asyncio.run(adaily([tmp_path / "missing"], out_dir=tmp_path, window_days=-1))


def test_a_daily_page_shows_what_its_briefings_cost_and_a_rerun_shows_the_same(tmp_path: Path) -> None:
    """With a price table, the page's cost is what its briefings cost to make (spent + reused tokens), so a
    rerun answered from the cache writes the same cost and byte-identical files."""
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..conftest import RECORDINGS, SEEDS

    model = json.loads((RECORDINGS / "manifest.json").read_text(encoding="utf-8"))["model"]
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"currency": "EUR", "models": {model: {"input": 1.0, "output": 2.0}}}), encoding="utf-8")
    out = tmp_path / "b"
    args = ["daily", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(out), "--date", "2025-10-17", "--prices", str(prices),
            "--no-history"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    page = json.loads((out / "2025-10-17.json").read_text(encoding="utf-8"))
    assert page["meta"]["cost_estimate"] and page["meta"]["cost_currency"] == "EUR"
    before = (out / "2025-10-17.json").read_bytes()
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and (out / "2025-10-17.json").read_bytes() == before
