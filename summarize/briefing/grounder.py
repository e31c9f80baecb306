"""How a draft is grounded in the article: a cited number becomes the sentence's own text and offsets.

A citation is checked, never trusted: the sentence must name the actor or weapon, or one of a decision's
deciders; a wrong number is repaired to the nearest sentence of the part that does, and an item nothing can
be found for is dropped with its reason (:meth:`Grounder.check`).
"""

from __future__ import annotations

from collections.abc import Callable
import re
from functools import lru_cache

from ..article.clean import CleanedText
from ..models import Evidence
from ..text.normalise import QUOTATION_MARKS, normalise
from .aliases import alias_forms, canonical_weapon, seat_forms
from .drafts import (MAX_EVIDENCE_CHARS, MIN_ANCHOR_CHARS, ActorDraft, DecisionDraft, Draft, QuestionDraft, Scope,
                     WeaponDraft)
from .ground import sentence_bounds
from .mentions import mentioned_in
from .cues import refers_back, speaks_for_self
from .numbered import Sentences, is_heading, is_quoted_heading

_PRONOUNS = frozenset(w for p in "wir we ich i sie they er he she es it man you du ihr".split()  # no decider's name
                      for w in (p, p.capitalize()))  # ("US" is none: the case is compared)
REFER_BACK = 3  # a pronoun refers to a decider named at most this many sentences before
COPIED_WORDS = 5  # a description with this many words in a row of a sentence was copied from it
QUOTE_SPAN = 3  # a quotation split into sentences is followed by its attribution within this many
SECTION_SPAN = 3  # a heading's report is sought in at most this many sentences under it
_STEM = 6  # two words share a stem when their first six letters agree ("Investitionen", "Investition")
_WORD = re.compile(r"[^\W\d_]{6,}")
_FUNCTION_WORDS = frozenset({  # words of six letters or more that say nothing about what a section reports
    "werden", "worden", "wurden", "sollen", "sollte", "können", "könnte", "müssen", "zwischen", "bereits",
    "diesem", "dieser", "dieses", "diesen", "seinen", "seiner", "seinem", "nachdem", "darüber",
    "jedoch", "sowohl", "wieder", "weiter", "should", "before", "because", "through", "during", "against",
    "between",
})
_QUOTES = re.compile(f"[{QUOTATION_MARKS}]")


def deciders(who: list[str]) -> list[str]:
    """The names a decision's deciders go by in the text: as the model gave them, and every form the alias table
    gives each: a person's spellings ("Selenskyj" is "Zelensky" in a German article that writes both), a
    government named in English ("Russia" is "Russland" in a German sentence, "US government" is
    "US-Regierung"), and a state's seat of government ("The Kremlin confirmed")."""
    forms = [f for w in who for f in (*alias_forms("actors", w), *seat_forms(w))]
    extra = [f for f in dict.fromkeys(forms) if f not in who]
    return [*who, *extra] if extra else who


def _written_kind(item: Draft) -> str | None:
    """The kind of weapon the briefing will name an item by, where the model's own name says otherwise: a
    weapon whose written word the alias table gives one kind and the model's English name another, or a
    weapon the model gave as an actor (``assemble``); None for any other item."""
    if not isinstance(item, (WeaponDraft, ActorDraft)):
        return None
    written = canonical_weapon(item.name_as_written, generic=True)
    if isinstance(item, ActorDraft):
        return written
    named = canonical_weapon(item.name, generic=True)
    return written if written and named and written != named else None


def _leaves_quotation_open(sentence: str) -> bool:
    """An odd number of quotation marks: the sentence opens a quotation it does not close, or closes one."""
    return len(_QUOTES.findall(sentence)) % 2 == 1


def _closes_first(sentence: str) -> bool:
    """Whether the first quotation mark of a sentence with an odd number of them closes a quotation opened
    before it: one that ends a word or a sentence (``pretty hard.”``, ``need them,“``), not one that opens
    one before a word (``said: “They``)."""
    first = _QUOTES.search(sentence)
    if first is None:
        return False
    before = sentence[: first.start()]
    after = sentence[first.end() :]
    return bool(before.strip()) and (not after[:1].isalnum()) and not before[-1:].isspace()


@lru_cache(maxsize=64)  # the prompt is the same for every article: build its trigram set once
def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = re.findall(r"\w+", normalise(text))
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def _stems(text: str) -> set[str]:
    """The stems of ``text``'s words of six letters or more, function words left out."""
    return {w[:_STEM] for w in _WORD.findall(normalise(text).casefold()) if w not in _FUNCTION_WORDS}


def _item_key(item: Draft) -> tuple[str, str]:
    """What tells one draft from another: its kind and its content."""
    return type(item).__name__, item.model_dump_json()


