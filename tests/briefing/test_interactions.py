"""Calls and meetings between people the article names, found by the code (HAND-MADE sentences)."""

from __future__ import annotations

from summarize.briefing.interactions import interactions
from summarize.briefing.numbered import Sentences
from summarize.models import Actor, Evidence

TEXT = ("Nach Angaben des Weißen Hauses telefonierte Trump am Donnerstag mit Putin. "
        "Am Freitag will Trump den ukrainischen Präsidenten Selenskyj in Washington empfangen. "
        "Trump und Putin hatten sich im August in Alaska getroffen. "
        "Putin lobte das Gespräch. "
        "Das Treffen mit Selenskyj wird vorbereitet. "
        "Parallel zum Treffen von Trump und Selenskyj sollen Vertreter beider Seiten verhandeln.")


def _actor(name: str, written: str) -> Actor:
    return Actor(name=name, name_as_written=written, kind="person",
                 evidence=[Evidence(quote=written, start=0, end=len(written), alignment="exact", score=100.0)])


def _found() -> list:
    sentences = Sentences.of(TEXT)
    actors = [_actor("Donald Trump", "Trump"), _actor("Vladimir Putin", "Putin"),
              _actor("Volodymyr Zelensky", "Selenskyj")]

    def evidence(n: int) -> Evidence:
        start, end = sentences.starts[n - 1], sentences.ends[n - 1]
        return Evidence(quote=TEXT[start:end], start=start, end=end, alignment="exact", score=100.0)

    return interactions(sentences, actors, evidence)


def test_a_sentence_naming_two_people_and_a_call_or_meeting_is_one_with_its_status() -> None:
    found = [(d.who, d.participants, d.what, d.status) for d in _found()]
    assert found == [
        ("Donald Trump", ["Donald Trump", "Vladimir Putin"], "held a phone call with Vladimir Putin", "taken"),
        ("Donald Trump", ["Donald Trump", "Volodymyr Zelensky"], "plans to meet Volodymyr Zelensky", "announced"),
        ("Donald Trump", ["Donald Trump", "Vladimir Putin"], "met Vladimir Putin", "taken"),
    ]  # one person ("Putin lobte das Gespräch", "Das Treffen mit Selenskyj") is no interaction, and a meeting
    # named as the time of something else ("Parallel zum Treffen ...") is not its report
