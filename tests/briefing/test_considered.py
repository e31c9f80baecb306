"""Acts weighed and not yet decided, found by the code (HAND-MADE sentences, written after the patterns of real
pages)."""

from __future__ import annotations

from summarize.briefing.considered import weighed_acts
from summarize.models import Decision

from ..support.finders import actor, find, told

ACTORS = [actor("Ukraine"), actor("Vladimir Putin", "person"), actor("Donald Trump", "person"), actor("Germany")]


def _found(text: str, language: str = "en", decisions: list[Decision] | None = None) -> list[tuple[str, str, str]]:
    found = find(weighed_acts, text, ACTORS, decisions or [], language=language)
    return [(d.who, d.what, d.status) for d in found]


def test_an_act_weighed_is_the_subjects_in_the_articles_words_up_to_its_clause_end() -> None:
    text = ("Trump has recently spoken of his disappointment with Putin and is considering giving missiles to Kyiv. "
            "Trump earlier this week said that he is considering sending missiles to Ukraine, as talks stalled. "
            "Germany is now weighing whether to buy air defence systems for Ukraine. "
            "The mayor is considering closing the bridge.")
    assert _found(text) == [
        ("Donald Trump", "considering giving missiles to Kyiv", "considered"),
        ("Donald Trump", "considering sending missiles to Ukraine", "considered"),
        ("Germany", "weighing whether to buy air defence systems for Ukraine", "considered"),
    ]


def test_another_s_weighing_a_german_text_and_a_reported_weighing_are_not_found() -> None:
    """A report of another's words between the name and the weighing makes it theirs; German articles are left
    to the model; a sentence whose weighed act the model reported keeps the model's."""
    assert _found("Trump said Putin is considering sending more troops.") == []
    assert _found("Trump, who is considering sending missiles, spoke to reporters.") == []
    assert _found("Trump is considering giving missiles to Kyiv.", language="de") == []
    text = "Trump is considering giving missiles to Kyiv."
    reported = told(text, "Donald Trump", "may give missiles to Kyiv", "considered")
    assert _found(text, decisions=[reported]) == []
    other = reported.model_copy(update={"what": "criticised Putin", "status": "taken"})
    assert _found(text, decisions=[other]) == [("Donald Trump", "considering giving missiles to Kyiv", "considered")]
