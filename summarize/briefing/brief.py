"""Article -> Briefing: clean, split into parts, ask the model per part, ground, merge, summarise.

The sync and async entry points share everything but the calls: :class:`Plan` prepares the requests
and assembles the result, both pure and fast.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from pathlib import Path

import instructor
from openai import AsyncOpenAI, OpenAI

from ..article.clean import CleanedText, clean, find_date
from ..article.dates import normalise_date
from ..article.load import article_from_text, load_article
from ..errors import BriefingError, InputError, UsageError
from ..llm import client as llm
from ..models import (
    Actor,
    Article,
    ArticleRef,
    Briefing,
    BriefingMeta,
    Decision,
    DroppedItem,
    Evidence,
    OpenQuestion,
    Weapon,
)
from ..settings import Settings
from . import prompts
from .call import CallLog, PartResult, arun_part, arun_summary, attach_collector, run_part, run_summary
from .chunk import chunk, halve
from .extraction import ActorDraft, DecisionDraft, Draft, Grounder, QuestionDraft, WeaponDraft
from .ground import normalise
from .safety import scrub, scrub_optional

SUMMARY_INPUT_CHARS = 4000
MAX_EVIDENCE = 3

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


def _merge_key(field: str, item: Draft) -> str:
    if isinstance(item, (ActorDraft, WeaponDraft)):
        return f"{field}:{normalise(item.name)}"
    if isinstance(item, DecisionDraft):
        return f"{field}:{normalise(item.who)}|{normalise(item.what)}"
    return f"{field}:{normalise(item.question)}"


class Plan:
    """The requests for one article, and how their answers become a Briefing."""

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.settings = settings
        self.cleaned: CleanedText = clean(article.text)
        if not self.cleaned.text.strip():
            raise InputError(
                f"{article.path or article.id}: nothing is left after removing page chrome (menus, teasers, "
                "credits); check that it holds an article's text",
                path=article.path,
            )
        self.parts = chunk(self.cleaned.text, settings.chunk_chars)
        self.title = article.title or article.id
        self.scopes = [self._scope(part) for part in self.parts]
        self.grounder = Grounder(article.text, self.cleaned, instructions=self.part_messages(0)[0]["content"])

    def _scope(self, part: str) -> tuple[int, int] | None:
        """Where a part sits in the cleaned text (parts are cut from it at line and sentence ends)."""
        start = self.cleaned.text.find(part[:80])
        return (start, min(len(self.cleaned.text), start + len(part))) if start >= 0 else None

    def part_messages(self, i: int) -> list[dict[str, str]]:
        return self.messages_for(self.parts[i], str(i + 1))

    def messages_for(self, text: str, label: str) -> list[dict[str, str]]:
        return prompts.messages(
            "brief", lang=self.settings.lang, title=self.title, part=label, parts=len(self.parts), text=text
        )

    def halves(self, i: int) -> list[tuple[list[dict[str, str]], tuple[int, int] | None]]:
        """Requests for the two halves of part ``i`` (labelled ``2a``, ``2b``), for a truncated answer."""
        return [
            (self.messages_for(half, f"{i + 1}{letter}"), self._scope(half))
            for letter, half in zip("ab", halve(self.parts[i]))
        ]

    def summary_messages(self) -> list[dict[str, str]]:
        text = self.cleaned.text[:SUMMARY_INPUT_CHARS]
        return prompts.messages("summary", lang=self.settings.lang, title=self.title, text=text)

    def assemble(self, summary: str, summary_log: CallLog, results: list[PartResult]) -> Briefing:
        log = CallLog()
        log.add(summary_log)
        merged: dict[str, tuple[str, Draft, list[Evidence]]] = {}
        dropped: list[DroppedItem] = []
        for result in results:
            log.add(result.log)
            dropped.extend(result.dropped)
            for field, item, evidence in result.kept:
                key = _merge_key(field, item)
                if key in merged:
                    evidences = merged[key][2]
                    if len(evidences) < MAX_EVIDENCE and all(e.start != evidence.start for e in evidences):
                        evidences.append(evidence)
                else:
                    merged[key] = (field, item, [evidence])

        # A weak model also lists weapon systems as actors ("Patriot-Systeme", kind "other"): a name the
        # same answer set gives as a weapon is not an actor.
        weapon_names = {normalise(i.name_as_written) for f, i, _ in merged.values() if isinstance(i, WeaponDraft)}
        weapon_names |= {normalise(i.name) for f, i, _ in merged.values() if isinstance(i, WeaponDraft)}
        for key, (field, item, _) in list(merged.items()):
            if isinstance(item, ActorDraft) and (
                normalise(item.name_as_written) in weapon_names or normalise(item.name) in weapon_names
            ):
                del merged[key]
                dropped.append(DroppedItem(kind="actor", label=item.name_as_written[:120],
                                           reason="it is listed as a weapon, not an actor"))

        lists: dict[str, list] = {"actors": [], "decisions": [], "weapons": [], "open_questions": []}
        for field, item, evidences in sorted(merged.values(), key=lambda m: m[2][0].start):
            evidences = sorted(evidences, key=lambda e: e.start)
            if isinstance(item, ActorDraft) and self.grounder.echoes_instructions(item.role):
                item = item.model_copy(update={"role": None})
            lists[field].append(_final(item, evidences, self.article.text, self.article.published))
        a = self.article
        return Briefing(
            article=ArticleRef(
                id=a.id, title=a.title, source=a.source, published=a.published, language=a.language, sha256=a.sha256
            ),
            summary=scrub(summary, a.text),
            **lists,
            dropped_items=len(dropped),
            dropped=dropped,
            meta=BriefingMeta(
                prompt_version=prompts.prompt_version(),
                model=self.settings.model,
                mode=self.settings.mode,
                lang=self.settings.lang,
                chunks=len(self.parts),
                llm_calls=log.calls,
                reasks=log.reasks,
                truncated_chunks=log.truncated,
                split_chunks=log.splits,
                usage=log.usage,
                cleaning=self.cleaned.report,
            ),
        )


def _grounded_date(stated: str | None, source: str, published: dt.date | None) -> str | None:
    """The model's date for a decision, kept only if the article states it: the same calendar day in the
    article's own wording (returned instead of the model's), or the month/weekday word it used. A model can
    name a date the article never gives ("2021-08-01" for "am Sonntag"); that is dropped, not trusted."""
    if not stated or not stated.strip():
        return None
    when = normalise_date(stated, published)
    if when.precision == "day" and when.date is not None:
        for line in source.splitlines():
            pos = 0
            while (found := find_date(line[pos:])) is not None:
                if found[0] == when.date:
                    return line[pos + found[1] : pos + found[2]]
                pos += found[2]
        return None
    if when.precision in ("month", "year") and when.text.casefold() in source.casefold():
        return when.text
    return None


def _final(
    item: Draft, evidence: list[Evidence], source: str, published: dt.date | None = None
) -> Actor | Decision | Weapon | OpenQuestion:
    """The output item, every model-written field scrubbed of links and markup the article lacks, and a
    decision's date kept only when the article states it."""

    def clean(value: str) -> str:
        return scrub(value.strip(), source)

    if isinstance(item, ActorDraft):
        return Actor(
            name=clean(item.name) or clean(item.name_as_written), name_as_written=clean(item.name_as_written),
            kind=item.kind, role=scrub_optional((item.role or "").strip() or None, source), evidence=evidence,
        )
    if isinstance(item, DecisionDraft):
        return Decision(
            who=clean(item.who), what=clean(item.what), status=item.status,
            date=_grounded_date(item.date, source, published), evidence=evidence,
        )
    if isinstance(item, WeaponDraft):
        return Weapon(
            name=clean(item.name) or clean(item.name_as_written), name_as_written=clean(item.name_as_written),
            category=clean(item.category), status=item.status, evidence=evidence,
        )
    assert isinstance(item, QuestionDraft)
    return OpenQuestion(question=clean(item.question), evidence=evidence)


