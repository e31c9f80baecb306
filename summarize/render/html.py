"""Digest -> one self-contained HTML page: the briefing a person reads in a browser, on a phone or on paper.

The page has no external assets: CSS is inline, fonts are the system's, the only script is a few lines that
open every ``<details>`` before printing (and a Content-Security-Policy allows that script by its hash and
nothing else: no remote styles, scripts, images, fonts or connections). It works offline from ``file://``.

Everything taken from articles or the model is untrusted and goes through :func:`html.escape`; the only
links the page makes are in-page anchors (``#src-<id>``, ``#item-<id>``) and the optional, validated
relative links to the previous and next day's pages and to the index of all days.

Sections, each with a stable ``id`` and its count in the heading: ``headline`` (when present),
``developments`` (the digest's decisions), ``divergences``, ``timeline``, ``actors``, ``weapons``,
``questions``, ``matrix`` (sources x items), ``sources`` and ``failures`` (when any). The coverage matrix
carries ``data-item``, ``data-article`` and ``data-count`` attributes so that tests (and scripts) can count.

The page stays small at any size: each list shows its first :class:`PageLimits` entries (most corroborated
first) with a note of how many more digest.md and digest.json hold, and the matrix is bounded (see
:mod:`summarize.render.html_matrix`). Modules: :mod:`.html_page` (shared pieces), :mod:`.html_matrix`,
``digest.css`` (the style sheet, inlined); this one lays out the sections.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from ..models import Digest
from .html_matrix import matrix
from .html_page import Page, PageLimits, e, slug
from .markdown import copies_note, date_span, dating, looked_back, undated_items

__all__ = ["PageLimits", "render_html"]

_SCRIPT = (
    "addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true})});"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)

_CSS = (Path(__file__).parent / "digest.css").read_text(encoding="utf-8")


def head(title: str, lang: str = "en") -> list[str]:
    """The lines that open every page this project writes, up to ``</head>``: doctype, language, the content
    security policy, the viewport for phones, the title and the stylesheet."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
    ]


