"""A weapon's status read off its cited sentence (summarize/briefing/weapon_status.py).

The sentences are hand-made, in the shapes of news copy (German and English); none is taken from a seed.
"""

from __future__ import annotations

import pytest

from summarize.briefing.weapon_status import status_in, weapon_status
from summarize.models import Evidence, Weapon


@pytest.mark.parametrize(("sentence", "written", "status"), [
    ("Das Verteidigungsministerium hat die Lieferung von Patriot-Raketen vorerst ausgesetzt.", "Patriot", "paused"),
    ("Washington stoppte die Lieferung der Stinger-Raketen.", "Stinger", "paused"),  # inside a word: "stoppte"
    ("Nach dem Waffenlieferstopp fehlen der Armee IRIS-T-Systeme.", "IRIS-T", "paused"),  # a compound
    ("The administration is holding back HIMARS launchers promised in May.", "HIMARS", "paused"),
    ("Kyiv has repeatedly asked its allies for more Patriot batteries.", "Patriot", "requested"),
    ("Die Regierung fordert seit Wochen Taurus-Marschflugkörper.", "Taurus", "requested"),
    ("Overnight the army launched dozens of drones at the port.", "drones", "used"),
    ("In der Nacht gab es erneut schwere Drohnenangriffe auf die Hauptstadt.", "Drohnen", "used"),
    ("Im Mai wurden zwölf Leopard-Panzer geliefert.", "Leopard", "delivered"),
    ("Die Regierung hat keine Leopard-Panzer geliefert und will sie nicht liefern.", "Leopard", "paused"),
    ("Bisher wurden keinerlei Taurus-Marschflugkörper geliefert.", "Taurus", "paused"),  # every form of "kein"
    ("Berlin hat niemals IRIS-T-Systeme geliefert.", "IRIS-T", "paused"),
])
def test_the_cue_of_the_sentence_gives_the_status(sentence: str, written: str, status: str) -> None:
    assert status_in(sentence, written) == status


def test_the_cue_nearest_the_weapons_name_decides() -> None:
    sentence = "After the drone attack on Odesa, the mayor asked for more air defence systems."
    assert status_in(sentence, "drone") == "used"
    assert status_in(sentence, "air defence") == "requested"


def test_words_that_tell_of_people_or_of_the_weapon_itself_are_no_cue() -> None:
    assert status_in("Der Präsident wurde in Washington empfangen, die Tomahawks blieben Thema.", "Tomahawks") is None
    assert status_in("Zelensky arrived in Washington to talk about Tomahawk missiles.", "Tomahawk") is None
    assert status_in("Trump zeigte sich zurückhaltend beim Thema Tomahawk.", "Tomahawk") is None  # reluctant, no pause
    assert status_in("Angriffsdrohnen dieses Typs fliegen bis zu 2.000 Kilometer.", "Angriffsdrohnen") is None


def _weapon(status: str, *quotes: str) -> Weapon:
    evidence = [Evidence(quote=q, start=n * 100, end=n * 100 + len(q), alignment="exact", score=100.0)
                for n, q in enumerate(quotes)]
    return Weapon(name="Patriot", name_as_written="Patriot", category="air defence", status=status,  # type: ignore[arg-type]
                  evidence=evidence)


def test_without_a_cue_a_delivery_the_text_does_not_state_is_only_discussed() -> None:
    plain = "Das Patriot-System hat eine Reichweite von bis zu 160 Kilometern."
    assert weapon_status(_weapon("delivered", plain)) == "discussed"
    assert weapon_status(_weapon("other", plain)) == "discussed"
    assert weapon_status(_weapon("requested", plain)) == "requested"  # the model's, where no word contradicts it
    # the first quote with a cue decides
    asked = "Kiew bittet um weitere Patriot-Systeme."
    assert weapon_status(_weapon("delivered", plain, asked)) == "requested"
