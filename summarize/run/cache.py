"""A content-addressed cache of briefings, so a rerun only asks the model for what is missing.

The key is the SHA-256 of everything that decides a briefing: the article's text, the model, the content
of every prompt file (all of ``prompts/``, examples included, so an edited prompt is a miss even when
``prompts/VERSION`` was not bumped), the schema version, the mode, the output language and the request
budget (part size, token limits, re-asks, temperature). The article's file name is not part of it: the
same text under another name is a hit, and the returned briefing carries the current article's id and
metadata.

A cached briefing is served only if every quote still sits at its offsets in the article text; a stale or
tampered entry is a miss, briefed again and replaced.

Entries live in one SQLite file, ``DIR/cache.sqlite`` (:mod:`summarize.run.entries`: one insert per entry
instead of a new file, which cost this project's machines ~1 ms of CPU per model request). A write is atomic,
so an interrupted run never leaves half an entry, and several processes may share the file. The cache never
stops a run: an entry that cannot be read (not UTF-8, not a briefing) is a **warning** and a miss, and is
replaced; a database that cannot be read or written (not a database, a folder without permission) is a
warning and the run goes on without it. Warnings are collected in :attr:`BriefingCache.warnings` (each once)
and passed to ``on_warning`` if given; the library never prints them, the CLI does.

Beside the briefings, the file's ``articles`` table keeps what the heuristics read off each article's text (title,
source, date, language: :class:`~summarize.article.load.TextMeta`), so a rerun does not classify the lines
of a text it has seen (:class:`ArticleMemo`). Its key is the SHA-256 of the text and of the code that reads
it; an entry that cannot be read or is not what that code wrote is a miss, silently, and replaced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .._data import code_sha256, data_dir, files_sha256
from ..article.load import TextMeta, reader_sha256
from ..models import SCHEMA_VERSION, Article, ArticleRef, Briefing
from ..settings import Settings
from .entries import Entries

CACHE_ENV = "SUMMARIZE_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$SUMMARIZE_CACHE_DIR``, else ``$XDG_CACHE_HOME/summarize``, else ``~/.cache/summarize``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarize"


@lru_cache(maxsize=None)
def prompts_sha256() -> str:
    """SHA-256 over every file under ``prompts/`` (relative path and bytes, in path order). Read once per
    process, like the templates themselves (``summarize.briefing.prompts`` caches them too)."""
    folder = data_dir("prompts")
    return files_sha256(folder, sorted(p for p in folder.rglob("*") if p.is_file()))


# The code a cached briefing came from: reading and cleaning the text, numbering its sentences, grounding
# and vetting the answers, the word lists and alias table, the data types. An edit there is a miss, so an
# upgrade never serves a briefing the new rules would not make.
BRIEFING_CODE = ("article", "text", "briefing", "data", "models.py")


def cache_key(article: Article, settings: Settings) -> str:
    return _cache_key(article.sha256, prompts_sha256(), code_sha256(*BRIEFING_CODE), settings.model, settings.mode,
                      settings.lang, settings.chunk_chars, settings.depth, settings.max_tokens,
                      settings.summary_max_tokens, settings.reasks, settings.temperature)


@lru_cache(maxsize=1024, typed=True)  # a run asks for each article's key twice: to look it up, and to store its briefing
def _cache_key(text_sha256: str, prompts: str, code: str, model: str, mode: str, lang: str, chunk_chars: int,
               depth: int, max_tokens: int, summary_max_tokens: int, reasks: int, temperature: float) -> str:
    parts = {
        "text_sha256": text_sha256,
        "model": model,
        "prompts_sha256": prompts,
        "code_sha256": code,
        "schema_version": SCHEMA_VERSION,
        "mode": mode,
        "lang": lang,
        "chunk_chars": chunk_chars,
        "depth": depth,
        "max_tokens": max_tokens,
        "summary_max_tokens": summary_max_tokens,
        "reasks": reasks,
        "temperature": temperature,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def quotes_in_place(briefing: Briefing, text: str) -> bool:
    """True if every evidence quote of ``briefing`` is ``text[start:end]``, the invariant grounding set."""
    for items in (briefing.actors, briefing.decisions, briefing.weapons, briefing.open_questions):
        for item in items:
            for ev in item.evidence:
                if text[ev.start : ev.end] != ev.quote:
                    return False
    return True


Warn = Callable[[str], None]


def run_cache(
    settings: Settings, *, no_cache: bool = False, directory: str | os.PathLike[str] | None = None,
    on_warning: Warn | None = None,
) -> BriefingCache | None:
    """The cache a run uses, decided here for every command: none with ``no_cache``, and none when recording
    or replaying (those runs must reach the model, or the recordings); else ``directory`` (default
    :func:`default_cache_dir`)."""
    if no_cache or settings.record_dir is not None or settings.replay_dir is not None:
        return None
    return BriefingCache(directory or default_cache_dir(), on_warning=on_warning)


MEMO_VERSION = 1  # the layout of an ArticleMemo entry
_MEMO_FIELDS = ("title", "source", "published", "language")


def memo_key(sha256: str) -> str:
    """The key of a text's :class:`ArticleMemo` entry: its SHA-256, the entry layout and the code that reads
    metadata off a text (:func:`~summarize.article.load.reader_sha256`), so an edit of that code is a miss."""
    parts = {"text_sha256": sha256, "memo_version": MEMO_VERSION, "reader_sha256": reader_sha256()}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def _meta_of(raw: bytes) -> TextMeta | None:
    """The TextMeta an entry holds, or None for anything but an object of exactly its four fields."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested past the parser's depth
        return None
    if not isinstance(data, dict) or sorted(data) != sorted(_MEMO_FIELDS):
        return None
    if not all(data[name] is None or isinstance(data[name], str) for name in _MEMO_FIELDS):
        return None
    published = data["published"]
    if published is not None:
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            return None
    return TextMeta(title=data["title"], source=data["source"], published=published, language=data["language"])


