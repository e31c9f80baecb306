"""The briefing requests (a part, the summary) and the salvage of what the model got right.

The call itself (instructor, the collected completions, error mapping) is :mod:`summarize.llm.structured`.
Flow for one request (a part of an article, read for some of the four lists):

1. instructor sends the request and validates the answer's shape; only a malformed answer is re-asked
   (``Settings.reasks``). Grounding is not part of validation: a wrong citation is repaired or dropped by
   the code, never re-asked.
2. Whatever happens, every raw completion is collected (:func:`summarize.llm.structured.call`). Items that ground in *any*
   attempt are kept; every item of every attempt that neither grounds nor is kept elsewhere is dropped and
   reported with its reason, as are items beyond a list's limit and malformed ones.
3. A truncated answer (``finish_reason == "length"``) is not re-asked blindly: its complete items are
   salvaged with a partial JSON parse, and the caller splits the part in two and briefs each half once
   (see ``brief.py``); a half that is still cut off is reported in ``meta.truncated_chunks``.

Transport and API errors are not model mistakes: they surface as :class:`BriefingError` with the original
exception as ``__cause__``; a replay miss surfaces as :class:`ReplayMiss` itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import ModelOutputError, TruncatedOutput
from ..llm.replay import ARTICLE_HEADER, encode_article_id
from ..llm.structured import (
    AsyncClient, CallLog, Client, Seen, acall, attach_collector, call, content, finish_reason, loads, log_of, prepared,
)
from ..models import DroppedItem, Evidence
from ..redact import redact
from ..settings import Settings
from .slips import finished_sentences
from .drafts import (FIELD_KIND, Scope, MAX_SUMMARY_SENTENCES, Draft, Lists, SummaryDraft, label, models_for,
                     translation_model)
from .grounder import Grounder
from .ground import normalise
from .prompts import language_name

__all__ = ["CallLog", "PartResult", "arun_part", "arun_summary", "arun_translation", "attach_collector", "run_part",
           "run_summary", "salvage"]


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


# --------------------------------------------------------------------------- salvage


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


def salvage(seen: list[Seen], grounder: Grounder, part_model: type[Lists], scope: Scope | None = None) -> PartResult:
    """Grounded items from all attempts; what no attempt grounded becomes dropped items, each once."""
    responses = [s.response for s in seen]
    error = getattr(seen, "error", None)
    if not seen and error is not None:
        # the client could not even parse the HTTP answer (e.g. a non-JSON body): nothing to salvage
        raise ModelOutputError(f"the model's answer could not be read: {redact(str(error))}") from error
    kept: dict[str, tuple[str, Draft, Evidence]] = {}
    failures: dict[str, DroppedItem] = {}
    parsed_any = False
    validated = getattr(seen, "result", None)
    for n, response in enumerate(responses):
        if n == len(responses) - 1 and isinstance(validated, Lists):
            # instructor validated this answer as a whole: its items are the ones a lenient parse gives
            parsed_any = True
            items, lost = [(field_name, item) for field_name, _, item in validated.items()], []
        elif (text := content(response)) is None or (data := loads(text, truncated=finish_reason(response) == "length")) is None:
            continue
        else:
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
                if key not in failures:
                    failures[key] = DroppedItem(kind=FIELD_KIND[field_name], label=label(item)[:120], reason=result,
                                                evidence=grounder.cited(item))
    if responses and not parsed_any:
        raise ModelOutputError("the model answered no parseable JSON in any attempt") from error
    # Items of every attempt count: one an attempt dropped and no attempt grounded is listed, once.
    dropped = [d for k, d in failures.items() if k not in kept]
    return PartResult(kept=list(kept.values()), dropped=dropped, log=log_of(seen))


def _request_kwargs(settings: Settings, article_id: str, max_tokens: int) -> dict[str, Any]:
    return {
        "model": settings.model,
        "temperature": settings.temperature,
        "max_tokens": max_tokens,
        "max_retries": settings.reasks,  # instructor: max_retries=N means N+1 attempts
        "extra_headers": {ARTICLE_HEADER: encode_article_id(article_id)},
    }


# --------------------------------------------------------------------------- sync / async entry points


def _part_model(settings: Settings, model: type[Lists] | None) -> type[Lists]:
    """The answer model of a part: ``model`` (a pass's), else all four lists in the output language."""
    return model or models_for(language_name(settings.lang))[0]


def _part_request(
    settings: Settings, messages: list[dict[str, str]], article_id: str, part_model: type[Lists]
) -> dict[str, Any]:
    return {
        "response_model": prepared(part_model),
        "messages": messages,
        **_request_kwargs(settings, article_id, settings.max_tokens),
    }


def _summary_request(settings: Settings, messages: list[dict[str, str]], article_id: str) -> dict[str, Any]:
    return {
        "response_model": prepared(models_for(language_name(settings.lang))[1]),
        "messages": messages,
        **_request_kwargs(settings, article_id, settings.summary_max_tokens),
    }


def run_part(
    client: Client,
    settings: Settings,
    messages: list[dict[str, str]],
    grounder: Grounder,
    article_id: str,
    scope: Scope | None = None,
    model: type[Lists] | None = None,
) -> PartResult:
    part_model = _part_model(settings, model)
    request = _part_request(settings, messages, article_id, part_model)
    seen = call(client, request, article_id)
    return salvage(seen, grounder, part_model, scope)


async def arun_part(
    client: AsyncClient,
    settings: Settings,
    messages: list[dict[str, str]],
    grounder: Grounder,
    article_id: str,
    scope: Scope | None = None,
    model: type[Lists] | None = None,
) -> PartResult:
    part_model = _part_model(settings, model)
    request = _part_request(settings, messages, article_id, part_model)
    seen = await acall(client, request, article_id)
    return salvage(seen, grounder, part_model, scope)


def _summary_from(seen: list[Seen], article_id: str, summary_model: type[SummaryDraft]) -> tuple[str, CallLog]:
    """The summary sentences of the last usable answer; repeated sentences (a looping model) are dropped."""
    log = log_of(seen)
    key = summary_model.model_fields["sentences"].alias or "sentences"
    for item in reversed(seen):
        text = content(item.response)
        truncated = finish_reason(item.response) == "length"
        data = loads(text, truncated=truncated) if text else None
        raw = data.get(key) if isinstance(data, dict) else None
        if not isinstance(raw, list):
            continue
        sentences: list[str] = []
        for sentence in raw[:MAX_SUMMARY_SENTENCES]:
            if not isinstance(sentence, str):
                continue
            sentence = " ".join(sentence.split())
            if sentence.casefold() == key.casefold():
                continue  # the field's own name as an item: a small model's slip of JSON, no sentence
            if truncated and sentence is raw[-1]:
                continue  # possibly cut mid-sentence
            if sentence and normalise(sentence) not in {normalise(s) for s in sentences}:
                sentences.append(sentence)
        if sentences:  # an unfinished sentence, or a line of the page copied as one, left out
            return " ".join(finished_sentences(sentences)), log
    if log.truncated:
        raise TruncatedOutput(f"{article_id}: the summary was cut off at max_tokens before any sentence ended")
    raise ModelOutputError(f"{article_id}: the model gave no usable summary")


def run_summary(
    client: Client, settings: Settings, messages: list[dict[str, str]], article_id: str
) -> tuple[str, CallLog]:
    request = _summary_request(settings, messages, article_id)
    seen = call(client, request, article_id)
    return _summary_from(seen, article_id, request["response_model"])


async def arun_summary(
    client: AsyncClient, settings: Settings, messages: list[dict[str, str]], article_id: str
) -> tuple[str, CallLog]:
    request = _summary_request(settings, messages, article_id)
    seen = await acall(client, request, article_id)
    return _summary_from(seen, article_id, request["response_model"])


# --------------------------------------------------------------------------- translation


async def arun_translation(
    client: AsyncClient, settings: Settings, messages: list[dict[str, str]], count: int, article_id: str
) -> tuple[list[str] | None, CallLog]:
    """The ``count`` texts of ``messages`` in the output language, or None when the model gave no usable
    list of that length (the texts then stay what they were). Transport and API errors are raised as for
    any request."""
    model = translation_model(language_name(settings.lang))
    request = {"response_model": prepared(model), "messages": messages,
               **_request_kwargs(settings, article_id, settings.summary_max_tokens)}
    seen = await acall(client, request, article_id)
    log = log_of(seen)
    key = model.model_fields["texts"].alias or "texts"
    for item in reversed(seen):
        text = content(item.response)
        data = loads(text, truncated=False) if text and finish_reason(item.response) != "length" else None
        texts = data.get(key) if isinstance(data, dict) else None
        if isinstance(texts, list) and len(texts) == count and all(isinstance(t, str) for t in texts):
            return [" ".join(t.split()) for t in texts], log
    return None, log
