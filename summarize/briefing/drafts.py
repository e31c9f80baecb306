"""What the model is asked to fill: the drafts of one pass, bounded so a weak model cannot loop.

The model reads the article as numbered sentences (:mod:`.numbered`) and cites a sentence number for every
item instead of copying a quote; a small model writes a few digits instead of a 20-word quote (its time is
the tokens it writes). The drafts are small and bounded (``maxItems``, ``maxLength``) so a weak model under a
grammar cannot loop forever inside one list or string. Field order is generation order. What a pass asks
for is :data:`PASSES`; :func:`pass_model` builds its schema.
"""

from __future__ import annotations

from functools import lru_cache
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ..models import DecisionStatus, WeaponStatus
from ..text.lexicon import not_in_english

MAX_ACTORS = 12
MAX_DECISIONS = 8
MAX_WEAPONS = 6
MAX_QUESTIONS = 4
MAX_WHO = 4
MAX_WORDS = 80  # the anchor: a few words copied from the cited sentence, to find it when the number is off
DraftActorKind = Literal["person", "state", "organisation"]
MAX_SUMMARY_SENTENCES = 3
MAX_TEXT = 160  # a description's or a question's characters (a server that follows the schema stops there)
MAX_TRANSLATED = 12  # descriptions of one article sent back for translation at most
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
    what: str = Field(max_length=MAX_TEXT)
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
    question: str = Field(max_length=MAX_TEXT)


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


def _sentences_in_english(cls: type, sentences: list[str]) -> list[str]:
    """An English summary whose sentences read as German (a small model copies the article's lead) is
    re-asked once, with the numbers of those sentences: the model writes them again from the article it
    has just read, which a translation of the copied sentences alone does far worse ("enttäuscht" came
    back "excited")."""

    german = [str(n) for n, sentence in enumerate(sentences, 1) if not_in_english(sentence)]
    if german:
        which = f"sentence {german[0]} is" if len(german) == 1 else f"sentences {', '.join(german)} are"
        raise ValueError(f"{which} in the article's language, not in English: write every sentence of the summary "
                         "in English, in your own words")
    return sentences


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
    english = {"in_english": field_validator("sentences")(_sentences_in_english)} if key == "in_english" else None
    summary = create_model(
        "SummaryDraft", __base__=SummaryDraft, __validators__=english,  # type: ignore[arg-type]
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


Kind = Literal["actor", "decision", "weapon", "open_question"]
FIELD_KIND: dict[str, Kind] = {
    "actors": "actor",
    "decisions": "decision",
    "weapons": "weapon",
    "open_questions": "open_question",
}


class TranslationDraft(_Draft):
    texts: list[str] = Field(min_length=1, max_length=MAX_TRANSLATED)


@lru_cache(maxsize=None)
def translation_model(lang_name: str) -> type[TranslationDraft]:
    """The answer to a translation request: ``texts_in_english``, one per text sent (see ``models_for``)."""
    text = Annotated[str, Field(max_length=220)]
    return create_model("TranslationDraft", __base__=TranslationDraft,
                        texts=(list[text], Field(min_length=1, max_length=MAX_TRANSLATED, alias=f"texts_{lang_key(lang_name)}")))
