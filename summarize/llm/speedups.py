"""Two per-request costs of instructor 1.17 that give the same result every time, made cheap.

Both are exact: the request bodies and the validation are what instructor itself produces (the replay
tests compare request hashes with real recordings; ``tests/test_speedups.py`` compares the functions).
They are installed only on the pinned instructor version, whose internals they rely on; on any other
version nothing is changed.

* ``reject_async_validators(model)`` walks a response model's whole class tree (every field, every base
  class's attributes) to refuse instructor's async validators; one ``create`` runs it five times. A class
  that passed once passes again (the walk reads class attributes only), so passed classes are remembered
  (weakly, so models built per call can still be collected). A model that fails is walked and raises
  every time, as before.
* Message templating: when a call has a ``context`` (ours carries the grounder), instructor renders every
  message as a Jinja2 template, compiling a new template per message. A text without Jinja syntax (none of
  ``{{``, ``{%``, ``{#``) renders to itself with line ends made ``\\n`` and one trailing newline dropped;
  that result is computed directly. Any text with Jinja syntax still goes through Jinja.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from textwrap import dedent
from typing import Any

import instructor

PINNED = "1.17.0"
_JINJA_SYNTAX = ("{{", "{%", "{#")
_NEWLINES = re.compile(r"\r\n|\r|\n")  # jinja2.lexer.newline_re
_installed = False


def fast_template(jinja: Callable[[str, dict[str, Any]], str]) -> Callable[[str, dict[str, Any]], str]:
    """``apply_template`` with Jinja skipped for text that holds no Jinja syntax."""

    def apply_template(text: str, context: dict[str, Any]) -> str:
        if any(mark in text for mark in _JINJA_SYNTAX):
            return jinja(text, context)
        lines = _NEWLINES.split(text)
        if lines[-1] == "":  # Jinja's keep_trailing_newline=False
            del lines[-1]
        return dedent("\n".join(lines))

    apply_template.__wrapped__ = jinja  # type: ignore[attr-defined]
    return apply_template


def remembering(check: Callable[[Any], None]) -> Callable[[Any], None]:
    """``reject_async_validators`` that remembers the classes it has passed."""
    passed: weakref.WeakSet[type] = weakref.WeakSet()

    def reject_async_validators(response_model: Any) -> None:
        if isinstance(response_model, type):
            if response_model in passed:
                return
            check(response_model)
            passed.add(response_model)
            return
        check(response_model)

    reject_async_validators.__wrapped__ = check  # type: ignore[attr-defined]
    return reject_async_validators


def install() -> bool:
    """Install both on the pinned instructor (idempotent); False (and nothing changed) on another version."""
    global _installed
    if _installed:
        return True
    if instructor.__version__ != PINNED:
        return False
    from instructor.v2.core import patch, templating
    from instructor.v2.validation import async_validators

    fast_check = remembering(async_validators.reject_async_validators)
    async_validators.reject_async_validators = fast_check  # looked up at call time by most callers
    patch.reject_async_validators = fast_check  # imported by name at module level
    templating.apply_template = fast_template(templating.apply_template)
    _installed = True
    return True
