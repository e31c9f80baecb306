"""Article -> Briefing: clean, split into parts, ask the model per part, ground, merge, summarise.

The sync and async entry points share everything but the calls: :class:`Plan` prepares the requests
and assembles the result, both pure and fast.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..llm.structured import AsyncClient, Client
from openai import AsyncOpenAI, OpenAI

from ..article.clean import CleanedText, clean, find_date
from ..article.dates import normalise_date
from ..article.load import article_from_text, check_size, load_article
from ..errors import BriefingError, InputError, UsageError
from ..llm.client import async_instructor_client, instructor_client  # re-exported: built in llm/client.py
from ..llm.limiter import DEFAULT_CONCURRENCY, AdaptiveLimit
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
from .call import CallLog, PartResult, arun_part, arun_summary, run_part, run_summary
from . import cues, gazetteer
from .plausible import actor_problem, looks_like_organisation, not_in_english, reachable, weapon_problem
from .extraction import (
    FIELD_KIND, PASSES, alias_forms, alias_kind, canonical_weapon, label, ActorDraft, DecisionDraft, Draft, Grounder, Lists, QuestionDraft, Sentences, WeaponDraft, halve, pass_model, sentence_chars,
)
from .ground import mentions, normalise
from .safety import scrub, scrub_optional

SUMMARY_INPUT_CHARS = 4000
MIN_SPLIT_CHARS = 300  # a part shorter than this is not split after a cut-off answer
MAX_EVIDENCE = 3

ArticleLike = Article | os.PathLike[str] | str


@dataclass(frozen=True)
class PartRequest:
    """One request of an article: a part (``scope``, sentence numbers) read for some lists (``model``)."""

    messages: list[dict[str, str]]
    model: type[Lists]
    scope: tuple[int, int]
    name: str


def as_article(source: ArticleLike) -> Article:
    """An Article as is; a Path (any ``os.PathLike``) is read from disk; a ``str`` is the article's text."""
    if isinstance(source, Article):
        return source
    if isinstance(source, os.PathLike):
        return load_article(Path(source))
    if isinstance(source, str):
        return article_from_text(source)
    raise UsageError(f"cannot brief a {type(source).__name__}: pass an Article, a pathlib.Path or the text as str")


def _part_messages(
    sentences: Sentences, scope: tuple[int, int], title: str, label: str, parts: int, name: str,
    fields: tuple[str, ...], lang: str,
) -> list[dict[str, str]]:
    return prompts.messages(
        "brief", lang=lang, title=title, part=label, parts=parts, text=sentences.numbered(scope),
        hints=cues.hints(sentences, scope, fields), task=prompts.task(name, lang=lang),
    )


@lru_cache(maxsize=None)
def _example_turns(name: str, fields: tuple[str, ...], lang: str) -> tuple[dict[str, str], ...]:
    """The worked example as a user turn in the same form as the real one, and the answer turn."""
    text, answer = prompts.example(name, lang)
    sentences = Sentences.of(text)
    title = text.splitlines()[0]
    user = _part_messages(sentences, (1, len(sentences)), title, "1", 1, name, fields, lang)[1]
    return (user, {"role": "assistant", "content": answer})


def _merge_key(field: str, item: Draft) -> str:
    if isinstance(item, (ActorDraft, WeaponDraft)):
        return f"{field}:{normalise(item.name)}"
    if isinstance(item, DecisionDraft):
        return f"{field}:{normalise(item.who[0])}|{normalise(item.what)}"
    return f"{field}:{normalise(item.question)}"


