"""Writing output files so that a reader never sees half a file and two writers never collide.

:func:`write_atomic` (the package's one atomic write, kept in :mod:`summarize.text.files`) writes a temporary
file in the target's folder and renames it over the target. :func:`check_writable` lets a command fail before any model call is spent
when its output folder cannot be written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import UsageError
from ..text.files import write_atomic

__all__ = ["OutputError", "check_writable", "write_atomic"]


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
