"""Digest -> one self-contained HTML page: the briefing a person reads in a browser, on a phone or on paper.

The page has no external assets: CSS is inline, fonts are the system's, the only script is a few lines that
open every ``<details>`` before printing (and a Content-Security-Policy allows that script by its hash and
nothing else: no remote styles, scripts, images, fonts or connections). It works offline from ``file://``.

Everything taken from articles or the model is untrusted and goes through :func:`html.escape`; the only
links the page makes are in-page anchors (``#src-<id>``, ``#item-<id>``) and the optional, validated
relative link to the previous day's page.

Sections, each with a stable ``id`` and its count in the heading: ``headline`` (when present),
``developments`` (the digest's decisions), ``divergences``, ``timeline``, ``actors``, ``weapons``,
``questions``, ``matrix`` (sources x items), ``sources`` and ``failures`` (when any). The coverage matrix
carries ``data-item``, ``data-article`` and ``data-count`` attributes so that tests (and scripts) can count.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from ..models import Digest, Support
from .markdown import copies_note, date_span, dating, source_count, source_tags, undated_items

__all__ = ["render_html"]

KIND_LABELS = {"D": "Key developments", "A": "Actors", "W": "Weapons and systems", "Q": "Open questions"}

_SCRIPT = (
    "addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true})});"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)

_CSS = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#5d5f6b;--line:#d9dbe3;--card:#f6f7fa;
--accent:#1f5fbf;--tag:#e7eefb;--tagfg:#173f7a;--single:#fff3d6;--singlefg:#7a4b00;--hit:#1f5fbf;--quote:#8a8fa3}
@media (prefers-color-scheme:dark){:root{--bg:#121317;--fg:#e6e6ea;--muted:#a2a5b3;--line:#33353f;--card:#1b1d23;
--accent:#7fb0ff;--tag:#1f2c44;--tagfg:#b9d2ff;--single:#3a2e12;--singlefg:#ffd98a;--hit:#7fb0ff;--quote:#6b7080}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
main,header.page,nav.toc,footer.page{max-width:62rem;margin:0 auto;padding:0 1rem}
header.page{padding-top:1.25rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.2rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h2 .n{display:inline-block;min-width:1.6em;margin-left:.4rem;padding:0 .45em;border-radius:1em;background:var(--card);
border:1px solid var(--line);color:var(--muted);font-size:.85rem;font-weight:600;text-align:center;vertical-align:middle}
a{color:var(--accent)}
.meta,.muted{color:var(--muted);font-size:.9rem}
.prev{font-size:.9rem}
nav.toc ul{list-style:none;padding:0;margin:.75rem 0 0;display:flex;flex-wrap:wrap;gap:.35rem .9rem;font-size:.9rem}
ul.items,ol.items{list-style:none;padding:0;margin:0}
.items>li{padding:.6rem .75rem;margin:0 0 .5rem;background:var(--card);border:1px solid var(--line);border-radius:.5rem}
.iid{font:600 .8rem ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-right:.35rem}
.badge{display:inline-block;padding:0 .5em;border-radius:.3em;font-size:.8rem;border:1px solid var(--line);
color:var(--muted);white-space:nowrap}
.badge.multi{border-color:var(--accent);color:var(--accent);font-weight:600}
.badge.since.new{border-color:var(--accent);font-weight:600}.badge.since.continuing{opacity:.8}
.badge.single{background:var(--single);color:var(--singlefg);border-color:transparent}
.tags{white-space:normal}
a.tag{display:inline-block;margin:0 .15rem .1rem 0;padding:0 .4em;border-radius:.3em;background:var(--tag);
color:var(--tagfg);font:600 .78rem/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-decoration:none}
a.tag:hover,a.tag:focus{text-decoration:underline}
details.quotes{margin-top:.35rem;font-size:.92rem}
details.quotes summary{cursor:pointer;color:var(--muted)}
blockquote{margin:.35rem 0;padding:.1rem .75rem;border-left:3px solid var(--quote);font-style:italic}
.quotes li{list-style:none;margin:.25rem 0}
.quotes ul{padding:0;margin:.25rem 0}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.6rem;margin-top:.5rem}
.claim{padding:.5rem .65rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg)}
.claim .says{font-weight:600;display:block;margin:.2rem 0}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
thead th{font-size:.82rem;color:var(--muted)}
table.matrix{width:auto;min-width:100%}
table.matrix th,table.matrix td{white-space:nowrap}
table.matrix td.c{text-align:center;min-width:2.6rem}
table.matrix td.hit{color:var(--hit)}
table.matrix tbody th{position:sticky;left:0;background:var(--bg);font-weight:normal}
table.matrix tr.single th .badge{margin-right:.35rem}
table.matrix tr.group th{position:static;background:var(--card);font-weight:600;color:var(--fg)}
table.matrix tfoot th,table.matrix tfoot td{font-weight:600;color:var(--muted);text-align:center}
table.matrix tfoot th{text-align:left}
.legend{font-size:.88rem;color:var(--muted);margin:.25rem 0 .5rem}
ol.timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}
ol.timeline>li{position:relative;padding:.1rem 0 .7rem 1rem}
ol.timeline>li::before{content:"";position:absolute;left:-.4rem;top:.5rem;width:.7rem;height:.7rem;border-radius:50%;
background:var(--accent)}
time{font-weight:600}
.sources li{margin-bottom:.6rem}
.failures li{color:var(--fg)}
footer.page{margin:2.5rem auto 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){body{font-size:15px}h1{font-size:1.3rem}.items>li{padding:.5rem .6rem}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards thead{display:none}
table.cards tr{padding:.4rem 0;border-bottom:1px solid var(--line)}
table.cards td{border:0;padding:.1rem 0}
table.cards td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}
table.matrix tbody tr.row th{max-width:10.5rem;overflow:hidden;text-overflow:ellipsis}
table.matrix td.c{min-width:2rem;padding:.35rem .25rem}table.matrix .badge{font-size:.7rem}}
@media print{body{font-size:11pt;background:#fff;color:#000}nav.toc,.prev{display:none}
a{color:inherit;text-decoration:none}.items>li,.claim{break-inside:avoid;background:none}
h2{break-after:avoid}.scroll{overflow:visible}table.matrix tbody th{position:static}
a.tag{background:none;border:1px solid #999;color:#000}}
"""


