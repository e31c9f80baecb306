"""Calls and meetings between people the article names, found by the code.

A small model lists what someone decided and passes over the call or the meeting itself ("..., nachdem er
am Donnerstagabend mit Putin telefoniert hatte"); yet a call or a meeting is what several sources report
alike, and what the digest joins them by.

* :func:`interactions`: a sentence reports one when it holds a word of a call, a meeting or a talk
  (``summarize/data/cues.json``: "call", "meeting", "talk") and names two or more people of the briefing.
  Who took part is what the word's clause says: the people named after it and the one named last before
  it in its clause ("Trump is set to host Zelensky ..., after a call with Putin": a meeting with Zelensky,
  a call with Putin). A word named as the time of something else ("Parallel zum Treffen") counts only when
  "with"/"mit" and a person follow it; a talk ("sprach ... mit") always needs them. A word of the future or
  a plan, or "vor"/"ahead of", makes it planned ("will sich ... treffen", "vor seinem Treffen mit"), a noun
  or a verb in the past the event, and a meeting the sentence says is off its cancellation (:mod:`.called_off`).
  The description is the code's, in English ("held a phone call with Vladimir Putin", "plans to meet
  Volodymyr Zelensky"); the quote is the sentence.
* :func:`separate`: one sentence of separate calls ("sowohl mit X als auch mit Y") is one decision per call.
* :func:`further_reports`: later sentences that tell more of an event become its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from ..text.event_kinds import INTERACTIONS, event_kind, same_kind
from .called_off import CALLED_OFF, called_off
from .cues import cue_pattern, has_cue, open_date_or_place
from .dedupe import MAX_EVIDENCE, with_evidence
from .numbered import Sentences, is_heading
from .offices import office_referents
from .people_named import named_at, people_of, surname_in, with_referents, written_at
from .team_meetings import team_spans

# A call or meeting named after one of these words is the time of something else ("Parallel zum bilateralen
# Treffen sollen Gespräche stattfinden", "ahead of the meeting"), not the report of it.
_AS_TIME = re.compile(r"(?<!\w)(?:parallel zu[mr]?|vor (?:dem|der|seinem|ihrem|einem)|nach (?:dem|der|seinem|ihrem|einem)|"
                      r"zum|zur|beim|bei (?:dem|einem)|ahead of|before|after|during|prior to)\s+(?:[\w-]+\s+){0,2}$",
                      re.IGNORECASE)

_DESCRIPTION = {("call", False): "held a phone call with {}", ("call", True): "plans a phone call with {}",
                ("meeting", False): "met {}", ("meeting", True): "plans to meet {}",
                ("talk", False): "spoke with {}", ("talk", True): "plans to speak with {}"}


def interactions(sentences: Sentences, actors: list[Actor], evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """Decisions for the calls and meetings of the article's sentences (``evidence(n)`` is sentence ``n``'s
    :class:`Evidence`, or a reason it has none)."""
    people = people_of(actors)
    found: list[Decision] = []
    for n in range(1, len(sentences) + 1) if len(people) >= 2 else ():  # a call or a meeting takes two
        sentence = sentences.sentence(n)
        if is_heading(sentence):
            continue
        named = _sides(named_at(people, sentence), sentence)
        # one named, or none: the others may be named by an office ("empfängt er den ukrainischen Präsidenten")
        if len(named) < 2 and (by_office := office_referents(people, sentences, n, named)):
            named = dict(sorted({**named, **by_office}.items(), key=lambda item: item[1]))
        positions = with_referents(named, people, sentences, n)
        if len(positions) < 2:
            continue
        surnames = [_written(name, sentence, at) for name, at in positions.items()]
        elsewhere = [(start, end) for start, end, _ in team_spans(sentence)]  # "ein Treffen ihrer Teams": not theirs
        elsewhere += [m.span() for m in _TO_DISCUSS_CALL.finditer(sentence)]  # "to discuss his call with Putin": a topic
        for kind in ("call", "meeting", "talk"):
            words = [w for w in cue_pattern(kind).finditer(sentence) if not any(s <= w.start() < e for s, e in elsewhere)
                     if (kind != "talk" and not _AS_TIME.search(sentence, 0, w.start())) or _with(sentence, w.end(), surnames)
                     or (kind == "call" and len(positions) == 2 and _of_the_two(sentence, w.end()))
                     or (_TRANSITIVE.fullmatch(w.group(0).strip()) is not None and _with(sentence, w.end(), surnames, direct=True))]
            word, taking_part = next(((w, who) for w in words
                                      if len(who := _taking_part(positions, w, sentence)) >= 2), (None, []))
            if word is None or not isinstance(ev := evidence(n), Evidence):
                continue
            off = kind == "meeting" and called_off(sentence, word.start())  # "a planned meeting with Putin ... was off"
            planned = not off and _planned(word.group(0), sentence, word.start())
            what = (CALLED_OFF if off else _DESCRIPTION[kind, planned]).format(" and ".join(taking_part[1:]))
            if planned and kind == "meeting" and (told := _TO_DISCUSS_CALL.search(sentence, word.end())):
                about = next((name for name, at in positions.items() if at >= told.start("with") and name not in taking_part), None)
                what += f", to discuss the call with {about}" if about else ""  # a clause of its own: the kind is the meeting
            found.append(Decision(who=taking_part[0], participants=taking_part, status="announced" if planned else "taken",
                                  what=what, evidence=[ev]))
    return found


# a possessive with its noun left out ("their phone call that preceded Zelenskyy’s"): another call's owner
_ELLIPTIC_POSSESSIVE = re.compile(r"[\w-]*[’']s(?=\s*(?:[,.;:)]|and\s|und\s|$))")


def _sides(named: dict[str, int], sentence: str) -> dict[str, int]:
    """``named`` without the people named only in a possessive whose noun is left out."""
    kept = {name: at for name, at in named.items() if not _ELLIPTIC_POSSESSIVE.match(sentence, at)}
    return named if len(kept) == len(named) else kept


def _written(name: str, sentence: str, at: int) -> str:
    """The start of the word by which the sentence refers to a person: their name's (:func:`surname_in`), or,
    where it names them by an office alone, the office's first word ("ukrai" of "den ukrainischen
    Präsidenten"); a pronoun ("er") is no such word."""
    if (written := written_at(name, sentence)) is not None:
        return written[0]  # as surname_in gives it
    word = re.match(r"[\w-]+", sentence[at:])
    return word.group(0)[:5] if word is not None and len(word.group(0)) >= 4 else ""


