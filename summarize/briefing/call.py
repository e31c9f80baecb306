"""One structured model call per request, and the salvage of what the model got right.

Flow for one request (a part of an article, read for some of the four lists):

1. instructor sends the request and validates the answer's shape; only a malformed answer is re-asked
   (``Settings.reasks``). Grounding is not part of validation: a wrong citation is repaired or dropped by
   the code, never re-asked.
2. Whatever happens, every raw completion is collected through a hook. Items that ground in *any*
   attempt are kept; every item of every attempt that neither grounds nor is kept elsewhere is dropped and
   reported with its reason, as are items beyond a list's limit and malformed ones.
3. A truncated answer (``finish_reason == "length"``) is not re-asked blindly: its complete items are
   salvaged with a partial JSON parse, and the caller splits the part in two and briefs each half once
   (see ``brief.py``); a half that is still cut off is reported in ``meta.truncated_chunks``.

Transport and API errors are not model mistakes: they surface as :class:`BriefingError` with the original
exception as ``__cause__``; a replay miss surfaces as :class:`ReplayMiss` itself.
"""

from __future__ import annotations

import contextlib
import json
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import instructor
import jiter
import openai
from pydantic import BaseModel, ValidationError

from ..errors import BriefingError, ModelOutputError, ModelServerError, ReplayMiss, TruncatedOutput
from ..models import DroppedItem, Evidence, Usage
from ..settings import Settings
from .extraction import FIELD_KIND, Scope, MAX_SUMMARY_SENTENCES, Draft, Grounder, Lists, SummaryDraft, label, models_for
from .ground import normalise
from .prompts import language_name
from ..llm.replay import ARTICLE_HEADER, encode_article_id
from ..llm.watch import ServerProblem
from ..llm.schemas import prepared
from ..llm.validation import as_rendered
from ..redact import redact, secrets_in

_RESPONSES: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar("summarize_responses", default=None)


def _collect(response: Any) -> None:
    bucket = _RESPONSES.get()
    if bucket is not None:
        # Snapshot the usage now: instructor later overwrites ``response.usage`` with its running total.
        bucket.append(_Seen(response, _usage(response)))


def attach_collector(client: instructor.Instructor | instructor.AsyncInstructor) -> None:
    client.on("completion:response", _collect)


@dataclass(frozen=True)
class _Seen:
    """One raw completion as it arrived, with its own token usage."""

    response: Any
    usage: Usage


@dataclass
class CallLog:
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


@dataclass
class PartResult:
    kept: list[tuple[str, Draft, Evidence]]
    dropped: list[DroppedItem]
    log: CallLog

    @property
    def truncated(self) -> bool:
        return self.log.truncated > 0

    def absorb_halves(self, halves: list[PartResult]) -> PartResult:
        """This (truncated) part's result joined with its halves': items grounded anywhere are kept; the
        part counts as truncated only if a half still was."""
        keys = {_key(f, item) for f, item, _ in self.kept}
        kept = list(self.kept)
        for half in halves:
            for f, item, evidence in half.kept:
                if _key(f, item) not in keys:
                    keys.add(_key(f, item))
                    kept.append((f, item, evidence))
        kept_labels = {(FIELD_KIND[f], label(item)[:120].casefold()) for f, item, _ in kept}
        dropped = [d for h in [self, *halves] for d in h.dropped if (d.kind, d.label.casefold()) not in kept_labels]
        log = CallLog(calls=self.log.calls, reasks=self.log.reasks, usage=self.log.usage, splits=1)
        for half in halves:
            log.add(half.log)
        return PartResult(kept=kept, dropped=dropped, log=log)


# --------------------------------------------------------------------------- response helpers


def _content(response: Any) -> str | None:
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError):
        return None
    if message.content:
        return message.content
    calls = getattr(message, "tool_calls", None) or []
    return calls[0].function.arguments if calls else None


def _finish_reason(response: Any) -> str | None:
    try:
        return response.choices[0].finish_reason
    except (AttributeError, IndexError):
        return None


def _usage(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) or 0
    return Usage(
        prompt_tokens=usage.prompt_tokens or 0, completion_tokens=usage.completion_tokens or 0, cached_tokens=cached
    )


def _log(seen: list[_Seen]) -> CallLog:
    log = CallLog(calls=len(seen), reasks=max(0, len(seen) - 1))
    for item in seen:
        log.usage = log.usage + item.usage
        log.truncated += _finish_reason(item.response) == "length"
    return log


