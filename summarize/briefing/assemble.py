"""From the parts' grounded items to the briefing's items: merged across parts, vetted (what is not what
the model says it is goes), and made final (names canonical, fields scrubbed, dates grounded)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import lru_cache

from ..text.normalise import QUOTATION_MARKS, SINGLE_QUOTATION_MARKS
from ..text.dates import find_date, normalise_date, says_when
from ..models import Actor, Decision, DroppedItem, Evidence, OpenQuestion, Weapon
from . import prompts
from .call import CallLog, PartResult
from .drafts import FIELD_KIND, MAX_TEXT, PASSES, ActorDraft, DecisionDraft, Draft, QuestionDraft, WeaponDraft, label
from .grounder import Grounder
from .aliases import alias_forms, alias_kind, canonical_weapon, is_kind, weapon_category
from .ground import normalise
from .mentions import mentions
from .plausible import (DELIVERY_STATUSES, GENERIC_WEAPONS, actor_problem, english_terms, english_verbs,
                        looks_like_organisation, not_in_english, reachable, weapon_problem)
from ..text.places import english_territories
from .safety import scrub, scrub_optional
from .slips import cut_at_limit, latin_only, other_script, without_own_name
from .deciders import Canonical, informative
from .dedupe import with_evidence
from .weapon_status import told_status

def merge_key(field: str, item: Draft) -> str:
    if isinstance(item, (ActorDraft, WeaponDraft)):
        return f"{field}:{normalise(item.name)}"
    if isinstance(item, DecisionDraft):
        return f"{field}:{normalise(item.who[0])}|{normalise(item.what)}"
    return f"{field}:{normalise(item.question)}"


def merge_results(results: list[PartResult]) -> tuple[CallLog, dict[str, tuple[str, Draft, list[Evidence]]], list[DroppedItem]]:
    """The parts' calls added up, their kept items merged by :func:`merge_key` (up to ``MAX_EVIDENCE``
    distinct sentences each, in the parts' order), and their dropped items."""
    log = CallLog()
    merged: dict[str, tuple[str, Draft, list[Evidence]]] = {}
    dropped: list[DroppedItem] = []
    for result in results:
        log.add(result.log)
        dropped.extend(result.dropped)
        for field, item, evidence in result.kept:
            key = merge_key(field, item)
            if key in merged:
                evidences = merged[key][2]
                evidences[:] = with_evidence(evidences, [evidence])
            else:
                merged[key] = (field, item, [evidence])
    return log, merged, dropped


