"""People a sentence refers to by an office the article gave them (HAND-MADE sentences)."""

from __future__ import annotations

from summarize.briefing.numbered import Sentences
from summarize.briefing.offices import office_referents
from summarize.briefing.people_named import named_at

PEOPLE = (("Donald Trump", "Donald Trump"), ("Volodymyr Zelensky", "Wolodymyr Selenskyj"),
          ("Vladimir Putin", "Wladimir Putin"))


def _referents(text: str) -> list[dict[str, int]]:
    sentences = Sentences.of(text)
    return [office_referents(PEOPLE, sentences, n, named_at(PEOPLE, sentences.sentence(n)))
            for n in range(1, len(sentences) + 1)]


def test_an_office_alone_refers_to_the_one_person_the_article_names_with_it() -> None:
    text = ("Der ukrainische Präsident Wolodymyr Selenskyj reist nach Washington. "
            "Zuvor empfängt Trump den ukrainischen Präsidenten im Weißen Haus. "
            "Der Kremlchef schweigt. Kremlchef Wladimir Putin hatte angerufen.")
    found = _referents(text)
    assert found[0] == {}  # the office with the name after it: the name names him
    assert found[1] == {"Volodymyr Zelensky": text.split(". ")[1].index("ukrainischen")}
    assert found[2] == {"Vladimir Putin": 4}  # named with the office later in the article: the office is his
    assert found[3] == {}


def test_english_offices_and_a_countrys_genitive_are_one_office() -> None:
    text = ("Ukraine's president, Volodymyr Zelenskyy, flew in. US President Donald Trump hosted the Ukrainian "
            "president and told the American president's aides to wait.")
    assert _referents(text)[1] == {"Volodymyr Zelensky": text.split(". ")[1].index("Ukrainian")}
    # "the American president" is the US president Donald Trump, whom that sentence names


def test_an_office_the_article_gives_two_people_or_none_refers_to_no_one() -> None:
    text = ("Der russische Präsident Wladimir Putin und der frühere russische Präsident Donald Trump reden. "
            "Der russische Präsident schweigt. Der französische Präsident schweigt auch.")  # HAND-MADE: one office, two people
    assert _referents(text) == [{}, {}, {}]
