"""summarize.text: one place for each text primitive, and nothing written twice elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarize.text.files import write_atomic

PACKAGE = Path(__file__).resolve().parent.parent / "summarize"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


# --------------------------------------------------------------------------- files


def test_the_package_writes_files_atomically_in_one_place_only() -> None:
    renames = sorted(name for name, src in _sources().items() if re.search(r"\bos\.replace\(|\.rename\(", src))
    assert renames == ["text/files.py"]


def test_write_atomic_replaces_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "out.json"
    write_atomic(target, "first")
    write_atomic(target, "second ü")
    assert target.read_text(encoding="utf-8") == "second ü"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_write_atomic_that_fails_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "old")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "bad \udc80 surrogate")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
