"""The command line's options, shared by the commands (``summarize/app/cli.py``).

Only typer and the standard library are imported here: ``summarize --help`` reads this module, and the
model client must not load for it. Defaults that the library also holds are repeated as literals;
``tests/app/test_cli_startup.py`` checks they agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

MODES = ("json_schema", "tools", "json")  # summarize.settings.MODES
DEFAULT_CONCURRENCY = 4  # summarize.llm.limiter.DEFAULT_CONCURRENCY
DEFAULT_POLL_INTERVAL = 30.0  # summarize.run.batch.DEFAULT_POLL_INTERVAL
DEFAULT_MAX_FILES = 50  # summarize.app.mcp.DEFAULT_MAX_FILES

PathsArg = Annotated[
    Optional[list[str]],
    typer.Argument(help="Article files and folders (read recursively: .txt .md .html .htm .json), web pages and "
                   "RSS/Atom feeds by URL, OPML files of feeds, or - for one article on stdin (default: the config "
                   "file's sources).", metavar="SOURCE", show_default=False),
]
OutOpt = Annotated[Optional[Path], typer.Option(
    "--out", "-o", metavar="DIR", show_default=False,
    help="Output folder (default: the config file's out, else out); - writes the digest to stdout in --format.")]
FormatOpt = Annotated[Optional[str], typer.Option(
    "--format", metavar="md|json|html", help="What -o - writes to stdout (default md); a folder gets all three.")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", metavar="FILE", help="Config file (TOML: sources, out, model, base_url, lang, ...; env SUMMARIZE_CONFIG; "
    "default ./summarize.toml, else ~/.config/summarize/summarize.toml). Flags and env win over it.")]
HistoryOpt = Annotated[Optional[Path], typer.Option(
    "--history", metavar="FILE",
    help="History database this run is recorded in (env SUMMARIZE_HISTORY; default ~/.local/share/summarize/history.sqlite).")]
NoHistoryOpt = Annotated[bool, typer.Option("--no-history", help="Do not record this run in the history.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", metavar="NAME", help="Model name (env SUMMARIZE_MODEL; default gpt-4o-mini).")]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option("--base-url", metavar="URL", help="OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1 (env OPENAI_BASE_URL).")
]
ModeOpt = Annotated[
    Optional[str], typer.Option("--mode", metavar="MODE", help=f"Structured output mode: {', '.join(MODES)} (env SUMMARIZE_MODE; default json_schema).")
]
LangOpt = Annotated[Optional[str], typer.Option("--lang", metavar="LANG", help="Language of the descriptive fields (env SUMMARIZE_LANG; default en).")]
RecordOpt = Annotated[Optional[Path], typer.Option("--record", metavar="DIR", help="Record the HTTP exchanges into DIR.")]
ReplayOpt = Annotated[
    Optional[Path], typer.Option("--replay", metavar="DIR", help="Answer from recordings in DIR; never touches the network.")
]
ConcurrencyOpt = Annotated[
    int, typer.Option("--concurrency", "-j", min=1, metavar="N", help="Requests to the model in flight at once, across all articles "
                      "(e.g. a llama.cpp server's --parallel slots); outputs keep input order.")
]
WorkersOpt = Annotated[
    int, typer.Option("--workers", min=1, metavar="N", help="Processes that brief the articles, each with its share of "
                      "--concurrency: the CPU around the model on N cores, for runs with many requests in flight.")
]
MaxCharsOpt = Annotated[
    Optional[int],
    typer.Option("--max-chars", min=1, metavar="N", help="Longest article briefed, in characters of its text; a longer one fails "
                 "before any request (default 100000; env SUMMARIZE_MAX_CHARS)."),
]
PricesOpt = Annotated[
    Optional[Path],
    typer.Option("--prices", metavar="FILE", help="Price table (JSON, per million tokens) for a cost estimate (env SUMMARIZE_PRICES)."),
]
AliasesOpt = Annotated[
    Optional[Path],
    typer.Option("--aliases", metavar="FILE", help="Extra alias table (JSON, same format as summarize/data/aliases.json) merged over the built-in one."),
]
ChunkOpt = Annotated[
    Optional[int],
    typer.Option("--chunk-chars", metavar="N", help="Characters of cleaned text per part; longer articles are split at sentence ends "
                 "(default 1800; decision passes read half of it; env SUMMARIZE_CHUNK_CHARS)."),
]
DepthOpt = Annotated[
    Optional[int],
    typer.Option("--depth", metavar="N", help="Passes per part: 1 (one request asks for all four lists), 2 or 3 (focused passes: "
                 "more found, more requests; default 3; env SUMMARIZE_DEPTH)."),
]
TimeoutOpt = Annotated[
    Optional[float],
    typer.Option("--timeout", metavar="SECONDS", help="Seconds to wait for one answer of the model (env SUMMARIZE_TIMEOUT; default 120, "
                 "or 300 for a server on this machine or a private network, where a CPU model may be slow)."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and warnings: no progress, summary or "
                                       "'wrote' lines.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Brief every article anew; read and write no cache.")]
BatchOpt = Annotated[
    bool,
    typer.Option("--batch", help="Send the first round of requests through the OpenAI Batch API, then finish online; "
                 "resumable (state in OUT/.batch/)."),
]
PollOpt = Annotated[float, typer.Option("--poll-interval", min=0, metavar="SECONDS", help="Seconds between batch status checks (with --batch).")]
EventsOpt = Annotated[str, typer.Option(
    "--events", metavar="rules|model", help="How decisions of several sources are joined into events: 'rules' (deterministic, no "
                     "model call) or 'model' (rules, then one model call that relates items by id only).",
)]
HeadlineOpt = Annotated[bool, typer.Option(
    "--headline", help="One model call writes a 3-5 sentence headline from digest items; every sentence "
                       "carries the source tags of the items it rests on (untagged ones are rejected).",
)]
CacheDirOpt = Annotated[
    Optional[Path],
    typer.Option("--cache-dir", metavar="DIR", help="Briefing cache folder (env SUMMARIZE_CACHE_DIR; default ~/.cache/summarize)."),
]
DateOpt = Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="The day to brief, YYYY-MM-DD (default: today).")]
UndatedOpt = Annotated[str, typer.Option(
    "--undated", metavar="skip|include|file-time", help="Articles that state no date: 'skip' (leave them out and name them), 'include' (brief "
    "them on this page, marked undated), 'file-time' (date them by their file's modification time).")]
RootOpt = Annotated[
    Optional[list[Path]],
    typer.Option("--root", metavar="DIR", help="A folder whose article files the tools may read (repeatable; default: the "
                                "working directory). Nothing outside, hidden or of another type is read."),
]
MaxFilesOpt = Annotated[int, typer.Option("--max-files", min=1, metavar="N", help="Most article files one build_digest call may name.")]