def vet(merged: dict[str, tuple[str, Draft, list[Evidence]]], dropped: list[DroppedItem], *, english: bool) -> None:
    """Drop (and list) what is not what the model says it is; see :mod:`summarize.briefing.plausible`.

    Order matters: implausible weapons go first ("Krieg" listed as a weapon must not cost the actor
    "US-Rüstungsindustrie" its place), then a weapon given as an actor becomes the weapon ("Drohnenangriffe"),
    then an actor the same answers give as a weapon is dropped ("Patriot-Systeme"), then the actors' kinds
    are checked, then descriptions that should be English are."""

    for key, (field, item, evidences) in list(merged.items()):
        # a weapon's status as its sentence tells it (weapons of no kind are kept where their deliveries stop)
        status = told_status(item.name_as_written, item.status, [e.quote for e in evidences[:1]]) \
            if isinstance(item, WeaponDraft) else None
        if isinstance(item, WeaponDraft) and (problem := weapon_problem(item, status)):
            _drop(merged, dropped, key, problem)
        elif isinstance(item, WeaponDraft) and in_quotation_marks(item.name_as_written, evidences[0].quote):
            _drop(merged, dropped, key, f"{item.name_as_written!r} stands in quotation marks: a figure of speech "
                                        "(a diplomatic „Kurvenbombe“), not a weapon")
        elif (isinstance(item, WeaponDraft) and _weapon_name(item, "") == GENERIC_WEAPONS
              and status not in DELIVERY_STATUSES):
            # its written word is "weapons" of no kind ("Waffenlieferungen" named "drones"): the name it would get
            _drop(merged, dropped, key, f"{GENERIC_WEAPONS!r} names no weapon system or kind")
        elif isinstance(item, ActorDraft) and canonical_weapon(item.name_as_written, generic=True) == GENERIC_WEAPONS:
            _drop(merged, dropped, key, f"{GENERIC_WEAPONS!r} names no weapon system or kind, and is no actor")
    for key, (field, item, evidences) in list(merged.items()):
        if isinstance(item, ActorDraft) and (kind := canonical_weapon(item.name_as_written, generic=True)):
            del merged[key]
            weapon = WeaponDraft(name_as_written=item.name_as_written, s=item.s, name=kind, category=kind,
                                 status="other")
            merged.setdefault(merge_key("weapons", weapon), ("weapons", weapon, evidences))
    weapons = [i for _, i, _ in merged.values() if isinstance(i, WeaponDraft)]
    weapon_names = {normalise(w.name_as_written) for w in weapons} | {normalise(w.name) for w in weapons}
    for key, (field, item, evidences) in list(merged.items()):
        if isinstance(item, ActorDraft):
            if normalise(item.name_as_written) in weapon_names or normalise(item.name) in weapon_names:
                _drop(merged, dropped, key, "it is listed as a weapon, not an actor")
                continue
            known = alias_kind(item.name_as_written) or alias_kind(item.name)  # the article's word first
            if known in ("person", "state", "organisation"):
                if known != item.kind:  # the alias table knows: "Kreml" is no state, "US-Regierung" the state
                    item = item.model_copy(update={"kind": known})
                    merged[key] = (field, item, evidences)
            elif item.kind == "state" and looks_like_organisation(item):
                item = item.model_copy(update={"kind": "organisation"})
                merged[key] = (field, item, evidences)
            if problem := actor_problem(item):
                _drop(merged, dropped, key, problem)
            elif all(credited_only(item.name_as_written, e.quote) for e in evidences):
                _drop(merged, dropped, key, f"{item.name_as_written!r} is named only in a credit before the story "
                                            f"('({item.name_as_written}) –'): the source, not an actor")
        elif english and isinstance(item, (DecisionDraft, QuestionDraft)):
            text = item.what if isinstance(item, DecisionDraft) else item.question
            if not_in_english(text):
                _drop(merged, dropped, key, "the description is in the article's language, not in English")
            elif other_script(text) and not latin_only(text):
                _drop(merged, dropped, key, "the description is written in another script, not in English")


def written_unless_reachable(merged: dict[str, tuple[str, Draft, list[Evidence]]], dropped: list[DroppedItem],
                             names_anywhere: Callable[[str], bool]) -> None:
    """An actor's or weapon's canonical name stands only when it can be reached from the name as written
    (:func:`~summarize.briefing.plausible.reachable`; ``names_anywhere``: whether the article names a name);
    else the name as written is its name, and an actor must be plausible by that name too:
    "Verteidigungsminister" named "Lars Berg" (the worked example's minister) is a title, not a person's name."""
    for key, (field, item, evidences) in list(merged.items()):
        if not isinstance(item, (ActorDraft, WeaponDraft)):
            continue
        if reachable(item.name, item.name_as_written, "actors" if isinstance(item, ActorDraft) else "weapons", names_anywhere):
            continue
        item = item.model_copy(update={"name": item.name_as_written})
        merged[key] = (field, item, evidences)
        if isinstance(item, ActorDraft) and (problem := actor_problem(item)):
            _drop(merged, dropped, key, problem)


def _drop(merged: dict[str, tuple[str, Draft, list[Evidence]]], dropped: list[DroppedItem], key: str, reason: str) -> None:
    """Take item ``key`` out of ``merged`` and list it as dropped for ``reason``, with its first quote."""
    field, item, evidences = merged.pop(key)
    dropped.append(DroppedItem(kind=FIELD_KIND[field], label=label(item)[:120], reason=reason, evidence=evidences[0]))


_QUOTED = QUOTATION_MARKS + SINGLE_QUOTATION_MARKS


def credited_only(name: str, quote: str) -> bool:
    """Whether ``quote`` names ``name`` and only in parentheses before a dash, as a wire or a press-release
    service is credited at a story's start: "(SeaPRwire) –   Der ukrainische Präsident sagte ...",
    "WASHINGTON (Reuters) - ..."."""
    name = name.strip()
    if not name or name not in quote:
        return False
    credited = len(re.findall(rf"\(\s*{re.escape(name)}\s*\)\s*[–—-]", quote))
    return credited > 0 and credited == quote.count(name)


def in_quotation_marks(word: str, quote: str) -> bool:
    """Whether ``quote`` writes ``word`` (as a whole) between quotation marks: „Kurvenbombe“, "bombshell"."""
    word = word.strip()
    return bool(word) and re.search(rf"[{_QUOTED}]{re.escape(word)}[{_QUOTED}]", quote) is not None


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
    if len(stated.strip()) >= 4 and says_when(stated) and stated.strip().casefold() in source.casefold():
        return stated.strip()  # as the article words it ("am Freitag"): the digest resolves it against the date
    return None


