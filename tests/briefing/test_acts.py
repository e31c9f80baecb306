"""Acts an English sentence reports in its plainest shape, found by the code (HAND-MADE sentences, written after the
patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.acts import acts

from ..support.finders import actor, find, told

ACTORS = [actor("Ukraine"), actor("Volodymyr Zelensky", "person"), actor("Pete Hegseth", "person")]


def _found(text: str, language: str = "en", decisions: list | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(acts, text, ACTORS, decisions or [], language=language)]


def test_an_actor_opening_a_sentence_with_a_verb_of_an_act_is_its_act_in_the_articles_words() -> None:
    text = ("Ukrainian officials summoned a U.S. diplomat and warned the pause could embolden Russia. "
            "On Wednesday, U.S. Defense Secretary Pete Hegseth ordered the reassessment, officials said. "
            "President Volodymyr Zelenskyy vowed to boost domestic weapons production.")
    assert _found(text) == [
        ("Ukraine", "summoned a U.S. diplomat and warned the pause could embolden Russia"),  # by the adjective
        ("Pete Hegseth", "ordered the reassessment"),  # cut at the clause's end
        ("Volodymyr Zelensky", "vowed to boost domestic weapons production"),
    ]


def test_words_an_object_another_language_and_a_told_act_are_none() -> None:
    assert _found("Zelensky said the talks went well. Russia criticized Zelensky for the talks.") == []  # words; no actor
    assert _found("Selenskyj vowed to boost production.", language="de") == []
    text = "Zelensky vowed to boost domestic weapons production."
    assert _found(text, decisions=[told(text, "Volodymyr Zelensky", "pledged more production")]) == []