CACHE_FILE = "cache.sqlite"  # in the cache folder: every briefing and article memo entry (summarize.run.entries)
TABLES = ("briefings", "articles")


def _entries(where: str | os.PathLike[str] | Entries) -> Entries:
    return where if isinstance(where, Entries) else Entries(Path(where) / CACHE_FILE, TABLES)


class ArticleMemo:
    """The metadata read off article texts (:class:`~summarize.article.load.TextMeta`), stored by
    :func:`memo_key` in the ``articles`` table of the cache file (``DIR/cache.sqlite``, or the
    :class:`~summarize.run.entries.Entries` given), and given to :func:`~summarize.article.load.load_article`
    as its ``memo``. It never stops a run and never warns: an entry that cannot be read or holds anything else
    is a miss (the text is read again and the entry replaced), and a cache that cannot be read or written is
    left alone for the rest of the run."""

    def __init__(self, where: str | os.PathLike[str] | Entries) -> None:
        self.entries = _entries(where)
        self._usable = True

    def get(self, sha256: str) -> TextMeta | None:
        if not self._usable:
            return None
        try:
            raw = self.entries.get("articles", memo_key(sha256))
        except (sqlite3.Error, OSError):
            self._usable = False
            return None
        return None if raw is None else _meta_of(raw)

    def put(self, sha256: str, meta: TextMeta) -> None:
        if not self._usable:
            return
        published = meta.published.isoformat() if meta.published is not None else None
        entry = {"title": meta.title, "source": meta.source, "published": published, "language": meta.language}
        try:
            self.entries.put("articles", memo_key(sha256), json.dumps(entry).encode("utf-8"))
        except (sqlite3.Error, OSError):  # e.g. a read-only cache: the texts are read each run, as without a memo
            self._usable = False


_FIX = "pass --cache-dir DIR or --no-cache"


