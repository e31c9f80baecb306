"""Verdicts on progress the code finds (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.dedupe import one_per_event
from summarize.briefing.progress import progress
from summarize.models import Decision
from summarize.text.event_kinds import event_kind

from ..support.finders import actor, find, told

ACTORS = [actor("Donald Trump", "person"), actor("Vladimir Putin", "person"), actor("Volodymyr Zelensky", "person")]


def _found(text: str, decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(progress, text, ACTORS, decisions or [])]


def test_a_verdict_on_progress_is_its_speakers_in_the_codes_words() -> None:
    text = ('President Donald Trump says he "didn\'t make any progress" in his call Thursday with Putin. '
            "Trump sprach von einem großen Fortschritt bei den Verhandlungen. "
            "Zelensky said progress in the Middle East could help. "
            "Trump räumte ein, dass es keinerlei Fortschritte gebe.")
    assert _found(text) == [
        ("Donald Trump", "said the call made no progress"),
        ("Donald Trump", "said great progress was made"),
        # progress named without a verdict is none
        ("Donald Trump", "said there was no progress"),
    ]


def test_a_verdict_in_the_first_person_is_its_named_speakers_else_left() -> None:
    text = "Trump spoke with Putin. “I believe great progress was made with today’s telephone conversation.”"
    assert _found(text) == []  # no one named as its speaker
    after = "“The call was long. I believe great progress was made with today’s call,” added Trump."
    before = ('"We had a long call," Trump declared on Thursday. "I didn\'t make any progress with him [Putin] today," he said.')
    assert _found(after) == [("Donald Trump", "said the call brought great progress")]
    assert _found(before) == [("Donald Trump", "said there was no progress")]  # not Putin, named in brackets


def test_the_same_verdict_told_twice_is_one_decision_with_both_sentences() -> None:
    text = 'Trump nach Telefonat mit Putin: "Ein großer Fortschritt". Trump sprach von großem Fortschritt beim Telefonat.'
    found = find(progress, text, ACTORS, [])
    assert [(d.who, d.what, len(d.evidence)) for d in found] == [("Donald Trump", "said the call brought great progress", 2)]


def test_a_verdict_told_already_stays_and_one_beside_a_call_is_its_own() -> None:
    text = "Trump said he made no progress in the call with Putin."
    assert _found(text, [told(text, "Donald Trump", "said he made no progress")]) == []
    call = told(text, "Donald Trump", "held a phone call with Vladimir Putin")
    found = find(progress, text, ACTORS, [call])
    assert event_kind(found[0].what) == "verdict"
    assert [d.what for d in one_per_event([call, *found])] == [call.what, "said the call made no progress"]
