"""The coverage matrix of the HTML page: items (rows) x sources (columns), ● where a source reports an item.

Up to :attr:`PageLimits.columns <summarize.render.html_page.PageLimits>` sources the matrix is complete. Past
that, a full matrix grows as items x articles (38.5 MB for 2,000 articles), so it shows the
``rows_per_kind`` most corroborated items of each kind and the ``columns`` sources that report most of
them; one more column counts, per row, the sources left out. The table says so in ``data-total-rows``
and ``data-total-columns``, and the legend in words. Rows, columns and cells carry ``data-item``,
``data-article`` and ``data-count`` attributes so that tests (and scripts) can count.

This module chooses the rows and columns and counts (:func:`matrix`); ``templates/matrix.html.j2`` lays
the table out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from .html_page import Page, label

KIND_LABELS = {"D": "Key developments", "A": "Actors", "W": "Weapons and systems", "Q": "Open questions"}
_FIELDS = {"D": "decisions", "A": "actors", "W": "weapons", "Q": "open_questions"}


class Column(NamedTuple):
    """One source: its tag (``anchor`` is None when the page does not list it) and, for the footer, how many
    of the rows it reports and how many of those rest on it alone."""

    article: str
    anchor: str | None
    title: str
    label: str
    reported: int
    only: int


class Row(NamedTuple):
    item: object
    text: str  # the item in words (the row heading shortens it)
    reported: set[str]  # its sources
    single: bool  # one source: near copies of one article count once
    rest: int  # its sources outside the columns


class Group(NamedTuple):
    kind: str  # decision, actor, weapon, open_question
    label: str
    total: int  # items of this kind in the digest, shown or not
    rows: list[Row]


@dataclass(frozen=True)
class Matrix:
    """What ``templates/matrix.html.j2`` lays out; ``cells`` is ``(article, tag label)`` per column, for the loop
    over every cell."""

    columns: list[Column]
    cells: list[tuple[str, str]]
    groups: list[Group]
    bounded: bool  # more sources than PageLimits.columns: rows and columns chosen
    others: int  # sources left out of the columns
    rows: int
    hits: int  # ● cells
    single_rows: int  # shown rows that rest on one source
    singles: int  # items that rest on one source, shown or not
    items: int  # items in the digest
    total_columns: int
    rows_per_kind: int


def _groups(page: Page, bounded: bool) -> list[tuple[str, str, list]]:
    d, n = page.digest, page.limits.rows_per_kind
    groups = [("decision", "D", d.decisions), ("actor", "A", d.actors), ("weapon", "W", d.weapons),
              ("open_question", "Q", d.open_questions)]
    return [(kind, letter, list(items[:n] if bounded else items)) for kind, letter, items in groups]


def _columns(page: Page, groups: list[tuple[str, str, list]], bounded: bool) -> list[str]:
    if not bounded:
        return page.columns
    reports = Counter(a for _, _, items in groups for item in items for a in item.articles)
    order = {a: i for i, a in enumerate(page.columns)}
    top = sorted(reports, key=lambda a: (-reports[a], order.get(a, len(order))))[: page.limits.columns]
    return sorted(top, key=lambda a: order.get(a, len(order)))


def _row(item, cols: list[str]) -> Row:  # noqa: ANN001
    reported = set(item.articles)
    rest = len(reported) - sum(a in reported for a in cols)
    return Row(item, label(item), reported, item.count == 1, rest)


def matrix(page: Page) -> Matrix:
    """The rows, columns and counts of the ``matrix`` section (see the module docstring)."""
    bounded = len(page.columns) > page.limits.columns
    picked = _groups(page, bounded)
    cols = _columns(page, picked, bounded)
    groups = [Group(kind, KIND_LABELS[letter], len(getattr(page.digest, _FIELDS[letter])),
                    [_row(item, cols) for item in items])
              for kind, letter, items in picked if items]
    rows = [row for group in groups for row in group.rows]
    reported = {a: [row.single for row in rows if a in row.reported] for a in cols}
    columns = [Column(a, page.anchors.get(a), page.titles.get(a, a), page.tags.get(a, a), len(reported[a]),
                      sum(reported[a])) for a in cols]
    all_items = page.items()
    return Matrix(
        columns=columns, cells=[(c.article, c.label) for c in columns], groups=groups, bounded=bounded,
        others=len(page.columns) - len(cols) if bounded else 0, rows=len(rows),
        hits=sum(c.reported for c in columns), single_rows=sum(row.single for row in rows),
        singles=sum(i.count == 1 for i in all_items), items=len(all_items), total_columns=len(page.columns),
        rows_per_kind=page.limits.rows_per_kind,
    )
