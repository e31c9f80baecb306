"""Preparations the code finds (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.prepared import preparations
from summarize.models import Decision

from ..support.finders import actor, find, told

ACTORS = [actor("Hungary"), actor("Russia"), actor("Kremlin", "organisation"), actor("Viktor Orbán", "person")]


def _found(text: str, language: str, decisions: list[Decision] | None = None) -> list[tuple[str, str, str]]:
    found = find(preparations, text, ACTORS, decisions or [], language=language)
    return [(d.who, d.what, d.status) for d in found]


def test_an_english_preparation_is_its_deciders_in_the_articles_words() -> None:
    text = ('The Kremlin welcomed the "frank" call and said it was immediately preparing for the summit. '
            "Hungary has already begun preparations to host the meeting, officials said.")
    assert _found(text, "en") == [("Kremlin", "was immediately preparing for the summit", "taken"),
                                  ("Hungary", "begun preparations to host the meeting", "taken")]


def test_a_german_preparation_begun_or_announced_is_told_in_the_codes_words() -> None:
    assert _found("Ungarn hat Orbán zufolge mit den Vorbereitungen für ein Treffen begonnen.", "de") == [
        ("Hungary", "began preparations for the meeting", "taken")]
    assert _found('Moskau werde "unverzüglich" mit den Vorbereitungen für den Gipfel beginnen, sagte der Berater.',
                  "de") == [("Russia", "will begin preparations for the summit", "announced")]


def test_no_preparation_denied_of_an_unknown_decider_or_one_the_model_reported() -> None:
    assert _found("Ungarn hat noch nicht mit den Vorbereitungen für das Treffen begonnen.", "de") == []
    assert _found("Officials have begun preparations for the summit.", "en") == []  # no actor of the briefing
    assert _found("Hungary began preparations for the summit.", "fr") == []
    text = "Hungary began preparations for the summit."
    reported = told(text, "Hungary", "prepared the summit")
    assert _found(text, "en", [reported]) == []
