"""A decision that reports no act: the model's description speculates, tells only what someone said or
thinks, says too little, or confuses who did what. Each rule gives the reason the briefing lists for the
dropped decision, tried in the order of :data:`EMPTY_DECISIONS` (:func:`why_empty`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..models import Decision
from ..text.normalise import QUOTATION_MARKS
from . import cues, described
from .aliases import alias_forms, alias_kind, canonical_weapon, seat_forms, state_of
from .deciders import informative, names_own_decider, quotes_words
from .plausible import is_news_outlet

WORDS_ONLY = "it reports what was said or thought, not an act or a decision"
# Putting a question to someone is an act the sentence reports ("directly asked Putin whether he would mind",
# of "Er habe Putin direkt gefragt: «Wie wäre es, wenn ...?»"): the model's description says so
_PUT_A_QUESTION = re.compile(r"\s*(?:\w+ly\s+)?(?:asked|asks)\s+(?!(?:for|to)\b)", re.IGNORECASE)
# a sentence whose subject is "whether ...", said to be open: "Whether his stance is permanent is an open question",
# "Ob die USA liefern, ist noch offen" (not "Whether or not they agreed, Trump signed the order")
_WHETHER_OPEN = re.compile(r"\W*(?:whether|ob)\s[^.;:]*?[,\s](?:is|remains|ist|bleibt)\s+(?:still\s+|noch\s+|weiter\s+|weiterhin\s+)?"
                           r"(?:an?\s+)?(?:open|unclear|uncertain|undecided|unknown|to be seen|offen|unklar|ungewiss|fraglich)",
                           re.IGNORECASE)
_MET = re.compile(r"(?:met|meets|has met|had met)\s", re.IGNORECASE)  # "met with Putin": a meeting held
# What was done to the decider, not by them: a passive ("was criticized for", "were targeted"), a participle
# with its agent or means ("hit with a massive drone attack", "bombarded with drones", "struck by"), or a verb of
# undergoing ("suffered its largest aerial attack", "bore the brunt of the attack", "came under fire"). An act
# with its object ("hit Kyiv with drones", "criticized the decision"), a plan ("was set to meet", "is expected at
# the White House") and a meeting ("was received by Trump") stay.
_DONE_TO = re.compile(
    r"\s*(?:(?:was|were|has been|have been|had been|is|are|being|got)\s+(?:\w+ly\s+)?(?!(?:expected|scheduled|slated|set|due|"
    r"prepared|poised|supposed|pleased to|invited|received|welcomed|hosted)\b)(?:[a-z]+ed|hit|struck|shot|"
    r"caught|told|given|taken|beaten|overrun|shaken|stricken)(?!\s+to\b)(?=\W|$)|(?:\w+ly\s+)?(?:hit|struck|bombarded|"
    r"shelled|pounded|battered|attacked|targeted|rocked|shaken|caught)\s+(?:by|with)\b|(?:\w+ly\s+)?(?:suffered|suffers|"
    r"bore the brunt|bears the brunt|came under|comes under|endured|sustained|was subjected|were subjected)\b)",
    re.IGNORECASE)
# A relative clause of a description, or a hedge set off by a comma: what it says of a thing the act concerns
# ("would begin preparations for a new meeting, which could take place in Budapest", "..., possibly in Budapest")
# does not make the act a speculation
_RELATIVE = re.compile(r",?\s+(?:which|where|who|whose)\s|,\s+(?:possibly|perhaps|maybe)\s", re.IGNORECASE)
# Decisions that report no act, each with the reason it is dropped for, tried in this order.
EMPTY_DECISIONS: tuple[tuple[Callable[[Decision], bool], str], ...] = (
    (lambda d: not described.is_warning(d.what) and (cues.is_speculative(_RELATIVE.split(d.what, maxsplit=1)[0])
                                                or cues.is_speculative(cues.main_clause(d.evidence[0].quote))),
     "it speculates (could, might), it reports no act"),
    (lambda d: described.reports_words_only(d.what) and not _own_state_commits(d), WORDS_ONLY),
    (lambda d: not informative(d.what, d.participants), "the description says too little (a bare or unfinished verb)"),
    (lambda d: quotes_words(d.what), "its description is someone's words ('They've already spoken'), not what they did"),
    (lambda d: described.states_a_possession(d.what), "it says what someone has, not what they did"),
    (lambda d: described.states_a_condition(d.what), "it says what someone is or became, not what they did"),
    (lambda d: cues.ends_as_question(d.evidence[0].quote) and not _PUT_A_QUESTION.match(d.what),
     "its sentence asks a question, it reports no act"),
    (lambda d: _WHETHER_OPEN.match(d.evidence[0].quote) is not None,
     "its sentence says whether something happens is open ('Whether ... is an open question'), it reports no act"),
    (lambda d: names_own_decider(d),
     "its description names its own decider ('Putin had a conversation with Putin'): who did what is confused"),
    (lambda d: _MET.match(d.what) is not None and not any(
        cues.has_cue(kind, d.evidence[0].quote) for kind in ("meeting", "talk")),
     "it says they met, and its sentence tells of no meeting or talk (a call is no meeting)"),
    (lambda d: alias_kind(d.who) is None and canonical_weapon(d.who, generic=True) is not None,
     "its decider is a weapon, not an actor"),
    (lambda d: _copied_from_quotation(d.what, d.evidence[0].quote),
     "its description copies words its sentence quotes someone saying ('need it, America needs it'), not an act"),
    (lambda d: _DONE_TO.match(d.what) is not None,
     "it says what was done to its decider, not what they did"),
    (lambda d: is_news_outlet(d.who),
     "its decider is a news outlet that reports the story ('NBC News: reported the decision'), not a party to it"),
)


_PAST = frozenset("met spoke told said made took gave sent held led won began brought sought".split())
_NOT_PAST = frozenset("need feed heed speed proceed succeed exceed".split())  # end in "ed", not past
_QUOTED_SPAN = re.compile(rf"[{QUOTATION_MARKS}]([^{QUOTATION_MARKS}]{{8,}})[{QUOTATION_MARKS}]")


def _copied_from_quotation(what: str, quote: str) -> bool:
    """Whether a description of three words or more is copied from inside the quotation marks of its sentence:
    the speaker's words, which the model gave as what someone did ("We need it, America needs it." -> "need
    it, America needs it"). One that opens with a verb in the past is an act the speaker tells of their own
    ("We discussed air defence options and agreed to ...")."""
    words = re.findall(r"\w+", what.casefold())
    if len(words) < 3 or (words[0].endswith("ed") and words[0] not in _NOT_PAST) or words[0] in _PAST:
        return False  # "discussed air defense options and agreed to ...": the speaker tells an act of their own
    said = " ".join(words)
    spans = [m.group(1) for m in _QUOTED_SPAN.finditer(quote)]
    marks = [i for i, c in enumerate(quote) if c in QUOTATION_MARKS]
    if len(marks) % 2:  # the sentence ends a quotation a sentence before opened, or opens one the next closes
        spans += [quote[:marks[0]], quote[marks[-1] + 1:]]
    return any(said in " ".join(re.findall(r"\w+", span.casefold())) for span in spans)


def why_empty(decision: Decision) -> str | None:
    """The reason of the first of :data:`EMPTY_DECISIONS` that ``decision`` fails, or None."""
    return next((why for says_nothing, why in EMPTY_DECISIONS if says_nothing(decision)), None)


def _own_state_commits(decision: Decision) -> bool:
    """Whether the description tells what the decider's own state will do, as the decider says it: "declared
    that Russia would not abandon its goals" of Putin is his commitment, as "said he would meet" is ("said that
    Putin would not win" stays a view). The state is the alias table's for the person (its ``state``)."""
    state = state_of(decision.who)
    return state is not None and _state_commits(state).search(decision.what) is not None


@lru_cache(maxsize=None)
def _state_commits(state: str) -> re.Pattern[str]:
    """"that <the state, by any of its names or its seat> would/will ...", built once per state."""
    forms = {state, *alias_forms("actors", state), *seat_forms(state)}
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)that\s+(?:the\s+)?(?:{names})\s+(?:would|will|is going to)(?!\w)", re.IGNORECASE)
