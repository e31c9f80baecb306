"""Topics of a call or meeting told in a sentence of their own, found by the code (HAND-MADE sentences, in the
shapes of held-out pages)."""

from __future__ import annotations

from summarize.briefing.topics import topics
from summarize.models import Decision, Weapon

from ..support.finders import find, sentence_evidence, told

WEAPONS = [Weapon(name="Tomahawk", name_as_written="Tomahawk", category="cruise missile", status="requested",
                  evidence=[sentence_evidence("Tomahawk")])]


def _call(text: str, n: int = 1) -> Decision:
    call = told(text, "Donald Trump", "held a phone call with Vladimir Putin", n=n)
    call.participants = ["Donald Trump", "Vladimir Putin"]
    return call


def _found(text: str, decisions: list[Decision], language: str) -> list[tuple[str, list[str], str]]:
    return [(d.who, d.participants, d.what) for d in find(topics, text, WEAPONS, decisions, language=language)]


def test_a_topic_told_after_the_call_is_discussed_by_its_sides() -> None:
    text = ("Trump telefonierte am Donnerstag zwei Stunden lang mit Putin. Das Gespräch sei sehr produktiv gewesen. "
            "Es sei dabei auch um die US-Handelsbeziehungen zu Russland nach einem Ende des Ukraine-Kriegs gegangen. "
            "Man habe auch über Tomahawk-Raketen gesprochen.")
    pair = ["Donald Trump", "Vladimir Putin"]
    assert _found(text, [_call(text)], "de") == [("Donald Trump", pair, "discussed trade"),
                                                 ("Donald Trump", pair, "discussed Tomahawk")]
    english = ("Trump held a phone call with Putin on Thursday. "
               "The two presidents focused on Ukraine's urgent need for air defense systems, particularly Patriots.")
    assert _found(english, [_call(english)], "en") == [
        ("Donald Trump", pair, "discussed Ukraine's urgent need for air defense systems")]


def test_no_topic_without_a_call_near_it_unknown_to_the_code_or_already_told() -> None:
    text = "Trump telefonierte mit Putin. Dann reiste er ab. Er aß zu Mittag. Er schlief. Es sei um den Handel gegangen."
    assert _found(text, [_call(text)], "de") == []  # the call is four sentences before
    assert _found("Es sei um den Handel gegangen.", [], "de") == []  # no call: who talked is no guess
    unknown = "Trump telefonierte mit Putin. Es sei um die Zukunft des Weltraums gegangen."
    assert _found(unknown, [_call(unknown)], "de") == []
    told_text = "Trump telefonierte mit Putin. Es sei um den Handel gegangen."
    assert _found(told_text, [_call(told_text), told(told_text, "Donald Trump", "talked trade", n=2)], "de") == []
