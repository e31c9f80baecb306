"""Writing a text file so that a reader never sees half of it and two writers never collide.

:func:`write_atomic` writes to a temporary file with a unique name in the target's folder, then renames it
over the target (``os.replace`` is atomic on POSIX and Windows within one file system). Two processes
writing the same file each use their own temporary file: the last rename wins, and neither sees the
other's half-written bytes. Every file the package writes (outputs, cache entries, recordings, batch
state) goes through it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, creating its folder if needed. An ``OSError`` (no space,
    no permission) leaves ``path`` as it was and no temporary file behind."""
    data = text.replace("\n", os.linesep).encode("utf-8") if os.linesep != "\n" else text.encode("utf-8")
    try:
        fd, tmp = _temporary(path)
    except FileNotFoundError:  # the folder is new: made once, not asked for before every write (a cache's)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path)
    try:
        with open(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _temporary(path: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``path``: its descriptor and name."""
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