class BriefingCache:
    """Briefings stored by :func:`cache_key` in the ``briefings`` table of ``DIR/cache.sqlite``
    (:mod:`summarize.run.entries`); the article metadata memo in its ``articles`` table (:attr:`articles`).
    ``on_warning`` (optional) hears each warning once."""

    def __init__(self, directory: str | os.PathLike[str], on_warning: Warn | None = None) -> None:
        self.directory = Path(directory)
        self.entries = _entries(self.directory)
        self.articles = ArticleMemo(self.entries)
        self.on_warning = on_warning
        self.warnings: list[str] = []  # problems met during this run, each once, in order
        self.corrupt: list[str] = []  # keys of entries found unreadable or stale (and removed) during this run
        self._readable = True
        self._writable = True

    @property
    def file(self) -> Path:
        """The database file the entries are in."""
        return self.entries.path

    def _warn(self, message: str) -> None:
        if message in self.warnings:
            return
        self.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)

    def _discard(self, key: str, why: str) -> None:
        """A bad entry: counted, removed if possible, reported; the article is briefed again."""
        self.corrupt.append(key)
        try:
            self.entries.delete("briefings", key)
        except (sqlite3.Error, OSError):
            pass  # the new briefing will replace it, or the write warning says why it cannot
        self._warn(f"cache entry {key} in {self.file} {why}; the article is briefed again and the entry replaced")

    def get(self, article: Article, settings: Settings) -> Briefing | None:
        """The cached briefing of ``article``, or None (a miss) if there is none or it cannot be trusted."""
        if not self._readable:
            return None
        key = cache_key(article, settings)
        try:
            raw = self.entries.get("briefings", key)
        except (sqlite3.Error, OSError) as exc:
            self._readable = False
            self._warn(f"cannot read the briefing cache {self.file} ({_reason(exc)}); cached briefings are not used. "
                       f"Delete that file to start a new cache, or {_FIX}")
            return None
        if raw is None:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._discard(key, "is not UTF-8 text")
            return None
        try:
            briefing = Briefing.model_validate_json(text)
        except (ValidationError, ValueError):
            self._discard(key, "is not a valid briefing")
            return None
        if not quotes_in_place(briefing, article.text):
            self._discard(key, "has quotes that are not at their offsets in the article (stale or edited)")
            return None
        ref = ArticleRef(
            id=article.id, title=article.title, source=article.source, published=article.published,
            language=article.language, sha256=article.sha256, copies=article.copies, near_copy_of=article.near_copy_of,
            url=article.url, author=article.author,
        )
        return briefing.model_copy(update={"article": ref, "meta": briefing.meta.model_copy(update={"cached": True})})

    def put(self, article: Article, settings: Settings, briefing: Briefing) -> str | None:
        """Store ``briefing``; its key, or None (and a warning) if the cache cannot be written."""
        if not self._writable:
            return None
        key = cache_key(article, settings)
        if briefing.meta.cached:  # stored as it was made (a briefing just made is not one from the cache)
            briefing = briefing.model_copy(update={"meta": briefing.meta.model_copy(update={"cached": False})})
        try:
            self.entries.put("briefings", key, briefing.model_dump_json().encode("utf-8"))
        except (sqlite3.Error, OSError) as exc:
            if _for_good(exc):  # nothing can be written there
                self._writable = False
                self._warn(f"cannot write to the briefing cache in {self.directory} ({_reason(exc)}); this run "
                           f"caches nothing. Fix its permissions, or {_FIX}")
            else:
                self._warn(f"cannot write to the briefing cache in {self.directory} ({_reason(exc)}); some briefings "
                           f"are not cached. Free space, or {_FIX}")
            return None
        return key


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__


def _for_good(exc: BaseException) -> bool:
    """Whether a failed write means no write can succeed this run (no folder, no permission, not a database),
    rather than one that may (a full disk, a lock held too long)."""
    if isinstance(exc, OSError) or not isinstance(exc, sqlite3.OperationalError):
        return True  # the folder cannot be made, or the file is not a database
    said = str(exc).casefold()
    return "readonly" in said or "unable to open" in said or "read-only" in said
