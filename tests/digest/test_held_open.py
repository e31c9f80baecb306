"""Held open by one source, settled by another (summarize/digest/held_open.py). HAND-MADE briefings."""

from __future__ import annotations

import datetime as dt

from summarize.digest.merge import merge
from summarize.models import Actor, ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence, OpenQuestion

PLAN = "Trump und Putin vereinbarten ein Treffen in Ungarn."


def _ev(quote: str, start: int) -> list[Evidence]:
    return [Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=100)]


def _briefing(article_id: str, decision: Decision, questions: list[OpenQuestion] = (), published=None,  # noqa: ANN001
              people: tuple[str, ...] = ()) -> Briefing:
    return Briefing(
        article=ArticleRef(id=article_id, title=f"Title {article_id}", sha256="0" * 64, published=published),
        summary="s.", decisions=[decision], open_questions=list(questions),
        actors=[Actor(name=p, name_as_written=p.split()[-1], kind="person", evidence=_ev(p.split()[-1], 0)) for p in people],
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def _meeting(quote: str, start: int = 0, status: str = "announced") -> Decision:
    return Decision(who="Donald Trump", participants=["Donald Trump", "Vladimir Putin"], what="plans to meet Vladimir Putin",
                    status=status, evidence=_ev(quote, start))  # type: ignore[arg-type]


def _question(text: str, quote: str, start: int) -> OpenQuestion:
    return OpenQuestion(question=text, evidence=_ev(quote, start))


DAY = dt.date(2025, 10, 17)


def _asking(question: str, quote: str, *, status: str = "announced", people: tuple[str, ...] = ()) -> Briefing:
    """Article "a": the planned meeting (:data:`PLAN`), and in the sentence after it an open question."""
    return _briefing("a", _meeting(PLAN, status=status), [_question(question, quote, len(PLAN) + 1)], DAY, people)


def _settled(quote: str = "Trump will meet Putin in Budapest, he said.") -> Briefing:
    """Article "b": the meeting reported as planned."""
    return _briefing("b", _meeting(quote), published=DAY)


def test_a_detail_one_source_holds_open_diverges_from_the_source_that_reports_it_settled() -> None:
    open_venue = _asking("Where will the meeting take place?", "Der genaue Ort ist noch offen.")
    [x] = merge([open_venue, _settled()]).divergences
    assert x.aspect == "status"
    assert [(c.article_id, c.says, c.quote) for c in x.claims] == [
        ("a", "open: Where will the meeting take place?", "Der genaue Ort ist noch offen."),
        ("b", "announced", "Trump will meet Putin in Budapest, he said."),
    ]


def test_when_it_is_open_against_a_stated_day_the_divergence_is_of_the_date() -> None:
    open_day = _asking("When will they meet?", "Einen Termin nannte er nicht.")
    [x] = merge([open_day, _settled("Trump will meet Putin in Budapest on October 19, he said.")]).divergences
    assert x.aspect == "date"
    assert x.claims[1].says == "2025-10-19 (October 19)"


def test_the_day_a_plan_was_announced_is_no_day_of_the_event_still_to_come() -> None:
    # article b speaks from Friday 17 October: its Thursday dates Trump's saying so, not the meeting the
    # question asks the day of (seen on a held-out page: "Trump hatte am Donnerstag mit Putin telefoniert und
    # anschließend ein Treffen in Budapest angekündigt"); its report counts as decided, as with no day at all
    open_day = _asking("When will they meet?", "Einen Termin nannte er nicht.")
    [x] = merge([open_day, _settled("Trump said on Thursday he will meet Putin in Budapest.")]).divergences
    assert x.aspect == "date"
    assert [c.says for c in x.claims] == ["open: When will they meet?", "announced"]


def test_no_divergence_without_a_question_of_the_same_event_next_to_the_report() -> None:
    settled = _settled()
    far = _briefing("a", _meeting(PLAN), [_question("Where will the meeting take place?",
                                                    "Der genaue Ort ist noch offen.", 2000)], DAY)
    other_kind = _asking("Will Trump call Zelensky again?", "Ob er Selenskyj anruft, ist offen.")
    # the report's own sentence: what it leaves open is a detail of its clause, not the event
    same = _briefing("a", _meeting(PLAN), [_question("Will Trump meet Putin?", PLAN, 0)], DAY)
    # a question in the past tense takes the event as done: it asks a detail the source does not give
    past = _asking("When did Trump meet Putin?", "Einen Termin nannte er nicht.")
    for article in (far, other_kind, same, past):
        assert merge([article, settled]).divergences == [], article.open_questions[0].question
    # and when no other source reports it decided, nothing is settled against the open question
    undecided = _asking("Where will the meeting take place?", "Der genaue Ort ist noch offen.", status="considered")
    considered = _briefing("b", _meeting("Trump is considering a meeting with Putin.", status="considered"), published=DAY)
    assert merge([undecided, considered]).divergences == []
    assert [x.aspect for x in merge([undecided, settled]).divergences] == ["status"]


def test_a_question_of_what_will_be_does_not_hold_open_a_report_of_what_was() -> None:
    def met(what: str, status: str) -> Decision:
        return Decision(who="Donald Trump", participants=["Donald Trump", "Vladimir Putin"], what=what, status=status,
                        evidence=_ev("Trump und Putin trafen sich im August in Alaska.", 0))  # type: ignore[arg-type]
    question = [_question("Where will the meeting take place?", "Der Ort ist noch offen.", 60)]
    past = "met Vladimir Putin in Alaska in August"
    assert merge([_briefing("a", met(past, "taken"), question, DAY), _briefing("b", met(past, "taken"), published=DAY)]).divergences == []
    planned = "plans to meet Vladimir Putin in Alaska in August"
    [x] = merge([_briefing("a", met(planned, "announced"), question, DAY),
                 _briefing("b", met(planned, "announced"), published=DAY)]).divergences
    assert x.claims[0].says == "open: Where will the meeting take place?"


def test_a_question_naming_other_people_is_not_about_the_report() -> None:
    people = ("Donald Trump", "Vladimir Putin", "Volodymyr Zelensky")
    quote = "Der Ort ist noch offen."
    assert merge([_asking("Where will Trump and Zelensky meet?", quote, people=people), _settled()]).divergences == []
    [x] = merge([_asking("Where will Trump and Putin meet?", quote, people=people), _settled()]).divergences
    assert x.aspect == "status"


def test_when_it_is_open_and_no_other_source_states_a_day_the_divergence_is_still_of_the_date() -> None:
    open_day = _asking("When will the meeting take place?", "Einen Termin nannte er nicht.")
    [x] = merge([open_day, _settled("Trump will meet Putin in Budapest soon, he said.")]).divergences
    assert x.aspect == "date"
    assert [c.says for c in x.claims] == ["open: When will the meeting take place?", "announced"]
