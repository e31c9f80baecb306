"""The coverage matrix of the HTML page: items (rows) x sources (columns), ● where a source reports an item.

Up to :attr:`PageLimits.columns <summarize.render.html_page.PageLimits>` sources the matrix is complete. Past
that, a full matrix grows as items x articles (38.5 MB for 2,000 articles), so it shows the
``rows_per_kind`` most corroborated items of each kind and the ``columns`` sources that report most of
them; one more column counts, per row, the sources left out. The table says so in ``data-total-rows``
and ``data-total-columns``, and the legend in words. Rows, columns and cells carry ``data-item``,
``data-article`` and ``data-count`` attributes so that tests (and scripts) can count.
"""

from __future__ import annotations

from collections import Counter

from .html_page import Page, e, label, short, slug

KIND_LABELS = {"D": "Key developments", "A": "Actors", "W": "Weapons and systems", "Q": "Open questions"}


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


def _head(page: Page, cols: list[str], others: int) -> str:
    cells = "".join(
        f'<th scope="col" data-article="{e(a)}"><a class="tag"'
        + (f' href="#{e(page.anchors[a])}"' if a in page.anchors else "")
        + f' title="{e(page.titles.get(a, a))}">{e(page.tags.get(a, a))}</a></th>'
        for a in cols
    )
    if others:
        cells += f'<th scope="col" class="others" data-count="{others}">+{others} sources</th>'
    return f'<thead><tr><th scope="col">Item</th>{cells}<th scope="col">Σ</th></tr></thead>'


class _Tally:
    def __init__(self, cols: list[str]) -> None:
        self.per_col = dict.fromkeys(cols, 0)
        self.only_col = dict.fromkeys(cols, 0)
        self.rows = self.singles = self.cells = 0


def _row(page: Page, item, kind: str, cols: list[str], tally: _Tally, bounded: bool) -> str:  # noqa: ANN001
    reported = set(item.articles)
    single = item.count == 1  # one source: near copies of one article count once
    tally.singles += single
    tally.rows += 1
    text = label(item)
    tds = []
    for a in cols:
        if a in reported:
            tally.per_col[a] += 1
            tally.only_col[a] += single
            tally.cells += 1
            tds.append(f'<td class="c hit" data-article="{e(a)}" title="{e(page.tags.get(a, a))}: '
                       f'reports {e(item.id)}">●</td>')
        else:
            tds.append(f'<td class="c" data-article="{e(a)}"></td>')
    if bounded:
        rest = len(reported) - sum(a in reported for a in cols)
        tds.append(f'<td class="c others" data-count="{rest}">{rest or ""}</td>')
    mark = '<span class="badge single">single source</span>' if single else ""
    return (
        f'<tr class="row{" single" if single else ""}" data-item="{e(item.id)}" data-kind="{kind}" '
        f'data-count="{len(reported)}"><th scope="row" title="{e(text)}">'
        f'<a class="iid" href="#item-{e(slug(item.id))}">{e(item.id)}</a>{mark}{e(short(text))}</th>'
        f'{"".join(tds)}<td class="c total">{len(reported)}</td></tr>'
    )


def _foot(cols: list[str], tally: _Tally, others: int) -> str:
    pad = "<td></td>" if others else ""
    return (
        '<tfoot><tr><th scope="row">Items reported</th>'
        + "".join(f'<td data-article="{e(a)}" data-count="{tally.per_col[a]}">{tally.per_col[a]}</td>' for a in cols)
        + f"{pad}<td>{tally.cells}</td></tr>"
        + '<tr><th scope="row">Only this source</th>'
        + "".join(f'<td data-article="{e(a)}" data-count="{tally.only_col[a]}">{tally.only_col[a]}</td>' for a in cols)
        + f"{pad}<td>{tally.singles}</td></tr></tfoot>"
    )


def matrix(page: Page) -> str:
    """The ``matrix`` section (see the module docstring)."""
    bounded = len(page.columns) > page.limits.columns
    groups = _groups(page, bounded)
    cols = _columns(page, groups, bounded)
    others = len(page.columns) - len(cols) if bounded else 0
    tally = _Tally(cols)
    bodies = []
    for kind, letter, items in groups:
        if not items:
            continue
        total = len(getattr(page.digest, {"D": "decisions", "A": "actors", "W": "weapons", "Q": "open_questions"}[letter]))
        rows = [f'<tr class="group"><th colspan="{len(cols) + 2 + bool(others)}">{e(KIND_LABELS[letter])} '
                f'<span class="muted">({total})</span></th></tr>']
        rows += [_row(page, item, kind, cols, tally, bounded) for item in items]
        bodies.append(f'<tbody data-kind="{kind}">{"".join(rows)}</tbody>')
    all_items = page.items()
    if not bodies:
        return page.section("matrix", "Coverage matrix", 0, page.none("No items to compare."))
    singles = sum(i.count == 1 for i in all_items) if bounded else tally.singles
    legend = (f'<p class="legend">Rows: items; columns: sources. ● = the source reports the item. '
              f'{singles} of {len(all_items)} items rest on a single source (marked “single source”).')
    extra = ""
    if bounded:
        legend += (f" Shown: the {tally.rows} most corroborated items (up to {page.limits.rows_per_kind} of each kind) "
                   f"and the {len(cols)} sources that report most of them; “+{others} sources” counts the others. "
                   "The whole matrix is in digest.json.")
        extra = f' data-total-rows="{len(all_items)}" data-total-columns="{len(page.columns)}"'
    table = (f'<div class="scroll matrix-wrap"><table class="matrix" data-rows="{tally.rows}" '
             f'data-columns="{len(cols)}" data-cells="{tally.cells}" data-single="{tally.singles}"{extra}>'
             f'{_head(page, cols, others)}{"".join(bodies)}{_foot(cols, tally, others)}</table></div>')
    return page.section("matrix", "Coverage matrix", len(all_items), legend + "</p>" + table)
