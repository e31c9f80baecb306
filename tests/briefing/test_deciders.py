"""Who decided (summarize/briefing/deciders.py), on HAND-MADE strings: a reported act made the act of the actor
the report names, the other side of a call or meeting, a description that says enough or was cut off, one that
names its own decider or is a speaker's words, and the briefing's names in English prose."""

from __future__ import annotations

from summarize.briefing.described import states_a_condition
from summarize.briefing.deciders import Canonical, deciders_are_actors, finished, informative, reported_act
from summarize.briefing.drafts import ActorDraft
from summarize.models import Actor, Decision, Evidence
from summarize.text.places import english_territories

from ..support.briefing_helpers import _decision, _ev


def _actors(*names: str) -> list[Actor]:
    return [Actor(name=n, name_as_written=n, kind="state" if n in ("United States", "Russia") else "person",
                  evidence=[Evidence(quote=n, start=0, end=len(n), alignment="exact", score=100.0)]) for n in names]


def test_a_reported_act_becomes_the_act_of_the_actor_the_report_names() -> None:
    # hand-made sentences in the form of wire reports (not from any article of the sets)
    actors = _actors("Donald Trump", "Volodymyr Zelensky", "United States", "Russia")
    text = "A newspaper reported that the U.S. halted shipments of artillery shells to Kyiv."
    halted = reported_act(_decision(text, text, "reported that the U. S. halted shipments of artillery shells",
                                    who="Volodymyr Zelensky"), actors)
    assert halted is not None and (halted.who, halted.what) == ("United States", "halted shipments of artillery shells")
    text = "A website reported that the call was short, and that Trump told Zelensky he would review the list."
    review = reported_act(_decision(text, text, "reported that the call was short and that Trump told Zelensky he "
                                    "would review the list", who="Volodymyr Zelensky",
                                    participants=["Volodymyr Zelensky", "Donald Trump"]), actors)
    assert review is not None and review.who == "Donald Trump"
    assert review.what == "told Zelensky he would review the list"
    assert review.participants == ["Donald Trump", "Volodymyr Zelensky"]


def test_a_reported_forecast_view_or_unnamed_subject_stays_words() -> None:
    actors = _actors("Donald Trump", "Volodymyr Zelensky", "Russia")
    text = "Zelensky said that Russia would attack again and that Trump was disappointed."
    for what in ("said that Russia would attack again",  # a forecast of someone else's act
                 "said that Trump was disappointed",  # a state, no act
                 "said that the army halted the advance"):  # a subject that is no actor of the briefing
        assert reported_act(_decision(text, text, what, who="Volodymyr Zelensky"), actors) is None, what
    # the subject must be named by the quote itself
    text = "Zelensky said that the shipments were halted."
    assert reported_act(_decision(text, text, "said that Trump halted shipments", who="Volodymyr Zelensky"),
                        actors) is None


def test_a_call_or_meeting_with_whom_says_enough_but_a_bare_verb_does_not() -> None:
    assert informative("telephoned Putin", ["Donald Trump", "Vladimir Putin"])
    assert informative("met Zelensky", ["Donald Trump", "Volodymyr Zelensky"])
    assert not informative("called Putin", ["Volodymyr Zelensky"])  # "called Putin a liar": not a call
    assert not informative("met", ["Donald Trump"]) and not informative("received Patriots", ["Ukraine"])


def test_a_description_stopped_before_quoted_words_is_completed_from_its_quote() -> None:
    # hand-made sentence: the model stopped where the sentence quotes words
    quote = 'After a call on Friday, the minister said he had agreed to work on raising the army\'s ability to "hold the line" as attacks grew.'
    assert (finished("agreed to work on raising the army's ability to ", ["Jane Doe"], quote)
            == 'agreed to work on raising the army\'s ability to "hold the line" as attacks grew')
    # words the quote does not hold, or that stop before no quotation mark, are cut back as before
    assert finished("agreed to work on raising the navy's ability to ", ["Jane Doe"], quote).endswith("to ")
    assert finished("agreed to work on raising the", ["Jane Doe"], quote) == "agreed to work on raising the"


CALL = "Trump telefonierte mit Putin, Selenskyj war nicht dabei."  # HAND-MADE


def test_the_other_side_the_description_and_the_quote_name_takes_part() -> None:
    actors = [Actor(name=n, name_as_written=w, kind="person", evidence=[_ev(CALL, w)])
              for n, w in (("Donald Trump", "Trump"), ("Vladimir Putin", "Putin"), ("Volodymyr Zelensky", "Selenskyj"))]
    call = _decision(CALL, CALL, "spoke with Putin on the phone without Selenskyj")
    deciders_are_actors([call], actors, CALL)
    assert call.participants == ["Donald Trump", "Vladimir Putin"]  # Selenskyj is named as left out


