"""What the model is asked to fill (drafts), and how a draft is grounded in the article.

The model reads the article as **numbered sentences** (:class:`Sentences`) and cites a sentence number
for every item instead of copying a quote. The code turns the number into the sentence's own text and
offsets, so grounding is exact, and a small model writes a few digits instead of a 20-word quote (its time
is the tokens it writes). A citation is checked, never trusted: the sentence must name the actor or
weapon, or one of a decision's deciders; a wrong number is repaired to the nearest sentence of the part
that does, and an item nothing can be found for is dropped with its reason (:meth:`Grounder.check`).

The drafts are small and bounded (``maxItems``, ``maxLength``) so a weak model under a grammar cannot
loop forever inside one list or string. Field order is generation order.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..article.clean import CleanedText
from ..models import ActorKind, DecisionStatus, Evidence, WeaponStatus
from ..text.sentences import split as split_sentences
from ..text.normalise import normalise
from .ground import mentions

MAX_ACTORS = 12
MAX_DECISIONS = 8
MAX_WEAPONS = 6
MAX_QUESTIONS = 4
MAX_WHO = 4
MAX_WORDS = 80  # the anchor: a few words copied from the cited sentence, to find it when the number is off
DraftActorKind = Literal["person", "state", "organisation"]
MAX_SUMMARY_SENTENCES = 3
# A sentence longer than this is cited as its first MAX_EVIDENCE_CHARS characters, cut at a word end.
MAX_EVIDENCE_CHARS = 400
MIN_ANCHOR_CHARS = 6

Scope = tuple[int, int]  # [first, last] sentence numbers (1-based, inclusive) of the part the model saw


def _lower_enum(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


class _Draft(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class ActorDraft(_Draft):
    name_as_written: str = Field(max_length=80)
    s: int = Field(description="number of a sentence that names it")
    name: str = Field(max_length=80)
    kind: DraftActorKind
    role: str | None = Field(default=None, max_length=100)

    @field_validator("kind", mode="before")
    @classmethod
    def _norm_kind(cls, v: Any) -> Any:
        return _lower_enum(v)


class DecisionDraft(_Draft):
    s: int = Field(description="number of the sentence that reports it")
    words: str = Field(default="", max_length=MAX_WORDS, description="a few words copied from that sentence")
    who: list[str] = Field(min_length=1, max_length=MAX_WHO)
    what: str = Field(max_length=160)
    status: DecisionStatus
    when: str | None = Field(default=None, max_length=40)

    @field_validator("status", mode="before")
    @classmethod
    def _norm_status(cls, v: Any) -> Any:
        return _lower_enum(v)

    @field_validator("who", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v


class WeaponDraft(_Draft):
    name_as_written: str = Field(max_length=80)
    s: int = Field(description="number of a sentence that names it")
    name: str = Field(max_length=60)
    category: str = Field(max_length=40)
    status: WeaponStatus

    @field_validator("status", mode="before")
    @classmethod
    def _norm_status(cls, v: Any) -> Any:
        return _lower_enum(v)


class QuestionDraft(_Draft):
    s: int = Field(description="number of the sentence that says it is open")
    words: str = Field(default="", max_length=MAX_WORDS, description="a few words copied from that sentence")
    question: str = Field(max_length=160)


Draft = ActorDraft | DecisionDraft | WeaponDraft | QuestionDraft


def label(item: Draft) -> str:
    if isinstance(item, (ActorDraft, WeaponDraft)):
        return item.name_as_written
    if isinstance(item, DecisionDraft):
        return f"{', '.join(item.who)}: {item.what}"
    return item.question


class Lists(_Draft):
    """The model's answer for one part of an article (or one pass over it): some of the four lists."""

    def items(self) -> list[tuple[str, int, Draft]]:
        out: list[tuple[str, int, Draft]] = []
        for field in type(self).model_fields:
            out.extend((field, i, item) for i, item in enumerate(getattr(self, field)))
        return out


