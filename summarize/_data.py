"""Locate the project's data folders (prompts/, schemas/) in a checkout and in an installed wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``prompts`` or ``schemas``: the checkout's top-level folder, else the copy packed in the wheel."""
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from the installation; reinstall summarize")


@lru_cache(maxsize=None)
def prompt_version() -> str:
    """The version of the prompt templates (``prompts/VERSION``)."""
    return (data_dir("prompts") / "VERSION").read_text(encoding="utf-8").strip()
