"""What the MCP server reads (:class:`ServedRoots`): only article files inside the root folders it serves.

The working directory it was started in, or each ``summarize mcp --root DIR``. Every path is resolved,
symlinks included, and refused when it lands outside the roots, has a hidden component (``.name``) below
its root, is not a regular file, or does not end in an article suffix; folders are walked with the same
checks for every file and sub-folder, and never followed out of the roots. All this happens before any
byte of an article is read and before any model call. A missing path and a refused one get the same
message, so a client cannot probe which files exist. Relative paths start at the first root.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..article.load import FORMATS
from ..errors import UsageError

DEFAULT_MAX_FILES = 50
"""Article files one ``build_digest`` call may name (``summarize mcp --max-files N``)."""

_SUFFIXES = ", ".join(FORMATS)


def too_many(max_files: int) -> UsageError:
    return UsageError(
        f"build_digest takes at most {max_files} article files (and URLs, and articles of feeds) per call, and "
        "these paths hold more. Pass fewer files or a smaller folder, or restart the server with a higher cap: "
        "`summarize mcp --max-files N`."
    )


def _hidden(parts: Sequence[str]) -> bool:
    return any(part.startswith(".") for part in parts)


class ServedRoots:
    """The folders the server reads articles from, and the checks every path passes before it is read.

    ``roots`` are resolved once, here. :meth:`article` and :meth:`articles` return resolved paths (no
    symlink left to follow) or raise :class:`UsageError` with :meth:`refusal`, the same message for a
    path that does not exist and one that may not be read."""

    def __init__(self, roots: Sequence[str | Path]) -> None:
        if not roots:
            raise UsageError("serve at least one root folder (summarize mcp --root DIR)")
        resolved: list[Path] = []
        for root in roots:
            path = Path(root).expanduser().resolve()
            if not path.is_dir():
                raise UsageError(f"--root {root}: not a folder. Pass an existing folder of articles.")
            if path not in resolved:
                resolved.append(path)
        self.roots: tuple[Path, ...] = tuple(resolved)

    def describe(self) -> str:
        return ", ".join(str(root) for root in self.roots)

    def refusal(self, given: str) -> UsageError:
        """One message for missing and refused paths: it names the roots and how to widen them, and says
        nothing of whether ``given`` exists."""
        return UsageError(
            f"no readable article at {given} under the served roots ({self.describe()}). The server reads "
            f"only {_SUFFIXES} files inside these folders, outside hidden files and folders; relative paths "
            f"start at {self.roots[0]}. Check the path, or serve its folder: restart the server with "
            "`summarize mcp --root DIR` (repeatable)."
        )

    def _root_of(self, path: Path) -> Path | None:
        """The served root ``path`` (resolved) lies in, if it lies in one without a hidden component."""
        for root in self.roots:
            if path == root or path.is_relative_to(root):
                return None if _hidden(path.relative_to(root).parts) else root
        return None

    def _locate(self, given: str) -> tuple[Path, bool]:
        """``given`` resolved, and whether it is a folder; refused unless it is a served file or folder."""
        try:
            path = Path(os.path.expanduser(given))
        except (RuntimeError, ValueError):
            raise self.refusal(given) from None
        if not path.is_absolute():
            path = self.roots[0] / path
        lexical = Path(os.path.normpath(path))
        for root in self.roots:  # a hidden name as written (e.g. a link named .env) is refused too
            if lexical.is_relative_to(root) and _hidden(lexical.relative_to(root).parts):
                raise self.refusal(given)
        try:
            real = path.resolve(strict=True)
            is_dir = real.is_dir()
            is_file = real.is_file()
        except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, no permission, a NUL byte
            raise self.refusal(given) from None
        if self._root_of(real) is None:
            raise self.refusal(given)
        if is_dir:
            return real, True
        if not is_file or not self._suffix_ok(lexical.name) or not self._suffix_ok(real.name):
            raise self.refusal(given)
        return real, False

    @staticmethod
    def _suffix_ok(name: str) -> bool:
        return os.path.splitext(name)[1].lower() in FORMATS

    def article(self, given: str) -> Path:
        """The article file ``given`` names, resolved; a folder is a mistake named as such."""
        path, is_dir = self._locate(given)
        if is_dir:
            raise UsageError(
                f"{given}: is a folder, not an article file. Pass one article file ({_SUFFIXES}), "
                "or use build_digest for folders."
            )
        return path

    def articles(self, givens: Sequence[str], max_files: int, taken: int = 0) -> list[Path]:
        """The article files ``givens`` name, resolved, each once, in the order ``scan`` gives them (a
        folder's files sorted by name, recursively). Every file and sub-folder met is checked as
        ``_locate`` checks a path; what fails is skipped. Raises past ``max_files`` files (``taken`` of them
        by other inputs, such as URLs), before reading any of them."""
        found: list[Path] = []
        seen: set[Path] = set()

        def take(path: Path) -> None:
            if path in seen:
                return
            seen.add(path)
            found.append(path)
            if len(found) + taken > max_files:
                raise too_many(max_files)

        located = [(given, *self._locate(given)) for given in givens]  # refuse any bad path before walking
        for given, path, is_dir in located:
            if not is_dir:
                take(path)
                continue
            met: list[Path] = []

            def visit(file: Path) -> None:
                met.append(file)
                take(file)

            self._walk(path, visit, {path})
            if not met:
                raise UsageError(
                    f"{given}: no articles found (looked for {_SUFFIXES} files, sub-folders included; hidden "
                    "files and folders, and links out of the served roots, are skipped). Put the articles "
                    "there, or pass the files directly."
                )
        return found

    def _walk(self, folder: Path, visit: Callable[[Path], None], visited: set[Path]) -> None:
        """Call ``visit`` on each served article file under ``folder`` (resolved), sorted by name; hidden
        entries, links out of the roots and folders already walked are passed over, never opened."""
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                real = Path(entry.path).resolve(strict=True)
                is_dir = real.is_dir()
                is_file = real.is_file()
            except (OSError, RuntimeError):
                continue
            if self._root_of(real) is None:
                continue  # a link out of the roots, or to a hidden file: never followed
            if is_dir:
                if real not in visited:
                    visited.add(real)
                    self._walk(real, visit, visited)
            elif is_file and self._suffix_ok(entry.name) and self._suffix_ok(real.name):
                visit(real)
