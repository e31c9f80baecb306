"""The checks that drop a model's open question (summarize/briefing/questions.py): a question put to a sentence
that shares no word with it."""

from __future__ import annotations

from summarize.briefing.questions import why_not_open
from summarize.models import Actor, Evidence, OpenQuestion


def _question(question: str, sentence: str) -> OpenQuestion:
    return OpenQuestion(question=question, evidence=[Evidence(quote=sentence, start=0, end=len(sentence),
                                                              alignment="exact", score=100.0)])


def _actors(text: str, *names: str) -> list[Actor]:
    return [Actor(name=n, name_as_written=n, kind="person",
                  evidence=[Evidence(quote=n.split()[-1], start=text.index(n.split()[-1]),
                                     end=text.index(n.split()[-1]) + len(n.split()[-1]), alignment="exact",
                                     score=100.0)]) for n in names]


def test_a_question_that_shares_no_word_but_names_with_its_sentence_is_of_another_sentence() -> None:
    """HAND-MADE: the model put "meet ... in Hungary" to a sentence about Tomahawks; names and titles ("U. S.
    president") and the words of any question do not tie a question to its sentence."""
    text = "Putin called. “Hopefully they won’t need Tomahawks,” Trump told reporters."
    sentence = text[text.index("“"):]
    named = _actors(text, "Donald Trump", "Vladimir Putin")
    question = OpenQuestion(question="Will the U. S. president meet Putin in Hungary?",
                            evidence=[Evidence(quote=sentence, start=text.index("“"), end=len(text),
                                               alignment="exact", score=100.0)])
    assert "shares no word" in why_not_open(question, named, text, english=True)
    # a word in common, as a prefix ("meeting" and "meet"), ties them: the question stays
    other = "When asked about a possible meeting between Putin and Zelenskyy in Hungary, Trump said: “We'll see.”"
    assert why_not_open(_question("Will Putin and Zelenskyy meet in Hungary?", other),
                        _actors(other, "Vladimir Putin", "Volodymyr Zelenskyy", "Donald Trump"), other, True) is None


def test_a_question_of_when_where_or_what_was_said_and_one_of_a_question_stay() -> None:
    """HAND-MADE: a date or place the sentence leaves open names its event in other words ("talks"), a
    question of what was said is of a sentence that says nothing was, and the article's own question is
    reworded by the model."""
    talks = "Both sides confirmed talks within two weeks, though no date has been set."
    assert why_not_open(_question("When will the summit take place?", talks), [], talks, True) is None
    said = "He gave no further details."
    assert why_not_open(_question("What did Orbán say about the summit?", said), [], said, True) is None
    asked = "Policy Shift or Political Misstep?"
    assert why_not_open(_question("What is the reason for the halt of weapons?", asked), [], asked, True) is None


def test_only_an_english_question_of_an_english_sentence_is_compared() -> None:
    """HAND-MADE: an English question of a German sentence shares no word with it and is not dropped for that."""
    german = "Der Kreml hält sich zurück, die Frage bleibt offen."
    question = _question("Will Russia accept the proposal?", german)
    assert why_not_open(question, [], german, english=False) is None
    english = "The Kremlin held back, and the matter remains open."
    assert why_not_open(_question("Will Russia accept the proposal?", english), [], english, True) is not None
