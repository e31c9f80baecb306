"""Candidate sentences proposed by the code: words that signal an open question.

A small model overlooks what a sentence leaves open ("ob", "unklar", "bleibt abzuwarten", "remains to be
seen"). The code finds such sentences by their cue words, in German and English, and the prompt names
their numbers; the model still decides what, if anything, each one leaves open. The word lists are data (``summarize/data/cues.json``), not rules for particular articles.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from pathlib import Path

from .drafts import Scope
from .numbered import Sentences
from ..text.normalise import QUOTATION_MARKS
from ..text.trie import alternatives

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "cues.json"
MAX_HINTED = 8  # per kind and part: a hint list longer than this stops being a hint


_WILDCARD = r"[\w.'’-]+(?:\s+[\w.'’-]+)?"  # a "*" of a cue: one or two words


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, list[str]]:
    """Kind -> its cue words, as ``summarize/data/cues.json`` lists them (read once)."""
    data = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    words = {kind: words for kind, words in data.items() if not kind.startswith("_")}
    words["open"] = [*words["open"], *words["for_now"]]  # a state held only for now is open too (how long)
    return words


def _start(kind: str) -> str:
    """Where a cue of ``kind`` may begin: a kind named "..._infix" inside a word too (German compounds:
    "Drohnenangriffe"), any other at a word's start."""
    return "" if kind.endswith("_infix") else r"(?<!\w)"


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for kind, words in _cue_words().items():
        # "nannte * nicht": a "*" stands for one or two words ("nannte Trump nicht", "nannte der Sprecher nicht")
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\*", _WILDCARD)
                                for w in sorted(words, key=len, reverse=True))
        out[kind] = re.compile(_start(kind) + r"(?:" + alternatives + r")", re.IGNORECASE)
    return out


@lru_cache(maxsize=None)
def _searchers() -> dict[str, re.Pattern[str]]:
    """Per kind, a pattern that finds a cue wherever :func:`_patterns`' does, for a yes or no: the cues as a
    tree of their common beginnings (:func:`~summarize.text.trie.alternatives`), which the regex engine
    tries several times faster than an alternation of every cue at every word start. Its match need not be
    the cue :func:`_patterns` names: only ``search(...) is not None`` is the same."""
    # lower(), not casefold(): "ß" stays one letter (the match ignores case)
    return {kind: re.compile(_start(kind) + alternatives((w.lower() for w in words), _cue_atom), re.IGNORECASE)
            for kind, words in _cue_words().items()}


def _cue_atom(char: str) -> str:
    """A cue's character as a pattern: a space is any whitespace, a "*" :data:`_WILDCARD`."""
    return r"\s+" if char == " " else _WILDCARD if char == "*" else re.escape(char)


def has_cue(kind: str, text: str) -> bool:
    """Whether ``text`` holds a cue of ``kind`` (as ``cue_pattern(kind).search(text)``, faster)."""
    return _searchers()[kind].search(text) is not None


def cue_pattern(kind: str) -> re.Pattern[str]:
    """The compiled cue words of ``kind`` (a key of ``summarize/data/cues.json``: "open", "call", ...)."""
    return _patterns()[kind]


def cue_kinds() -> frozenset[str]:
    """The kinds of cue words ``summarize/data/cues.json`` holds."""
    return frozenset(_patterns())


def matching(sentences: Sentences, scope: Scope, kind: str) -> list[int]:
    """Numbers of the sentences of ``scope`` with a cue of ``kind`` (``open``)."""
    found = is_open if kind == "open" else _searchers()[kind].search
    return [n for n in range(scope[0], scope[1] + 1) if found(sentences.sentence(n))][:MAX_HINTED]


def is_open(sentence: str) -> bool:
    """Whether a sentence has a cue of something open or uncertain (or asks a question, or sets a deadline:
    :data:`_DEADLINE`); a rhetorical "könnte kaum brisanter sein" ("could hardly be more") is no cue."""
    return has_cue("open", _plain(sentence)) or sentence.rstrip().endswith("?") or _DEADLINE.search(sentence) is not None


