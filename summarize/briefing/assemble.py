"""From the parts' grounded items to the briefing's items: merged across parts, vetted (what is not what
the model says it is goes), and made final (names canonical, fields scrubbed, dates grounded)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache

from ..text.dates import find_date, normalise_date, says_when
from ..text.event_kinds import INTERACTIONS, event_kind, same_kind
from ..models import Actor, Decision, DroppedItem, Evidence, OpenQuestion, Weapon
from . import prompts
from .call import CallLog, PartResult
from .drafts import FIELD_KIND, PASSES, ActorDraft, DecisionDraft, Draft, QuestionDraft, WeaponDraft, label
from .grounder import Grounder
from .aliases import alias_forms, alias_kind, canonical_weapon, weapon_category
from .ground import mentions, normalise
from .plausible import GENERIC_WEAPONS, actor_problem, looks_like_organisation, not_in_english, same_name, weapon_problem
from .safety import scrub, scrub_optional
from .cues import refers_back

MAX_EVIDENCE = 3


def with_evidence(evidences: list[Evidence], more: list[Evidence]) -> list[Evidence]:
    """``evidences`` and then those of ``more`` at sentences it does not have yet, up to ``MAX_EVIDENCE``."""
    starts = {e.start for e in evidences}
    extra = [e for e in more if e.start not in starts]
    return [*evidences, *extra][:max(MAX_EVIDENCE, len(evidences))]


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

    def drop(key: str, field: str, item: Draft, reason: str) -> None:
        del merged[key]
        dropped.append(DroppedItem(kind=FIELD_KIND[field], label=label(item)[:120], reason=reason))

    for key, (field, item, _) in list(merged.items()):
        if isinstance(item, WeaponDraft) and (problem := weapon_problem(item)):
            drop(key, field, item, problem)
        elif isinstance(item, WeaponDraft) and _weapon_name(item, "") == GENERIC_WEAPONS:
            # its written word is "weapons" of no kind ("Waffenlieferungen" named "drones"): the name it would get
            drop(key, field, item, f"{GENERIC_WEAPONS!r} names no weapon system or kind")
        elif isinstance(item, ActorDraft) and canonical_weapon(item.name_as_written, generic=True) == GENERIC_WEAPONS:
            drop(key, field, item, f"{GENERIC_WEAPONS!r} names no weapon system or kind, and is no actor")
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


class Canonical:
    """A decider as the article writes it ("Selenskyj", "der US-Präsident") -> the canonical name the same
    briefing gives that actor ("Volodymyr Zelensky"), so key developments name people alike everywhere."""

    def __init__(self, actors: list[ActorDraft]) -> None:
        self.by_written = {normalise(a.name_as_written): a.name for a in actors if a.name.strip()}
        self.by_name = {normalise(a.name): a.name for a in actors if a.name.strip()}
        self.actors = actors

    def __call__(self, who: str) -> str:
        return _known(self._briefings_name(who))

    def _briefings_name(self, who: str) -> str:
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
        return who


def _known(name: str) -> str:
    """The alias table's canonical name for ``name`` ("Selenskyj" -> "Volodymyr Zelensky"), else ``name``."""
    forms = alias_forms("actors", name)
    return forms[0] if forms else name


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


def _is_kind(name: str) -> bool:
    """A kind of weapon of the alias table ("drones", "missiles"), not a named system: it is its own category."""
    return canonical_weapon(name, generic=True) == name and canonical_weapon(name) is None


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


def deciders_are_actors(decisions: list[Decision], actors: list[Actor], text: str) -> list[Decision]:
    """A decision's participants are actors: names the briefing lists as actors (or the alias table knows).
    When the model gave none ("Washington/Kyjiw/Moskau", a dateline), they are the briefing's actors that
    its sentence names. Returns the decisions whose quote names none of those deciders and refers back to
    no one: the model's other "decider" was a word of the sentence ("Städte" in "Ganze Städte wurden
    verwüstet"), which let the sentence pass grounding for a person it never mentions."""
    known = {a.name for a in actors} | {a.name_as_written for a in actors}
    unnamed = []
    for d in decisions:
        ev = d.evidence[0]
        valid = [p for p in d.participants if p in known or alias_forms("actors", p)]
        if valid and not refers_back(ev.quote):
            # the deciders are those the quote names: "Selenskyj" is no decider of "Russland setzt auf
            # massive Drohnenangriffe" because the model listed him beside Russland
            named = [p for p in valid if any(mentions(f, text, ev.start, ev.end) for f in _forms_of(p, actors))]
            if not named:
                unnamed.append(d)
            valid = named or valid
        if not valid:
            named = [a for a in actors if mentions(a.name_as_written, text, ev.start, ev.end)]
            people = [a for a in named if a.kind == "person"] or named  # a dateline names cities, not deciders
            quote = ev.quote.casefold()
            people.sort(key=lambda a: (quote.find(a.name_as_written.casefold()) % (len(quote) + 1)))  # as written
            valid = list(dict.fromkeys(_known(a.name) for a in people))
        if valid:
            d.who, d.participants = valid[0], valid
        d.participants = [*d.participants, *_counterparts(d, actors, text)]
    return unnamed


