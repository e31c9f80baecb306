"""What the model is asked to fill (drafts), and the grounding check that runs inside validation.

The drafts are deliberately small and bounded (``maxItems``, ``maxLength``) so a weak model under a
grammar cannot loop forever inside one list or string. Field order is generation order: the name as
written, then the quote that must contain it, then the rest.

:class:`Grounder` turns a draft item into a located :class:`~summarize.models.Evidence` or a reason.
With ``context={"grounder": g, "strict": True}`` the :class:`PartDraft` validator raises on the first
answer's unsupported items, so instructor re-asks once with those reasons in the message.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from ..article.clean import CleanedText
from ..models import ActorKind, DecisionStatus, Evidence, WeaponStatus
from .ground import MIN_QUOTE_CHARS, locate, mentions

MAX_ACTORS = 10
MAX_DECISIONS = 6
MAX_WEAPONS = 5
MAX_QUESTIONS = 3


def _lower_enum(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


class ActorDraft(BaseModel):
    name_as_written: str = Field(max_length=80)
    quote: str = Field(max_length=400)
    name: str = Field(max_length=80)
    kind: ActorKind
    role: str | None = Field(default=None, max_length=120)

    @field_validator("kind", mode="before")
    @classmethod
    def _norm_kind(cls, v: Any) -> Any:
        return _lower_enum(v)


class DecisionDraft(BaseModel):
    who: str = Field(max_length=80)
    what: str = Field(max_length=200)
    status: DecisionStatus
    date: str | None = Field(default=None, max_length=40)
    quote: str = Field(max_length=400)

    @field_validator("status", mode="before")
    @classmethod
    def _norm_status(cls, v: Any) -> Any:
        return _lower_enum(v)


class WeaponDraft(BaseModel):
    name_as_written: str = Field(max_length=80)
    quote: str = Field(max_length=400)
    name: str = Field(max_length=60)
    category: str = Field(max_length=40)
    status: WeaponStatus

    @field_validator("status", mode="before")
    @classmethod
    def _norm_status(cls, v: Any) -> Any:
        return _lower_enum(v)


class QuestionDraft(BaseModel):
    question: str = Field(max_length=200)
    quote: str = Field(max_length=400)


Draft = ActorDraft | DecisionDraft | WeaponDraft | QuestionDraft


def label(item: Draft) -> str:
    if isinstance(item, (ActorDraft, WeaponDraft)):
        return item.name_as_written
    if isinstance(item, DecisionDraft):
        return f"{item.who}: {item.what}"
    return item.question


class PartDraft(BaseModel):
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
        ctx = info.context or {}
        grounder: Grounder | None = ctx.get("grounder")
        if grounder is None or not ctx.get("strict"):
            return self
        problems = []
        for field, i, item in self.items():
            result = grounder.check(item)
            if isinstance(result, str):
                problems.append(f"- {field}[{i}] ({label(item)!r}): {result}")
        if problems:
            raise ValueError(
                "these items are not supported by the article text:\n"
                + "\n".join(problems)
                + "\nFor each one, copy a sentence exactly from the article that supports it, or remove the item."
            )
        return self


class SummaryDraft(BaseModel):
    summary: str = Field(max_length=700)


class Grounder:
    """Locates quotes in the cleaned text the model saw and maps them to the original article text."""

    def __init__(self, original: str, cleaned: CleanedText) -> None:
        self.original = original
        self.cleaned = cleaned

    def check(self, item: Draft) -> Evidence | str:
        """Evidence for the item, or the reason it is not supported (phrased for the model)."""
        quote = item.quote.strip()
        if len(quote) < MIN_QUOTE_CHARS:
            return f"the quote {quote!r} is too short to be evidence; quote the whole sentence"
        found = locate(quote, self.cleaned.text)
        if found is None:
            return "the quote does not occur in the article; copy it exactly, without translating it"
        if isinstance(item, (ActorDraft, WeaponDraft)):
            name = item.name_as_written.strip()
            if not name or not mentions(name, self.cleaned.text, found.start, found.end):
                return f"the quote does not mention {name!r}; quote the sentence where the article names it"
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