# Words that open a sentence with the call or meeting as the scene of what follows, or that it then tells the
# consequence of: "During the meeting with ...", "In another phone call with Zelensky on Friday, Trump said",
# "After a call with Trump on Friday, Zelensky said", "Nach einem Telefonat mit Putin sagte Trump"
_OPENS_WITH = re.compile(r"\W{0,3}(?:in|during|at|bei|beim|während|after|following|nach)\b[^,.;:]{0,40}$", re.IGNORECASE)


# Where the clause of a call or meeting word ends: the people named after it take part in that event.
_CLAUSE_END = re.compile(r"[,;:–—(]|\s--?\s|\s(?:after|before|while|when|nachdem|bevor|während|vor|nach|und zuvor)\s", re.IGNORECASE)


# The words that name a report's source right before a name: "laut seinem außenpolitischen Berater", "according to"
# (a name's position is in the matching form of the sentence, where "ß" is "ss": a letter or two may follow)
_SOURCE = re.compile(r"(?<!\w)(?:laut|according to|nach angaben (?:von|des|der)|citing)\s+(?:[\w.'’-]+\s+){0,4}\w{0,2}$"
                     r"|(?<!\w)(?:für|for)\s+\w{0,2}$",  # and one it is "for": "Für Selenskyj ein Grund, warum sich Putin mit
                     re.IGNORECASE)  # Trump treffen will" (not "für ein von Trump angekündigtes Treffen mit Putin")


# An office right before a comma: the comma opens the name's apposition, not a new clause ("a meeting with Trump
# and Ukraine's president, Volodymyr Zelenskyy, set for later on October 17")
_APPOSITION = re.compile(r"(?<!\w)(?:president|presidents of [\w ]{2,40}|leader|counterpart|prime minister|chancellor|"
                         r"Präsidenten?|Amtskollegen?|Staatschef|Regierungschef|Kanzler)\s*$", re.IGNORECASE)


