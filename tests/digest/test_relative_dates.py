"""A decision dated by a sentence before its quote reaches the timeline with the article's words and the day
("zwei Tage zuvor (2025-07-02)"): on the recorded seeds (real model answers, replayed), and on a hand-made pair
for the weekday an undated article counts from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summarize.digest.merge import merge
from summarize.models import Actor, ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence

from ..support.digests import seeds_digest


def test_a_day_counted_from_the_sentence_before_is_on_the_timeline(tmp_path: Path) -> None:
    digest = seeds_digest(tmp_path / "out")
    # 002: "Am 4. Juli 2025, ... äußerte sich Trump ... Bereits zwei Tage zuvor hatten die USA offiziell erklärt, ..."
    pause = next(d for d in digest.decisions if "Bereits zwei Tage zuvor" in d.support[0].quote)
    assert pause.dates == ["zwei Tage zuvor (2025-07-02)"]
    on_timeline = [t for t in digest.timeline if t.date == "2025-07-02"]
    # the halt, and the reason given in the same sentence ("aus Sorge um die eigenen US-Bestände"): both of that day
    assert [t.stated for t in on_timeline] == [["zwei Tage zuvor (2025-07-02)"]] * len(on_timeline)
    assert any(t.what == pause.what for t in on_timeline) and len(on_timeline) <= 2
    assert all(t.articles == ["002_7357c77dc1409342"] for t in on_timeline)
    # 002's "nur einen Tag später folgte ein weiteres Telefonat" has no day before it: no date is made up
    assert not any(t.date == "2025-07-05" for t in digest.timeline)


def test_the_july_putin_call_is_counted_from_the_friday_call_before_it(tmp_path: Path) -> None:
    # 000 is undated: "... Selenskyj am Freitag ..." (a subheading and a sentence later) "Nur einen Tag zuvor hatte
    # Trump ... Telefonat mit ... Putin geführt". Its Friday is read against 002's "Am 4. Juli 2025" (a dated
    # source of the same development), so the call is on the Thursday before, 2025-07-03.
    digest = seeds_digest(tmp_path / "out")
    call = [t for t in digest.timeline if t.stated == ["einen Tag zuvor (2025-07-03)"]]
    assert [(t.date, t.articles) for t in call] == [("2025-07-03", ["000_6468509f89715e04", "002_7357c77dc1409342"])]
    assert "Putin" in call[0].what


# HAND-MADE: an undated article that dates a call by a weekday, and one of a known day that reports the same call.
UNDATED = ("Am Freitag telefonierte Trump mit Selenskyj über die Luftabwehr. Das Gespräch dauerte 40 Minuten. "
           "Nur einen Tag zuvor hatte Trump mit Putin telefoniert.")
DATED = "Trump hat mit Putin telefoniert."


def _call(article_id: str, text: str, quote: str, published: dt.date | None) -> Briefing:
    start = text.index(quote)
    ev = Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=100)
    return Briefing(
        article=ArticleRef(id=article_id, sha256="0" * 64, published=published), summary="A call.",
        actors=[Actor(name="Vladimir Putin", name_as_written="Putin", kind="person", evidence=[ev])],  # one story
        decisions=[Decision(who="Donald Trump", what="held a phone call with Vladimir Putin", status="taken",
                            participants=["Donald Trump", "Vladimir Putin"], evidence=[ev])],
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def test_a_weekday_before_a_day_count_is_read_against_a_dated_source_of_the_development() -> None:
    briefings = [_call("a", UNDATED, "Nur einen Tag zuvor hatte Trump mit Putin telefoniert.", None),
                 _call("b", DATED, DATED, dt.date(2025, 7, 5))]  # a Saturday
    digest = merge(briefings, texts={"a": UNDATED, "b": DATED})
    assert [(t.date, t.stated, t.articles) for t in digest.timeline] == [
        ("2025-07-03", ["einen Tag zuvor (2025-07-03)"], ["a", "b"])]  # Friday 07-04, the day before
    # without the texts (briefings merged on their own) or without a dated source, nothing is counted
    assert merge(briefings).timeline == []
    alone = merge(briefings[:1], texts={"a": UNDATED})
    assert alone.timeline == []
