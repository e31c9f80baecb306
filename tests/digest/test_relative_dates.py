"""The recorded seeds (real model answers, replayed): a decision dated by a sentence before its quote reaches
the timeline with the article's words and the day ("zwei Tage zuvor (2025-07-02)")."""

from __future__ import annotations

from pathlib import Path

from ..support.digests import seeds_digest


def test_a_day_counted_from_the_sentence_before_is_on_the_timeline(tmp_path: Path) -> None:
    digest = seeds_digest(tmp_path / "out")
    # 002: "Am 4. Juli 2025, ... äußerte sich Trump ... Bereits zwei Tage zuvor hatten die USA offiziell erklärt, ..."
    pause = next(d for d in digest.decisions if "Bereits zwei Tage zuvor" in d.support[0].quote)
    assert pause.dates == ["zwei Tage zuvor (2025-07-02)"]
    on_timeline = [t for t in digest.timeline if t.date == "2025-07-02"]
    assert [t.stated for t in on_timeline] == [["zwei Tage zuvor (2025-07-02)"]]
    assert on_timeline[0].articles == ["002_7357c77dc1409342"]
    # 002's "nur einen Tag später folgte ein weiteres Telefonat" has no day before it: no date is made up
    assert not any(t.date == "2025-07-05" for t in digest.timeline)