# A deadline set for an agreement, whose outcome is open: "has given Moscow a 50-day deadline to accept a peace
# agreement", "wenn innerhalb von 50 Tagen kein Waffenstillstand ... vereinbart wird", "if no deal is reached"
_DEADLINE = re.compile(
    r"(?<!\w)(?:(?:wenn|falls|sollten?|if|unless)\s[^.;:!?]{0,80}?(?<!\w)(?:kein|keine|keinen|no)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:deal|einigung|waffenstillstand|abkommen|friedensabkommen|agreement|ceasefire|peace\s+deal)"
    r"|\d+[- ](?:day|tage|tägig\w*)\s+(?:deadline|frist|ultimatum)|(?:deadline|frist|ultimatum)\s+(?:von|of)\s+\d+\s+(?:tagen|days))",
    re.IGNORECASE)


def open_cue_words(sentence: str) -> set[str]:
    """The cue words of something open that a sentence holds (lower case), as :func:`is_open` reads them: a
    rhetorical "könnte kaum" is none."""
    return {m.group(0).casefold().strip() for m in _patterns()["open"].finditer(_plain(sentence))}


# "May" with a capital inside a sentence is the month or a name ("peace talks in May and June"), not the verb
_MONTH_MAY = re.compile(r"(?<=[^\s“”„\"'‘’«»‹›(\[])(\s+)May(?!\w)")


def _plain(sentence: str) -> str:
    """``sentence`` without what only looks like an open cue: ``not_open`` ("könnte kaum", "egal ob"), the month."""
    return _MONTH_MAY.sub(r"\1 ", _patterns()["not_open"].sub(" ", sentence))


def says_open(sentence: str) -> bool:
    """Whether a sentence a model cites for an open question says that something is open: :func:`is_open`, which
    names the prompt's candidates generously, without what only looks like a cue. A promise ("in Aussicht
    gestellt"), dashed hopes, a superlative "yet" ("the biggest push yet to end the war"; "has yet to" is open)
    and a question in a speaker's direct speech ("»What do you think he's going to say?«": the speaker's, mostly
    rhetorical) are no cue here. Nor is a hope in the past perfect ("had hoped", "hatte man gehofft", "hatte
    große Hoffnungen gesetzt"): a hope held before what the article reports, whose outcome it tells."""
    patterns = _patterns()
    plain = _NOT_PENDING.sub(_keep_pending, patterns["not_open_cited"].sub(" ", _plain(sentence)))
    plain = _OFFER_TERMS.sub(" ", _HAD_HOPED.sub(" ", plain))
    if has_cue("open", plain) or _DEADLINE.search(sentence):
        return True
    stripped = sentence.strip()
    return stripped.endswith("?") and stripped[:1] not in QUOTATION_MARKS


def ends_as_question(sentence: str) -> bool:
    """Whether a sentence ends as a question: in "?", closing quotation marks and spaces after it aside."""
    return sentence.rstrip(" '’" + QUOTATION_MARKS).endswith("?")


def open_date_or_place(sentence: str) -> str | None:
    """"timing" or "venue" when a sentence names when (where) something takes place and says it is open
    ("Ein Datum ... nannte Trump nicht", "the location has not yet been announced"), the first it names, else
    None: the question the code asks of it (questions.when_and_where_questions), and a meeting still to come
    (interactions.still_to_come)."""
    kind = next((k for k in ("timing", "venue") if has_cue(k, sentence)), None)
    return kind if kind is not None and says_open(sentence) else None


