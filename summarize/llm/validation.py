"""Validation context for instructor calls, passed beside instructor rather than through it.

instructor 1.17 uses ``create(context=...)`` for two things: as the Pydantic validation context, and as the
variables of a Jinja2 template that it renders **every message** with. Our messages carry article text, so
an article that contains ``{{ 7*7 }}`` reached the model as ``49``, and one with an unbalanced ``{%`` could
fail the request. So instructor gets no ``context`` at all: our validators read theirs from a context
variable set around each call (:func:`validating`, :func:`current`), and the article reaches the model
as written.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationInfo

_CONTEXT: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("summarize_validation", default=None)


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
