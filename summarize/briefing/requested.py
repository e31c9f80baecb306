"""Requests for weapons a sentence reports, found by the code: "Ukraine has been asking Washington to sell it
more Patriot missiles and systems ...", "... as Kyiv seeks to secure long-range Tomahawk missiles made in the
United States", "Selenski wollte grünes Licht für Tomahawks".

A small model reads such a sentence for its main clause (the meeting at which the request was made, what
the other side answered) and passes over the request, though who asks for which weapon is what an analyst
follows in a story of deliveries.

* The requester is the name right before the verb of asking ("asked", "seeks to secure", "appealed for",
  "tried to persuade"; "forderte", "bat um", "wollte grünes Licht"; adverbs and "has been" between), when
  that is an actor of the briefing (:func:`~summarize.briefing.deciders.actor_ending`).
* The clause after the verb (up to a comma, semicolon, colon or dash) names a weapon of the briefing, and
  says no "not" ("nicht"): a request is for a weapon, and one denied or refused is none.
* The description is the article's own words in an English article ("has been asking Washington to sell it
  more Patriot missiles and systems", its verb in the past: "asked Washington ..."), the code's in another
  ("sought Tomahawk"); the
  status ``taken``: asking is the act.
* In an English sentence the requester may follow the weapon: "more Patriot missiles ..., as requested by
  Zelensky" ("asked for more Patriot missiles"), "Tomahawk missiles, which Ukraine has said it urgently needs"
  ("said it urgently needs Tomahawk missiles").
* A request named as a noun is its owner's: "Kyiv’s request for Tomahawk cruise missiles" ("asked for Tomahawk
  cruise missiles").
* A request told as the purpose of a journey or a meeting is its traveller's, the first person the sentence
  names: "Zelensky meets Donald Trump at the White House Friday to push the US leader for long-range Tomahawk
  missiles" ("pushed the US leader for long-range Tomahawk missiles"), "Selenskyj wird ... im Weißen Haus
  erwartet, um Trumps Zustimmung für die Lieferung von Tomahawk-Marschflugkörpern ... einzuholen" ("sought
  Tomahawk").
* A sentence on which the model already reported a decision of the same requester is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence, Weapon
from ..text.event_kinds import event_kind
from .deciders import actor_ending
from .finders import DENIED, NAME, NAME_DE, clause, cued_sentences, reported_on, weapon_named
from .numbered import Sentences
from .people_named import named_at, people_of

_HEAD = (r"\s+(?:(?:has|have|had)\s+(?:been\s+)?|is\s+|was\s+|(?:\w+\s+and\s+))?"
         r"(?:(?:also|again|repeatedly|reportedly|publicly|long|urgently|once again)\s+)?")
_EN = re.compile(
    rf"(?P<who>{NAME}){_HEAD}(?P<what>(?:asked|asking|asks|sought|seeks|seeking|urged|urges|urging|pressed|presses|"
    r"pressing|pushed|pushes|pushing|requested|requests|requesting|lobbied|lobbies|lobbying|appealed|appeals|"
    r"appealing|called\s+for|calls\s+for|calling\s+for|advocated|advocates|advocating|"
    r"(?:tried|tries|trying|hopes|hoped|hoping)\s+to\s+(?:persuade|convince|secure|get|obtain|acquire|buy)|"
    r"(?:urgently\s+|badly\s+|desperately\s+)?needs)\b.+)")  # "Ukraine needs Tomahawks": a need stated is a request
_DE = re.compile(
    rf"(?P<who>{NAME_DE})\s+(?:hat\s+|hatte\s+)?(?:(?:erneut|wiederholt|abermals|auch|bereits)\s+)?"
    r"(?P<what>(?:fordert|forderte|fordern|forderten|gefordert|bat|bittet|bitten|baten|gebeten|drängt|drängte|"
    r"drängen|pocht|pochte|wirbt|warb|erhofft\s+sich|erhoffte\s+sich|hofft\s+auf|hoffte\s+auf|"
    r"wollte\s+grünes\s+Licht|will\s+grünes\s+Licht)\b.+)")
# The requester after the weapon, in an English sentence: "supply more Patriot missiles to Ukraine, as requested by
# Zelensky", "long-range Tomahawk missiles, which Ukraine has said it urgently needs"
_EN_AFTER = re.compile(
    rf"(?:(?:as\s+)?(?P<verb>requested|sought|demanded|asked\s+for|urged)\s+by\s+(?P<by>{NAME})"
    rf"|(?:which|that)\s+(?P<who>{NAME})(?P<group>\s+(?:officials|leaders|authorities|government))?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:said|says|say)\s+(?:that\s+)?(?:it|he|she|they)\s+"
    r"(?P<need>(?:(?:urgently|badly|desperately|still)\s+)?needs?))(?!\w)")
# A request as the purpose of a journey or meeting: "... to push the US leader for long-range Tomahawk missiles",
# "..., um Trumps Zustimmung für die Lieferung von Tomahawks einzuholen", "um eine Zusage ... zu bekommen"
# (not the infinitive of a verb of wanting or trying, whose subject stands right before it: "as Kyiv seeks to
# secure ...", "we're going to be able to get the war ended ...")
_PURPOSE_EN = re.compile(r"(?<!\w)(?<!seeks )(?<!seek )(?<!sought )(?<!seeking )(?<!tries )(?<!tried )(?<!trying )"
                         r"(?<!try )(?<!hopes )(?<!hoped )(?<!hoping )(?<!hope )(?<!wants )(?<!wanted )(?<!want )"
                         r"(?<!aims )(?<!aimed )(?<!able )(?<!going )(?<!plans )(?<!planned )(?<!needs )(?<!need )"
                         r"(?<!has )(?<!have )(?<!had )(?<!is )(?<!was )(?<!are )(?<!were )(?<!be )"
                         r"to\s+(?P<what>(?:push|press|ask|seek|secure|request|lobby|urge|persuade|win|obtain|get)\b.+)")
_PURPOSE_DE = re.compile(r"(?<!\w)um\s+(?P<what>[^,.;:]{0,80}?(?:Zustimmung|Zusage|Freigabe|Genehmigung|grünes\s+Licht|Lieferung)"
                         r"[^,.;:]{0,100}?\s(?:einzuholen|zu\s+bekommen|zu\s+erhalten|zu\s+erreichen|zu\s+erwirken|zu\s+werben|"
                         r"zu\s+bitten|zu\s+drängen))(?!\w)")
# the infinitive is what someone was asked or let to do, not a purpose: "urged Trump to press Putin for ..."
_BIDDEN = re.compile(r"(?<!\w)(?:urged|urges|asked|asks|told|tells|called\s+on|pressed|encouraged|invited|wants|wanted|"
                     r"allowed|forced)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_PRESENT_EN = {"push": "pushed", "press": "pressed", "ask": "asked", "seek": "sought", "secure": "sought to secure",
               "request": "requested", "lobby": "lobbied", "urge": "urged", "persuade": "tried to persuade",
               "win": "sought to win", "obtain": "sought to obtain", "get": "sought to get"}
# A request named as a noun, its requester the owner: "stopped short of approving Kyiv’s request for Tomahawk cruise
# missiles", "Ukraine's urgent plea for more Patriot systems"
_NOMINAL = re.compile(rf"(?P<who>{NAME})['’]s\s+(?:(?:urgent|repeated|latest|renewed|long-standing)\s+)?"
                      r"(?P<what>(?:request|plea|appeal|bid|push|demand)s?\s+for\s+.+)")
_MODIFIED = r"(?:(?:more|additional|further|extra|new|long-range|\d+)\s+){0,2}"
_KIND_NOUN = r"(?:\s+(?:cruise\s+)?(?:missiles?|systems?|batteries|rockets?))?"
# the verb of asking as a description tells it: in the past ("is seeking to secure" -> "sought to secure")
_PAST = {"asking": "asked", "asks": "asked", "seeks": "sought", "seeking": "sought", "urges": "urged",
         "urging": "urged", "presses": "pressed", "pressing": "pressed", "pushes": "pushed", "pushing": "pushed",
         "requests": "requested", "requesting": "requested", "lobbies": "lobbied", "lobbying": "lobbied",
         "appeals": "appealed", "appealing": "appealed", "calls": "called", "calling": "called",
         "advocates": "advocated", "advocating": "advocated", "tries": "tried", "trying": "tried",
         "hopes": "hoped", "hoping": "hoped"}
MAX_WORDS = 20  # a longer clause is cut at a word: the sentence is the evidence, the description its gist


def requests(sentences: Sentences, actors: list[Actor], weapons: list[Weapon], decisions: list[Decision],
             evidence: Callable[[int], Evidence | str], language: str | None) -> list[Decision]:
    """The requests for a weapon of ``weapons`` that the sentences report with their requester before the
    verb, whose requester is an actor of the briefing and on whose sentence ``decisions`` has none of theirs."""
    pattern = _EN if language == "en" else _DE if language == "de" else None
    if pattern is None or not weapons:
        return []
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda _: True):
        # cheap tests first: most sentences hold neither "X's request for" nor "requested by" or "need"
        nominal = language == "en" and "s " in sentence and " for " in sentence
        after = language == "en" and (" by " in sentence or "need" in sentence)
        for who, what in [*_asked(sentence, pattern, actors, weapons, language),
                          *(_asked(sentence, _NOMINAL, actors, weapons, language) if nominal else []),
                          *(_asked_after(sentence, actors, weapons) if after else [])]:
            if isinstance(ev := evidence(n), Evidence) and not reported_on(who, ev, [*decisions, *found]):
                # (a sentence the model, or an earlier match, reported of this requester is left to it)
                found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
        for who, what in _purpose(sentence, actors, weapons, language):
            # the journey or meeting the model reports on the sentence is another event than its purpose
            if isinstance(ev := evidence(n), Evidence) and not _requested_on(who, ev, weapons, [*decisions, *found]):
                found.append(Decision(who=who, participants=[who], what=what, status="taken", evidence=[ev]))
    return found


def _asked(sentence: str, pattern: re.Pattern[str], actors: list[Actor], weapons: list[Weapon],
           language: str) -> list[tuple[str, str]]:
    """(requester, description) of each request ``pattern`` finds with its requester before the request: the
    verb of asking (:data:`_EN`, :data:`_DE`) or the noun (:data:`_NOMINAL`: "Kyiv’s request for ...")."""
    out = []
    for match in pattern.finditer(sentence):
        who = actor_ending(match.group("who"), actors)
        weapon, asked = _weapon_in(clause(match.group("what")), weapons)
        if who is None or weapon is None or DENIED.search(asked):
            continue
        if pattern is _NOMINAL:
            out.append((who, "asked for " + asked.split(" for ", 1)[1]))
        else:
            out.append((who, _in_the_past(asked.split()) if language == "en" else f"sought {weapon.name}"))
    return out


def _requested_on(who: str, evidence: Evidence, weapons: list[Weapon], decisions: list[Decision]) -> bool:
    """Whether ``decisions`` hold a request of ``who`` on the sentence of ``evidence``, or an act of theirs
    there that names a weapon of the briefing."""
    return any(d.who == who and d.evidence[0].end == evidence.end
               and (event_kind(d.what) == "request" or weapon_named(d.what, weapons)) for d in decisions)


def _purpose(sentence: str, actors: list[Actor], weapons: list[Weapon], language: str) -> list[tuple[str, str]]:
    """(requester, description) of a request told as the purpose of a journey or meeting (:data:`_PURPOSE_EN`,
    :data:`_PURPOSE_DE`): the requester is the first person the sentence names before it."""
    match = (_PURPOSE_EN if language == "en" else _PURPOSE_DE).search(sentence)
    if match is None or _BIDDEN.search(sentence, 0, match.start()):
        return []
    named = named_at(people_of(actors), sentence[: match.start()])
    weapon, asked = _weapon_in(clause(match.group("what")), weapons)
    if not named or weapon is None or DENIED.search(asked):
        return []
    if language != "en":
        return [(next(iter(named)), f"sought {weapon.name}")]
    verb, _, rest = asked.partition(" ")
    return [(next(iter(named)), f"{_PRESENT_EN.get(verb, verb)} {rest}".strip(" -–—"))]


def _asked_after(sentence: str, actors: list[Actor], weapons: list[Weapon]) -> list[tuple[str, str]]:
    """(requester, description) of each request an English sentence tells with the requester after the weapon
    (:data:`_EN_AFTER`): the weapon is the last one of the briefing named in the clause before."""
    out = []
    for match in _EN_AFTER.finditer(sentence):
        who = actor_ending(match.group("by") or match.group("who"), actors)
        if who is None and match.group("group"):  # "Ukrainian officials": the state whose government they speak for
            who = actor_ending(f"{match.group('who')} government", actors)
        before = re.split(r"[;:]\s|\.\s", sentence[: match.start()])[-1]
        mentions = [m for w in weapons for name in {w.name_as_written, w.name} if name and len(name) >= 3
                    for m in re.finditer(rf"{_MODIFIED}{re.escape(name)}{_KIND_NOUN}", before, re.IGNORECASE)]
        if who is None or not mentions or DENIED.search(before[max(m.end() for m in mentions):]):
            continue
        weapon = max(mentions, key=lambda m: (m.end(), -m.start())).group(0)  # the longest of the last
        need = re.sub(r"needs?$", "needs", match.group("need") or "")  # "say they desperately need": it needs
        what = f"asked for {weapon}" if match.group("verb") else f"said it {need} {weapon}"
        out.append((who, what))
    return out


def _in_the_past(words: list[str]) -> str:
    """The request's words with its verb in the past."""
    return " ".join([_PAST.get(words[0], words[0]), *words[1:]])


