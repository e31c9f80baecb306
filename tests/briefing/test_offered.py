"""Offers and proposals the code finds (HAND-MADE sentences, written after the patterns of real pages), and
their place among one sentence's decisions."""

from __future__ import annotations

from summarize.briefing.dedupe import one_per_event
from summarize.briefing.offered import offers
from summarize.models import Decision
from summarize.text.event_kinds import event_kind

from ..support.finders import actor, find, told as told_by

ACTORS = [actor("Ukraine"), actor("Volodymyr Zelensky", "person"), actor("Donald Trump", "person")]


def _found(text: str, language: str = "en", decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    found = find(offers, text, ACTORS, decisions or [], language=language)
    return [(d.who, d.what) for d in found]


def test_an_offer_is_the_speakers_in_the_articles_words_up_to_its_clause_end() -> None:
    text = ("Still, Zelensky said at the beginning of the talks he had a “proposition” in which Ukraine could provide "
            "the United States with drones, while Washington would give Kyiv missiles. "
            "Trump proposed holding their summit in Budapest as the talks ended. "
            "Zelensky in turn suggested that a trade-off deal can be reached. "
            "Trump suggested that both sides are eager to explore new terms. "
            "The mayor proposed a parade through the city.")
    assert _found(text) == [
        ("Volodymyr Zelensky", "had a “proposition” in which Ukraine could provide the United States with drones"),
        ("Donald Trump", "proposed holding their summit in Budapest"),
        ("Volodymyr Zelensky", "suggested that a trade-off deal can be reached"),
        # "suggested that both sides are eager": a view, no deal; "The mayor": no actor of the briefing
    ]
    assert _found(text, language="de") == []


def test_an_offer_the_model_told_is_left_to_it_and_another_act_on_its_sentence_stays_apart() -> None:
    text = "Trump proposed holding their summit in Budapest, and Zelensky met Trump at the White House."
    told = told_by(text, "Donald Trump", "offered Budapest as venue")
    assert _found(text, decisions=[told]) == []
    met = told.model_copy(update={"what": "met Volodymyr Zelensky at the White House"})
    [offer] = find(offers, text, ACTORS, [met], language="en")
    assert event_kind(offer.what) == "offer" and event_kind(met.what) == "meeting"
    # an offer, a request and a stance are acts of their own beside another act of their sentence
    need = told_by(text, "Ukraine", "said it desperately needs long-range Tomahawk missiles")
    assert event_kind(need.what) == "request"
    assert [d.what for d in one_per_event([met, offer, need])] == [met.what, offer.what, need.what]
