"""A per-request cost of instructor 1.17 that gives the same result every time, made cheap.

It is exact: the request bodies and the validation are what instructor itself produces (the replay
tests compare request hashes with real recordings; ``tests/test_speedups.py`` compares the functions).
It is installed only on the pinned instructor version, whose internals they rely on; on any other
version nothing is changed.

* ``reject_async_validators(model)`` walks a response model's whole class tree (every field, every base
  class's attributes) to refuse instructor's async validators; one ``create`` runs it five times. A class
  that passed once passes again (the walk reads class attributes only), so passed classes are remembered
  (weakly, so models built per call can still be collected). A model that fails is walked and raises
  every time, as before.

(Message templating, the other per-request cost, no longer runs: no ``context`` is given to instructor,
see :mod:`summarize.llm.validation`.)
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import instructor

PINNED = "1.17.0"
_installed = False


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
    """Install it on the pinned instructor (idempotent); False (and nothing changed) on another version."""
    global _installed
    if _installed:
        return True
    if instructor.__version__ != PINNED:
        return False
    from instructor.v2.core import patch
    from instructor.v2.validation import async_validators

    fast_check = remembering(async_validators.reject_async_validators)
    async_validators.reject_async_validators = fast_check  # looked up at call time by most callers
    patch.reject_async_validators = fast_check  # imported by name at module level
    _installed = True
    return True
