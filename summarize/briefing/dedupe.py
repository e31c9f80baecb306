"""One item per thing: the model's several items for one actor, weapon, event or open question become one,
their sentences its evidence."""

from __future__ import annotations

import re

from ..models import Actor, Decision, Evidence, OpenQuestion, Weapon
from ..text.dates import normalise_date
from ..text.event_kinds import INTERACTIONS, event_kind, same_kind
from ..text.sentences import count as count_sentences
from .aliases import alias_forms, alias_table, borrowed_first_name
from .described import reports_an_act
from .ground import normalise
from .mentions import mentions
from .plausible import holds_office, same_name

MAX_EVIDENCE = 3


def with_evidence(evidences: list[Evidence], more: list[Evidence]) -> list[Evidence]:
    """``evidences`` and then those of ``more`` at sentences it does not have yet, up to ``MAX_EVIDENCE``."""
    starts = {e.start for e in evidences}
    extra = [e for e in more if e.start not in starts]
    return [*evidences, *extra][:max(MAX_EVIDENCE, len(evidences))]


def one_per_name(items: list, text: str = "") -> list:
    """One actor or weapon per final name: drafts the model named apart ("Patriots", "Patriot-Systeme") that
    the alias table makes one ("Patriot") become one item, its sentences the evidence (up to MAX_EVIDENCE).
    An actor is one per real-world entity too (:func:`_same_actor`): "Trump" and "Donald Trump", "Wladimir
    Putin" and "Vladimir Putin" are one person of the article; the alias table's canonical name stands (the
    name field is the canonical English name), else the fuller one. ``text``: the article's, in which a person's
    first name the model wrote must stand (:func:`_alias_of`)."""
    out: dict[str, Actor | Weapon] = {}
    for item in items:
        if isinstance(item, Actor) and (known := _alias_of(item, text)) is not None and known != item.name:
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


def _alias_of(actor: Actor, text: str = "") -> str | None:
    """The alias table's canonical name of the actor: of the name as written first (it is the article's), then
    of the model's name, then of the name as written without the words before it that state an office or are
    lower case ("Bundeskanzler Merz" is "Friedrich Merz" whatever first name the model gave him); a person's first
    name lent by another known person or one the article's ``text`` never writes is the model's
    (:func:`~summarize.briefing.aliases.borrowed_first_name`)."""
    forms = (alias_forms("actors", actor.name_as_written) or alias_forms("actors", actor.name)
             or alias_forms("actors", _without_office(actor.name_as_written)))
    if forms:
        return forms[0]
    if actor.kind == "person":  # "Sergej Uschakow": another person's first name lent to Ushakov
        return borrowed_first_name(actor.name_as_written, text) or borrowed_first_name(actor.name, text)
    return None


def _without_office(written: str) -> str:
    """``written`` without its first words while they state an office or are lower case ("der Bundeskanzler
    Merz" -> "Merz", "US-Präsident Trump" -> "Trump"); the last word stays."""
    words = written.split()
    while len(words) > 1 and (words[0][:1].islower() or holds_office(words[0])):
        words.pop(0)
    return " ".join(words)


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


def one_per_event(decisions: list[Decision]) -> list[Decision]:
    """One decision per event: decisions the model gives for the same cited sentence ("Trump: agreed to meet",
    "Putin: agreed to meet", or the same agreement worded twice) become one, with all participants, unless
    they are a call and a meeting, or one of them quotes a further sentence as well (:func:`_reaches_further`);
    so do
    the article's several reports of one call or meeting (:func:`same_interaction`), whose sentences become
    the one decision's evidence."""
    out: list[Decision] = []
    for d in decisions:
        twin = next((o for o in out if o.evidence[0].start == d.evidence[0].start and not _reaches_further(o, d) and not _other_events(o, d)
                     and not _outcome(o, d) and not _outcome(d, o)), None)
        if twin is not None and reports_an_act(d.what) and (not reports_an_act(twin.what) or _held_over_content(d, twin)):
            # the report that names an act describes the event ("agreed to arrange a meeting between their
            # teams", not "speak later in his nightly video address" of "Zelenskiy, speaking later in his
            # nightly video address, said he and Trump had agreed to ..."); a call or meeting held, not
            # what was discussed in it
            twin.who, twin.what, twin.status, twin.date = d.who, d.what, d.status, d.date
            twin.participants = list(dict.fromkeys([d.who, *twin.participants]))  # the decider first
        if twin is None:
            twin = next((o for o in out if same_interaction(o, d) or same_stance(o, d)), None)
            if twin is not None:
                twin.evidence = with_evidence(twin.evidence, d.evidence)
                if same_stance(twin, d) and not _names_in(twin) and _names_in(d):
                    twin.what = d.what  # the report that says whom the feeling is about ("with Putin's stance")
        if twin is None:
            out.append(d)
        else:
            twin.participants = list(dict.fromkeys([*twin.participants, *d.participants]))
    return out


