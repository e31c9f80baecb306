"""The morning routine around a ``digest`` or ``daily`` run: the config file, the sources (files, folders,
URLs, feeds, OPML, ``-`` for stdin), the page cache, the history record, and a digest written to stdout.

The commands in :mod:`summarize.app.cli` call these; the library does the work (``summarize.config``,
``summarize.run.pipeline.load_sources``, ``summarize.run.history``). Nothing here prints: messages are returned.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..article.fetch import FetchPolicy, PageCache
    from ..config import Config
    from ..models import Article, Digest

FORMATS = ("md", "json", "html")
STDOUT = Path("-")
DEFAULT_OUT = {"digest": Path("out"), "daily": Path("briefings")}


@dataclass
class Routine:
    """What a command runs with after the config file: its sources, output, environment and history."""

    sources: list[str | Article]
    out: Path
    env: dict[str, str]
    config: Config
    fmt: str | None = None
    history: Path | None = None  # None: not recorded
    notes: list[str] = field(default_factory=list)

    @property
    def to_stdout(self) -> bool:
        return self.out == STDOUT

    def concurrency(self, given: int, ctx: object) -> int:
        """``-j`` when it was on the command line (``ctx``: the command's context), else the config file's
        ``concurrency``, else ``given`` (the default)."""
        source = getattr(ctx, "get_parameter_source", lambda name: None)("concurrency")
        typed = getattr(source, "name", "DEFAULT") not in ("DEFAULT", "DEFAULT_MAP")
        return given if typed or self.config.concurrency is None else self.config.concurrency

    def fetching(self, cache_dir: Path | None, no_cache: bool) -> tuple[FetchPolicy, PageCache | None]:
        """The fetch policy and the page cache (``<cache folder>/pages``; none with ``--no-cache``), so a rerun
        of the same feeds sends conditional requests."""
        from ..article.fetch import FetchPolicy, PageCache

        return FetchPolicy(), None if no_cache else PageCache(self.cache_dir(cache_dir) / "pages")

    def cache_dir(self, given: Path | None) -> Path:
        from ..run.cache import CACHE_ENV, default_cache_dir

        return given or (Path(self.env[CACHE_ENV]).expanduser() if self.env.get(CACHE_ENV) else default_cache_dir())


def routine(command: str, paths: list[str] | None, out: Path | None, *, config: Path | None, fmt: str | None,
            history: Path | None, no_history: bool, stdin: TextIO | None = None) -> Routine:
    """Read the config file (``--config``, ``SUMMARIZE_CONFIG``, ``./summarize.toml``...) and decide the run's
    sources (the arguments, else the file's), output (``-o``, else the file's ``out``, else the default) and
    history database. Raises :class:`~summarize.errors.UsageError` naming the fix."""
    from ..config import load
    from ..errors import UsageError
    from ..run.history import default_path

    cfg = load(config)
    env = cfg.as_env()
    sources: list[str | Article] = list(paths or cfg.sources)
    if not sources:
        raise UsageError(f"name the articles: summarize {command} FILES_OR_FOLDERS_OR_URLS, or list them as "
                         "sources = [...] in summarize.toml (or the file given with --config)")
    out = out if out is not None else cfg.out or DEFAULT_OUT[command]
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt is not None and out != STDOUT:
        raise UsageError(f"--format picks what -o - writes to stdout; the folder {out} gets all three formats. "
                         f"Add -o - to print the digest")
    done = Routine(sources, out, env, cfg, fmt=fmt or "md" if out == STDOUT else None,
                   history=None if no_history else (history or default_path(env)))
    done.sources = read_stdin(done.sources, stdin if stdin is not None else sys.stdin)
    return done


def read_stdin(sources: list[str | Article], stdin: TextIO) -> list[str | Article]:
    """``-`` among the sources: one article read from stdin (named ``stdin``)."""
    from ..article.load import article_from_text
    from ..errors import UsageError

    dashes = [s for s in sources if s == "-"]
    if not dashes:
        return sources
    if len(dashes) > 1:
        raise UsageError("- (stdin) may be given once: it is one article")
    text = stdin.read()
    article = article_from_text(text, id="stdin", path="-")  # InputError (a UsageError) when it is empty
    return [article if s == "-" else s for s in sources]


def one_article(source: str, *, max_chars: int | None, stdin: TextIO | None = None) -> Article:
    """``brief``'s article: a file, a web page by URL (fetched, never read as a path) or ``-`` (stdin)."""
    from ..article.fetch import is_url
    from ..article.load import article_from_text, load_article
    from ..errors import InputError

    if source == "-":
        return article_from_text((stdin if stdin is not None else sys.stdin).read(), id="stdin", path="-")
    if not is_url(source):
        return load_article(Path(source), max_chars=max_chars)
    from ..article.remote import from_urls

    got = from_urls([source], max_chars=max_chars)
    if got.failures and not got.articles:
        raise InputError(f"{source}: {got.failures[0][1]}", path=source)
    if len(got.articles) != 1:
        raise InputError(f"{source} is a feed of {len(got.articles)} articles: brief one of its pages, or all of "
                         f"them with: summarize digest {source}", path=source)
    return got.articles[0]


def render(digest: Digest, fmt: str) -> str:
    """The digest as ``md``, ``json`` or ``html`` text, as the files of an output folder hold it."""
    if fmt == "json":
        return digest.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        from ..render.html import render_html

        return render_html(digest)
    from ..render.markdown import render as render_markdown

    return render_markdown(digest)


def record(routine_: Routine, digest: Digest, *, command: str, page: Path | None = None,
           stopped: str | None = None, requests: int | None = None) -> str | None:
    """Record the run in the history database (unless ``--no-history``); a warning when that failed (the run's
    outputs are written whatever the history does)."""
    if routine_.history is None:
        return None
    import sqlite3

    from ..run.history import History

    try:
        History(routine_.history).record(digest, command=command, page=page, stopped=stopped, requests=requests)
    except (OSError, sqlite3.Error) as exc:
        return (f"this run was not recorded in the history {routine_.history} ({exc}); "
                "pass --history FILE to move it, or --no-history")
    return None


def requests_of(run: object) -> int:
    """Model requests a run made: its fresh briefings' calls and the digest passes' (cached briefings: none)."""
    briefings = getattr(run, "briefings", [])
    calls = sum(b.meta.llm_calls for b in briefings if not b.meta.cached)
    return calls + sum(p.llm_calls for p in run.digest.meta.passes)  # type: ignore[attr-defined]


def remote(sources: list[str | Article]) -> bool:
    """Does any source need fetching (a URL or an OPML file)?"""
    return any(isinstance(s, str) and (s.lower().startswith(("http://", "https://")) or s.lower().endswith(".opml"))
               for s in sources)
