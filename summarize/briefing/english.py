"""The English of a briefing of an article in another language: which fields the model left in the article's
language (wholly, or a few words: "did not attend the Gipfel"), the translation request that sends them back,
and what the briefing writes in English itself (places, the German words of news and weapons, a summary
sentence that still keeps such words). The output language is English; see :class:`EnglishFields`."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import replace
from typing import Any

from ..models import Actor, DroppedItem, OpenQuestion, Weapon
from ..text.places import english_places
from ..text.sentences import sentences
from . import prompts
from .call import PartResult
from .drafts import MAX_TRANSLATED, ActorDraft, DecisionDraft, Draft, QuestionDraft, WeaponDraft
from ..text.lexicon import not_in_english
from .slips import other_script, summary_in_latin
from .plausible import as_sentences, english_summary, english_terms, untranslated

_WORD = re.compile(r"[^\W\d_]+")


def foreign_role(role: str | None) -> bool:
    """A role the model left in German ("Ukraine-Unterstützer", "Bundeskanzlerin"): reads as German, or has
    a German letter (a role is a few English words, not a name)."""
    return bool(role) and (not_in_english(role) or any(c in "äöüÄÖÜß" for c in role))  # type: ignore[union-attr]


_PLACE_FIELDS = {"actors": "role", "decisions": "what", "weapons": "category", "open_questions": "question"}


def places_in_english(lists: dict[str, list], language: str) -> dict[str, list]:
    """The briefing's lists with the places their English fields name in ``language`` written in English
    (:func:`~summarize.text.places.english_places`); an item whose field has none is the same object."""
    def fixed(item: Any, name: str) -> Any:
        value = getattr(item, name)
        new = english_places(value, language)
        return item if new == value else item.model_copy(update={name: new})

    return {key: [fixed(item, _PLACE_FIELDS[key]) for item in items] for key, items in lists.items()}


def name_words(items: Iterable[Any]) -> frozenset[str]:
    """The casefolded words of the names (as given and as written) of the actors and weapons among ``items``
    (drafts or output items)."""
    return frozenset(w.casefold() for d in items if isinstance(d, (ActorDraft, WeaponDraft, Actor, Weapon))
                     for name in (d.name, d.name_as_written) for w in _WORD.findall(name))


def _free_text_field(draft: Draft) -> str | None:
    """The field of a draft the model writes in the output language and a translation may replace: a
    decision's description, a question."""
    return "what" if isinstance(draft, DecisionDraft) else "question" if isinstance(draft, QuestionDraft) else None


