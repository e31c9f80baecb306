"""Who a decision's sentence names: the deciders, or a word that refers back to one named just before (HAND-MADE
article text, labelled as such)."""

from __future__ import annotations

from summarize import article_from_text
from summarize.briefing.brief import Plan
from summarize.briefing.drafts import DecisionDraft
from summarize.models import Evidence

from .test_briefing import _settings

# HAND-MADE: a pronoun that refers back to the chancellor named two sentences before, and a sentence that
# names nobody.
TEXT = (
    "Merz trifft Macron in Paris\n"
    "Der Kanzler hält sich derzeit zu Gesprächen in Frankreich auf.\n"
    "Bundeskanzler Friedrich Merz reiste am Morgen an.\n"
    "Die Lage an der Front ist angespannt.\n"
    "Er kündigte ein Treffen der Verteidigungsminister an.\n"
    "Ganze Städte wurden verwüstet.\n"
    "Merz besuchte danach Kiew.\n"
    "Zahlreiche Zivilisten wurden getötet.\n"
    "Merz sprach mit Selenskyj.\n"
    "Er sagte weitere Hilfe zu.\n"
    "»Wir werden darüber sprechen. Darum sind wir hier«, sagte Merz in Kiew.\n"
)


def _grounder():  # noqa: ANN202
    plan = Plan(article_from_text(TEXT, id="h1"), _settings())
    return plan.grounder, len(plan.grounder.sentences)


def _decision(s: int, who: str = "Merz", what: str = "announced a meeting of defence ministers") -> DecisionDraft:
    return DecisionDraft(s=s, who=[who], what=what, status="announced")


def _number(grounder, starts: str) -> int:  # noqa: ANN001
    return next(n for n in range(1, len(grounder.sentences) + 1) if grounder.sentences.sentence(n).lstrip().startswith(starts))


def test_a_pronoun_refers_back_to_a_decider_named_shortly_before() -> None:
    grounder, total = _grounder()
    found = grounder.check(_decision(_number(grounder, "Er kündigte")), (1, total))
    assert isinstance(found, Evidence) and found.quote == "Er kündigte ein Treffen der Verteidigungsminister an."


def test_a_sentence_that_names_none_of_the_deciders_and_refers_to_no_one_is_no_evidence() -> None:
    grounder, total = _grounder()
    found = grounder.check(_decision(_number(grounder, "Ganze Städte"), what="destroyed entire cities"), (1, total))
    assert isinstance(found, str) and "names none of 'Merz'" in found


def test_the_sentence_right_after_the_decider_is_no_evidence_unless_it_refers_back_to_him() -> None:
    grounder, total = _grounder()
    passive = grounder.check(_decision(_number(grounder, "Zahlreiche"), what="killed many civilians"), (1, total))
    assert isinstance(passive, str) and "names none of 'Merz'" in passive
    pronoun = grounder.check(_decision(_number(grounder, "Er sagte"), what="promised more aid"), (1, total))
    assert isinstance(pronoun, Evidence) and pronoun.quote == "Merz sprach mit Selenskyj.\nEr sagte weitere Hilfe zu."


def test_a_quotation_split_into_sentences_is_grounded_by_its_attribution_after_it() -> None:
    grounder, total = _grounder()
    found = grounder.check(_decision(_number(grounder, "»Wir werden"), what="said he would discuss it"), (1, total))
    assert isinstance(found, Evidence)
    assert found.quote == "»Wir werden darüber sprechen. Darum sind wir hier«, sagte Merz in Kiew."
