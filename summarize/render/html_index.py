"""The index of a folder of daily briefings: one self-contained HTML page listing every day, newest first,
with its counts and a link to its page (same style sheet and Content-Security-Policy as the day pages, laid
out by ``templates/index.html.j2`` with autoescaping)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .html_page import render


@dataclass(frozen=True)
class DayRow:
    """One day of the index: its page, and what it holds."""

    day: dt.date
    page: str
    articles: int = 0
    developments: int = 0
    items: int = 0
    new: int = 0
    continuing: int = 0
    failures: int = 0


def render_index(rows: Sequence[DayRow], title: str = "Daily briefings") -> str:
    """The index page (a pure function: no I/O); ``rows`` in any order, listed newest first."""
    return render("index.html.j2", title=title, lang="en", days=sorted(rows, key=lambda r: r.day, reverse=True))
