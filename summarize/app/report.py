"""What the command line prints on stderr while a run goes and after it: progress, failures, the summary.

Printing only: the library decided everything (what was written or kept, why a run stopped and the fix).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # types only: the run's modules load the model client
    from ..render.files import Written
    from ..run.daily import Daily
    from .progress import ProgressDisplay
    from ..llm.watch import ServerWatch
    from ..models import Digest, Failure
    from ..run.pipeline import Progress, Run


def err(message: str) -> None:
    typer.echo(f"summarize: {message}", err=True)


def warn(message: str) -> None:
    err(f"warning: {message}")


def progress_interval() -> float:
    """Seconds between status lines when stderr is not a terminal (``SUMMARIZE_PROGRESS_INTERVAL``; 0: none)."""
    from .progress import DEFAULT_INTERVAL

    raw = os.environ.get("SUMMARIZE_PROGRESS_INTERVAL", "")
    try:
        return float(raw) if raw else DEFAULT_INTERVAL
    except ValueError:
        return DEFAULT_INTERVAL


class RunView:
    """The ``on_progress`` callback of a command: writes each briefing to ``briefings`` (when given) as soon
    as it exists, names failures as they happen and keeps the progress display (created on the first
    event, when the total is known). Close it when the run ends."""

    def __init__(self, *, quiet: bool, watch: ServerWatch | None, briefings: Path | None = None) -> None:
        self.quiet = quiet
        self.watch = watch
        self.briefings = briefings
        self.finished: list[str] = []
        self.reported: set[str] = set()  # failures already named on stderr as they happened
        self.display: ProgressDisplay | None = None

    def __call__(self, p: Progress) -> None:
        if p.briefing is not None:
            self.finished.append(p.article_id)
            if self.briefings is not None:  # an interrupted run keeps what it finished
                from ..render.files import write_briefing

                write_briefing(self.briefings, p.briefing)
        if self.quiet:
            return
        if p.status == "start" and p.article is not None and p.article.encoding != "utf-8":
            err(f"{p.article.path or p.article_id}: not UTF-8, decoded as {p.article.encoding}")
        if p.failure is not None:
            self.reported.add(p.article_id)
            err(f"[{p.index}/{p.total}] {p.article_id}: FAILED {p.failure.error_kind}: {p.failure.message}")
        if self.display is None:
            from rich.console import Console

            from .progress import ProgressDisplay

            self.display = ProgressDisplay(p.total, Console(stderr=True), watch=self.watch, live=sys.stderr.isatty(),
                                           interval=progress_interval()).__enter__()
        self.display.update(p)

    def close(self) -> None:
        if self.display is not None:
            self.display.__exit__()
            self.display = None


def name_failures(failures: list[Failure]) -> None:
    """Name on stderr the failures no progress event announced (files that could not be read as articles),
    and count the articles a fatal stop left unattempted instead of listing each."""
    skipped = [f for f in failures if f.error_kind == "NotAttempted"]
    for f in failures:
        if f.error_kind != "NotAttempted":
            err(f"{f.article_id}: FAILED {f.error_kind}: {f.message}")
    if skipped:
        err(f"{len(skipped)} articles not attempted after the fatal error: "
            + ", ".join(f.article_id for f in skipped[:5]) + (", ..." if len(skipped) > 5 else ""))


def unannounced(result: Run, view: RunView) -> None:
    """After a run: the failures and skipped files its progress events did not name."""
    if view.quiet:
        return
    name_failures([f for f in result.failures if f.article_id not in view.reported])
    for note in result.notes:  # e.g. feed entries without a link
        err(note)
    if result.skipped:
        typer.echo(f"skipped {len(result.skipped)} files that are not articles:", err=True)
        for path, reason in result.skipped:
            typer.echo(f"  {path}: {reason}", err=True)


def summary(d: Digest, from_cache: int, seconds: float) -> None:
    cost = (f", ≈ {d.meta.cost_estimate:.4f} {d.meta.cost_currency or ''}".rstrip()
            if d.meta.cost_estimate is not None else "")
    typer.echo(
        f"{d.meta.articles_briefed}/{d.meta.articles_total} articles briefed ({from_cache} from cache), "
        f"{len(d.failures)} failed, {d.meta.tokens_line()}{cost}, {seconds:.1f}s",
        err=True,
    )


def passes(d: Digest, quiet: bool) -> None:
    for report in d.meta.passes:
        if report.status == "failed":
            err(f"the {report.name} pass failed, the digest is written without it: {report.message}")
        elif not quiet:
            err(f"{report.name} pass: {report.message}")


def fatal(result: Run) -> None:
    """Say why the run stopped, and what to do: the fix the error carries (None when its message says it)."""
    err(f"stopped after a fatal error; the other articles were not attempted: {result.stopped}")
    if result.stopped_fix:
        err(result.stopped_fix)


def written(done: Written, quiet: bool = False) -> None:
    """The files written (stdout; not with ``-q``), or why none were and what was kept (stderr)."""
    if done.kept:
        err(done.kept)
    for path in [] if quiet else done.paths:
        typer.echo(f"wrote {path}")


def daily(result: Daily, out: Path, quiet: bool) -> None:
    """After ``summarize daily``: notes, how each article was dated, and the day's counts."""
    from ..render.markdown import undated_items
    from ..run.daily import dating_lines

    for note in result.notes:
        err(note)
    if quiet:
        return
    for line in dating_lines(result):
        err(line)
    d, info = result.digest, result.digest.daily
    from_cache = sum(b.meta.cached for b in result.run.briefings)
    since = (f"; since {info.previous_date}: {info.new} new, {info.continuing} continuing{undated_items(d)}"
             if info and info.previous_date else "; no previous briefing in " + str(out))
    err(f"{d.meta.articles_briefed}/{d.meta.articles_total} articles of {result.date} briefed ({from_cache} from "
        f"cache), {len(d.failures)} failed{since}")