def e(text: object) -> str:
    """Escape for both element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def _slug(value: str) -> str:
    """An HTML id fragment from an article or item id: keeps ``[A-Za-z0-9_.-]``, replaces the rest."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", value) or "x"


def _safe_previous(link: str) -> str:
    """The link to the previous day's page must be relative (no scheme, no host): never ``javascript:``."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc or link.strip().startswith(("/", "\\")) or not link.strip():
        raise ValueError(f"previous must be a relative link such as '2025-10-16/digest.html', not {link!r}")
    return link.strip()


class _Page:
    def __init__(self, digest: Digest) -> None:
        self.digest = digest
        self.tags = source_tags(digest)
        self.titles = {a.id: (a.title or a.id) for a in digest.articles}
        known = [a.id for a in digest.articles]
        extra: list[str] = []
        for item in self.items():
            for aid in item.articles:
                if aid not in known and aid not in extra:
                    extra.append(aid)
        self.columns = known + extra
        self.anchors: dict[str, str] = {}
        used: set[str] = set()
        for aid in self.columns + [f.article_id for f in digest.failures]:
            if aid in self.anchors:
                continue
            slug = base = f"src-{_slug(aid)}"
            n = 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            self.anchors[aid] = slug
        self.n_sources = source_count(digest.meta)
        self.item_ids = {i.id for i in self.items()}

    def items(self) -> list:
        d = self.digest
        return [*d.decisions, *d.actors, *d.weapons, *d.open_questions]

    # ----------------------------------------------------------------- pieces

    def tag(self, article_id: str, quote: str | None = None) -> str:
        label = self.tags.get(article_id, article_id)
        title = self.titles.get(article_id, article_id)
        if quote:
            title = f"{title} — “{quote}”"
        anchor = self.anchors.get(article_id, f"src-{_slug(article_id)}")
        return (f'<a class="tag" href="#{e(anchor)}" title="{e(title)}" data-article="{e(article_id)}">'
                f"{e(label)}</a>")

    def tag_list(self, article_ids: Iterable[str], support: Sequence[Support] = ()) -> str:
        first: dict[str, str] = {}
        for s in support:
            first.setdefault(s.article_id, s.quote)
        return '<span class="tags">' + "".join(self.tag(a, first.get(a)) for a in article_ids) + "</span>"

    def quotes(self, support: Sequence[Support]) -> str:
        if not support:
            return ""
        rows = "".join(
            f'<li><blockquote>{e(s.quote)}</blockquote>{self.tag(s.article_id)}</li>' for s in support
        )
        label = "quote" if len(support) == 1 else "quotes"
        return (f'<details class="quotes"><summary>{len(support)} {label} from the sources</summary>'
                f"<ul>{rows}</ul></details>")

    def corroboration(self, count: int) -> str:
        cls = "multi" if count > 1 else "single"
        text = f"{count} of {self.n_sources} sources"
        return f'<span class="badge {cls}" data-count="{count}">{e(text)}</span>'

    def item_ref(self, item_id: str) -> str:
        """``D1`` as a link to the item on this page, or as plain text when the digest has no such item."""
        if item_id in self.item_ids:
            return f'<a class="iid" href="#item-{e(_slug(item_id))}">{e(item_id)}</a>'
        return f'<span class="iid">{e(item_id)}</span>'

    @staticmethod
    def since(item) -> str:  # noqa: ANN001
        """A daily briefing's mark: new since the previous briefing, or continuing one of its stories."""
        if item.since is None:
            return ""
        label = {"new": "new", "undated": "undated sources"}.get(item.since, f"continuing {item.previous_id or ''}".strip())
        return f' <span class="badge since {e(item.since)}" data-since="{e(item.since)}">{e(label)}</span>'

    @staticmethod
    def heading(title: str, count: int) -> str:
        return f'<h2>{e(title)}<span class="n" data-count="{count}">{count}</span></h2>'

    def section(self, sid: str, title: str, count: int, body: str) -> str:
        return (f'<section id="{sid}" data-count="{count}">{self.heading(title, count)}\n{body}\n</section>')

    @staticmethod
    def none(text: str = "None found.") -> str:
        return f'<p class="muted">{e(text)}</p>'

    # ----------------------------------------------------------------- sections

    def headline(self) -> str:
        h = self.digest.headline
        assert h is not None
        lis = []
        for s in h.sentences:
            refs = " ".join(self.item_ref(i) for i in s.items)
            lis.append(f'<li class="item">{e(s.text)} {self.tag_list(s.articles)} {refs}</li>')
        return self.section("headline", "Headline", len(h.sentences),
                            f'<ul class="items headline">{"".join(lis)}</ul>'
                            f'<p class="muted">Written by {e(h.model)} from the items below only.</p>')

    def developments(self) -> str:
        lis = []
        for d in self.digest.decisions:
            status = ", ".join(d.statuses)
            dates = f' · <span class="dates">{e(", ".join(d.dates))}</span>' if d.dates else ""
            lis.append(
                f'<li class="item" id="item-{e(_slug(d.id))}" data-item="{e(d.id)}" data-count="{d.count}">'
                f'<span class="iid">{e(d.id)}</span><strong>{e(d.who)}</strong>: {e(d.what)} '
                f'{self.corroboration(d.count)}{self.since(d)} <span class="badge status">{e(status)}</span>{dates} '
                f'{self.tag_list(d.articles, d.support)}{self.quotes(d.support)}</li>'
            )
        body = f'<ol class="items">{"".join(lis)}</ol>' if lis else self.none()
        return self.section("developments", "Key developments", len(lis), body)

    def divergences(self) -> str:
        blocks = []
        for x in self.digest.divergences:
            claims = "".join(
                f'<div class="claim" data-article="{e(c.article_id)}">{self.tag(c.article_id, c.quote)} '
                f'<span class="muted">{e(c.source or self.titles.get(c.article_id, c.article_id))}</span>'
                f'<span class="says">{e(c.says)}</span><blockquote>{e(c.quote)}</blockquote></div>'
                for c in x.claims
            )
            found = "" if x.found_by == "rules" else ' <span class="badge">flagged by the model</span>'
            blocks.append(
                f'<li class="item" id="div-{e(_slug(x.id))}" data-item="{e(x.item)}" data-claims="{len(x.claims)}">'
                f'<span class="iid">{e(x.id)}</span><strong>{e(x.topic)}</strong> '
                f'<span class="badge">{e(x.aspect)}</span>{found} '
                f'{self.item_ref(x.item)}'
                f'<div class="claims">{claims}</div></li>'
            )
        body = (f'<p class="legend">Sources that describe the same item differently, side by side; not resolved.</p>'
                f'<ul class="items">{"".join(blocks)}</ul>') if blocks else self.none("No divergences found.")
        return self.section("divergences", "Divergences", len(blocks), body)

    def timeline(self) -> str:
        lis = []
        for t in self.digest.timeline:
            stated = ", ".join(f"“{s}”" for s in t.stated)
            lis.append(
                f'<li class="item" data-count="{t.count}"><time datetime="{e(t.date)}">{e(t.date)}</time> '
                f'<span class="muted">({e(t.precision)}; stated {e(stated)})</span><br>'
                f'<strong>{e(t.who)}</strong>: {e(t.what)} {self.tag_list(t.articles, t.support)}'
                f'{self.quotes(t.support)}</li>'
            )
        body = f'<ol class="timeline">{"".join(lis)}</ol>' if lis else self.none("No decision is dated in the articles.")
        return self.section("timeline", "Timeline", len(lis), body)

    def _table(self, head: Sequence[str], rows: list[str]) -> str:
        """A table on wide screens, one card per row on a phone (``td[data-label]`` names the column)."""
        th = "".join(f"<th>{e(h)}</th>" for h in head)
        return (f'<div class="scroll"><table class="cards"><thead><tr>{th}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    def actors(self) -> str:
        rows = [
            f'<tr class="item" id="item-{e(_slug(a.id))}" data-item="{e(a.id)}" data-count="{a.count}">'
            f'<td><span class="iid">{e(a.id)}</span><strong>{e(a.name)}</strong>{self.since(a)}</td><td data-label="Kind">{e(a.kind)}</td>'
            f'<td data-label="Roles">{e("; ".join(a.roles)) or "–"}</td>'
            f'<td data-label="Written as">{e(", ".join(a.names_as_written))}</td>'
            f'<td data-label="Sources">{self.tag_list(a.articles, a.support)}</td></tr>'
            for a in self.digest.actors
        ]
        body = self._table(["Actor", "Kind", "Roles as stated", "Written as", "Sources"], rows) if rows else self.none()
        return self.section("actors", "Actors", len(rows), body)

    def weapons(self) -> str:
        rows = [
            f'<tr class="item" id="item-{e(_slug(w.id))}" data-item="{e(w.id)}" data-count="{w.count}">'
            f'<td><span class="iid">{e(w.id)}</span><strong>{e(w.name)}</strong>{self.since(w)}</td>'
            f'<td data-label="Category">{e(w.category)}</td><td data-label="Said of it">{e(", ".join(w.statuses))}</td>'
            f'<td data-label="Written as">{e(", ".join(w.names_as_written))}</td>'
            f'<td data-label="Sources">{self.tag_list(w.articles, w.support)}</td></tr>'
            for w in self.digest.weapons
        ]
        body = self._table(["System", "Category", "Said of it", "Written as", "Sources"], rows) if rows else self.none()
        return self.section("weapons", "Weapons and systems", len(rows), body)

    def questions(self) -> str:
        lis = [
            f'<li class="item" id="item-{e(_slug(q.id))}" data-item="{e(q.id)}" data-count="{q.count}">'
            f'<span class="iid">{e(q.id)}</span>{e(q.question)}{self.since(q)} {self.tag_list(q.articles, q.support)}'
            f'{self.quotes(q.support)}</li>'
            for q in self.digest.open_questions
        ]
        body = f'<ul class="items">{"".join(lis)}</ul>' if lis else self.none()
        return self.section("questions", "Open questions", len(lis), body)

    def matrix(self) -> str:
        d = self.digest
        groups = [("decision", "D", d.decisions), ("actor", "A", d.actors), ("weapon", "W", d.weapons),
                  ("open_question", "Q", d.open_questions)]
        cols = self.columns
        head = "".join(
            f'<th scope="col" data-article="{e(a)}"><a class="tag" href="#{e(self.anchors[a])}" '
            f'title="{e(self.titles.get(a, a))}">{e(self.tags.get(a, a))}</a></th>'
            for a in cols
        )
        per_col = {a: 0 for a in cols}
        only_col = {a: 0 for a in cols}
        bodies, rows_total, singles, cells = [], 0, 0, 0
        for kind, letter, items in groups:
            if not items:
                continue
            rows = [f'<tr class="group"><th colspan="{len(cols) + 2}">{e(KIND_LABELS[letter])} '
                    f'<span class="muted">({len(items)})</span></th></tr>']
            for item in items:
                reported = set(item.articles)
                single = item.count == 1  # one source: near copies of one article count once
                singles += single
                rows_total += 1
                label = _label(item)
                tds = []
                for a in cols:
                    if a in reported:
                        per_col[a] += 1
                        only_col[a] += single
                        cells += 1
                        tds.append(f'<td class="c hit" data-article="{e(a)}" title="{e(self.tags.get(a, a))}: '
                                   f'reports {e(item.id)}">●</td>')
                    else:
                        tds.append(f'<td class="c" data-article="{e(a)}"></td>')
                mark = '<span class="badge single">single source</span>' if single else ""
                rows.append(
                    f'<tr class="row{" single" if single else ""}" data-item="{e(item.id)}" data-kind="{kind}" '
                    f'data-count="{len(reported)}"><th scope="row" title="{e(label)}">'
                    f'<a class="iid" href="#item-{e(_slug(item.id))}">{e(item.id)}</a>{mark}{e(_short(label))}</th>'
                    f'{"".join(tds)}<td class="c total">{len(reported)}</td></tr>'
                )
            bodies.append(f'<tbody data-kind="{kind}">{"".join(rows)}</tbody>')
        if not bodies:
            return self.section("matrix", "Coverage matrix", 0, self.none("No items to compare."))
        foot = (
            '<tfoot><tr><th scope="row">Items reported</th>'
            + "".join(f'<td data-article="{e(a)}" data-count="{per_col[a]}">{per_col[a]}</td>' for a in cols)
            + f"<td>{cells}</td></tr>"
            + '<tr><th scope="row">Only this source</th>'
            + "".join(f'<td data-article="{e(a)}" data-count="{only_col[a]}">{only_col[a]}</td>' for a in cols)
            + f"<td>{singles}</td></tr></tfoot>"
        )
        legend = (f'<p class="legend">Rows: items; columns: sources. ● = the source reports the item. '
                  f'{singles} of {rows_total} items rest on a single source (marked “single source”).</p>')
        table = (f'<div class="scroll matrix-wrap"><table class="matrix" data-rows="{rows_total}" '
                 f'data-columns="{len(cols)}" data-cells="{cells}" data-single="{singles}">'
                 f'<thead><tr><th scope="col">Item</th>{head}<th scope="col">Σ</th></tr></thead>'
                 f'{"".join(bodies)}{foot}</table></div>')
        return self.section("matrix", "Coverage matrix", rows_total, legend + table)

    def sources(self) -> str:
        lis = []
        for a in self.digest.articles:
            when = e(a.published.isoformat()) if a.published else ""
            if self.digest.daily is not None:
                when = f'<span class="dated" data-dated="{e(self.digest.daily.chosen_by.get(a.id, "undated"))}">' \
                       f"{e(dating(self.digest.daily, a.id, a.published))}</span>"
            bits = [e(a.source) if a.source else "", when, e(a.language) if a.language else ""]
            if a.near_copy_of:
                bits.append(f'<span class="near-copy" data-of="{e(a.near_copy_of)}">near copy of '
                            f"{self.tag(a.near_copy_of)}, counted as one source</span>")
            if a.copies:
                bits.append('<span class="copies">same text also in: '
                            + ", ".join(f"<code>{e(c)}</code>" for c in a.copies) + "</span>")
            meta = " · ".join(b for b in bits if b)
            summary = self.digest.summaries.get(a.id)
            lis.append(
                f'<li class="item" id="{e(self.anchors[a.id])}" data-article="{e(a.id)}">'
                f'{self.tag(a.id)} <strong>{e(a.title or a.id)}</strong>'
                f'<div class="muted"><code>{e(a.id)}</code>{" · " + meta if meta else ""}</div>'
                + (f"<p>{e(summary)}</p>" if summary else "")
                + "</li>"
            )
        body = f'<ul class="items sources">{"".join(lis)}</ul>' if lis else self.none("No article was briefed.")
        daily = self.digest.daily
        if daily is not None and daily.skipped_undated:
            body += (f'<p class="muted skipped-undated" data-count="{len(daily.skipped_undated)}">Left out, as nothing '
                     f"dates them ({len(daily.skipped_undated)}; brief them here with --undated include, or date them "
                     "by file time with --undated file-time): "
                     + ", ".join(f"<code>{e(p)}</code>" for p in daily.skipped_undated) + "</p>")
        return self.section("sources", "Sources", len(lis), body)

    def failures(self) -> str:
        lis = [
            f'<li class="item" id="{e(self.anchors[f.article_id])}" data-article="{e(f.article_id)}">'
            f'<code>{e(f.article_id)}</code>: <strong>{e(f.error_kind)}</strong>: {e(f.message)}</li>'
            for f in self.digest.failures
        ]
        return self.section("failures", "Failures", len(lis), f'<ul class="items failures">{"".join(lis)}</ul>')


def _label(item: object) -> str:
    for attr in ("what", "name", "question"):
        value = getattr(item, attr, None)
        if value:
            who = getattr(item, "who", None)
            return f"{who}: {value}" if attr == "what" and who else str(value)
    return getattr(item, "id", "")


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_html(digest: Digest, *, title: str | None = None, previous: str | None = None) -> str:
    """The digest as one self-contained HTML page (a pure function: no I/O).

    ``title`` replaces the default heading; ``previous`` is a relative link (e.g. to the previous day's
    page) shown in the header; a link with a scheme or host raises ``ValueError``.
    """
    page = _Page(digest)
    meta = digest.meta
    heading = title if title is not None else (f"Digest: {meta.articles_briefed} of {meta.articles_total} articles "
                                               f"briefed{copies_note(meta)}{date_span(digest)}")
    tokens = meta.usage.prompt_tokens + meta.usage.completion_tokens
    meta_line = (f"Model {e(meta.model or 'n/a')} · prompts {e(meta.prompt_version or 'n/a')} · schema "
                 f"{e(meta.schema_version)} · {tokens} tokens · {meta.dropped_items} unsupported items dropped")
    if meta.cost_estimate is not None:
        meta_line += f" · cost ≈ {meta.cost_estimate:.4f}"
    prev = ""
    if previous is not None:
        prev = f'<p class="prev"><a rel="prev" href="{e(_safe_previous(previous))}">← Previous digest</a></p>'
    daily = digest.daily
    if daily is not None and daily.previous_date is not None:
        meta_line += (f' · <span class="since-summary" data-new="{daily.new}" data-continuing="{daily.continuing}">'
                      f"since {e(daily.previous_date.isoformat())}: {daily.new} new, {daily.continuing} continuing{e(undated_items(digest))}</span>")

    sections: list[tuple[str, str, int, str]] = []  # id, label, count, html
    if digest.headline is not None:
        sections.append(("headline", "Headline", len(digest.headline.sentences), page.headline()))
    sections += [
        ("developments", "Key developments", len(digest.decisions), page.developments()),
        ("divergences", "Divergences", len(digest.divergences), page.divergences()),
        ("timeline", "Timeline", len(digest.timeline), page.timeline()),
        ("actors", "Actors", len(digest.actors), page.actors()),
        ("weapons", "Weapons", len(digest.weapons), page.weapons()),
        ("questions", "Open questions", len(digest.open_questions), page.questions()),
        ("matrix", "Matrix", len(page.items()), page.matrix()),
        ("sources", "Sources", len(digest.articles), page.sources()),
    ]
    if digest.failures:
        sections.append(("failures", "Failures", len(digest.failures), page.failures()))
    toc = "".join(f'<li><a href="#{sid}">{e(label)} ({n})</a></li>' for sid, label, n, _ in sections)

    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{e(meta.lang or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{e(heading)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f'<header class="page">{prev}<h1>{e(heading)}</h1><p class="meta">{meta_line}</p></header>',
        f'<nav class="toc" aria-label="Sections"><ul>{toc}</ul></nav>',
        "<main>",
        *(s[3] for s in sections),
        "</main>",
        '<footer class="page">Every quote is the article’s own text, located by the code. '
        "Source tags link to the sources list; hover a tag for the quote, open “quotes” for all of them.</footer>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])