def _tag(exc: BriefingError, article_id: str) -> BriefingError:
    if exc.article_id is None:
        exc.article_id = article_id
    return exc


# --------------------------------------------------------------------------- public entry points


def brief_with(client: instructor.Instructor, article: Article, settings: Settings) -> Briefing:
    """Brief one article with an already wrapped instructor client (see :func:`summarize.llm.client.wrap`)."""
    plan = Plan(article, settings)
    try:
        results = []
        for i in range(len(plan.parts)):
            result = run_part(client, settings, plan.part_messages(i), plan.grounder, article.id, plan.scopes[i])
            if result.truncated and (halves := plan.halves(i)):
                result = result.absorb_halves(
                    [run_part(client, settings, m, plan.grounder, article.id, scope) for m, scope in halves]
                )
            results.append(result)
        summary, summary_log = run_summary(client, settings, plan.summary_messages(), article.id)
    except BriefingError as exc:
        raise _tag(exc, article.id)
    return plan.assemble(summary, summary_log, results)


async def abrief_with(client: instructor.AsyncInstructor, article: Article, settings: Settings) -> Briefing:
    plan = Plan(article, settings)
    try:
        async def one_part(i: int) -> PartResult:
            result = await arun_part(client, settings, plan.part_messages(i), plan.grounder, article.id, plan.scopes[i])
            if result.truncated and (halves := plan.halves(i)):
                result = result.absorb_halves(
                    [await arun_part(client, settings, m, plan.grounder, article.id, scope) for m, scope in halves]
                )
            return result

        # The summary needs no part's answer, so it runs alongside them: an article costs one model latency,
        # not two. A TaskGroup cancels the others as soon as one fails, so no request outlives its article.
        try:
            async with asyncio.TaskGroup() as group:
                summary_task = group.create_task(arun_summary(client, settings, plan.summary_messages(), article.id))
                tasks = [group.create_task(one_part(i)) for i in range(len(plan.parts))]
        except BaseExceptionGroup as group_error:
            raise group_error.exceptions[0]  # keeps its own __cause__ (the original API error)
        results = [task.result() for task in tasks]
        summary, summary_log = summary_task.result()
    except BriefingError as exc:
        raise _tag(exc, article.id)
    return plan.assemble(summary, summary_log, list(results))