class PartDraft(Lists):
    """All four lists."""

    actors: list[ActorDraft] = Field(default_factory=list, max_length=MAX_ACTORS)
    decisions: list[DecisionDraft] = Field(default_factory=list, max_length=MAX_DECISIONS)
    weapons: list[WeaponDraft] = Field(default_factory=list, max_length=MAX_WEAPONS)
    open_questions: list[QuestionDraft] = Field(default_factory=list, max_length=MAX_QUESTIONS)


# Depth: which lists each request of a part asks for. One pass asks for all four lists at once; more
# passes ask for fewer lists each, which a small model fills far more completely, at the cost of reading
# the part again (a server with a prompt cache reads the shared prefix only once).
PASSES: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {
    1: (("all", ("actors", "decisions", "weapons", "open_questions")),),
    2: (("entities", ("actors", "weapons")), ("events", ("decisions", "open_questions"))),
    3: (("entities", ("actors", "weapons")), ("decisions", ("decisions",)), ("questions", ("open_questions",))),
}


class SummaryDraft(_Draft):
    sentences: list[str] = Field(min_length=1, max_length=MAX_SUMMARY_SENTENCES)


def lang_key(lang_name: str) -> str:
    """``English`` -> ``in_english``: the suffix of the fields the model writes in the output language."""
    return "in_" + re.sub(r"[^a-z0-9]+", "_", lang_name.casefold()).strip("_")


@lru_cache(maxsize=None)
def models_for(lang_name: str) -> tuple[type[PartDraft], type[SummaryDraft]]:
    """Drafts whose free-text fields are named for the output language (``what_in_english``).

    A small model follows a field name far better than an instruction paragraph: asked for ``what`` it
    answered in the article's German, asked for ``what_in_english`` it writes English. The Python
    attribute names stay ``what``, ``role``, ``question``; only the JSON keys change.
    """
    key = lang_key(lang_name)
    sentence = Annotated[str, Field(max_length=220)]
    actor = create_model("ActorDraft", __base__=ActorDraft,
                         role=(str | None, Field(default=None, max_length=100, alias=f"role_{key}")))
    decision = create_model("DecisionDraft", __base__=DecisionDraft,
                            what=(str, Field(max_length=160, alias=f"what_{key}")))
    weapon = create_model("WeaponDraft", __base__=WeaponDraft,
                          category=(str, Field(max_length=40, alias=f"category_{key}")))
    question = create_model("QuestionDraft", __base__=QuestionDraft,
                            question=(str, Field(max_length=160, alias=f"question_{key}")))
    part = create_model(
        "PartDraft", __base__=PartDraft,
        actors=(list[actor], Field(default_factory=list, max_length=MAX_ACTORS)),  # type: ignore[valid-type]
        decisions=(list[decision], Field(default_factory=list, max_length=MAX_DECISIONS)),  # type: ignore[valid-type]
        weapons=(list[weapon], Field(default_factory=list, max_length=MAX_WEAPONS)),  # type: ignore[valid-type]
        open_questions=(list[question], Field(default_factory=list, max_length=MAX_QUESTIONS)),  # type: ignore[valid-type]
    )
    summary = create_model(
        "SummaryDraft", __base__=SummaryDraft,
        sentences=(list[sentence], Field(min_length=1, max_length=MAX_SUMMARY_SENTENCES, alias=f"sentences_{key}")),
    )
    return part, summary


@lru_cache(maxsize=None)
def pass_model(lang_name: str, fields: tuple[str, ...]) -> type[Lists]:
    """The answer model of one pass: only ``fields`` of the full :func:`models_for` part model, in order."""
    full = models_for(lang_name)[0]
    if fields == tuple(full.model_fields):
        return full
    name = "".join(f.title().replace("_", "") for f in fields) + "Draft"
    return create_model(  # type: ignore[call-overload, no-any-return]
        name, __base__=Lists, **{f: (full.model_fields[f].annotation, full.model_fields[f]) for f in fields}
    )