def _loads(content: str, truncated: bool) -> Any:
    """JSON from an answer; a truncated one is parsed up to its last complete value."""
    text = content.strip()
    if text.startswith("```"):
        text = text.strip("`").removeprefix("json").strip()
    try:
        return jiter.from_json(text.encode("utf-8"), partial_mode="trailing-strings" if truncated else "off")
    except ValueError:
        return None


def _lenient_items(data: Any, part_model: type[Lists]) -> tuple[list[tuple[str, Draft]], list[DroppedItem]]:
    """Every well-formed item of a (possibly partial) answer, and a dropped entry for each item that is
    malformed or beyond its list's limit: nothing the model answered vanishes uncounted."""
    if not isinstance(data, dict):
        return [], []
    out: list[tuple[str, Draft]] = []
    lost: list[DroppedItem] = []
    for name, info in part_model.model_fields.items():
        model: type[BaseModel] = info.annotation.__args__[0]  # type: ignore[union-attr]
        raw_items = data.get(name)
        if not isinstance(raw_items, list):
            continue
        limit = info.metadata[0].max_length  # type: ignore[attr-defined]
        for n, raw in enumerate(raw_items):
            if n >= limit:
                lost.append(DroppedItem(kind=FIELD_KIND[name], label=_raw_label(raw),
                                        reason=f"beyond the limit of {limit} items per answer"))
                continue
            try:
                out.append((name, model.model_validate(raw)))  # type: ignore[arg-type]
            except ValidationError as exc:
                lost.append(DroppedItem(kind=FIELD_KIND[name], label=_raw_label(raw),
                                        reason=f"malformed or cut off: {exc.errors()[0]['msg']}"[:200]))
    return out, lost


def _raw_label(raw: Any) -> str:
    if isinstance(raw, dict):
        for key, value in raw.items():
            if key not in ("s", "words") and isinstance(value, str) and value.strip():
                return value[:120]
    return json.dumps(raw, ensure_ascii=False)[:120]


def _key(field_name: str, item: Draft) -> str:
    return f"{field_name}:{label(item).casefold()}"


def salvage(seen: list[_Seen], grounder: Grounder, part_model: type[Lists], scope: Scope | None = None) -> PartResult:
    """Grounded items from all attempts; what no attempt grounded becomes dropped items, each once."""
    responses = [s.response for s in seen]
    error = getattr(seen, "error", None)
    if not seen and error is not None:
        # the client could not even parse the HTTP answer (e.g. a non-JSON body): nothing to salvage
        raise ModelOutputError(f"the model's answer could not be read: {redact(str(error))}") from error
    kept: dict[str, tuple[str, Draft, Evidence]] = {}
    failures: dict[str, DroppedItem] = {}
    parsed_any = False
    for response in responses:
        content = _content(response)
        if content is None:
            continue
        data = _loads(content, truncated=_finish_reason(response) == "length")
        if data is None:
            continue
        parsed_any = True
        items, lost = _lenient_items(data, part_model)
        for d in lost:
            failures.setdefault(f"{d.kind}:{d.label.casefold()}:{d.reason}", d)
        for field_name, item in items:
            key = _key(field_name, item)
            result = grounder.check(item, scope)
            if isinstance(result, Evidence):
                kept.setdefault(key, (field_name, item, result))
            else:
                failures.setdefault(key, DroppedItem(kind=FIELD_KIND[field_name], label=label(item)[:120], reason=result))
    if responses and not parsed_any:
        raise ModelOutputError("the model answered no parseable JSON in any attempt") from error
    # Items of every attempt count: one an attempt dropped and no attempt grounded is listed, once.
    dropped = [d for k, d in failures.items() if k not in kept]
    return PartResult(kept=list(kept.values()), dropped=dropped, log=_log(seen))


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and all(cur is not e for e in seen):
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def _raise_transport(exc: BaseException, article_id: str) -> None:
    """Re-raise API/transport failures (not model mistakes) as ours, keeping the original.

    A replay miss wins over the ``APIConnectionError`` the openai client wraps it in."""
    chain = _chain(exc)
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


def _request_kwargs(settings: Settings, article_id: str, max_tokens: int) -> dict[str, Any]:
    return {
        "model": settings.model,
        "temperature": settings.temperature,
        "max_tokens": max_tokens,
        "max_retries": settings.reasks,  # instructor: max_retries=N means N+1 attempts
        "extra_headers": {ARTICLE_HEADER: encode_article_id(article_id)},
    }


