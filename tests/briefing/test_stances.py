"""Feelings stated in public that the code finds (HAND-MADE sentences), and their place among one article's
decisions."""

from __future__ import annotations

from summarize.briefing.dedupe import one_per_event
from summarize.briefing.stances import stances, states_a_stance
from summarize.briefing.numbered import Sentences
from summarize.models import Actor, Decision, Weapon
from summarize.text.event_kinds import event_kind

from ..support.finders import actor, find, sentence_evidence

ACTORS = [actor("Donald Trump", "person"), actor("Vladimir Putin", "person"), actor("Volodymyr Zelensky", "person")]


def _found(text: str, language: str, decisions: list[Decision] | None = None,
           actors: list[Actor] = ACTORS) -> list[tuple[str, str, int]]:
    found = find(stances, text, actors, [], decisions or [], language=language)
    return [(d.who, d.what, Sentences.of(text).starts.index(d.evidence[0].start) + 1) for d in found]


def test_a_feeling_stated_in_english_is_the_speakers_in_the_articles_words() -> None:
    text = ("Donald Trump said he was very disappointed with the call with Putin, adding that nothing moved. "
            "Trump told reporters on Friday that he had a good call with Zelensky and restated his disappointment at "
            "a conversation with Vladimir Putin. "
            "Trump said Putin was disappointed. "
            'Vladimir Putin said he was "not happy" with the talks and that the war would go on. '
            "Zelensky, who expressed frustration with the delays, left.")
    assert _found(text, "en") == [
        ("Donald Trump", "said he was very disappointed with the call with Putin", 1),
        ("Donald Trump", "restated his disappointment at a conversation with Vladimir Putin", 2),
        # "Trump said Putin was disappointed": Putin's feeling as Trump tells it, no position Putin took
        ("Vladimir Putin", 'said he was "not happy" with the talks', 4),
        ("Volodymyr Zelensky", "expressed frustration with the delays", 5),
    ]


def test_a_feeling_stated_in_german_is_told_in_english_with_what_it_is_about() -> None:
    text = ("US-Präsident Donald Trump sagte am Freitag, er sei „sehr unzufrieden“ mit seinem Telefonat mit Wladimir "
            "Putin. Nach seinem Telefonat mit Putin sagt Trump, er sei „sehr unglücklich“. "
            "Selenskyj äußerte große Enttäuschung über das Treffen. "
            "Nach dem Gespräch mit Wladimir Putin zeigte sich Trump zunehmend frustriert.")
    actors = [actor("Donald Trump", "person"), Actor(name="Vladimir Putin", name_as_written="Wladimir Putin", kind="person",
                                                     evidence=[sentence_evidence("Wladimir Putin")]),
              Actor(name="Volodymyr Zelensky", name_as_written="Selenskyj", kind="person",
                    evidence=[sentence_evidence("Selenskyj")])]
    assert _found(text, "de", actors=actors) == [
        ("Donald Trump", "said he was very dissatisfied with the call with Vladimir Putin", 1),
        ("Donald Trump", "said he was very unhappy", 2),  # "sagt Trump": the subject after the verb, not Putin
        ("Volodymyr Zelensky", "expressed great disappointment at the meeting", 3),
        ("Donald Trump", "appeared increasingly frustrated", 4),  # "Putin zeigte sich Trump": Trump's, after the verb
    ]
    assert _found(text, "fr", actors=actors) == []


def test_a_reluctance_is_a_stance_about_the_weapon_its_clause_names() -> None:
    weapons = [Weapon(name="Tomahawk", name_as_written="Tomahawk-Raketen", category="missile", status="requested",
                      evidence=[sentence_evidence("Tomahawk")])]
    text = ("Trump zeigt sich vor seinem Treffen mit Selenskyj zurückhaltend bei den Tomahawk-Raketen. "
            "Trump äußerte sich aber deutlich zurückhaltender.")
    found = find(stances, text, ACTORS, weapons, [], language="de")
    assert [(d.who, d.what) for d in found] == [("Donald Trump", "appeared reluctant about Tomahawk"),
                                                ("Donald Trump", "expressed reluctance")]
    english = ("Trump expressed reluctance about depleting US Tomahawk supplies. "
               "Trump appeared hesitant to send Tomahawks as he answered reporters' questions. "
               "After the call, Trump appeared more cautious, saying the stocks were low.")
    assert _found(english, "en") == [("Donald Trump", "expressed reluctance about depleting US Tomahawk supplies", 1),
                                     ("Donald Trump", "appeared hesitant to send Tomahawks", 2),
                                     ("Donald Trump", "appeared more cautious", 3)]  # a comparative, as "very"


def test_a_feeling_the_model_told_is_left_to_it_but_another_act_on_its_sentence_does_not_stand_in() -> None:
    text = "Donald Trump said he was very disappointed with the call with Putin."
    call = Decision(who="Donald Trump", participants=["Donald Trump", "Vladimir Putin"], status="taken",
                    what="held a phone call with Vladimir Putin", evidence=[sentence_evidence(text)])
    assert [f[1] for f in _found(text, "en", [call])] == ["said he was very disappointed with the call with Putin"]
    felt = call.model_copy(update={"what": "expressed disappointment with Putin"})
    assert _found(text, "en", [felt]) == []


def test_a_feeling_is_its_own_decision_and_one_speakers_feeling_told_twice_is_one() -> None:
    assert states_a_stance("restated his disappointment at Putin's comments")
    assert not states_a_stance("held a phone call with Vladimir Putin")
    assert event_kind("said he was very dissatisfied with the call with Vladimir Putin") == "stance"
    assert event_kind("held a phone call with Vladimir Putin") == "call"
    text = ("Donald Trump held a phone call with Putin and said he was very disappointed with it. "
            "Trump repeated that he was very dissatisfied with Putin. Trump was also frustrated with Zelensky.")

    def decision(what: str, n: int, participants: list[str] | None = None) -> Decision:
        return Decision(who="Donald Trump", participants=participants or ["Donald Trump"], status="taken", what=what,
                        evidence=[sentence_evidence(text, n)])

    call = decision("held a phone call with Vladimir Putin", 1, ["Donald Trump", "Vladimir Putin"])
    first = decision("said he was very disappointed", 1)
    again = decision("expressed dissatisfaction with Putin's stance", 2)
    other = decision("was frustrated with Zelensky", 3)
    out = one_per_event([call, first, again, other])
    # the call and the feeling of one sentence stay two; the feeling told again says whom it is about, and its
    # words stand; about another person it is another
    assert [d.what for d in out] == ["held a phone call with Vladimir Putin", "expressed dissatisfaction with Putin's stance",
                                     "was frustrated with Zelensky"]
    assert [e.start for e in out[1].evidence] == [first.evidence[0].start, again.evidence[0].start]
