"""What a model's description of a decision says: an act or a commitment, a warning, only words or a view,
what someone has or is. Read by the rules that drop a decision that reports no act
(:mod:`~summarize.briefing.empty`), find who decided (:mod:`~summarize.briefing.deciders`) and keep one item
per act (:mod:`~summarize.briefing.dedupe`); the cue words are data (``summarize/data/cues.json``, read by
:mod:`~summarize.briefing.cues`)."""

from __future__ import annotations

import re

from ..text.event_kinds import INTERACTIONS, event_kind
from ..text.normalise import QUOTATION_MARKS
from .cues import cue_pattern, has_cue

__all__ = ["as_warning", "is_warning", "reports_an_act", "reports_words_only", "states_a_condition",
           "states_a_possession", "told_clauses"]

# Words before a description's verb ("has repeatedly said", "was also reported"): its head, skipped
_HEAD = re.compile(r"\s*(?:(?:has|have|had|is|was|also|again|repeatedly|once again)\s+)*")


def is_warning(what: str) -> bool:
    """Whether a description opens with a warning or a threat ("warned that any decision to supply the
    missiles could jeopardize the talks"): the warning is the act, what could happen is what it warns of."""
    return bool(_WARNED.match(what, _HEAD.match(what).end()))  # type: ignore[union-attr]


_WARNED = re.compile(r"(?:warned|warns|cautioned|cautions|threatened|threatens)(?!\w)", re.IGNORECASE)


def states_a_possession(what: str) -> bool:
    """Whether a description says what someone has ("has diplomatic discussions but no concrete results"), not
    what they did: "has"/"have"/"had" before a noun phrase, not a participle ("has agreed", "had met"), not a
    commitment ("has no plans to deliver", "has a deal") and not a call or meeting ("had a phone call")."""
    match = _POSSESSION.match(what)
    if match is None or _PARTICIPLE.match(match.group(1)) or _COMMITMENT.search(what):
        return False
    return event_kind(what) not in INTERACTIONS


def states_a_condition(what: str) -> bool:
    """Whether a description says what someone is or became ("was initially clear about supporting Ukraine",
    "has been silent about possible deliveries", "became more cautious"), not what they did: a copula before
    a word that is no participle ("was forced to halt", "is invited") and does not lead to an act ("is ready
    to deliver", "is set to meet", "is in talks")."""
    if _REGARDED.match(what) or _INFORMED.match(what):
        return True  # "was recognized as a long-term Trump ally", "were not informed about the stop"
    match = _CONDITION.match(what)
    if match is None:
        return False
    word = match.group(1).casefold()
    if word in _FEELINGS:
        return True  # "became more frustrated with Putin", "was disappointed": a feeling, not an act
    participle = _PARTICIPLE.match(word) and not (word.endswith("ent") and len(word) > 5)  # "sent", not "silent"
    return not participle and word not in _TO_AN_ACT


_CONDITION = re.compile(r"\s*(?:(?:has|have|had)\s+been|is|are|was|were|became|becomes|become|remained|remains|remain|"
                        r"seemed|seems|appeared|appears)\s+(?:(?:still|also|now|again|initially|already|not|no\s+longer|"
                        r"more|increasingly|once)\s+)*([\w'-]+)", re.IGNORECASE)
_REGARDED = re.compile(r"\s*(?:is|are|was|were|has been|have been)\s+(?:also\s+|widely\s+)?(?:considered|regarded|recognized|"
                       r"recognised|seen|known|viewed|described)\s+as\b", re.IGNORECASE)
_INFORMED = re.compile(r"\s*(?:was|were|had been|has been|have been)\s+(?:not\s+|never\s+)?(?:informed|told|notified|"
                       r"briefed|consulted|kept in the dark)\b", re.IGNORECASE)
# Participles that say how someone feels, not what was done to them ("was frustrated", not "was invited")
_FEELINGS = frozenset("frustrated disappointed concerned worried satisfied pleased angered angry upset irritated annoyed "
                      "alarmed surprised shocked relieved delighted encouraged discouraged dissatisfied unimpressed "
                      "impressed optimistic pessimistic skeptical sceptical cautious confident hopeful".split())
