"""The ``summarize`` command: parsing, calling the library, printing. The only place that prints or exits.

Exit status: 0 every article briefed; 1 some articles failed (the digest is still written); 2 usage or
configuration error (nothing was sent to a model); 3 the run stopped on a fatal error (bad key, no quota,
unknown model, no server): the previous digest is left in place; 130 interrupted.

Start-up stays cheap: this module imports typer and the options only; each command imports the library
parts it needs (the model client, openai and instructor, load only when a command runs).

The process is the command's only when :func:`main` starts it: then, and only then, the cyclic garbage
collector is tuned for a short command (see :data:`.command.GC_YOUNG`); ``app()`` called in-process leaves it
alone.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import report
from .options import (
    DEFAULT_CONCURRENCY, DEFAULT_MAX_FILES, DEFAULT_POLL_INTERVAL, AliasesOpt, BaseUrlOpt, BatchOpt, CacheDirOpt,
    ChunkOpt, ConcurrencyOpt, ConfigOpt, DepthOpt, EventsOpt, FormatOpt, HeadlineOpt, HistoryOpt, LangOpt,
    MaxCharsOpt, MaxFilesOpt, ModelOpt, ModeOpt, NoCacheOpt, NoHistoryOpt, OutOpt, PathsArg, PollOpt, PricesOpt,
    QuietOpt, RecordOpt, ReplayOpt, RootOpt, TimeoutOpt, WorkersOpt,
)
from .command import (  # noqa: F401  (the exit codes are part of the command's face)
    EXIT_FAILED, EXIT_FATAL, EXIT_INTERRUPTED, EXIT_USAGE, _freeze_startup, _own_process_gc, _own_process_logging, _passes,
    _raise_interrupt, _resolver, _settings, _usage_errors,
)
from .daily_cmd import register as register_daily
from .history_cmd import register as register_history
from .report import err

if TYPE_CHECKING:
    from .routine import Routine

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into grounded briefings and one cross-source digest.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help like click's neighbours: no <bool> after flags, paragraphs re-wrapped
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news articles into grounded briefings and one cross-source digest."""

def _check_batch(batch: bool, *, recording: bool, to_stdout: bool, workers: int = 1) -> None:
    from ..errors import UsageError

    if batch and workers > 1:
        raise UsageError("--workers is for runs online: the Batch API answers a batch run; drop one of them")
    if batch and recording:
        raise UsageError("--batch cannot be combined with --record or --replay: run one of them at a time")
    if batch and to_stdout:
        raise UsageError("--batch keeps its state in OUT/.batch/: give an output folder with -o DIR")


@app.command()
def digest(
    ctx: typer.Context,
    paths: PathsArg = None,
    out: OutOpt = None,
    fmt: FormatOpt = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    lang: LangOpt = None,
    record: RecordOpt = None,
    replay: ReplayOpt = None,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    chunk_chars: ChunkOpt = None,
    depth: DepthOpt = None,
    timeout: TimeoutOpt = None,
    concurrency: ConcurrencyOpt = DEFAULT_CONCURRENCY,
    workers: WorkersOpt = 1,
    max_chars: MaxCharsOpt = None,
    prices: PricesOpt = None,
    aliases: AliasesOpt = None,
    events: EventsOpt = "rules",
    headline: HeadlineOpt = False,
    batch: BatchOpt = False,
    poll_interval: PollOpt = DEFAULT_POLL_INTERVAL,
    history: HistoryOpt = None,
    no_history: NoHistoryOpt = False,
) -> None:
    """Brief every article and merge them: writes digest.json, digest.md, digest.html and briefings/<id>.json
    (or, with -o -, the digest to stdout). Every run is recorded in the history (summarize log).

    Briefings are cached by content: a rerun only asks the model for new or changed articles. The cache is
    off with --no-cache, and when recording or replaying (those runs must reach the model or the recordings).
    Fetched pages and feeds are cached too, so a rerun sends conditional requests.
    """
    from ..render.files import check_writable
    from ..run.cache import run_cache
    from ..run.pricing import price_table
    from .routine import routine

    with _usage_errors():
        r = routine("digest", paths, out, config=config, fmt=fmt, history=history, no_history=no_history)
        _check_batch(batch, recording=record is not None or replay is not None, to_stdout=r.to_stdout, workers=workers)
        settings = _settings(model, base_url, mode, lang, record, replay, chunk_chars, depth, max_chars, timeout,
                             env=r.env)
        concurrency = r.concurrency(concurrency, ctx)
        table = price_table(prices, r.env, base_url=settings.base_url)
        policy, pages = r.fetching(cache_dir, no_cache)
        run_args = dict(resolver=_resolver(aliases), passes=_passes(events, headline), prices=table,
                        cache=run_cache(settings, no_cache=no_cache, directory=r.cache_dir(cache_dir),
                                        on_warning=report.warn),
                        concurrency=concurrency, exclude=[] if r.to_stdout else [r.out])
        run_args.update(fetch_policy=policy, page_cache=pages, **({"workers": workers} if workers > 1 else {}))
        if not r.to_stdout:
            check_writable(r.out)
    started = time.monotonic()
    result, view = _digest_run(r, settings, run_args, quiet=quiet, batch=batch, poll_interval=poll_interval)
    _digest_report(result, view, r, started=started, concurrency=concurrency)


