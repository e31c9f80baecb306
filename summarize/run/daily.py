"""The morning routine: one day's articles -> ``briefings/YYYY-MM-DD.{json,md,html}``.

* **Which articles, and how each was dated.** An article is of the day by, in this order: its publication
  date (``published``: from the page's metadata or the text's header); else the latest full date its text
  states that is not after the day its file was saved (``stated``: an article speaks from at least the
  latest day it reports; a later date is an announcement); else it is **undated**, and ``undated`` decides:
  ``skip`` (the default) leaves it out and names it, ``include`` puts it on the requested day's page marked
  undated (its items are not called new), ``file-time`` dates it by its file's modification time (local
  time), marked so. A file's time never dates an article unless asked: a fresh clone or a copied folder
  gives every file today's time. Each choice is recorded in ``digest.daily`` and shown per article.
* **No new calls on a rerun.** Briefings come from the briefing cache when they are there, so running the
  same day twice makes no model call and writes byte-identical files (nothing in them depends on the clock).
* **New and continuing.** They look back over the earlier daily briefings in the output folder (the
  ``YYYY-MM-DD.json`` files, not the history database): those of the ``window_days`` days before the day
  (default 7), and always the latest one before it, however old. An item continues a story when one of them
  had the same entity (actors and weapons: the same resolved name) or event (decisions: the same resolved
  decider and a similar description, as the digest's event clustering decides; open questions: the same
  question); ``previous_id`` names it in the latest briefing that had it, and ``previous_date`` that
  briefing's day when it is not the previous one. Everything else is new.
* **Linked pages.** Each day's HTML links the previous and next day in the folder and ``index.html``, the
  index of all days; writing a day relinks its neighbours' pages (see :mod:`summarize.run.daily_pages`).
  The Markdown links the previous day's file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from . import daily_pages
from .cache import BriefingCache
from .pipeline import DEFAULT_CONCURRENCY, Passes, ProgressCallback, Run, arun
from .sources import load_sources
from ..digest.entities import Resolver, load_aliases
from ..digest.merge import DecisionClusters, QuestionClusters, norm
from ..text.dates import latest_stated_day
from ..render.markdown import dating
from ..errors import InputError, UsageError
from ..render.files import Written, write_digest
from ..llm.watch import ServerWatch
from ..models import Article, DailyInfo, Dating, Digest, UndatedPolicy
from ..settings import Settings
from .pricing import PriceTable

FILE_DATE = "%Y-%m-%d"
UNDATED_CHOICES: tuple[UndatedPolicy, ...] = ("skip", "include", "file-time")
DEFAULT_WINDOW_DAYS = 7


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


def check_undated(undated: str) -> UndatedPolicy:
    if undated not in UNDATED_CHOICES:
        raise UsageError(f"--undated {undated!r}: use one of {', '.join(UNDATED_CHOICES)}, e.g. --undated skip")
    return undated  # type: ignore[return-value]


@dataclass(frozen=True)
class Dated:
    """How an article was dated: the day (None when undated), how, and the date as its text states it."""

    day: dt.date | None
    how: Dating
    stated: str | None = None


def _file_day(article: Article) -> dt.date | None:
    if not article.path:
        return None
    try:
        return dt.date.fromtimestamp(os.stat(article.path).st_mtime)
    except OSError:
        return None


def date_article(article: Article, *, file_time: bool = False) -> Dated:
    """Publication date, else the latest date the text states (not after the file's day), else the file's
    modification day when ``file_time``, else undated."""
    if article.published is not None:
        return Dated(article.published, "published")
    saved = _file_day(article)
    found = latest_stated_day(article.text, saved)
    if found is not None:
        return Dated(found[0], "stated", found[1])
    if file_time and saved is not None:
        return Dated(saved, "file time")
    return Dated(None, "undated")


@dataclass
class Choice:
    """The articles of a day, how each was dated, the number of articles of each day, and the undated ones
    (left out with ``skip``; on the page with ``include``)."""

    chosen: list[Article]
    dated: dict[str, Dated]
    days: dict[dt.date, int]
    undated: list[Article]


def choose(articles: Sequence[Article], day: dt.date, undated: UndatedPolicy = "skip") -> Choice:
    """The articles of ``day`` and how each was dated (see the module docstring)."""
    check_undated(undated)
    out = Choice([], {}, {}, [])
    for article in articles:
        when = date_article(article, file_time=undated == "file-time")
        if when.day is None:
            out.undated.append(article)
            if undated == "include":
                out.chosen.append(article)
                out.dated[article.id] = when
            continue
        out.days[when.day] = out.days.get(when.day, 0) + 1
        if when.day == day:
            out.chosen.append(article)
            out.dated[article.id] = when
    return out


def dating_lines(daily: Daily) -> list[str]:
    """One line per article of a daily run: how it was dated, and the undated ones left out (for stderr)."""
    info = daily.digest.daily
    if info is None:
        return []
    lines = [f"{a.id}: {dating(info, a.id, a.published)}" for a in daily.digest.articles]
    lines += [f"{f.article_id}: {dating(info, f.article_id)}" for f in daily.digest.failures if f.article_id in info.chosen_by]
    if info.skipped_undated:
        lines.append(f"left out, as nothing dates them ({len(info.skipped_undated)}): {', '.join(info.skipped_undated)}; "
                     "brief them on this page with --undated include, or date them by file time with --undated file-time")
    return lines


def daily_files(folder: Path) -> list[tuple[dt.date, Path]]:
    """Every ``YYYY-MM-DD.json`` in ``folder``, oldest first."""
    found: list[tuple[dt.date, Path]] = []
    if folder.is_dir():
        for path in folder.glob("????-??-??.json"):
            try:
                found.append((dt.datetime.strptime(path.stem, FILE_DATE).date(), path))
            except ValueError:
                continue
    return sorted(found)


def previous_briefing(folder: Path, day: dt.date) -> tuple[dt.date, Path] | None:
    """The latest ``YYYY-MM-DD.json`` in ``folder`` before ``day``."""
    found = [f for f in daily_files(folder) if f[0] < day]
    return found[-1] if found else None


def earlier_briefings(folder: Path, day: dt.date, window_days: int = DEFAULT_WINDOW_DAYS) -> list[tuple[dt.date, Path]]:
    """The briefings ``new``/``continuing`` look back over, oldest first: those of the ``window_days`` days
    before ``day``, and the latest one before it however old (a gap in the routine keeps its previous page)."""
    before = [f for f in daily_files(folder) if f[0] < day]
    start = day - dt.timedelta(days=max(0, window_days))
    return [f for i, f in enumerate(before) if f[0] >= start or i == len(before) - 1]


def mark_continuity(today: Digest, previous: Digest | Sequence[tuple[dt.date, Digest]],
                    resolver: Resolver | None = None) -> tuple[int, int]:
    """Set ``since``/``previous_id`` on today's items against the previous digest, or against several earlier
    ones (``(day, digest)``, oldest first: a match names the latest that has it, and its day in
    ``previous_date`` unless that is the last one); returns (new, continuing)."""
    resolver = resolver or Resolver(load_aliases())
    history = [(None, previous)] if isinstance(previous, Digest) else list(previous)
    new = continuing = 0
    events = DecisionClusters(resolver)  # the digest's own event rule: same resolved decider, similar description
    questions = QuestionClusters()
    keys = {"actors": lambda a: norm(a.name), "weapons": lambda w: norm(w.name),
            "decisions": lambda d: events.key_for(d.who, d.what),
            "open_questions": lambda q: questions.key_for(q.question)}
    last = history[-1][0] if history else None
    for kind, key in keys.items():
        match: dict[object, tuple[str, dt.date | None]] = {}
        for when, earlier in history:  # oldest first: a later briefing's id wins
            match.update({key(item): (item.id, when) for item in getattr(earlier, kind)})
        for item in getattr(today, kind):
            found = match.get(key(item))
            item.since = "continuing" if found else "new"
            item.previous_id = found[0] if found else None
            item.previous_date = found[1] if found and found[1] != last else None
            continuing += found is not None
            new += found is None
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
    watch: ServerWatch | None = None,
    undated: UndatedPolicy = "skip",
    window_days: int = DEFAULT_WINDOW_DAYS,
    prices: PriceTable | None = None,
    workers: int = 1,
) -> Daily:
    """Brief the articles of ``day`` (default: today) found in ``inbox`` and mark them new or continuing
    against the earlier briefings in ``out_dir`` of the ``window_days`` days before (and the previous one);
    ``undated`` says what articles that nothing dates do (see the module docstring); ``workers``: as for arun.
    Nothing is written: see :func:`write_daily`. Raises :class:`InputError` when no article is of that day
    (the message lists the days that have articles, and the undated ones)."""
    check_undated(undated)
    if window_days < 0:
        raise UsageError(f"window_days={window_days}: use 0 or more days to look back for continuing stories, e.g. 7")
    day = day or dt.date.today()
    out = Path(out_dir)
    found = load_sources(list(inbox), exclude=[out], memo=cache.articles if cache is not None else None)
    choice = choose(found.articles, day, undated)
    left_out = [a.path or a.id for a in choice.undated] if undated != "include" else []
    if not choice.chosen:
        listed = ", ".join(f"{d.isoformat()} ({n})" for d, n in sorted(choice.days.items(), reverse=True)[:7]) or "none"
        names = ", ".join(left_out[:5]) + (", ..." if len(left_out) > 5 else "")
        undated_note = (f"; {len(left_out)} undated articles left out ({names}): brief them on this page with "
                        "--undated include, or date them by file time with --undated file-time") if left_out else ""
        raise InputError(
            f"no article in {', '.join(map(str, inbox))} is of {day.isoformat()} (by publication date, else the "
            f"latest date its text states); days with articles: {listed}{undated_note}. Pick a day with --date YYYY-MM-DD"
        )
    run = await arun(choice.chosen, settings=settings, cache=cache, on_progress=on_progress, concurrency=concurrency,
                     resolver=resolver, passes=passes, watch=watch, workers=workers)
    if prices is not None:  # what the page's briefings cost to make: the same on a rerun from the cache
        prices.apply(run.digest, settings.model, all_tokens=True)
    notes: list[str] = []
    previous: Digest | None = None
    info = DailyInfo(
        date=day, chosen_by={i: d.how for i, d in choice.dated.items()},
        stated={i: d.stated for i, d in choice.dated.items() if d.stated},
        undated=undated, skipped_undated=left_out,
    )
    history = _read_earlier(earlier_briefings(out, day, window_days), notes)
    if history:
        previous = history[-1][1]
        info.previous_date = history[-1][0]
        info.previous_file = f"{history[-1][0].strftime(FILE_DATE)}.json"
        info.window_days, info.compared = window_days, [when for when, _ in history]
        info.new, info.continuing = mark_continuity(run.digest, history, resolver)
        info.new -= _not_known_new(run.digest, {a.id for a in choice.undated})
    run.digest.daily = info
    return Daily(date=day, run=run, previous=previous, notes=notes)


def _read_earlier(found: list[tuple[dt.date, Path]], notes: list[str]) -> list[tuple[dt.date, Digest]]:
    """The earlier briefings that can be read; each one that cannot is named in ``notes``."""
    history = []
    for when, path in found:
        try:
            history.append((when, Digest.model_validate_json(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, ValidationError) as exc:
            notes.append(f"{path}: unreadable, so nothing is compared with it for new or continuing "
                         f"({type(exc).__name__}); delete or regenerate it")
    return history


def _not_known_new(digest: Digest, undated: set[str]) -> int:
    """Items marked new that only undated articles report become ``undated``: nothing says they are new
    today. Returns how many."""
    changed = 0
    for item in [*digest.actors, *digest.weapons, *digest.decisions, *digest.open_questions]:
        if item.since == "new" and undated and set(item.articles) <= undated:
            item.since = "undated"
            changed += 1
    return changed


def write_daily(daily: Daily, out_dir: str | os.PathLike[str]) -> Written:
    """Write ``YYYY-MM-DD.json``, ``.md`` and ``.html`` (each atomically), unless the run stopped on a fatal
    error or briefed nothing while that day's files exist: see :func:`~summarize.render.files.write_digest`.
    The page links the previous and next day in ``out_dir`` and ``index.html``; the neighbours' pages get
    their link to it and the index is written again (see :mod:`summarize.run.daily_pages`)."""
    out = Path(out_dir)
    days = sorted({*daily_pages.days_in(out), daily.date})
    # spent/reused depend on the cache, not the day: left out so a rerun writes byte-identical files
    written = write_digest(daily.digest, out, stem=daily.date.strftime(FILE_DATE), stopped=daily.run.stopped is not None,
                           title=daily_pages.page_title(daily.digest, daily.date), exclude={"meta": {"spent", "reused"}},
                           **daily_pages.links(days, daily.date))
    if written.kept is None:
        written.paths += daily_pages.link_days(out, daily.date)
    return written
