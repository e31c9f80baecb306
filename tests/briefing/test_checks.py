"""Promises to check what was held back, found by the code in German sentences (HAND-MADE sentences, written
after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.checks import checks
from summarize.models import Decision

from ..support.finders import actor, find, told

ACTORS = [actor("Donald Trump", "person"), actor("Volodymyr Zelensky", "person"), actor("Ukraine")]


def _found(text: str, language: str = "de", decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(checks, text, ACTORS, decisions or [], language=language)]


def test_a_promise_to_check_what_was_held_back_is_the_subjects_in_the_codes_words() -> None:
    assert _found("Donald Trump habe Volodymyr Zelensky zugesagt, zu prüfen, welche Waffen derzeit zurückgehalten "
                  "würden.") == [("Donald Trump", "promised to check which weapons were held back")]
    assert _found("Insider berichteten, dass das Gespräch 40 Minuten dauerte und Donald Trump zugesagt habe zu prüfen, "
                  "ob Waffenlieferungen verzögert wurden.") == [
        ("Donald Trump", "promised to check which weapons were held back")]
    assert _found("Donald Trump sagte, er wolle helfen und werde prüfen, was zurückgehalten wurde.") == [
        ("Donald Trump", "promised to check which weapons were held back")]


def test_no_check_of_nothing_held_back_denied_in_english_or_told_by_the_model() -> None:
    assert _found("Donald Trump habe zugesagt, zu prüfen, ob ein Treffen möglich sei.") == []
    assert _found("Donald Trump habe nicht zugesagt, zu prüfen, welche Waffen zurückgehalten würden.") == []
    assert _found("Donald Trump habe zugesagt, zu prüfen, welche Waffen zurückgehalten würden.", language="en") == []
    text = "Donald Trump habe zugesagt, zu prüfen, welche Waffen zurückgehalten würden."
    reported = told(text, "Donald Trump", "will review the weapons on hold", "announced")
    assert _found(text, decisions=[reported]) == []


def test_a_check_the_model_told_as_something_else_takes_the_codes_words() -> None:
    """HAND-MADE: "requested Zelensky to check which weapons would be returned" of "habe ... zugesagt, zu
    prüfen": the model turned the promise round; its decision takes the promise's description (in place)."""
    text = "Donald Trump habe Volodymyr Zelensky zugesagt, zu prüfen, welche Waffen zurückgehalten würden."
    misread = told(text, "Donald Trump", "requested Zelensky to check which weapons would be returned")
    assert _found(text, decisions=[misread]) == []
    assert (misread.what, misread.status) == ("promised to check which weapons were held back", "announced")

