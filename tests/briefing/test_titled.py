"""People named with a title and their full name as they speak, found by the code (HAND-MADE sentences)."""

from __future__ import annotations

from summarize.briefing.numbered import Sentences
from summarize.briefing.titled import speakers


def test_a_full_name_after_a_title_and_before_a_verb_of_saying_is_a_speaker() -> None:
    text = ("“Now is the time for a ceasefire,” Secretary of the Treasury Jane Roe said in a statement. "
            "Pentagon spokesperson John Doe said Wednesday that the review goes on. "
            "Sprecherin Erika Mustermann sagte, man prüfe die Lage. "
            "White House officials said the decision stands. "
            "The minister said nothing. "
            "Spokesman Doe added a remark.")
    found = speakers(Sentences.of(text))
    assert found == {"Jane Roe": (1, "Jane Roe"), "John Doe": (2, "John Doe"), "Erika Mustermann": (3, "Erika Mustermann")}
