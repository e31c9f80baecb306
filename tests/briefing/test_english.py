"""The English of a briefing of a German article (summarize/briefing/english.py), on HAND-MADE strings: a role
left in German, and a summary sentence that keeps German words."""

from __future__ import annotations

from summarize.models import Actor, Decision

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
