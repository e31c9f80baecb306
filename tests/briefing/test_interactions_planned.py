"""A meeting the model told as held that is still to come (summarize/briefing/interactions.py: ``unreported``,
``still_to_come``), on HAND-MADE strings. Kept apart from test_interactions.py, whose own ``_decision`` helper
takes other arguments than the shared one these tests call."""

from __future__ import annotations

from summarize.briefing.interactions import unreported as _unreported

from ..support.briefing_helpers import _decision


def test_a_meeting_the_code_finds_planned_is_planned_where_the_model_said_met() -> None:
    # HAND-MADE: "is scheduled to meet" is to come; the model wrote it as held
    text = "The call came a day before Volodymyr Zelensky is scheduled to meet with Donald Trump at the White House."
    both = ["Donald Trump", "Volodymyr Zelensky"]
    found = _decision(text, text, "plans to meet Volodymyr Zelensky", participants=both, status="announced")
    told = _decision(text, text, "met with Zelensky at the White House", participants=both)
    assert _unreported([found], [told]) == []
    assert (told.what, told.status) == ("plans to meet with Zelensky at the White House", "announced")
    # a meeting the code finds held leaves the model's words alone
    held = _decision(text, text, "met with Zelensky", participants=both)
    assert _unreported([_decision(text, text, "met Volodymyr Zelensky", participants=both)], [held]) == []
    assert held.what == "met with Zelensky"


def _after_still_to_come(sentence: str, what: str, participants: list[str]) -> tuple[str, str]:
    """(description, status) of a decision on ``sentence`` once interactions.still_to_come has read it."""
    from summarize.briefing.interactions import still_to_come

    decision = _decision(sentence, sentence, what, participants=participants)
    still_to_come([decision])
    return decision.what, decision.status


def test_a_meeting_whose_date_is_open_is_planned_unless_its_sentence_tells_one_held() -> None:
    """HAND-MADE: "met" of a sentence that says the meeting's date or place is still open is the plan; a
    sentence that tells a meeting held ("met in May") keeps "met"."""
    both = ["Donald Trump", "Vladimir Putin"]
    text = "However, no date has yet been confirmed for the meeting between Trump and Putin."
    assert _after_still_to_come(text, "met Vladimir Putin", both) == ("plans to meet Vladimir Putin", "announced")
    held = "They met in May; the date of the next meeting is unclear."
    assert _after_still_to_come(held, "met Vladimir Putin", both) == ("met Vladimir Putin", "taken")


def test_a_meeting_held_out_as_a_prospect_is_planned_one_held_stays_met() -> None:
    """HAND-MADE: "hatte ein Treffen mit Roe in Valen in Aussicht gestellt" holds the meeting out as a prospect:
    the model's "met" is the plan; "traf sich mit Roe" is a meeting held."""
    both = ["Jane Doe", "John Roe"]
    text = "Am Donnerstag hatte Präsidentin Jane Doe noch ein Treffen mit John Roe in Valen in Aussicht gestellt."
    assert _after_still_to_come(text, "met John Roe", both) == ("plans to meet John Roe", "announced")
    held = "Am Donnerstag traf sich Präsidentin Jane Doe in Valen mit John Roe."
    assert _after_still_to_come(held, "met John Roe", both) == ("met John Roe", "taken")