def _forms_of(name: str, actors: list[Actor]) -> list[str]:
    """The ways the article may write a participant: its actor's written and English names, and the alias
    table's forms."""
    forms = [f for a in actors if name in (a.name, a.name_as_written) for f in (a.name, a.name_as_written)]
    return [name, *forms, *alias_forms("actors", name)]


def _counterparts(decision: Decision, actors: list[Actor], text: str) -> list[str]:
    """The people on the other side the description names ("spoke with Putin", "met Trump"), when the quote
    names them too: a call or a meeting has two sides, and reports of one event are joined by who took part."""
    ev = decision.evidence[0]
    out: list[str] = []
    for actor in actors:
        forms = [actor.name, actor.name_as_written]
        if actor.kind not in ("person", "organisation") or any(same_name(f, p) for f in forms for p in [*decision.participants, *out]):
            continue
        if any(mentions(f, decision.what, 0, len(decision.what)) and not _excluded(f, decision.what) for f in forms) and any(
                mentions(f, text, ev.start, ev.end) for f in forms):
            out.append(_known(actor.name))
    return out


def one_per_name(items: list) -> list:
    """One actor or weapon per final name: drafts the model named apart ("Patriots", "Patriot-Systeme") that
    the alias table makes one ("Patriot") become one item, its sentences the evidence (up to MAX_EVIDENCE).
    An actor is one per real-world entity too (:func:`_same_actor`): "Trump" and "Donald Trump", "Wladimir
    Putin" and "Vladimir Putin" are one person of the article; the alias table's canonical name stands (the
    name field is the canonical English name), else the fuller one."""
    out: dict[str, Actor | Weapon] = {}
    for item in items:
        if isinstance(item, Actor) and (known := _alias_of(item)) is not None and known != item.name:
            item.name = known
        key = normalise(item.name)
        twin = out.get(key)
        if twin is None and isinstance(item, Actor):
            twin = next((o for o in out.values() if isinstance(o, Actor) and _same_actor(o, item)), None)
        if twin is None:
            out[key] = item
            continue
        twin.evidence = with_evidence(twin.evidence, item.evidence)
        if isinstance(twin, Actor) and _better_name(item.name, twin.name):
            twin.name = item.name
    return list(out.values())


def _alias_of(actor: Actor) -> str | None:
    """The alias table's canonical name of the actor: of the name as written first (it is the article's)."""
    forms = alias_forms("actors", actor.name_as_written) or alias_forms("actors", actor.name)
    return forms[0] if forms else None


def _same_actor(a: Actor, b: Actor) -> bool:
    """One real-world actor of the article: the alias table gives both one name, or two people share a
    surname (spelled alike, "Selenskyj"/"Zelensky") and their first names agree where both are given
    ("Trump" is "Donald Trump"; "Melania Trump" is not "Donald Trump")."""
    alias_a, alias_b = _alias_of(a), _alias_of(b)
    if alias_a is not None or alias_b is not None:
        return alias_a == alias_b
    if a.kind != "person" or b.kind != "person":
        return False
    words_a, words_b = a.name.split(), b.name.split()
    if not words_a or not words_b or not same_name(words_a[-1], words_b[-1]):
        return False
    return len(words_a) == 1 or len(words_b) == 1 or same_name(words_a[0], words_b[0])


def _better_name(candidate: str, current: str) -> bool:
    """The alias table's canonical name first, then the fuller one."""
    known = alias_forms("actors", candidate)
    if known and known[0] == candidate:
        return candidate != current
    return not alias_forms("actors", current) and len(candidate.split()) > len(current.split())


