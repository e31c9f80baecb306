"""One structured model call through instructor, and every completion it saw: the only module that imports instructor.

instructor is used through its public API only (``instructor.patch(create=...)``, ``instructor.Mode``,
``instructor.Provider``, ``instructor.response_schema``, the ``Instructor``/``AsyncInstructor`` clients, their
``create`` and the ``"completion:response"`` hook; ``instructor.from_openai`` for a client that is not
openai's), within the range ``pyproject.toml`` gives (``instructor>=1.17,<2``); the
versions the suite was run with are in ``requirements.lock``, and ``tests/llm/test_instructor_latest.py`` runs the
structured-call tests against the newest release (see the README).

One call (:func:`call`, :func:`acall`):

1. instructor sends the request and validates the answer's shape; a malformed answer is re-asked up to the
   request's ``max_retries``.
2. Every raw completion is collected through the hook, with its own token usage (:class:`Seen`), so a
   caller can salvage what the model got right from every attempt, even when the last one failed.
3. Transport and API errors are not model mistakes: they surface as :class:`~summarize.errors.BriefingError`
   (or :class:`~summarize.errors.ModelServerError`) with the original exception as ``__cause__``, and a
   replay miss as :class:`~summarize.errors.ReplayMiss` itself. A model mistake (validation failure,
   truncation, unreadable JSON) is kept in :attr:`Collected.error` for the caller.

The helpers read a completion (:func:`content`, :func:`finish_reason`, :func:`loads`) and count calls
(:class:`CallLog`, :func:`log_of`).
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import inspect
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any, TypeVar

import httpx2
import instructor
import jiter
import openai
import pydantic_core
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError, create_model

from ..errors import BriefingError, ModelServerError, ReplayMiss, causes
from ..models import Usage
from ..redact import redact, secrets_in
from .validation import validating
from .server_problem import ServerProblem

Client = instructor.Instructor
AsyncClient = instructor.AsyncInstructor
M = TypeVar("M", bound=BaseModel)

MODES = {"json_schema": instructor.Mode.JSON_SCHEMA, "tools": instructor.Mode.TOOLS, "json": instructor.Mode.JSON}

_RESPONSES: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar("summarize_responses", default=None)


@dataclass(frozen=True)
class Seen:
    """One raw completion as it arrived, with its own token usage."""

    response: Any
    usage: Usage


class Collected(list):  # type: ignore[type-arg]
    """The completions of one call (a list of :class:`Seen`), the model error swallowed, if any, and else
    instructor's validated answer (``result``, parsed from the last completion)."""

    error: BaseException | None = None
    result: Any = None


def _collect(response: Any) -> None:
    bucket = _RESPONSES.get()
    if bucket is not None:
        # Snapshot the usage now: instructor later overwrites ``response.usage`` with its running total.
        bucket.append(Seen(response, usage_of(response)))


def attach_collector(client: Client | AsyncClient) -> None:
    """Let ``client`` report its raw completions to the :func:`collecting` block they are made in."""
    client.on("completion:response", _collect)


def wrap(client: openai.OpenAI | openai.AsyncOpenAI, mode: str) -> Client | AsyncClient:
    """An instructor client over ``client`` in ``mode`` (``json_schema``, ``tools`` or ``json``), collecting.

    instructor patches :func:`posting` (``instructor.patch(create=...)``), not ``chat.completions.create``:
    the same request reaches the same client, without the openai SDK's type-directed walk of every message."""
    if not isinstance(client, (openai.OpenAI, openai.AsyncOpenAI)):
        wrapped = instructor.from_openai(client, mode=MODES[mode])  # instructor names what it expected
    else:
        kind = instructor.AsyncInstructor if isinstance(client, openai.AsyncOpenAI) else instructor.Instructor
        create = instructor.patch(create=posting(client), mode=MODES[mode])
        wrapped = kind(client=client, create=create, mode=MODES[mode], provider=instructor.Provider.OPENAI)
    attach_collector(wrapped)
    return wrapped


# ``chat.completions.create`` keyword arguments that are request options, not body fields
_OPTIONS = {"extra_headers": "headers", "extra_query": "params", "extra_body": "extra_json", "timeout": "timeout"}


def _post_args(kwargs: dict[str, Any]) -> dict[str, Any]:
    body = {key: value for key, value in kwargs.items() if key not in _OPTIONS}
    options: dict[str, Any] = {_OPTIONS[key]: value for key, value in kwargs.items() if key in _OPTIONS}
    options["security"] = {"bearer_auth": True}  # as ``chat.completions.create`` asks: the key goes along
    # the HTTP response itself (the SDK's documented way for a custom request), read by _completion; JSON
    # written here goes as ``content`` (the SDK sends it as given, with the same headers), a dict as ``body``
    raw = _as_json(body) if "extra_json" not in options else body
    return {"cast_to": httpx2.Response, "content" if isinstance(raw, bytes) else "body": raw, "options": options}


