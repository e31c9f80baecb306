"""Step 1 of a batch run (see :mod:`summarize.run.batch`): collect the first-round requests without sending
any, and cut them into Batch API input files within :class:`BatchLimits`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx2
from openai import OpenAI

from ...briefing.brief import Plan
from ...briefing.call import run_part, run_summary
from ...errors import BatchError, BriefingError, InputError, causes
from ...llm.client import instructor_client
from ...llm.replay import api_path, article_of, request_body, request_key
from ...models import Article
from ...settings import Settings

ENDPOINT = "/v1/chat/completions"
CHAT_PATH = "/chat/completions"
_COLLECT_BASE_URL = "http://batch-collect.invalid/v1"  # never contacted: the collecting transport answers nothing


@dataclass(frozen=True)
class BatchLimits:
    """What the Batch API takes in one input file: at most ``max_requests`` lines and ``max_bytes`` bytes.
    Larger inputs are split into several batches (see :mod:`summarize.run.batch`); tests pass small limits."""

    max_requests: int = 50_000
    max_bytes: int = 200 * 1024 * 1024


@dataclass(frozen=True)
class Pending:
    """One collected first-round request."""

    article_id: str | None
    body: Any


# --------------------------------------------------------------------------- collect


class _Deferred(Exception):
    """Raised by the collecting transport instead of sending: the request goes into the batch."""


class _CollectingTransport(httpx2.BaseTransport):
    def __init__(self) -> None:
        self.requests: dict[str, Pending] = {}

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        path = api_path(request.url)
        if path != CHAT_PATH:
            raise _Deferred(f"unexpected request to {path} while collecting")
        body = request_body(request)
        key = request_key(request.method, path, body)
        self.requests.setdefault(key, Pending(article_of(request), body))
        raise _Deferred(key)


def _deferred(exc: BaseException) -> bool:
    return any(isinstance(cur, _Deferred) for cur in causes(exc))


def _expect_deferral(call: Callable[[], object]) -> None:
    try:
        call()
    except BriefingError as exc:
        if not _deferred(exc):
            raise
        return
    raise RuntimeError("the collecting transport answered a request; it must defer every one")  # pragma: no cover


def collect_requests(articles: Sequence[Article], settings: Settings) -> dict[str, Pending]:
    """The first-round chat requests of ``articles`` (every part and pass, then the summary), keyed by request key,
    in article order. Exactly the bodies the pipeline sends; nothing is sent. An article that cannot be
    briefed at all (nothing left after cleaning) is left out: the answer step reports it."""
    transport = _CollectingTransport()
    client = OpenAI(
        api_key="batch-collect", base_url=_COLLECT_BASE_URL, max_retries=0, http_client=httpx2.Client(transport=transport)
    )
    wrapped = instructor_client(settings, client)
    for article in articles:
        try:
            plan = Plan(article, settings)
        except InputError:
            continue
        for request in plan.requests:
            _expect_deferral(
                lambda: run_part(wrapped, settings, request.messages, plan.grounder, article.id, request.scope,
                                 request.model)
            )
        _expect_deferral(lambda: run_summary(wrapped, settings, plan.summary_messages(), article.id))
    client.close()
    return transport.requests


def jsonl_lines(requests: dict[str, Pending]) -> Iterator[str]:
    """The Batch API input lines, one per request; ``custom_id`` is the request key."""
    for key, pending in requests.items():
        yield json.dumps({"custom_id": key, "method": "POST", "url": ENDPOINT, "body": pending.body}, ensure_ascii=False)


def split_requests(requests: dict[str, Pending], limits: BatchLimits = BatchLimits()) -> list[dict[str, Pending]]:
    """``requests`` cut into input files within ``limits``, in order: a new file starts when the next line would
    pass ``max_requests`` lines or ``max_bytes`` bytes (newlines included). Raises :class:`BatchError` for a
    request that alone is larger than ``max_bytes``."""
    parts: list[dict[str, Pending]] = []
    part: dict[str, Pending] = {}
    size = 0
    for (key, pending), line in zip(requests.items(), jsonl_lines(requests)):
        n = len(line.encode("utf-8")) + 1
        if n > limits.max_bytes:
            raise BatchError(
                f"one request of article {pending.article_id} is {n} bytes, more than a batch file takes "
                f"({limits.max_bytes}); brief that article without --batch, or with a smaller --max-chars"
            )
        if part and (len(part) >= limits.max_requests or size + n > limits.max_bytes):
            parts.append(part)
            part, size = {}, 0
        part[key] = pending
        size += n
    if part:
        parts.append(part)
    return parts
