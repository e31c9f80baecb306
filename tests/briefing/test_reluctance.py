"""Weapons a supplier holds back, found by the code (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.reluctance import reluctance
from summarize.models import Decision, Weapon

from ..support.finders import actor, find, sentence_evidence, told

ACTORS = [actor("Donald Trump", "person"), actor("Vladimir Putin", "person"), actor("Volodymyr Zelensky", "person")]
WEAPONS = [Weapon(name="Tomahawk", name_as_written="Tomahawks", category="missile", status="requested",
                  evidence=[sentence_evidence("Tomahawk")]),
           Weapon(name="Patriot", name_as_written="Patriot", category="air defence", status="requested",
                  evidence=[sentence_evidence("Patriot")])]


def _found(text: str, decisions: list[Decision] | None = None) -> list[tuple[str, str, int]]:
    found = find(reluctance, text, ACTORS, WEAPONS, decisions or [])
    return [(d.who, d.what, len(d.evidence)) for d in found]


def test_the_suppliers_own_need_the_hope_of_not_needing_them_and_a_refusal_are_held_back_weapons() -> None:
    text = ('"We need Tomahawks for the United States of America too," Trump said. '
            "Zelensky asked for Patriot. "
            "Trump sagte am Freitag: „Wir brauchen sie selbst.“ "
            "“Hopefully we’ll be able to get the war over without thinking about Tomahawks,” Trump told reporters.")
    assert _found(text) == [
        ("Donald Trump", "expressed reluctance to give up Tomahawk, saying they are needed at home", 1),
        # "sie": the weapon named last before it
        ("Donald Trump", "expressed reluctance to give up Patriot, saying they are needed at home", 1),
        ("Donald Trump", "hopes to end the war without Tomahawk", 1),
    ]
    german = "Trump will die Tomahawks nicht abgeben, berichtete die Zeitung. Putin lobte das."
    assert _found(german) == [("Donald Trump", "will not give up Tomahawk", 1)]


def test_a_recipients_need_a_need_without_a_hope_and_an_unknown_speaker_are_none() -> None:
    text = ('"We also need Patriot," Zelensky said. '  # a need "too" is no reason to hold back
            "Ukraine wants to win without using Tomahawks. "  # no hope told
            '"We need Tomahawks for ourselves," a spokesman said.')  # no person of the briefing
    assert _found(text) == []


def test_the_same_reason_told_twice_is_one_decision_and_the_models_own_reading_stands() -> None:
    text = ("“Hopefully they won’t need Tomahawks,” Trump told reporters. "
            "“We’d much rather have them not need Tomahawks,” Trump added.")
    assert _found(text) == [("Donald Trump", "hopes to end the war without Tomahawk", 2)]
    model = told(text, "Donald Trump", "said Ukraine may not need Tomahawk")
    assert _found(text, [model]) == [("Donald Trump", "hopes to end the war without Tomahawk", 1)]  # only the second