def _vet(merged: dict[str, tuple[str, Draft, list[Evidence]]], dropped: list[DroppedItem], *, english: bool) -> None:
    """Drop (and list) what is not what the model says it is; see :mod:`summarize.briefing.plausible`.

    Order matters: implausible weapons go first ("Krieg" listed as a weapon must not cost the actor
    "US-Rüstungsindustrie" its place), then a weapon given as an actor becomes the weapon ("Drohnenangriffe"),
    then an actor the same answers give as a weapon is dropped ("Patriot-Systeme"), then the actors' kinds
    are checked, then descriptions that should be English are."""

    def drop(key: str, field: str, item: Draft, reason: str) -> None:
        del merged[key]
        dropped.append(DroppedItem(kind=FIELD_KIND[field], label=label(item)[:120], reason=reason))

    for key, (field, item, _) in list(merged.items()):
        if isinstance(item, WeaponDraft) and (problem := weapon_problem(item)):
            drop(key, field, item, problem)
    for key, (field, item, evidences) in list(merged.items()):
        if isinstance(item, ActorDraft) and (kind := canonical_weapon(item.name_as_written, generic=True)):
            del merged[key]
            weapon = WeaponDraft(name_as_written=item.name_as_written, s=item.s, name=kind, category=kind,
                                 status="other")
            merged.setdefault(_merge_key("weapons", weapon), ("weapons", weapon, evidences))
    weapons = [i for _, i, _ in merged.values() if isinstance(i, WeaponDraft)]
    weapon_names = {normalise(w.name_as_written) for w in weapons} | {normalise(w.name) for w in weapons}
    for key, (field, item, evidences) in list(merged.items()):
        if isinstance(item, ActorDraft):
            if normalise(item.name_as_written) in weapon_names or normalise(item.name) in weapon_names:
                drop(key, field, item, "it is listed as a weapon, not an actor")
                continue
            known = alias_kind(item.name) or alias_kind(item.name_as_written)
            if known in ("person", "state", "organisation") and known != item.kind:
                item = item.model_copy(update={"kind": known})  # the alias table knows: "Kreml" is no state
                merged[key] = (field, item, evidences)
            elif item.kind == "state" and looks_like_organisation(item):
                item = item.model_copy(update={"kind": "organisation"})
                merged[key] = (field, item, evidences)
            if problem := actor_problem(item):
                drop(key, field, item, problem)
        elif english and isinstance(item, (DecisionDraft, QuestionDraft)):
            if not_in_english(item.what if isinstance(item, DecisionDraft) else item.question):
                drop(key, field, item, "the description is in the article's language, not in English")


