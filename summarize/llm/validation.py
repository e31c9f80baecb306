"""Validation context for instructor calls, passed beside instructor rather than through it.

instructor 1.17 uses ``create(context=...)`` for two things: as the Pydantic validation context, and as the
variables of a Jinja2 template that it renders **every message** with. Our messages carry article text, so
an article that contains ``{{ 7*7 }}`` reached the model as ``49``, and one with an unbalanced ``{%`` could
fail the request. So instructor gets no ``context`` at all: our validators read theirs from a context
variable set around each call (:func:`validating`, :func:`current`), and the article reaches the model
as written.

The recordings were made while instructor still rendered the messages. For text without Jinja syntax that
rendering only normalised line ends, dropped one trailing newline and dedented; :func:`as_rendered` does
exactly that (and nothing else, whatever the text holds), so request bodies stay byte-identical.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator
from textwrap import dedent
from typing import Any

from pydantic import ValidationInfo

_CONTEXT: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("summarize_validation", default=None)
_NEWLINES = re.compile(r"\r\n|\r|\n")


@contextlib.contextmanager
def validating(context: dict[str, Any]) -> Iterator[None]:
    """Make ``context`` the validation context of every instructor call inside the block (this task only)."""
    token = _CONTEXT.set(context)
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def current(info: ValidationInfo) -> dict[str, Any]:
    """The validation context: Pydantic's own when one was passed, else the one set by :func:`validating`."""
    return info.context or _CONTEXT.get() or {}


def as_rendered(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """Messages as instructor's templating rendered plain text: ``\\n`` line ends, one trailing newline
    dropped, common indentation removed. Jinja syntax in the text is left as it is."""
    out = []
    for message in messages:
        lines = _NEWLINES.split(message["content"])
        if lines[-1] == "":
            del lines[-1]
        out.append({**message, "content": dedent("\n".join(lines))})
    return out
