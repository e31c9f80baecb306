"""A folder of daily briefings as linked pages: each day's HTML links the previous and next day in the folder
and ``index.html``, the index of all days.

When a day is written, its neighbours' pages are rendered again from their ``YYYY-MM-DD.json`` with their new
links and replaced atomically, only if their bytes change (so a rerun rewrites nothing). The index's counts
are read from each day's JSON once and kept in ``index.json`` by a hash of the file's bytes (not its time: a
rerun rewrites the same bytes), so a run hashes each day's file but parses only the changed ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from ..models import Digest
from ..render.files import write_if_changed
from ..render.html import render_html
from ..render.html_index import DayRow, render_index
from ..render.markdown import day_basis

FILE_DATE = "%Y-%m-%d"
INDEX_HTML = "index.html"
INDEX_CACHE = "index.json"
CACHE_VERSION = 1


def page_name(day: dt.date) -> str:
    return f"{day.strftime(FILE_DATE)}.html"


def days_in(folder: Path) -> list[dt.date]:
    """The days that have a ``YYYY-MM-DD.json`` in ``folder``, oldest first."""
    found = set()
    for path in folder.glob("????-??-??.json") if folder.is_dir() else ():
        try:
            found.add(dt.datetime.strptime(path.stem, FILE_DATE).date())
        except ValueError:
            continue
    return sorted(found)


def neighbours(days: list[dt.date], day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The days just before and just after ``day`` among ``days``."""
    before = [d for d in days if d < day]
    after = [d for d in days if d > day]
    return (before[-1] if before else None), (after[0] if after else None)


def page_title(digest: Digest, day: dt.date) -> str:
    return f"Daily briefing {day_basis(digest.daily)}" if digest.daily else f"Daily briefing {day.isoformat()}"


def links(days: list[dt.date], day: dt.date) -> dict[str, str | None]:
    """``previous``, ``next`` and ``index`` for :func:`~summarize.render.html.render_html`."""
    before, after = neighbours(days, day)
    return {"previous": page_name(before) if before else None, "next": page_name(after) if after else None,
            "index": INDEX_HTML}


def relink(folder: Path, day: dt.date, days: list[dt.date]) -> list[Path]:
    """Render ``day``'s page again from its JSON with its links among ``days``; write it only when it changes.
    Returns the path when written. An unreadable JSON leaves its page as it is."""
    source = folder / f"{day.strftime(FILE_DATE)}.json"
    try:
        digest = Digest.model_validate_json(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    path = folder / page_name(day)
    html = render_html(digest, title=page_title(digest, day), **links(days, day))
    return [path] if write_if_changed(path, html) else []


def _summary(raw: bytes) -> dict[str, int]:
    data = json.loads(raw)
    kinds = ("decisions", "actors", "weapons", "open_questions")
    daily = data.get("daily") or {}
    return {"articles": len(data.get("articles", [])), "developments": len(data.get("decisions", [])),
            "items": sum(len(data.get(k, [])) for k in kinds), "new": daily.get("new", 0),
            "continuing": daily.get("continuing", 0), "failures": len(data.get("failures", []))}


def index_rows(folder: Path, days: list[dt.date]) -> list[DayRow]:
    """Each day's counts, from ``index.json`` when the day's JSON is unchanged, else from the JSON itself
    (and ``index.json`` is brought up to date)."""
    cache_path = folder / INDEX_CACHE
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
        entries = cache["days"] if cache.get("version") == CACHE_VERSION else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        entries = {}
    fresh: dict[str, dict] = {}
    rows = []
    for day in days:
        path = folder / f"{day.strftime(FILE_DATE)}.json"
        try:
            data = path.read_bytes()
            stamp = hashlib.blake2b(data, digest_size=16).hexdigest()  # not the file time: a rerun rewrites it
            entry = entries.get(day.isoformat())
            if not (isinstance(entry, dict) and entry.get("stamp") == stamp):
                entry = {"stamp": stamp, **_summary(data)}
        except (OSError, ValueError, AttributeError):
            continue  # unreadable: not listed
        fresh[day.isoformat()] = entry
        rows.append(DayRow(day=day, page=page_name(day), **{k: v for k, v in entry.items() if k != "stamp"}))
    write_if_changed(cache_path, json.dumps({"version": CACHE_VERSION, "days": fresh}, indent=1, sort_keys=True) + "\n")
    return rows


def link_days(folder: Path, day: dt.date) -> list[Path]:
    """After ``day``'s files are written: its neighbours' pages get their new links, and ``index.html`` is
    written again. Returns the files that changed."""
    days = days_in(folder)
    before, after = neighbours(days, day)
    changed = [p for d in (before, after) if d is not None for p in relink(folder, d, days)]
    index = folder / INDEX_HTML
    if write_if_changed(index, render_index(index_rows(folder, days))):
        changed.append(index)
    return changed
