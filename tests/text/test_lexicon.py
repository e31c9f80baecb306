"""The word lists of summarize/text/lexicon.py: what reads as German in an English field (HAND-MADE strings)."""

from __future__ import annotations

from summarize.text.lexicon import not_in_english


def test_german_verbs_and_question_words_are_german() -> None:
    assert not_in_english("Was sagte Donald Trump zu Putin?")
    assert not_in_english("Wann wird die Lieferung kommen?")
    assert not not_in_english("Will the war end before the winter?")  # "war" is English too
    assert not not_in_english("What did Trump say about the sanctions?")
