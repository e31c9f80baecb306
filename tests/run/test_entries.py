"""The cache's entry store (summarize/run/entries.py): one SQLite file that processes and threads share."""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from pathlib import Path

from summarize.run.entries import Entries


def _write(path: str, start: int, n: int) -> None:
    entries = Entries(path, ("t",))
    for i in range(start, start + n):
        entries.put("t", f"k{i:04d}", f"value {i}".encode())
    entries.close()


def test_entries_round_trip_and_a_lookup_creates_nothing(tmp_path: Path) -> None:
    entries = Entries(tmp_path / "new" / "cache.sqlite", ("a", "b"))
    assert entries.get("a", "x") is None and entries.keys("a") == []
    assert not (tmp_path / "new").exists()  # a lookup in a cache that does not exist yet makes no file
    entries.put("a", "x", b"\xff\x00 raw bytes")
    entries.put("b", "x", b"other table")
    entries.put("a", "x", b"replaced")
    assert entries.get("a", "x") == b"replaced" and entries.get("b", "x") == b"other table"
    entries.delete("a", "x")
    assert entries.get("a", "x") is None and entries.keys("b") == ["x"]
    entries.close()
    assert Entries(tmp_path / "new" / "cache.sqlite", ("a", "b")).get("b", "x") == b"other table"  # on disk


def test_two_processes_write_one_file_at_once_and_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "cache.sqlite")
    Entries(path, ("t",)).put("t", "first", b"made before the processes")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write, args=(path, k * 300, 300)) for k in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    entries = Entries(path, ("t",))
    assert len(entries.keys("t")) == 601 and entries.get("t", "k0450") == b"value 450"


def test_a_store_sent_to_another_process_or_used_from_another_thread_works(tmp_path: Path) -> None:
    entries = Entries(tmp_path / "cache.sqlite", ("t",))
    entries.put("t", "k", b"v")  # the connection is open now
    copy = pickle.loads(pickle.dumps(entries))  # as a worker process receives it: it opens its own connection
    assert copy.get("t", "k") == b"v"
    got: list[bytes | None] = []
    thread = threading.Thread(target=lambda: got.append(entries.get("t", "k")))  # the sync wrappers' loop thread
    thread.start()
    thread.join()
    assert got == [b"v"]