def _as_json(body: dict[str, Any]) -> bytes | dict[str, Any]:
    """The body as the JSON bytes the SDK would send (compact, UTF-8, keys in order), written by pydantic-core
    in one step: the SDK's ``json.dumps`` with its own encoder class takes five times as long, about 0.1 ms of
    a request's CPU (issue 12). The SDK sends bytes as given. This package's request fields are plain JSON
    values (dicts, lists, strings, numbers). A body that may hold a float that is not finite (which the SDK
    refuses) goes to the SDK as a dict, as does one pydantic-core cannot write."""
    try:
        raw = pydantic_core.to_json(body, inf_nan_mode="constants")
    except pydantic_core.PydanticSerializationError:
        return body
    return body if b"NaN" in raw or b"Infinity" in raw else raw


def _completion(response: httpx2.Response) -> Any:
    """The answer as ``create`` gives it, from the HTTP response: a :class:`ChatCompletion` validated from
    the bytes by pydantic-core in one step (the SDK decodes the JSON, then builds each nested object in
    Python: 0.06 ms more per request, 0.005 ms here). An answer that does not fit the type (a server that
    leaves out a field) is built as the SDK builds it, unvalidated (``ChatCompletion.construct``); a body
    that is no JSON raises as the SDK's does, or is its text when the server did not call it JSON."""
    raw = response.content
    try:
        return ChatCompletion.model_validate_json(raw)
    except ValidationError:
        pass
    content_type = response.headers.get("content-type", "*").split(";")[0]
    try:
        data = json.loads(raw)
    except ValueError:
        if content_type.endswith("json"):
            raise
        return response.text
    return ChatCompletion.construct(**data) if isinstance(data, dict) else data


def posting(client: openai.OpenAI | openai.AsyncOpenAI) -> Any:
    """``client.chat.completions.create`` as one POST through the client's public ``post``.

    The body is the keyword arguments as given (our requests are plain JSON already), so the request is
    byte for byte the one ``create`` sends; what is skipped is ``create``'s transform of each argument
    against the SDK's typed parameters, about a tenth of this package's CPU per request. A streamed request
    goes through ``create`` itself."""
    if isinstance(client, openai.AsyncOpenAI):

        async def acreate(**kwargs: Any) -> Any:
            if kwargs.get("stream"):
                return await client.chat.completions.create(**kwargs)
            return _completion(await client.post("/chat/completions", **_post_args(kwargs)))

        return acreate

    def create(**kwargs: Any) -> Any:
        if kwargs.get("stream"):
            return client.chat.completions.create(**kwargs)
        return _completion(client.post("/chat/completions", **_post_args(kwargs)))

    return create


class _Whole:
    """A field's type, validated by pydantic as given but written as ``Annotated[Any, _Whole(type)]``.

    instructor walks a response model's classes for async validators (which it refuses) five times per
    request, each walk visiting every nested model and every attribute of its classes: 0.13 ms for a part
    model, 0.7 ms of each request's CPU (issue 12). This package's models have no such validators, so
    :func:`prepared` gives instructor a class whose fields hide their nested models from that walk (0.03 ms). Pydantic builds the
    same validator and JSON Schema through ``__get_pydantic_core_schema__``: the request body, the parsed
    answer and the validation errors a re-ask quotes are unchanged (``tests/llm/test_prepared.py``)."""

    def __init__(self, annotation: Any) -> None:
        self.annotation = annotation

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return handler.generate_schema(self.annotation)


def _shallow(model: type[M]) -> type[M]:
    """A subclass of ``model`` of the same name whose fields are :class:`_Whole`: the field's type and its
    constraints ("at most 12 items") inside, its default, alias and title outside."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        outside = copy.copy(info)
        outside.metadata = []
        inside = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        fields[name] = (Annotated[Any, _Whole(inside)], outside)
    return create_model(model.__name__, __base__=model, __module__=model.__module__, __doc__=model.__doc__,
                        **fields)  # type: ignore[call-overload, no-any-return]


@lru_cache(maxsize=None)
def prepared(model: type[M]) -> type[M]:
    """``model`` as instructor wraps it for a request (``instructor.response_schema``), built once per model,
    its JSON Schema stored. instructor sees the wrapped class and does not wrap it again; the request body
    is the one instructor builds itself (the replay tests compare request hashes with recordings). The
    wrapped class hides its nested models from instructor's per-request walk for async validators
    (:class:`_Whole`): this package defines none."""
    wrapped: Any = instructor.response_schema(_shallow(model))
    generate = inspect.getattr_static(wrapped, "model_json_schema").__func__  # pydantic's own
    # A string, parsed on each call: every caller gets a fresh dict it may change (json.loads ~15 µs).
    stored = json.dumps(generate(wrapped))

    def model_json_schema(cls: type[BaseModel], *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs or cls is not wrapped:  # other arguments, or a subclass: generated as usual
            return generate(cls, *args, **kwargs)
        return json.loads(stored)

    wrapped.model_json_schema = classmethod(model_json_schema)  # on our own wrapped class only
    return wrapped  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- reading a completion


def content(response: Any) -> str | None:
    """The answer's text: the message content, else the first tool call's arguments."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError):
        return None
    if message.content:
        return message.content
    calls = getattr(message, "tool_calls", None) or []
    return calls[0].function.arguments if calls else None