# --------------------------------------------------------------------------- numbered sentences


@dataclass(frozen=True)
class Sentences:
    """The cleaned text's sentences, numbered from 1: what the model sees and cites."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, max_chars: int | None = None) -> Sentences:
        """The sentences of ``text``; with ``max_chars``, a longer one (a text without sentence ends: a list,
        a minified page) is cut into pieces of at most ``max_chars`` at whitespace (mid-word only where a
        run of that length has none), each numbered as a sentence. Shorter sentences are left as they are."""
        starts, ends = split_sentences(text)
        if max_chars is not None and any(e - s > max_chars for s, e in zip(starts, ends)):
            starts, ends = _bounded(text, starts, ends, max_chars)
        return cls(text, starts, ends)

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, n: int) -> tuple[int, int]:
        return self.starts[n - 1], self.ends[n - 1]

    def sentence(self, n: int) -> str:
        start, end = self.span(n)
        return self.text[start:end]

    def number_at(self, pos: int) -> int:
        """The number of the sentence holding (or following) cleaned-text offset ``pos``."""
        return min(len(self), bisect.bisect_right(self.ends, pos) + 1)

    def windows(self, max_chars: int) -> list[Scope]:
        """Runs of whole sentences of at most ``max_chars`` (a longer sentence is a window of its own),
        cut preferably where a line ends, so a heading travels with its paragraph."""
        scopes: list[Scope] = []
        first, size, last_line_end = 1, 0, 0
        for n in range(1, len(self) + 1):
            length = self.ends[n - 1] - self.starts[n - 1] + 6
            if size and size + length > max_chars:
                cut = last_line_end if last_line_end >= first and (n - 1 - last_line_end) <= 3 else n - 1
                scopes.append((first, cut))
                first = cut + 1
                size = sum(self.ends[k - 1] - self.starts[k - 1] + 6 for k in range(first, n))
            size += length
            if "\n" in self.text[self.ends[n - 1] : self.ends[n - 1] + 2] and not _is_heading(self.sentence(n)):
                last_line_end = n
        if first <= len(self):
            scopes.append((first, len(self)))
        return scopes

    def numbered(self, scope: Scope) -> str:
        """The sentences of ``scope``, one per line, each after its number: ``[12] Trump sagte ...``."""
        return "\n".join(f"[{n}] {self.sentence(n)}" for n in range(scope[0], scope[1] + 1))


def sentence_chars(chunk_chars: int) -> int:
    """The longest numbered sentence for parts of ``chunk_chars``: one fits a focused pass's half-size part
    with its number and line break (``[12] ``, see :meth:`Sentences.windows`)."""
    return max(1, chunk_chars // 2 - 6)


_SPACE = re.compile(r"\s")


def _bounded(text: str, starts: tuple[int, ...], ends: tuple[int, ...], max_chars: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``starts``/``ends`` with every sentence longer than ``max_chars`` cut into pieces (see :meth:`Sentences.of`)."""
    out_starts: list[int] = []
    out_ends: list[int] = []
    for start, end in zip(starts, ends):
        while end - start > max_chars:
            limit = start + max_chars
            cut = max((m.start() for m in _SPACE.finditer(text, start + 1, limit + 1)), default=limit)
            if cut <= start:
                cut = limit
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out_starts.append(start)
            out_ends.append(piece_end)
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out_starts.append(start)
            out_ends.append(end)
    return tuple(out_starts), tuple(out_ends)


def _is_heading(sentence: str) -> bool:
    return len(sentence) < 120 and not sentence.rstrip().endswith((".", "!", "?", ":", '"', "“", "”", "«", "»"))


def halve(scope: Scope) -> list[Scope]:
    """Two halves of a part (for an answer cut off at ``max_tokens``); ``[]`` for a single sentence."""
    first, last = scope
    if last <= first:
        return []
    middle = (first + last) // 2
    return [(first, middle), (middle + 1, last)]


ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "aliases.json"


