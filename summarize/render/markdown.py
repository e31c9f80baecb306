"""Digest -> Markdown for a person: headline, key developments, divergences, timeline, actors, weapons,
open questions and sources, every item with its source tags.

Everything taken from articles or the model is escaped before it is rendered, so a quote cannot turn into
a link, an image, HTML or a broken table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..briefing.safety import URL
from ..models import ArticleRef, DailyInfo, Digest, DigestMeta, Support

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def _esc_plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def esc(text: str) -> str:
    """Escape Markdown and HTML so text renders literally (also inside table cells). URLs, which only
    survive when the article itself contains them, go into code spans so no renderer turns them into links."""
    text = " ".join(text.split())
    out: list[str] = []
    pos = 0
    for match in URL.finditer(text):
        out.append(_esc_plain(text[pos : match.start()]))
        out.append(f"`{match.group(0)}`")
        pos = match.end()
    out.append(_esc_plain(text[pos:]))
    return "".join(out)


def source_tags(digest: Digest) -> dict[str, str]:
    """Article id -> short tag: the id's prefix before ``_`` (``003``) when unique, else the id."""
    ids = [a.id for a in digest.articles] + [f.article_id for f in digest.failures]
    prefixes = [i.split("_", 1)[0] for i in ids]
    unique = len(set(prefixes)) == len(prefixes)
    return {i: (p if unique else i) for i, p in zip(ids, prefixes)}


def _tags(article_ids: Sequence[str], tags: dict[str, str]) -> str:
    return "".join(f"\\[{esc(tags.get(a, a))}\\]" for a in article_ids)


def _quote(support: Sequence[Support], tags: dict[str, str], limit: int = 1) -> str:
    parts = [f"“{esc(s.quote)}” {_tags([s.article_id], tags)}" for s in support[:limit]]
    return " ".join(parts)


def date_span(digest: Digest) -> str:
    """The header's date and which articles it comes from: " · 2025-10-17 (publication date of 1 of 5
    articles, 4 undated)"; empty when no article states its publication date."""
    dates = sorted(a.published.isoformat() for a in digest.articles if a.published)
    if not dates:
        return ""
    span = f" · {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    total = len(digest.articles)
    if len(dates) == total:
        return span
    return span + f" (publication date of {len(dates)} of {total} articles, {total - len(dates)} undated)"


_DATED_AS = {"published": "published that day", "stated": "dated by a date in the text",
             "file time": "dated by file time", "undated": "undated"}


def day_basis(daily: DailyInfo) -> str:
    """The day and which articles it comes from: "2025-10-17 · 3 articles published that day, 2 undated"."""
    counts: dict[str, int] = {}
    for how in daily.chosen_by.values():
        counts[how] = counts.get(how, 0) + 1
    present = [how for how in _DATED_AS if how in counts]
    parts = [f"{counts[how]} article{'s' if counts[how] != 1 else ''} {_DATED_AS[how]}" if i == 0
             else f"{counts[how]} {_DATED_AS[how]}" for i, how in enumerate(present)]
    skipped = len(daily.skipped_undated)
    if skipped:
        parts.append(f"{skipped} undated left out")
    return daily.date.isoformat() + (" · " + ", ".join(parts) if parts else "")


def dating(daily: DailyInfo, article_id: str, published: object = None) -> str:
    """How a daily briefing dated one article: "2025-10-17 (publication date)", "2025-07-04 (the text
    states “4. Juli 2025”)", "2025-10-16 (file modification time)" or "undated"."""
    how = daily.chosen_by.get(article_id)
    if how == "published":
        return f"{published or daily.date} (publication date)"
    if how == "stated":
        return f"{daily.date} (the text states “{daily.stated.get(article_id, '?')}”)"
    if how == "file time":
        return f"{daily.date} (file modification time)"
    return "undated"


def source_count(meta: DigestMeta) -> int:
    """The M of "N of M sources": distinct sources (near copies count once)."""
    return max(1, meta.sources or meta.articles_briefed)


def copies_note(meta: DigestMeta) -> str:
    """" (4 distinct sources; 10 identical copies not briefed again)", or empty when every file is its own source."""
    bits = []
    if meta.sources is not None and meta.sources != meta.articles_briefed:
        bits.append(f"{meta.sources} distinct sources")
    if meta.copies:
        bits.append(f"{meta.copies} identical {'copy' if meta.copies == 1 else 'copies'} not briefed again")
    return f" ({'; '.join(bits)})" if bits else ""


