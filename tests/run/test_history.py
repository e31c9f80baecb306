"""The history database: runs and digest items across days, asked by name (replayed seeds: real answers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarize.run.history import History, default_path, fold
from summarize.run.pipeline import run
from summarize.settings import resolve_settings

from ..conftest import RECORDINGS, SEEDS


@pytest.fixture(scope="module")
def digest():  # noqa: ANN201
    return run([SEEDS], settings=resolve_settings(replay=RECORDINGS)).digest


def test_a_run_and_its_items_are_recorded_and_listed(digest, tmp_path: Path) -> None:  # noqa: ANN001
    history = History(tmp_path / "h" / "history.sqlite")
    assert history.runs() == [] and history.mentions("Trump") == []  # no database yet: nothing, no error
    first = history.record(digest, command="digest", page=tmp_path / "out" / "digest.html",
                           started=dt.datetime(2025, 10, 17, 7, 0))
    second = history.record(digest, command="daily", started=dt.datetime(2025, 10, 18, 7, 0))
    runs = history.runs()
    assert [r.id for r in runs] == [second, first]  # latest first
    assert runs[1].briefed == 5 and runs[1].model == digest.meta.model and runs[1].page.endswith("digest.html")
    assert runs[1].spent_tokens == digest.meta.spent.prompt_tokens + digest.meta.spent.completion_tokens


def test_history_finds_a_name_as_any_article_wrote_it_with_quotes_and_days(digest, tmp_path: Path) -> None:  # noqa: ANN001
    history = History(tmp_path / "history.sqlite")
    history.record(digest, command="digest")
    zelensky = next(a for a in digest.actors if "Zelensk" in a.name)
    german = next(n for n in zelensky.names_as_written if "Selenskyj" in n)
    by_english = history.mentions("Zelensky")
    by_german = history.mentions(german.split()[-1].lower())
    assert by_english and {m.article_id for m in by_german} >= {m.article_id for m in by_english if m.kind == "actor"}
    for m in by_english:
        assert m.quote and m.article_id in {a.id for a in digest.articles}
    days = [m.day for m in by_english if m.day]
    assert days == sorted(days)  # oldest first
    assert history.mentions("Tomahawk") and all(m.kind in {"weapon", "decision", "question", "actor"}
                                                for m in history.mentions("Tomahawk"))


def test_the_database_moves_with_the_setting(tmp_path: Path) -> None:
    assert default_path({"SUMMARIZE_HISTORY": str(tmp_path / "x.sqlite")}) == tmp_path / "x.sqlite"
    assert default_path({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "summarize" / "history.sqlite"
    assert fold("Präsident Selenskyj") == "prasident selenskyj"


def test_log_and_history_commands(digest, tmp_path: Path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from summarize.app.cli import app

    db = tmp_path / "history.sqlite"
    empty = CliRunner().invoke(app, ["log", "--history", str(db)])
    assert empty.exit_code == 0 and "no runs recorded yet" in empty.output
    History(db).record(digest, command="digest", page=Path("out/digest.html"))
    log = CliRunner().invoke(app, ["log", "--history", str(db)])
    assert log.exit_code == 0 and "#1 " in log.output and "5/5 briefed" in log.output
    found = CliRunner().invoke(app, ["history", "Tomahawk", "--history", str(db)])
    assert found.exit_code == 0 and "Tomahawk" in found.output and "“" in found.output
    as_json = CliRunner().invoke(app, ["history", "Tomahawk", "--history", str(db), "--json"])
    import json
    rows = json.loads(as_json.output)
    assert rows and {"day", "kind", "label", "quote", "article_id", "source", "url"} <= set(rows[0])
    missing = CliRunner().invoke(app, ["history", "Napoleon", "--history", str(db)])
    assert missing.exit_code == 1 and "summarize log" in missing.output


def test_a_run_records_its_requests_and_an_old_database_gains_the_column(tmp_path: Path) -> None:
    import sqlite3

    from typer.testing import CliRunner

    from summarize.app.cli import app

    db = tmp_path / "history.sqlite"
    old = sqlite3.connect(db)  # a database made before runs counted their requests
    old.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, command TEXT NOT NULL, model TEXT, "
                "prompt_version TEXT, day TEXT, articles INTEGER, briefed INTEGER, failed INTEGER, spent_tokens INTEGER, "
                "reused_tokens INTEGER, cost REAL, page TEXT, stopped TEXT)")
    old.commit()
    old.close()
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path / "out"),
                                      "--history", str(db), "-q"])
    assert result.exit_code == 0, result.output
    run = History(db).runs()[0]
    assert run.requests is not None and run.requests >= 5 * 4  # every seed's parts, passes and summary
    log = CliRunner().invoke(app, ["log", "--history", str(db)])
    assert f"{run.requests} requests" in log.output
