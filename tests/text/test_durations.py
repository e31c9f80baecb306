"""Lengths of time in German and English text (summarize/text/durations.py). The sentences are hand-made."""

from __future__ import annotations

import pytest

from summarize.text.durations import durations


@pytest.mark.parametrize(
    ("text", "minutes", "bound", "written"),
    [
        ("Dem ging ein mehr als zweistündiges Telefonat voraus.", 120, "at least", "mehr als zweistündiges"),
        ("following his two-hour phone call", 120, "", "two-hour"),
        ("telefonierte er zweieinhalb Stunden lang mit Putin", 150, "", "zweieinhalb Stunden"),
        ("Doch das zweieinhalbstündige Telefonat", 150, "", "zweieinhalbstündige"),
        ("In einem 40-minütigen Telefonat erörterten sie", 40, "", "40-minütigen"),
        ("the call lasted around 40 minutes", 40, "", "40 minutes"),
        ("after nearly three hours of talks", 180, "at most", "nearly three hours"),
        ("a two and a half hour meeting", 150, "", "two and a half hour"),
        ("the call lasted nearly two-and-a-half hours", 150, "at most", "nearly two-and-a-half hours"),
        ("a two-and-a-half-hour call", 150, "", "two-and-a-half-hour"),
        ("Das Gespräch dauerte eine Stunde.", 60, "", "eine Stunde"),
        ("2.5 hours of talks", 150, "", "2.5 hours"),
    ],
)
def test_a_length_of_time(text: str, minutes: float, bound: str, written: str) -> None:
    [found] = durations(text)
    assert (found.minutes, found.bound, found.text) == (minutes, bound, written)
    assert text[found.start : found.end] == written


@pytest.mark.parametrize(
    "text",
    [
        "Wenige Stunden nach dem Gespräch griff Russland an.",  # no number
        "Zwei Stunden später telefonierte er mit Selenskyj.",  # places something, measures nothing
        "two hours after the call, Russia attacked",
        "Vor zwei Stunden meldete die Agentur den Anruf.",
        "Im Jahr 2025 stieg die Zahl der Drohnen.",
        "Die Stundenpläne der Minister",
    ],
)
def test_no_length_of_time(text: str) -> None:
    assert durations(text) == ()


def test_an_approximation_is_the_same_length_a_bound_is_not() -> None:
    [about] = durations("the call lasted around 40 minutes")
    [exact] = durations("In einem 40-minütigen Telefonat")
    [more] = durations("ein mehr als 40-minütiges Telefonat")
    assert about.key == exact.key != more.key
