"""Writing a text file so that a reader never sees half of it and two writers never collide.

:func:`write_atomic` writes to a temporary file with a unique name in the target's folder, then renames it
over the target (``os.replace`` is atomic on POSIX and Windows within one file system). Two processes
writing the same file each use their own temporary file: the last rename wins, and neither sees the
other's half-written bytes. Every file the package writes (outputs, cache entries, recordings, batch
state) goes through it.

The temporary name is the target's, this process's id and a counter of the process
(``.NAME.PID.N.tmp``), created with ``O_EXCL`` (so never anyone else's file, and readable by its owner
only, as ``tempfile.mkstemp`` makes them): unique without ``mkstemp``'s random names, its extra system
calls and its file object, which cost a cache write half again as much (issue 12). A name left by an
earlier process of the same id is skipped.
"""

from __future__ import annotations

import itertools
import os
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
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_NUMBERS = itertools.count()  # next() is atomic: threads of one process never get the same number
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_TRIES = 100


def _temporary(path: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``path`` (mode 0o600): its descriptor and name."""
    stem = os.path.join(path.parent, f".{path.name}.{os.getpid()}.")
    for _ in range(_TRIES):
        name = f"{stem}{next(_NUMBERS)}.tmp"
        try:
            return os.open(name, _FLAGS, 0o600), name
        except FileExistsError:  # left by an earlier process that had this id
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