def _weapon_name(item: WeaponDraft, source: str) -> str:
    """The weapon's name: the alias table's canonical name for the name as written ("Patriot-Systeme" ->
    "Patriot"), else the kind's English name when the model copied a written compound ("Drohnenprojekte" ->
    "drones"), else the model's English name, unless that name is nowhere in the article and belongs to
    the alias table's other entries or the worked example (a small model copies names it has seen)."""
    canonical = canonical_weapon(item.name_as_written)
    if canonical:
        return canonical
    if normalise(item.name) == normalise(item.name_as_written) and (kind := canonical_weapon(item.name, generic=True)):
        return kind  # the written word copied as the name ("Drohnenprojekte"): the kind's English name ("drones")
    written_kind, named_kind = canonical_weapon(item.name_as_written, generic=True), canonical_weapon(item.name, generic=True)
    if written_kind and named_kind and written_kind != named_kind:
        return written_kind  # "Drohnen" named "missiles": the alias table knows what the written word is
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


def final(
    item: Draft, evidence: list[Evidence], source: str, published: dt.date | None = None,
    canonical: Canonical | None = None, grounder: Grounder | None = None, english: bool = False,
) -> Actor | Decision | Weapon | OpenQuestion:
    """The output item, every model-written field scrubbed of links and markup the article lacks, and a
    decision's date kept only when the article states it. ``english``: a description or question names
    countries by their English names and people as the canonical name spells them ("in Ungarn" -> "in
    Hungary", "Selenskyj" -> "Zelensky")."""

    def clean(value: str) -> str:
        return scrub(value.strip(), source)

    def prose(value: str) -> str:
        value = clean(value)
        if english:  # (a word of another script left: the text is cut before it)
            value = latin_only(english_terms(english_territories(value)))
            value = canonical.in_text(value) if canonical is not None else value
        return value

    if isinstance(item, (ActorDraft, WeaponDraft)):
        item = item.model_copy(update={"name_as_written": _as_written(item, evidence[0].quote)})
    if isinstance(item, ActorDraft):
        name = clean(item.name) or clean(item.name_as_written)
        return Actor(
            name=english_territories(name) if english and item.kind == "state" else name,  # "Syrien" -> "Syria"
            name_as_written=clean(item.name_as_written),
            kind=item.kind, role=scrub_optional((item.role or "").strip() or None, source), evidence=evidence,
        )
    if isinstance(item, DecisionDraft):
        who = [w for w in item.who if w.strip() and (grounder is None or grounder.names_anywhere(w))] or item.who
        names = [clean((canonical or (lambda w: w))(w)) for w in who]
        names = list(dict.fromkeys(n for n in names if n))
        # cut at the limit: its whole words and "…"; one left unfinished there is cut back to its last clause later
        raw = cut_at_limit(item.what, MAX_TEXT) if informative(item.what, item.who) else item.what
        what = without_own_name(_main_part(prose(raw)), names[0] if names else item.who[0])
        return Decision(
            who=names[0] if names else clean(item.who[0]), participants=names,
            what=english_verbs(what, [e.quote for e in evidence]) if english else what,
            status=item.status, date=_grounded_date(item.when, source, published), evidence=evidence,
        )
    if isinstance(item, WeaponDraft):
        name = _weapon_name(item, source)  # a known system's category is the alias table's, not the model's guess
        return Weapon(
            name=name, name_as_written=clean(item.name_as_written),
            category=weapon_category(name) or (name if is_kind(name) else clean(item.category)), status=item.status,
            evidence=evidence,
        )
    assert isinstance(item, QuestionDraft)
    return OpenQuestion(question=prose(cut_at_limit(item.question, MAX_TEXT)), evidence=evidence)


_ASIDE = re.compile(r"\s+[–—]\s+|\s+-\s+")


def _main_part(what: str) -> str:
    """A description without the aside a dash opens ("met Trump and expected him to see the situation from
    the Ukrainian perspective – a stark contrast to his previous meeting in the Oval Office in February, when
    Trump accused"): the model copies the article's asides, which tell no more of the act and run into the
    length limit. Kept whole when what comes before the dash is under three words."""
    head = _ASIDE.split(what, maxsplit=1)[0].rstrip(" ,;:")
    return head if head != what and len(head.split()) >= 3 else what

