"""The ``summarize`` command: a thin layer over the library. The only place that prints or exits.

Exit status: 0 every article briefed; 1 some articles failed (the digest is still written); 2 usage or
configuration error (nothing was sent to a model); 3 the run stopped on a fatal error (bad key, no quota,
unknown model, no server): the previous digest is left in place; 130 interrupted.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..render import json_schema as schemas
from ..briefing.brief import brief as brief_one
from ..run.cache import BriefingCache, default_cache_dir
from ..run.daily import adaily, check_undated, dating_lines, parse_day, write_daily
from ..article.load import load_article
from ..run.pipeline import DEFAULT_CONCURRENCY, Passes, Progress, arun
from ..render.markdown import render, undated_items
from ..render.html import render_html
from ..models import Failure
from ..run.pricing import PriceTable
from .history_cmd import register as register_history
from .progress import DEFAULT_INTERVAL, ProgressDisplay
from ..llm.client import server_watch
from ..digest.entities import Resolver, load_aliases
from ..run.batch import DEFAULT_POLL_INTERVAL, BatchEvent, arun_batch
from ..errors import BatchError, InputError, ModelServerError, ReplayMiss, SummarizeError, UsageError
from ..render.files import check_writable, write_atomic
from ..llm.replay import Cassette
from ..briefing.prompts import prompt_version
from ..settings import MODES, Settings, resolve_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into grounded briefings and one cross-source digest.",
    pretty_exceptions_enable=False,
)

ModelOpt = Annotated[Optional[str], typer.Option("--model", help="Model name (env SUMMARIZE_MODEL; default gpt-4o-mini).")]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option("--base-url", help="OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1 (env OPENAI_BASE_URL).")
]
ModeOpt = Annotated[
    Optional[str], typer.Option("--mode", help=f"Structured output mode: {', '.join(MODES)} (env SUMMARIZE_MODE; default json_schema).")
]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language of the descriptive fields (env SUMMARIZE_LANG; default en).")]
RecordOpt = Annotated[Optional[Path], typer.Option("--record", help="Record the HTTP exchanges into DIR.")]
ReplayOpt = Annotated[
    Optional[Path], typer.Option("--replay", help="Answer from recordings in DIR; never touches the network.")
]
ConcurrencyOpt = Annotated[
    int, typer.Option("--concurrency", "-j", min=1, help="Requests to the model in flight at once, across all articles "
                      "(e.g. a llama.cpp server's --parallel slots); outputs keep input order.")
]
MaxCharsOpt = Annotated[
    Optional[int],
    typer.Option("--max-chars", min=1, help="Longest article briefed, in characters of its text; a longer one fails "
                 "before any request (default 100000; env SUMMARIZE_MAX_CHARS)."),
]
PricesOpt = Annotated[
    Optional[Path],
    typer.Option("--prices", help="Price table (JSON, per million tokens) for a cost estimate (env SUMMARIZE_PRICES)."),
]
AliasesOpt = Annotated[
    Optional[Path],
    typer.Option("--aliases", help="Extra alias table (JSON, same format as summarize/data/aliases.json) merged over the built-in one."),
]
ChunkOpt = Annotated[
    Optional[int],
    typer.Option("--chunk-chars", help="Characters of cleaned text per part; longer articles are split at sentence ends "
                 "(default 1800; decision passes read half of it; env SUMMARIZE_CHUNK_CHARS)."),
]
DepthOpt = Annotated[
    Optional[int],
    typer.Option("--depth", help="Passes per part: 1 (one request asks for all four lists), 2 or 3 (focused passes: "
                 "more found, more requests; default 3; env SUMMARIZE_DEPTH)."),
]
TimeoutOpt = Annotated[
    Optional[float],
    typer.Option("--timeout", help="Seconds to wait for one answer of the model (env SUMMARIZE_TIMEOUT; default 120, "
                 "or 300 for a server on this machine or a private network, where a CPU model may be slow)."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Brief every article anew; read and write no cache.")]
BatchOpt = Annotated[
    bool,
    typer.Option("--batch", help="Send the first round of requests through the OpenAI Batch API, then finish online; "
                 "resumable (state in OUT/.batch/)."),
]
PollOpt = Annotated[float, typer.Option("--poll-interval", min=0, help="Seconds between batch status checks (with --batch).")]
EventsOpt = Annotated[str, typer.Option(
    "--events", help="How decisions of several sources are joined into events: 'rules' (deterministic, no "
                     "model call) or 'model' (rules, then one model call that relates items by id only).",
)]
HeadlineOpt = Annotated[bool, typer.Option(
    "--headline", help="One model call writes a 3-5 sentence headline from digest items; every sentence "
                       "carries the source tags of the items it rests on (untagged ones are rejected).",
)]
CacheDirOpt = Annotated[
    Optional[Path],
    typer.Option("--cache-dir", help="Briefing cache folder (env SUMMARIZE_CACHE_DIR; default ~/.cache/summarize)."),
]


_FATAL_FIX = {
    "AuthenticationError": "check OPENAI_API_KEY (or --base-url for a local server), then run the same command again",
    "PermissionDeniedError": "this key may not use that model or endpoint: check --model and the key's permissions",
    "NotFoundError": "the server does not know that model or endpoint: check --model and --base-url",
    "RateLimitError": "the account has no quota left: add credit or use another key, then run the same command again",
}


def _raise_interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends a run like Ctrl-C: finished briefings are kept, the rest is left for a rerun."""
    raise KeyboardInterrupt


