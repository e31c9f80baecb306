"""An article's requests (passes over parts, the summary) and how their answers become a Briefing (no model call)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..article.clean import CleanedText, clean
from ..article.load import check_size
from ..errors import InputError
from ..models import Actor, Article, ArticleRef, Briefing, BriefingMeta, Decision, DroppedItem, Evidence, Weapon
from ..settings import Settings
from . import cues, described, gazetteer, prompts, titled
from .assemble import final, merge_results, vet, written_unless_reachable
from .deciders import Canonical, bare_interaction, deciders_are_actors, finished, reported_act
from .empty import WORDS_ONLY, why_empty
from .dedupe import kinds_of_systems, one_per_event, one_per_name, one_per_sentence, told_below
from .call import CallLog, PartResult
from .drafts import PASSES, ActorDraft, Draft, Lists, pass_model
from .grounder import Grounder
from .nominal import nominal_decisions
from .acts import acts
from .attacks import attacks
from .warned import warnings
from .warned_de import german_warnings
from .readiness import readiness
from .topics import topics
from .characterised import characterisations
from .halted import halts
from .stockpiles import stockpile_reasons
from .prepared import preparations
from .reluctance import reluctance
from .requested import requests
from .stances import stances
from .checks import checks
from .considered import weighed_acts
from .offered import offers
from .team_meetings import team_meetings
from .appeals import appeals
from .progress import progress
from .weapon_status import weapon_status
from .delivered import delivered_weapons
from .in_body import in_body
from .interactions import event_description, further_reports, interactions, separate, still_to_come, unreported
from ..text.dates import decision_date
from ..text.relative_days import anchored_day
from .numbered import Sentences, halve, is_heading, sentence_chars
from .questions import one_per_question, when_and_where_questions, why_not_open
from .aliases import alias_forms, canonical_weapon, weapon_category
from .plausible import GENERIC_WEAPONS, role_unsupported
from .english import EnglishFields, foreign_role, name_words
from .safety import scrub

SUMMARY_INPUT_CHARS = 4000
MIN_SPLIT_CHARS = 300  # a part shorter than this is not split after a cut-off answer


@dataclass(frozen=True)
class PartRequest:
    """One request of an article: a part (``scope``, sentence numbers) read for some lists (``model``)."""

    messages: list[dict[str, str]]
    model: type[Lists]
    scope: tuple[int, int]
    name: str


def _part_messages(
    sentences: Sentences, scope: tuple[int, int], title: str, label: str, parts: int, name: str,
    fields: tuple[str, ...], lang: str, glean: list[int] | None = None, cued: list[int] | None = None,
) -> list[dict[str, str]]:
    if cued is None:  # the sentences with a cue of something open (cues.matching), when the request asks for questions
        cued = cues.matching(sentences, scope, "open") if "open_questions" in fields else []
    only = None
    if fields == ("open_questions",):  # the sentences with a cue, each after the one before it (who "er" is)
        only = {k for n in cued for k in (n - 1, n)}
    if glean:  # a second look at the sentences of an act that no decision covers, each after the one before
        only = {k for n in glean for k in (n - 1, n)}
    task = prompts.task(f"{name}.glean" if glean else name, lang=lang)
    return prompts.messages(
        "brief", lang=lang, title=title, part=label, parts=parts, text=sentences.numbered(scope, only),
        hints=cues.hints(cued), task=task,
    )


@lru_cache(maxsize=None)
def _example_turns(name: str, fields: tuple[str, ...], lang: str) -> tuple[dict[str, str], ...]:
    """The worked example as a user turn in the same form as the real one, and the answer turn."""
    text, answer = prompts.example(name, lang)
    sentences = Sentences.of(text)
    title = text.splitlines()[0]
    user = _part_messages(sentences, (1, len(sentences)), title, "1", 1, name, fields, lang)[1]
    return (user, {"role": "assistant", "content": answer})


def _acts(decisions: list[Decision], actors: list[Actor], dropped: list[DroppedItem]) -> list[Decision]:
    """The decisions that report an act (a report of words becomes the act it tells of, where it tells one);
    the others are listed in ``dropped``."""
    kept = []
    for decision in decisions:
        decision.what = described.as_warning(finished(decision.what, decision.participants, decision.evidence[0].quote))
        reason = why_empty(decision)
        if reason == WORDS_ONLY and (act := reported_act(decision, actors)) is not None:
            decision = act  # "reported that the U.S. halted shipments": the act it tells of
            reason = why_empty(decision)
        if reason is None:
            if bare_interaction(decision.what) and len(decision.participants) >= 2:
                decision.what = event_description(decision, decision.who)  # "telephoned Putin": the code's words
            kept.append(decision)
        else:
            dropped.append(_dropped(decision, reason))
    return kept


def _dropped(decision: Decision, reason: str) -> DroppedItem:
    """``decision`` listed as dropped for ``reason``, with the quote it cited."""
    return DroppedItem(kind="decision", label=f"{decision.who}: {decision.what}"[:120], reason=reason,
                       evidence=decision.evidence[0])


def _dated_by_sentence_before(decision: Decision, text: str, published: dt.date | None) -> Decision:
    """``decision`` with the day its quote counts from a sentence before ("Am 4. Juli 2025 ... Bereits zwei
    Tage zuvor hatten die USA erklärt": "zwei Tage zuvor (2025-07-02)", see :mod:`summarize.text.relative_days`)
    when neither its quote nor its own date states a day."""
    if decision_date(decision.evidence[0].quote, decision.date, published).iso is not None:
        return decision
    found = anchored_day(text, decision.evidence[0].start, published)
    return decision if found is None else decision.model_copy(update={"date": found[1]})


# What the model gives as the role of a state or an organisation when the text gives none: the kind again
_NO_ROLE = frozenset({"country", "state", "nation", "organisation", "organization", "industry", "person", "company"})


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
        self.english = EnglishFields(self.cleaned.text, article.language, settings.lang)  # fields left in its language
        # The parts are runs of numbered sentences the model cites (numbered.py, grounder.py; no ends: Sentences.of).
        self.sentences = sentences = Sentences.of(self.cleaned.text, sentence_chars(settings.chunk_chars))
        self.scopes = sentences.windows(settings.chunk_chars)
        lang = prompts.language_name(settings.lang)
        self._cued: dict[tuple[int, int], list[int]] = {}  # scope -> its sentences with a cue of something open
        # One request per pass and part (see drafts.PASSES and Settings.depth). A focused pass for
        # decisions or questions reads shorter parts: those items are dense, names are not.
        self.requests = []
        for name, fields in PASSES[settings.depth]:
            focused = settings.depth > 1 and "decisions" in fields
            scopes = sentences.windows(settings.chunk_chars // 2) if focused else self.scopes
            if fields == ("open_questions",):  # an open question needs a sentence that says so (cues.is_open)
                scopes = [sc for sc in scopes if self._open_cues(sc)]
            self.requests += [
                PartRequest(self._messages(scope, str(i + 1), name, fields, len(scopes)), pass_model(lang, fields),
                            scope, name)
                for i, scope in enumerate(scopes)
            ]
        # A field that repeats the instructions or the worked example is the model echoing, not the article.
        echoes = {m["content"] for r in self.requests for m in r.messages if m is not r.messages[-1]}
        self.grounder = Grounder(article.text, self.cleaned, instructions="\n".join(sorted(echoes)), sentences=sentences)
        self.grounder.open_cue = cues.says_open

    def _messages(
        self, scope: tuple[int, int], label: str, name: str, fields: tuple[str, ...], parts: int,
        glean: list[int] | None = None,
    ) -> list[dict[str, str]]:
        system, user = _part_messages(self.sentences, scope, self.title, label, parts, name, fields, self.settings.lang,
                                      glean, self._open_cues(scope) if "open_questions" in fields else [])
        return [system, *_example_turns(name, fields, self.settings.lang), user]

    def _open_cues(self, scope: tuple[int, int]) -> list[int]:
        """:func:`cues.matching` of ``scope`` for something open: a part's requests and its filter ask once."""
        if scope not in self._cued:
            self._cued[scope] = cues.matching(self.sentences, scope, "open")
        return self._cued[scope]

    def glean_requests(self, results: list[PartResult]) -> list[PartRequest]:
        """A second look, after the answers, at each part the decisions pass read: its sentences with a word
        of an act (``data/cues.json`` "event": "kündigte an", "stoppten", "pressed", "versprach") that no
        kept decision's quote holds, shown each after the sentence before it, in one request per part with
        any (at most :data:`cues.MAX_HINTED`). A small model lists three or four decisions of a part and
        leaves the rest; asked about the rest alone, it reports some of them."""
        if not self.settings.glean:
            return []
        quotes = [ev.quote for r in results for field, _, ev in r.kept if field == "decisions"]
        covered = {n for n in range(1, len(self.sentences) + 1)
                   if any(self.sentences.sentence(n).strip() in q for q in quotes)}
        passes = [r for r in self.requests if tuple(r.model.model_fields) == ("decisions",)]  # depth 3
        out = []
        for i, request in enumerate(passes):
            fields = tuple(request.model.model_fields)
            left = [n for n in cues.matching(self.sentences, request.scope, "event")
                    if n not in covered and not is_heading(self.sentences.sentence(n))]
            if left:
                out.append(PartRequest(self._messages(request.scope, f"{i + 1}+", request.name, fields, len(passes),
                                                      left), request.model, request.scope, request.name))
        return out

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

    def _with_known_actors(self, actors: list[Actor]) -> list[Actor]:
        """The actors, and the states, known people and organisations the article names that the model left out."""
        have = {n for a in actors for n in (a.name, *alias_forms("actors", a.name)[:1],
                                             *alias_forms("actors", a.name_as_written)[:1])}
        actors = self._with_found(actors, have, gazetteer.states(self.sentences), lambda name, written, ev: Actor(
            name=name, name_as_written=written, kind="state", evidence=[ev]))
        actors = self._with_found(actors, have, gazetteer.people(self.sentences), lambda name, written, ev: Actor(
            name=name, name_as_written=written, kind="person", evidence=[ev]))
        actors = self._with_found(actors, have, gazetteer.organisations(self.sentences), lambda name, written, ev: Actor(
            name=name, name_as_written=written, kind="organisation", evidence=[ev]))
        surnames = {w.casefold() for a in actors for n in (a.name, a.name_as_written) for w in n.split()[-1:]}
        spoke = {name: at for name, at in titled.speakers(self.sentences).items() if name.split()[-1].casefold() not in surnames}
        return self._with_found(actors, have, spoke, lambda name, written, ev: Actor(name=name, name_as_written=written,
                                                                                    kind="person", evidence=[ev]))

    def _with_known_weapons(self, weapons: list[Weapon]) -> list[Weapon]:
        """The weapons, and those the article names that the model left out: the alias table's, and systems
        named the way news names them (gazetteer.named_systems: "Stinger-Flugabwehrraketen"; calibres:
        "155-mm-Artilleriegeschosse")."""
        have = {w.name for w in weapons} | {canonical_weapon(w.name_as_written, generic=True) for w in weapons}
        listed = " ".join(f"{w.name} {w.name_as_written}" for w in weapons).casefold()
        named = {**gazetteer.named_systems(self.sentences), **gazetteer.calibres(self.sentences)}
        systems = {name: (n, written, False) for name, (n, written) in named.items()
                   if not re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", listed)}  # the model's "Stinger MANPADS"
        # a kind found inside a named system's compound ("Raketen" in "Patriot-Raketen", "Hellfire-Raketen") is
        # that system, and "weapons" of no kind ("Waffenlieferungen") is no item (plausible.weapon_problem)
        found = {name: find for name, find in gazetteer.weapons(self.sentences).items()
                 if not (find[2] and (canonical_weapon(find[1]) or any(s in find[1] for s in named)))
                 and name != GENERIC_WEAPONS}
        return self._with_found(weapons, have, {**systems, **found}, lambda name, written, ev: Weapon(
            name=name, name_as_written=written, status="other", evidence=[ev],
            category=weapon_category(name) or canonical_weapon(written.removeprefix(name), generic=True) or name))

    def summary_messages(self) -> list[dict[str, str]]:
        text = self.cleaned.text[:SUMMARY_INPUT_CHARS]
        return prompts.messages("summary", lang=self.settings.lang, title=self.title, text=text)

    def assemble(self, summary: str, summary_log: CallLog, results: list[PartResult]) -> Briefing:
        log, merged, dropped = merge_results(results)
        log.add(summary_log)
        vet(merged, dropped, english=self.settings.lang == "en")
        written_unless_reachable(merged, dropped, self.grounder.names_anywhere)
        lists = self._lists(merged, dropped)
        a = self.article
        if self.settings.lang == "en":
            lists, summary = self.english.finish(lists, summary)
        return Briefing(
            article=ArticleRef(
                id=a.id, title=a.title, source=a.source, published=a.published, language=a.language, sha256=a.sha256,
                copies=a.copies, near_copy_of=a.near_copy_of, url=a.url, author=a.author,
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

    def _with_code_finds(self, decisions: list[Decision], actors: list[Actor], weapons: list[Weapon]) -> list[Decision]:
        """The model's acts with what the code finds in the sentences that they leave out (decisions named as
        nouns, warnings, halts of deliveries, requests for weapons, preparations, calls and meetings), one
        decision per event, in the article's order."""
        sentences, evidence, language = self.sentences, self.grounder.sentence_evidence, self.article.language
        decisions = decisions + nominal_decisions(sentences, actors, decisions, evidence)
        decisions += warnings(sentences, actors, decisions, evidence, language)
        decisions += german_warnings(sentences, actors, weapons, decisions, evidence, language)
        decisions += halts(sentences, actors, decisions, evidence, language)
        decisions += stockpile_reasons(sentences, actors, decisions, evidence, language)
        decisions += requests(sentences, actors, weapons, decisions, evidence, language)
        decisions += preparations(sentences, actors, decisions, evidence, language)
        decisions += attacks(sentences, actors, decisions, evidence)
        decisions += stances(sentences, actors, weapons, decisions, evidence, language)
        decisions += readiness(sentences, actors, weapons, decisions, evidence, language)
        decisions += reluctance(sentences, actors, weapons, decisions, evidence)
        decisions += offers(sentences, actors, decisions, evidence, language)
        decisions += weighed_acts(sentences, actors, decisions, evidence, language)
        decisions += acts(sentences, actors, decisions, evidence, language)
        decisions += characterisations(sentences, actors, decisions, evidence, language)
        decisions += checks(sentences, actors, decisions, evidence, language)
        decisions += team_meetings(sentences, actors, decisions, evidence)
        decisions += appeals(sentences, actors, weapons, decisions, evidence, language)
        decisions += progress(sentences, actors, decisions, evidence)
        calls_and_meetings = unreported(interactions(sentences, actors, evidence), decisions)
        calls_and_meetings += topics(sentences, weapons, [*decisions, *calls_and_meetings], evidence, language)
        still_to_come([*decisions, *calls_and_meetings])
        return separate(one_per_event(sorted([*decisions, *calls_and_meetings], key=lambda d: d.evidence[0].start)))

    def _lists(self, merged: dict[str, tuple[str, Draft, list[Evidence]]], dropped: list[DroppedItem]) -> dict[str, list]:
        """The briefing's four lists from the vetted items, in the article's order; a decision that says too
        little is dropped (and listed in ``dropped``)."""
        lists: dict[str, list] = {"actors": [], "decisions": [], "weapons": [], "open_questions": []}
        canonical = Canonical([i for _, i, _ in merged.values() if isinstance(i, ActorDraft)])
        names = name_words(i for _, i, _ in merged.values())
        headed: list[Decision] = []  # grounded in the report under a heading they cite
        english = self.settings.lang == "en"
        for field, item, evidences in sorted(merged.values(), key=lambda m: m[2][0].start):
            evidences = [evidences[0], *sorted(evidences[1:], key=lambda e: e.start)]  # its own sentence first
            if isinstance(item, ActorDraft) and (self.grounder.echoes_instructions(item.role)
                                                 or (english and (foreign_role(item.role) or self.english.untranslated(item.role, names)))
                                                 or role_unsupported(item.role, [e.quote for e in evidences])
                                                 or item.kind == "state"
                                                 or (item.role or "").strip().casefold() in _NO_ROLE):
                item = item.model_copy(update={"role": None})
            built = final(item, evidences, self.article.text, self.article.published, canonical, self.grounder,
                          english=english)
            if english and (half := self.english.left_over(built, names)) is not None:  # a question
                dropped.append(half)
                continue
            lists[field].append(built)
            if field == "decisions" and self.grounder.via_heading(item):
                headed.append(lists[field][-1])
        for decision in told_below(lists["decisions"], headed):
            lists["decisions"].remove(decision)
            dropped.append(_dropped(decision, "it cites a heading, and the report under it is another decision's sentence"))
        lists["actors"], elsewhere = in_body(self._with_known_actors(one_per_name(lists["actors"], self.article.text)),
                                             self.sentences, self.grounder.evidence)  # quoted from the body
        dropped.extend(elsewhere)
        lists["weapons"] = [w.model_copy(update={"status": weapon_status(w)})
                            for w in self._with_known_weapons(one_per_name(lists["weapons"]))]
        for kind, system in kinds_of_systems(lists["weapons"]):
            lists["weapons"].remove(kind)
            dropped.append(DroppedItem(kind="weapon", label=kind.name, reason=f"{kind.name_as_written!r} is {system!r}'s "
                                       f"kind, where its sentence names {system!r}"))
        for decision in deciders_are_actors(lists["decisions"], lists["actors"], self.article.text):
            lists["decisions"].remove(decision)
            dropped.append(_dropped(decision, "its quote names none of its deciders and refers to no one"))
        lists["decisions"] = self._with_code_finds(_acts(lists["decisions"], lists["actors"], dropped), lists["actors"],
                                                   lists["weapons"])
        lists["weapons"] += delivered_weapons(lists["decisions"], lists["weapons"])  # "weapons" a delivery names
        named = [*lists["actors"], *lists["weapons"]]
        lists["open_questions"] = one_per_sentence(lists["open_questions"])
        english = self.article.language == "en" and self.settings.lang == "en"
        for question in list(lists["open_questions"]):
            if (reason := why_not_open(question, named, self.article.text, english)) is not None:
                lists["open_questions"].remove(question)
                dropped.append(DroppedItem(kind="open_question", label=question.question[:120], reason=reason,
                                           evidence=question.evidence[0]))
        # then the questions the code asks where the date or place of an event is open (a model's question of
        # such a sentence that was dropped above leaves the sentence to the code's)
        lists["open_questions"], replaced = when_and_where_questions(lists["open_questions"], self.sentences,
                                                                     self.grounder.sentence_evidence)
        dropped.extend(replaced)
        lists["open_questions"], same = one_per_question(lists["open_questions"])  # one question per thing asked
        dropped.extend(same)
        further_reports(self.sentences, lists["actors"], lists["decisions"], self.grounder.sentence_evidence)
        lists["decisions"] = [_dated_by_sentence_before(d, self.article.text, self.article.published)
                              for d in lists["decisions"]]
        return lists
