"""Dates: normalisation with precision, grounding of the model's dates, and the digest's timeline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize import Settings, article_from_text, brief
from summarize.text.dates import NormalDate, normalise_date, stated_months, stated_weekday
from summarize.app.cli import app

from ..conftest import RECORDINGS, SEEDS
from ..support.fakes import Scripted

FRIDAY = dt.date(2025, 10, 17)


@pytest.mark.parametrize(("text", "published", "iso", "precision", "stated"), [
    ("Am 4. Juli 2025, dem Unabhängigkeitstag", None, "2025-07-04", "day", "4. Juli 2025"),
    ("Oktober 17, 2025", None, "2025-10-17", "day", "Oktober 17, 2025"),
    ("17.10.2025", None, "2025-10-17", "day", "17.10.2025"),
    ("Bereits am Donnerstag traf Selenskyj", FRIDAY, "2025-10-16", "day", "Donnerstag"),
    ("on Friday", FRIDAY, "2025-10-17", "day", "Friday"),
    ("am kommenden Freitag", FRIDAY, "2025-10-24", "day", "Freitag"),
    # "nächsten" of the two weeks, not of the Thursday: the announcement was the Thursday before
    ("Trump hatte am Donnerstag mitgeteilt, er werde Putin innerhalb der nächsten zwei Wochen treffen.", FRIDAY,
     "2025-10-16", "day", "Donnerstag"),
    ("gestern", FRIDAY, "2025-10-16", "day", "gestern"),
    ("im August", FRIDAY, "2025-08", "month", "August"),
    ("im Dezember", dt.date(2026, 1, 5), "2025-12", "month", "Dezember"),  # the latest December before
    ("August 2024", None, "2024-08", "month", "August 2024"),
    ("seit 2013", None, "2013", "year", "2013"),
    ("Trump held a call with Putin on July 3.", FRIDAY, "2025-07-03", "day", "July 3"),  # a day ends the sentence
    ("growth of July 3.5 percent", FRIDAY, "2025-07", "month", "July"),  # a decimal is no day
])
def test_normalise_date(text: str, published: dt.date | None, iso: str, precision: str, stated: str) -> None:
    when = normalise_date(text, published)
    assert (when.iso, when.precision, when.text) == (iso, precision, stated)


def test_relative_dates_without_publication_date_stay_unknown() -> None:
    for text in ("am Donnerstag", "im August", "gestern", "irgendwann"):
        assert normalise_date(text, None).iso is None


def test_decision_date_is_kept_only_when_the_article_states_it() -> None:
    # hand-made article and answers
    text = "USA stoppen Hilfe\nAm 4. Juli 2025 erklärte Trump, die Lieferungen seien gestoppt. Trump sagte später mehr.\n"
    summary = {"sentences_in_english": ["The US stopped aid."]}
    kept = []
    for date in ("2025-07-04", "2021-08-01", "not specified"):
        decision = {"s": 3, "who": ["Trump"], "what_in_english": f"said more about the deliveries ({date})",
                    "status": "announced", "when": date}
        part = {"actors": [], "weapons": [], "open_questions": [], "decisions": [decision]}
        server = Scripted([json.dumps(part), json.dumps(summary)])
        b = brief(article_from_text(text, id="t"), settings=Settings(model="m", api_key="k", depth=1),
                  client=server.client())
        kept += [d.date for d in b.decisions]
    assert kept == ["4. Juli 2025", None, None]  # the article's wording; inventions dropped


def test_timeline_on_the_recordings_is_ordered_and_grounded(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path)])
    assert result.exit_code == 0
    timeline = json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))["timeline"]
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    july = {tuple(e["stated"]): e["articles"] for e in timeline if e["date"] == "2025-07-04"}
    assert july[("4. Juli 2025",)] == ["002_7357c77dc1409342"]
    # the Trump-Zelensky call: seed 000's "am Freitag", read against the full date seed 002 states
    assert july[("Freitag",)] == ["000_6468509f89715e04", "002_7357c77dc1409342"]
    assert all(e["date"] >= "2025" for e in timeline)  # the model's invented "2021-08-01" is not there
    assert "## Timeline" in (tmp_path / "digest.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- one reading of a decision's date
# HAND-MADE briefings (not model output) below.


def test_decision_date_reads_the_quote_first_then_the_grounded_date() -> None:
    from summarize.text.dates import decision_date

    assert decision_date("Am 4. Juli 2025 telefonierte Trump mit Putin.", "17.10.2025", None).iso == "2025-07-04"
    assert decision_date("Trump telefonierte mit Putin.", "am Freitag", dt.date(2025, 10, 23)).iso == "2025-10-17"
    assert decision_date("Trump telefonierte mit Putin.", None, dt.date(2025, 10, 23)).iso is None
    assert decision_date("im Feber", None, FRIDAY).iso == "2025-02"  # Austrian "Feber": one month table


def _dated_briefing(article_id: str, published: dt.date, decision_date_text: str | None):  # noqa: ANN202
    from summarize.models import ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence

    quote = "Trump telefonierte mit Putin."
    decision = Decision(who="Donald Trump", participants=["Donald Trump", "Vladimir Putin"],
                        what="held a phone call with Putin", status="taken", date=decision_date_text,
                        evidence=[Evidence(quote=quote, start=0, end=len(quote), alignment="exact", score=100)])
    return Briefing(
        article=ArticleRef(id=article_id, title=f"Title {article_id}", sha256="0" * 64, published=published),
        summary="s.", decisions=[decision],
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def test_the_merge_and_the_timeline_read_a_decision_on_the_same_day() -> None:
    """A report published six days later that dates the call "17. Oktober 2025" is the call of the report
    published that day: the timeline puts both on 2025-10-17, so the merge must not keep them apart."""
    from summarize.digest.merge import merge

    digest = merge([_dated_briefing("a", FRIDAY, None),
                    _dated_briefing("b", FRIDAY + dt.timedelta(days=6), "17. Oktober 2025")])
    assert [e.date for e in digest.timeline] == ["2025-10-17"]
    assert len(digest.decisions) == 1 and digest.decisions[0].articles == ["a", "b"]


def test_a_stated_date_names_a_time() -> None:
    """A decision's "when" as the article words it must say when: a place the model put there is no date."""
    from summarize.briefing.assemble import _grounded_date
    from summarize.text.dates import says_when

    source = "Am Freitag trafen sie sich in Ungarn, vergangene Woche in Kyjiw."  # HAND-MADE
    assert _grounded_date("am Freitag", source, None) == "am Freitag"
    assert _grounded_date("vergangene Woche", source, None) == "vergangene Woche"
    assert _grounded_date("in Ungarn", source, None) is None
    assert _grounded_date("Kyjiw", source, None) is None
    assert says_when("4. Juli 2025") and says_when("next week") and not says_when("in Alaska")