def _digest_run(r: Routine, settings, run_args, *, quiet, batch, poll_interval):  # noqa: ANN001, ANN202
    """Run ``digest`` (online or ``--batch``) with SIGTERM taken as Ctrl-C; the run and its view."""
    from ..errors import BatchError
    from ..llm.watch import server_watch
    from ..sync import run_main

    # the requests in flight are watched in this process; worker processes send their own
    watch = server_watch(settings) if settings.replay_dir is None and not batch and "workers" not in run_args else None
    view = report.RunView(quiet=quiet, watch=watch, briefings=None if r.to_stdout else r.out / "briefings")
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with _usage_errors():
            if batch:
                return _run_batch(r.sources, r.out, settings, view, poll_interval, run_args), view
            from ..run.pipeline import arun

            _freeze_startup()
            return run_main(arun(r.sources, settings=settings, on_progress=view, watch=watch, **run_args)), view
    except BatchError as exc:
        err(str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    except KeyboardInterrupt:
        view.close()
        kept = [] if r.to_stdout else [f"{r.out / 'briefings'}/"]
        where = " and ".join(kept + (["the cache"] if run_args["cache"] else [])) or "nowhere (no cache, no folder)"
        err(f"interrupted: {len(view.finished)} finished briefings are kept in {where}; "
            "run the same command again to brief the rest"
            + (f" (a submitted batch keeps running; the rerun resumes it from {r.out / '.batch'}/)" if batch else ""))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        view.close()


def _digest_report(result, view, r: Routine, *, started: float, concurrency: int) -> None:  # noqa: ANN001
    """Write the digest (or keep the previous one; or print it with -o -), record the run in the history,
    print what happened, exit with the run's status."""
    from ..errors import ReplayMiss
    from ..render.files import write_digest
    from .routine import record, render, requests_of

    report.unannounced(result, view)
    page = None
    if r.to_stdout:
        if result.stopped is None:
            typer.echo(render(result.digest, r.fmt or "md"), nl=False)
    else:
        done = write_digest(result.digest, r.out, stopped=result.stopped is not None)
        report.written(done, view.quiet)
        page = next((p for p in done.paths if p.suffix == ".html"), None)
        if result.briefings and not view.quiet:
            typer.echo(f"wrote {len(result.briefings)} briefings to {r.out / 'briefings'}/")
    if not view.quiet:
        from_cache = sum(b.meta.cached for b in result.briefings)
        report.summary(result.digest, from_cache, time.monotonic() - started)
    report.passes(result.digest, view.quiet)
    if not view.quiet and result.lowest_concurrency is not None and result.lowest_concurrency < concurrency:
        err(f"the server pushed back (429 or low rate-limit headers): concurrency went down to {result.lowest_concurrency}")
    warning = record(r, result.digest, command="digest", page=page, stopped=result.stopped,
                     requests=requests_of(result))
    if warning:
        report.warn(warning)
    if result.stopped:
        report.fatal(result)
        raise typer.Exit(EXIT_FATAL)
    if result.failures:
        if any(f.error_kind == ReplayMiss.__name__ for f in result.failures):
            err(f"some articles have no recording: {ReplayMiss.fix}")
        raise typer.Exit(EXIT_FAILED)


def _run_batch(paths, out, settings, view, poll_interval, run_args):  # noqa: ANN001, ANN202
    """``digest --batch``: the Batch API run (summarize/run/batch.py), its status lines on stderr."""
    from ..run.batch import arun_batch
    from ..sync import run_main

    def status(event) -> None:  # noqa: ANN001
        if not view.quiet:
            err(event.message)

    done = run_main(arun_batch(paths, state_dir=out / ".batch", settings=settings, on_batch=status,
                                  on_progress=view, poll_interval=poll_interval, **run_args))
    if not view.quiet:
        err(f"batch: {done.from_batch} answers from the batch, {done.online} requests online "
            f"({done.fallback} batch failures, the rest re-asks and split parts); state in {done.state_file}")
    return done.run


register_daily(app)  # summarize/app/daily_cmd.py; here, so --help lists it after digest


@app.command()
def brief(
    file: Annotated[str, typer.Argument(help="One article file, a web page by URL, or - for stdin.",
                                        metavar="SOURCE", show_default=False)],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    lang: LangOpt = None,
    record: RecordOpt = None,
    replay: ReplayOpt = None,
    chunk_chars: ChunkOpt = None,
    depth: DepthOpt = None,
    timeout: TimeoutOpt = None,
    max_chars: MaxCharsOpt = None,
) -> None:
    """Brief one article and print the briefing as JSON."""
    from ..briefing.brief import brief as brief_article
    from ..errors import SummarizeError
    from .routine import one_article

    with _usage_errors():
        settings = _settings(model, base_url, mode, lang, record, replay, chunk_chars, depth, max_chars, timeout)
        article = one_article(file, max_chars=settings.max_chars)
    try:
        briefing = brief_article(article, settings=settings)
    except SummarizeError as exc:
        err(f"{type(exc).__name__}: {exc}")
        if exc.fix:
            err(exc.fix)
        raise typer.Exit(EXIT_FAILED) from None
    typer.echo(briefing.model_dump_json(indent=2))


@app.command("schema")
def schema_cmd(
    name: Annotated[Optional[str], typer.Argument(help="briefing or digest")] = None,
    write: Annotated[
        Optional[Path], typer.Option("--write", metavar="DIR", help="Regenerate every schema file into this folder (e.g. schemas/).")
    ] = None,
) -> None:
    """Print the JSON Schema of a briefing or a digest, or regenerate the schema files."""
    from ..render import json_schema as schemas

    if write is not None:
        for path in schemas.write_all(write):
            typer.echo(f"wrote {path}")
        return
    if name not in schemas.MODELS:
        err(f"name a schema: {' or '.join(schemas.MODELS)} (e.g. summarize schema briefing)")
        raise typer.Exit(EXIT_USAGE)
    typer.echo(schemas.render(name), nl=False)


@app.command("mcp")
def mcp_cmd(
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    lang: LangOpt = None,
    replay: ReplayOpt = None,
    timeout: TimeoutOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    concurrency: ConcurrencyOpt = DEFAULT_CONCURRENCY,
    root: RootOpt = None,
    max_files: MaxFilesOpt = DEFAULT_MAX_FILES,
    allow_fetch: Annotated[bool, typer.Option("--allow-fetch", help="Let the tools fetch http(s) URLs of pages and "
                                              "feeds (public addresses only).")] = False,
    allow_private_fetch: Annotated[bool, typer.Option("--allow-private-fetch", help="With --allow-fetch: also "
                                                      "addresses on this machine or a private network.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Serve the tools brief_article, build_digest, get_schema, history and log over MCP (stdio), for MCP clients.

    Settings as for the other commands (flags, then env). Without a key or base URL the server still starts
    and each tool call answers with an error naming the fix. build_digest uses the briefing cache unless
    --no-cache or --replay. The tools read article files only inside the --root folders, and fetch URLs only
    with --allow-fetch.
    """
    from ..run.cache import run_cache
    from ..article.fetch import FetchPolicy
    from ..errors import UsageError
    from .mcp import create_server, server_settings

    from ..config import load

    with _usage_errors():
        cfg = load(config)  # settings the config file gives sit below the environment; flags win over both
        settings = server_settings(model=model, base_url=base_url, mode=mode, lang=lang, replay=replay, timeout=timeout,
                                   env=cfg.as_env())
        cache_dir = cache_dir or (Path(str(cfg.settings["cache_dir"])).expanduser() if "cache_dir" in cfg.settings else None)
        cache = run_cache(settings, no_cache=no_cache, directory=cache_dir, on_warning=report.warn)
        if allow_private_fetch and not allow_fetch:
            raise UsageError("--allow-private-fetch widens --allow-fetch: pass both, or neither")
        fetch = FetchPolicy(allow_private=allow_private_fetch) if allow_fetch else None
        server = create_server(settings, cache=cache, concurrency=concurrency, roots=root or None, max_files=max_files,
                               fetch=fetch)
    server.run("stdio")


register_history(app)


def main() -> None:
    _own_process_gc()
    _own_process_logging()
    try:
        app()
    except KeyboardInterrupt:
        err("interrupted; briefings finished so far are in the output folder")
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
