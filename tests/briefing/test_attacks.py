"""Military attacks a state launches, found by the code (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.attacks import attacks
from summarize.briefing.dedupe import one_per_event
from summarize.models import Decision
from summarize.text.event_kinds import event_kind

from ..support.finders import actor, find, told

ACTORS = [actor("Russia"), actor("Ukraine"), actor("Donald Trump", "person"), actor("Vladimir Putin", "person")]


def _found(text: str, decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(attacks, text, ACTORS, decisions or [])]


def test_a_state_in_the_slot_of_a_verb_of_attack_launched_one() -> None:
    text = ("Russia launched one of its largest aerial assaults, firing 550 missiles and drones at Kyiv. "
            "Moscow's forces pummelled Kyiv overnight. "
            "Wenige Stunden danach startete Russland in der Nacht zum 4. Juli den bislang schwersten Drohnenangriff. "
            "Zugleich hat Russland die Ukraine kurz nach dem Telefonat mit neuen Angriffen heimgesucht.")
    assert _found(text) == [("Russia", "launched an attack"),
                            ("Russia", "launched an attack on Ukraine"),  # Kyiv: Ukraine, by the alias table
                            ("Russia", "launched an attack"),  # a date's point does not end the sentence
                            ("Russia", "launched an attack on Ukraine")]  # its object


def test_a_launch_without_an_attack_an_attack_named_by_its_adjective_and_a_told_attack_are_none() -> None:
    text = ("Russia launched a review of its defence policy. "  # no attack, drone or missile
            "The decision comes amid escalating Russian attacks. "  # the background, not a report
            "Trump hat die Ukraine besucht.")  # not a state, and no attack
    assert _found(text) == []
    attack = "Russia launched its largest drone attack on Kyiv."
    assert _found(attack, [told(attack, "Ukraine", "said Russia attacked Kyiv with drones")]) == []  # told already


def test_an_attack_is_its_own_event_beside_the_call_of_its_sentence() -> None:
    text = "During Trump's call with Putin, Russia launched one of its largest aerial assaults."
    call = told(text, "Donald Trump", "held a phone call with Vladimir Putin")
    found = find(attacks, text, ACTORS, [call])
    assert event_kind(found[0].what) == "attack"
    assert [d.what for d in one_per_event([call, *found])] == [call.what, "launched an attack"]


def test_a_label_in_a_description_is_no_call() -> None:
    assert event_kind("called the strikes “massive and cynical”") == "label"  # a position, not a call
    assert event_kind("called Putin on Monday") == "call"
