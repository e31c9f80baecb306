"""Each distinct item, and each (sentence, name) search, is grounded once per article (issue 12: an item was
grounded 2-2.7 times, by a re-ask's repeat and the nearest-sentence search), with the same results."""

from __future__ import annotations

import json

import pytest

from summarize import article_from_text, brief
from summarize.briefing import drafts, grounder
from summarize.briefing.brief import Plan
from summarize.briefing.drafts import models_for

from ..support.fakes import Scripted
from ..support.handmade import TEXT, ZELENSKY
from .test_briefing import PATRIOT, PUTIN, QUESTION, SUMMARY, _part, _settings


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every name search the grounder makes in the article's sentences: (name, the sentence's context)."""
    calls: list[tuple[str, str]] = []
    real = grounder.mentioned_in

    def counting(name: str, context: str, normalised: str | None = None, whole: bool = False) -> bool:
        calls.append((name, context))
        return real(name, context, normalised, whole)

    monkeypatch.setattr(grounder, "mentioned_in", counting)
    return calls


def _actor(data: dict) -> drafts.Draft:
    return models_for("English")[0].model_fields["actors"].annotation.__args__[0].model_validate(data)  # type: ignore[union-attr]


def test_an_item_met_again_is_not_searched_again(searches: list[tuple[str, str]]) -> None:
    grounder = Plan(article_from_text(TEXT, id="t1"), _settings()).grounder
    wrong_sentence = _actor({**ZELENSKY, "s": 3})  # found by the nearest-sentence search
    first = grounder.check(wrong_sentence, (1, 4))
    assert searches and len(searches) == len(set(searches))  # no (name, sentence) searched twice, even here
    done = len(searches)
    again = grounder.check(_actor({**ZELENSKY, "s": 3}), (1, 4))
    assert len(searches) == done and again == first and again is not first  # a copy: callers may change it
    other_role = grounder.check(_actor({**ZELENSKY, "s": 3, "role_in_english": "president"}), (1, 4))
    assert len(searches) == done and other_role == first  # a new item, but every search it needs was made
    assert isinstance(grounder.check(_actor(PUTIN), (1, 4)), str)  # never named: still dropped


def test_a_reask_that_repeats_the_items_costs_no_second_grounding(searches: list[tuple[str, str]]) -> None:
    items = {"actors": [ZELENSKY, PUTIN], "weapons": [PATRIOT], "open_questions": [QUESTION]}
    malformed = json.loads(_part(**items))
    malformed["actors"].append({"name_as_written": "Trump", "s": 2})  # no name, no kind: instructor re-asks

    def run(answers: list[str]) -> tuple[list[tuple[str, str]], dict]:
        searches.clear()
        briefing = brief(article_from_text(TEXT, id="t1"), settings=_settings(), client=Scripted(answers).client())
        return list(searches), briefing.model_dump(include={"actors", "decisions", "weapons", "open_questions"})

    once, plain = run([_part(**items), SUMMARY])
    twice, reasked = run([json.dumps(malformed), _part(**items), SUMMARY])
    assert reasked == plain
    assert len(twice) == len(once)


def test_instructors_validated_answer_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer instructor validated is salvaged from its result; only failed attempts are re-read leniently."""
    from summarize.briefing import call

    lenient: list[object] = []
    real = call._lenient_items
    monkeypatch.setattr(call, "_lenient_items", lambda data, model: lenient.append(data) or real(data, model))
    items = {"actors": [ZELENSKY, PUTIN], "weapons": [PATRIOT]}
    briefing = brief(article_from_text(TEXT, id="t1"), settings=_settings(),
                     client=Scripted([_part(**items), SUMMARY]).client())
    assert lenient == [] and [a.name for a in briefing.actors] == ["United States", "Donald Trump", "Volodymyr Zelensky"]
    malformed = json.loads(_part(**items))
    malformed["actors"].append({"name_as_written": "Trump", "s": 2})
    again = brief(article_from_text(TEXT, id="t1"), settings=_settings(),
                  client=Scripted([json.dumps(malformed), _part(**items), SUMMARY]).client())
    assert len(lenient) == 1 and again.actors == briefing.actors  # the failed attempt only
