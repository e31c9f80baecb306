"""The English of a briefing of a German article (summarize/briefing/english.py), on HAND-MADE strings: a role
left in German, a summary sentence that keeps German words, and a description or question that keeps German words
after its translation request (EnglishFields.left_over)."""

from __future__ import annotations

from summarize.briefing.english import EnglishFields
from summarize.models import Actor, Decision, OpenQuestion

from ..support.briefing_helpers import _ev


def test_a_summary_sentence_that_keeps_german_words_goes_and_the_first_decision_leads_for_a_lost_lead() -> None:
    """HAND-MADE German article and summaries: "the new US-Verteidigungsminister, has stopped Ukraine-Hilfe" keeps
    the article's words; it goes, and as it was the lead, the first decision leads instead. A summary in English
    throughout stays as it is."""
    from summarize.article.load import article_from_text
    from summarize.briefing.plan import Plan
    from summarize.settings import Settings

    text = ("Der neue US-Verteidigungsminister Pete Hegseth hat die Ukraine-Hilfe gestoppt. Das Pentagon bestreitet, dass "
            "die Bestände zu knapp seien. Die Regierung in Kiew reagierte besorgt auf die Entscheidung aus Washington.")
    plan = Plan(article_from_text(text, id="de1"), Settings(model="m", api_key="k"))
    hegseth = Actor(name="Pete Hegseth", name_as_written="Pete Hegseth", kind="person",
                    evidence=[_ev(text, "Der neue US-Verteidigungsminister Pete Hegseth hat die Ukraine-Hilfe gestoppt.")])
    stop = Decision(who="Pete Hegseth", what="stopped sending military aid to Ukraine", status="taken",
                    evidence=[_ev(text, "Der neue US-Verteidigungsminister Pete Hegseth hat die Ukraine-Hilfe gestoppt.")])
    lists = {"actors": [hegseth], "weapons": [], "decisions": [stop], "open_questions": []}
    mixed = ("Pete Hegseth, the new US-Verteidigungsminister, has stopped Ukraine-Hilfe. "
             "The Pentagon has denied that stocks are too low.")
    assert plan.english.summary_in_english(mixed, lists) == ("Pete Hegseth stopped sending military aid to Ukraine. "
                                                      "The Pentagon has denied that stocks are too low.")
    english = "Pete Hegseth has stopped aid to Ukraine. The Pentagon has denied that stocks are too low."
    assert plan.english.summary_in_english(english, lists) is english


def test_a_role_with_a_german_letter_is_german() -> None:
    from summarize.briefing.english import foreign_role

    assert foreign_role("Ukraine-Unterstützer") and foreign_role("die Sprecherin des Weißen Hauses")
    assert not foreign_role("US Secretary of State") and not foreign_role(None)

TEXT = ("Unterdessen stocken die Ermittlungen zum Hergang der Nord-Stream-Sprengung. "
        "Der Kanzler hat die Lieferung gestoppt.")


def test_a_question_half_in_german_is_dropped_and_says_which_words_a_decision_stays() -> None:
    fields = EnglishFields(TEXT, "de", "en")
    question = OpenQuestion(question="What is the status of the investigation into the Sprengung?",
                            evidence=[_ev(TEXT, "Unterdessen stocken die Ermittlungen")])
    dropped = fields.left_over(question, frozenset())
    assert dropped is not None and dropped.kind == "open_question" and "Sprengung" in dropped.reason
    decision = Decision(who="Chancellor", what="stopped the Lieferung", status="taken",
                        evidence=[_ev(TEXT, "Der Kanzler hat die Lieferung gestoppt.")])
    assert fields.left_over(decision, frozenset()) is None  # who did what stays, its quote beside it


def test_english_fields_a_name_and_an_english_article_are_kept() -> None:
    fields = EnglishFields(TEXT, "de", "en")
    english = OpenQuestion(question="What is the status of the investigation into the blast?",
                           evidence=[_ev(TEXT, "Unterdessen stocken die Ermittlungen")])
    assert fields.left_over(english, frozenset()) is None
    named = OpenQuestion(question="Will Kanzler act?", evidence=[_ev(TEXT, "Der Kanzler hat")])
    assert fields.left_over(named, frozenset({"kanzler"})) is None  # a word of a name the briefing lists
    assert EnglishFields(TEXT, "en", "en").left_over(english.model_copy(update={"question": "Why the Sprengung?"}),
                                                     frozenset()) is None
