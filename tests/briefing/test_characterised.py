"""Labels a speaker puts on a thing in quotation marks, found by the code (HAND-MADE sentences, in the shapes of
held-out pages)."""

from __future__ import annotations

from summarize.briefing.characterised import characterisations
from summarize.briefing.dedupe import one_per_event
from summarize.text.event_kinds import event_kind

from ..support.finders import actor, find, told

ACTORS = [actor("Volodymyr Zelensky", "person"), actor("Donald Trump", "person"), actor("Vladimir Putin", "person"),
          actor("Adam Smith", "person")]


def _found(text: str, language: str = "en", decisions: list | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(characterisations, text, ACTORS, decisions or [], language=language)]


def test_a_label_in_quotation_marks_is_its_speakers_position() -> None:
    assert _found("Zelensky called the attack “deliberately massive and cynical,” noting its timing.") == [
        ("Volodymyr Zelensky", "called the attack “deliberately massive and cynical”")]
    assert _found("Representative Adam Smith, the top Democrat on the committee, called the justification "
                  "“disingenuous,” and asked for a briefing.") == [("Adam Smith", "called the justification “disingenuous”")]
    # the thing labelled before the speaker's name
    assert _found("The call came a day after Trump spoke with Putin, a conversation Trump later described as "
                  "“very disappointing.”") == [("Donald Trump", "described the conversation as “very disappointing”")]


def test_no_label_without_quotation_marks_an_actor_an_english_article_or_where_the_speaker_has_a_decision() -> None:
    assert _found("Trump called Putin on Thursday.") == []  # a phone call, no label
    assert _found("Analysts called the attack “a turning point.”") == []
    assert _found("Selenskyj nannte den Angriff „zynisch“.", language="de") == []
    text = "Zelensky called the attack “cynical.”"
    assert _found(text, decisions=[told(text, "Volodymyr Zelensky", "condemned the attack")]) == []


def test_a_label_is_a_position_of_its_own_beside_the_call_or_attack_of_its_sentence() -> None:
    text = "Trump spoke with Putin, a conversation Trump later described as “very disappointing.”"
    assert event_kind("described the conversation as “very disappointing”") == "label"
    assert event_kind("called the attack “deliberately massive and cynical”") == "label"
    assert event_kind("spoke with Vladimir Putin") == "talk"
    call = told(text, "Donald Trump", "spoke with Vladimir Putin")
    label = told(text, "Donald Trump", "described the conversation as “very disappointing”")
    assert [d.what for d in one_per_event([call, label])] == [call.what, label.what]
