"""Warnings the code finds in German sentences, in the code's English (HAND-MADE sentences, in the shapes of
held-out pages)."""

from __future__ import annotations

from summarize.briefing.warned_de import german_warnings
from summarize.models import Decision, Weapon

from ..support.finders import actor, find, sentence_evidence, told

ACTORS = [actor("Vladimir Putin", "person"), actor("Donald Trump", "person"), actor("Kremlin", "organisation"),
          actor("Russia"), actor("United States"), actor("Ukraine"), actor("Dmitry Peskov", "person")]
WEAPONS = [Weapon(name="Tomahawk", name_as_written="Tomahawk", category="cruise missile", status="requested",
                  evidence=[sentence_evidence("Tomahawk")])]


def _found(text: str, decisions: list[Decision] | None = None) -> list[tuple[str, list[str], str]]:
    return [(d.who, d.participants, d.what) for d in find(german_warnings, text, ACTORS, WEAPONS, decisions or [], language="de")]


def test_a_warning_in_each_slot_of_its_speaker_says_what_it_is_against() -> None:
    assert _found("Der Kreml wiederholte Warnungen vor amerikanischen Tomahawk-Lieferungen an die Ukraine.") == [
        ("Kremlin", ["Kremlin"], "warned against deliveries of Tomahawk to Ukraine")]
    assert _found("Moskau hatte die USA eindringlich vor der Lieferung dieser Raketen gewarnt.") == [
        ("Russia", ["Russia", "United States"], "warned United States against deliveries")]
    assert _found("Kremlsprecher Dmitri Peskow warnte am Montag vor solch einer Lieferung.") == [
        ("Dmitry Peskov", ["Dmitry Peskov"], "warned against deliveries")]
    # inverted: the first name after the verb speaks, the next is warned
    assert _found("Zugleich warnte Putin Trump vor einer Eskalation.") == [
        ("Vladimir Putin", ["Vladimir Putin", "Donald Trump"], "warned Donald Trump of an escalation")]
    assert _found("Am Montag warnte Putin, eine Lieferung von Tomahawk-Raketen an die Ukraine würde alles zerstören.") == [
        ("Vladimir Putin", ["Vladimir Putin"], "warned against deliveries of Tomahawk to Ukraine")]


def test_no_warning_that_names_nothing_of_a_speaker_not_in_the_subject_slot_or_that_the_model_told() -> None:
    assert _found("Der Kreml warnte am Montag vor voreiligen Schlüssen.") == []  # nothing known: left to the model
    assert _found("Analysten warnten vor einer Eskalation.") == []  # no actor of the briefing
    english = find(german_warnings, "Der Kreml warnte vor der Lieferung von Tomahawks.", ACTORS, WEAPONS, [], language="en")
    assert english == []  # an English article's warnings are warned.py's
    # the one warned is no speaker: "der die Europäer warnte" has its subject elsewhere
    assert _found("Es war Trump, der die Ukraine warnte, keine Tomahawks zu erwarten.") == []
    text = "Der Kreml warnte vor der Lieferung von Tomahawks."
    assert _found(text, [told(text, "Kremlin", "warned about Tomahawk deliveries")]) == []
    assert _found(text, [told(text, "Donald Trump", "considered Tomahawk deliveries")]) == [
        ("Kremlin", ["Kremlin"], "warned against deliveries of Tomahawk")]
