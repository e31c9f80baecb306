"""Response models prepared for instructor once per model, not once per request.

instructor 1.17 does two costly things on every ``create`` whose ``response_model`` is a plain Pydantic
model: it builds a new wrapper class (``response_schema(model)``, a ``pydantic.create_model`` call, ~1 ms)
and then generates that new class's JSON Schema from scratch (``model_json_schema()``, ~1.5 ms for a
part). Both results are the same on every call. :func:`prepared` does instructor's own wrapping once,
and the wrapped class answers ``model_json_schema()`` (default arguments, the only way instructor calls
it) from a stored copy. instructor sees a ``ResponseSchema`` subclass and skips the wrapping; the request
body is byte-for-byte the one instructor would have built (the replay tests compare request hashes).
In tools mode it also lets instructor's own ``generate_openai_schema`` cache hit, keyed by the class.
"""

from __future__ import annotations

import inspect
import json
from functools import lru_cache
from typing import Any, TypeVar

from instructor.v2.core.function_calls import response_schema
from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=None)
def prepared(model: type[M]) -> type[M]:
    """``model`` as instructor would wrap it for a request, built once, with its JSON Schema stored."""
    wrapped: Any = response_schema(model)
    generate = inspect.getattr_static(wrapped, "model_json_schema").__func__  # pydantic's own
    # A string, parsed on each call: every caller gets a fresh dict it may change (json.loads ~15 µs).
    stored = json.dumps(generate(wrapped))

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs or cls is not wrapped:  # other arguments, or a subclass: generated as usual
            return generate(cls, *args, **kwargs)
        return json.loads(stored)

    wrapped.model_json_schema = classmethod(model_json_schema)
    return wrapped  # type: ignore[no-any-return]
