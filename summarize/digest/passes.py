"""Digest-level model calls: one structured request over digest items, by id, with one re-ask.

Shared by :mod:`.events` (clustering) and :mod:`.headline` (synthesis). The request goes through the same
client (:mod:`summarize.llm.structured`), transports, retries and record/replay as the briefings; it is recorded under the
pseudo-article id ``_digest`` (``DIR/_digest/<key>.json``). Like the briefing calls, every raw completion
is collected, so what the model got right survives a failed re-ask; the caller salvages entry by entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..briefing.prompts import messages as prompt_messages
from ..errors import ModelOutputError
from ..models import Usage
from ..settings import Settings
from ..llm import structured
from ..llm.replay import ARTICLE_HEADER
from ..llm.structured import AsyncClient, Client, Seen, content, finish_reason, loads, log_of

DIGEST_ID = "_digest"
MAX_TOKENS = 700


@dataclass
class Answer:
    """The parsed JSON of the last usable answer, and what the calls cost; ``earlier``: the parsed JSON of the
    usable answers before it, latest first (a re-ask may answer worse than the answer it was asked after)."""

    data: dict[str, Any]
    calls: int
    usage: Usage
    earlier: tuple[dict[str, Any], ...] = ()


def request(
    settings: Settings, template: str, response_model: type[BaseModel], items: str, context: dict[str, Any]
) -> dict[str, Any]:
    return {
        "response_model": response_model,
        "messages": prompt_messages(template, lang=settings.lang, items=items),
        "validation": context,  # set with validating() around the call, never given to instructor
        "model": settings.model,
        "temperature": settings.temperature,
        "max_tokens": MAX_TOKENS,
        "max_retries": settings.reasks,
        "extra_headers": {ARTICLE_HEADER: DIGEST_ID},
    }


def _answer(seen: Sequence[Seen], error: BaseException | None, what: str) -> Answer:
    log = log_of(list(seen))
    usable = []
    for item in reversed(seen):
        text = content(item.response)
        data = loads(text, truncated=finish_reason(item.response) == "length") if text else None
        if isinstance(data, dict):
            usable.append(data)
    if usable:
        return Answer(data=usable[0], calls=log.calls, usage=log.usage, earlier=tuple(usable[1:]))
    raise ModelOutputError(f"the {what} pass got no usable JSON from the model") from error


def call(client: Client, req: dict[str, Any], what: str) -> Answer:
    seen = structured.call(client, req, DIGEST_ID)
    return _answer(seen, seen.error, what)


async def acall(client: AsyncClient, req: dict[str, Any], what: str) -> Answer:
    seen = await structured.acall(client, req, DIGEST_ID)
    return _answer(seen, seen.error, what)


def quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