_TO_AN_ACT = {"to", "ready", "set", "due", "about", "going", "poised", "willing", "prepared", "able", "unable",
              "unwilling", "open", "against", "in", "on", "at", "for", "among", "part", "behind"}


# What one has that is a commitment: "has no plans to deliver", "has a deal with Kyiv".
_COMMITMENT = re.compile(r"(?<!\w)(?:to\s+\w+|deals?|agreements?|decisions?|plans?|orders?|bans?|sanctions?|"
                         r"commitments?|promises?)(?!\w)", re.IGNORECASE)
_POSSESSION = re.compile(r"\s*(?:has|have|had)\s+(?:not\s+|no\s+longer\s+|also\s+|already\s+)?([\w'-]+)", re.IGNORECASE)
# Endings of participles ("agreed", "taken", "held", "met", "said", "sent", "put"), and "told".
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn|ne|ung|ught|id|ade|eld|et|ent|ost|ept|eft|ot|it|ut|un|on)$|told$", re.IGNORECASE)


def reports_an_act(what: str) -> bool:
    """Whether a description names an act or a commitment at all: an act word of ``cues.json`` ("agreed to
    ...", "halted ...") or a meeting or call held ("met Zelensky at the Oval Office"; not "spoke" or "called
    his conversation ...", which may be words only)."""
    return has_cue("act", what) or bool(_HELD.search(what))


_HELD = re.compile(r"(?<!\w)(?:met|(?:tele)?phoned|(?:held|had) (?:a |an |the )?(?:[\w-]+ ){0,2}"
                   r"(?:call|meeting|talks|conversation|summit))(?!\w)", re.IGNORECASE)


# What an act would bring on, told as its consequence: a warning, which the gold lists as a position taken
# ("would cause significant damage to bilateral relations", "would be considered a serious provocation",
# "would harm Russian-American relations")
_THREATENS = re.compile(r"(?<!\w)(?:would|will)\s+(?:not\s+\w+[^,]*?,?\s+but\s+(?:would\s+)?)?(?:\w+\s+){0,1}?"
                        r"(?:cause|harm|damage|hurt|provoke|escalate|trigger|destroy|lead to|have (?:serious |grave )?"
                        r"consequences|be (?:considered|seen|regarded|viewed) (?:as )?(?:a |an )?(?:\w+ )?(?:provocation|escalation|"
                        r"threat|attack))(?!\w)", re.IGNORECASE)


def as_warning(what: str) -> str:
    """A statement of what an act would bring on, told as the warning it is: "noted that the stationing of
    the cruise missiles would be considered a serious provocation" -> "warned that the stationing ..." (the
    digest joins it with other sources' warnings); any other description as it is."""
    head = re.match(r"\s*(?:(?:has|have|had|also|again|repeatedly|once again)\s+)*", what)
    speech = cue_pattern("speech").match(what, head.end() if head else 0)
    if speech is None or not _THREATENS.search(what, speech.end()):
        return what
    rest = re.sub(r"^\w*\s*(?:that\s+)?", "", what[speech.end():])  # the rest of the verb ("emphasi|zed"), "that"
    return f"warned that {rest}" if rest else what


