"""Appeals for a political end the code finds (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.appeals import appeals
from summarize.models import Decision, Evidence, Weapon

from ..support.finders import actor, find, told

ACTORS = [actor("United States"), actor("Ukraine"), actor("Donald Trump", "person"), actor("Vladimir Putin", "person"),
          actor("Volodymyr Zelensky", "person")]
WEAPONS = [Weapon(name="Tomahawk", name_as_written="Tomahawk", category="missile", status="requested",
                  evidence=[Evidence(quote="Tomahawk", start=0, end=8, alignment="exact", score=100.0)])]


def _found(text: str, language: str, decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    found = find(appeals, text, ACTORS, WEAPONS, decisions or [], language=language)
    assert all(d.status == "taken" for d in found)
    return [(d.who, d.what) for d in found]


def test_an_english_appeal_is_told_in_the_articles_words_up_to_its_clause_end() -> None:
    text = ("Moscow said that while Trump repeatedly stressed the need for a swift peace in the conflict, its forces advance. "
            "Putin urged both sides to end the war, the Kremlin said. "
            "Trump called for more Tomahawk missiles. "
            "The talks went on despite U.S. calls for a ceasefire. "
            "Trump urged reporters to wait.")
    assert _found(text, "en") == [
        ("Donald Trump", "stressed the need for a swift peace in the conflict"),
        ("Vladimir Putin", "urged both sides to end the war"),
        # a weapon asked for is a request (requested.py); "U.S. calls": a noun; waiting: no political end
    ]


def test_a_german_appeal_in_each_slot_is_told_in_the_codes_words() -> None:
    text = ("Uschakow bestätigte, dass Trump erneut auf ein schnelles Kriegsende drängte. "
            "Selenskyj sprach mit Trump. Jetzt appelliert er an beide Seiten, den Krieg zu beenden. "
            "Putin forderte Verhandlungen ohne Vorbedingungen. "
            "Trump forderte nicht den Frieden.")
    assert _found(text, "de") == [
        ("Donald Trump", "pressed for a quick end to the war"),
        ("Volodymyr Zelensky", "appealed for an end to the war"),  # "er": the first person named before
        ("Vladimir Putin", "called for negotiations"),
    ]
    assert _found(text, "fr") == []


def test_a_sentence_the_model_reported_of_the_same_person_is_left_to_it() -> None:
    text = "Putin urged both sides to end the war."
    assert _found(text, "en", [told(text, "Vladimir Putin", "called for an end of the war")]) == []


def test_a_desire_reiterated_is_an_appeal_kept_apart_from_anothers_act_on_its_sentence() -> None:
    from summarize.briefing.dedupe import one_per_event

    text = ("Ushakov said President Trump reiterated his desire for a swift end to the fighting, while Putin expressed "
            "Moscow's willingness to engage in negotiations.")
    assert _found(text, "en") == [("Donald Trump", "reiterated his desire for a swift end to the fighting")]
    putin = told(text, "Vladimir Putin", "expressed Moscow's willingness to engage in negotiations")
    found = find(appeals, text, ACTORS, WEAPONS, [putin], language="en")
    assert [d.who for d in one_per_event([putin, *found])] == ["Vladimir Putin", "Donald Trump"]


def test_two_speakers_positions_on_one_sentence_stay_two() -> None:
    from summarize.briefing.dedupe import one_per_event

    text = ("On the conflict in Ukraine, Ushakov said Trump emphasized his push for a quick halt to the fighting, and "
            "Putin voiced Moscow’s readiness to pursue talks with Kyiv.")  # HAND-MADE, after an AP report
    trump = told(text, "Donald Trump", "emphasized quick halt to fighting")
    putin = told(text, "Vladimir Putin", "voiced Moscow’s readiness to pursue talks with Kyiv")
    assert [d.who for d in one_per_event([trump, putin])] == ["Donald Trump", "Vladimir Putin"]
    again = told(text, "Vladimir Putin", "signalled readiness for talks")  # one speaker's readiness told twice: one
    assert [d.what for d in one_per_event([putin, again])] == ["voiced Moscow’s readiness to pursue talks with Kyiv"]
