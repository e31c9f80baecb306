"""A cache's entries in one SQLite file: bytes by key, in a few named tables, each write one statement.

Why one file and not a file per entry: on this project's machines creating a file costs 0.6 ms of system
CPU and a new folder 0.9 ms (ext4 on a virtual disk), and a cold run wrote two files per article (its
briefing and its metadata memo): about 1 ms per model request, a fifth of all the CPU around the model
(issue 12). An insert into a SQLite file in write-ahead-log mode costs about 70 µs; a lookup 15 µs.

The database is made on the first write (a lookup in a folder without one is a miss, and creates nothing).
It runs in WAL mode with ``synchronous=NORMAL``: a write is atomic and never leaves half an entry; a power
cut may lose the last few writes, which for a cache is a miss on the next run. Several processes (``--workers``,
two runs at once) share the file: SQLite locks it, and a writer waits up to :data:`BUSY_SECONDS` for another.
One connection per store, guarded by a lock, so the sync wrappers' event-loop thread may use it too.

Errors are :class:`sqlite3.Error` or :class:`OSError`, raised to the caller (the caches turn them into
warnings and misses: a cache never stops a run).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

__all__ = ["BUSY_SECONDS", "Entries"]

BUSY_SECONDS = 30.0  # how long a write waits for another process's write to finish


class Entries:
    """Bytes by key in the tables ``tables`` of the SQLite file ``path``."""

    def __init__(self, path: str | os.PathLike[str], tables: tuple[str, ...]) -> None:
        self.path = Path(path)
        self.tables = tables
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:  # a connection is not sent to another process: it opens its own
        return {**self.__dict__, "_db": None, "_lock": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _open(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        if not create and not self.path.is_file():
            return None
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            try:
                db.execute("PRAGMA journal_mode=WAL")  # one writer and many readers; a file system without
            except sqlite3.OperationalError:  # shared memory (some network mounts) keeps the rollback journal
                pass
            db.execute("PRAGMA synchronous=NORMAL")
            for table in self.tables:
                db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
        except BaseException:
            db.close()
            raise
        self._db = db
        return db

    def get(self, table: str, key: str) -> bytes | None:
        """The entry ``key`` of ``table``, or None when there is none (or no database yet)."""
        with self._lock:
            db = self._open(create=False)
            if db is None:
                return None
            row = db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def put(self, table: str, key: str, value: bytes) -> None:
        """Store ``value`` as the entry ``key`` of ``table``, replacing any; the database is made if needed."""
        with self._lock:
            db = self._open(create=True)
            assert db is not None
            db.execute(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", (key, value))

    def delete(self, table: str, key: str) -> None:
        with self._lock:
            db = self._open(create=False)
            if db is not None:
                db.execute(f"DELETE FROM {table} WHERE key = ?", (key,))

    def keys(self, table: str) -> list[str]:
        """Every key of ``table``, in key order (for tools and tests)."""
        with self._lock:
            db = self._open(create=False)
            return [] if db is None else [k for (k,) in db.execute(f"SELECT key FROM {table} ORDER BY key")]

    def close(self) -> None:
        """Close the connection (the next use opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