def reports_words_only(what: str) -> bool:
    """Whether a decision's description reports only what someone said or thinks ("said that the war is
    back", "criticized Russia's actions"), with no act or commitment in it: a statement, not a decision."""
    if what.lstrip()[:1] in QUOTATION_MARKS or (what.split() or [""])[0] in _SPOKEN_STARTS:
        return True  # the model copied what was said ("“Putin doesn't want it,” he said.", "Now all they have to do ...")
    head = _HEAD.match(what)
    start = head.end() if head else 0
    hearsay = _HEARSAY.match(what, start)
    if hearsay is not None:  # "believed to be negotiating a purchase": others' view of the decider's own act
        return not reports_an_act(what[hearsay.end():])
    if _PURE_VIEW.match(what, start) or _EVALUATION.match(what, start) or _NO_COMMENT.match(what):
        return True  # "suspected political motives behind the stop", "marked a shift in US policy": a view
    if _STANCE.match(what, start):
        return False  # "expressed frustration with Putin", "voiced doubts about ...": a position taken in public
    if cue_pattern("condemns").search(what, start):
        return False  # "called the strikes 'massive and cynical'", "accused Moscow of terror": a condemnation
    if (speech := cue_pattern("speech").match(what, start)) is not None and _FELT.match(what, speech.end()):
        return False  # "said he was very disappointed with the call": the same, in the speaker's words
    if speech is None or _ASKED_FOR.match(what, start):
        return False  # "asked Trump for more Patriot missiles": a request
    if _OWN_INTERACTION.match(what, speech.end()):
        return False  # "said he had a disappointing call with Putin": the speaker reports a call of their own
    if _THREATENS.search(what, speech.end()):
        return False  # "emphasized that supplying Tomahawks would cause significant damage": a warning
    for act in cue_pattern("act").finditer(what, speech.end()):
        before = what[: act.start()]
        future = act.group(0).strip().casefold() in _FUTURE
        if future and _ARRANGED.search(before) and not _VIEW.search(before, speech.end()):
            return False  # "mentioned that the meeting would be bilateral": the speaker announces an arrangement
        said = list(_THAT.finditer(before, speech.start()))
        if said and not _SUBJECT_SPEAKER.match(before, said[-1].end()):
            continue  # "added that every decision ...": the act is someone else's, as the speaker tells it
        if future and not _SPEAKER.search(before):
            continue
        if _VIEW.search(before, speech.end()):
            continue  # "said he thought Putin would make a deal": a view of what may happen
        return False
    return True


def told_clauses(what: str) -> list[str]:
    """The that-clauses of a description that starts with a verb of speech, in order: "reported that the U.S.
    halted shipments" -> ["the U.S. halted shipments"]; "reported that the call lasted 40 minutes and that Trump
    told Zelensky he would check ..." -> both clauses. None for a description that reports an act itself."""
    speech = cue_pattern("speech").match(what, _HEAD.match(what).end())  # type: ignore[union-attr]
    if speech is None:
        return []
    return [what[m.end():].strip() for m in _THAT.finditer(what, speech.end())]


# A position taken in public: the verb of expressing and the stance, not the words
_STANCE = re.compile(r"(?:expressed|expresses|voiced|voices)\s+(?:(?:his|her|their|its|some|deep|strong|growing|new|"
                     r"similar|serious)\s+)*(?:frustration|concerns?|doubts?|reservations|second thoughts|reluctance|"
                     r"opposition|support|dissatisfaction|disappointment|anger|skepticism|scepticism|warnings?)(?!\w)"
                     # a criticism or an accusation ("criticized Hegseth for misleading the public", "criticized that
                     # too many weapons had been delivered"): a position taken in public, not a mere statement
                     r"|(?:criticized|criticised|criticizes|criticises|condemned|condemns|accused|accuses|denounced|"
                     r"denounces|rebuked|rebukes)(?!\w)", re.IGNORECASE)


# After a verb of speech, the speaker's own feeling: "said he was very disappointed", "said that they were frustrated"
_FELT = re.compile(r"\s+(?:that\s+)?(?:he|she|they|we|i)\s+(?:was|were|is|am|are|felt|feels|feel|remained|remains)\s+"
                   r"(?:(?:very|deeply|really|so|quite|extremely|increasingly|not|too)\s+)*(?:" + "|".join(sorted(_FEELINGS))
                   + r")(?!\w)", re.IGNORECASE)
# "said that ...": an act word in the clause is the speaker's own only when the clause's subject is the
# speaker ("said that they would not deliver"); else the speaker tells of someone else's act or view ("added
# that every decision that strengthens us brings us closer to the end").
_THAT = re.compile(r"(?<!\w)that(?!\w)", re.IGNORECASE)
_PRONOUNS = r"(?:he|she|they|we|i|it)"
_SUBJECT_SPEAKER = re.compile(rf"\s*{_PRONOUNS}(?!\w)", re.IGNORECASE)


