"""Digest -> one self-contained HTML page: the briefing a person reads in a browser, on a phone or on paper.

The page has no external assets: CSS is inline, fonts are the system's, the only script is a few lines that
open every ``<details>`` before printing (and a Content-Security-Policy allows that script by its hash and
nothing else: no remote styles, scripts, images, fonts or connections). It works offline from ``file://``.

The page is laid out by Jinja2 templates (``templates/``) with autoescaping: everything taken from articles
or the model is untrusted and reaches the templates as plain text, which they escape; the only links the
page makes are in-page anchors (``#src-<id>``, ``#item-<id>``) and the optional, validated relative links
to the previous and next day's pages and to the index of all days.

Sections, each with a stable ``id`` and its count in the heading: ``headline`` (when present),
``developments`` (the digest's decisions), ``divergences``, ``timeline``, ``actors``, ``weapons``,
``questions``, ``matrix`` (sources x items), ``sources`` and ``failures`` (when any). The coverage matrix
carries ``data-item``, ``data-article`` and ``data-count`` attributes so that tests (and scripts) can count.

The page stays small at any size: each list shows its first :class:`PageLimits` entries (most corroborated
first) with a note of how many more digest.md and digest.json hold, and the matrix is bounded (see
:mod:`summarize.render.html_matrix`). Modules: :mod:`.html_page` (the templates' environment and the
values of the shared pieces), :mod:`.html_matrix`, ``digest.css`` (the style sheet, inlined); this one
chooses the sections and fills ``templates/page.html.j2`` (the sections are in ``templates/sections.html.j2``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..models import Digest
from .html_matrix import matrix
from .html_page import CSP, Page, PageLimits, render
from .markdown import copies_note, date_span, looked_back, undated_items

__all__ = ["CSP", "PageLimits", "render_html"]


def _safe_previous(link: str, name: str = "previous") -> str:
    """A link to another day's page must be relative (no scheme, no host): never ``javascript:``."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc or link.strip().startswith(("/", "\\")) or not link.strip():
        raise ValueError(f"{name} must be a relative link such as '2025-10-16/digest.html', not {link!r}")
    return link.strip()


def _links(previous: str | None, next: str | None, index: str | None) -> list[tuple[str, str, str]]:  # noqa: A002
    """The header's links, as (rel, href, text): the previous and next day's pages and the index of all days."""
    links = []
    if previous is not None:
        links.append(("prev", _safe_previous(previous), "← Previous digest"))
    if index is not None:
        links.append(("index", _safe_previous(index, "index"), "All days"))
    if next is not None:
        links.append(("next", _safe_previous(next, "next"), "Next digest →"))
    return links


def _toc(page: Page) -> list[tuple[str, str, int]]:
    """The sections in order, as (id, label in the table of contents, count)."""
    digest = page.digest
    sections = [("headline", "Headline", len(digest.headline.sentences))] if digest.headline is not None else []
    sections += [
        ("developments", "Key developments", len(digest.decisions)),
        ("divergences", "Divergences", len(digest.divergences)),
        ("timeline", "Timeline", len(digest.timeline)),
        ("actors", "Actors", len(digest.actors)),
        ("weapons", "Weapons", len(digest.weapons)),
        ("questions", "Open questions", len(digest.open_questions)),
        ("matrix", "Matrix", len(page.items())),
        ("sources", "Sources", len(digest.articles)),
    ]
    if digest.failures:
        sections.append(("failures", "Failures", len(digest.failures)))
    return sections


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
    links = _links(previous, next, index)
    page = Page(digest, limits)
    meta, daily = digest.meta, digest.daily
    heading = title if title is not None else (f"Digest: {meta.articles_briefed} of {meta.articles_total} articles "
                                               f"briefed{copies_note(meta)}{date_span(digest)}")
    since_notes = undated_items(digest) + looked_back(daily) if daily is not None else ""
    return render("page.html.j2", page=page, title=heading, lang=meta.lang or "en", links=links, toc=_toc(page),
                  matrix=matrix(page), since_notes=since_notes)