def also(article: ArticleRef, tags: dict[str, str]) -> str:
    """What a source's entry says about its copies: near copy of another article, files with the same text."""
    out = ""
    if article.near_copy_of:
        out += f" · near copy of \\[{esc(tags.get(article.near_copy_of, article.near_copy_of))}\\], counted as one source"
    if article.copies:
        out += " · same text also in: " + ", ".join(esc(c) for c in article.copies)
    return out


def undated_items(digest: Digest) -> str:
    """", 3 only from undated articles" for a daily briefing's since-line; empty when there are none."""
    n = sum(i.since == "undated" for i in [*digest.actors, *digest.decisions, *digest.weapons, *digest.open_questions])
    return f", {n} only from undated articles" if n else ""


def looked_back(daily: DailyInfo) -> str:
    """" (compared with 3 briefings back to 2025-10-12)" when new/continuing looked past the previous one."""
    if len(daily.compared) <= 1:
        return ""
    return f" (compared with {len(daily.compared)} briefings back to {daily.compared[0].isoformat()})"


def _since(item) -> str:  # noqa: ANN001
    """A daily briefing's mark on an item: new since the previous briefing, or continuing one of its stories."""
    if item.since is None:
        return ""
    if item.since == "undated":
        return " _(undated sources)_"
    earlier = f" of {item.previous_date.isoformat()}" if getattr(item, "previous_date", None) else ""
    return " _(new)_" if item.since == "new" else f" _(continuing {item.previous_id or ''}{earlier})_".replace(" )_", ")_")


def render(digest: Digest) -> str:
    """The digest as Markdown: a header, then one section per kind of item, the sources and the failures."""
    tags = source_tags(digest)
    out: list[str] = []
    for section in (_header, _headline, _developments, _divergences, _timeline, _actors, _weapons, _questions,
                    _sources, _failures):
        section(digest, tags, out)
    return "\n".join(out).rstrip() + "\n"