def test_an_organisation_is_the_other_side_of_a_meeting() -> None:
    text = "Selenskyj traf Vertreter der US-Rüstungsindustrie."  # HAND-MADE
    industry = Actor(name="US defence industry", name_as_written="US-Rüstungsindustrie", kind="organisation",
                     evidence=[_ev(text, text)])
    met = _decision(text, text, "met the US-Rüstungsindustrie about weapons", who="Volodymyr Zelensky")
    deciders_are_actors([met], [industry], text)
    assert met.participants == ["Volodymyr Zelensky", "US defence industry"]


def test_english_prose_names_countries_and_people_in_english() -> None:
    assert english_territories("agreed on a personal meeting in Ungarn") == "agreed on a personal meeting in Hungary"
    assert english_territories("Russland and Deutschland") == "Russia and Germany"
    assert english_territories("landed on Snake Island; Ukraine-Unterstützer") == "landed on Snake Island; Ukraine-Unterstützer"
    canonical = Canonical([ActorDraft(name_as_written="Wolodymyr Selenskyj", s=1, name="Volodymyr Zelensky", kind="person"),
                           ActorDraft(name_as_written="Lawrow", s=2, name="Sergei Lavrov", kind="person")])
    assert (canonical.in_text("asked Selenskyj to check Selenskyjs plan after Lawrow spoke; the Selenskyj-Plan")
            == "asked Zelensky to check Zelensky's plan after Lavrov spoke; the Selenskyj-Plan")


def test_a_state_addressing_itself_is_a_confused_decider() -> None:
    from summarize.briefing.deciders import names_own_decider

    def decision(who: str, what: str) -> Decision:
        return Decision(who=who, participants=[who], what=what, status="taken",
                        evidence=[Evidence(quote="x", start=0, end=1, alignment="exact", score=100.0)])

    assert names_own_decider(decision("United States", "warned the USA about a military escalation"))
    assert not names_own_decider(decision("United States", "warned Russia about sanctions"))
    assert not names_own_decider(decision("Ukraine", "pushed its partners to prioritise Ukraine in the queue"))


def test_a_pronoun_the_attribution_names_is_the_decider_and_a_regarded_role_is_no_decision() -> None:
    text = ("Orbán begann mit den Vorbereitungen, nachdem Swyrydenko abgereist war. "
            "Er werde dazu noch am Freitag mit Putin telefonieren, sagte Orban.")
    actors = [Actor(name=n, name_as_written=w, kind="person", evidence=[_ev(text, w)])
              for n, w in (("Viktor Orbán", "Orbán"), ("Vladimir Putin", "Putin"), ("Julia Swyrydenko", "Swyrydenko"))]
    call = _decision(text, "Er werde dazu noch am Freitag mit Putin telefonieren, sagte Orban.", "will call Putin on Friday",
                     who="Julia Swyrydenko", participants=["Julia Swyrydenko", "Vladimir Putin"])
    deciders_are_actors([call], actors, text)
    assert (call.who, call.participants) == ("Viktor Orbán", ["Viktor Orbán", "Vladimir Putin"])
    assert states_a_condition("was recognized as a long-term Trump ally")
    assert states_a_condition("is seen as the favourite") and not states_a_condition("was invited to visit")


def test_the_other_side_is_found_in_a_description_put_in_english() -> None:
    from summarize.briefing.deciders import _counterparts

    text = "Selenskyj traf Vertreter von US-Rüstungsunternehmen."
    industry = Actor(name="US defence industry", name_as_written="US-Rüstungsunternehmen", kind="organisation",
                     evidence=[Evidence(quote=text, start=0, end=len(text), alignment="exact", score=100.0)])
    met = Decision(who="Volodymyr Zelensky", participants=["Volodymyr Zelensky"],
                   what="met representatives of US defence companies", status="taken",
                   evidence=[Evidence(quote=text, start=0, end=len(text), alignment="exact", score=100.0)])
    assert _counterparts(met, [industry], text) == ["US defence industry"]


def test_a_description_that_is_a_speakers_words_is_no_act() -> None:
    from summarize.briefing.deciders import quotes_words

    for words in ("'They've already spoken'", "“We will see”", "very well informed", "not to mention the prospects",
                  "hope we’re going to get it stopped", "They've already spoken", "we agreed to meet"):
        assert quotes_words(words), words
    for act in ("agreed to meet Putin in Budapest", "held a phone call with Vladimir Putin", "will meet Zelensky",
                "announced 'Operation Eastern Shield'", "nominated Jane Doe as envoy", "hosted talks in Istanbul"):
        assert not quotes_words(act), act