def finish_reason(response: Any) -> str | None:
    try:
        return response.choices[0].finish_reason
    except (AttributeError, IndexError):
        return None


def usage_of(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) or 0
    return Usage(
        prompt_tokens=usage.prompt_tokens or 0, completion_tokens=usage.completion_tokens or 0, cached_tokens=cached
    )


def loads(text: str, truncated: bool) -> Any:
    """JSON from an answer (a fenced block too); a truncated one is parsed up to its last complete value."""
    text = text.strip()
    if text.startswith("```"):
        text = text.strip("`").removeprefix("json").strip()
    try:
        return jiter.from_json(text.encode("utf-8"), partial_mode="trailing-strings" if truncated else "off")
    except ValueError:
        return None


@dataclass
class CallLog:
    """What calls cost: answers, re-asks, truncated answers, split parts and tokens."""

    calls: int = 0
    reasks: int = 0
    truncated: int = 0
    splits: int = 0
    usage: Usage = field(default_factory=Usage)

    def add(self, other: CallLog) -> None:
        self.calls += other.calls
        self.reasks += other.reasks
        self.truncated += other.truncated
        self.splits += other.splits
        self.usage = self.usage + other.usage


def log_of(seen: list[Seen]) -> CallLog:
    log = CallLog(calls=len(seen), reasks=max(0, len(seen) - 1))
    for item in seen:
        log.usage = log.usage + item.usage
        log.truncated += finish_reason(item.response) == "length"
    return log


# --------------------------------------------------------------------------- errors


def raise_transport(exc: BaseException, article_id: str) -> None:
    """Re-raise API/transport failures (not model mistakes) as ours, keeping the original; return otherwise.

    A replay miss wins over the ``APIConnectionError`` the openai client wraps it in."""
    chain = causes(exc)
    for cur in chain:
        if isinstance(cur, ReplayMiss):
            raise cur
    for cur in chain:
        if isinstance(cur, ServerProblem):  # its message names the server and the fix
            raise ModelServerError(f"{article_id}: {cur}", article_id=article_id) from cur
    for cur in chain:
        if isinstance(cur, openai.APIError):
            # an error body may echo the key: hide the one the request carried, and anything key-shaped
            said = redact(str(cur), secrets_in(getattr(getattr(cur, "request", None), "headers", None)))
            raise BriefingError(f"{article_id}: the LLM request failed: {said}", article_id=article_id) from cur


# --------------------------------------------------------------------------- one call


@contextlib.contextmanager
def collecting(article_id: str) -> Iterator[Collected]:
    """Collect every raw completion made inside the block. Transport and API errors are re-raised as
    :class:`BriefingError`; model mistakes (validation failures, truncation, unreadable JSON) are kept in
    ``.error`` and swallowed, because what the collected completions hold is salvaged afterwards."""
    bucket = Collected()
    token = _RESPONSES.set(bucket)
    try:
        yield bucket
    except Exception as exc:  # noqa: BLE001 - sorted by raise_transport; the rest is salvaged
        raise_transport(exc, article_id)
        bucket.error = exc
    finally:
        _RESPONSES.reset(token)


def _split(request: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    kwargs = dict(request)
    return kwargs, kwargs.pop("validation", None)


def call(client: Client, request: dict[str, Any], article_id: str) -> Collected:
    """Send ``request`` (``create`` keyword arguments; ``validation``, if given, is the validation context,
    set around the call and never sent) and return every completion it took."""
    kwargs, context = _split(request)
    with collecting(article_id) as seen, validating(context) if context is not None else contextlib.nullcontext():
        seen.result = client.create(**kwargs)
    return seen


async def acall(client: AsyncClient, request: dict[str, Any], article_id: str) -> Collected:
    """Async form of :func:`call`."""
    kwargs, context = _split(request)
    with collecting(article_id) as seen, validating(context) if context is not None else contextlib.nullcontext():
        seen.result = await client.create(**kwargs)
    return seen