@lru_cache(maxsize=1)
def alias_table() -> dict[str, dict[str, dict]]:
    """The built-in alias table (``summarize/data/aliases.json``), read once. The digest's resolver
    (``summarize.digest.entities``) reads it with a user's extra aliases; the briefing uses the built-in one."""
    return json.loads(ALIASES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def _aliases(section: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for canonical, entry in alias_table().get(section, {}).items():
        forms = (canonical, *entry.get("aliases", []))
        for form in forms:
            out[normalise(form)] = forms
    return out


def alias_forms(section: str, name: str) -> tuple[str, ...]:
    """Every form the alias table (``summarize/data/aliases.json``, ``section`` "actors" or "weapons") gives
    the entity ``name`` belongs to, canonical name first, in English and German ("drones" -> "Drohnen",
    "Germany" -> "Deutschland", "Berlin"); empty for an unknown name."""
    return _aliases(section).get(normalise(name.strip()), ())


@lru_cache(maxsize=1024)
def alias_kind(name: str) -> str | None:
    """The kind the alias table gives the actor ``name`` belongs to ("Kreml" -> "organisation"), or None."""
    forms = alias_forms("actors", name)
    return alias_table()["actors"].get(forms[0], {}).get("kind") if forms else None


@lru_cache(maxsize=1024)
def canonical_weapon(written: str, generic: bool = False) -> str | None:
    """The alias table's name of the named system a written name refers to ("Patriot-Systemen" -> "Patriot"):
    a named system's form that the written name mentions (as a word prefix). With ``generic``, kinds count
    too, after the named systems ("Drohnenangriffe" -> "drones"). None when nothing matches."""
    entries = sorted(alias_table().get("weapons", {}).items(), key=lambda kv: bool(kv[1].get("generic")))
    for canonical, entry in entries:
        if entry.get("generic") and not generic:
            continue
        for form in (canonical, *entry.get("aliases", [])):
            if len(form) >= 4 and mentions(form, written, 0, len(written)):
                return canonical
    return None


@lru_cache(maxsize=64)  # the prompt is the same for every article: build its trigram set once
def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = re.findall(r"\w+", normalise(text))
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


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
        # Set by the caller (briefing.cues.is_open): an open question needs a sentence that says so.
        self.open_cue: Callable[[str], bool] | None = None
        self._norm_cache: dict[int, str] = {}
        # Each distinct (sentence, name) and each distinct item is looked up once per article: re-asks, the
        # nearest-sentence search and parts that overlap ask the same again (issue 12: 2-2.7 times per item).
        self._mentioned: dict[tuple[int, str], bool] = {}
        self._checked: dict[tuple[str, str, Scope | None], Evidence | str] = {}

    def echoes_instructions(self, value: str | None) -> bool:
        """True when a field mostly repeats the prompt's wording (a small model's habit), not the article:
        at least half of its word trigrams occur in the instructions."""
        if not value or not self._prompt_trigrams:
            return False
        grams = _trigrams(value)
        return bool(grams) and len(grams & self._prompt_trigrams) * 2 >= len(grams)

    def _names(self, n: int, names: list[str]) -> bool:
        return any(self._mentions(n, name.strip()) for name in names)

    def _mentions(self, n: int, name: str) -> bool:
        key = (n, name)
        if key not in self._mentioned:
            start, end = self.sentences.span(n)
            self._mentioned[key] = bool(name) and mentions(name, self.cleaned.text, start, end)
        return self._mentioned[key]

    def _nearest(self, n: int, scope: Scope, names: list[str]) -> int | None:
        """The sentence of ``scope`` nearest to ``n`` that names one of ``names``."""
        first, last = scope
        order = sorted(range(first, last + 1), key=lambda k: (abs(k - n), k))
        return next((k for k in order if self._names(k, names)), None)

    def check(self, item: Draft, scope: Scope | None = None) -> Evidence | str:
        """Evidence for the item, or the reason it is not supported. ``scope`` is the part the model saw.
        An item met again (a re-ask, an overlapping part) gets the same answer without a second search."""
        key = (type(item).__name__, item.model_dump_json(), scope)
        if key not in self._checked:
            self._checked[key] = self._check(item, scope)
        found = self._checked[key]
        return found.model_copy() if isinstance(found, Evidence) else found

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
        in_scope = scope[0] <= n <= scope[1]
        first = n
        if isinstance(item, DecisionDraft) and not any(self.names_anywhere(w) for w in item.who):
            return f"the article never names {item.who[0]!r}"
        if isinstance(item, DecisionDraft) and in_scope and _is_heading(self.sentences.sentence(n)):
            return f"sentence {n} is a heading, not a report of a decision"
        if isinstance(item, DecisionDraft) and in_scope:
            # The cited (or copied-words) sentence reports the decision, even when it names the deciders
            # only as "Die beiden Staatschefs"; the sentence before joins it when that one names them.
            if not self._names(n, item.who) and n > scope[0] and self._names(n - 1, item.who):
                first = n - 1
            return self.evidence(first, n)
        if isinstance(item, (ActorDraft, WeaponDraft, DecisionDraft)):
            names = item.who if isinstance(item, DecisionDraft) else [item.name_as_written, item.name]
            if not isinstance(item, DecisionDraft):  # "drones" is named by "Drohnenangriff", "Germany" by "Berlin"
                section = "weapons" if isinstance(item, WeaponDraft) else "actors"
                names = [*names, *alias_forms(section, item.name), *alias_forms(section, item.name_as_written)]
            if not any(x.strip() for x in names):
                return "no name given"
            # The written name first (the evidence should show the name as the item gives it), then the
            # English and alias-table forms.
            tiers = [names] if isinstance(item, DecisionDraft) else [[item.name_as_written], names]
            for tier in tiers:
                if in_scope and self._names(n, tier):
                    break
                if isinstance(item, DecisionDraft) and in_scope and n > scope[0] and self._names(n - 1, tier):
                    first = n - 1  # "Er kündigte an ...": the decider is named in the sentence before
                    break
                found = self._nearest(n, scope, tier)
                if found is not None:
                    first = n = found
                    break
            else:
                return f"no sentence of the part names {names[0]!r}"
        elif not in_scope:
            return f"sentence {n} is not in the part the model saw ({scope[0]}-{scope[1]})"
        elif self.open_cue is not None and not self.open_cue(self.sentences.sentence(n)):
            return f"sentence {n} does not say that anything is open or uncertain"
        elif _is_heading(self.sentences.sentence(n)):
            return f"sentence {n} is a heading, not a statement"
        return self.evidence(first, n)

    def names_anywhere(self, name: str) -> bool:
        """Whether the article (as the model saw it) names ``name`` at all."""
        name = name.strip()
        if not name:
            return False
        key = normalise(name)
        if key not in self._anywhere:
            text = self.cleaned.text
            self._anywhere[key] = any(
                mentions(name, text, start, end) for start, end in zip(self.sentences.starts, self.sentences.ends)
            )
        return self._anywhere[key]

    def _anchor(self, words: str, n: int, scope: Scope) -> int | None:
        """The sentence of ``scope`` nearest to ``n`` that contains ``words`` (the model's copied words)."""
        needle = normalise(words).strip(" .,;:\"'")
        if len(needle) < MIN_ANCHOR_CHARS:
            return None
        hits = [k for k in range(scope[0], scope[1] + 1) if needle in self._normalised(k)]
        return min(hits, key=lambda k: (abs(k - n), k)) if hits else None

    def _normalised(self, n: int) -> str:
        if n not in self._norm_cache:
            self._norm_cache[n] = normalise(self.sentences.sentence(n))
        return self._norm_cache[n]

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


Kind = Literal["actor", "decision", "weapon", "open_question"]
FIELD_KIND: dict[str, Kind] = {
    "actors": "actor",
    "decisions": "decision",
    "weapons": "weapon",
    "open_questions": "open_question",
}
