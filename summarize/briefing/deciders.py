"""Who decided: a decision's deciders are actors of the briefing that its quote names (or refers back to),
by the names the briefing gives them, with the other side of a call or meeting; and a description that
names its own decider has confused who did what."""

from __future__ import annotations

import re

from ..models import Actor, Decision
from ..text.event_kinds import INTERACTIONS, event_kind
from ..text.normalise import QUOTATION_MARKS
from ..text.territories import is_territory
from .aliases import alias_forms, alias_kind, borrowed_first_name, seat_forms
from .cues import refers_back, speaks_for_self
from .described import reports_an_act, reports_words_only, told_clauses
from .ground import normalise
from .mentions import mentions
from .drafts import ActorDraft
from .people_named import PRONOUN_SUBJECT
from .plausible import english_weapon_terms, same_name


class Canonical:
    """A decider as the article writes it ("Selenskyj", "der US-Präsident") -> the canonical name the same
    briefing gives that actor ("Volodymyr Zelensky"), so key developments name people alike everywhere."""

    def __init__(self, actors: list[ActorDraft]) -> None:
        self.by_written = {normalise(a.name_as_written): a.name for a in actors if a.name.strip()}
        self.by_name = {normalise(a.name): a.name for a in actors if a.name.strip()}
        self.actors = actors
        self._surname_map: dict[str, str] | None = None  # built on first use: most briefings need it once

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

    def in_text(self, text: str) -> str:
        """``text`` (an English description) with people's surnames as the article spells them put as their
        canonical names spell them ("asked Selenskyj to check" -> "asked Zelensky to check"), so the digest
        reads one name for one person."""
        if self._surname_map is None:
            self._surname_map = self._surnames()
        for old, new in self._surname_map.items():
            text = re.sub(rf"(?<![\w-]){re.escape(old)}(s\b)?(?![\w-])",
                          lambda m, new=new: new + ("'s" if m.group(1) else ""), text)
        return text

    def _surnames(self) -> dict[str, str]:
        """Surnames as written -> as the canonical name writes them, for the people whose two differ."""
        out: dict[str, str] = {}
        for actor in self.actors:
            if actor.kind != "person":
                continue
            known = _known(actor.name)
            canonical = known.split()
            if not canonical:
                continue
            for form in (actor.name_as_written, actor.name, *alias_forms("actors", known)):
                last = form.split()[-1] if form.split() else ""
                if len(last) >= 4 and last != canonical[-1] and last[:1].isupper() and same_name(last, canonical[-1]):
                    out[last] = canonical[-1]
        return out


def _known(name: str) -> str:
    """The alias table's canonical name for ``name`` ("Selenskyj" -> "Volodymyr Zelensky"; "Sergej Uschakow",
    a first name lent by another person of the table, -> "Yuri Ushakov"), else ``name``."""
    forms = alias_forms("actors", name)
    return forms[0] if forms else (borrowed_first_name(name) or name)


_DANGLING = {"as", "that", "to", "the", "a", "an", "of", "with", "about", "had", "has", "have", "for", "on", "in",
             "and", "by", "from", "was", "is"}


# "announced that the meeting": a that-clause of a few words and no verb is an unfinished description
_UNFINISHED_CLAUSE = re.compile(r"(?<!\w)(?:announced|said|stated|explained|noted|added|confirmed|declared|claimed)\s+"
                                r"that\s+(?:the|a|an|this|his|her|their|its)?\s*\w+\s*\.?$", re.IGNORECASE)


def informative(what: str, who: list[str]) -> bool:
    """A decision's description says something: three or more words, not ending in a dangling word ("described
    the attack as"), and more than the deciders' names."""
    words = what.split()
    if bare_interaction(what):
        return True  # "telephoned Putin", "met Zelensky": the call or meeting and who was on its other side
    if len(words) < 3 or words[-1].casefold().strip(".,;:…") in _DANGLING or _UNFINISHED_CLAUSE.search(what):
        return False
    names = {w.casefold() for n in who for w in n.split()}
    return any(w.casefold().strip(".,;:'\"") not in names for w in words)


