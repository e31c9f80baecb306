"""The fast yes-or-no search of cue words (a trie) against the cue patterns it stands in for."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.briefing.cues import cue_kinds, cue_pattern, has_cue
from summarize.text.sentences import split

ROOT = Path(__file__).resolve().parents[2]


def _sentences() -> list[str]:
    out = []
    for path in sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("benchmarks/heldout/h*.txt")]):
        text = path.read_text(encoding="utf-8")
        starts, ends = split(text)
        out += [text[s:e] for s, e in zip(starts, ends)]
    return out


@pytest.mark.parametrize("kind", sorted(cue_kinds()))
def test_the_trie_finds_a_cue_exactly_where_the_cue_pattern_does(kind: str) -> None:
    sentences = _sentences()
    assert len(sentences) > 1000  # the seeds' and held-out articles' real sentences
    differ = [s for s in sentences if has_cue(kind, s) != (cue_pattern(kind).search(s) is not None)]
    assert differ == []


def test_the_trie_keeps_wildcards_sharp_s_word_starts_and_case() -> None:  # HAND-MADE phrases
    assert has_cue("open", "Ich weiß also nicht, was wir tun können.")  # "weiß * nicht": "ß" is no "ss"
    assert has_cue("open", "Der Termin ist noch OFFEN.")
    assert not has_cue("open", "Die Gespräche waren offenbar konstruktiv.")  # "offen" is no cue inside "offenbar"
    assert has_cue("open", "It remains unclear when they meet.") and not has_cue("open", "Everything went as planned.")
