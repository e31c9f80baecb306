"""One statement quoted by two sources joins into one development (summarize.digest.same_words), on HAND-MADE
briefings (not model output)."""

from __future__ import annotations

import datetime as dt

from summarize.digest.merge import merge
from summarize.digest.same_words import quoted_runs
from summarize.models import ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence

OCT_22 = dt.date(2025, 10, 22)


def _briefing(article_id: str, published: dt.date | None, *decisions: Decision) -> Briefing:
    return Briefing(
        article=ArticleRef(id=article_id, title=f"Title {article_id}", sha256="0" * 64, published=published),
        summary=f"Summary of {article_id}.", actors=[], weapons=[], decisions=list(decisions), open_questions=[],
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def _decision(who: str, what: str, quote: str) -> Decision:
    return Decision(who=who, what=what, status="taken",
                    evidence=[Evidence(quote=quote, start=0, end=len(quote), alignment="exact", score=100)])


# the second sentence of a quotation that began in the sentence before: no quotation mark of its own
UNMARKED = "Treasury is prepared to take further action if necessary to support the effort to end the war."
MARKED = "He added that the Treasury Department was ready “to take further action if necessary” to back the push."


def _rows(digest) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    return [(d.what, d.articles) for d in digest.decisions]


def test_two_sources_quoting_one_speaker_s_same_words_are_one_development() -> None:
    digest = merge([
        _briefing("001_a", OCT_22, _decision("US Treasury", "prepared to take further action", UNMARKED)),
        _briefing("002_b", OCT_22 + dt.timedelta(days=1),
                  _decision("US Treasury", "described the move as “one of the largest sanctions”", MARKED)),
    ])
    assert _rows(digest) == [("prepared to take further action", ["001_a", "002_b"])]
    assert {s.article_id for s in digest.decisions[0].support} == {"001_a", "002_b"}


def test_the_same_words_of_another_speaker_or_too_few_of_them_join_nothing() -> None:
    other_speaker = merge([
        _briefing("001_a", OCT_22, _decision("US Treasury", "prepared to take further action", UNMARKED)),
        _briefing("002_b", OCT_22, _decision("Marco Rubio", "said the talks would go on", MARKED)),
    ])
    assert len(other_speaker.decisions) == 2
    few_content_words = merge([  # "stop where they are": one word of content
        _briefing("001_a", OCT_22, _decision("Donald Trump", "wants the lines to stay where they are",
                                             "He urged both sides to “stop where they are” and go home.")),
        _briefing("002_b", OCT_22, _decision("Donald Trump", "said the lines should stay",
                                             "Both armies should stop where they are, he said.")),
    ])
    assert len(few_content_words.decisions) == 2


def test_a_call_and_a_meeting_quoting_one_sentence_or_reports_months_apart_stay_apart() -> None:
    sentence = "He said “we will meet in Budapest within two weeks” after the call."
    kinds = merge([
        _briefing("001_a", OCT_22, _decision("Donald Trump", "held a phone call with Vladimir Putin", sentence)),
        _briefing("002_b", OCT_22, _decision("Donald Trump", "plans to meet Vladimir Putin in Budapest", sentence)),
    ])
    assert len(kinds.decisions) == 2  # each names a kind of event, and another one
    months = merge([
        _briefing("001_a", dt.date(2025, 7, 4), _decision("US Treasury", "prepared to take further action", UNMARKED)),
        _briefing("002_b", OCT_22, _decision("US Treasury", "said it stood ready", MARKED)),
    ])
    assert len(months.decisions) == 2


def test_quoted_runs_read_every_typography_and_fold_apostrophes() -> None:
    assert quoted_runs("Er sagte: „Wir sprechen viel über Sanktionen“, und ging.") == [
        ("wir", "sprechen", "viel", "uber", "sanktionen")]
    assert quoted_runs('Trump said he "didn’t make any progress" with him.') == [("didn", "t", "make", "any", "progress")]
    assert quoted_runs("»Sehr produktiv«, schrieb er.") == []  # two words: too short to tell one statement