def bare_interaction(what: str) -> bool:
    """A description that is a verb of a call or a meeting and the other side's name: "telephoned Putin"."""
    words = what.split()
    return len(words) == 2 and _MET_OR_PHONED.match(what) is not None and words[1][:1].isupper()


# A verb of a call or a meeting held that says it alone ("called" may name: "called Putin a liar")
_MET_OR_PHONED = re.compile(r"(?:met|meets|telephoned|phoned|visited|hosted)\s", re.IGNORECASE)

_CLOSING = frozenset("”“\"»«’'")
_TRAILING_CLAUSE = re.compile(r"\s*,?\s+(?:that|which|who|whom)\s+(?:[\w'’-]+\s+){0,6}[\w'’-]+\s*\.?$", re.IGNORECASE)


def finished(what: str, who: list[str], quote: str = "") -> str:
    """``what`` cut back to its last finished clause when the model left it unfinished (an answer cut at its
    length: "... that Trump described as “productive,” with both sides confirming plans to meet within the
    next two to " -> "... that Trump described as “productive”"; a dangling relative clause: "... phone call
    that Trump described as" -> "... phone call"), when what is left says something; else ``what``. A
    description the model copied from its ``quote`` and stopped where the sentence quotes words ("agreed to
    work on increasing Kyiv's capability to " of '... capability to "defend the sky" as Russian attacks
    escalated.') is completed from the quote to the end of its clause."""
    if informative(what, who):
        return what
    if (completed := _completed_from(quote, what)) is not None and informative(completed, who):
        return completed
    # a clause ends at a comma (with the quotation mark it closes: "as “productive,” with ..."), not inside a
    # number ("1,600")
    heads = [what[:i] + (what[i + 1] if what[i + 1:i + 2] in _CLOSING else "")
             for i in range(len(what) - 1, 0, -1) if what[i] == "," and not what[i - 1].isdigit()]
    if (m := _TRAILING_CLAUSE.search(what)) is not None:
        heads.append(what[: m.start()])
    for head in heads:
        head = head.rstrip(" ,;:")
        if informative(head, who):
            return head
    return what


def _completed_from(quote: str, what: str) -> str | None:
    """``what`` with the rest of its clause in ``quote``, where ``what`` stands in the quote word for word and
    stops before a quotation mark; None elsewhere."""
    head = what.rstrip()
    at = quote.casefold().find(head.casefold()) if len(head.split()) >= 3 else -1
    if at < 0:
        return None
    rest = quote[at + len(head):]
    if rest.lstrip()[:1] not in _CLOSING | {"„", "‚", "‘"}:
        return None
    clause = re.match(r"[^,.;:!?]{1,80}", rest)
    return None if clause is None else (head + clause.group(0)).rstrip()


# First words of a description that is someone's words rather than what they did: a pronoun, a hedge or a
# degree ("They've already spoken", "very well informed", "not to mention the prospects", "hope we're going
# to get it stopped"). A description starts with what its decider did ("agreed ...", "plans to meet ...").
_WORDS_NOT_ACTS = frozenset(
    "i i'm i've we we're we've we'll they they're they've they'll he he's she she's you you're it it's its "
    "not very maybe perhaps so yes no hope hopes".split())