def _clause_end(sentence: str, start: int) -> re.Match[str] | None:
    """The first clause end after ``start`` (:data:`_CLAUSE_END`) that does not open an office's apposition."""
    for end in _CLAUSE_END.finditer(sentence, start):
        if not (end.group(0) == "," and _APPOSITION.search(sentence, start, end.start())):
            return end
    return None


def _taking_part(positions: dict[str, int], word: re.Match[str], sentence: str) -> list[str]:
    """Who takes part in the call or meeting of ``word``: the people its clause names after it ("traf
    Selenskyj", "a call with Putin"), with the person named last before it in its clause as the other side
    ("Orban erklärte, ..., nachdem Trump Budapest als Ort für das Treffen mit Putin genannt hatte", "Orbán
    zufolge ... für ein von Trump angekündigtes Treffen mit Putin"), else the sentence's first ("Trump is set to host Zelensky ..., after a call with Putin": the meeting is with
    Zelensky, the call with Putin). With no one named after it, everyone named before it ("Trump und Putin
    hatten sich getroffen")."""
    end = _clause_end(sentence, word.end())
    clause_end = end.start() if end else len(sentence)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, word.start())), default=0)
    # the source of the report ("laut seinem Berater Juri Uschakow im Telefonat mit Trump") is no side of the call
    before = [n for n, at in positions.items() if at < word.start() and not _SOURCE.search(sentence, 0, at)]
    after = [n for n, at in positions.items() if word.end() <= at < clause_end]
    # named before, and again as the other side right after the word: "Putin and Trump spoke by phone -- a
    # surprise that injected uncertainty into an Oval Office meeting with Trump and ...": that meeting is Trump's,
    # not one of Putin with Trump
    again = [n for n in before if n not in after and _with(sentence, word.end(), [surname_in(n, sentence)])]
    after = [n for n in positions if n in after or n in again]
    if not after:
        return before
    if (not before and end is not None and end.group(0) == "," and _OPENS_WITH.match(sentence, 0, word.start())
            and _with(sentence, word.end(), [surname_in(n, sentence) for n in after])):
        # the call "with" someone opens the sentence, its other side is the main clause's subject: "In another
        # phone call with Zelensky on Friday, Trump said ..." (not "Beim Nato-Gipfel sagte Selenskyj, Putin ...")
        subject = next((n for n, at in positions.items() if at >= clause_end and n not in after), None)
        return [subject, *after] if subject is not None else after
    in_clause = [n for n in before if positions[n] >= clause_start]  # ", nachdem Trump ... das Treffen mit Putin"
    if not in_clause and len(after) >= 2:
        return after  # all its sides named after it, none before it in its clause: "... -- a meeting with Trump and Zelenskyy"
    # "Orbán zufolge ... für ein von Trump angekündigtes Treffen mit Putin"; one named again after it is its side
    side = in_clause[-1:] or again[-1:] or before[:1]
    if _POSSESSIVE.search(sentence, max(0, word.start() - 12), word.start()) and before:
        side = before[:1]  # "will Trump mit Selenskyj über sein Telefonat mit Putin sprechen": the subject's call
    return list(dict.fromkeys([*side, *after]))


