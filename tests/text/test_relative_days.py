"""A day stated relative to the one a sentence before states (summarize/text/relative_days.py).

The texts are hand-made, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from summarize.text.relative_days import anchored_day, offset_of


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Bereits zwei Tage zuvor hatten die USA erklärt, dass sie nicht liefern.", -2),
        ("Nur einen Tag zuvor hatte Trump telefoniert.", -1),
        ("Drei Tage später unterzeichnete sie das Abkommen.", 3),
        ("Eine Woche danach kam die Absage.", 7),
        ("Am Vortag hatte der Kreml gewarnt.", -1),
        ("Tags darauf reiste er ab.", 1),
        ("Two days earlier, the Pentagon had paused the shipments.", -2),
        ("A day later the Kremlin confirmed the call.", 1),
        ("The following day, Zelensky flew to Washington.", 1),
        ("The day before, Trump had spoken with Putin.", -1),
    ],
)
def test_a_shift_from_what_was_just_said(sentence: str, days: int) -> None:
    assert offset_of(sentence)[0] == days


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump sagte am Vortag des Treffens, man brauche die Raketen selbst.",  # counted from the meeting
        "Two days before the summit, Orban prepared the venue.",  # counted from the summit
        "The day before the call, Russia attacked Kyiv.",
        "Zwei Tage zuvor und drei Tage später gab es Gespräche.",  # two shifts: which one dates it?
        "Vor zwei Tagen telefonierte Trump mit Putin.",  # relative to the article's own day, not a sentence
        "Die Tage zuvor waren ruhig.",  # no number of days
    ],
)
def test_no_shift(sentence: str) -> None:
    assert offset_of(sentence) is None


TEXT = (
    "Am 4. Juli 2025 äußerte sich Trump erstmals öffentlich zur Unterbrechung der Lieferungen. "
    "Er kritisierte die frühere Regierung.\n"
    "Bereits zwei Tage zuvor hatten die USA erklärt, dass sie einige Raketen nicht liefern werden."
)


def test_counted_from_the_nearest_sentence_before_that_states_a_day() -> None:
    day, stated = anchored_day(TEXT, TEXT.index("Bereits"))
    assert day == dt.date(2025, 7, 2)
    assert stated == "zwei Tage zuvor (2025-07-02)"


def test_nothing_without_a_day_before_it() -> None:
    text = "Trump telefonierte mit Selenskyj. Nur einen Tag später folgte ein Telefonat mit Putin."
    assert anchored_day(text, text.index("Nur")) is None


def test_a_weekday_before_it_needs_the_publication_date() -> None:
    text = "Am Freitag telefonierte Trump mit Selenskyj. Nur einen Tag zuvor hatte er mit Putin gesprochen."
    assert anchored_day(text, text.index("Nur")) is None
    day, _ = anchored_day(text, text.index("Nur"), published=dt.date(2025, 7, 5))  # a Saturday
    assert day == dt.date(2025, 7, 3)


def test_not_across_a_paragraph_break_or_too_far_back() -> None:
    apart = "Am 4. Juli 2025 sprach Trump.\n\nZwei Tage zuvor hatten die USA die Lieferungen gestoppt."
    assert anchored_day(apart, apart.index("Zwei")) is None
    far = "Am 4. Juli 2025 sprach Trump. Eins. Zwei. Drei. Zwei Tage zuvor hatten die USA gestoppt."
    assert anchored_day(far, far.index("Zwei Tage")) is None


def test_a_sentence_that_states_its_own_day_is_not_shifted() -> None:
    text = "Am 4. Juli 2025 sprach Trump. Zwei Tage zuvor, am 1. Juli 2025, hatten die USA gestoppt."
    assert anchored_day(text, text.index("Zwei")) is None


def test_a_subheading_between_them_is_passed_over_not_counted() -> None:
    text = ("Am 4. Juli 2025 telefonierte Trump mit Selenskyj. Es ging um Luftabwehr.\n"
            "Zeitpunkt wirft Fragen auf\n"
            "Der Zeitpunkt ist brisant. Nur einen Tag zuvor hatte Trump mit Putin gesprochen.")
    day, stated = anchored_day(text, text.index("Nur"))
    assert (day, stated) == (dt.date(2025, 7, 3), "einen Tag zuvor (2025-07-03)")
    # the same distance in sentences that narrate is too far back
    narrated = text.replace("Zeitpunkt wirft Fragen auf\n", "Der Zeitpunkt wirft Fragen auf.\n")
    assert anchored_day(narrated, narrated.index("Nur")) is None