# after the weapon's name: what is said of it (a relative clause) or what it is for ("to protect ...")
_RELATIVE = re.compile(r"\s(?:that|which|who|whose|to|since|amid|before|after|while|just|die|der|das|welche|um)\s",
                       re.IGNORECASE)  # "... Tomahawk missiles just a day before hosting ...": what follows is context
_DANGLING = frozenset("from to of the a an and its their his her in on for with at by as".split())


def _weapon_in(clause: str, weapons: list[Weapon]) -> tuple[Weapon | None, str]:
    """The first weapon of the briefing the clause names (as written in the article, or by its name), and the
    clause up to a relative clause or a purpose after that name ("... more Patriot missiles and systems that
    it sees as key ...", "... more Patriot missiles to protect Ukrainian cities"): what it says of the weapon,
    or what it is for, is not the request."""
    lowered = clause.casefold()
    at = [(i, w, name) for w in weapons for name in (w.name_as_written, w.name)
          if name and len(name) >= 3 and (i := lowered.find(name.casefold())) >= 0]
    if not at:
        return None, clause
    i, weapon, name = min(at, key=lambda x: x[0])
    relative = _RELATIVE.search(clause, i + len(name))
    words = (clause[: relative.start()] if relative else clause).split()[:MAX_WORDS]
    while len(words) > 1 and words[-1].casefold() in _DANGLING:
        words.pop()
    return weapon, " ".join(words)