# a possessive right before a call or meeting: the event is its clause's subject's ("sein Telefonat mit Putin")
_POSSESSIVE = re.compile(r"(?<!\w)(?:sein|seinem|seines|seinen|ihr|ihrem|ihres|ihren|his|her)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


# A call named as the time of something else with no other side after it ("... after a 'very productive' call
# on Thursday"), or one "between the two leaders": in a sentence that names two people, it is theirs.
_OTHER_SIDE = re.compile(r"\s*(?:[\w'’\"“”.-]+\s+){0,4}?(?:with|mit|zwischen|between)\s+(?!(?:the|den)\s+(?:two|beiden)\b)",
                         re.IGNORECASE)


def _of_the_two(sentence: str, end: int) -> bool:
    """Whether a call word (ending at ``end``) names no other side than "the two": no "with"/"mit" and no
    "between"/"zwischen" other than "between the two ..." follows it within its clause."""
    if _SAID_WITH.search(sentence, max(0, end - 6), end):
        return False  # the word itself ends in "with" ("a call with" his advisers)
    clause_end = _CLAUSE_END.search(sentence, end)
    return _OTHER_SIDE.match(sentence[: clause_end.start() if clause_end else len(sentence)], end) is None


# "... mit dem ukrainischen Präsidenten Wolodymyr Selenskyj", "with Vladimir Putin": the other side follows,
# after at most four words that are no preposition ("mit Blick auf Putin" is no talk with him)
_WITH = re.compile(r"\s*(?:[\w.–-]+\s+){0,3}?(?:mit|with|to|zwischen|between)\s+", re.IGNORECASE)
_SAID_WITH = re.compile(r"(?<!\w)(?:mit|with|to)\s*$", re.IGNORECASE)  # the cue ends in "with" ("a call with")
_WORD = re.compile(r"[\w.-]+")
# Words after "with"/"mit" past which a name is not the other side: prepositions ("mit Blick auf Putin") and
# the words that open a clause of what was said ("in a conversation with reporters that Putin ...")
_PREPOSITIONS = frozenset("auf an über zu von für on about of for in over that dass who which".split())


# Verbs of a meeting whose object is the other side: "shortly after welcoming his Ukrainian counterpart Volodymyr
# Zelenskyy" is that meeting, though it is named as the time of something else
_TRANSITIVE = re.compile(r"welcom\w*|hosted|hosting|empfing|empfängt", re.IGNORECASE)


def _with(sentence: str, end: int, surnames: list[str], direct: bool = False) -> bool:
    """Whether "with"/"mit" and one of the people follow a word of a call, meeting or talk closely: then
    the sentence says who took part ("nach seinem Telefonat mit Selenskyj" is that call, though it is named
    as the time of something else; "beim Nato-Gipfel" is not a meeting of the two it names). ``direct``: the
    word is a verb whose object is the other side ("welcoming ... Zelenskyy"), no "with" needed."""
    names = [s.casefold() for s in surnames if s]
    if not names:
        return False
    starts = [end] if direct or _SAID_WITH.search(sentence, max(0, end - 6), end) else []  # "a call with" Putin
    if (joined := _WITH.match(sentence, end)) is not None:  # "Telefonat" mit Putin, "met" with Putin
        starts.append(joined.end())
    for start in starts:
        for n, word in enumerate(_WORD.finditer(sentence, start)):
            text = word.group(0).casefold()
            if any(text.startswith(name) for name in names):
                return True
            if n >= 4 or text in _PREPOSITIONS or sentence[start:word.start()].strip(" "):
                break
            start = word.end()
    return False


_INFINITIVES = {"treffen", "meet", "host", "telefonieren", "anrufen", "zusammenkommen", "empfangen"}
_EVENT_NOUNS = {"treffen", "gipfel", "gipfeltreffen", "meeting", "summit"}


_AHEAD = re.compile(r"(?<!\w)(?:vor(?!\s+allem\b)|before|ahead of|prior to)\s+(?:[\w-]+\s+){0,2}$|(?<!\w)(?:arriv\w*|travel\w*|"
                    r"came|comes|coming|flew|flies|flying|headed|heads|heading)\b(?:[^.;:]|\.(?!\s)){0,60}?\bfor\s+(?:[\w-]+\s+){0,2}$",
                    re.IGNORECASE)  # not "vor allem"; a journey "for meetings with Trump": they are ahead


def _planned(word: str, sentence: str, at: int | None = None) -> bool:
    """Planned: the sentence has a word of the future or a plan ("will", "soll", "geplant", "plans"), and the
    word of the meeting is a verb in the infinitive ("sich ... treffen", "to meet") or a noun of a meeting
    ("Treffen", "Gipfel", "summit"). A call's noun ("Telefonat") or a verb in the past ("traf", "met") is
    the event."""
    word = word.strip()
    if at is not None and _AHEAD.search(sentence, 0, at):
        return True  # "vor seinem heutigen Treffen mit Selenskyj": the meeting is still to come
    if word.casefold() in _PRESENT and _COMING_DAY.search(sentence):
        return True  # "Am Freitag empfängt Donald Trump den ukrainischen Präsidenten": a preview's present tense
    infinitive = word.islower() and word.casefold() in _INFINITIVES
    noun = word[:1].isupper() and word.casefold() in _EVENT_NOUNS or word.casefold() in ("meeting", "meetings", "summit")
    # (a modal that ends the sentence is a word too: "..., warum sich Putin nun mit Trump treffen will.")
    return (infinitive or noun) and has_cue("future", _CLAUSE_MARKS.sub(" ", sentence) + " ")


# what a planned meeting is to discuss: another call ("..., where we will discuss my conversation with President
# Putin", "where he will discuss the details of his call with Putin")
_TO_DISCUSS_CALL = re.compile(r"(?<!\w)discuss\s+(?:the\s+(?:details|outcome|results?)\s+of\s+)?(?:my|his|her|their|the)\s+"
                              r"(?:phone\s+)?(?:conversation|call|talks)\s+(?P<with>with)\s")
_PRESENT = {"empfängt", "trifft", "hosts", "meets", "welcomes"}  # a meeting word in the present tense
_COMING_DAY = re.compile(r"(?<!\w)(?:am|on|this|diesen|kommenden|next|nächste[nr]?)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|"
                         r"Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Woche|week)|"
                         r"(?<!\w)(?:morgen|tomorrow|later today|heute Abend|tonight)(?!\w)", re.IGNORECASE)
_CLAUSE_MARKS = re.compile(r"[.,;:!?“”\"»«]")


_SEPARATE_REACH = 80  # characters from a word of separate events ("sowohl", "separately") to the name it is about


def separate(decisions: list[Decision]) -> list[Decision]:
    """One decision per call or meeting where one sentence reports several, one with each person it names:
    "Trump hat binnen zwei Tagen sowohl mit Selenskyj als auch mit Putin telefoniert", "spoke separately with
    Macron and Merz". Other sources report each call on its own, and the digest joins reports of one call
    by who took part in it; a decision "telephoned Selenskyj and Putin" joins neither. Each becomes the
    code's description of one call ("held a phone call with Vladimir Putin"), with the same quote, status
    and date. Without such a word, a call of three is one call."""
    out: list[Decision] = []
    for d in decisions:
        kind = event_kind(d.what)
        others = [p for p in d.participants if p != d.who]
        quote = d.evidence[0].quote
        if kind not in ("call", "meeting") or len(others) < 2 or not _separately(quote, others):
            out.append(d)
            continue
        planned = d.status == "announced"
        out += [d.model_copy(update={"participants": [d.who, other], "what": _DESCRIPTION[kind, planned].format(other)})
                for other in others]
    return out


def _separately(quote: str, people: list[str]) -> bool:
    """Whether a word of separate events comes shortly before one of the people's names in the quote
    ("sowohl mit Selenskyj"), or one of those that follow names shortly after one ("Merz nacheinander")."""
    at = [found[1] for p in people if (found := written_at(p, quote)) is not None]
    before = any(0 <= i - cue.end() <= _SEPARATE_REACH for cue in cue_pattern("separately").finditer(quote) for i in at)
    return before or any(0 <= cue.start() - i <= _SEPARATE_REACH // 2
                         for cue in cue_pattern("separately_after").finditer(quote) for i in at)


def event_description(event: Decision, who: str) -> str:
    """The code's description of a call or meeting it found, told from ``who``'s side ("held a phone call
    with Vladimir Putin" for Trump, "... with Donald Trump" for Putin)."""
    kind, others = event_kind(event.what), [p for p in event.participants if p != who] or [p for p in event.participants if p != event.who]
    told = CALLED_OFF if kind == "cancellation" else _DESCRIPTION[kind if kind in ("call", "meeting") else "talk", event.status == "announced"]
    return told.format(" and ".join(others))


# Nouns of a talk ("Das Gespräch mit Putin wurde als konstruktiv bezeichnet"): with the words of a call or a
# meeting, what a later sentence names an event of the article by.
_TALK_NOUN = re.compile(r"(?<!\w)(?:Gespräch(?:e|s)?|conversation|talks)(?!\w)", re.IGNORECASE)


def further_reports(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                    evidence: Callable[[int], Evidence | str]) -> None:
    """Sentences that tell more of a call or meeting the briefing has become its further evidence (in place,
    up to :data:`~summarize.briefing.dedupe.MAX_EVIDENCE` quotes): a sentence with a word of a call, a
    meeting or a talk followed by "with" and one person who takes part in exactly one such event of the
    article ("nur einen Tag später folgte ein weiteres Telefonat – diesmal mit Russlands Präsident Putin";
    "Das Gespräch mit Putin wurde vom Kreml als „offen und konstruktiv“ bezeichnet"). Another source tells
    the same call as "disappointing" or on another day: the digest compares what each source's quotes say."""
    people = people_of(actors)
    events = [d for d in decisions if event_kind(d.what) in INTERACTIONS]
    cited = {ev.start for d in events for ev in d.evidence}
    for n in range(1, len(sentences) + 1) if people and events else ():
        sentence = sentences.sentence(n)
        if is_heading(sentence) or not (at := named_at(people, sentence)):
            continue
        words = [*cue_pattern("call").finditer(sentence), *cue_pattern("meeting").finditer(sentence),
                 *_TALK_NOUN.finditer(sentence)]
        if not words:
            continue
        named = [name for name in at if any(_with(sentence, w.end(), [surname_in(name, sentence)]) for w in words)]
        if len(named) != 1:
            continue
        told = [d for d in events if named[0] in d.participants and named[0] != d.who]
        if len(told) != 1 or len(told[0].evidence) >= MAX_EVIDENCE or not isinstance(ev := evidence(n), Evidence):
            continue
        if ev.start not in cited:
            told[0].evidence = with_evidence(told[0].evidence, [ev])
            cited.add(ev.start)


def still_to_come(decisions: list[Decision]) -> None:
    """A meeting the model told as held ("met with Trump") on a sentence that tells it as still to come ("Für
    Freitag ist ein Treffen mit Trump im Weißen Haus vorgesehen", "is scheduled to meet"), by the sentence's
    first word of a meeting (:func:`_planned`), or that says its date or place is open and no meeting held
    ("no date has yet been confirmed for the meeting between Trump and Putin"), is the plan it is: "plans to
    meet with Trump". In place."""
    for d in decisions:
        if not d.what.startswith("met ") or d.status == "announced":
            continue
        sentence = d.evidence[0].quote
        word = cue_pattern("meeting").search(sentence)
        if word is not None and (_planned(word.group(0), sentence, word.start()) or _date_open(sentence)):
            _as_planned(d)


# a meeting held: "met", "traf", "getroffen" ("They met in August; the date of the next one is open" keeps "met")
_MET = re.compile(r"(?<!\w)(?:met|meets|traf|trafen|getroffen|zusammengekommen|zusammengetroffen)(?!\w)", re.IGNORECASE)


def _date_open(sentence: str) -> bool:
    """Whether a sentence says a meeting's date or place is open ("no date has yet been confirmed for the
    meeting") and tells no meeting held."""
    return open_date_or_place(sentence) is not None and not _MET.search(sentence)


def _as_planned(d: Decision) -> None:
    """A meeting told as held ("met with Zelensky") made the plan it is ("plans to meet with Zelensky")."""
    d.what, d.status = "plans to meet " + d.what[4:], "announced"


def unreported(events: list[Decision], decisions: list[Decision]) -> list[Decision]:
    """The code's calls and meetings that the model did not report: on sentences it reported nothing on, or
    only other kinds of event. Where it reported on the sentence without naming a kind of event ("discussed
    the air defence" on "In einem Telefonat erörterten ...", "described it as productive" on "... following
    a two-hour phone call with Putin"), the report of someone who took part takes the event's words first
    ("held a phone call with Volodymyr Zelensky and discussed ..."), so reports of one event meet by kind.
    A meeting the code finds still to come ("is scheduled to meet with Trump") that the model told as held
    ("met with Zelensky") is the plan it is ("plans to meet with Zelensky")."""
    out = []
    for event in events:
        kind = event_kind(event.what)
        on_sentence = [d for d in decisions if d.evidence[0].end == event.evidence[0].end]
        kinds = [event_kind(d.what) for d in on_sentence]
        if any(same_kind(k, kind) for k in kinds if k is not None):
            if event.status == "announced":  # "is scheduled to meet with Trump", which the model told as "met"
                for d, k in zip(on_sentence, kinds):
                    if (k == kind and d.what.startswith("met ") and d.who in event.participants
                            and set(event.participants) <= set(d.participants)):
                        _as_planned(d)
            continue  # reported
        untyped = [d for d, k in zip(on_sentence, kinds) if k is None]
        if any(d.who not in event.participants for d in untyped):
            continue  # someone else's report on the sentence: the event would merge into it
        if untyped:
            d = untyped[0]
            d.what = f"{event_description(event, d.who)} and {d.what}"
            d.participants = list(dict.fromkeys([*d.participants, *event.participants]))
        else:
            out.append(event)
    return out
