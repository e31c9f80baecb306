"""A small model's slips in free text (summarize/briefing/slips.py): a description cut at its length limit, and
words of another script in an English field. The texts are HAND-MADE after the held-out pages' answers."""

from __future__ import annotations

from summarize.briefing.drafts import MAX_TEXT, models_for
from summarize.briefing.slips import (ELLIPSIS, cut_at_limit, finished_sentences, latin_only, other_script,
                                      summary_in_latin, without_own_name)


def _at_limit(text: str) -> str:
    """``text`` padded in front to exactly the limit, as the server stops a string there."""
    return ("x " * MAX_TEXT)[: MAX_TEXT - len(text)] + text


def test_the_limit_is_the_one_the_schema_gives_the_model() -> None:
    schema = models_for("English")[0].model_json_schema()
    assert schema["$defs"]["DecisionDraft"]["properties"]["what_in_english"]["maxLength"] == MAX_TEXT
    assert schema["$defs"]["QuestionDraft"]["properties"]["question_in_english"]["maxLength"] == MAX_TEXT


def test_a_description_cut_mid_word_keeps_its_whole_words_and_says_it_was_cut() -> None:
    cut = _at_limit("his refusal to agree to an immediate cea")
    assert len(cut) == MAX_TEXT
    assert cut_at_limit(cut, MAX_TEXT).endswith("his refusal to agree to an immediate" + ELLIPSIS)
    # a dangling word before the cut one goes too: "... in the neighbo" -> "... minority…"
    assert cut_at_limit(_at_limit("protecting the minority in the neighbo"), MAX_TEXT).endswith("the minority" + ELLIPSIS)


def test_a_description_under_the_limit_or_ending_a_sentence_stays_as_it_is() -> None:
    assert cut_at_limit("met Putin in Alaska", MAX_TEXT) == "met Putin in Alaska"
    ended = _at_limit("and agreed to meet again.")
    assert cut_at_limit(ended, MAX_TEXT) == ended
    assert cut_at_limit("x" * MAX_TEXT, MAX_TEXT) == "x" * MAX_TEXT  # one word: nothing to keep


def test_a_country_in_another_script_is_written_in_english() -> None:
    assert latin_only("requiring continued security assistance to乌克兰") == \
        "requiring continued security assistance to Ukraine"
    assert latin_only("sanctions on Россия and its banks") == "sanctions on Russia and its banks"


def test_a_text_is_cut_before_any_other_word_of_another_script() -> None:
    assert latin_only("would harm relations between Moscow and华盛顿") == "would harm relations between Moscow" + ELLIPSIS
    assert latin_only("华盛顿 said") == ""  # nothing before it: nothing left
    assert latin_only("Selenskyj’s visit to Kyiv") == "Selenskyj’s visit to Kyiv"  # Latin letters, accents, quotes
    assert other_script("Orbán, Zelenskyy’s") == []
    assert other_script("good and战略") == ["战略"]


def test_a_summary_sentence_with_a_word_of_another_script_is_left_out() -> None:
    sentences = ["Trump hosted Zelensky on Friday.", "He hesitated on Tomahawks, which Ukraine has said它亟"]
    assert summary_in_latin(sentences) == ["Trump hosted Zelensky on Friday."]
    assert summary_in_latin(["Arms shipments to乌克兰 were paused."]) == ["Arms shipments to Ukraine were paused."]
    assert summary_in_latin(["Trump met Zelensky.", "华盛顿说。"]) == ["Trump met Zelensky."]  # wholly another script
    # with no sentence left whole, each is cut before the word
    assert summary_in_latin(["Trump praised the call as very good and战略"]) == ["Trump praised the call as very good" + ELLIPSIS]


def test_a_summary_keeps_the_sentences_that_end_as_sentences_do() -> None:
    sentences = ["President Trump met Zelensky at the White House.", "The US President called his conversation with Putin",
                 "Chaos in sky: Hegseth halts Ukraine’s weapons flights without Trump’s order",  # a teaser line copied
                 'Trump said it "didn’t feel right"', "Will the summit happen?"]
    assert finished_sentences(sentences) == [sentences[0], sentences[3], sentences[4]]
    assert finished_sentences(["Trump stated that he was very"]) == ["Trump stated that he was very"]  # none ends: all


def test_a_description_that_opens_with_its_decider_says_what_the_decider_did() -> None:
    assert without_own_name("president Trump promised to send weapons to Ukraine", "Donald Trump") == \
        "promised to send weapons to Ukraine"
    assert without_own_name("Donald Trump announced sanctions", "Donald Trump") == "announced sanctions"
    # another person, a name followed by no predicate, a possessive, or no name at all: as it is
    assert without_own_name("president Trump promised weapons", "Vladimir Putin") == "president Trump promised weapons"
    assert without_own_name("Trump and Putin agreed to meet", "Donald Trump") == "Trump and Putin agreed to meet"
    assert without_own_name("Trump's envoy met Putin", "Donald Trump") == "Trump's envoy met Putin"
    assert without_own_name("the US imposed sanctions", "United States") == "the US imposed sanctions"
