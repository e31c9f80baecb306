"""The reason a supplier gives for holding weapons back, its own stocks, found by the code (HAND-MADE sentences,
written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.dedupe import one_per_event
from summarize.briefing.stockpiles import stockpile_reasons
from summarize.models import Decision

from ..support.finders import actor, find, told

ACTORS = [actor("United States"), actor("Pentagon", "organisation"), actor("Ukraine"),
          actor("Donald Trump", "person"), actor("Joe Biden", "person")]


def _found(text: str, language: str = "en", decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(stockpile_reasons, text, ACTORS, decisions or [], language=language)]


def test_the_reason_is_the_halters_else_the_one_named_as_giving_it() -> None:
    text = ("The US temporarily suspended some arms deliveries to Ukraine, citing concerns that American stockpiles "
            "were running low. Als Grund nannte das Pentagon, dass die eigenen Bestände zu niedrig seien. "
            "Trump said the country must protect its dwindling inventories.")
    assert _found(text) == [("United States", "cited concerns about US weapons stockpiles"),
                            ("Pentagon", "cited concerns about its own weapons stockpiles"),
                            ("Donald Trump", "cited concerns about its own weapons stockpiles")]


def test_a_pronoun_subject_and_the_owner_of_the_stocks_give_it_when_no_one_is_named_as_giving_it() -> None:
    text = ("Trump sprach am Freitag. Er fügte hinzu, dass die USA auch auf ihre eigenen Lagerbestände achten müssten, "
            "da unter Biden alles erschöpft gewesen sei. Als Grund wurden Bedenken hinsichtlich der schwindenden "
            "US-Bestände genannt.")
    assert _found(text, "de") == [("Donald Trump", "cited concerns about US weapons stockpiles"),
                                  ("United States", "cited concerns about US weapons stockpiles")]


def test_stocks_said_to_be_sufficient_or_with_no_reason_or_already_reported_are_left_alone() -> None:
    assert _found("Officers said the Pentagon's stockpiles were sufficient for every mission.") == []
    assert _found("The Pentagon published its stockpiles on Monday.") == []  # no concern, no reason
    text = "The Pentagon paused shipments to Ukraine, citing low stockpiles."
    reported = told(text, "Pentagon", "paused shipments over low stockpiles")
    assert _found(text, decisions=[reported]) == []
    assert _found("The Pentagon paused shipments, citing low stockpiles.", language="fr") == []


def test_the_reason_is_a_position_apart_from_the_halt_on_its_sentence() -> None:
    text = "The US temporarily suspended some arms deliveries to Ukraine, citing concerns that American stockpiles were low."
    halt = told(text, "United States", "temporarily suspended some arms deliveries to Ukraine", status="paused")
    reason = find(stockpile_reasons, text, ACTORS, [halt], language="en")
    assert [d.what for d in one_per_event([halt, *reason])] == [halt.what, "cited concerns about US weapons stockpiles"]
