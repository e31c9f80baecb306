"""What kind of event a decision's English description reports: a call, a meeting, a pause, a purchase ...

Two sources word the same phone call as "held a phone call with Putin" and "spoke with Putin about the
war"; one article reports one meeting in several sentences ("met Trump", "the first meeting in months").
The kind, read off the description's words, lets the briefing (one decision per event of an article) and
the digest (one development per event across articles) join such reports when the participants agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalise import fold

__all__ = ["BEFORE_VERB", "EVENT_KINDS", "INTERACTIONS", "event_kind", "only_who", "same_kind"]

_TEAMS = r"(?:teams|delegations|advis[eo]rs|representatives|officials|negotiators|counterparts|foreign ministers)(?!\w)"
# Word starts (regular expressions) of each kind, tried in order on the folded description.
EVENT_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # a meeting of the two sides' teams is not their leaders' meeting ("agreed on a meeting of their teams")
    ("teams", (r"(?:meetings?|talks)\s(?:of|between)\s(?:\w+\s){0,4}?" + _TEAMS, r"convene\s(?:\w+\s){0,3}?" + _TEAMS,
               _TEAMS + r"\s(?:\w+\s){0,4}?(?:would|will|to)\smeet")),
    # a call or meeting called off is neither: "called off the meeting with Putin", "cancelled the summit"
    ("cancellation", (r"call(?:ed|s|ing)? off\b", "cancel", r"scrap(?:s|ped|ping)?\b")),
    # not "called for a ceasefire", nor a label: "called the strikes “massive and cynical”", "called it a success"
    ("call", (r"call(?!(?:ed|s|ing)? (?:for|on|off)\b)(?!ed (?:it|this|that|these|those|them)\b)(?!ed the (?:\w+ )?(?:strikes?|"
              r"attacks?|assault|decision|move|step|pause|halt|idea|proposal|plan|statement|remarks?|comments?|talks|"
              r"meeting|call|conversation|war|situation)\b)", "phone", "telephon")),
    ("meeting", ("meet", r"met(?!\w)", "summit", "visit", "hold talks", "held talks")),
    # words of either: "talked with the companies in Washington" was a meeting, "spoke with Putin" a call
    ("talk", ("spoke", "speak", "talked", "talking", "conversation")),
    # a delivery said not to happen is a halt of it: "said they would not deliver some promised missiles"
    ("pause", ("pause", "halt", "stop", "suspend", "freez", "withh", "hold back", "held back",
               r"(?:not|never|no longer|won t|wouldn t|don t|didn t)\s(?:\w+\s){0,2}(?:deliver|send|sent|suppl|provid)")),
    ("purchase", ("buy", "purchas", "procur", "acquir")),
    ("production", (r"produc(?!tiv)", "manufactur")),  # not "productive"
    ("delivery", ("deliver", "send", "sent", "supply", "supplie", "provide")),
    ("sanction", ("sanction",)),
    ("attack", ("attack", "assault", "bombard", "shell", "pummel", r"(?:air|drone|missile)\s?strike")),
)
# One pattern per kind: a word start of any of its stems
_KIND_PATTERNS = tuple((kind, re.compile(r"(?<!\w)(?:" + "|".join(stems) + ")")) for kind, stems in EVENT_KINDS)
INTERACTIONS = frozenset({"call", "meeting", "talk"})  # kinds with two sides: who took part tells one event from another


def same_kind(a: str | None, b: str | None) -> bool:
    """Whether reports of kinds ``a`` and ``b`` can be of one event: the same kind, or a talk (which may be
    a call or a meeting) and an interaction."""
    if a is None or b is None:
        return False
    return a == b or ("talk" in (a, b) and a in INTERACTIONS and b in INTERACTIONS)


# Where a description's main clause ends: what follows is context ("expected Trump to see it his way – a
# contrast to his meeting in February", "marked a shift after criticising Biden for not delivering weapons").
_CLAUSE_END = re.compile(r"\s[–—-]\s|[;:(]|,\s|\s(?:after|before|when|while|since|because|as|which|who)\s")


# The auxiliaries and adverbs that may stand before a description's verb ("has also warned", "reportedly said",
# "already met"): a pattern of the verb reads past them. Lower case; compile with re.IGNORECASE for other text.
BEFORE_VERB = (r"(?:(?:has|have|had|also|again|already|repeatedly|publicly|reportedly|officially|once again|once"
               r"|then|later)\s+)*")

# A description whose verb is a warning ("warned that the stationing of the missiles would be a provocation",
# "has threatened to ...") reports the warning, whatever it warns of.
_WARNING = re.compile(BEFORE_VERB + r"(?:warn|threaten|caution)")
# A description that states its decider's stance, a feeling or a reluctance ("said he was very disappointed with
# the call with Putin", "expressed frustration", "appeared reluctant") reports the stance, not the call it is about.
_STANCE = re.compile(BEFORE_VERB + r"(?:(?:said|says|made it clear|made clear|added|admitted)\s+(?:that\s+)?(?:he|she|they)\s+"
                      r"(?:was|is|were|are|felt|feels|had been)\s+|(?:expressed|voiced|restated|reiterated|repeated|vented)"
                      r"\s+(?:\w+\s+){0,2}?|(?:appeared|seemed|was|is)\s+)(?:(?:very|deeply|really|so|quite|extremely|"
                      r"increasingly|bitterly|clearly|great|deep)\s+)*(?:disappoint|frustrat|unhapp|dissatisf|displeas|reluct|"
                      r"hesita|cautio|non ?commit|sceptic|skeptic)")


# A description whose verb asks for something ("asked for more Patriot missiles", "sought Tomahawk", "said it
# urgently needs ...") reports the request; one whose verb offers or proposes ("proposed holding their summit in
# Budapest", "had a proposition in which ...") the offer, whatever either is of.
_REQUEST = re.compile(BEFORE_VERB + r"(?:been\s+)?(?:asked\s+(?:for|\w+\s+(?:for|to))|asking|requested|sought|seeking|urged|pressed|"
                      r"pushed|lobbied|appealed|called\s+for|(?:said\s+(?:it|he|she|they)\s+)?(?:\w+ly\s+)?needs?\s|"
                      r"(?:reiterated|restated|expressed|voiced|repeated)\s+(?:his|her|their|its)\s+(?:desire|wish)\s+for)")
_OFFER = re.compile(BEFORE_VERB + r"(?:proposed|offered|put\s+forward|floated|(?:had|has|presented|made|submitted|tabled)"
                    r"\s+(?:a|an)\s+(?:\w+\s+)?(?:proposal|offer|proposition)|suggested\s+(?:that\s+)?(?:a|an)\s+)")
# A verdict on progress ("said the call made no progress", "said great progress was made"): a position taken.
_VERDICT = re.compile(BEFORE_VERB + r"said\s+(?:the\s+call\s+(?:made|brought)|there\s+was\s+no|great)\s+(?:great\s+|no\s+)?progress")
# A label put on a thing in quotation marks ("called the attack “deliberately massive and cynical”", "described the
# conversation as “very disappointing”"): a position taken, not the attack or the call it labels.
_LABEL = re.compile(BEFORE_VERB + r"(?:called|described|branded|labell?ed|termed|dubbed)\s+(?:[\w'’-]+\s+){0,4}?(?:as\s+)?[“\"]")
# A readiness declared ("voiced Moscow's readiness to pursue talks with Kyiv", "signalled readiness for further
# negotiations", "said it was open to a meeting", "remains ready to negotiate"): a position taken.
# the verbs and nouns of a readiness declared, which the code's finder of readiness reads too (briefing/readiness.py)
READINESS_DECLARED = (r"(?:signaled|signalled|expressed|voiced|reaffirmed|reiterated|confirmed|indicated|shown|showed|declared|"
                      r"stressed)")
READINESS_NOUNS = r"(?:readiness|willingness|openness)"
_READINESS = re.compile(BEFORE_VERB + rf"(?:{READINESS_DECLARED}\s+(?:\w+\s+){{0,2}}?{READINESS_NOUNS}\s|said\s+(?:it|he|she|they)\s+"
                        r"(?:was|were|is|are)\s+open\s+to\s|(?:is|was|remains|remained)\s+(?:still\s+|also\s+)?(?:ready|willing|"
                        r"open)\s+(?:to|for)\s)")
# A reason given ("cited concerns about US weapons stockpiles"): a position taken, not the halt it is the reason for.
_REASON = re.compile(BEFORE_VERB + r"cited\s+(?:concerns?|fears?|worries)\s")
_VERB_KINDS = (("warning", _WARNING), ("stance", _STANCE), ("verdict", _VERDICT), ("request", _REQUEST), ("offer", _OFFER),
               ("readiness", _READINESS), ("reason", _REASON))


@lru_cache(maxsize=1 << 16)  # descriptions repeat across articles
def event_kind(what: str) -> str | None:
    """The kind of event a description's main clause reports, or None."""
    if _LABEL.match(what.lstrip()):  # read before folding, which drops the quotation marks
        return "label"
    words = fold(_CLAUSE_END.split(what, maxsplit=1)[0])
    verb = words.lstrip()
    for kind, pattern in _VERB_KINDS:  # told by the verb, whatever it is of
        if pattern.match(verb):
            return kind
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(words):
            return kind
    return None


# A description that says only the kind of event and who took part ("met Vladimir Putin", "held a phone call with
# Donald Trump and Volodymyr Zelensky"): the code's words for a call or meeting it found.
_ONLY_WHO = re.compile(r"(?:held a phone call with|plans a phone call with|met|plans to meet|spoke with|plans to speak with)"
                       r"\s+[A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*)*")


def only_who(what: str) -> bool:
    """Whether a description names only the kind of event and who took part: two such descriptions alike are
    no sign of one event (the same two leaders meet in August and plan to meet in October)."""
    return _ONLY_WHO.fullmatch(what.strip()) is not None
