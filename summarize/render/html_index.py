"""The index of a folder of daily briefings: one self-contained HTML page listing every day, newest first,
with its counts and a link to its page (same style sheet and Content-Security-Policy as the day pages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .html import head
from .html_page import e


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


def _row(r: DayRow) -> str:
    since = f"{r.new} new, {r.continuing} continuing" if r.new or r.continuing else "–"
    failed = f' <span class="badge">{r.failures} failed</span>' if r.failures else ""
    return (f'<tr class="day" data-day="{r.day.isoformat()}" data-articles="{r.articles}" data-items="{r.items}">'
            f'<td><a href="{e(r.page)}">{r.day.isoformat()}</a></td><td data-label="Articles">{r.articles}{failed}</td>'
            f'<td data-label="Developments">{r.developments}</td><td data-label="Items">{r.items}</td>'
            f'<td data-label="Since the day before">{e(since)}</td></tr>')


def render_index(rows: Sequence[DayRow], title: str = "Daily briefings") -> str:
    """The index page (a pure function: no I/O); ``rows`` in any order, listed newest first."""
    ordered = sorted(rows, key=lambda r: r.day, reverse=True)
    body = ("<p class=\"muted\">No daily briefing yet.</p>" if not ordered else
            '<div class="scroll"><table class="cards days"><thead><tr><th>Day</th><th>Articles</th>'
            '<th>Developments</th><th>Items</th><th>New and continuing</th></tr></thead>'
            f'<tbody>{"".join(_row(r) for r in ordered)}</tbody></table></div>')
    span = f" · {ordered[-1].day.isoformat()} to {ordered[0].day.isoformat()}" if len(ordered) > 1 else ""
    return "\n".join([
        *head(title),
        "<body>",
        f'<header class="page"><h1>{e(title)}</h1><p class="meta">{len(ordered)} days{span}</p></header>',
        f'<main><section id="days" data-count="{len(ordered)}">{body}</section></main>',
        "</body>",
        "</html>",
        "",
    ])