def test_the_pronoun_after_a_speakers_verb_is_the_speaker_not_the_one_spoken_to_or_named_before() -> None:
    text = ("Pentagon-Sprecher Sean Parnell sprach von einer Anweisung. "
            "Trump sagte, er habe eine Überprüfung der Munitionsbestände angeordnet. "
            "Trump sagte Selenskyj am Freitag in einem Telefongespräch, er sei nicht für den Stopp verantwortlich. "
            "Trump said Selenskyj would not win.")  # HAND-MADE
    actors = [Actor(name=n, name_as_written=w, kind="person", evidence=[_ev(text, w)])
              for n, w in (("Donald Trump", "Trump"), ("Sean Parnell", "Sean Parnell"), ("Volodymyr Zelensky", "Selenskyj"))]
    review = _decision(text, "Trump sagte, er habe eine Überprüfung der Munitionsbestände angeordnet.",
                       "ordered a review of ammunition stocks", who="Sean Parnell")
    denial = _decision(text, "Trump sagte Selenskyj am Freitag in einem Telefongespräch, er sei nicht für den Stopp verantwortlich.",
                       "denied responsibility for the halt", who="Volodymyr Zelensky")
    other = _decision(text, "Trump said Selenskyj would not win.", "would not win", who="Volodymyr Zelensky")
    deciders_are_actors([review, denial, other], actors, text)
    assert review.who == denial.who == "Donald Trump"
    assert other.who == "Volodymyr Zelensky"  # no pronoun: the one named after the verb is the subject


def test_the_name_right_before_the_descriptions_verb_is_the_decider() -> None:
    """HAND-MADE: "... as Ukrainian President Volodymyr Zelenskiy prepared to visit Washington" is Zelensky's
    act though the model named Trump (a visit keeps its other side); two subjects ("Trump and Putin
    agreed"), a word that is no name before the verb ("the Russian leader initiated"), and the state's seat
    for the state ("The Kremlin confirmed" for Russia) leave the model's decider."""
    text = ("The announcement came as Ukrainian President Volodymyr Zelenskiy prepared to visit Washington. "
            "Trump and Russian President Vladimir Putin agreed to hold another summit. "
            "The Russian leader initiated the call. The Kremlin confirmed talks were planned. "
            "Putin had also warned against Tomahawks. Ushakov said so.")
    actors = [Actor(name=n, name_as_written=w, kind=k, evidence=[_ev(text, w)])
              for n, w, k in (("Donald Trump", "Trump", "person"), ("Volodymyr Zelensky", "Volodymyr Zelenskiy", "person"),
                              ("Vladimir Putin", "Vladimir Putin", "person"), ("Russia", "Russian", "state"),
                              ("Kremlin", "Kremlin", "organisation"), ("Yuri Ushakov", "Ushakov", "person"))]
    visit = _decision(text, "The announcement came as Ukrainian President Volodymyr Zelenskiy prepared to visit Washington.",
                      "prepared to visit Washington to ask for weapons")
    summit = _decision(text, "Trump and Russian President Vladimir Putin agreed to hold another summit.",
                       "agreed to hold another summit", participants=["Donald Trump", "Vladimir Putin"])
    initiated = _decision(text, "The Russian leader initiated the call.", "initiated the call with Putin", who="Yuri Ushakov")
    confirmed = _decision(text, "The Kremlin confirmed talks were planned.", "confirmed talks were planned", who="Russia")
    warned = _decision(text, "Putin had also warned against Tomahawks.", "warned against Tomahawks", who="Russia")
    deciders_are_actors([visit, summit, initiated, confirmed, warned], actors, text)
    assert (visit.who, visit.participants) == ("Volodymyr Zelensky", ["Volodymyr Zelensky", "Donald Trump"])
    assert (summit.who, summit.participants) == ("Donald Trump", ["Donald Trump", "Vladimir Putin"])
    assert initiated.who == "Yuri Ushakov" and confirmed.who == "Russia"
    assert (warned.who, warned.participants) == ("Vladimir Putin", ["Vladimir Putin"])  # an act of one: replaced


def test_a_description_cut_off_by_the_model_keeps_its_last_finished_clause() -> None:
    from summarize.briefing.deciders import finished, names_own_decider

    cut = ("discussed the matter in a two-hour phone call that Trump described as “productive,” with both sides "
           "confirming plans to meet in Budapest within the next two to ")
    assert finished(cut, ["Donald Trump"]) == "discussed the matter in a two-hour phone call that Trump described as “productive”"
    assert finished("discussed the matter in a phone call that Trump described as", ["Donald Trump"]) == \
        "discussed the matter in a phone call"
    assert finished("described the attack as", ["Donald Trump"]) == "described the attack as"  # nothing finished: dropped
    assert finished("agreed to send 1,600 missiles", ["Donald Trump"]) == "agreed to send 1,600 missiles"
    text = "The two leaders discussed the matter in a phone call."  # HAND-MADE
    told = _decision(text, text, "discussed the matter in a phone call that Trump described as “productive”")
    assert not names_own_decider(told)  # the relative clause's subject is no second decider
    assert names_own_decider(_decision(text, text, "had a conversation with Trump"))