def quotes_words(what: str) -> bool:
    """Whether a decision's description is a speaker's words, not a description of an act: it opens with a
    quotation mark or with a pronoun, a hedge or a degree (:data:`_WORDS_NOT_ACTS`)."""
    text = what.strip()
    if text[:1] in QUOTATION_MARKS or (len(text) > 2 and text[0] == text[-1] == "'"):  # 'Maybe it's set up'
        return True
    first = text.split()[0].casefold().replace("’", "'").strip(".,;:!?") if text.split() else ""
    return first in _WORDS_NOT_ACTS


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
        # the pronoun of the sentence is its speaker, not the decider the model took from a sentence before or
        # from the one spoken to: "Er werde dazu mit Putin telefonieren, sagte Orban" (the attribution at the
        # end), "Trump sagte, er habe eine Überprüfung ... angeordnet", "Trump told Zelenskiy he would check ..."
        if (((speaker := _attributed_speaker(ev.quote, actors)) is not None
             and not any(mentions(f, text, ev.start, ev.end) for f in _forms_of(d.who, actors)))
                or ((speaker := _opening_speaker(ev.quote, actors)) is not None and speaker != _known(d.who))):
            d.who, d.participants = speaker, [speaker, *(p for p in d.participants if p != d.who and p != speaker)]
        elif (subject := _verb_subject(d, actors)) is not None:  # a call or a meeting keeps its other side
            sides = d.participants if event_kind(d.what) in INTERACTIONS else [p for p in d.participants if p != d.who]
            d.who, d.participants = subject, [subject, *(p for p in sides if p != subject)]
        valid = [p for p in d.participants if p in known or alias_forms("actors", p)]
        if valid and not (refers_back(ev.quote) or speaks_for_self(ev.quote)):
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


_ATTRIBUTION = re.compile(r"(?:,|–)\s*(?:(?:sagte|sagt|erklärte|betonte|schrieb|said|says|told reporters|wrote|added)\s+"
                          r"(?P<tail>[^,.;:]{2,60}?)|(?P<before>[^,.;:]{2,60}?)\s+(?:said|says|told reporters|told|wrote|"
                          r"added))\s*[.!]?\W{0,2}$")


def _attributed_speaker(quote: str, actors: list[Actor]) -> str | None:
    """The person a quote that begins with a pronoun attributes itself to at its end ("Er werde ..., sagte
    Orban"), by the briefing's name; else None."""
    if not PRONOUN_SUBJECT.match(quote) or (m := _ATTRIBUTION.search(quote)) is None:
        return None
    return _one_person(m.group("tail") or m.group("before"), actors)


def _one_person(words: str, actors: list[Actor]) -> str | None:
    """The one person of ``actors`` that ``words`` (a speaker's name as an attribution gives it) names, by the
    briefing's name; None when they name no one or several."""
    people = [a for a in actors if a.kind == "person" and any(
        len(f) >= 3 and (mentions(f, words, 0, len(words)) or same_name(f, words)) for f in (a.name, a.name_as_written))]
    return _known(people[0].name) if len(people) == 1 else None


# A sentence that opens with a speaker, their verb of speech and a pronoun as the subject of what they said
# ("Trump sagte dem ukrainischen Präsidenten ... in einem Telefongespräch, er sei nicht ...", "Trump told
# Zelenskiy he would check ...")
_OPENING_SPEAKER = re.compile(r"\W{0,3}(?P<name>[^\W\d][^,.;:!?]{1,60}?)\s+(?:sagte|sagt|erklärte|betonte|versicherte|"
                              r"said|says|told|assured)(?:[^.;:!?]{0,120}?)(?:,\s*(?:dass\s+)?|\s+that\s+|\s+)"
                              r"(?:er|he|she)\s")  # not "sie": also "they"


def _opening_speaker(quote: str, actors: list[Actor]) -> str | None:
    """The person a sentence opens with as the speaker of a pronoun that is the subject of what they said, by
    the briefing's name; else None. The quote's last sentence counts (a quote may take the sentence before)."""
    sentence = quote.rsplit("\n", 1)[-1]
    m = _OPENING_SPEAKER.match(sentence)
    return None if m is None else _one_person(m.group("name"), actors)


# Words that may stand between a subject and its verb: "Zelenskiy prepared", "Trump had also agreed"
_BEFORE_VERB = frozenset("had has have was were is are also then later reportedly already again himself herself "
                         "itself would will could quickly soon now".split())