def told_below(decisions: list[Decision], headed: list[Decision]) -> list[Decision]:
    """The decisions of ``headed`` (read off a heading, grounded in the report under it) whose sentence
    another decision of ``decisions`` cites: the heading's words ("Gemeinsame Rüstungsproduktion als neue
    Strategie") say less than the sentence the model read itself, so its reading stands in for the report
    only where the model gave that report no decision of its own."""
    cited = {d.evidence[0].start for d in decisions if not any(d is h for h in headed)}
    return [d for d in headed if d.evidence[0].start in cited]


_POSITIONS = frozenset({"stance", "request", "offer", "verdict", "label", "readiness", "reason"})
_HELD_KINDS = INTERACTIONS | {"teams"}  # events held, whose content a report may tell instead  # kinds of act told on a sentence about something else


def _other_events(a: Decision, b: Decision) -> bool:
    """Two reports of one sentence that are of different events: a call and a meeting ("Trump is set to host
    Zelensky ..., after a call with Putin"), or a call or meeting and an act of another kind ("A phone call
    between Trump and Putin has cast fresh uncertainty over whether Washington will deliver Tomahawks": the
    call, and a delivery); a report of no kind ("discussed the air defence") is the interaction's content."""
    kind, other = event_kind(a.what), event_kind(b.what)
    if {kind, other} == {"talk", "teams"}:
        return False  # "speaking later in his nightly video address, said he and Trump had agreed to arrange a meeting between our teams"
    if kind != other and (kind in _POSITIONS or other in _POSITIONS):
        return True  # "said he was very dissatisfied with the call": a position taken, not the call or its content
    if kind in _POSITIONS and a.who != b.who:
        return True  # two speakers' positions ("Trump emphasized ..., and Putin voiced Moscow's readiness to ...")
    if kind in INTERACTIONS and other in INTERACTIONS:
        # a meeting held and one planned are two ("arrived in Washington and has already held a number of
        # meetings with senior U.S. officials. He is scheduled to meet Trump on Friday")
        return not same_kind(kind, other) or (kind == other != "talk" and _planned(a.what, kind) != _planned(b.what, other))
    held = INTERACTIONS | {"cancellation"}  # a meeting called off is an event of its own too
    return kind != other and ((kind in held and other is not None) or (other in held and kind is not None))


def _outcome(a: Decision, b: Decision) -> bool:
    """``b`` is an act agreed or decided in the call or meeting ``a`` reports, not its content: "held a phone
    conversation" and "agreed to strengthen Ukraine's air defences" are two decisions of one sentence;
    "discussed peace in the Middle East" is what the call was about."""
    return (event_kind(a.what) in INTERACTIONS and reports_an_act(a.what) and event_kind(b.what) is None
            and reports_an_act(b.what) and not _CONTENT.match(b.what))


def same_stance(a: Decision, b: Decision) -> bool:
    """Two decisions of one article state one speaker's feeling about the same thing: "said he was very
    dissatisfied" and "expressed dissatisfaction at the call with Vladimir Putin" (an article tells a
    disappointment in its lead and again in the speaker's words); about two different people they are two."""
    if a.who != b.who or event_kind(a.what) != "stance" or event_kind(b.what) != "stance":
        return False
    named_a, named_b = _names_in(a), _names_in(b)
    return named_a <= named_b or named_b <= named_a


def _names_in(d: Decision) -> set[str]:
    """The capitalised words of a description but its decider's: whom or what it names."""
    own = set(d.who.split())
    return {re.sub(r"['’]s$", "", w) for w in re.findall(r"(?<!\w)[A-Z][\w'’-]+", d.what) if w not in own}


