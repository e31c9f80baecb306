"""Locate the project's data folders (prompts/, schemas/) in a checkout and in an installed wheel; fingerprint
the package's own code for the caches."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``prompts`` or ``schemas``: the checkout's top-level folder, else the copy packed in the wheel."""
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from the installation; reinstall summarize")


@lru_cache(maxsize=1)
def media_names() -> tuple[str, ...]:
    """The news agencies, broadcasters and papers of ``summarize/data/media.json`` (lower case): an actor of
    this name is a source, not a party (:mod:`summarize.briefing.plausible`); one in brackets after a caption
    is its credit (:mod:`summarize.article.boilerplate`)."""
    return tuple(json.loads((_PACKAGE / "data" / "media.json").read_text(encoding="utf-8"))["names"])


@lru_cache(maxsize=None)
def prompt_version() -> str:
    """The version of the prompt templates (``prompts/VERSION``)."""
    return (data_dir("prompts") / "VERSION").read_text(encoding="utf-8").strip()


@lru_cache(maxsize=None)
def code_sha256(*parts: str) -> str:
    """SHA-256 over the package's own files under ``parts`` (folders, whose ``.py`` and ``.json`` files count,
    or single files; relative to the package, by relative path and bytes, in path order). Keys what a cache
    keeps to the code that made it: an edit is a miss, not a stale answer. Read once per process."""
    files: list[Path] = []
    for part in parts:
        target = _PACKAGE / part
        files += sorted(f for f in target.iterdir() if f.suffix in (".py", ".json")) if target.is_dir() else [target]
    return files_sha256(_PACKAGE, files)


def files_sha256(base: Path, files: Iterable[Path]) -> str:
    """SHA-256 over ``files`` in the order given: each one's path relative to ``base`` and its bytes, each
    length-prefixed (so no two lists of files give the same input)."""
    digest = hashlib.sha256()
    for file in files:
        name = file.relative_to(base).as_posix().encode("utf-8")
        data = file.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()
