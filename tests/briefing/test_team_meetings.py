"""Meetings of the two sides' teams the code finds (HAND-MADE sentences, written after the patterns of real
pages), and their place among one sentence's decisions."""

from __future__ import annotations

from summarize.briefing.dedupe import one_per_event
from summarize.briefing.interactions import interactions
from summarize.briefing.numbered import Sentences
from summarize.briefing.team_meetings import team_meetings
from summarize.models import Decision

from ..support.finders import actor, find, sentence_evidence, told

ACTORS = [actor("Ukraine"), actor("Volodymyr Zelensky", "person"), actor("Donald Trump", "person"),
          actor("Vladimir Putin", "person"), actor("Marco Rubio", "person")]


def _found(text: str, decisions: list[Decision] | None = None) -> list[tuple[str, str]]:
    found = find(team_meetings, text, ACTORS, decisions or [])
    assert all(d.status == "announced" for d in found)
    return [(d.who, d.what) for d in found]


def test_a_meeting_of_both_sides_teams_is_told_by_the_sentences_speaker() -> None:
    text = ("Trump said U.S. and Russian delegations would meet next week. "
            "Laut Trump sollen sich nächste Woche Vertreter der beiden Länder treffen. "
            "Kommende Woche soll es laut Trump ein Treffen hochrangiger Regierungsvertreter geben. "
            "Zelensky said his call with Trump covered a future meeting of the delegations of the two countries.")
    assert _found(text) == [
        ("Donald Trump", "announced a meeting of US and Russian officials next week"),
        ("Donald Trump", "announced a meeting of their officials next week"),
        ("Donald Trump", "announced a meeting of senior officials next week"),
        ("Volodymyr Zelensky", "announced a meeting of their officials"),  # Trump: the object of "with"
    ]


def test_an_agreement_of_we_is_told_by_the_person_named_before() -> None:
    text = "Selenskyj sprach am Freitag mit Trump. Wir haben uns auch auf ein Treffen unserer Teams geeinigt."
    assert _found(text) == [("Volodymyr Zelensky", "agreed on a meeting of their teams")]  # "mit Trump": an object
    assert _found("Wir haben uns auch auf ein Treffen unserer Teams geeinigt.") == []  # no one to tell it


def test_one_sides_people_or_no_meeting_make_no_teams_meeting() -> None:
    text = ("US officials said the talks with Putin were useful. "
            "Rubio will meet Russian advisers in Geneva. "
            "Die Teams beider Länder arbeiten an einem Abkommen, sagte Trump.")
    assert _found(text) == []


def test_a_meeting_of_a_person_on_a_sentence_of_only_the_teams_meeting_is_that_meeting_misread() -> None:
    text = "Berichten zufolge haben Trump und Selenskyj ein Treffen ihrer Teams vereinbart."
    misread = told(text, "Donald Trump", "plans to meet Volodymyr Zelensky", "announced")
    assert _found(text, [misread]) == []
    assert (misread.who, misread.what) == ("Donald Trump", "agreed on a meeting of their teams")
    # and the code's meetings of two named people do not read the teams' meeting as theirs
    assert interactions(Sentences.of(text), ACTORS, lambda n: sentence_evidence(text, n)) == []


def test_the_leaders_meeting_and_their_teams_of_one_sentence_are_two() -> None:
    text = "Trump said advisers from both sides would meet next week and announced a meeting with Putin in Budapest."
    leaders = told(text, "Donald Trump", "plans to meet Vladimir Putin in Budapest", "announced")
    found = find(team_meetings, text, ACTORS, [leaders])
    assert [(d.who, d.what) for d in found] == [("Donald Trump", "announced a meeting of their officials next week")]
    assert leaders.what == "plans to meet Vladimir Putin in Budapest"
    assert [d.what for d in one_per_event([leaders, *found])] == [
        "plans to meet Vladimir Putin in Budapest", "announced a meeting of their officials next week"]


def test_a_sentence_whose_decision_names_a_team_is_left_to_it() -> None:
    text = "Trump said U.S. and Russian delegations would meet next week."
    model = told(text, "Donald Trump", "said the delegations would meet next week", "announced")
    assert _found(text, [model]) == []
    assert model.what == "said the delegations would meet next week"


def test_a_meeting_of_teams_is_its_own_kind_of_event() -> None:
    from summarize.text.event_kinds import event_kind
    assert event_kind("agreed on a meeting of their teams") == "teams"
    assert event_kind("agreed to arrange a meeting between our teams to strengthen air defences") == "teams"
    assert event_kind("Senior advisors from the two countries will meet next week") == "teams"
    assert event_kind("plans to meet Vladimir Putin") == "meeting"
    assert event_kind("held a number of meetings with senior U.S. officials") == "meeting"  # with them, not of both sides


def test_reported_speech_that_names_no_one_is_told_by_the_speaker_before() -> None:
    text = ("Dies werde in Budapest stattfinden, sagte Trump nach einem Telefonat mit Putin. "
            "Das Treffen soll nächste Woche bei einem Treffen hochrangiger Berater beider Seiten vorbereitet werden.")
    assert _found(text) == [("Donald Trump", "announced a meeting of senior officials next week")]
    # no reported speech, or no one named as a speaker before: no one to tell it
    assert _found("Trump und Putin telefonierten. Nächste Woche treffen sich hochrangige Berater beider Seiten.") == []
