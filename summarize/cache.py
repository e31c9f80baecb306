"""A content-addressed cache of briefings, so a rerun only asks the model for what is missing.

The key is the SHA-256 of everything that decides a briefing: the article's text, the model, the prompt
version, the schema version, the mode, the output language and the request budget (part size, token
limits, re-asks, temperature). The article's file name is not part of it: the same text under another name
is a hit, and the returned briefing carries the current article's id and metadata.

Entries are written atomically (a temporary file in the same folder, then ``os.replace``), so an
interrupted run never leaves half a file. An entry that cannot be read or validated is deleted and
reported as a miss: it is redone, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from .briefing.prompts import prompt_version
from .models import SCHEMA_VERSION, Article, ArticleRef, Briefing
from .settings import Settings

CACHE_ENV = "SUMMARIZE_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$SUMMARIZE_CACHE_DIR``, else ``$XDG_CACHE_HOME/summarize``, else ``~/.cache/summarize``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarize"


def cache_key(article: Article, settings: Settings) -> str:
    parts = {
        "text_sha256": article.sha256,
        "model": settings.model,
        "prompt_version": prompt_version(),
        "schema_version": SCHEMA_VERSION,
        "mode": settings.mode,
        "lang": settings.lang,
        "chunk_chars": settings.chunk_chars,
        "depth": settings.depth,
        "max_tokens": settings.max_tokens,
        "summary_max_tokens": settings.summary_max_tokens,
        "reasks": settings.reasks,
        "temperature": settings.temperature,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class BriefingCache:
    """Briefings stored as ``DIR/<key[:2]>/<key>.json``."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.corrupt: list[Path] = []  # entries found unreadable (and removed) during this run

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, article: Article, settings: Settings) -> Briefing | None:
        path = self._path(cache_key(article, settings))
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError:
            return None
        try:
            briefing = Briefing.model_validate_json(raw)
        except (ValidationError, ValueError):
            self.corrupt.append(path)
            path.unlink(missing_ok=True)
            return None
        ref = ArticleRef(
            id=article.id, title=article.title, source=article.source, published=article.published,
            language=article.language, sha256=article.sha256, copies=article.copies, near_copy_of=article.near_copy_of,
        )
        return briefing.model_copy(update={"article": ref, "meta": briefing.meta.model_copy(update={"cached": True})})

    def put(self, article: Article, settings: Settings, briefing: Briefing) -> Path:
        path = self._path(cache_key(article, settings))
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = briefing.model_copy(update={"meta": briefing.meta.model_copy(update={"cached": False})})
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(stored.model_dump_json())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path
