"""The shared parts of the HTML page: source tags, quotes, badges, headings, and the limits that keep the page
small at any size (see :class:`PageLimits`). Everything from articles or the model goes through :func:`e`."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Digest, Support
from .labels import source_labels
from .markdown import source_count


@dataclass(frozen=True)
class PageLimits:
    """How much of a large digest the page shows (the Markdown and JSON outputs always hold everything).

    ``items``: entries listed per section (most corroborated first); ``tags``: source tags per item;
    ``quotes``: quotes per item; ``claims``: claims per divergence (one per distinct value first); ``sources``: articles listed under Sources; ``columns``: sources in the
    coverage matrix and ``rows_per_kind``: its items per kind, once it has more than ``columns`` sources
    (see :mod:`summarize.render.html_matrix`). The defaults keep a page of any size to a few MB."""

    items: int = 100
    tags: int = 12
    quotes: int = 10
    claims: int = 12
    sources: int = 300
    columns: int = 30
    rows_per_kind: int = 25


def e(text: object) -> str:
    """Escape for both element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def slug(value: str) -> str:
    """An HTML id fragment from an article or item id: keeps ``[A-Za-z0-9_.-]``, replaces the rest."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", value) or "x"


class Page:
    """What every part of the page shares: the digest, its source tags and anchors, the limits, and the small
    pieces (source tags, quotes, badges, headings) that the sections are made of."""

    def __init__(self, digest: Digest, limits: PageLimits | None = None) -> None:
        self.digest = digest
        self.limits = limits or PageLimits()
        self.tags = source_labels(digest)  # site and date, not file stems
        self.titles = {a.id: (a.title or a.id) for a in digest.articles}
        known = {a.id: None for a in digest.articles}
        extra: dict[str, None] = {}
        for item in self.items():
            for aid in item.articles:
                if aid not in known:
                    extra[aid] = None
        self.columns = [*known, *extra]
        self.anchors: dict[str, str] = {}
        used: set[str] = set()
        everything = len(digest.articles) <= self.limits.sources
        listed = self.columns if everything else [a.id for a in digest.articles[: self.limits.sources]]
        for aid in listed + [f.article_id for f in digest.failures]:
            if aid in self.anchors:
                continue
            anchor = base = f"src-{slug(aid)}"
            n = 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            self.anchors[aid] = anchor
        self.n_sources = source_count(digest.meta)
        self.item_ids = {i.id for i in self.shown_items()}

    def items(self) -> list:
        d = self.digest
        return [*d.decisions, *d.actors, *d.weapons, *d.open_questions]

    def shown_items(self) -> list:
        """The items the page lists: the first ``limits.items`` of each kind (the most corroborated)."""
        d, n = self.digest, self.limits.items
        return [*d.decisions[:n], *d.actors[:n], *d.weapons[:n], *d.open_questions[:n]]

    def more(self, shown: int, total: int, what: str) -> str:
        """The note under a list cut at ``shown`` of ``total``; empty when nothing was left out."""
        if total <= shown:
            return ""
        return (f'<p class="muted more" data-shown="{shown}" data-count="{total}">Showing the first {shown} of '
                f"{total} {e(what)}; all of them are in digest.md and digest.json.</p>")

    # ----------------------------------------------------------------- pieces

    def tag(self, article_id: str, quote: str | None = None) -> str:
        label = self.tags.get(article_id, article_id)
        title = self.titles.get(article_id, article_id)
        if quote:
            title = f"{title} — “{quote}”"
        anchor = self.anchors.get(article_id)
        if anchor is None and len(self.digest.articles) <= self.limits.sources:
            anchor = f"src-{slug(article_id)}"
        href = f' href="#{e(anchor)}"' if anchor else ""  # no link to a source the page does not list
        return (f'<a class="tag"{href} title="{e(title)}" data-article="{e(article_id)}">'
                f"{e(label)}</a>")

    def tag_list(self, article_ids: Iterable[str], support: Sequence[Support] = ()) -> str:
        first: dict[str, str] = {}
        for s in support:
            first.setdefault(s.article_id, s.quote)
        ids = list(article_ids)
        cut = self.limits.tags
        more = f' <span class="muted more" data-more="{len(ids) - cut}">+{len(ids) - cut} more</span>' if len(ids) > cut else ""
        return '<span class="tags">' + "".join(self.tag(a, first.get(a)) for a in ids[:cut]) + more + "</span>"

    def quotes(self, support: Sequence[Support]) -> str:
        if not support:
            return ""
        cut = self.limits.quotes
        rows = "".join(
            f'<li><blockquote>{e(s.quote)}</blockquote>{self.tag(s.article_id)}</li>' for s in support[:cut]
        )
        if len(support) > cut:
            rows += f'<li class="muted more" data-more="{len(support) - cut}">{len(support) - cut} more in digest.json</li>'

        label = "quote" if len(support) == 1 else "quotes"
        return (f'<details class="quotes"><summary>{len(support)} {label} from the sources</summary>'
                f"<ul>{rows}</ul></details>")

    def corroboration(self, count: int) -> str:
        """"3 of 5 sources" on a corroborated item; nothing on a single-source one (the header says it once)."""
        if count <= 1:
            return ""
        cls = "multi"
        text = f"{count} of {self.n_sources} sources"
        return f'<span class="badge {cls}" data-count="{count}">{e(text)}</span>'

    def item_ref(self, item_id: str) -> str:
        """``D1`` as a link to the item on this page, or as plain text when the digest has no such item."""
        if item_id in self.item_ids:
            return f'<a class="iid" href="#item-{e(slug(item_id))}">{e(item_id)}</a>'
        return f'<span class="iid">{e(item_id)}</span>'

    @staticmethod
    def since(item) -> str:  # noqa: ANN001
        """A daily briefing's mark: new since the previous briefing, or continuing one of its stories."""
        if item.since is None:
            return ""
        earlier = f" of {item.previous_date.isoformat()}" if getattr(item, "previous_date", None) else ""
        label = {"new": "new", "undated": "undated sources"}.get(
            item.since, f"continuing {item.previous_id or ''}".strip() + earlier)
        return f' <span class="badge since {e(item.since)}" data-since="{e(item.since)}">{e(label)}</span>'

    @staticmethod
    def heading(title: str, count: int) -> str:
        return f'<h2>{e(title)}<span class="n" data-count="{count}">{count}</span></h2>'

    def section(self, sid: str, title: str, count: int, body: str) -> str:
        return (f'<section id="{sid}" data-count="{count}">{self.heading(title, count)}\n{body}\n</section>')

    @staticmethod
    def none(text: str = "None found.") -> str:
        return f'<p class="muted">{e(text)}</p>'


def label(item: object) -> str:
    for attr in ("what", "name", "question"):
        value = getattr(item, attr, None)
        if value:
            who = getattr(item, "who", None)
            return f"{who}: {value}" if attr == "what" and who else str(value)
    return getattr(item, "id", "")


def short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