def one_per_sentence(questions: list[OpenQuestion]) -> list[OpenQuestion]:
    """One open question per sentence that says something is open (a model asks the same thing twice)."""
    seen: set[int] = set()
    out = []
    for q in questions:
        if q.evidence[0].start not in seen:
            seen.add(q.evidence[0].start)
            out.append(q)
    return out


def _excluded(name: str, what: str) -> bool:
    """The description names ``name`` as left out ("met in Alaska without Selenskyj")."""
    last = re.escape(name.split()[-1]) if name.split() else ""
    return bool(last) and re.search(rf"(?<!\w)(?:without|except|excluding|ohne|not)\s+(?:\w+\s+)?{last}", what,
                                    re.IGNORECASE) is not None


def one_per_event(decisions: list[Decision]) -> list[Decision]:
    """One decision per event: decisions the model gives for the same cited sentence ("Trump: agreed to meet",
    "Putin: agreed to meet", or the same agreement worded twice) become one, with all participants; so do
    the article's several reports of one call or meeting (:func:`same_interaction`), whose sentences become
    the one decision's evidence."""
    out: list[Decision] = []
    for d in decisions:
        twin = next((o for o in out if o.evidence[0].start == d.evidence[0].start), None)
        if twin is None:
            twin = next((o for o in out if same_interaction(o, d)), None)
            if twin is not None:
                twin.evidence = with_evidence(twin.evidence, d.evidence)
        if twin is None:
            out.append(d)
        else:
            twin.participants = list(dict.fromkeys([*twin.participants, *d.participants]))
    return out


def same_interaction(a: Decision, b: Decision) -> bool:
    """Two decisions of one article report one call or meeting: the same kind of interaction, two or more
    participants in common and no one else on one side (a third person one report names as context, "while
    Selenskyj was on his way", does not make it another call), the same status, both planned or both not,
    and no date that tells them apart (the model's stated date, else a date in the quote: "im April" is
    another meeting than the one of the summit)."""
    kind, other = event_kind(a.what), event_kind(b.what)
    if kind not in INTERACTIONS or not same_kind(kind, other):
        return False
    people_a, people_b = {normalise(p) for p in a.participants}, {normalise(p) for p in b.participants}
    if len(people_a & people_b) < 2 or not (people_a <= people_b or people_b <= people_a) or a.status != b.status:
        return False
    return _planned(a.what, kind) == _planned(b.what, other) and _stated_day(a) == _stated_day(b)


# An agreement to meet or call is not the meeting or call itself ("agreed to meet their teams", "met Trump").
# "to meet" plans a meeting, not a call: "called Kyiv to meet them" reports a call that was made.
_PLANNED = re.compile(r"(?<!\w)(?:agree|plan|will|would|announc|invit|propos|schedul)", re.IGNORECASE)
_PLANNED_KIND = {"meeting": re.compile(r"(?<!\w)to (?:meet|hold|visit)", re.IGNORECASE),
                 "call": re.compile(r"(?<!\w)to (?:call|talk|speak|phone)", re.IGNORECASE),
                 "talk": re.compile(r"(?<!\w)to (?:meet|hold|visit|call|talk|speak|phone)", re.IGNORECASE)}


def _planned(what: str, kind: str) -> bool:
    return bool(_PLANNED.search(what)) or bool((pattern := _PLANNED_KIND.get(kind)) and pattern.search(what))


def _stated_day(d: Decision) -> str | None:
    """The date a decision states (its own, else its quote's), as a key: a day or month, or None."""
    for text in (d.date or "", d.evidence[0].quote):
        stated = normalise_date(text)
        if stated.iso:
            return stated.iso
        if stated.text and stated.text != " ".join(text.split()):  # a month without a year ("im April")
            return stated.text.casefold()
    return None


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
    canonical: Canonical | None = None, grounder: Grounder | None = None,
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
        name = _weapon_name(item, source)  # a known system's category is the alias table's, not the model's guess
        return Weapon(
            name=name, name_as_written=clean(item.name_as_written),
            category=weapon_category(name) or (name if _is_kind(name) else clean(item.category)), status=item.status,
            evidence=evidence,
        )
    assert isinstance(item, QuestionDraft)
    return OpenQuestion(question=clean(item.question), evidence=evidence)
