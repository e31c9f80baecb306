"""Article -> Briefing: clean, split into parts, ask the model per part, ground, merge, summarise.

One implementation, async (:func:`abrief_with`); the sync :func:`brief` runs it on one event loop (see
:mod:`summarize.sync`). :class:`~summarize.briefing.plan.Plan` prepares the requests and assembles the
result, both pure and fast.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

from ..llm.structured import AsyncClient
from openai import AsyncOpenAI, OpenAI

from ..article.load import article_from_text, load_article
from ..errors import BriefingError, UsageError
from ..llm import client as llm
from ..llm.client import async_instructor_client, instructor_client  # re-exported: built in llm/client.py
from ..llm.limiter import DEFAULT_CONCURRENCY, AdaptiveLimit
from ..models import Article, Briefing
from ..settings import Settings
from ..sync import Blocking, run_sync
from .call import CallLog, PartResult, arun_part, arun_summary, arun_translation
from .plan import PartRequest, Plan

ArticleLike = Article | os.PathLike[str] | str


def as_article(source: ArticleLike) -> Article:
    """An Article as is; a Path (any ``os.PathLike``) is read from disk; a ``str`` is the article's text."""
    if isinstance(source, Article):
        return source
    if isinstance(source, os.PathLike):
        return load_article(Path(source))
    if isinstance(source, str):
        return article_from_text(source)
    raise UsageError(f"cannot brief a {type(source).__name__}: pass an Article, a pathlib.Path or the text as str")


def _tag(exc: BriefingError, article_id: str) -> BriefingError:
    if exc.article_id is None:
        exc.article_id = article_id
    return exc


# --------------------------------------------------------------------------- public entry points


async def _together(calls: list[Coroutine[Any, Any, Any]]) -> list[Any]:
    """The results of ``calls``, run as the tasks of one TaskGroup and started in their order. The group
    cancels the others as soon as one fails, and the first failure is raised as it is (with its own
    ``__cause__``, the original API error), not as an exception group."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(call) for call in calls]
    except BaseExceptionGroup as group_error:
        raise group_error.exceptions[0]
    return [task.result() for task in tasks]


async def abrief_with(
    client: AsyncClient | Blocking, article: Article, settings: Settings, *,
    limit: AdaptiveLimit | None = None, priority: int = 0,
) -> Briefing:
    """Brief one article with an already wrapped instructor client (see :func:`async_instructor_client`; a
    sync caller's client comes wrapped in :class:`~summarize.sync.Blocking`). Every model call of the article
    holds a slot of ``limit`` while it runs (its transport retries and re-asks go one after another inside
    it), with ``priority`` (lower goes first; a run passes the article's position). Without ``limit``, :data:`DEFAULT_CONCURRENCY` bounds them."""
    plan = Plan(article, settings)
    gate = limit if limit is not None else AdaptiveLimit(DEFAULT_CONCURRENCY)
    failed: list[BaseException] = []

    async def ask(send: Callable[[], Awaitable[Any]]) -> Any:
        # No call starts once one of the article's calls has failed: the TaskGroup cancels the others only
        # a loop turn later, and a sync caller's client (one blocking request after another) would have
        # sent them all by then.
        async with gate.slot(priority):
            if failed:
                raise asyncio.CancelledError
            try:
                return await send()
            except BaseException as exc:
                failed.append(exc)
                raise

    try:
        async def part(request: PartRequest) -> PartResult:
            return await ask(lambda: arun_part(
                client, settings, request.messages, plan.grounder, article.id, request.scope, request.model))

        async def one(request: PartRequest) -> PartResult:
            result = await part(request)
            if result.truncated and (halves := plan.halves(request)):
                result = result.absorb_halves([await part(h) for h in halves])
            return result

        async def summary() -> tuple[str, CallLog]:
            return await ask(lambda: arun_summary(client, settings, plan.summary_messages(), article.id))

        # The summary needs no part's answer, so it queues alongside them, after them: with one request
        # at a time (a sync caller's client) the order is the parts, each part's halves right after it,
        # then the summary. A TaskGroup cancels the others as soon as one fails, so no request outlives
        # its article; a cancelled call that waits for a slot gives its place up.
        *results, (summary_text, summary_log) = await _together([*map(one, plan.requests), summary()])
        if gleans := plan.glean_requests(results):  # the sentences of an act no decision covers, once more
            results += await _together(list(map(one, gleans)))
        if texts := plan.english.foreign_texts(results):  # in the article's language: asked once more in English
            english, log = await ask(lambda: arun_translation(
                client, settings, plan.english.translation_messages(texts), len(texts), article.id))
            summary_log.add(log)
            results = plan.english.translated(results, dict(zip(texts, english)) if english else {})
    except BriefingError as exc:
        raise _tag(exc, article.id)
    return plan.assemble(summary_text, summary_log, list(results))


def brief(source: ArticleLike, *, settings: Settings | None = None, client: OpenAI | None = None) -> Briefing:
    """Brief one article: an :class:`Article`, a ``pathlib.Path`` to a file, or the article text as ``str``.

    The sync form of :func:`abrief`, one request at a time. ``settings`` default to :meth:`Settings.from_env`;
    ``client`` lets you inject a configured ``OpenAI`` (its requests run in the calling thread). Raises
    :class:`~summarize.errors.InputError`, :class:`~summarize.errors.ConfigurationError` or
    :class:`~summarize.errors.BriefingError` (with the original error as ``__cause__``); inside a running
    event loop, :class:`~summarize.errors.UsageError`: await :func:`abrief` there.
    """
    settings = settings or Settings.from_env()
    article = as_article(source)
    calls = Blocking(instructor_client(settings, client)) if client is not None else None
    return run_sync(_abrief(article, settings, calls, concurrency=1), "abrief")


async def abrief(
    source: ArticleLike, *, settings: Settings | None = None, client: AsyncOpenAI | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> Briefing:
    """Async form of :func:`brief`; ``client`` is an ``AsyncOpenAI``. At most ``concurrency`` requests to the
    model are in flight at once (fewer while the server pushes back, when the client is our own)."""
    if concurrency < 1:
        raise UsageError(f"concurrency={concurrency}: use 1 or more")
    settings = settings or Settings.from_env()
    article = as_article(source)
    calls = async_instructor_client(settings, client) if client is not None else None
    return await _abrief(article, settings, calls, concurrency)


async def _abrief(
    article: Article, settings: Settings, calls: AsyncClient | Blocking | None, concurrency: int
) -> Briefing:
    """Brief ``article`` with ``calls``, or with a client of our own (observed by the adaptive limit, and
    closed when the article is done)."""
    limit = AdaptiveLimit(concurrency)
    own = llm.make_async_openai(settings, observe=limit.observe) if calls is None else None
    try:
        wrapped = calls if calls is not None else async_instructor_client(settings, own)
        return await abrief_with(wrapped, article, settings, limit=limit)
    finally:
        if own is not None:
            await own.close()
