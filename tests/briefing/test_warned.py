"""Warnings the code finds in English sentences (HAND-MADE sentences)."""

from __future__ import annotations

from summarize.briefing.numbered import Sentences
from summarize.briefing.warned import warnings
from summarize.models import Decision, Evidence

from ..support.finders import actor, find

ACTORS = [actor("Vladimir Putin", "person"), actor("Donald Trump", "person"), actor("Kremlin", "organisation"),
          actor("Ukraine", "state")]


def _found(text: str, language: str = "en", decisions: list[Decision] | None = None) -> list[tuple[str, list[str], str]]:
    found = find(warnings, text, ACTORS, decisions or [], language=language)
    return [(d.who, d.participants, d.what) for d in found]


def test_a_warning_is_the_speakers_with_the_clause_up_to_its_end_and_who_was_warned() -> None:
    text = ("The Kremlin warned that supplying Tomahawk missiles to Ukraine would damage U.S.–Russia relations, "
            "thereby reducing chances for peace. "
            'After Putin warned Trump Russia is "not looking to stop" the war against Ukraine, Kyiv is hit by drones.')
    assert _found(text) == [
        ("Kremlin", ["Kremlin"], "warned that supplying Tomahawk missiles to Ukraine would damage U.S.–Russia relations"),
        ("Vladimir Putin", ["Vladimir Putin", "Donald Trump"],
         'warned Donald Trump that Russia is "not looking to stop" the war against Ukraine'),
    ]
    # the speaker of a relative clause is the name it follows
    relative = ("This followed a call with Russian President Vladimir Putin, who warned that supplying these missiles "
                "would harm US-Russian relations.")
    assert _found(relative) == [("Vladimir Putin", ["Vladimir Putin"],
                                 "warned that supplying these missiles would harm US-Russian relations")]


def test_no_warning_from_an_unknown_speaker_a_german_article_or_one_the_model_reported() -> None:
    text = "Analysts warned that the talks could fail within days. The Kremlin warned that deliveries would escalate the war."
    assert [w[0] for w in _found(text)] == ["Kremlin"]  # "Analysts" is no actor of the briefing
    assert _found("Der Kreml warnte, dass Lieferungen den Krieg verschärfen.", language="de") == []
    sentences = Sentences.of(text)
    start, end = sentences.starts[1], sentences.ends[1]
    reported = Decision(who="Kremlin", participants=["Kremlin"], what="warned against deliveries", status="taken",
                        evidence=[Evidence(quote=text[start:end], start=start, end=end, alignment="exact", score=100.0)])
    assert _found(text, decisions=[reported]) == []