def _held_over_content(held: Decision, content: Decision) -> bool:
    """``held`` reports a call or meeting held and ``content`` (of the same sentence, no act of its own: see
    :func:`_outcome`) what was said in it."""
    return event_kind(held.what) in _HELD_KINDS and event_kind(content.what) is None


# A description that tells what was said in a call or meeting, not what came of it
_CONTENT = re.compile(r"\s*(?:(?:also|again|then|had|have|has)\s+)?(?:discuss|talk|spoke|speak|touch|address|rais|mention|"
                      r"review|exchang|focus|cover|brief|inform|told|tell|said|says|called)", re.IGNORECASE)


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
    if any(normalise(x.who) not in people and not _TAKES_PART.match(x.what) for x, people in ((a, people_b), (b, people_a))):
        return False  # a decider who is no side of the other's event, of an act about it: "Orbán: ready to host"
    told_a, told_b = _told_sides(a), _told_sides(b)
    if told_a and told_b and not (told_a <= told_b or told_b <= told_a):
        return False  # "met with Putin" and "met with Zelensky": the model listed everyone as taking part in both
    return _planned(a.what, kind) == _planned(b.what, other) and _stated_day(a) == _stated_day(b)


# A description that tells its decider as a side of the call or meeting ("held a phone call with ...", "met ...")
_TAKES_PART = re.compile(r"\s*(?:(?:also|again|then)\s+)?(?:held|had|met|meets|spoke|speaks|talked|talks|called|calls|"
                         r"phoned|telephoned|hosted|received|visited)\b", re.IGNORECASE)


def _told_sides(d: Decision) -> set[str]:
    """The decider and the participants its description names ("held a phone call with Vladimir Putin":
    Trump and Putin); empty when the description names no participant."""
    named = {normalise(p) for p in d.participants if p != d.who
             and any(mentions(f, d.what, 0, len(d.what)) for f in {p, p.split()[-1]} if len(f) >= 4)}
    return named | {normalise(d.who)} if named else set()


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


_OF_TYPE = r"(?:vom Typ|des Typs|der Marke|of the type|of type|known as)"  # "Marschflugkörper vom Typ Tomahawk"
# the word between a system and a kind is no conjunction: "Patriot-Batterien sowie präzisionsgelenkte
# Artilleriemunition" lists two weapons, the second no kind of the first
_NOT_LISTED = r"(?!(?:und|sowie|oder|and|or|plus|nor)(?!\w))"


def kinds_of_systems(weapons: list[Weapon]) -> list[tuple[Weapon, str]]:
    """Kinds ("missiles", "air defence") the model listed for words that name a system of the briefing
    with its kind ("Tomahawk missiles", "Patriot air defence systems", "Patriot-Raketen", "Marschflugkörper vom
    Typ Tomahawk"): the system is the item, the kind says nothing more; not a kind listed after it ("Patriot-
    Systeme und Präzisionswaffen"). Each with the system's name."""
    systems = [w for w in weapons if not _names_a_kind(w.name)]
    out = []
    for kind in (w for w in weapons if _names_a_kind(w.name)):
        quote, written = kind.evidence[0].quote, re.escape(kind.name_as_written)
        for system in systems:
            forms = {f for f in (system.name, system.name_as_written, *alias_forms("weapons", system.name)) if len(f) >= 3}
            if any(re.search(rf"(?<!\w){re.escape(f)}[\s-]+(?:{_NOT_LISTED}[\w-]+\s+)?{written}|{written}\s+{_OF_TYPE}\s+{re.escape(f)}",
                             quote, re.IGNORECASE) for f in forms):
                out.append((kind, system.name))
                break
    return out


def _names_a_kind(name: str) -> bool:
    """A weapon's name that the alias table gives a kind ("missiles", "Raketen", "Missiles"), or an English name
    in lower case ("long-range missiles")."""
    entry = alias_table().get("weapons", {}).get((alias_forms("weapons", name) or (name,))[0], {})
    return bool(entry.get("generic")) or name[:1].islower()


def _reaches_further(a: Decision, b: Decision) -> bool:
    """Whether one of two decisions cited from the same sentence quotes a further sentence that the other
    does not, and so tells of that sentence: "was still committed to Russia's goals" (its first sentence)
    and "was ready for further negotiations" (quoting the next one too) are two positions."""
    first, second = a.evidence[0], b.evidence[0]
    return first.end != second.end and count_sentences(first.quote) != count_sentences(second.quote)
