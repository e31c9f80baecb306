"""Halts of deliveries the code finds (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.halted import halts
from summarize.models import Decision

from ..support.finders import actor, find, told

ACTORS = [actor("United States"), actor("Pentagon", "organisation"), actor("Ukraine"),
          actor("Pete Hegseth", "person"), actor("Donald Trump", "person")]


def _found(text: str, language: str, decisions: list[Decision] | None = None) -> list[tuple[str, str, str]]:
    found = find(halts, text, ACTORS, decisions or [], language=language)
    return [(d.who, d.what, d.status) for d in found]


def test_an_english_halt_is_its_subjects_or_its_nouns_owners_in_the_articles_words() -> None:
    text = ("The Pentagon has suspended deliveries of certain air defence missiles to Ukraine, officials said. "
            "Meanwhile, Kyiv criticized a US pause in some weapons deliveries, warning it would hurt its defence.")
    assert _found(text, "en") == [
        ("Pentagon", "suspended deliveries of certain air defence missiles", "paused"),
        ("United States", "paused some weapons deliveries", "paused"),
    ]
    assert _found("NBC News reported that Pete Hegseth had ordered a temporary halt to the supply of a range "
                  "of weapons and munitions to Ukraine.", "en") == [
        ("Pete Hegseth", "ordered a temporary halt to the supply of a range of weapons", "paused")]


def test_a_german_halt_in_each_slot_of_its_decider_is_told_in_the_codes_words() -> None:
    assert _found("Die USA hatten Anfang der Woche beschlossen, gewisse Waffenlieferungen an die Ukraine "
                  "auszusetzen, darunter Munition für die Flugabwehr.", "de") == [
        ("United States", "paused weapons deliveries to Ukraine", "paused")]
    assert _found("Mit einer überraschenden Entscheidung stoppten die USA am 2. Juli die nächste Waffenlieferung.",
                  "de") == [("United States", "paused weapons deliveries", "paused")]
    assert _found("Kiew reagierte empört, nachdem bekannt wurde, dass das Pentagon eine für die Ukraine bestimmte "
                  "Waffenlieferung zurückhält.", "de") == [("Pentagon", "paused weapons deliveries to Ukraine", "paused")]
    assert _found("Pentagon-Chef Pete Hegseth, ein früherer TV-Moderator, ordnete eigenmächtig die Aussetzung "
                  "wichtiger Waffenlieferungen an.", "de") == [
        ("Pete Hegseth", "ordered a pause in weapons deliveries", "paused")]
    assert _found("Die Pause des Pentagons in der letzten Woche betraf auch die Lieferungen wichtiger Waffen.",
                  "de") == [("Pentagon", "paused weapons deliveries", "paused")]
    # a clause with its verb at the end, "auf Eis gelegt" as "gestoppt"
    assert _found("Das kommt zu einem Zeitpunkt, an dem das Pentagon die Lieferung bestimmter Waffen an die Ukraine "
                  "kürzlich auf Eis gelegt hatte.", "de") == [("Pentagon", "paused weapons deliveries to Ukraine", "paused")]
    assert _found("Das kommt zu einem Zeitpunkt, an dem das Pentagon die Lieferung nicht auf Eis gelegt hatte.",
                  "de") == []


def test_no_halt_denied_lifted_of_the_recipient_or_of_no_deliveries() -> None:
    assert _found("Die USA haben die Waffenlieferungen an die Ukraine nicht gestoppt.", "de") == []
    assert _found("Trump hebt die Pause des Pentagons bei den Waffenlieferungen auf.", "de") == []
    assert _found("The US resumed deliveries a week after the Pentagon halted shipments of weapons.", "en") == []
    assert _found("Ukraine has halted shipments of weapons to the front in the south.", "en") == []
    assert _found("The United States has paused its talks with the Kremlin.", "en") == []  # no deliveries
    assert _found("The Pentagon has suspended deliveries of air defence missiles.", "fr") == []  # no patterns


def test_the_models_halt_stands_and_its_misread_halt_takes_the_codes_words() -> None:
    text = "Die USA hatten beschlossen, gewisse Waffenlieferungen an die Ukraine auszusetzen."
    misread = told(text, "United States", "decided to send weapons to Ukraine")
    assert _found(text, "de", [misread]) == []
    assert (misread.what, misread.status) == ("paused weapons deliveries to Ukraine", "paused")
    reported = told(text, "United States", "stopped arms deliveries")
    assert _found(text, "de", [reported]) == []
    assert reported.what == "stopped arms deliveries"


def test_a_deciders_halt_reported_on_another_sentence_is_not_found_again() -> None:
    text = ("Die USA stoppten letzte Woche ihre Waffenlieferungen an die Ukraine. "
            "Plötzlich stoppen die USA ihre Waffen- und Munitionslieferungen in die Ukraine.")
    assert _found(text, "de") == [("United States", "paused weapons deliveries to Ukraine", "paused")]


def test_a_halt_to_come_is_announced_and_an_institutions_own_decision_is_its_halt() -> None:
    assert _found("Trump spoke after an announcement last week that Washington would halt some shipments of "
                  "critical arms to Kyiv.", "en") == [
        ("United States", "announced it would halt some shipments of critical arms", "announced")]
    assert _found("The Pentagon on Wednesday came under criticism from lawmakers for its decision to halt sending "
                  "air defense missiles to Ukraine.", "en") == [("Pentagon", "halted sending air defense missiles", "paused")]
    assert _found("Trump stopped short of approving the request for more weapons.", "en") == []


def test_a_halt_told_on_a_sentence_that_only_names_it_moves_to_the_sentence_that_states_it() -> None:
    text = "The Pentagon has paused shipments of air defense missiles to Ukraine. The Pentagon’s freeze has alarmed lawmakers."
    named = told(text, "Pentagon", "froze military support", n=2)
    assert _found(text, "en", [named]) == []
    assert (named.what, named.status) == ("paused shipments of air defense missiles", "paused")
    assert [e.quote for e in named.evidence] == [
        "The Pentagon has paused shipments of air defense missiles to Ukraine.", "The Pentagon’s freeze has alarmed lawmakers."]
    # a halt its own sentence states stays as the model told it; a request that only says "stop" is no halt
    text = "Trump has paused shipments of weapons to Ukraine. Trump ordered the Pentagon to suspend the deliveries."
    ordered = told(text, "Donald Trump", "ordered the Pentagon to suspend the deliveries", n=2)
    assert _found(text, "en", [ordered]) == [] and ordered.what == "ordered the Pentagon to suspend the deliveries"
    text = "Trump has paused shipments of weapons to Ukraine. Trump urged both sides to stop where they are."
    urged = told(text, "Donald Trump", "urged both sides to stop where they are", n=2)
    assert _found(text, "en", [urged]) == [("Donald Trump", "paused shipments of weapons", "paused")]
    assert urged.what == "urged both sides to stop where they are"
