"""The kind of event a description reports (HAND-MADE descriptions)."""

from __future__ import annotations

from summarize.text.event_kinds import event_kind, same_kind


def test_a_call_for_something_and_a_productive_talk_are_no_call_and_no_production() -> None:
    assert event_kind("called Putin") == "call"
    assert event_kind("held a phone call with Vladimir Putin") == "call"
    assert event_kind("called for a ceasefire") == "request"  # a request, no call
    assert event_kind("calls on Europe to act") is None
    assert event_kind("described it as productive") is None
    assert event_kind("discussed joint production of drones") == "production"


def test_a_request_an_offer_and_a_stance_are_told_by_their_verb() -> None:
    assert event_kind("has been asking Washington to sell it more Patriot missiles") == "request"
    assert event_kind("said it urgently needs long-range Tomahawk missiles") == "request"
    assert event_kind("asked Putin to end the war") == "request"
    assert event_kind("proposed holding their summit in Budapest") == "offer"  # not the summit's meeting
    assert event_kind("had a “proposition” in which Ukraine could provide drones") == "offer"  # not a delivery
    assert event_kind("said he was very dissatisfied with the call with Vladimir Putin") == "stance"  # not the call
    assert event_kind("appeared hesitant to provide Ukraine with Tomahawk missiles") == "stance"
    assert event_kind("agreed to provide Ukraine with Tomahawk missiles") == "delivery"
    assert event_kind("voiced Moscow’s readiness to pursue talks with Kyiv") == "readiness"  # not the talks
    assert event_kind("expressed his readiness to meet Putin") == "readiness"  # not a meeting
    assert event_kind("said it was open to negotiations") == "readiness"


def test_a_talk_may_be_either_interaction() -> None:
    assert same_kind("talk", "call") and same_kind("meeting", "talk")
    assert not same_kind("call", "meeting") and not same_kind(None, "call")


def test_the_kind_is_the_main_clauses_not_that_of_a_context_after_it() -> None:
    assert event_kind("expected Trump to see it his way – a contrast to his meeting in February") is None
    assert event_kind("marked a shift in policy after criticising Biden for delivering weapons") is None
    assert event_kind("held a phone call with Zelensky and discussed air defence") == "call"
    assert event_kind("agreed on a personal meeting in Hungary") == "meeting"


def test_a_description_of_only_the_kind_and_who_is_told_apart() -> None:
    from summarize.text.event_kinds import only_who

    assert only_who("met Vladimir Putin") and only_who("held a phone call with Donald Trump and Volodymyr Zelensky")
    assert only_who("plans to meet Volodymyr Zelensky")
    assert not only_who("met Putin in Alaska without a result") and not only_who("met the defence ministers")


def test_a_warning_is_a_warning_whatever_it_warns_of() -> None:
    assert event_kind("warned about US weapons deliveries") == "warning"
    assert event_kind("has repeatedly warned that the stationing of the missiles would be a provocation") == "warning"
    assert event_kind("threatened to halt the shipments") == "warning"
    assert event_kind("held a phone call with Putin, who warned about Tomahawks") == "call"  # the call is the act
    assert event_kind("halted deliveries despite warnings") == "pause"


def test_a_delivery_said_not_to_happen_is_a_pause_not_a_delivery() -> None:
    assert event_kind("officially said that they would not deliver some promised air defence missiles") == "pause"
    assert event_kind("won't send more Patriot interceptors") == "pause"
    assert event_kind("will no longer supply shells") == "pause"
    assert event_kind("delivered some promised air defence missiles") == "delivery"
    assert event_kind("did not say when it would deliver the tanks") != "pause"  # what is denied is the saying


def test_one_list_of_words_before_a_verb_serves_every_pattern_of_a_verb() -> None:
    # BEFORE_VERB is shared by the warning here, the statements and refusals of summarize.digest.diverge and
    # the past reports of summarize.digest.held_open: each reads past the same auxiliaries and adverbs
    import re

    from summarize.text.event_kinds import BEFORE_VERB

    verb = re.compile("^" + BEFORE_VERB + "warned", re.IGNORECASE)
    for said in ("warned", "has warned", "Reportedly warned", "has once again warned", "had already warned",
                 "then later warned"):
        assert verb.match(said), said
    assert not verb.match("is warned") and not verb.match("was said to have warned")
    assert event_kind("reportedly threatened to halt the shipments") == "warning"


def test_met_is_a_meeting() -> None:
    assert event_kind("met with Donald Trump at the NATO summit") == "meeting"
    assert event_kind("had a meeting with Trump") == "meeting"
    assert event_kind("spoke with Putin on the phone") == "call"
    assert event_kind("metered the voltage") is None  # "met" is a word, not a prefix


def test_a_talk_may_be_a_call_or_a_meeting_but_a_call_is_no_meeting() -> None:
    from summarize.text.event_kinds import same_kind

    assert event_kind("talked with the companies in Washington") == "talk"
    assert event_kind("spoke with Putin on the phone") == "call"  # the phone says which
    assert same_kind("talk", "meeting") and same_kind("talk", "call") and same_kind("call", "call")
    assert not same_kind("call", "meeting") and not same_kind("talk", "pause") and not same_kind(None, "talk")


def test_a_call_or_meeting_called_off_is_a_cancellation() -> None:
    assert event_kind("called off the meeting with Vladimir Putin") == "cancellation"
    assert event_kind("cancelled the summit in Budapest") == "cancellation"
    assert event_kind("held a phone call with Vladimir Putin") == "call"
    assert event_kind("called on Russia to stop the attacks") != "call"