def _err(message: str) -> None:
    typer.echo(f"summarize: {message}", err=True)


def _settings(model, base_url, mode, lang, record, replay, chunk_chars=None, depth=None, max_chars=None,  # noqa: ANN001
              timeout=None) -> Settings:
    settings = resolve_settings(model=model, base_url=base_url, mode=mode, lang=lang, record=record, replay=replay,
                                chunk_chars=chunk_chars, depth=depth, max_chars=max_chars, timeout=timeout)
    settings.check_reachable()
    return settings


def _passes(events: str, headline: bool) -> Passes:
    if events not in ("rules", "model"):
        raise UsageError(f"--events {events!r}: use 'rules' or 'model'")
    return Passes(events=events == "model", headline=headline)


def write_manifest(settings: Settings) -> None:
    """Record in a recording folder what its requests depend on, so ``--replay DIR`` alone matches them."""
    if settings.record_dir is None:
        return
    Cassette(settings.record_dir).write_manifest(
        {"model": settings.model, "mode": settings.mode, "lang": settings.lang, "depth": settings.depth,
         "chunk_chars": settings.chunk_chars, "prompt_version": prompt_version()}
    )


EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_FATAL = 3


def _fatal(stopped: str) -> None:
    """Say why the run stopped, and what to do unless the message says so itself (a ModelServerError does)."""
    _err(f"stopped after a fatal error; the other articles were not attempted: {stopped}")
    kind = stopped.split(":", 1)[0]
    if kind != ModelServerError.__name__:
        _err(_FATAL_FIX.get(kind, "fix the cause above and run the same command again"))


def _progress_interval() -> float:
    """Seconds between status lines when stderr is not a terminal (``SUMMARIZE_PROGRESS_INTERVAL``; 0: none)."""
    raw = os.environ.get("SUMMARIZE_PROGRESS_INTERVAL", "")
    try:
        return float(raw) if raw else DEFAULT_INTERVAL
    except ValueError:
        return DEFAULT_INTERVAL


def _name_failures(failures: list[Failure]) -> None:
    """Name on stderr the failures no progress event announced (files that could not be read as articles),
    and count the articles a fatal stop left unattempted instead of listing each."""
    skipped = [f for f in failures if f.error_kind == "NotAttempted"]
    for f in failures:
        if f.error_kind != "NotAttempted":
            _err(f"{f.article_id}: FAILED {f.error_kind}: {f.message}")
    if skipped:
        _err(f"{len(skipped)} articles not attempted after the fatal error: "
             + ", ".join(f.article_id for f in skipped[:5]) + (", ..." if len(skipped) > 5 else ""))


def _kept_outputs(paths: list[Path]) -> str:
    """What a run that will not write ``paths`` leaves behind, for the message that says so."""
    existing = [p for p in paths if p.exists()]
    if not existing:
        return "no digest was written"
    when = dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in existing)).strftime("%Y-%m-%d %H:%M")
    return f"the previous {', '.join(p.name for p in existing)} (written {when}) are left as they were"