class Grounder:
    """Turns a cited sentence number into located evidence in the original article text."""

    def __init__(
        self, original: str, cleaned: CleanedText, instructions: str = "", sentences: Sentences | None = None
    ) -> None:
        self.original = original
        self.cleaned = cleaned
        self.sentences = sentences if sentences is not None else Sentences.of(cleaned.text)  # as the model saw them
        self._prompt_trigrams = _trigrams(instructions)
        self._anywhere: dict[str, bool] = {}
        # Set by the caller (briefing.cues.says_open): an open question needs a sentence that says so.
        self.open_cue: Callable[[str], bool] | None = None
        self._norm_cache: dict[int, str] = {}
        # Each distinct (sentence, name) and each distinct item is looked up once per article: re-asks, the
        # nearest-sentence search and parts that overlap ask the same again (issue 12: 2-2.7 times per item).
        self._mentioned: dict[tuple[int, str, bool], bool] = {}
        self._contexts: dict[int, tuple[str, str]] = {}  # sentence number -> its context, as written and normalised
        self._checked: dict[tuple[str, str, Scope | None], Evidence | str] = {}
        self._headed: set[tuple[str, str]] = set()  # decisions grounded in the report under the heading they cite

    def echoes_instructions(self, value: str | None) -> bool:
        """True when a field mostly repeats the prompt's wording (a small model's habit), not the article:
        at least half of its word trigrams occur in the instructions."""
        if not value or not self._prompt_trigrams:
            return False
        grams = _trigrams(value)
        return bool(grams) and len(grams & self._prompt_trigrams) * 2 >= len(grams)

    def _names(self, n: int, names: list[str], whole: bool = False) -> bool:
        return any(self._mentions(n, name.strip(), whole) for name in names)

    def _mentions(self, n: int, name: str, whole: bool = False) -> bool:
        key = (n, name, whole)
        if key not in self._mentioned:
            self._mentioned[key] = bool(name) and mentioned_in(name, *self._context(n), whole=whole)
        return self._mentioned[key]

    def _context(self, n: int) -> tuple[str, str]:
        """What :func:`~summarize.briefing.mentions.mentions` reads for sentence ``n`` (its bounds in the
        cleaned text), as written and normalised: built once per sentence."""
        if n not in self._contexts:
            start, end = self.sentences.span(n)
            lo, hi = sentence_bounds(self.cleaned.text, start, end)
            context = self.cleaned.text[lo:hi]
            self._contexts[n] = (context, normalise(context))
        return self._contexts[n]

    def _nearest(self, n: int, scope: Scope, names: list[str], whole: bool = False) -> int | None:
        """The sentence of ``scope`` nearest to ``n`` that names one of ``names``."""
        first, last = scope
        order = sorted(range(first, last + 1), key=lambda k: (abs(k - n), k))
        return next((k for k in order if self._names(k, names, whole)), None)

    def check(self, item: Draft, scope: Scope | None = None) -> Evidence | str:
        """Evidence for the item, or the reason it is not supported. ``scope`` is the part the model saw.
        An item met again (a re-ask, an overlapping part) gets the same answer without a second search."""
        key = (*_item_key(item), scope)
        if key not in self._checked:
            self._checked[key] = self._check(item, scope)
        found = self._checked[key]
        return found.model_copy() if isinstance(found, Evidence) else found

    def via_heading(self, item: Draft) -> bool:
        """Whether ``item`` cited a heading and is grounded in the report under it (:meth:`_under_heading`)."""
        return _item_key(item) in self._headed

    def _check(self, item: Draft, scope: Scope | None) -> Evidence | str:
        total = len(self.sentences)
        if total == 0:
            return "the article has no sentences"
        scope = scope or (1, total)
        if isinstance(item, DecisionDraft) and self.echoes_instructions(item.what):
            return "what repeats the instructions"
        if isinstance(item, QuestionDraft) and self.echoes_instructions(item.question):
            return "the question repeats the instructions"
        n = item.s
        if isinstance(item, (DecisionDraft, QuestionDraft)) and (anchored := self._anchor(item.words, n, scope)):
            n = anchored
        elif isinstance(item, DecisionDraft) and (copied := self._copied_from(item.what, n, scope)):
            n = copied
        in_scope = scope[0] <= n <= scope[1]
        first = n
        who = deciders(item.who) if isinstance(item, DecisionDraft) else []
        if isinstance(item, DecisionDraft) and not any(self.names_anywhere(w) for w in who):
            return f"the article never names {item.who[0]!r}"
        if isinstance(item, DecisionDraft) and in_scope:
            return self._decision_evidence(item, who, n, scope)
        if isinstance(item, (ActorDraft, WeaponDraft, DecisionDraft)):
            names = item.who if isinstance(item, DecisionDraft) else [item.name_as_written, item.name]
            if kind := _written_kind(item):
                # "U. S. air defense missiles" named "missiles" (as a weapon, or as an actor): the briefing names
                # it by the kind written (assemble._weapon_name, assemble's weapon given as an actor), so the
                # evidence must name that, not the model's other word
                names = [item.name_as_written, *alias_forms("weapons", kind)]
            elif not isinstance(item, DecisionDraft):  # "drones" is named by "Drohnenangriff", "Germany" by "Berlin"
                section = "weapons" if isinstance(item, WeaponDraft) else "actors"
                names = [*names, *alias_forms(section, item.name), *alias_forms(section, item.name_as_written)]
            if not any(x.strip() for x in names):
                return "no name given"
            # The written name first (the evidence should show the name as the item gives it), then the
            # English and alias-table forms.
            tiers = [names] if isinstance(item, DecisionDraft) else [[item.name_as_written], names]
            whole = isinstance(item, WeaponDraft) or bool(kind)  # "air defense missiles" is not named by "missiles"
            for tier in tiers:
                if in_scope and self._names(n, tier, whole):
                    break
                if isinstance(item, DecisionDraft) and in_scope and n > scope[0] and self._names(n - 1, tier):
                    first = n - 1  # "Er kündigte an ...": the decider is named in the sentence before
                    break
                found = self._nearest(n, scope, tier, whole)
                if found is not None:
                    first = n = found
                    break
            else:
                return f"no sentence of the part names {names[0]!r}"
        elif not in_scope:
            return f"sentence {n} is not in the part the model saw ({scope[0]}-{scope[1]})"
        elif self.open_cue is not None and not self.open_cue(self.sentences.sentence(n)):
            return f"sentence {n} does not say that anything is open or uncertain"
        elif n > 1 and (is_heading(sentence := self.sentences.sentence(n)) or is_quoted_heading(sentence)):
            return f"sentence {n} is a heading, not a statement"  # the headline (sentence 1) states the story
        return self.evidence(first, n)

    def _decision_evidence(self, item: DecisionDraft, who: list[str], n: int, scope: Scope) -> Evidence | str:
        """The cited (or copied-words) sentence ``n`` of the part reports the decision. When it does not name
        the deciders, its quotation may close in a sentence that does ("»Wir werden darüber sprechen. Darum
        sind wir hier«, sagte Trump") or open in one that does ("Trump said: “They're going to need them for
        defence... They're going to need something ...”"), or it must refer back to them ("Er kündigte an", "Die beiden
        Staatschefs") with a sentence shortly before naming them; the sentence right before then joins the
        quote. A sentence that neither names nor refers to anyone ("Ganze Städte wurden verwüstet") is no act
        of the deciders. ``who``: the names the deciders go by (:func:`deciders`)."""
        if is_heading(sentence := self.sentences.sentence(n)) or (n > 1 and is_quoted_heading(sentence)):
            if (body := self._under_heading(n, who, scope)) is not None:
                self._headed.add(_item_key(item))
                return self.evidence(body, body)
            return f"sentence {n} is a heading, not a report of a decision"
        if all(w.strip() in _PRONOUNS for w in item.who):  # "Wir: use cookies", of a site's own notice
            return f"{', '.join(map(repr, item.who))} is a pronoun: it names no decider"
        if self._names(n, who):
            return self.evidence(n, n)
        if (closes := self._quote_closes(n, scope)) and self._names(closes, who):
            return self.evidence(n, closes)
        if (opened := self._quote_opened(n, scope)) and self._names(opened, who):
            return self.evidence(opened, n)
        # named shortly before, in the part or just before it (a part may begin inside a quotation)
        named_before = any(self._names(k, who) for k in range(max(1, n - REFER_BACK), n))
        sentence = self.sentences.sentence(n)
        if not ((refers_back(sentence) or speaks_for_self(sentence)) and named_before):
            return f"sentence {n} names none of {', '.join(map(repr, item.who))} and refers to no one named before"
        return self.evidence(n - 1 if n > scope[0] and self._names(n - 1, who) else n, n)

    def _under_heading(self, n: int, who: list[str], scope: Scope) -> int | None:
        """The sentence under heading ``n`` that reports what the heading announces: a model that cites a
        subheading ("Gespräche mit Selenskyj: Rüstungskooperation und Investitionen") for a decision means the
        report below it ("Selenskyj erklärte ..., dass ... Investitionen ... diskutiert worden seien"). The
        first of the next :data:`SECTION_SPAN` sentences of the part, before another heading, that names a
        decider and shares a word stem with the heading other than the deciders' names; None when none does."""
        names = {w.casefold()[:_STEM] for name in who for w in _WORD.findall(normalise(name))}
        wanted = _stems(self.sentences.sentence(n)) - names
        if not wanted:
            return None
        for k in range(n + 1, min(n + SECTION_SPAN, scope[1]) + 1):
            sentence = self.sentences.sentence(k)
            if is_heading(sentence) or is_quoted_heading(sentence):
                return None
            if self._names(k, who) and wanted & _stems(sentence):
                return k
        return None

    def _quote_closes(self, n: int, scope: Scope) -> int | None:
        """The sentence that closes a quotation sentence ``n`` opens (its attribution, "sagte Trump", often
        follows there), within :data:`QUOTE_SPAN` sentences of the part; None when ``n`` leaves none open."""
        if not _leaves_quotation_open(self.sentences.sentence(n)):
            return None
        for k in range(n + 1, min(n + QUOTE_SPAN, scope[1]) + 1):
            if _leaves_quotation_open(self.sentences.sentence(k)):
                return k
        return None

    def _quote_opened(self, n: int, scope: Scope) -> int | None:
        """The sentence that opens the quotation sentence ``n`` closes (or goes on with), within
        :data:`QUOTE_SPAN` sentences before it in the part: its speaker is named there ("Trump said: “They're
        going to need them for defence. They're going to need something because ...”"); None when ``n``
        closes none. A sentence between them with quotation marks of its own ends the search."""
        if not _leaves_quotation_open(sentence := self.sentences.sentence(n)) or not _closes_first(sentence):
            return None
        for k in range(n - 1, max(scope[0], n - QUOTE_SPAN) - 1, -1):
            before = self.sentences.sentence(k)
            if _leaves_quotation_open(before):
                return k
            if _QUOTES.search(before):
                return None
        return None

    def names_anywhere(self, name: str) -> bool:
        """Whether the article (as the model saw it) names ``name`` at all."""
        name = name.strip()
        if not name:
            return False
        key = normalise(name)
        if key not in self._anywhere:
            self._anywhere[key] = any(mentioned_in(name, *self._context(n)) for n in range(1, len(self.sentences) + 1))
        return self._anywhere[key]

    def _anchor(self, words: str, n: int, scope: Scope) -> int | None:
        """The sentence of ``scope`` nearest to ``n`` that contains ``words`` (the model's copied words)."""
        needle = normalise(words).strip(" .,;:\"'")
        if len(needle) < MIN_ANCHOR_CHARS:
            return None
        hits = [k for k in range(scope[0], scope[1] + 1) if needle in self._normalised(k)]
        return min(hits, key=lambda k: (abs(k - n), k)) if hits else None

    def _copied_from(self, what: str, n: int, scope: Scope) -> int | None:
        """The sentence of ``scope`` a description copies :data:`COPIED_WORDS` words in a row from (of several,
        the one it copies from most, by twice), when the cited sentence ``n`` is not it: a model that gave no copied words may still cite the sentence next
        to the one it copied ("announced that it was halting all new weapons deliveries" cited to the
        sentence after "... announced this week that it was halting all new weapons deliveries ...")."""
        words = normalise(what).split()
        runs = {" ".join(words[i:i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1)}
        if not runs or any(run in self._normalised(n) for run in runs if scope[0] <= n <= scope[1]):
            return None
        counts = {k: c for k in range(scope[0], scope[1] + 1) if (c := sum(run in self._normalised(k) for run in runs))}
        if not counts:
            return None
        # several sentences share a few words ("the United States would be sending ..."): the one the
        # description copies at least twice as much from as from any other
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
        best = ranked[0]
        return best if len(ranked) == 1 or counts[best] >= 2 * counts[ranked[1]] else None

    def _normalised(self, n: int) -> str:
        if n not in self._norm_cache:
            self._norm_cache[n] = normalise(self.sentences.sentence(n))
        return self._norm_cache[n]

    def cited(self, item: Draft) -> Evidence | None:
        """The sentence ``item`` cites, located, whatever became of the item: what a reader checks its drop
        against. None for a number outside the article."""
        n = getattr(item, "s", None)
        if not isinstance(n, int) or not 1 <= n <= len(self.sentences):
            return None
        found = self.evidence(n, n)
        return found if isinstance(found, Evidence) else None

    def sentence_evidence(self, n: int) -> Evidence | str:
        """:meth:`evidence` of sentence ``n`` alone: what the code's own finds (calls, timing questions) cite."""
        return self.evidence(n, n)

    def evidence(self, first: int, last: int) -> Evidence | str:
        start, end = self.sentences.starts[first - 1], self.sentences.ends[last - 1]
        if end - start > MAX_EVIDENCE_CHARS:
            cut = self.cleaned.text.rfind(" ", start, start + MAX_EVIDENCE_CHARS)
            end = cut if cut > start else start + MAX_EVIDENCE_CHARS
        span = self.cleaned.to_original(start, end)
        if span is None:
            return "the sentence runs across page chrome that is not part of the article"
        o_start, o_end = span
        return Evidence(quote=self.original[o_start:o_end], start=o_start, end=o_end, alignment="exact", score=100.0)
