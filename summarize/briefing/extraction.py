"""What the model is asked to fill (drafts), and the grounding check that runs inside validation.

The drafts are deliberately small and bounded (``maxItems``, ``maxLength``) so a weak model under a
grammar cannot loop forever inside one list or string. Field order is generation order: the name as
written, then the quote that must contain it, then the rest.

:class:`Grounder` turns a draft item into a located :class:`~summarize.models.Evidence` or a reason.
With the validation context ``{"grounder": g, "strict": True}`` (set by :func:`summarize.llm.validation.validating`)
the :class:`PartDraft` validator raises on the first answer's unsupported items, so instructor re-asks once
with those reasons in the message.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, field_validator, model_validator

from ..article.clean import CleanedText
from ..llm.validation import current
from rapidfuzz import fuzz

from ..models import ActorKind, DecisionStatus, Evidence, WeaponStatus
from .ground import MIN_QUOTE_CHARS, locate, mentions, normalise, sentence_bounds

MAX_ACTORS = 10
MAX_DECISIONS = 6
MAX_WEAPONS = 5
MAX_QUESTIONS = 3
MAX_QUOTE = 250  # a cut-off quote is still a verbatim prefix, so it still grounds
MAX_SUMMARY_SENTENCES = 3

Scope = tuple[int, int]


def _lower_enum(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


class _Draft(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class ActorDraft(_Draft):
    name_as_written: str = Field(max_length=80)
    quote: str = Field(max_length=MAX_QUOTE)
    name: str = Field(max_length=80)
    kind: ActorKind
    role: str | None = Field(default=None, max_length=120)

    @field_validator("kind", mode="before")
    @classmethod
    def _norm_kind(cls, v: Any) -> Any:
        return _lower_enum(v)


class DecisionDraft(_Draft):
    who: str = Field(max_length=80)
    quote: str = Field(max_length=MAX_QUOTE)
    what: str = Field(max_length=200)
    status: DecisionStatus
    date: str | None = Field(default=None, max_length=40)

    @field_validator("status", mode="before")
    @classmethod
    def _norm_status(cls, v: Any) -> Any:
        return _lower_enum(v)


class WeaponDraft(_Draft):
    name_as_written: str = Field(max_length=80)
    quote: str = Field(max_length=MAX_QUOTE)
    name: str = Field(max_length=60)
    category: str = Field(max_length=40)
    status: WeaponStatus

    @field_validator("status", mode="before")
    @classmethod
    def _norm_status(cls, v: Any) -> Any:
        return _lower_enum(v)


class QuestionDraft(_Draft):
    quote: str = Field(max_length=MAX_QUOTE)
    question: str = Field(max_length=200)


Draft = ActorDraft | DecisionDraft | WeaponDraft | QuestionDraft


def label(item: Draft) -> str:
    if isinstance(item, (ActorDraft, WeaponDraft)):
        return item.name_as_written
    if isinstance(item, DecisionDraft):
        return f"{item.who}: {item.what}"
    return item.question


class PartDraft(_Draft):
    """The model's answer for one part of an article."""

    actors: list[ActorDraft] = Field(default_factory=list, max_length=MAX_ACTORS)
    decisions: list[DecisionDraft] = Field(default_factory=list, max_length=MAX_DECISIONS)
    weapons: list[WeaponDraft] = Field(default_factory=list, max_length=MAX_WEAPONS)
    open_questions: list[QuestionDraft] = Field(default_factory=list, max_length=MAX_QUESTIONS)

    def items(self) -> list[tuple[str, int, Draft]]:
        out: list[tuple[str, int, Draft]] = []
        for field in ("actors", "decisions", "weapons", "open_questions"):
            out.extend((field, i, item) for i, item in enumerate(getattr(self, field)))
        return out

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> PartDraft:
        ctx = current(info)
        grounder: Grounder | None = ctx.get("grounder")
        if grounder is None or not ctx.get("strict"):
            return self
        problems = []
        for field, i, item in self.items():
            result = grounder.check(item, ctx.get("scope"))
            if isinstance(result, str):
                problems.append(f"- {field}[{i}] ({label(item)!r}): {result}")
        if problems:
            raise ValueError(
                "these items are not supported by the article text:\n"
                + "\n".join(problems)
                + "\nFor each one, copy a sentence exactly from the article that supports it, or remove the item."
            )
        return self


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
                         role=(str | None, Field(default=None, max_length=120, alias=f"role_{key}")))
    decision = create_model("DecisionDraft", __base__=DecisionDraft,
                            what=(str, Field(max_length=200, alias=f"what_{key}")))
    question = create_model("QuestionDraft", __base__=QuestionDraft,
                            question=(str, Field(max_length=200, alias=f"question_{key}")))
    part = create_model(
        "PartDraft", __base__=PartDraft,
        actors=(list[actor], Field(default_factory=list, max_length=MAX_ACTORS)),  # type: ignore[valid-type]
        decisions=(list[decision], Field(default_factory=list, max_length=MAX_DECISIONS)),  # type: ignore[valid-type]
        weapons=(list[WeaponDraft], Field(default_factory=list, max_length=MAX_WEAPONS)),
        open_questions=(list[question], Field(default_factory=list, max_length=MAX_QUESTIONS)),  # type: ignore[valid-type]
    )
    summary = create_model(
        "SummaryDraft", __base__=SummaryDraft,
        sentences=(list[sentence], Field(min_length=1, max_length=MAX_SUMMARY_SENTENCES, alias=f"sentences_{key}")),
    )
    return part, summary


