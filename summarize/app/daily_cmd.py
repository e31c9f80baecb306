"""``summarize daily``: one day's briefing page, from files, folders, URLs, feeds, OPML or stdin.

Split from :mod:`summarize.app.cli` (which registers it) to keep that module small; it shares the CLI's
helpers (usage errors, settings, passes, exit statuses), imported when the command runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import report
from .options import (
    DEFAULT_CONCURRENCY, AliasesOpt, BaseUrlOpt, CacheDirOpt, ConcurrencyOpt, ConfigOpt, DateOpt, EventsOpt, FormatOpt,
    HeadlineOpt, HistoryOpt, LangOpt, MaxCharsOpt, ModelOpt, ModeOpt, NoCacheOpt, NoHistoryOpt, PathsArg, QuietOpt,
    PricesOpt, ReplayOpt, TimeoutOpt, UndatedOpt, WorkersOpt,
)
from .report import err

if TYPE_CHECKING:
    from .routine import Routine


DailyOutOpt = Annotated[Optional[Path], typer.Option(
    "--out", "-o", metavar="DIR", show_default=False, help="Folder of the daily briefings (default: the config "
    "file's out, else briefings); - writes the day's digest to stdout in --format.")]
WindowDaysOpt = Annotated[int, typer.Option(
    "--window-days", metavar="N", min=0,
    help="Days of earlier briefings in OUT that 'new' and 'continuing' look back over (the previous one always).",
)]


def register(app: typer.Typer) -> None:
    """Add the ``daily`` command to ``app``."""
    app.command()(daily)


def daily(
    ctx: typer.Context,
    inbox: PathsArg = None,
    date: DateOpt = None,
    out: DailyOutOpt = None,
    fmt: FormatOpt = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    lang: LangOpt = None,
    replay: ReplayOpt = None,
    timeout: TimeoutOpt = None,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    concurrency: ConcurrencyOpt = DEFAULT_CONCURRENCY,
    workers: WorkersOpt = 1,
    max_chars: MaxCharsOpt = None,
    aliases: AliasesOpt = None,
    events: EventsOpt = "rules",
    headline: HeadlineOpt = False,
    undated: UndatedOpt = "skip",
    window_days: WindowDaysOpt = 7,
    prices: PricesOpt = None,
    history: HistoryOpt = None,
    no_history: NoHistoryOpt = False,
) -> None:
    """Brief one day's articles: writes OUT/YYYY-MM-DD.json, .md and .html, marking what is new since the
    previous briefing in OUT and which stories continue. With a config file listing the sources and out, the
    morning job is `summarize daily`.

    Articles count for a day by their publication date, else the latest date their text states; how each
    was dated is shown per article. Undated ones are left out unless --undated says otherwise. Briefings are
    cached, so running the same day again makes no model call and writes the same files.
    """
    from .command import _passes, _resolver, _settings, _usage_errors
    from ..render.files import check_writable
    from ..run.daily import check_undated, parse_day
    from .routine import routine

    with _usage_errors():
        r = routine("daily", inbox, out, config=config, fmt=fmt, history=history, no_history=no_history)
        check_undated(undated)
        day = parse_day(date) if date else dt.date.today()
        settings = _settings(model, base_url, mode, lang, None, replay, max_chars=max_chars, timeout=timeout, env=r.env)
        resolver, passes = _resolver(aliases), _passes(events, headline)
        concurrency = r.concurrency(concurrency, ctx)
        if not r.to_stdout:
            check_writable(r.out)
    run_args = dict(out_dir=r.out, day=day, settings=settings, concurrency=concurrency, resolver=resolver,
                    passes=passes, undated=undated, window_days=window_days, workers=workers)
    result = _daily_run(r, run_args, prices=prices, cache_dir=cache_dir, no_cache=no_cache, quiet=quiet)
    _daily_report(result, r, quiet)


def _daily_run(r: Routine, run_args: dict, *, prices, cache_dir, no_cache, quiet):  # noqa: ANN001, ANN202
    """Run ``adaily`` on the day's sources (``run_args``: its options from the command line) with the cache
    and the progress view; no article of that day, a usage error or Ctrl-C exit with their status."""
    from ..errors import InputError, UsageError
    from ..sync import run_main
    from .command import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, _freeze_startup
    from ..llm.watch import server_watch
    from ..run.cache import run_cache
    from ..run.daily import adaily
    from ..run.pricing import price_table

    settings, day, undated = run_args["settings"], run_args["day"], run_args["undated"]
    cache = run_cache(settings, no_cache=no_cache, directory=r.cache_dir(cache_dir), on_warning=report.warn)
    watched = settings.replay_dir is None and run_args.get("workers", 1) == 1  # workers send their own requests
    view = report.RunView(quiet=quiet, watch=server_watch(settings) if watched else None)
    try:
        sources = _daily_sources(r, day, undated, settings, cache_dir, no_cache, quiet)
        _freeze_startup()
        return run_main(adaily(sources, cache=cache, on_progress=view, watch=view.watch,
                               prices=price_table(prices, r.env, base_url=settings.base_url), **run_args))  # type: ignore[arg-type]
    except InputError as exc:  # no article of that day (the message lists the days that have some)
        err(str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    except UsageError as exc:
        err(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        err("interrupted: finished briefings are in the cache; run the same command again to brief the rest")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        view.close()


def _daily_sources(r: Routine, day: dt.date, undated: str, settings, cache_dir, no_cache, quiet):  # noqa: ANN001, ANN202
    """The sources ``adaily`` reads: as given, or (URLs, feeds, OPML, stdin among them) the articles read here,
    fetched with the page cache; fetch failures and feed notes are named on stderr."""
    from ..errors import InputError
    from ..run.daily import choose
    from ..run.sources import load_sources
    from .routine import remote

    if not remote(r.sources) and all(isinstance(s, str) for s in r.sources):
        return r.sources
    policy, pages = r.fetching(cache_dir, no_cache)
    found = load_sources(r.sources, exclude=[] if r.to_stdout else [r.out], max_chars=settings.max_chars,
                         fetch_policy=policy, page_cache=pages)
    if not quiet:
        report.name_failures(found.failures)
        for note in found.notes:
            err(note)
    choice = choose(found.articles, day, undated)  # type: ignore[arg-type]
    if not choice.chosen:
        days = ", ".join(f"{d.isoformat()} ({n})" for d, n in sorted(choice.days.items(), reverse=True)[:7]) or "none"
        raise InputError(f"no article of {day.isoformat()} among {len(found.articles)} read from "
                         f"{', '.join(str(s) for s in r.sources if isinstance(s, str))}; days with articles: {days}. "
                         "Pick a day with --date YYYY-MM-DD (or --undated include for undated ones)")
    return found.articles


def _daily_report(result, r: Routine, quiet: bool) -> None:  # noqa: ANN001
    from ..run.daily import write_daily
    from .command import EXIT_FAILED, EXIT_FATAL
    from .routine import record, render, requests_of

    page = None
    if r.to_stdout:
        if result.run.stopped is None:
            typer.echo(render(result.digest, r.fmt or "md"), nl=False)
    else:
        written = write_daily(result, r.out)
        report.written(written, quiet)
        page = next((p for p in written.paths if p.suffix == ".html"), None)
    report.daily(result, r.out, quiet)
    warning = record(r, result.digest, command="daily", page=page, stopped=result.run.stopped,
                     requests=requests_of(result.run))
    if warning:
        report.warn(warning)
    if result.run.stopped:
        report.fatal(result.run)
        raise typer.Exit(EXIT_FATAL)
    if result.digest.failures:
        raise typer.Exit(EXIT_FAILED)
