"""A content-addressed cache of briefings, so a rerun only asks the model for what is missing.

The key is the SHA-256 of everything that decides a briefing: the article's text, the model, the content
of every prompt file (all of ``prompts/``, examples included, so an edited prompt is a miss even when
``prompts/VERSION`` was not bumped), the schema version, the mode, the output language and the request
budget (part size, token limits, re-asks, temperature). The article's file name is not part of it: the
same text under another name is a hit, and the returned briefing carries the current article's id and
metadata.

A cached briefing is served only if every quote still sits at its offsets in the article text; a stale or
tampered entry is a miss, briefed again and replaced.

Entries are written atomically (a temporary file in the same folder, then ``os.replace``), so an
interrupted run never leaves half a file. The cache never stops a run: an entry that cannot be read
(unreadable, not UTF-8, not a briefing) or a folder that cannot be written is a **warning** and a miss.
Warnings are collected in :attr:`BriefingCache.warnings` (each once) and passed to ``on_warning`` if given;
the library never prints them, the CLI does.

Beside the briefings, ``DIR/articles/`` keeps what the heuristics read off each article's text (title,
source, date, language: :class:`~summarize.article.load.TextMeta`), so a rerun does not classify the lines
of a text it has seen (:class:`ArticleMemo`). Its key is the SHA-256 of the text and of the code that reads
it; an entry that cannot be read or is not what that code wrote is a miss, silently, and replaced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .._data import code_sha256, data_dir, files_sha256
from ..article.load import TextMeta, reader_sha256
from ..models import SCHEMA_VERSION, Article, ArticleRef, Briefing
from ..settings import Settings
from ..text.files import write_atomic

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


class ArticleMemo:
    """The metadata read off article texts (:class:`~summarize.article.load.TextMeta`), stored as
    ``DIR/<key[:2]>/<key>.json`` (key: :func:`memo_key`) and given to
    :func:`~summarize.article.load.load_article` as its ``memo``. It never stops a run and never warns: an
    entry that cannot be read or holds anything else is a miss (the text is read again and the entry
    replaced), and a folder that cannot be written is left alone for the rest of the run."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._writable = True

    def _path(self, sha256: str) -> Path:
        key = memo_key(sha256)
        return self.directory / key[:2] / f"{key}.json"

    def get(self, sha256: str) -> TextMeta | None:
        try:
            raw = self._path(sha256).read_bytes()
        except (OSError, ValueError):
            return None
        return _meta_of(raw)

    def put(self, sha256: str, meta: TextMeta) -> None:
        if not self._writable:
            return
        published = meta.published.isoformat() if meta.published is not None else None
        entry = {"title": meta.title, "source": meta.source, "published": published, "language": meta.language}
        try:
            write_atomic(self._path(sha256), json.dumps(entry))
        except OSError:  # e.g. a read-only cache: the texts are read each run, as without a memo
            self._writable = False


class BriefingCache:
    """Briefings stored as ``DIR/<key[:2]>/<key>.json``; the article metadata memo in ``DIR/articles/``
    (:attr:`articles`). ``on_warning`` (optional) hears each warning once."""

    def __init__(self, directory: str | os.PathLike[str], on_warning: Warn | None = None) -> None:
        self.directory = Path(directory)
        self.articles = ArticleMemo(self.directory / "articles")
        self.on_warning = on_warning
        self.warnings: list[str] = []  # problems met during this run, each once, in order
        self.corrupt: list[Path] = []  # entries found unreadable or stale (and removed) during this run
        self._writable = True

    def _warn(self, message: str) -> None:
        if message in self.warnings:
            return
        self.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def _discard(self, path: Path, why: str) -> None:
        """A bad entry: counted, removed if possible, reported; the article is briefed again."""
        self.corrupt.append(path)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # the new briefing will replace it, or the write warning says why it cannot
        self._warn(f"cache entry {path} {why}; the article is briefed again and the entry replaced")

    def get(self, article: Article, settings: Settings) -> Briefing | None:
        """The cached briefing of ``article``, or None (a miss) if there is none or it cannot be trusted."""
        path = self._path(cache_key(article, settings))
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            self._discard(path, "is not UTF-8 text")
            return None
        except OSError as exc:
            self._warn(f"cannot read the briefing cache in {self.directory} ({exc.strerror or exc}); cached "
                       "briefings are not used. Fix its permissions, or pass --cache-dir DIR or --no-cache")
            return None
        try:
            briefing = Briefing.model_validate_json(raw)
        except (ValidationError, ValueError):
            self._discard(path, "is not a valid briefing")
            return None
        if not quotes_in_place(briefing, article.text):
            self._discard(path, "has quotes that are not at their offsets in the article (stale or edited)")
            return None
        ref = ArticleRef(
            id=article.id, title=article.title, source=article.source, published=article.published,
            language=article.language, sha256=article.sha256, copies=article.copies, near_copy_of=article.near_copy_of,
            url=article.url, author=article.author,
        )
        return briefing.model_copy(update={"article": ref, "meta": briefing.meta.model_copy(update={"cached": True})})

    def put(self, article: Article, settings: Settings, briefing: Briefing) -> Path | None:
        """Store ``briefing``; its path, or None (and a warning) if the folder cannot be written."""
        if not self._writable:
            return None
        path = self._path(cache_key(article, settings))
        if briefing.meta.cached:  # stored as it was made (a briefing just made is not one from the cache)
            briefing = briefing.model_copy(update={"meta": briefing.meta.model_copy(update={"cached": False})})
        try:
            write_atomic(path, briefing.model_dump_json())
        except OSError as exc:
            folder = path.parent
            if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):  # nothing can be written here
                self._writable = False
                self._warn(f"cannot write to the briefing cache in {self.directory} ({exc.strerror or exc}); this "
                           "run caches nothing. Fix its permissions, or pass --cache-dir DIR or --no-cache")
            else:
                self._warn(f"cannot write to the briefing cache in {self.directory} ({exc.strerror or exc}); "
                           "some briefings are not cached. Free space or fix its permissions, or pass --no-cache")
            return None
        return path
