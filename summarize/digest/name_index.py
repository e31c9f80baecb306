"""Find the known name most like a new one without comparing it with every known name.

:class:`NameIndex` answers what ``rapidfuzz.process.extractOne(probe, names, scorer=fuzz.ratio,
score_cutoff=cutoff)`` answers over all the names added so far (the best score, ties to the name added
first), but compares the probe only with names that *can* reach the cutoff: the cost per lookup stays
flat as the names grow, so an entity resolution over N names is near-linear instead of N x names.

Why the candidates are complete (prefix filtering on q-grams, as in Ed-Join):

* ``fuzz.ratio`` is ``100 * (1 - d / (len(a) + len(b)))`` with ``d`` the indel distance, so a score of at
  least ``cutoff`` allows ``d <= (1 - cutoff/100) * (len(a) + len(b))``; with ``len(b) <= len(a) + d``
  that is ``d <= tau(len(a))`` for each of the two strings, ``tau(n) = floor(2c n / (1 - c))``,
  ``c = 1 - cutoff/100`` (88 -> 0.27 n: one edit from 4 letters on, two from 8).
* The edit distance is at most the indel distance, and one edit changes at most ``Q`` of a string's
  padded ``Q``-grams, so two strings within edit distance ``d`` share at least ``grams - Q d`` of them;
  ordered the same way, the first ``Q tau + 1`` grams of each must then share one (the prefix lemma).
* Each name is filed under the first ``Q tau(len) + 1`` of its grams, rarest first; a probe looks only
  at the names filed under the first ``Q tau(len) + 1`` of its own.
* The lemma needs one of the two to have more distinct grams than ``Q tau`` ("aaaaaaaa" has five):
  names that do not are also kept in a short list that such probes always scan.

"Rarest" uses gram counts frozen when the index is (re)built; the index rebuilds itself each time the
number of names doubles, so the order stays close to the true rarity at amortised linear cost. The order
only changes speed, never the answer.
"""

from __future__ import annotations

import math
from collections import Counter

from rapidfuzz import fuzz

Q = 3


def _grams(text: str) -> list[str]:
    padded = f"\x02\x02{text}\x03\x03"
    return list(dict.fromkeys(padded[i:i + Q] for i in range(len(padded) - Q + 1)))


class NameIndex:
    """Names (added in order) and the best fuzzy match of a probe among them; see the module docstring."""

    def __init__(self, cutoff: float) -> None:
        self.cutoff = cutoff
        self._c = 1 - cutoff / 100
        self._names: list[str] = []
        self._position: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._few_grams: list[int] = []  # names with no more distinct grams than Q tau (see above)
        self._rank: dict[str, int] = {}  # gram -> frequency when last rebuilt (unknown grams: 0, the rarest)
        self._rebuild_at = 64

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: str) -> bool:
        return name in self._position

    def _tau(self, length: int) -> int:
        return math.floor(2 * self._c * length / (1 - self._c) + 1e-9)

    def _prefix(self, name: str) -> tuple[list[str], bool]:
        """The grams ``name`` is filed and looked up under, and whether it has too few for the lemma."""
        grams = sorted(_grams(name), key=lambda g: (self._rank.get(g, 0), g))
        keep = Q * self._tau(len(name)) + 1
        return grams[:keep], len(grams) < keep

    def add(self, name: str) -> None:
        """File ``name`` (no effect if it is already there)."""
        if name in self._position:
            return
        self._position[name] = len(self._names)
        self._names.append(name)
        if len(self._names) >= self._rebuild_at:
            self._rebuild()
        else:
            self._file(len(self._names) - 1)

    def _file(self, position: int) -> None:
        prefix, few = self._prefix(self._names[position])
        for gram in prefix:
            self._postings.setdefault(gram, []).append(position)
        if few:
            self._few_grams.append(position)

    def _rebuild(self) -> None:
        counts: Counter[str] = Counter()
        for name in self._names:
            counts.update(_grams(name))
        self._rank = dict(counts)
        self._postings, self._few_grams = {}, []
        for position in range(len(self._names)):
            self._file(position)
        self._rebuild_at = 2 * len(self._names)

    def best(self, probe: str) -> str | None:
        """The added name with the highest ``fuzz.ratio`` to ``probe`` if at least the cutoff (ties: the
        earliest added), else None: the answer of ``process.extractOne`` over all added names."""
        if not probe or not self._names:
            return None
        if probe in self._position:
            return probe
        prefix, few = self._prefix(probe)
        found = {p for g in prefix for p in self._postings.get(g, ())}
        if few:
            found.update(self._few_grams)
        candidates = sorted(found)
        best, best_score = None, self.cutoff
        for position in candidates:
            name = self._names[position]
            score = fuzz.ratio(probe, name, score_cutoff=best_score)
            if score and (score > best_score or best is None):
                best, best_score = name, score
        return best