@app.command()
def digest(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files and/or folders (read recursively: .txt .md .html .htm .json).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
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
    max_chars: MaxCharsOpt = None,
    prices: PricesOpt = None,
    aliases: AliasesOpt = None,
    events: EventsOpt = "rules",
    headline: HeadlineOpt = False,
    batch: BatchOpt = False,
    poll_interval: PollOpt = DEFAULT_POLL_INTERVAL,
) -> None:
    """Brief every article and merge them: writes digest.json, digest.md, digest.html and briefings/<id>.json.

    Briefings are cached by content: a rerun only asks the model for new or changed articles. The cache is
    off with --no-cache, and when recording or replaying (those runs must reach the model or the recordings).
    """
    try:
        if batch and (record is not None or replay is not None):
            raise UsageError("--batch cannot be combined with --record or --replay: run one of them at a time")
        settings = _settings(model, base_url, mode, lang, record, replay, chunk_chars, depth, max_chars, timeout)
        prices = prices or (Path(os.environ["SUMMARIZE_PRICES"]) if os.environ.get("SUMMARIZE_PRICES") else None)
        table = PriceTable.load(prices) if prices else None
        resolver = Resolver(load_aliases(aliases)) if aliases else None
        passes = _passes(events, headline)
        check_writable(out)
        write_manifest(settings)
    except UsageError as exc:
        _err(str(exc))
        raise typer.Exit(2)

    started = time.monotonic()
    briefings_dir = out / "briefings"
    finished: list[str] = []
    reported: set[str] = set()  # failures already named on stderr as they happened

    display: list[ProgressDisplay] = []  # created on the first event, when the total is known
    live = sys.stderr.isatty()  # a terminal redraws one line; a log gets a status line now and then
    watch = server_watch(settings) if settings.replay_dir is None and not batch else None

    def progress(p: Progress) -> None:
        if p.briefing is not None:
            finished.append(p.article_id)
            # Each briefing is written as soon as it exists: an interrupted run keeps what it finished.
            write_atomic(briefings_dir / f"{p.article_id}.json", p.briefing.model_dump_json(indent=2) + "\n")
        if quiet:
            return
        if p.status == "start" and p.article is not None and p.article.encoding != "utf-8":
            _err(f"{p.article.path or p.article_id}: not UTF-8, decoded as {p.article.encoding}")
        if p.failure is not None:
            reported.add(p.article_id)
            _err(f"[{p.index}/{p.total}] {p.article_id}: FAILED {p.failure.error_kind}: {p.failure.message}")
        if not display:
            display.append(ProgressDisplay(p.total, Console(stderr=True), watch=watch, live=live,
                                           interval=_progress_interval()).__enter__())
        display[0].update(p)

    cache = None
    if not no_cache and record is None and replay is None:
        cache = BriefingCache(cache_dir or default_cache_dir(), on_warning=lambda m: _err(f"warning: {m}"))
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        if batch:
            result = _run_batch(paths, out, settings, progress, cache, concurrency, resolver, poll_interval, quiet,
                                passes)
        else:
            result = asyncio.run(
                arun(
                    paths, settings=settings, on_progress=progress, cache=cache, exclude=[out],
                    concurrency=concurrency, resolver=resolver, passes=passes, watch=watch,
                )
            )
    except UsageError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    except BatchError as exc:
        _err(str(exc))
        raise typer.Exit(1)
    except KeyboardInterrupt:
        for d in display:
            d.__exit__()
        display.clear()
        where = f"{briefings_dir}/" + (" and the cache" if cache else "")
        _err(
            f"interrupted: {len(finished)} finished briefings are kept in {where}; "
            "run the same command again to brief the rest"
            + (f" (a submitted batch keeps running; the rerun resumes it from {out / '.batch'}/)" if batch else "")
        )
        raise typer.Exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
        for d in display:
            d.__exit__()

    if not quiet:
        _name_failures([f for f in result.failures if f.article_id not in reported])
    if result.skipped and not quiet:
        typer.echo(f"skipped {len(result.skipped)} files that are not articles:", err=True)
        for path, reason in result.skipped:
            typer.echo(f"  {path}: {reason}", err=True)
    if table is not None:
        result.digest.meta.cost_estimate = table.estimate(settings.model, result.digest.meta.spent)
    outputs = [out / "digest.json", out / "digest.md", out / "digest.html"]
    # A fatal stop, or a run that briefed nothing, never replaces a digest that exists: yesterday's good
    # page is worth more than "0 of 5 articles briefed".
    keep = result.stopped is not None or (not result.briefings and any(p.exists() for p in outputs))
    d = result.digest
    if keep:
        _err(f"{_kept_outputs(outputs)} in {out}/")
    else:
        write_atomic(outputs[0], d.model_dump_json(indent=2) + "\n")
        write_atomic(outputs[1], render(d))
        write_atomic(outputs[2], render_html(d))
        for path in outputs:
            typer.echo(f"wrote {path}")
    if result.briefings:
        typer.echo(f"wrote {len(result.briefings)} briefings to {briefings_dir}/")
    if not quiet:
        from_cache = sum(b.meta.cached for b in result.briefings)
        typer.echo(
            f"{d.meta.articles_briefed}/{d.meta.articles_total} articles briefed ({from_cache} from cache), "
            f"{len(d.failures)} failed, "
            f"{d.meta.tokens_line()}"
            + (f", ≈ {d.meta.cost_estimate:.4f} {table.currency}" if table and d.meta.cost_estimate is not None else "")
            + f", {time.monotonic() - started:.1f}s",
            err=True,
        )
    for report in result.digest.meta.passes:
        if report.status == "failed":
            _err(f"the {report.name} pass failed, the digest is written without it: {report.message}")
        elif not quiet:
            _err(f"{report.name} pass: {report.message}")
    if not quiet and result.lowest_concurrency is not None and result.lowest_concurrency < concurrency:
        _err(f"the server pushed back (429 or low rate-limit headers): concurrency went down to {result.lowest_concurrency}")
    if result.stopped:
        _fatal(result.stopped)
        raise typer.Exit(EXIT_FATAL)
    if result.failures:
        if any(f.error_kind == ReplayMiss.__name__ for f in result.failures):
            _err("some articles have no recording; record them with --record DIR against a live model")
        raise typer.Exit(EXIT_FAILED)