class Plan:
    """The requests for one article, and how their answers become a Briefing."""

    def __init__(self, article: Article, settings: Settings) -> None:
        self.article = article
        self.settings = settings
        check_size(article.text, article.path or article.id, settings.max_chars, article.path)  # before any work
        self.cleaned: CleanedText = clean(article.text)
        if not self.cleaned.text.strip():
            raise InputError(
                f"{article.path or article.id}: nothing is left after removing page chrome (menus, teasers, "
                "credits); check that it holds an article's text",
                path=article.path,
            )
        self.title = article.title or article.id
        # The parts are runs of numbered sentences; the model cites sentence numbers (see extraction.py).
        # A text without sentence ends is cut into numbered pieces that fit a part (see Sentences.of).
        self.sentences = sentences = Sentences.of(self.cleaned.text, sentence_chars(settings.chunk_chars))
        self.scopes = sentences.windows(settings.chunk_chars)
        lang = prompts.language_name(settings.lang)
        # One request per pass and part (see extraction.PASSES and Settings.depth). A focused pass for
        # decisions or questions reads shorter parts: those items are dense, names are not.
        self.requests = []
        for name, fields in PASSES[settings.depth]:
            focused = settings.depth > 1 and "decisions" in fields
            scopes = sentences.windows(settings.chunk_chars // 2) if focused else self.scopes
            if fields == ("open_questions",):  # an open question needs a sentence that says so (cues.is_open)
                scopes = [sc for sc in scopes if cues.matching(sentences, sc, "open")]
            self.requests += [
                PartRequest(self._messages(scope, str(i + 1), name, fields, len(scopes)), pass_model(lang, fields),
                            scope, name)
                for i, scope in enumerate(scopes)
            ]
        # A field that repeats the instructions or the worked example is the model echoing, not the article.
        echoes = {m["content"] for r in self.requests for m in r.messages if m is not r.messages[-1]}
        self.grounder = Grounder(article.text, self.cleaned, instructions="\n".join(sorted(echoes)), sentences=sentences)
        self.grounder.open_cue = cues.is_open

    def _messages(
        self, scope: tuple[int, int], label: str, name: str, fields: tuple[str, ...], parts: int
    ) -> list[dict[str, str]]:
        system, user = _part_messages(self.sentences, scope, self.title, label, parts, name,
                                      fields, self.settings.lang)
        return [system, *_example_turns(name, fields, self.settings.lang), user]

    def part_messages(self, i: int) -> list[dict[str, str]]:
        """The messages of request ``i`` (see :attr:`requests`)."""
        return self.requests[i].messages

    def halves(self, request: PartRequest) -> list[PartRequest]:
        """The request for each half of its part (labelled ``2a``, ``2b``), after a truncated answer."""
        first, last = request.scope
        if self.sentences.ends[last - 1] - self.sentences.starts[first - 1] < MIN_SPLIT_CHARS:
            return []  # too short to be the reason the answer ran out of room
        fields = tuple(request.model.model_fields)
        same_pass = [r.scope for r in self.requests if r.name == request.name]
        number = same_pass.index(request.scope) + 1 if request.scope in same_pass else 0
        return [
            PartRequest(self._messages(half, f"{number}{letter}", request.name, fields, len(same_pass)),
                        request.model, half, request.name)
            for letter, half in zip("ab", halve(request.scope))
        ]

    def _with_found(self, items: list, have: set, found: dict, make: Callable[[str, str, Evidence], Any]) -> list:
        """``items`` and, for each gazetteer find (name -> first sentence, written form) not in ``have``, the
        item ``make`` builds on that sentence's evidence, in the order of the article."""
        added = []
        for name, (n, written, *_) in found.items():
            if name not in have and isinstance(evidence := self.grounder.evidence(n, n), Evidence):
                added.append(make(name, written, evidence))
        return sorted([*items, *added], key=lambda i: i.evidence[0].start) if added else items

    def _with_states(self, actors: list[Actor]) -> list[Actor]:
        """The actors, and the states the article keeps naming that the model left out (see gazetteer.py)."""
        have = {n for a in actors for n in (a.name, *alias_forms("actors", a.name)[:1],
                                             *alias_forms("actors", a.name_as_written)[:1])}
        return self._with_found(actors, have, gazetteer.states(self.sentences), lambda name, written, ev: Actor(
            name=name, name_as_written=written, kind="state", evidence=[ev]))

    def _with_known_weapons(self, weapons: list[Weapon]) -> list[Weapon]:
        """The weapons, and those of the alias table the article names that the model left out."""
        have = {w.name for w in weapons} | {canonical_weapon(w.name_as_written, generic=True) for w in weapons}
        return self._with_found(weapons, have, gazetteer.weapons(self.sentences), lambda name, written, ev: Weapon(
            name=name, name_as_written=written, category=name, status="other", evidence=[ev]))

    def summary_messages(self) -> list[dict[str, str]]:
        text = self.cleaned.text[:SUMMARY_INPUT_CHARS]
        return prompts.messages("summary", lang=self.settings.lang, title=self.title, text=text)

    def _written_unless_reachable(self, merged: dict[str, tuple[str, Draft, list[Evidence]]]) -> None:
        """An actor's or weapon's canonical name stands only when it can be reached from the name as written
        (:func:`~summarize.briefing.plausible.reachable`); else the name as written is its name."""
        for key, (field, item, evidences) in list(merged.items()):
            if isinstance(item, (ActorDraft, WeaponDraft)):
                section = "actors" if isinstance(item, ActorDraft) else "weapons"
                if not reachable(item.name, item.name_as_written, section, self.grounder.names_anywhere):
                    merged[key] = (field, item.model_copy(update={"name": item.name_as_written}), evidences)

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

        _vet(merged, dropped, english=self.settings.lang == "en")
        self._written_unless_reachable(merged)

        lists: dict[str, list] = {"actors": [], "decisions": [], "weapons": [], "open_questions": []}
        canonical = _Canonical([i for _, i, _ in merged.values() if isinstance(i, ActorDraft)])
        for field, item, evidences in sorted(merged.values(), key=lambda m: m[2][0].start):
            evidences = [evidences[0], *sorted(evidences[1:], key=lambda e: e.start)]  # its own sentence first
            if isinstance(item, ActorDraft) and (self.grounder.echoes_instructions(item.role)
                                                 or (self.settings.lang == "en" and not_in_english(item.role))):
                item = item.model_copy(update={"role": None})
            lists[field].append(
                _final(item, evidences, self.article.text, self.article.published, canonical, self.grounder)
            )
        lists["actors"] = self._with_states(lists["actors"])
        lists["weapons"] = self._with_known_weapons(lists["weapons"])
        _deciders_are_actors(lists["decisions"], lists["actors"], self.article.text)
        lists["decisions"] = _one_per_event(lists["decisions"])
        lists["open_questions"] = _one_per_sentence(lists["open_questions"])
        for decision in list(lists["decisions"]):
            if not informative(decision.what, decision.participants):
                lists["decisions"].remove(decision)
                dropped.append(DroppedItem(kind="decision", label=f"{decision.who}: {decision.what}"[:120],
                                           reason="the description says too little (a bare or unfinished verb)"))
        a = self.article
        return Briefing(
            article=ArticleRef(
                id=a.id, title=a.title, source=a.source, published=a.published, language=a.language, sha256=a.sha256,
                copies=a.copies, near_copy_of=a.near_copy_of,
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
                chunks=len(self.scopes),
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
    if len(stated.strip()) >= 4 and stated.strip().casefold() in source.casefold():
        return stated.strip()  # as the article words it ("am Freitag"): the digest resolves it against the date
    return None


class _Canonical:
    """A decider as the article writes it ("Selenskyj", "der US-Präsident") -> the canonical name the same
    briefing gives that actor ("Volodymyr Zelensky"), so key developments name people alike everywhere."""

    def __init__(self, actors: list[ActorDraft]) -> None:
        self.by_written = {normalise(a.name_as_written): a.name for a in actors if a.name.strip()}
        self.by_name = {normalise(a.name): a.name for a in actors if a.name.strip()}
        self.actors = actors

    def __call__(self, who: str) -> str:
        key = normalise(who)
        if key in self.by_written:
            return self.by_written[key]
        if key in self.by_name:
            return self.by_name[key]
        words = set(key.split())
        for actor in self.actors:  # "Selenskyj" -> "Volodymyr Zelensky": a name that shares its last word
            for form in (actor.name_as_written, actor.name):
                last = normalise(form).split()[-1:]
                if last and len(last[0]) >= 4 and last[0] in words:
                    return actor.name
        forms = alias_forms("actors", who)
        return forms[0] if forms else who


def _weapon_name(item: WeaponDraft, source: str) -> str:
    """The weapon's name: the alias table's canonical name for the name as written ("Patriot-Systeme" ->
    "Patriot"), else the model's English name, unless that name is nowhere in the article and belongs to
    the alias table's other entries or the worked example (a small model copies names it has seen)."""
    canonical = canonical_weapon(item.name_as_written)
    if canonical:
        return canonical
    name = scrub(item.name.strip(), source)
    if not name or normalise(name) in _example_names():
        return scrub(item.name_as_written.strip(), source)
    return name


@lru_cache(maxsize=1)
def _example_names() -> frozenset[str]:
    names: set[str] = set()
    for name, _ in PASSES[1]:
        _, answer = prompts.example(name, "en")
        data = json.loads(answer)
        names |= {normalise(i["name"]) for key in ("actors", "weapons") for i in data.get(key, [])}
    return frozenset(names)


_DANGLING = {"as", "that", "to", "the", "a", "an", "of", "with", "about", "had", "has", "have", "for", "on", "in",
             "and", "by", "from", "was", "is"}


def informative(what: str, who: list[str]) -> bool:
    """A decision's description says something: three or more words, not ending in a dangling word ("described
    the attack as"), and more than the deciders' names."""
    words = what.split()
    if len(words) < 3 or words[-1].casefold().strip(".,;:") in _DANGLING:
        return False
    names = {w.casefold() for n in who for w in n.split()}
    return any(w.casefold().strip(".,;:'\"") not in names for w in words)


def _deciders_are_actors(decisions: list[Decision], actors: list[Actor], text: str) -> None:
    """A decision's participants are actors: names the briefing lists as actors (or the alias table knows).
    When the model gave none ("Washington/Kyjiw/Moskau", a dateline), they are the briefing's actors that
    its sentence names."""
    known = {a.name for a in actors} | {a.name_as_written for a in actors}
    for d in decisions:
        valid = [p for p in d.participants if p in known or alias_forms("actors", p)]
        if not valid:
            ev = d.evidence[0]
            named = [a for a in actors if mentions(a.name_as_written, text, ev.start, ev.end)]
            people = [a for a in named if a.kind == "person"] or named  # a dateline names cities, not deciders
            quote = ev.quote.casefold()
            people.sort(key=lambda a: (quote.find(a.name_as_written.casefold()) % (len(quote) + 1)))  # as written
            valid = list(dict.fromkeys((alias_forms("actors", a.name) or (a.name,))[0] for a in people))
        if valid:
            d.who, d.participants = valid[0], valid


def _one_per_sentence(questions: list[OpenQuestion]) -> list[OpenQuestion]:
    """One open question per sentence that says something is open (a model asks the same thing twice)."""
    seen: set[int] = set()
    out = []
    for q in questions:
        if q.evidence[0].start not in seen:
            seen.add(q.evidence[0].start)
            out.append(q)
    return out


def _one_per_event(decisions: list[Decision]) -> list[Decision]:
    """One decision per event: decisions the model gives for the same cited sentence ("Trump: agreed to meet",
    "Putin: agreed to meet", or the same agreement worded twice) become one, with all participants."""
    out: list[Decision] = []
    for d in decisions:
        twin = next((o for o in out if o.evidence[0].start == d.evidence[0].start), None)
        if twin is None:
            out.append(d)
        else:
            twin.participants = list(dict.fromkeys([*twin.participants, *d.participants]))
    return out


def _as_written(item: ActorDraft | WeaponDraft, quote: str) -> str:
    """The name as the evidence sentence writes it: the model's ``name_as_written`` when the sentence has it,
    else the sentence's own word for the form that grounded the item ("drones" -> "Drohnenangriff")."""
    if mentions(item.name_as_written, quote, 0, len(quote)):
        return item.name_as_written
    section = "weapons" if isinstance(item, WeaponDraft) else "actors"
    for form in (item.name, *alias_forms(section, item.name), *alias_forms(section, item.name_as_written)):
        form = form.strip()
        if len(form) >= 3 and mentions(form, quote, 0, len(quote)):
            last = re.escape(form.split()[-1])
            found = re.search(rf"(?<!\w)[\w-]*{last}[\w-]*", quote, re.IGNORECASE)
            if found:
                return found.group().strip("-")
    return item.name_as_written


def _final(
    item: Draft, evidence: list[Evidence], source: str, published: dt.date | None = None,
    canonical: _Canonical | None = None, grounder: Grounder | None = None,
) -> Actor | Decision | Weapon | OpenQuestion:
    """The output item, every model-written field scrubbed of links and markup the article lacks, and a
    decision's date kept only when the article states it."""

    def clean(value: str) -> str:
        return scrub(value.strip(), source)

    if isinstance(item, (ActorDraft, WeaponDraft)):
        item = item.model_copy(update={"name_as_written": _as_written(item, evidence[0].quote)})
    if isinstance(item, ActorDraft):
        return Actor(
            name=clean(item.name) or clean(item.name_as_written), name_as_written=clean(item.name_as_written),
            kind=item.kind, role=scrub_optional((item.role or "").strip() or None, source), evidence=evidence,
        )
    if isinstance(item, DecisionDraft):
        who = [w for w in item.who if w.strip() and (grounder is None or grounder.names_anywhere(w))] or item.who
        names = [clean((canonical or (lambda w: w))(w)) for w in who]
        names = list(dict.fromkeys(n for n in names if n))
        return Decision(
            who=names[0] if names else clean(item.who[0]), participants=names, what=clean(item.what),
            status=item.status, date=_grounded_date(item.when, source, published), evidence=evidence,
        )
    if isinstance(item, WeaponDraft):
        return Weapon(
            name=_weapon_name(item, source), name_as_written=clean(item.name_as_written),
            category=clean(item.category), status=item.status, evidence=evidence,
        )
    assert isinstance(item, QuestionDraft)
    return OpenQuestion(question=clean(item.question), evidence=evidence)


def _tag(exc: BriefingError, article_id: str) -> BriefingError:
    if exc.article_id is None:
        exc.article_id = article_id
    return exc


# --------------------------------------------------------------------------- public entry points


def brief_with(client: Client, article: Article, settings: Settings) -> Briefing:
    """Brief one article with an already wrapped instructor client (see :func:`summarize.llm.client.wrap`)."""
    plan = Plan(article, settings)
    try:
        results = []
        for request in plan.requests:
            result = run_part(client, settings, request.messages, plan.grounder, article.id, request.scope, request.model)
            if result.truncated and (halves := plan.halves(request)):
                result = result.absorb_halves(
                    [run_part(client, settings, h.messages, plan.grounder, article.id, h.scope, h.model) for h in halves]
                )
            results.append(result)
        summary, summary_log = run_summary(client, settings, plan.summary_messages(), article.id)
    except BriefingError as exc:
        raise _tag(exc, article.id)
    return plan.assemble(summary, summary_log, results)


async def abrief_with(
    client: AsyncClient, article: Article, settings: Settings, *,
    limit: AdaptiveLimit | None = None, priority: int = 0,
) -> Briefing:
    """Async form of :func:`brief_with`. Every model call of the article holds a slot of ``limit`` while it
    runs (its transport retries and re-asks go one after another inside it), with ``priority`` (lower goes
    first; a run passes the article's position). Without ``limit``, :data:`DEFAULT_CONCURRENCY` bounds them."""
    plan = Plan(article, settings)
    gate = limit if limit is not None else AdaptiveLimit(DEFAULT_CONCURRENCY)
    try:
        async def part(request: PartRequest) -> PartResult:
            async with gate.slot(priority):
                return await arun_part(
                    client, settings, request.messages, plan.grounder, article.id, request.scope, request.model
                )

        async def one(request: PartRequest) -> PartResult:
            result = await part(request)
            if result.truncated and (halves := plan.halves(request)):
                result = result.absorb_halves([await part(h) for h in halves])
            return result

        async def summary() -> tuple[str, CallLog]:
            async with gate.slot(priority):
                return await arun_summary(client, settings, plan.summary_messages(), article.id)

        # The summary needs no part's answer, so it queues alongside them (first: it is the article's one
        # call that nothing else replaces). A TaskGroup cancels the others as soon as one fails, so no
        # request outlives its article; a cancelled call that waits for a slot gives its place up.
        try:
            async with asyncio.TaskGroup() as group:
                summary_task = group.create_task(summary())
                tasks = [group.create_task(one(request)) for request in plan.requests]
        except BaseExceptionGroup as group_error:
            raise group_error.exceptions[0]  # keeps its own __cause__ (the original API error)
        results = [task.result() for task in tasks]
        summary_text, summary_log = summary_task.result()
    except BriefingError as exc:
        raise _tag(exc, article.id)
    return plan.assemble(summary_text, summary_log, list(results))


def brief(source: ArticleLike, *, settings: Settings | None = None, client: OpenAI | None = None) -> Briefing:
    """Brief one article: an :class:`Article`, a ``pathlib.Path`` to a file, or the article text as ``str``.

    ``settings`` default to :meth:`Settings.from_env`; ``client`` lets you inject a configured ``OpenAI``.
    Raises :class:`~summarize.errors.InputError`, :class:`~summarize.errors.ConfigurationError` or
    :class:`~summarize.errors.BriefingError` (with the original error as ``__cause__``).
    """
    settings = settings or Settings.from_env()
    article = as_article(source)
    return brief_with(instructor_client(settings, client), article, settings)


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
    limit = AdaptiveLimit(concurrency)
    wrapped = async_instructor_client(settings, client, observe=limit.observe)
    return await abrief_with(wrapped, article, settings, limit=limit)
