"""Writing output files so that a reader never sees half a file and two writers never collide.

:func:`write_atomic` (the package's one atomic write, kept in :mod:`summarize.text.files`) writes a temporary
file in the target's folder and renames it over the target. :func:`check_writable` lets a command fail before any model call is spent
when its output folder cannot be written.

:func:`write_digest` writes a digest's three files (``digest`` and ``daily`` both use it), and keeps the
previous ones when a run must not replace them. :func:`write_briefing` writes one briefing, and leaves a
file that already holds the same bytes untouched (a cached rerun rewrites nothing).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..models import Briefing, Digest
from ..text.files import write_atomic

__all__ = ["OutputError", "Written", "check_writable", "digest_paths", "kept_outputs", "write_atomic", "write_briefing",
           "write_digest", "write_if_changed"]


class OutputError(UsageError):
    """An output folder or file cannot be written. ``path`` names it; the message names the fix."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def check_writable(folder: Path, flag: str = "--out") -> None:
    """Raise :class:`OutputError` unless files can be created in ``folder``; nothing is created.

    An existing folder is probed with one empty temporary file, removed at once (the only sure test:
    permissions, read-only mounts and full quotas all show up). A missing folder is judged by its nearest
    existing ancestor, which must be a writable folder; it is made when the first file is written."""

    def fail(reason: str) -> OutputError:
        return OutputError(
            f"cannot write to {folder}: {reason}; choose a writable folder with {flag} DIR "
            "(nothing was sent to the model)",
            folder,
        )

    if folder.exists():
        if not folder.is_dir():
            raise fail("it is a file, not a folder")
        try:
            fd, probe = tempfile.mkstemp(dir=folder, prefix=".summarize-probe-", suffix=".tmp")
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise fail(exc.strerror or type(exc).__name__) from exc
        return
    ancestor = folder.absolute().parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise fail(f"{ancestor} is a file, not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise fail(f"{ancestor} is not writable")


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless ``path`` already holds exactly its bytes; True when it wrote."""
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass  # missing or unreadable: write it
    write_atomic(path, text)
    return True


def write_briefing(folder: Path, briefing: Briefing) -> Path:
    """Write ``folder/<article id>.json`` (atomically; untouched when it holds the same bytes already)."""
    path = folder / f"{briefing.article.id}.json"
    write_if_changed(path, briefing.model_dump_json(indent=2) + "\n")
    return path


@dataclass
class Written:
    """What :func:`write_digest` did: the files it wrote, or (``kept`` set) why it wrote none, naming the
    previous files it left in place."""

    paths: list[Path] = field(default_factory=list)
    kept: str | None = None


def digest_paths(folder: Path, stem: str = "digest") -> list[Path]:
    return [folder / f"{stem}.{ext}" for ext in ("json", "md", "html")]


def kept_outputs(paths: list[Path]) -> str:
    """What a run that does not write ``paths`` leaves behind, for the message that says so."""
    existing = [p for p in paths if p.exists()]
    if not existing:
        return "no digest was written"
    when = dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in existing)).strftime("%Y-%m-%d %H:%M")
    return f"the previous {', '.join(p.name for p in existing)} (written {when}) are left as they were"


def write_digest(
    digest: Digest, folder: str | os.PathLike[str], *, stem: str = "digest", stopped: bool = False,
    title: str | None = None, previous: str | None = None, exclude: Any = None, next: str | None = None,  # noqa: A002
    index: str | None = None,
) -> Written:
    """Write ``STEM.json``, ``STEM.md`` and ``STEM.html`` in ``folder``, each atomically.

    A run that ``stopped`` on a fatal error, or that briefed nothing while a digest exists, writes nothing:
    yesterday's good page is worth more than "0 of 5 articles briefed". ``title``, ``previous``, ``next`` and ``index`` go to
    the HTML page (see :func:`~summarize.render.html.render_html`); ``exclude`` to the JSON dump."""
    from .html import render_html
    from .markdown import render

    out = Path(folder)
    paths = digest_paths(out, stem)
    if stopped or (digest.meta.articles_briefed == 0 and any(p.exists() for p in paths)):
        return Written(kept=f"{kept_outputs(paths)} in {out}/")
    texts = [digest.model_dump_json(indent=2, exclude=exclude) + "\n", render(digest),
             render_html(digest, title=title, previous=previous, next=next, index=index)]
    for path, text in zip(paths, texts):
        write_atomic(path, text)
    return Written(paths=paths)