# After a verb of speech, "will"/"would" are a commitment only of the speaker ("said he would meet"); with
# another subject they are a forecast or a view ("said that Putin would not win", "noted that the move would
# be a provocation").
_FUTURE = {"will", "would"}
# A passive of hearsay or belief: what others say or think the decider does ("is believed to be negotiating")
_HEARSAY = re.compile(r"(?:believed|thought|assumed|suspected|said|reported|understood|known|rumou?red)\s+to\s+"
                      r"(?:be|have)(?!\w)", re.IGNORECASE)
# Verbs of a view only (not "expected"/"hoped", which may ask for something): what follows is not the holder's act
_PURE_VIEW_WORDS = r"thinks?|thought|believe[sd]?|regard(?:s|ed)?|view(?:s|ed)?|doubt(?:s|ed)?|assume[sd]?|fear(?:s|ed)?|suspect(?:s|ed)?"
_PURE_VIEW = re.compile(rf"(?:{_PURE_VIEW_WORDS})(?!\w)", re.IGNORECASE)
# A description starts with its verb ("agreed to ..."); one that starts with one of these words is a sentence
# the model copied from what someone said ("Now all they have to do is get along", "We will win").
_SPOKEN_STARTS = frozenset("I We You They He She It The This That These Those Now There Our My Your".split())
# What a description says a thing means or a relation is, not what anyone did: "marked a significant shift",
# "symbolized the attack", "maintained close ties to Russia"
_EVALUATION = re.compile(r"(?:marks|marked|symboli[sz](?:es|ed)|represents|represented|signifies|signified|"
                         r"(?:maintains|maintained|keeps|kept|has|had)\s+(?:\w+\s+){0,2}(?:ties|relations|contacts)(?!\w))"
                         r"(?!\w)", re.IGNORECASE)
# Saying nothing is no decision either: "did not comment on the content", "declined to comment"
_NO_COMMENT = re.compile(r"\s*(?:(?:has|have|had)\s+)?(?:did not|didn't|not|has not|have not|had not|declined to|refused to|"
                         r"would not|wouldn't)\s+(?:(?:yet|immediately|publicly|officially|formally)\s+)*(?:comment|respond|react|reply|explain|"
                         r"elaborate|confirm|say|said)(?:ed|d)?(?!\w)",
                         re.IGNORECASE)
# A that-clause about a meeting the speaker takes part in: what it "will"/"would" be is announced, not forecast
_ARRANGED = re.compile(r"(?<!\w)(?:the|this|a|their|his|her|our)\s+(?:[\w-]+\s+)?(?:meeting|summit|talks|call|visit|"
                       r"negotiations|conference)\s+$", re.IGNORECASE)
# After a verb of speech: the speaker tells of a call or meeting they had ("said he had a disappointing call
# with Putin", "said they held talks in Ankara"): an event, not a view
_OWN_INTERACTION = re.compile(r"\s+(?:that\s+)?(?:he|she|they|we)\s+(?:had|has|have|held)\s+(?:(?:a|an|the)\s+)?"
                              r"(?:[\w-]+\s+){0,2}(?:(?:phone|telephone)\s+)?(?:call|conversation|meeting|talks)(?!\w)",
                              re.IGNORECASE)
# A request: "asked Trump for more Patriots", "has been asking Washington to sell it more Patriot missiles"
_ASKED_FOR = re.compile(r"(?:asked|asks|ask|asking)\s+(?:[\w-]+\s+){0,3}?(?:for|to\s+(?!be\b)\w+)\s", re.IGNORECASE)
_VIEW = re.compile(rf"(?<!\w)(?:{_PURE_VIEW_WORDS}|expect(?:s|ed)?|hope[sd]?)(?!\w)", re.IGNORECASE)  # or a hope
_SPEAKER = re.compile(rf"(?<!\w){_PRONOUNS}\s+(?:\w+\s+)?$", re.IGNORECASE)