@lru_cache(maxsize=64)  # the prompt is the same for every article: build its trigram set once
def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = re.findall(r"\w+", normalise(text))
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


class Grounder:
    """Locates quotes in the cleaned text the model saw and maps them to the original article text."""

    def __init__(self, original: str, cleaned: CleanedText, instructions: str = "") -> None:
        self.original = original
        self.cleaned = cleaned
        self._prompt_trigrams = _trigrams(instructions)

    def echoes_instructions(self, value: str | None) -> bool:
        """True when a field mostly repeats the prompt's wording (a small model's habit), not the article:
        at least half of its word trigrams occur in the instructions."""
        if not value or not self._prompt_trigrams:
            return False
        grams = _trigrams(value)
        return bool(grams) and len(grams & self._prompt_trigrams) * 2 >= len(grams)

    def _sentences(self, scope: Scope | None) -> list[tuple[int, int]]:
        """Sentence spans of the cleaned text inside ``scope`` (the part the model saw), else everywhere."""
        text = self.cleaned.text
        lo, hi = scope if scope is not None else (0, len(text))
        spans: list[tuple[int, int]] = []
        pos = lo
        while pos < hi:
            while pos < hi and text[pos].isspace():
                pos += 1
            if pos >= hi:
                break
            start, end = sentence_bounds(text, pos, min(pos + 1, hi))
            end = max(end, pos + 1)
            spans.append((max(start, lo), min(end, hi)))
            pos = end
        return spans

    def sentence_naming(self, name: str, scope: Scope | None = None) -> str | None:
        """A sentence that mentions ``name``: from the part the model saw if it has one, else from anywhere."""
        text = self.cleaned.text
        for area in ([scope] if scope is not None else []) + [None]:
            for start, end in self._sentences(area):
                if len(text[start:end]) >= MIN_QUOTE_CHARS and mentions(name, text, start, end):
                    return text[start:end][:MAX_QUOTE]
        return None

    def closest_sentence(self, quote: str, scope: Scope | None = None) -> str | None:
        """The sentence of the part that shares the most words with a quote that was not found."""
        text = self.cleaned.text
        candidates = [text[a:b] for a, b in self._sentences(scope) if b - a >= MIN_QUOTE_CHARS]
        if not candidates:
            return None
        best = max(candidates, key=lambda c: fuzz.token_set_ratio(quote, c))
        return best[:MAX_QUOTE] if fuzz.token_set_ratio(quote, best) >= 40 else None

    def _hint(self, name: str, scope: Scope | None) -> str:
        sentence = self.sentence_naming(name, scope)
        if sentence is None:
            return f"the article never names {name!r}: remove this item"
        return f"copy a sentence that names it, such as: {sentence}"

    def _not_found(self, item: Draft, scope: Scope | None) -> str:
        reason = "the quote does not occur in the article; copy it exactly, without translating it"
        if isinstance(item, (ActorDraft, WeaponDraft)):
            sentence = self.sentence_naming(item.name_as_written.strip(), scope) if item.name_as_written.strip() else None
        elif isinstance(item, DecisionDraft):
            sentence = self.sentence_naming(item.who.strip(), scope) if item.who.strip() else None
        else:
            sentence = self.closest_sentence(item.quote, scope)
        return f"{reason}, such as: {sentence}" if sentence else reason

    def check(self, item: Draft, scope: Scope | None = None) -> Evidence | str:
        """Evidence for the item, or the reason it is not supported (phrased for the model).

        ``scope`` is the span of the cleaned text the model was shown; hints prefer sentences from it."""
        if isinstance(item, DecisionDraft) and self.echoes_instructions(item.what):
            return "what repeats the instructions; say in one sentence what this decision was"
        if isinstance(item, QuestionDraft) and self.echoes_instructions(item.question):
            return "the question repeats the instructions; ask what the quoted sentence leaves open"
        quote = item.quote.strip()
        if len(quote) < MIN_QUOTE_CHARS:
            return f"the quote {quote!r} is too short to be evidence; quote the whole sentence"
        found = locate(quote, self.cleaned.text)
        if found is None:
            return self._not_found(item, scope)
        if isinstance(item, (ActorDraft, WeaponDraft)):
            name = item.name_as_written.strip()
            if not name or not mentions(name, self.cleaned.text, found.start, found.end):
                return f"the quote does not mention {name!r}; {self._hint(name, scope)}"
        if isinstance(item, DecisionDraft):
            who = item.who.strip()
            if not who or not mentions(who, self.cleaned.text, found.start, found.end):
                return f"the quote does not name who decided ({who!r}); {self._hint(who, scope)}"
        span = self.cleaned.to_original(found.start, found.end)
        if span is None:
            return "the quote runs across page chrome that is not part of the article"
        start, end = span
        return Evidence(
            quote=self.original[start:end],
            start=start,
            end=end,
            alignment=found.alignment,
            score=round(found.score, 1),
        )


Kind = Literal["actor", "decision", "weapon", "open_question"]
FIELD_KIND: dict[str, Kind] = {
    "actors": "actor",
    "decisions": "decision",
    "weapons": "weapon",
    "open_questions": "open_question",
}