def _header(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    meta = digest.meta
    if digest.daily is not None:
        out.append(f"# Daily briefing {day_basis(digest.daily)}: {meta.articles_briefed} of {meta.articles_total} "
                   f"articles briefed{copies_note(meta)}")
    else:
        out.append(f"# Digest: {meta.articles_briefed} of {meta.articles_total} articles briefed{copies_note(meta)}"
                   f"{date_span(digest)}")
    out.append("")
    out.append(
        f"_Model {esc(meta.model or 'n/a')} · prompts {esc(meta.prompt_version or 'n/a')} · "
        f"schema {meta.schema_version} · {meta.usage.prompt_tokens + meta.usage.completion_tokens} tokens · "
        + (f"cost ≈ {meta.cost_estimate:.4f} {meta.cost_currency or ''}".rstrip() + " · "
           if meta.cost_estimate is not None else "")
        + f"{meta.dropped_items} unsupported items dropped_"
    )
    out.append("")
    daily = digest.daily
    if daily is not None and daily.previous_date is not None and daily.previous_file:
        prev_md = Path(daily.previous_file).with_suffix(".md").name
        out.append(f"Since the previous briefing ([{daily.previous_date.isoformat()}]({prev_md})): "
                   f"{daily.new} new, {daily.continuing} continuing{undated_items(digest)}{looked_back(daily)}.")
        out.append("")


def _headline(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    if digest.headline is None:
        return
    out.append("## Headline")
    out.append("")
    for sentence in digest.headline.sentences:
        out.append(f"- {esc(sentence.text)} {_tags(sentence.articles, tags)}")
    out.append("")


def _developments(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    sources = source_count(digest.meta)
    out.append(f"## Key developments ({len(digest.decisions)})")
    out.append("")
    out.append("_Ordered by how many sources report them, then by recency._")
    out.append("")
    for d in digest.decisions:
        date = f", {esc(', '.join(d.dates))}" if d.dates else ""
        corroborated = f"**{d.count} of {sources} sources** · " if d.count > 1 else ""
        out.append(
            f"- {d.id} {corroborated}**{esc(d.who)}**: {esc(d.what)} _({', '.join(d.statuses)}{date})_{_since(d)} {_tags(d.articles, tags)}"
        )
        out.append(f"  - {_quote(d.support, tags, limit=min(3, d.count))}")
    if not digest.decisions:
        out.append("_None found._")
    out.append("")


def _divergences(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    if not digest.divergences:
        return
    out.append(f"## Divergences ({len(digest.divergences)})")
    out.append("")
    out.append("_Sources that describe the same item differently; the digest does not decide who is right._")
    out.append("")
    for x in digest.divergences:
        by = " (flagged by the model)" if x.found_by == "model" else ""
        out.append(f"### {x.id} {esc(x.topic)}: {x.aspect}{by}")
        out.append("")
        out.append("| Source | Says | Quote |")
        out.append("|---|---|---|")
        for c in x.claims:
            who = _tags([c.article_id], tags) + (f" {esc(c.source)}" if c.source else "")
            out.append(f"| {who} | {esc(c.says)} | “{esc(c.quote)}” |")
        out.append("")


def _timeline(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    out.append("## Timeline")
    out.append("")
    for e in digest.timeline:
        stated = ", ".join(f"“{esc(t)}”" for t in e.stated)
        out.append(f"- **{e.date}** ({e.precision}; stated {stated}): **{esc(e.who)}**: {esc(e.what)} {_tags(e.articles, tags)}")
    if not digest.timeline:
        out.append("_No decision is dated in the articles._")
    out.append("")


def _actors(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    out.append("## Actors")
    out.append("")
    if digest.actors:
        out.append("| Actor | Kind | Role as stated | Written as | Sources |")
        out.append("|---|---|---|---|---|")
        for a in digest.actors:
            out.append(
                f"| {esc(a.name)}{_since(a)} | {a.kind} | {esc('; '.join(a.roles)) or '–'} | "
                f"{esc(', '.join(a.names_as_written))} | {_tags(a.articles, tags)} |"
            )
    else:
        out.append("_None found._")
    out.append("")


def _weapons(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    out.append("## Weapons and systems")
    out.append("")
    if digest.weapons:
        out.append("| System | Category | Said of it | Written as | Sources |")
        out.append("|---|---|---|---|---|")
        for w in digest.weapons:
            out.append(
                f"| {esc(w.name)}{_since(w)} | {esc(w.category)} | {', '.join(w.statuses)} | "
                f"{esc(', '.join(w.names_as_written))} | {_tags(w.articles, tags)} |"
            )
    else:
        out.append("_None found._")
    out.append("")


def _questions(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    out.append(f"## Open questions ({len(digest.open_questions)})")
    out.append("")
    for q in digest.open_questions:
        out.append(f"- {esc(q.question)}{_since(q)} {_tags(q.articles, tags)}")
        out.append(f"  - {_quote(q.support, tags)}")
    if not digest.open_questions:
        out.append("_None found._")
    out.append("")


def _sources(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    out.append("## Sources")
    out.append("")
    out.append(f"| Tag | Title | Source | {'Dated' if digest.daily is not None else 'Published'} | Language |")
    out.append("|---|---|---|---|---|")
    for a in digest.articles:
        when = a.published.isoformat() if a.published else "–"
        if digest.daily is not None:
            when = esc(dating(digest.daily, a.id, a.published))
        out.append(
            f"| {_tags([a.id], tags)} | {esc(a.title or a.id)}{also(a, tags)} | {esc(a.source or '–')} | "
            f"{when} | {a.language or '–'} |"
        )
    if digest.daily is not None and digest.daily.skipped_undated:
        out.append("")
        out.append(f"_Left out, as nothing dates them ({len(digest.daily.skipped_undated)}; brief them here with "
                   f"--undated include, or date them by file time with --undated file-time):_ "
                   + ", ".join(esc(p) for p in digest.daily.skipped_undated))
    out.append("")
    summaries = [(a, digest.summaries.get(a.id)) for a in digest.articles]
    if any(text for _, text in summaries):
        out.append("### What each source says")
        out.append("")
        for article, text in summaries:
            if text:
                out.append(f"- {_tags([article.id], tags)} {esc(text)}")
        out.append("")


def _failures(digest: Digest, tags: dict[str, str], out: list[str]) -> None:
    if not digest.failures:
        return
    out.append("## Failures")
    out.append("")
    for f in digest.failures:
        out.append(f"- {_tags([f.article_id], tags)} `{esc(f.article_id)}`: {esc(f.error_kind)}: {esc(f.message)}")
    out.append("")
