"""Decisions a sentence names as a noun, found by the code (HAND-MADE sentences, after the pattern of Reuters
copy on held-out pages h22, h52, h57 and h58)."""

from __future__ import annotations

from summarize.briefing.nominal import nominal_decisions
from summarize.briefing.numbered import Sentences
from summarize.models import Actor, Decision, Evidence


def _actor(name: str, written: str, kind: str = "person") -> Actor:
    return Actor(name=name, name_as_written=written, kind=kind,
                 evidence=[Evidence(quote=written, start=0, end=len(written), alignment="exact", score=100.0)])


ACTORS = [_actor("United States", "USA", "state"), _actor("Pentagon", "Pentagon", "organisation"),
          _actor("Donald Trump", "Trump"), _actor("Volodymyr Zelensky", "Zelensky")]


def _found(text: str, decisions: list[Decision] | None = None) -> list[tuple[str, str, str, str]]:
    sentences = Sentences.of(text)

    def evidence(n: int) -> Evidence:
        start, end = sentences.starts[n - 1], sentences.ends[n - 1]
        return Evidence(quote=text[start:end], start=start, end=end, alignment="exact", score=100.0)

    found = nominal_decisions(sentences, ACTORS, decisions or [], evidence)
    return [(d.who, d.what, d.status, d.evidence[0].quote[:20]) for d in found]


def test_a_decision_named_as_a_noun_is_its_deciders_with_the_words_of_the_act() -> None:
    text = ("Kyiv is worried. A decision by Washington to halt some shipments of weapons to Ukraine prompted "
            "warnings by Kyiv. The call came amid confusion over the Pentagon's decision to pause shipments of "
            "critical weapons, including Patriot missiles. President Zelensky’s decision to buy more drones "
            "surprised no one.")
    assert _found(text) == [
        ("United States", "decided to halt some shipments of weapons", "paused", "A decision by Washingt"[:20]),
        ("Pentagon", "decided to pause shipments of critical weapons", "paused", "The call came amid co"[:20]),
        ("Volodymyr Zelensky", "decided to buy more drones", "taken", "President Zelensky’s"[:20])]


def test_no_decision_without_a_known_decider_or_an_act_or_where_the_model_reported_one() -> None:
    assert _found("The decision to halt shipments was criticised.") == []  # no one named as deciding
    assert _found("A decision by Congress to halt aid was expected.") == []  # not an actor of the briefing
    assert _found("Trump's decision to stop.") == []  # a bare verb says too little
    text = "Trump's decision to resume deliveries angered Moscow."
    assert _found(text) == [("Donald Trump", "decided to resume deliveries", "taken", text[:20])]
    model = Decision(who="Donald Trump", participants=["Donald Trump"], what="resumed weapons deliveries",
                     status="taken", evidence=[Evidence(quote=text, start=0, end=len(text), alignment="exact", score=100.0)])
    assert _found(text, [model]) == []  # the model reported the decider's act on this sentence
