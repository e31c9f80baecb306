"""The morning routine: one day's articles -> ``briefings/YYYY-MM-DD.{json,md,html}``.

* **Which articles.** Those whose publication date is the day; an article without a publication date
  counts by its file's modification time (local time). Each choice is recorded in ``digest.daily``.
* **No new calls on a rerun.** Briefings come from the briefing cache when they are there, so running the
  same day twice makes no model call and writes byte-identical files (nothing in them depends on the clock).
* **New and continuing.** The previous briefing is the latest ``YYYY-MM-DD.json`` in the output folder
  before the day. An item continues a story when the previous briefing had the same entity (actors and
  weapons: the same resolved name) or event (decisions: the same resolved decider and a similar
  description, as the digest's event clustering decides; open questions: the same question). Everything
  else is new. The Markdown and HTML link the previous day's file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from .cache import BriefingCache
from .digest.build import DEFAULT_CONCURRENCY, Passes, ProgressCallback, Run, arun, load_sources
from .digest.entities import Resolver, load_aliases
from .digest.html import render_html
from .digest.merge import DecisionClusters, QuestionClusters, norm
from .digest.render import render
from .errors import InputError, UsageError
from .models import Article, DailyInfo, Decision, Digest, Evidence, OpenQuestion
from .settings import Settings

FILE_DATE = "%Y-%m-%d"


@dataclass
class Daily:
    """A daily run: the day, the run over its articles, the digest with ``daily`` set, the previous one."""

    date: dt.date
    run: Run
    previous: Digest | None
    notes: list[str]

    @property
    def digest(self) -> Digest:
        return self.run.digest


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r}: use YYYY-MM-DD, e.g. --date {dt.date.today().isoformat()}") from None


def day_of(article: Article) -> tuple[dt.date | None, Literal["published", "file time"] | None]:
    if article.published is not None:
        return article.published, "published"
    if article.path:
        try:
            return dt.date.fromtimestamp(os.stat(article.path).st_mtime), "file time"
        except OSError:
            return None, None
    return None, None


def choose(articles: Sequence[Article], day: dt.date) -> tuple[list[Article], dict[str, Literal["published", "file time"]], dict[dt.date, int]]:
    """The articles of ``day``, how each was chosen, and how many articles each other day has."""
    chosen: list[Article] = []
    how: dict[str, Literal["published", "file time"]] = {}
    days: dict[dt.date, int] = {}
    for article in articles:
        when, by = day_of(article)
        if when is None:
            continue
        days[when] = days.get(when, 0) + 1
        if when == day and by is not None:
            chosen.append(article)
            how[article.id] = by
    return chosen, how, days


def previous_briefing(folder: Path, day: dt.date) -> tuple[dt.date, Path] | None:
    """The latest ``YYYY-MM-DD.json`` in ``folder`` before ``day``."""
    found: list[tuple[dt.date, Path]] = []
    if folder.is_dir():
        for path in folder.glob("????-??-??.json"):
            try:
                when = dt.datetime.strptime(path.stem, FILE_DATE).date()
            except ValueError:
                continue
            if when < day:
                found.append((when, path))
    return max(found) if found else None


def _probe(who: str, what: str) -> Decision:
    ev = [Evidence(quote="-", start=0, end=1, alignment="exact", score=100)]
    return Decision(who=who, what=what, status="other", evidence=ev)


def mark_continuity(today: Digest, previous: Digest, resolver: Resolver | None = None) -> tuple[int, int]:
    """Set ``since``/``previous_id`` on today's items against the previous digest; returns (new, continuing)."""
    resolver = resolver or Resolver(load_aliases())
    new = continuing = 0

    def mark(items: Sequence, match: dict[str, str], key) -> None:  # noqa: ANN001
        nonlocal new, continuing
        for item in items:
            previous_id = match.get(key(item))
            item.since = "continuing" if previous_id else "new"
            item.previous_id = previous_id
            continuing += previous_id is not None
            new += previous_id is None

    def names(item) -> str:  # noqa: ANN001
        return norm(item.name)

    mark(today.actors, {norm(a.name): a.id for a in previous.actors}, names)
    mark(today.weapons, {norm(w.name): w.id for w in previous.weapons}, names)

    events = DecisionClusters(resolver)  # the digest's own event rule: same resolved decider, similar description
    earlier = {events.key(_probe(d.who, d.what)): d.id for d in previous.decisions}
    mark(today.decisions, earlier, lambda d: events.key(_probe(d.who, d.what)))

    questions = QuestionClusters()
    ev = [Evidence(quote="-", start=0, end=1, alignment="exact", score=100)]
    asked = {questions.key(OpenQuestion(question=q.question, evidence=ev)): q.id for q in previous.open_questions}
    mark(today.open_questions, asked, lambda q: questions.key(OpenQuestion(question=q.question, evidence=ev)))
    return new, continuing


