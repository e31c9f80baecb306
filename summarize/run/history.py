"""A history to ask: every run and every digest item in an embedded SQLite database.

``record(digest, ...)`` stores a run (when, which model, prompts version, articles, failures, tokens spent and
reused, cost, where its pages went) and the digest's items with their quotes, one row per supporting
article. ``runs()`` lists past runs (``summarize log``); ``mentions(name)`` finds an actor, weapon, event or
question across days (``summarize history NAME``): when, in which source, what was said, with the quote and
the page it is on. The database is one file (default ``~/.local/share/summarize/history.sqlite``; the
``SUMMARIZE_HISTORY`` setting moves it); the schema is created on first use and every write is one
transaction, so an interrupted run leaves the history as it was before it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..models import Digest
from ..text.normalise import strip_accents

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    command TEXT NOT NULL,
    model TEXT, prompt_version TEXT, day TEXT,
    articles INTEGER, briefed INTEGER, failed INTEGER,
    spent_tokens INTEGER, reused_tokens INTEGER, cost REAL,
    page TEXT, stopped TEXT, requests INTEGER
);
CREATE TABLE IF NOT EXISTS items (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,            -- actor, weapon, decision, question
    item_id TEXT NOT NULL,         -- A1, W2, D3, Q1 in that run's digest
    label TEXT NOT NULL,           -- name, or who: what, or the question
    names TEXT NOT NULL,           -- every spelling and name, folded, for search
    article_id TEXT NOT NULL, source TEXT, url TEXT, day TEXT,
    quote TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_day ON items(day);
CREATE TABLE IF NOT EXISTS failures (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL
);
"""


def default_path(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ if env is None else env)
    if env.get("SUMMARIZE_HISTORY"):
        return Path(env["SUMMARIZE_HISTORY"]).expanduser()
    base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "summarize" / "history.sqlite"


def history(name: str, *, since: str | None = None, path: str | os.PathLike[str] | None = None,
            limit: int = 200) -> list[Mention]:
    """Where ``name`` (an actor, a weapon, words of an event or question) appeared across the recorded runs,
    oldest first: the library form of ``summarize history NAME``. ``path`` is the database (default
    :func:`default_path`); ``since`` a day, ``YYYY-MM-DD``. An empty list when nothing (or no database) is there."""
    return History(Path(path) if path is not None else default_path()).mentions(name, since=since, limit=limit)


def runs(limit: int = 20, *, path: str | os.PathLike[str] | None = None) -> list[RunRow]:
    """The latest recorded runs first: the library form of ``summarize log``."""
    return History(Path(path) if path is not None else default_path()).runs(limit)


def fold(text: str) -> str:
    """Lower case without accents, for search: "Selenskyj" and "selenskyj", "Präsident" and "prasident"."""
    return strip_accents(text.casefold())


@dataclass(frozen=True)
class RunRow:
    id: int
    started: str
    command: str
    model: str | None
    day: str | None
    articles: int
    briefed: int
    failed: int
    spent_tokens: int
    reused_tokens: int
    cost: float | None
    page: str | None
    stopped: str | None
    requests: int | None = None  # model requests the run made (re-asks included; cached briefings none)


@dataclass(frozen=True)
class Mention:
    run_id: int
    day: str | None
    kind: str
    item_id: str
    label: str
    article_id: str
    source: str | None
    url: str | None
    quote: str
    page: str | None


class History:
    """The history database at ``path`` (created with its folder on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA foreign_keys = ON")
        db.executescript(SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
        if "requests" not in columns:  # a database made before runs counted their requests
            db.execute("ALTER TABLE runs ADD COLUMN requests INTEGER")
        return db

    def record(self, digest: Digest, *, command: str, page: Path | None = None, stopped: str | None = None,
               started: dt.datetime | None = None, requests: int | None = None) -> int:
        """Store a run and its digest's items; returns the run's id. ``requests``: model requests it made."""
        meta = digest.meta
        day = digest.daily.date.isoformat() if digest.daily else None
        spent, reused = meta.spent, meta.reused
        with self._connect() as db:
            cur = db.execute(
                "INSERT INTO runs (started, command, model, prompt_version, day, articles, briefed, failed, "
                "spent_tokens, reused_tokens, cost, page, stopped, requests) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                ((started or dt.datetime.now()).isoformat(timespec="seconds"), command, meta.model,
                 meta.prompt_version, day, meta.articles_total, meta.articles_briefed, len(digest.failures),
                 spent.prompt_tokens + spent.completion_tokens, reused.prompt_tokens + reused.completion_tokens,
                 meta.cost_estimate, str(page) if page else None, stopped, requests),
            )
            run_id = int(cur.lastrowid or 0)
            db.executemany("INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?)", _item_rows(run_id, digest, day))
            db.executemany("INSERT INTO failures VALUES (?,?,?,?)",
                           [(run_id, f.article_id, f.error_kind, f.message) for f in digest.failures])
        return run_id

    def runs(self, limit: int = 20) -> list[RunRow]:
        """The latest runs first."""
        if not self.path.exists():
            return []
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, started, command, model, day, articles, briefed, failed, spent_tokens, reused_tokens, "
                "cost, page, stopped, requests FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [RunRow(*row) for row in rows]

    def mentions(self, name: str, *, since: str | None = None, limit: int = 200) -> list[Mention]:
        """Where ``name`` (an actor, a weapon, words of an event or question) appeared, oldest first."""
        if not self.path.exists() or not name.strip():
            return []
        pattern = f"%{fold(name.strip())}%"
        query = ("SELECT i.run_id, i.day, i.kind, i.item_id, i.label, i.article_id, i.source, i.url, i.quote, r.page "
                 "FROM items i JOIN runs r ON r.id = i.run_id WHERE i.names LIKE ?")
        args: list[object] = [pattern]
        if since:
            query += " AND (i.day IS NULL OR i.day >= ?)"
            args.append(since)
        query += " ORDER BY i.day IS NULL, i.day, i.run_id LIMIT ?"
        args.append(limit)
        with self._connect() as db:
            rows = db.execute(query, args).fetchall()
        return [Mention(*row) for row in rows]


def _item_rows(run_id: int, digest: Digest, day: str | None) -> list[tuple]:
    refs = {a.id: a for a in digest.articles}
    rows: list[tuple] = []

    def add(kind: str, item, label: str, names: list[str]) -> None:  # noqa: ANN001 - any merged item
        folded = fold(" | ".join([label, *names]))
        for support in item.support:
            ref = refs.get(support.article_id)
            published = ref.published.isoformat() if ref is not None and ref.published else None
            rows.append((run_id, kind, item.id, label, folded, support.article_id, ref.source if ref else None,
                         ref.url if ref else None, published or day, support.quote))

    for a in digest.actors:
        add("actor", a, a.name, a.names_as_written)
    for w in digest.weapons:
        add("weapon", w, w.name, w.names_as_written)
    for d in digest.decisions:
        add("decision", d, f"{d.who}: {d.what}", [])
    for q in digest.open_questions:
        add("question", q, q.question, [])
    return rows
