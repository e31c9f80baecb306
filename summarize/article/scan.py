"""Finding article files: which files of the given paths are articles, and which are skipped and why.

Finding files (``scan``)
    A folder is read recursively for files ending in one of ``ARTICLE_SUFFIXES`` (any case),
    sorted by their path relative to the folder. Hidden files and folders (name starts with ``.``)
    are skipped, as are files of other types; each is listed in ``Scan.skipped`` with the reason
    (a hidden folder once, not each file in it). A file named explicitly is taken whatever its
    suffix or name. A file reached twice (same resolved path) is taken once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import InputError

__all__ = ["ARTICLE_SUFFIXES", "FORMATS", "SUFFIX_LIST", "Format", "Scan", "find_articles", "missing", "scan"]

Format = Literal["text", "markdown", "html", "json"]

FORMATS: dict[str, Format] = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".json": "json"}
"""Article suffix (lower case) -> ``Article.format``."""

ARTICLE_SUFFIXES: tuple[str, ...] = tuple(FORMATS)
"""The suffixes a folder scan takes (compared case-insensitively)."""

SUFFIX_LIST = ", ".join(ARTICLE_SUFFIXES)


@dataclass(frozen=True)
class Scan:
    """What ``scan`` found: the article files, and the files it saw but did not take, with why."""

    articles: list[Path]
    """Article files, in a stable order: as given, a folder's files sorted by path within it."""
    skipped: list[tuple[Path, str]]
    """Files (and hidden folders) seen but not taken, with the reason, e.g. ``"hidden file"``."""


def missing(path: str | Path) -> InputError:
    return InputError(
        f"{path}: no such file or folder. Check the path, or pass a folder of articles ({SUFFIX_LIST}).",
        path=str(path),
    )


def _skip_reason(entry: os.DirEntry[str]) -> str | None:
    """Why a folder entry is not an article (``None``: it is one). Folders are handled by the caller."""
    if entry.name.startswith("."):
        return "hidden file"
    suffix = os.path.splitext(entry.name)[1].lower()
    if suffix not in FORMATS:
        kind = f"unsupported type {suffix}" if suffix else "unsupported type (no suffix)"
        return f"{kind}; articles are {SUFFIX_LIST}"
    try:
        if entry.is_file():
            return None
        return "broken link" if entry.is_symlink() and not os.path.exists(entry.path) else "not a regular file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"


def _resolved(entry: os.DirEntry[str], path: Path, folder: Path) -> Path:
    """``path.resolve()`` for the folder entry ``entry`` (at ``path``) of the resolved ``folder``: for an entry
    that is no link, ``folder / name``, which costs none of the system calls of resolving each part again."""
    try:
        if not entry.is_symlink():
            return folder / entry.name
    except OSError:
        pass
    return path.resolve()


def _walk(root: Path, found: list[tuple[Path, Path]], skipped: list[tuple[Path, str]], visited: set[Path]) -> None:
    """Collect the articles under ``root`` in sorted order, each with its resolved path, recursing into
    non-hidden sub-folders."""
    resolved = root.resolve()
    visited.add(resolved)
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        skipped.append((root, f"folder cannot be read ({exc.strerror or exc})"))
        return
    for entry in entries:
        path = root / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name.startswith("."):
                skipped.append((path, "hidden folder"))
            elif path.resolve() in visited:
                skipped.append((path, "folder already read (reached again through a link)"))
            else:
                _walk(path, found, skipped, visited)
            continue
        reason = _skip_reason(entry)
        if reason is None:
            found.append((path, _resolved(entry, path, resolved)))
        else:
            skipped.append((path, reason))


def scan(paths: Sequence[str | Path]) -> Scan:
    """The article files named by ``paths``, each at most once, and the files skipped on the way.

    A file is taken as given, whatever its suffix. A folder contributes, recursively, its
    non-hidden files ending in one of ``ARTICLE_SUFFIXES`` (case-insensitively), sorted by path
    relative to it (a folder's files and sub-folders by name, case-sensitively; a sub-folder's
    files come where its name sorts). Hidden files and folders are skipped and listed, a folder
    once. Raises ``InputError`` for a path that does not exist, and when no article is found.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    folders: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise missing(given)
        if path.is_dir():
            folders.append(str(given))
            candidates: list[tuple[Path, Path]] = []
            _walk(path, candidates, skipped, set())
        else:
            candidates = [(path, path.resolve())]
        for candidate, key in candidates:
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    skipped = list(dict.fromkeys(skipped))  # a folder given twice lists its skipped files once
    if not found:
        if not folders:
            raise InputError(f"no input given: pass one or more article files or folders of {SUFFIX_LIST} files.")
        where = ", ".join(folders)
        seen_note = ""
        if skipped:
            shown = "; ".join(f"{p.name} ({reason.split(';')[0]})" for p, reason in skipped[:3])
            more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
            seen_note = f" Skipped: {shown}{more}."
        raise InputError(
            f"{where}: no articles found (looked for {SUFFIX_LIST} files, sub-folders included; "
            f"hidden files and folders are skipped).{seen_note} "
            "Put the articles there, or pass the files directly.",
            path=where,
        )
    return Scan(articles=found, skipped=skipped)


def find_articles(paths: Sequence[str | Path]) -> list[Path]:
    """``scan(paths).articles``: the article files named by ``paths``; see ``scan``."""
    return scan(paths).articles
