"""Readiness for a step of the talks or of supply that the code finds (HAND-MADE sentences, in the shapes of
held-out pages)."""

from __future__ import annotations

from summarize.briefing.readiness import readiness
from summarize.models import Decision, Weapon

from ..support.finders import actor, find, sentence_evidence, told

ACTORS = [actor("Vladimir Putin", "person"), actor("Donald Trump", "person"), actor("Viktor Orbán", "person"),
          actor("Russia"), actor("Ukraine"), actor("Kremlin", "organisation")]
WEAPONS = [Weapon(name="Patriot", name_as_written="Patriot", category="air defence system", status="requested",
                  evidence=[sentence_evidence("Patriot")])]


def _found(text: str, language: str, decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    return [(d.who, d.what) for d in find(readiness, text, ACTORS, WEAPONS, decisions or [], language=language)]


def test_an_english_readiness_is_told_in_the_articles_words() -> None:
    text = ("Putin expressed Moscow's willingness to engage in negotiations, the Kremlin said. "
            "Hungarian Prime Minister Viktor Orbán confirmed the country's readiness to host the meeting. "
            "Russia remains open to talks with Kyiv.")
    assert _found(text, "en") == [
        ("Vladimir Putin", "expressed Moscow's willingness to engage in negotiations"),
        ("Viktor Orbán", "confirmed the country's readiness to host the meeting"),
        ("Russia", "remains open to talks with Kyiv"),
    ]


def test_a_german_readiness_is_told_in_the_codes_english_with_its_partner() -> None:
    text = ("Putin bekräftigte, dass Russland seine Ziele nicht aufgeben werde. "
            "Zugleich zeigte sich Putin demnach offen für eine Fortsetzung der Verhandlungen mit der Ukraine. "
            "Trump telefonierte am Donnerstag mit Putin. "
            "Gleichzeitig signalisierte er Bereitschaft für einen Waffenstillstand.")
    assert _found(text, "de") == [
        ("Vladimir Putin", "said it was open to further negotiations with Ukraine"),
        ("Donald Trump", "signalled readiness for a ceasefire"),  # "er": the first person named just before
    ]
    assert _found("So bekundete Trump im Juni 2025 die Bereitschaft, der Ukraine Patriot-Systeme zu liefern.", "de") == [
        ("Donald Trump", "signalled readiness for supplying Patriot")]


def test_no_readiness_for_nothing_named_denied_by_an_unknown_speaker_or_told_by_the_model() -> None:
    assert _found("Ukraine is ready to defend itself. Russia is not willing to negotiate.", "en") == []
    assert _found("Der Kreml zeigte sich nicht bereit zu Verhandlungen.", "de") == []
    assert _found("Analysten zeigten sich offen für Verhandlungen. Beobachter signalisierten Bereitschaft.", "de") == []
    text = "Der Kreml zeigte sich offen für Gespräche."
    assert _found(text, "de", [told(text, "Kremlin", "was open to talks")]) == []
    assert _found(text, "fr") == []