def test_a_day_without_a_year_takes_the_year_nearest_publication() -> None:
    published = dt.date(2025, 10, 17)
    assert normalise_date("met on October 17", published) == NormalDate(dt.date(2025, 10, 17), "day", "October 17")
    assert normalise_date("am 17. Oktober trafen sie sich", published).date == dt.date(2025, 10, 17)
    assert normalise_date("am 3. Januar", dt.date(2025, 12, 30)).date == dt.date(2026, 1, 3)  # next year is nearer
    assert normalise_date("met on October 17", None).precision == "unknown"  # no year to give it
    assert normalise_date("17 people came in October", published).precision == "month"  # a count, not a day


def test_a_month_counts_only_written_with_a_capital() -> None:
    published = dt.date(2025, 10, 17)
    assert normalise_date("Trump may decide soon", published).precision == "unknown"
    assert normalise_date("the march to Kyiv", published).precision == "unknown"
    assert normalise_date("in May", published) == NormalDate(dt.date(2025, 5, 1), "month", "May")


def test_stated_weekday_and_months() -> None:
    assert stated_weekday("Trump hatte am Donnerstagabend telefoniert") == 3
    assert stated_weekday("Thursday's call with Putin") == 3
    assert stated_weekday("keine Angabe") is None
    assert stated_months("Bereits im August trafen sie sich") == [(None, 8)]
    assert stated_months("Am 4. Juli 2025, nicht im Mai") == [(2025, 7), (2025, 7), (2025, 5)]
    assert stated_months("Trump may decide") == []
