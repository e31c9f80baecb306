"""NameIndex (summarize.digest.name_index): the answer of a full fuzzy scan, from a few comparisons.

The names are HAND-MADE random strings and random edits of them, small alphabets on purpose so that many
are within the threshold of each other (the hard case for a blocking index)."""

from __future__ import annotations

import random
import string

import pytest
from rapidfuzz import fuzz, process

from summarize.digest.name_index import NameIndex


def _edited(rnd: random.Random, name: str, alphabet: str) -> str:
    chars = list(name)
    for _ in range(rnd.randint(0, 3)):
        j = rnd.randrange(len(chars) + 1)
        op = rnd.randrange(3)
        if op == 0:
            chars.insert(j, rnd.choice(alphabet))
        elif chars and j < len(chars):
            if op == 1:
                del chars[j]
            else:
                chars[j] = rnd.choice(alphabet)
    return "".join(chars)


@pytest.mark.parametrize("alphabet", ["ab", "abcdef", string.ascii_lowercase[:12] + " "])
def test_best_equals_a_full_extract_one_scan(alphabet: str) -> None:
    rnd = random.Random(alphabet)
    for _ in range(40):
        index, names = NameIndex(88), []
        for _ in range(150):
            if names and rnd.random() < 0.6:
                probe = _edited(rnd, rnd.choice(names), alphabet)
            else:
                probe = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16)))
            if not probe:
                continue
            full = process.extractOne(probe, names, scorer=fuzz.ratio, score_cutoff=88) if names else None
            assert index.best(probe) == (full[0] if full else None), probe
            if probe not in index:
                names.append(probe)
                index.add(probe)


def test_a_lookup_compares_few_names_however_many_are_known(monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(3)
    index = NameIndex(88)
    for _ in range(20000):
        index.add("".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(5, 10))))
    calls = []
    real = index._candidates
    monkeypatch.setattr(index, "_candidates", lambda probe: calls.extend(real(probe)) or real(probe))
    for _ in range(200):
        index.best("".join(rnd.choice(string.ascii_lowercase) for _ in range(8)))
    assert len(calls) < 200 * 50  # a full scan would be 200 x 20,000


def test_of_equal_scores_the_name_added_first_wins() -> None:
    """"karvelin" is one letter from both: whichever was added first is the answer, as a full scan's."""
    for order in (["karvelan", "karvelon"], ["karvelon", "karvelan"]):
        index = NameIndex(85)
        for name in order:
            index.add(name)
        assert fuzz.ratio("karvelin", order[0]) == fuzz.ratio("karvelin", order[1])
        assert index.best("karvelin") == order[0]
