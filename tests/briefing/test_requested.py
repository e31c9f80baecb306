"""Requests for weapons the code finds (HAND-MADE sentences, written after the patterns of real pages)."""

from __future__ import annotations

from summarize.briefing.requested import requests
from summarize.models import Decision, Weapon

from ..support.finders import actor as _actor, find, sentence_evidence as _evidence, told


def _weapon(name: str, written: str) -> Weapon:
    return Weapon(name=name, name_as_written=written, category="missile", status="requested", evidence=[_evidence(written)])


ACTORS = [_actor("Ukraine"), _actor("United States"), _actor("Volodymyr Zelensky", "person"), _actor("Donald Trump", "person")]
WEAPONS = [_weapon("Patriot", "Patriot missiles"), _weapon("Tomahawk", "Tomahawk-Marschflugkörpern")]


def _found(text: str, language: str = "en", decisions: list[Decision] | None = None,
           weapons: list[Weapon] = WEAPONS) -> list[tuple[str, str]]:
    found = find(requests, text, ACTORS, weapons, decisions or [], language=language)
    return [(d.who, d.what) for d in found]


def test_an_english_request_is_the_requesters_in_the_articles_words_up_to_what_is_said_of_the_weapon() -> None:
    text = ("Ukraine has been asking Washington to sell it more Patriot missiles and systems that it sees as key "
            "to defending its cities. Trump met Zelensky on Friday as Kyiv seeks to secure Patriot missiles, "
            "officials said. Zelensky arrived and tried to persuade Trump to arm Ukraine with Tomahawk missiles.")
    assert _found(text) == [
        ("Ukraine", "asked Washington to sell it more Patriot missiles and systems"),
        ("Ukraine", "sought to secure Patriot missiles"),
        ("Volodymyr Zelensky", "tried to persuade Trump to arm Ukraine with Tomahawk missiles"),
    ]


def test_a_german_request_is_told_in_the_codes_words() -> None:
    text = "Selenskyj erhofft sich von Trump die Freigabe für den Verkauf von US-Tomahawk-Marschflugkörpern."
    assert _found(text, "de") == [("Volodymyr Zelensky", "sought Tomahawk")]


def test_no_request_without_a_weapon_of_the_briefing_a_known_requester_or_when_denied() -> None:
    assert _found("Ukraine has asked Washington for more financial aid.") == []  # no weapon of the briefing
    assert _found("Reporters asked Trump whether he would send Patriot missiles.") == []  # no actor asks
    assert _found("Ukraine has not asked for Patriot missiles.") == []  # the pattern wants the verb after the name
    assert _found("Ukraine asked Washington not to cut its Patriot missiles.") == []  # denied in the clause
    assert _found("Ukraine has asked for Patriot missiles.", weapons=[]) == []
    assert _found("Ukraine has asked for Patriot missiles.", language="fr") == []


def test_a_sentence_the_model_reported_of_the_requester_is_left_to_it() -> None:
    text = "Ukraine has asked Washington for more Patriot missiles."
    reported = told(text, "Ukraine", "requested Patriot systems")
    assert _found(text, decisions=[reported]) == []
    assert _found(text) == [("Ukraine", "asked Washington for more Patriot missiles")]
    purpose = "Zelensky has repeatedly asked Trump for more Patriot missiles to protect Ukrainian cities."
    assert _found(purpose) == [("Volodymyr Zelensky", "asked Trump for more Patriot missiles")]


def test_an_english_requester_may_follow_the_weapon() -> None:
    text = ("Asked whether the US would supply more Patriot missiles to Ukraine, as requested by Zelensky, Trump "
            "said they would need them. Trump was hesitant to approve the sale of long-range Tomahawk missiles to "
            "Kyiv, which Ukraine has said it urgently needs. Trump would not send Patriot missiles, as requested "
            "by the mayor. Kyiv wants the Tomahawk missiles that Ukrainian officials say they desperately need. "
            "When Zelensky mentioned that Ukraine needs Tomahawk missiles, Trump changed the subject.")
    weapons = [*WEAPONS, _weapon("Tomahawk", "Tomahawk")]
    assert _found(text, weapons=weapons) == [("Volodymyr Zelensky", "asked for more Patriot missiles"),
                                             ("Ukraine", "said it urgently needs long-range Tomahawk missiles"),
                                             ("Ukraine", "said it desperately needs Tomahawk missiles"),
                                             ("Ukraine", "needs Tomahawk missiles")]
    assert _found(text, language="de", weapons=weapons) == []


def test_a_request_named_as_a_noun_is_its_owners() -> None:
    text = ("Trump stopped short of approving Ukraine’s request for Patriot missiles just a day before the talks. "
            "The mayor’s request for Patriot missiles was denied. Ukraine’s request for talks was heard.")
    assert _found(text) == [("Ukraine", "asked for Patriot missiles")]  # no actor; no weapon of the briefing



def test_a_request_told_as_the_purpose_of_a_journey_or_meeting_is_the_travellers() -> None:
    text = ("Ukrainian President Volodymyr Zelensky meets Donald Trump at the White House Friday to push the US leader "
            "for long-range Tomahawk missiles that can strike deep inside Russia.")  # after a real AFP lead
    meeting = told(text, "Volodymyr Zelensky", "met Donald Trump")  # the model's report of the meeting: another event
    assert _found(text, decisions=[meeting]) == [("Volodymyr Zelensky", "pushed the US leader for long-range Tomahawk missiles")]
    german = ("Der ukrainische Präsident Wolodymyr Selenskyj wird morgen im Weißen Haus erwartet, um Trumps Zustimmung "
              "für die Lieferung von Tomahawk-Marschflugkörpern nach Kiew einzuholen.")
    assert _found(german, "de") == [("Volodymyr Zelensky", "sought Tomahawk")]
    asked = told(german, "Volodymyr Zelensky", "sought approval for Tomahawk")  # the request reported: left to it
    assert _found(german, "de", decisions=[asked]) == []


def test_an_infinitive_after_a_verb_of_wanting_or_bidding_is_no_purpose() -> None:
    # HAND-MADE: the request is Kyiv's (its own pattern), not Trump's; what Trump told Zelensky to do is no request
    # of Trump's; "able to get" is no purpose
    assert _found("Trump met Zelensky as Kyiv seeks to secure Patriot missiles.") == [("Ukraine", "sought to secure Patriot missiles")]
    assert _found("Trump told Zelensky to ask Germany for Patriot missiles.") == []
    assert _found("Trump said he hoped to be able to get the war over without Tomahawk missiles.") == []
