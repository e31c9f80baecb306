"""The shared parts of the HTML page: the Jinja2 environment of the templates (``templates/``), the
Content-Security-Policy, the limits that keep the page small at any size (see :class:`PageLimits`) and
:class:`Page`, the plain values the templates lay out: source tags, quotes, badges.

The templates autoescape everything they print: text from articles or the model reaches them as plain
strings and is escaped there, never here. Marked safe (:class:`markupsafe.Markup`) are only the page's own
style sheet and script, and what a template rendered already (a source tag, made once per page)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import jinja2
from markupsafe import Markup

from ..models import Digest, Support
from .labels import source_labels
from .markdown import dating, source_count

SCRIPT = (
    "addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true})});"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)


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


def slug(value: str) -> str:
    """An HTML id fragment from an article or item id: keeps ``[A-Za-z0-9_.-]``, replaces the rest."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", value) or "x"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The templates' environment, built once: autoescaping, strict about undefined names, and the page's
    own style sheet (``digest.css``), script and Content-Security-Policy as globals."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("summarize.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are part of the package: no stat() per use
    )
    env.filters.update(slug=slug, short=short)
    style = (Path(__file__).parent / "digest.css").read_text(encoding="utf-8")
    env.globals.update(csp=CSP, style=Markup(style), script=Markup(SCRIPT))  # ours, not the articles'
    return env


def macros() -> jinja2.environment.TemplateModule:
    """The macros of ``templates/macros.html.j2``, to call from Python (each returns autoescaped HTML)."""
    return environment().get_template("macros.html.j2").module


def render(template: str, **values: object) -> str:
    """``template`` (a file in ``templates/``) filled with ``values``."""
    return environment().get_template(template).render(**values)


class Tag(NamedTuple):
    """A source tag: ``<a class="tag" href="#anchor" title=...>label</a>`` (no ``href`` when the page
    does not list the source)."""

    anchor: str | None
    title: str
    article: str
    label: str


class TagList(NamedTuple):
    tags: list[Tag]
    more: int  # tags left out


class Quotes(NamedTuple):
    rows: list[tuple[str, Markup]]  # quote, its source tag (Page.plain_tag)
    more: int  # quotes left out
    total: int


class Page:
    """What every part of the page shares: the digest, its source tags and anchors, the limits, and the values
    of the small pieces (source tags, quotes, badges) that ``templates/macros.html.j2`` lays out."""

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
        self._plain_tags: dict[str, Markup] = {}

    def items(self) -> list:
        d = self.digest
        return [*d.decisions, *d.actors, *d.weapons, *d.open_questions]

    def shown_items(self) -> list:
        """The items the page lists: the first ``limits.items`` of each kind (the most corroborated)."""
        d, n = self.digest, self.limits.items
        return [*d.decisions[:n], *d.actors[:n], *d.weapons[:n], *d.open_questions[:n]]

    # ----------------------------------------------------------------- pieces

    def tag(self, article_id: str, quote: str | None = None) -> Tag:
        """The source tag of ``article_id``; its title is the article's title and, when given, the quote."""
        title = self.titles.get(article_id, article_id)
        if quote:
            title = f"{title} — “{quote}”"
        anchor = self.anchors.get(article_id)
        if anchor is None and len(self.digest.articles) <= self.limits.sources:
            anchor = f"src-{slug(article_id)}"  # no link to a source the page does not list
        return Tag(anchor, title, article_id, self.tags.get(article_id, article_id))

    def plain_tag(self, article_id: str) -> Markup:
        """The source tag of ``article_id`` without a quote, rendered by the ``tags`` macro once per page and
        shown under every quote from the article and in the sources list."""
        if article_id not in self._plain_tags:
            self._plain_tags[article_id] = macros().tags([self.tag(article_id)])
        return self._plain_tags[article_id]

    def tag_list(self, article_ids: Iterable[str], support: Sequence[Support] = ()) -> TagList:
        """The first ``limits.tags`` source tags, each titled with its article's first quote."""
        first: dict[str, str] = {}
        for s in support:
            first.setdefault(s.article_id, s.quote)
        ids = list(article_ids)
        cut = self.limits.tags
        return TagList([self.tag(a, first.get(a)) for a in ids[:cut]], max(0, len(ids) - cut))

    def quotes(self, support: Sequence[Support]) -> Quotes:
        """The first ``limits.quotes`` quotes, each with its source tag."""
        cut = self.limits.quotes
        rows = [(s.quote, self.plain_tag(s.article_id)) for s in support[:cut]]
        return Quotes(rows, max(0, len(support) - cut), len(support))

    def corroborated(self) -> bool:
        """Whether any development rests on more than one source (if none does, the page says so once)."""
        return any(d.count > 1 for d in self.digest.decisions)

    def some_claims(self, claims: Sequence) -> list:
        """All the claims, or past ``limits.claims`` one per distinct value first (every side shows), then the rest."""
        if len(claims) <= self.limits.claims:
            return list(claims)
        values: set[str] = set()
        firsts = [c for c in claims if not (c.says in values or values.add(c.says))]
        taken = {id(c) for c in firsts}
        rest = [c for c in claims if id(c) not in taken]
        return (firsts + rest)[: self.limits.claims]

    def dating(self, article) -> str:  # noqa: ANN001
        """How a daily briefing dated the article (see :func:`~summarize.render.markdown.dating`)."""
        assert self.digest.daily is not None
        return dating(self.digest.daily, article.id, article.published)

    @staticmethod
    def since(item) -> str:  # noqa: ANN001
        """A daily briefing's mark: new since the previous briefing, or continuing one of its stories."""
        if item.since is None:
            return ""
        earlier = f" of {item.previous_date.isoformat()}" if getattr(item, "previous_date", None) else ""
        return {"new": "new", "undated": "undated sources"}.get(
            item.since, f"continuing {item.previous_id or ''}".strip() + earlier)


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