class EnglishFields:
    """The English fields of one article's briefing: ``text`` is its cleaned text, ``language`` the article's,
    ``lang`` the output language (nothing is asked again unless it is English)."""

    def __init__(self, text: str, language: str | None, lang: str) -> None:
        self.text, self.language, self.lang = text, language, lang
        self._words: frozenset[str] | None = None  # the cleaned text's words, casefolded (see untranslated)
        self._left: dict[str, list[str]] = {}  # an English text -> the words it kept from the article's language

    def untranslated(self, text: str | None, names: Container[str]) -> list[str]:
        """The words ``text`` kept from the article's language (:func:`~summarize.briefing.plausible.untranslated`;
        ``names``: the words of the names the drafts list), but for places the briefing writes in English itself
        ("Kiew": :func:`~summarize.text.places.english_places`), which need no translation request."""
        if self._words is None:
            self._words = frozenset(w.casefold() for w in _WORD.findall(self.text))
        return untranslated(english_places(text, self.language), self.language, self._words, names)

    def left_over(self, item: Any, names: Container[str]) -> DroppedItem | None:
        """``item`` listed as dropped when it is a question that keeps words of the article's language the
        translation request left as they were ("the investigation into the Nord Stream-Sprengung": a small model
        sent it back unchanged): half in either language, it reads as neither. Else None. A decision stays
        with such a word ("met his Amtskollege"): who did what is the briefing's record, its quote beside it."""
        if not isinstance(item, OpenQuestion) or not (left := self.untranslated(item.question, names)):
            return None
        return DroppedItem(kind="open_question", label=item.question[:120], evidence=item.evidence[0],
                           reason=f"it keeps words of the article's language ({', '.join(left)}) that its "
                                  f"translation left as they were")

    def foreign_texts(self, results: list[PartResult]) -> list[str]:
        """Descriptions and questions of grounded items that the model wrote in the article's language
        instead of English (:func:`~summarize.text.lexicon.not_in_english`), or in English with words
        of the article's language left in them (:meth:`untranslated`: "did not attend the Gipfel"), at most
        :data:`MAX_TRANSLATED`, each once: the translation request sends them back to be put in English."""
        if self.lang != "en":
            return []
        texts = [getattr(draft, name) for result in results for _, draft, _ in result.kept
                 if (name := _free_text_field(draft))]
        names = name_words(draft for result in results for _, draft, _ in result.kept)
        foreign = []
        for text in dict.fromkeys(t for t in texts if t):
            if not_in_english(text):
                foreign.append(text)
            elif left := self.untranslated(text, names):
                foreign.append(text)
                self._left[text] = left
        return foreign[:MAX_TRANSLATED]

    def translation_messages(self, texts: list[str]) -> list[dict[str, str]]:
        """The translation request of ``texts``; a text in English but for a few words says which (a small
        model sends "did not attend the Gipfel" back as it was, asked to translate it; told the word, it
        writes "did not attend the summit")."""
        language = prompts.language_name(self.language or "")
        numbered = "\n".join(f"{i}. {text}" + (f" (translate the {language} words: {', '.join(left)})"
                                                if (left := self._left.get(text)) else "")
                             for i, text in enumerate(texts, 1))
        return prompts.messages("translate", lang=self.lang, texts=numbered, count=len(texts))

    def translated(self, results: list[PartResult], english: dict[str, str]) -> list[PartResult]:
        """``results`` with each draft's foreign description or question replaced by its translation, when
        the translation reads as English and keeps fewer of the article's words (:meth:`untranslated`); the
        rest as they were."""
        names = name_words(draft for result in results for _, draft, _ in result.kept)

        def swap(draft: Draft) -> Draft:
            name = _free_text_field(draft)
            old = getattr(draft, name) if name else None
            new = english.get(old) if old else None
            if not new or not_in_english(new):
                return draft
            left = self.untranslated(new, names)
            if left and len(left) >= len(self.untranslated(old, names)):
                return draft  # the translation kept as many of the article's words: no better
            return draft.model_copy(update={name: new})

        return [replace(r, kept=[(field, swap(draft), ev) for field, draft, ev in r.kept]) for r in results]

    def finish(self, lists: dict[str, list], summary: str) -> tuple[dict[str, list], str]:
        """The lists and summary of an English briefing as the briefing writes them: a summary the model wrote
        in the article's language put together from its English sentences or the decisions
        (:func:`~summarize.briefing.plausible.english_summary`); for an article in another language, places
        in English (:func:`places_in_english`), the German words of news and weapons in the summary in English
        (:func:`~summarize.briefing.plausible.english_terms`), and a summary sentence that still keeps words of
        the article's language left out (:meth:`summary_in_english`); a sentence with a word of another script
        left out (:func:`~summarize.briefing.slips.summary_in_latin`)."""
        summary = english_summary(summary, lists["decisions"])
        if other_script(summary):  # "which Ukraine has said它亟": a sentence left out
            summary = " ".join(summary_in_latin(sentences(summary)))
        if self.language not in (None, "en"):  # "deliveries to Kiew": places as English names them
            lists, summary = places_in_english(lists, self.language), english_places(summary, self.language) or summary
            summary = self.summary_in_english(english_terms(summary), lists)
        return lists, summary

    def summary_in_english(self, summary: str, lists: dict[str, list]) -> str:
        """``summary`` without its sentences that keep words of the article's language ("The Verteidigungsminister
        is visiting Hegseth"): the summary is free text, not an item a quote grounds, and a sentence half in
        German reads as neither. When the lead sentence goes, the first decision leads, as a sentence ("Pete
        Hegseth stopped sending military aid to Ukraine."); with no sentence left, the first three decisions (as
        :func:`~summarize.briefing.plausible.english_summary` writes them). The translation request does not
        help here: asked and told the words, the model sent "US-Verteidigungsminister" and "Ukraine-Hilfe" back
        (tried on a held-out page)."""
        names = name_words([*lists["actors"], *lists["weapons"]])
        written = sentences(summary)
        kept = [sentence for sentence in written if not self.untranslated(sentence, names)]
        if len(kept) == len(written):
            return summary
        decisions = as_sentences(lists["decisions"][:3])
        if written[0] not in kept:  # the lead went: the first decision leads instead
            kept = [*decisions[:1], *kept] if kept else decisions
        return " ".join(kept) or summary