def _run_batch(paths, out, settings, progress, cache, concurrency, resolver, poll_interval, quiet, passes):  # noqa: ANN001, ANN202
    """``digest --batch``: the Batch API run (summarize/run/batch.py), its status lines on stderr."""

    def status(event: BatchEvent) -> None:
        if not quiet:
            _err(event.message)

    done = asyncio.run(arun_batch(
        paths, state_dir=out / ".batch", settings=settings, on_batch=status, on_progress=progress, cache=cache,
        exclude=[out], concurrency=concurrency, resolver=resolver, poll_interval=poll_interval, passes=passes,
    ))
    if not quiet:
        _err(f"batch: {done.from_batch} answers from the batch, {done.online} requests online "
             f"({done.fallback} batch failures, the rest re-asks and split parts); state in {done.state_file}")
    return done.run


@app.command()
def daily(
    inbox: Annotated[list[Path], typer.Argument(help="Folders and/or files of articles (read recursively).")],
    date: Annotated[Optional[str], typer.Option("--date", help="The day to brief, YYYY-MM-DD (default: today).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the daily briefings.")] = Path("briefings"),
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
    max_chars: MaxCharsOpt = None,
    aliases: AliasesOpt = None,
    events: EventsOpt = "rules",
    headline: HeadlineOpt = False,
    undated: Annotated[str, typer.Option(
        "--undated", help="Articles that state no date: 'skip' (leave them out and name them), 'include' (brief "
        "them on this page, marked undated), 'file-time' (date them by their file's modification time).")] = "skip",
) -> None:
    """Brief one day's articles: writes OUT/YYYY-MM-DD.json, .md and .html, marking what is new since the
    previous briefing in OUT and which stories continue.

    Articles count for a day by their publication date, else the latest date their text states; how each
    was dated is shown per article. Undated ones are left out unless --undated says otherwise. Briefings are
    cached, so running the same day again makes no model call and writes the same files.
    """
    try:
        check_undated(undated)
        day = parse_day(date) if date else dt.date.today()
        settings = _settings(model, base_url, mode, lang, None, replay, max_chars=max_chars, timeout=timeout)
        resolver = Resolver(load_aliases(aliases)) if aliases else None
        passes = _passes(events, headline)
        check_writable(out)
    except UsageError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    cache = None if no_cache or replay is not None else BriefingCache(cache_dir or default_cache_dir(),
                                                                       on_warning=lambda m: _err(f"warning: {m}"))

    display: list[ProgressDisplay] = []
    watch = server_watch(settings) if settings.replay_dir is None else None

    def progress(p: Progress) -> None:
        if quiet:
            return
        if p.failure is not None:
            _err(f"[{p.index}/{p.total}] {p.article_id}: FAILED {p.failure.error_kind}: {p.failure.message}")
        if not display:
            display.append(ProgressDisplay(p.total, Console(stderr=True), watch=watch, live=sys.stderr.isatty(),
                                           interval=_progress_interval()).__enter__())
        display[0].update(p)

    try:
        result = asyncio.run(adaily(inbox, out_dir=out, day=day, settings=settings, cache=cache, on_progress=progress,
                                    concurrency=concurrency, resolver=resolver, passes=passes, watch=watch,
                                    undated=undated))  # type: ignore[arg-type]
    except InputError as exc:
        _err(str(exc))
        raise typer.Exit(1)
    except UsageError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    except KeyboardInterrupt:
        _err("interrupted: finished briefings are in the cache; run the same command again to brief the rest")
        raise typer.Exit(130)
    finally:
        for d in display:
            d.__exit__()
    d = result.digest
    stem = day.strftime("%Y-%m-%d")
    outputs = [out / f"{stem}.{ext}" for ext in ("json", "md", "html")]
    if result.run.stopped is not None or (not result.run.briefings and any(p.exists() for p in outputs)):
        _err(f"{_kept_outputs(outputs)} in {out}/")
    else:
        for path in write_daily(result, out):
            typer.echo(f"wrote {path}")
    for note in result.notes:
        _err(note)
    if not quiet:
        for line in dating_lines(result):
            _err(line)
        from_cache = sum(b.meta.cached for b in result.run.briefings)
        info = d.daily
        since = (f"; since {info.previous_date}: {info.new} new, {info.continuing} continuing{undated_items(d)}"
                 if info and info.previous_date else "; no previous briefing in " + str(out))
        _err(f"{d.meta.articles_briefed}/{d.meta.articles_total} articles of {day} briefed ({from_cache} from cache), "
             f"{len(d.failures)} failed{since}")
    if result.run.stopped:
        _fatal(result.run.stopped)
        raise typer.Exit(EXIT_FATAL)
    if d.failures:
        raise typer.Exit(1)