# A hope in the past perfect: "had (long) hoped", "as we’d hoped", "had high hopes"; "hatte(n) ... gehofft", "hatte
# ... Hoffnungen gesetzt" (up to four words between, within one clause)
_HAD_HOPED = re.compile(
    r"(?:(?:(?<!\w)had|(?<=\w)[’']d)\s+(?:been\s+)?(?:\w+\s+)?hop(?:ed|ing)|(?<!\w)had\s+(?:\w+\s+){0,2}hopes"
    r"|(?<!\w)hatten?(?:\s+[^\s,;:.!?]+){0,4}?\s+(?:gehofft|Hoffnung(?:en)?))(?!\w)",
    re.IGNORECASE)
# The terms of an offer: "a “proposition” in which Ukraine could provide the United States with its drones,
# while Washington would sell Kyiv ... Tomahawk missiles", "a proposal suggesting Ukraine could provide ...",
# "legte einen Vorschlag vor, wonach die Ukraine ... liefern könnte". Its modal says what is offered, not what
# is uncertain (the offer is a decision: see offered.py); a modal of a "while" clause after it goes with it.
_OFFER_TERMS = re.compile(
    r"(?<!\w)(?:proposals?|propositions?|offers?|Vorschlag|Angebot)(?:\s+(?:vor|an))?\W{0,3}\s+"
    r"(?:in\s+which|under\s+which|whereby|suggesting(?:\s+that)?|wonach|nach\s+dem|bei\s+dem)\s+"
    r"[^,;:.!?]{0,80}?(?<!\w)(?:could|would|might|könnte|könnten|würde|würden)(?!\w)"
    r"(?:[^;:.!?]*?,\s+while\s+[^,;:.!?]{0,60}?(?<!\w)(?:could|would|might)(?!\w))?", re.IGNORECASE)
_NOT_PENDING = re.compile(r"(\w+)\s+yet\s+to(?!\w)", re.IGNORECASE)
_PENDING = frozenset("is are was were has have had remains remain remained still".split())


def _keep_pending(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1).casefold() in _PENDING else match.group(1)


def is_speculative(sentence: str) -> bool:
    """Whether a sentence speculates (what could, might or may happen) rather than reports an act."""
    return has_cue("speculative", sentence)


def main_clause(quote: str) -> str:
    """The first clause of a quote's last sentence: where a sentence says what happened. A quote may begin
    with the sentence before, which named the decider ("..., er werde Putin möglicherweise treffen. Dem ging
    ein Telefongespräch voraus."), and a sentence may end in a clause of its own ("..., suggesting the
    meeting might take place later"); neither turns the act into a speculation."""
    last = re.split(r"(?<=[.!?])\s+|\n", quote.strip())[-1]
    return re.split(r"[,;:–—]|\s-\s", last, maxsplit=1)[0]


def hints(found: list[int]) -> str:
    """The hint line of the user prompt: which sentences may hold an open question (``found``: their numbers,
    see :func:`matching`; empty when the request asks for none, or no sentence has a cue)."""
    if not found:
        return ""
    return "Sentences that may say something is open or uncertain: " + ", ".join(map(str, found)) + "."


def refers_back(sentence: str) -> bool:
    """Whether a sentence refers back to someone named before it ("Er kündigte an", "Both leaders agreed")."""
    return has_cue("refers", sentence + " ")


# A quotation's own first person ("We agreed on a meeting between our teams.", „Wir haben über ... gesprochen"):
# case-sensitive where the word has another reading ("US", "World War I")
_FIRST_PERSON = re.compile(r"(?<!\w)(?:[Ww]e|[Oo]ur|us|[Ww]ir|[Uu]ns(?:er\w*)?|I|[Ii]ch)(?!\w)")


def speaks_for_self(sentence: str) -> bool:
    """Whether a sentence is (part of) a quotation in the first person: its "we" are its speaker and those
    they speak for, named in the attribution around it, as a pronoun refers back ("..., sagte Selenskyj.
    „Wir haben über Fragen der Luftverteidigung gesprochen ...")."""
    return (any(mark in sentence for mark in QUOTATION_MARKS) or ",," in sentence) and bool(_FIRST_PERSON.search(sentence))