# --------------------------------------------------------------------------- sync / async entry points


class _Collected(list):  # type: ignore[type-arg]
    """The completions of one call (a list of :class:`_Seen`) and the model error swallowed, if any."""

    error: BaseException | None = None


@contextlib.contextmanager
def _attempts(article_id: str) -> Iterator[_Collected]:
    """Collect every raw completion made inside the block. Transport and API errors are re-raised as
    :class:`BriefingError`; model mistakes (validation failures, truncation, unreadable JSON) are kept in
    ``.error`` and swallowed, because what the collected completions hold is salvaged afterwards."""
    bucket = _Collected()
    token = _RESPONSES.set(bucket)
    try:
        yield bucket
    except Exception as exc:  # noqa: BLE001 - sorted by _raise_transport; the rest is salvaged
        _raise_transport(exc, article_id)
        bucket.error = exc
    finally:
        _RESPONSES.reset(token)


def _part_request(
    settings: Settings, messages: list[dict[str, str]], article_id: str, model: type[Lists] | None = None
) -> dict[str, Any]:
    part_model = model or models_for(language_name(settings.lang))[0]
    return {
        "response_model": prepared(part_model),
        "messages": as_rendered(messages),
        **_request_kwargs(settings, article_id, settings.max_tokens),
    }


def _summary_request(settings: Settings, messages: list[dict[str, str]], article_id: str) -> dict[str, Any]:
    return {
        "response_model": prepared(models_for(language_name(settings.lang))[1]),
        "messages": messages,
        **_request_kwargs(settings, article_id, settings.summary_max_tokens),
    }


def run_part(
    client: instructor.Instructor,
    settings: Settings,
    messages: list[dict[str, str]],
    grounder: Grounder,
    article_id: str,
    scope: Scope | None = None,
    model: type[Lists] | None = None,
) -> PartResult:
    request = _part_request(settings, messages, article_id, model)
    with _attempts(article_id) as seen:
        client.create(**request)
    return salvage(seen, grounder, request["response_model"], scope)


async def arun_part(
    client: instructor.AsyncInstructor,
    settings: Settings,
    messages: list[dict[str, str]],
    grounder: Grounder,
    article_id: str,
    scope: Scope | None = None,
    model: type[Lists] | None = None,
) -> PartResult:
    request = _part_request(settings, messages, article_id, model)
    with _attempts(article_id) as seen:
        await client.create(**request)
    return salvage(seen, grounder, request["response_model"], scope)


def _summary_from(seen: list[_Seen], article_id: str, summary_model: type[SummaryDraft]) -> tuple[str, CallLog]:
    """The summary sentences of the last usable answer; repeated sentences (a looping model) are dropped."""
    log = _log(seen)
    key = summary_model.model_fields["sentences"].alias or "sentences"
    for item in reversed(seen):
        content = _content(item.response)
        truncated = _finish_reason(item.response) == "length"
        data = _loads(content, truncated=truncated) if content else None
        raw = data.get(key) if isinstance(data, dict) else None
        if not isinstance(raw, list):
            continue
        sentences: list[str] = []
        for sentence in raw[:MAX_SUMMARY_SENTENCES]:
            if not isinstance(sentence, str):
                continue
            sentence = " ".join(sentence.split())
            if truncated and sentence is raw[-1]:
                continue  # possibly cut mid-sentence
            if sentence and normalise(sentence) not in {normalise(s) for s in sentences}:
                sentences.append(sentence)
        if sentences:
            return " ".join(sentences), log
    if log.truncated:
        raise TruncatedOutput(f"{article_id}: the summary was cut off at max_tokens before any sentence ended")
    raise ModelOutputError(f"{article_id}: the model gave no usable summary")


def run_summary(
    client: instructor.Instructor, settings: Settings, messages: list[dict[str, str]], article_id: str
) -> tuple[str, CallLog]:
    request = _summary_request(settings, messages, article_id)
    with _attempts(article_id) as seen:
        client.create(**request)
    return _summary_from(seen, article_id, request["response_model"])


async def arun_summary(
    client: instructor.AsyncInstructor, settings: Settings, messages: list[dict[str, str]], article_id: str
) -> tuple[str, CallLog]:
    request = _summary_request(settings, messages, article_id)
    with _attempts(article_id) as seen:
        await client.create(**request)
    return _summary_from(seen, article_id, request["response_model"])
