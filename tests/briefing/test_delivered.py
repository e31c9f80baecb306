"""Weapons of no kind whose deliveries or halt a decision reports (summarize.briefing.delivered), on HAND-MADE
decisions and weapons (not model output)."""

from __future__ import annotations

from summarize.briefing.delivered import delivered_weapons
from summarize.models import Decision, Evidence, Weapon


def _ev(quote: str, start: int = 0) -> list[Evidence]:
    return [Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=100)]


def _d(what: str, quote: str, status: str = "taken", start: int = 0) -> Decision:
    return Decision(who="Donald Trump", what=what, status=status, evidence=_ev(quote, start))  # type: ignore[arg-type]


def _w(name: str, status: str) -> Weapon:
    return Weapon(name=name, name_as_written=name, category=name, status=status, evidence=_ev(f"... {name} ..."))  # type: ignore[arg-type]


SEND = "Trump kündigte an, dass die USA der Ukraine zusätzliche Verteidigungswaffen liefern werden."
HALT = "The U.S. is halting some shipments of weapons to Ukraine amid concerns over its own stockpiles."


def test_weapons_of_no_kind_that_a_delivery_or_a_halt_names_are_one_item_with_its_status() -> None:
    [sent] = delivered_weapons([_d("announced that the US will deliver more weapons", SEND)], [])
    assert (sent.name, sent.name_as_written, sent.status) == ("weapons", "zusätzliche Verteidigungswaffen", "delivered")
    assert [e.quote for e in sent.evidence] == [SEND]
    [halted] = delivered_weapons([_d("paused weapons shipments", HALT, status="paused"),
                                  _d("halted some weapons shipments", HALT, status="paused"),  # the same sentence
                                  _d("said the halt of weapons is temporary", HALT, start=200)], [])
    assert (halted.name_as_written, halted.status) == ("weapons", "paused")
    assert [e.start for e in halted.evidence] == [0, 200]


def test_no_item_for_a_refusal_another_word_a_status_a_system_has_or_one_listed_already() -> None:
    refused = _d("declined to deliver Tomahawks", "Trump lehnte die Lieferung weiterer Waffen ab.", status="rejected")
    ceasefire = _d("paused the fighting", "Beide Seiten vereinbarten einen Waffenstillstand und eine Pause.")
    nuclear = _d("stopped deliveries", "Russland stoppte die Lieferung von Atomwaffen-Teilen.")
    assert delivered_weapons([refused, ceasefire, nuclear], []) == []
    halt = _d("paused weapons shipments", HALT, status="paused")
    assert delivered_weapons([halt], [_w("Patriot", "paused")]) == []  # the systems halted are named
    assert len(delivered_weapons([halt], [_w("Patriot", "delivered")])) == 1
    assert delivered_weapons([halt], [_w("weapons", "discussed")]) == []