def _safe_previous(link: str, name: str = "previous") -> str:
    """A link to another day's page must be relative (no scheme, no host): never ``javascript:``."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc or link.strip().startswith(("/", "\\")) or not link.strip():
        raise ValueError(f"{name} must be a relative link such as '2025-10-16/digest.html', not {link!r}")
    return link.strip()


def _nav(previous: str | None, next: str | None, index: str | None) -> str:  # noqa: A002
    """The header's links to the previous and next day's pages and to the index of all days."""
    links = []
    if previous is not None:
        links.append(f'<a rel="prev" href="{e(_safe_previous(previous))}">← Previous digest</a>')
    if index is not None:
        links.append(f'<a rel="index" href="{e(_safe_previous(index, "index"))}">All days</a>')
    if next is not None:
        links.append(f'<a rel="next" href="{e(_safe_previous(next, "next"))}">Next digest →</a>')
    return f'<p class="prev">{" · ".join(links)}</p>' if links else ""


class _Sections(Page):
    """The page's sections, in order; each returns one ``<section>``."""

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
        decisions = self.digest.decisions
        for d in decisions[: self.limits.items]:
            status = ", ".join(d.statuses)
            dates = f' · <span class="dates">{e(", ".join(d.dates))}</span>' if d.dates else ""
            lis.append(
                f'<li class="item" id="item-{e(slug(d.id))}" data-item="{e(d.id)}" data-count="{d.count}">'
                f'<span class="iid">{e(d.id)}</span><strong>{e(d.who)}</strong>: {e(d.what)} '
                f'{self.corroboration(d.count)}{self.since(d)} <span class="badge status">{e(status)}</span>{dates} '
                f'{self.tag_list(d.articles, d.support)}{self.quotes(d.support)}</li>'
            )
        body = f'<ol class="items">{"".join(lis)}</ol>{self.more(len(lis), len(decisions), "developments")}' if lis else self.none()
        if lis and all(d.count <= 1 for d in decisions):  # said once, not "1 of 5 sources" on every card
            body = (f'<p class="legend corroboration-none">Each development rests on one source: none is reported '
                    f'by more than one of the {self.n_sources} sources.</p>{body}')
        return self.section("developments", "Key developments", len(decisions), body)

    def some_claims(self, claims: Sequence) -> list:
        """All the claims, or past ``limits.claims`` one per distinct value first (every side shows), then the rest."""
        if len(claims) <= self.limits.claims:
            return list(claims)
        values: set[str] = set()
        firsts = [c for c in claims if not (c.says in values or values.add(c.says))]
        taken = {id(c) for c in firsts}
        rest = [c for c in claims if id(c) not in taken]
        return (firsts + rest)[: self.limits.claims]

    def divergences(self) -> str:
        blocks = []
        divergences = self.digest.divergences
        for x in divergences[: self.limits.items]:
            claims = "".join(
                f'<div class="claim" data-article="{e(c.article_id)}">{self.tag(c.article_id, c.quote)} '
                f'<span class="muted">{e(c.source or self.titles.get(c.article_id, c.article_id))}</span>'
                f'<span class="says">{e(c.says)}</span><blockquote>{e(c.quote)}</blockquote></div>'
                for c in self.some_claims(x.claims)
            )
            if len(x.claims) > self.limits.claims:
                claims += f'<p class="muted more" data-more="{len(x.claims) - self.limits.claims}">' \
                          f"{len(x.claims) - self.limits.claims} more claims in digest.json</p>"
            found = "" if x.found_by == "rules" else ' <span class="badge">flagged by the model</span>'
            blocks.append(
                f'<li class="item" id="div-{e(slug(x.id))}" data-item="{e(x.item)}" data-claims="{len(x.claims)}">'
                f'<span class="iid">{e(x.id)}</span><strong>{e(x.topic)}</strong> '
                f'<span class="badge">{e(x.aspect)}</span>{found} '
                f'{self.item_ref(x.item)}'
                f'<div class="claims">{claims}</div></li>'
            )
        body = (f'<p class="legend">Sources that describe the same item differently, side by side; not resolved.</p>'
                f'<ul class="items">{"".join(blocks)}</ul>{self.more(len(blocks), len(divergences), "divergences")}'
                ) if blocks else self.none("No divergences found.")
        return self.section("divergences", "Divergences", len(divergences), body)

    def timeline(self) -> str:
        lis = []
        timeline = self.digest.timeline
        for t in timeline[: self.limits.items]:
            stated = ", ".join(f"“{s}”" for s in t.stated)
            lis.append(
                f'<li class="item" data-count="{t.count}"><time datetime="{e(t.date)}">{e(t.date)}</time> '
                f'<span class="muted">({e(t.precision)}; stated {e(stated)})</span><br>'
                f'<strong>{e(t.who)}</strong>: {e(t.what)} {self.tag_list(t.articles, t.support)}'
                f'{self.quotes(t.support)}</li>'
            )
        body = (f'<ol class="timeline">{"".join(lis)}</ol>{self.more(len(lis), len(timeline), "dated events")}'
                if lis else self.none("No decision is dated in the articles."))
        return self.section("timeline", "Timeline", len(timeline), body)

    def _table(self, head: Sequence[str], rows: list[str]) -> str:
        """A table on wide screens, one card per row on a phone (``td[data-label]`` names the column)."""
        th = "".join(f"<th>{e(h)}</th>" for h in head)
        return (f'<div class="scroll"><table class="cards"><thead><tr>{th}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    def actors(self) -> str:
        rows = [
            f'<tr class="item" id="item-{e(slug(a.id))}" data-item="{e(a.id)}" data-count="{a.count}">'
            f'<td><span class="iid">{e(a.id)}</span><strong>{e(a.name)}</strong>{self.since(a)}</td><td data-label="Kind">{e(a.kind)}</td>'
            f'<td data-label="Roles">{e("; ".join(a.roles)) or "–"}</td>'
            f'<td data-label="Written as">{e(", ".join(a.names_as_written))}</td>'
            f'<td data-label="Sources">{self.tag_list(a.articles, a.support)}</td></tr>'
            for a in self.digest.actors[: self.limits.items]
        ]
        total = len(self.digest.actors)
        body = (self._table(["Actor", "Kind", "Roles as stated", "Written as", "Sources"], rows)
                + self.more(len(rows), total, "actors")) if rows else self.none()
        return self.section("actors", "Actors", total, body)

    def weapons(self) -> str:
        rows = [
            f'<tr class="item" id="item-{e(slug(w.id))}" data-item="{e(w.id)}" data-count="{w.count}">'
            f'<td><span class="iid">{e(w.id)}</span><strong>{e(w.name)}</strong>{self.since(w)}</td>'
            f'<td data-label="Category">{e(w.category)}</td><td data-label="Said of it">{e(", ".join(w.statuses))}</td>'
            f'<td data-label="Written as">{e(", ".join(w.names_as_written))}</td>'
            f'<td data-label="Sources">{self.tag_list(w.articles, w.support)}</td></tr>'
            for w in self.digest.weapons[: self.limits.items]
        ]
        total = len(self.digest.weapons)
        body = (self._table(["System", "Category", "Said of it", "Written as", "Sources"], rows)
                + self.more(len(rows), total, "systems")) if rows else self.none()
        return self.section("weapons", "Weapons and systems", total, body)

    def questions(self) -> str:
        lis = [
            f'<li class="item" id="item-{e(slug(q.id))}" data-item="{e(q.id)}" data-count="{q.count}">'
            f'<span class="iid">{e(q.id)}</span>{e(q.question)}{self.since(q)} {self.tag_list(q.articles, q.support)}'
            f'{self.quotes(q.support)}</li>'
            for q in self.digest.open_questions[: self.limits.items]
        ]
        total = len(self.digest.open_questions)
        body = f'<ul class="items">{"".join(lis)}</ul>{self.more(len(lis), total, "questions")}' if lis else self.none()
        return self.section("questions", "Open questions", total, body)

    def sources(self) -> str:
        lis = []
        for a in self.digest.articles[: self.limits.sources]:
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
        body = (f'<ul class="items sources">{"".join(lis)}</ul>{self.more(len(lis), len(self.digest.articles), "sources")}'
                if lis else self.none("No article was briefed."))
        daily = self.digest.daily
        if daily is not None and daily.skipped_undated:
            body += (f'<p class="muted skipped-undated" data-count="{len(daily.skipped_undated)}">Left out, as nothing '
                     f"dates them ({len(daily.skipped_undated)}; brief them here with --undated include, or date them "
                     "by file time with --undated file-time): "
                     + ", ".join(f"<code>{e(p)}</code>" for p in daily.skipped_undated) + "</p>")
        return self.section("sources", "Sources", len(self.digest.articles), body)

    def failures(self) -> str:
        lis = [
            f'<li class="item" id="{e(self.anchors[f.article_id])}" data-article="{e(f.article_id)}">'
            f'<code>{e(f.article_id)}</code>: <strong>{e(f.error_kind)}</strong>: {e(f.message)}</li>'
            for f in self.digest.failures
        ]
        return self.section("failures", "Failures", len(lis), f'<ul class="items failures">{"".join(lis)}</ul>')



def _meta_line(digest: Digest) -> str:
    meta = digest.meta
    tokens = meta.usage.prompt_tokens + meta.usage.completion_tokens
    meta_line = (f"Model {e(meta.model or 'n/a')} · prompts {e(meta.prompt_version or 'n/a')} · schema "
                 f"{e(meta.schema_version)} · {tokens} tokens · {meta.dropped_items} unsupported items dropped")
    if meta.cost_estimate is not None:
        meta_line += f" · cost ≈ {meta.cost_estimate:.4f}"
    daily = digest.daily
    if daily is not None and daily.previous_date is not None:
        meta_line += (f' · <span class="since-summary" data-new="{daily.new}" data-continuing="{daily.continuing}">'
                      f"since {e(daily.previous_date.isoformat())}: {daily.new} new, {daily.continuing} continuing{e(undated_items(digest))}{e(looked_back(daily))}</span>")
    return meta_line


def render_html(
    digest: Digest, *, title: str | None = None, previous: str | None = None, limits: PageLimits | None = None,
    next: str | None = None, index: str | None = None,  # noqa: A002
) -> str:
    """The digest as one self-contained HTML page (a pure function: no I/O).

    ``title`` replaces the default heading; ``previous`` is a relative link (e.g. to the previous day's
    page) shown in the header, and so are ``next`` (the next day's page) and ``index`` (the index of all
    days); a link with a scheme or host raises ``ValueError``. ``limits`` bounds how much
    of a large digest the page lists (default :class:`PageLimits`; a small digest is shown whole).
    """
    page = _Sections(digest, limits)
    meta = digest.meta
    heading = title if title is not None else (f"Digest: {meta.articles_briefed} of {meta.articles_total} articles "
                                               f"briefed{copies_note(meta)}{date_span(digest)}")
    meta_line = _meta_line(digest)
    prev = _nav(previous, next, index)
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
        ("matrix", "Matrix", len(page.items()), matrix(page)),
        ("sources", "Sources", len(digest.articles), page.sources()),
    ]
    if digest.failures:
        sections.append(("failures", "Failures", len(digest.failures), page.failures()))
    toc = "".join(f'<li><a href="#{sid}">{e(label)} ({n})</a></li>' for sid, label, n, _ in sections)

    return "\n".join([
        *head(heading, meta.lang or "en"),
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