def instructor_client(settings: Settings, client: OpenAI | None = None) -> instructor.Instructor:
    wrapped = llm.wrap(client if client is not None else llm.make_openai(settings), settings)
    attach_collector(wrapped)
    return wrapped


def async_instructor_client(
    settings: Settings, client: AsyncOpenAI | None = None, observe: llm.Observer | None = None
) -> instructor.AsyncInstructor:
    wrapped = llm.wrap_async(client if client is not None else llm.make_async_openai(settings, observe=observe), settings)
    attach_collector(wrapped)
    return wrapped


def brief(source: ArticleLike, *, settings: Settings | None = None, client: OpenAI | None = None) -> Briefing:
    """Brief one article: an :class:`Article`, a ``pathlib.Path`` to a file, or the article text as ``str``.

    ``settings`` default to :meth:`Settings.from_env`; ``client`` lets you inject a configured ``OpenAI``.
    Raises :class:`~summarize.errors.InputError`, :class:`~summarize.errors.ConfigurationError` or
    :class:`~summarize.errors.BriefingError` (with the original error as ``__cause__``).
    """
    settings = settings or Settings.from_env()
    article = as_article(source)
    return brief_with(instructor_client(settings, client), article, settings)


async def abrief(source: ArticleLike, *, settings: Settings | None = None, client: AsyncOpenAI | None = None) -> Briefing:
    """Async form of :func:`brief`; ``client`` is an ``AsyncOpenAI``."""
    settings = settings or Settings.from_env()
    article = as_article(source)
    return await abrief_with(async_instructor_client(settings, client), article, settings)