async def adaily(
    inbox: Sequence[str | os.PathLike[str]],
    *,
    out_dir: str | os.PathLike[str],
    day: dt.date | None = None,
    settings: Settings | None = None,
    cache: BriefingCache | None = None,
    on_progress: ProgressCallback | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    resolver: Resolver | None = None,
    passes: Passes = Passes(),
) -> Daily:
    """Brief the articles of ``day`` (default: today) found in ``inbox`` and mark them against the previous
    briefing in ``out_dir``. Nothing is written: see :func:`write_daily`. Raises :class:`InputError` when no
    article is of that day (the message lists the days that have articles)."""
    day = day or dt.date.today()
    out = Path(out_dir)
    found = load_sources(list(inbox), exclude=[out])
    chosen, how, days = choose(found.articles, day)
    if not chosen:
        listed = ", ".join(f"{d.isoformat()} ({n})" for d, n in sorted(days.items(), reverse=True)[:7]) or "none"
        raise InputError(
            f"no article in {', '.join(map(str, inbox))} is of {day.isoformat()} (by publication date, else file "
            f"time); days with articles: {listed}. Pick one with --date YYYY-MM-DD"
        )
    run = await arun(chosen, settings=settings, cache=cache, on_progress=on_progress, concurrency=concurrency,
                     resolver=resolver, passes=passes)
    notes: list[str] = []
    previous: Digest | None = None
    info = DailyInfo(date=day, chosen_by=how)
    earlier = previous_briefing(out, day)
    if earlier is not None:
        try:
            previous = Digest.model_validate_json(earlier[1].read_text(encoding="utf-8"))
        except (OSError, ValueError, ValidationError) as exc:
            notes.append(f"{earlier[1]}: unreadable, so nothing is marked new or continuing ({type(exc).__name__}); "
                         "delete or regenerate it")
        else:
            info.previous_date, info.previous_file = earlier[0], earlier[1].name
            info.new, info.continuing = mark_continuity(run.digest, previous, resolver)
    run.digest.daily = info
    return Daily(date=day, run=run, previous=previous, notes=notes)


def write_daily(daily: Daily, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write ``YYYY-MM-DD.json``, ``.md`` and ``.html`` (each atomically); returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = daily.date.strftime(FILE_DATE)
    info = daily.digest.daily
    previous_html = f"{Path(info.previous_file).stem}.html" if info and info.previous_file else None
    title = f"Daily briefing {daily.date.isoformat()}"
    files = {
        # spent/reused depend on the cache, not the day: left out so a rerun writes byte-identical files
        out / f"{stem}.json": daily.digest.model_dump_json(indent=2, exclude={"meta": {"spent", "reused"}}) + "\n",
        out / f"{stem}.md": render(daily.digest),
        out / f"{stem}.html": render_html(daily.digest, title=title, previous=previous_html),
    }
    for path, text in files.items():
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return list(files)
