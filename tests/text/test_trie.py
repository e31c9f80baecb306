"""Many literal forms as one pattern (text.trie): what the gazetteer, the cue words and their callers rely on."""

from __future__ import annotations

import re

from summarize.text.trie import alternatives


def test_the_tree_matches_what_the_plain_alternation_matches_longest_first() -> None:
    forms = ["Nieder", "Niederlande", "Niedersachsen", "Nigeria", "U.S.", "a+b"]
    tree = re.compile(rf"(?<!\w)({alternatives(forms)})(?!\w)")
    plain = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})(?!\w)")
    for text in ("die Niederlande und Niedersachsen", "Nieder mit ihm", "Nigeria, U.S. and a+b", "Niederl", "none"):
        assert [m.group(1) for m in tree.finditer(text)] == [m.group(1) for m in plain.finditer(text)]
    assert [m.group(1) for m in tree.finditer("Niederlande")] == ["Niederlande"]  # not "Nieder" and a rest


def test_a_characters_pattern_is_the_callers() -> None:
    spaced = re.compile(alternatives(["noch offen"], lambda c: r"\s+" if c == " " else re.escape(c)))
    assert spaced.search("ist noch\n offen") and not spaced.search("ist nochoffen")
    assert alternatives([]) == ""