@app.command()
def brief(
    file: Annotated[Path, typer.Argument(help="One article file.")],
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
    try:
        settings = _settings(model, base_url, mode, lang, record, replay, chunk_chars, depth, max_chars, timeout)
        article = load_article(file, max_chars=settings.max_chars)
        write_manifest(settings)
    except UsageError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    try:
        briefing = brief_one(article, settings=settings)
    except SummarizeError as exc:
        _err(f"{type(exc).__name__}: {exc}")
        raise typer.Exit(1)
    typer.echo(briefing.model_dump_json(indent=2))


@app.command("schema")
def schema_cmd(
    name: Annotated[Optional[str], typer.Argument(help="briefing or digest")] = None,
    write: Annotated[
        Optional[Path], typer.Option("--write", help="Regenerate every schema file into this folder (e.g. schemas/).")
    ] = None,
) -> None:
    """Print the JSON Schema of a briefing or a digest, or regenerate the schema files."""
    if write is not None:
        for path in schemas.write_all(write):
            typer.echo(f"wrote {path}")
        return
    if name not in schemas.MODELS:
        _err(f"name a schema: {' or '.join(schemas.MODELS)} (e.g. summarize schema briefing)")
        raise typer.Exit(2)
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
    root: Annotated[
        Optional[list[Path]],
        typer.Option("--root", help="A folder whose article files the tools may read (repeatable; default: the "
                                    "working directory). Nothing outside, hidden or of another type is read."),
    ] = None,
    max_files: Annotated[
        int, typer.Option("--max-files", min=1, help="Most article files one build_digest call may name.")
    ] = 50,  # summarize.app.mcp.DEFAULT_MAX_FILES (not imported here: the MCP SDK is slow to import)
) -> None:
    """Serve the tools brief_article, build_digest and get_schema over MCP (stdio), for MCP clients.

    Settings as for the other commands (flags, then env). Without a key or base URL the server still starts
    and each tool call answers with an error naming the fix. build_digest uses the briefing cache unless
    --no-cache or --replay. The tools read article files only inside the --root folders.
    """
    from .mcp import create_server, server_settings

    try:
        settings = server_settings(model=model, base_url=base_url, mode=mode, lang=lang, replay=replay, timeout=timeout)
        cache = None if no_cache or replay is not None else BriefingCache(cache_dir or default_cache_dir(),
                                                                          on_warning=lambda m: _err(f"warning: {m}"))
        server = create_server(settings, cache=cache, concurrency=concurrency, roots=root or None, max_files=max_files)
    except UsageError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    server.run("stdio")


register_history(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted; briefings finished so far are in the output folder")
        sys.exit(130)


if __name__ == "__main__":
    main()