def _verb_subject(d: Decision, actors: list[Actor]) -> str | None:
    """The actor an English quote names right before the description's verb, when that is not the decider
    the model gave: "... as Ukrainian President Volodymyr Zelenskiy prepared to visit Washington" is
    Zelensky's act, whoever the model named. Only a name directly before the verb (auxiliaries and adverbs
    between), of one actor alone ("he and Trump had agreed" has two subjects), and not a form of the model's
    decider (the Kremlin acts for Russia); else None."""
    verb = d.what.split()[0] if d.what.split() else ""
    quote = d.evidence[0].quote
    if len(verb) < 4 or not verb.isalpha() or (m := re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", quote)) is None:
        return None
    words = quote[: m.start()].split()
    while words and words[-1].casefold() in _BEFORE_VERB:
        words.pop()
    if not words or words[-1][:1].islower():
        return None  # no name right before the verb ("the Russian leader initiated")
    before = " ".join(words[-4:])
    named = [a for a in actors if any(len(f) >= 3 and mentions(f, before, 0, len(before)) and before.endswith(_last(f))
                                      for f in (a.name, a.name_as_written))]
    clause = re.split(r"[,;:–—(]", quote[: m.start()])[-1]
    if len(named) != 1 or re.search(r"(?<!\w)(?:and|und|or|oder|with|mit|sowie)(?!\w)", clause):
        return None  # "Trump and Russian President Vladimir Putin agreed": two subjects
    subject = _known(named[0].name)
    own = _forms_of(d.who, actors)
    if subject == _known(d.who) or any(same_name(f, subject) for f in own) or subject in seat_forms(d.who) or any(
            mentions(f, before, 0, len(before)) for f in own if len(f) >= 3):
        return None
    return subject


def _last(form: str) -> str:
    return form.split()[-1] if form.split() else form


def _forms_of(name: str, actors: list[Actor]) -> list[str]:
    """The ways the article may write a participant: its actor's written and English names, and the alias
    table's forms."""
    forms = [f for a in actors if name in (a.name, a.name_as_written) for f in (a.name, a.name_as_written)]
    return [name, *forms, *alias_forms("actors", name), *seat_forms(name)]


def _counterparts(decision: Decision, actors: list[Actor], text: str) -> list[str]:
    """The people on the other side the description names ("spoke with Putin", "met Trump"), when the quote
    names them too: a call or a meeting has two sides, and reports of one event are joined by who took part."""
    ev = decision.evidence[0]
    out: list[str] = []
    for actor in actors:
        forms = [actor.name, actor.name_as_written]
        # the description is English prose: "US-Rüstungsunternehmen" is written "US defence companies" there
        named_as = [*forms, english_weapon_terms(actor.name_as_written)]
        if actor.kind not in ("person", "organisation") or not any(
                mentions(f, decision.what, 0, len(decision.what)) and not _excluded(f, decision.what) for f in named_as):
            continue
        if not any(same_name(f, p) for f in forms for p in [*decision.participants, *out]) and any(
                mentions(f, text, ev.start, ev.end) for f in forms):
            out.append(_known(actor.name))
    return out


def _excluded(name: str, what: str) -> bool:
    """The description names ``name`` as left out ("met in Alaska without Selenskyj")."""
    last = re.escape(name.split()[-1]) if name.split() else ""
    return bool(last) and re.search(rf"(?<!\w)(?:without|except|excluding|ohne|not)\s+(?:\w+\s+)?{last}", what,
                                    re.IGNORECASE) is not None


def names_own_decider(d: Decision) -> bool:
    """The description of a person's decision names that person ("Putin had a conversation with Putin"). A
    state may name itself ("Ukraine pushed its partners to prioritise Ukraine"); abbreviations ("US
    interests") are no name here."""
    forms = (d.who, *alias_forms("actors", d.who))
    if alias_kind(d.who) in ("state", "organisation") or is_territory(d.who):
        # ... unless it is the one the state addresses: "United States: warned the USA about an escalation"
        addressed = _ADDRESSED.match(d.what)
        return addressed is not None and any(
            mentions(f, addressed.group(1), 0, len(addressed.group(1))) for f in forms if len(f) >= 2)
    # the subject of a relative clause is the decider as the article tells it, not a second decider ("discussed
    # the matter in a phone call that Trump described as productive")
    what = _RELATIVE_SUBJECT.sub(" ", d.what)
    return any(mentions(f, what, 0, len(what)) for f in forms if len(f) >= 4)


_RELATIVE_SUBJECT = re.compile(r"(?<!\w)(?:that|which)\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?=[a-z])")


# A description that starts by addressing someone: the words after the verb name whom ("warned the USA")
_ADDRESSED = re.compile(r"\s*(?:also\s+|again\s+)?(?:warned|told|urged|asked|threatened|called on|informed|pressed)\s+"
                        r"(?:the\s+)?((?:[\w.-]+\s+){0,2}[\w.-]+)", re.IGNORECASE)


def reported_act(decision: Decision, actors: list[Actor]) -> Decision | None:
    """A decision that only reports what was said, as the act it tells of, by the actor who did it: "United
    States: reported that the U.S. halted shipments" -> "United States: halted shipments"; "Volodymyr Zelensky:
    reported that the call lasted 40 minutes and that Trump told Zelensky he would check what US weapons ..."
    -> "Donald Trump: told Zelensky he would check ...". The clause's subject must be an actor of the briefing
    that the quote names, and the clause an act in itself (not "would win": a forecast; not "was disappointed").
    None when no clause is such an act."""
    quote = decision.evidence[0].quote
    for clause in told_clauses(decision.what):
        words = _SPACED_INITIALS.sub(r"\1.", clause).split()
        if words[:1] and words[0].casefold() == "the":
            words = words[1:]
        for n in (3, 2, 1):
            subject, rest = " ".join(words[:n]).rstrip(",;:"), " ".join(words[n:]).rstrip(" .;")
            name = actor_named(subject, actors)
            if name is None:
                continue
            if (not rest[:1].islower() or _NOT_AN_ACT_START.match(rest) or not reports_an_act(rest)
                    or reports_words_only(rest) or not mentions(subject, quote, 0, len(quote))):
                break
            others = [p for p in decision.participants if p != name and mentions(p, rest, 0, len(rest))]
            return decision.model_copy(update={"who": name, "what": rest, "participants": [name, *others]})
    return None


# "U. S." as the model writes it in its answers: "U.S."
_SPACED_INITIALS = re.compile(r"(?<![\w.])(\w)\.\s+(?=\w\.)")
# A clause whose verb is a forecast or a state, not an act: "Putin would not win", "the call was productive"
_NOT_AN_ACT_START = re.compile(r"(?:will|would|could|might|may|should|must|can|cannot|is|was|are|were|be|"
                               r"'s|’s)(?!\w)", re.IGNORECASE)


def actor_ending(words: str, actors: list[Actor]) -> str | None:
    """The briefing's actor the words name, as a whole or by their last words ("President Zelensky", "The
    Kremlin", "After Putin"): :func:`actor_named` of each ending of ``words``, longest first."""
    split = words.split()
    return next((who for k in range(len(split)) if (who := actor_named(" ".join(split[k:]), actors))), None)


def actor_named(subject: str, actors: list[Actor]) -> str | None:
    """The name of the briefing's actor that ``subject`` names ("Trump", "U.S."), else None."""
    if not subject or not subject[:1].isupper():
        return None
    known = normalise(_known(subject))
    key = normalise(subject)
    for actor in actors:
        name = normalise(actor.name)
        if key == name or known == name or (len(key) >= 4 and " " not in key and key == name.split()[-1]):
            return actor.name
    return None
