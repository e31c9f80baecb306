"""Find the known name most like a new one without comparing it with every known name.

:class:`NameIndex` answers what ``rapidfuzz.process.extractOne(probe, names, scorer=fuzz.ratio,
score_cutoff=cutoff)`` answers over all the names added so far (the best score, ties to the name added
first), but compares the probe only with names that *can* reach the cutoff: the cost per lookup stays
flat as the names grow, so an entity resolution over N names is near-linear instead of N x names.

Why the candidates are complete (the segment filter of Pass-Join):

* ``fuzz.ratio`` is ``100 * (1 - d / (len(a) + len(b)))`` with ``d`` the indel distance, so a score of at
  least ``cutoff`` allows ``d <= (1 - cutoff/100) * (len(a) + len(b))``; with ``len(b) <= len(a) + d``
  that is ``d <= tau(len(a))`` for each of the two strings, ``tau(n) = floor(2c n / (1 - c))``,
  ``c = 1 - cutoff/100`` (88 -> 0.27 n: one edit from 4 letters on, two from 8). The lengths differ by
  at most ``d``.
* The edit distance is at most the indel distance. A name of length ``n`` is cut into ``tau(n) + 1``
  segments; ``d <= tau(n)`` edits leave at least one segment whole, and it appears in the probe shifted
  by at most ``d`` places. So each name is filed under ``(length, segment number, segment text)``, and a
  probe looks up, for every length in reach, every substring of its own at those places: a few hundred
  dictionary lookups, whatever the number of names.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz, process


class NameIndex:
    """Names (added in order) and the best fuzzy match of a probe among them; see the module docstring."""

    def __init__(self, cutoff: float) -> None:
        self.cutoff = cutoff
        self._c = 1 - cutoff / 100
        self._names: list[str] = []
        self._position: dict[str, int] = {}
        # (length, segment number) -> segment text -> the names filed under it
        self._segments: dict[tuple[int, int], dict[str, list[str]]] = {}
        self._cut_cache: dict[int, list[tuple[int, int]]] = {}
        self._plans: dict[int, list[tuple[dict[str, list[str]], int, int, int]]] = {}

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: str) -> bool:
        return name in self._position

    def _tau(self, length: int) -> int:
        return math.floor(2 * self._c * length / (1 - self._c) + 1e-9)

    def _cuts(self, length: int) -> list[tuple[int, int]]:
        """(start, end) of the ``tau + 1`` segments of a name of ``length`` characters."""
        cuts = self._cut_cache.get(length)
        if cuts is None:
            k = self._tau(length) + 1
            cuts = self._cut_cache[length] = [(i * length // k, (i + 1) * length // k) for i in range(k)]
        return cuts

    def _table(self, length: int, i: int) -> dict[str, list[str]]:
        table = self._segments.get((length, i))
        if table is None:
            table = self._segments[(length, i)] = {}
        return table

    def add(self, name: str) -> None:
        """File ``name`` (no effect if it is already there)."""
        if name in self._position:
            return
        self._position[name] = len(self._names)
        self._names.append(name)
        for i, (start, end) in enumerate(self._cuts(len(name))):
            self._table(len(name), i).setdefault(name[start:end], []).append(name)

    def _plan(self, size: int) -> list[tuple[dict[str, list[str]], int, int, int]]:
        """For a probe of ``size`` characters: every (segment table, width, first and last start in the
        probe) to look up. Depends on the size only, so it is worked out once per size."""
        plan = self._plans.get(size)
        if plan is not None:
            return plan
        plan = []
        reach = self._tau(size)
        for length in range(max(1, size - reach), size + reach + 1):
            tau = self._tau(length)
            if abs(length - size) > tau:
                continue
            shift = size - length
            for i, (start, end) in enumerate(self._cuts(length)):
                # multi-match-aware windows (Pass-Join): segment i survives with at most i edits before it
                # and tau - i after it, so it starts within i of where it was, and within tau - i of that
                # position moved by the length difference
                width = end - start
                low = max(0, start - i, start + shift - (tau - i))
                high = min(size - width, start + i, start + shift + (tau - i))
                if low <= high:
                    plan.append((self._table(length, i), width, low, high))
        self._plans[size] = plan
        return plan

    def _candidates(self, probe: str) -> set[str]:
        found: set[str] = set()
        for table, width, low, high in self._plan(len(probe)):
            if not table:
                continue
            for at in range(low, high + 1):
                hit = table.get(probe[at:at + width])
                if hit is not None:
                    found.update(hit)
        return found

    def best(self, probe: str) -> str | None:
        """The added name with the highest ``fuzz.ratio`` to ``probe`` if at least the cutoff (ties: the
        earliest added), else None: the answer of ``process.extractOne`` over all added names."""
        if not probe or not self._names:
            return None
        if probe in self._position:
            return probe
        candidates = self._candidates(probe)
        if not candidates:
            return None
        # every candidate at the cutoff or above (one C++ loop); of the best score, the one added first
        hits = process.extract(probe, list(candidates), scorer=fuzz.ratio, score_cutoff=self.cutoff, limit=None)
        if not hits:
            return None
        top = max(score for _, score, _ in hits)
        return min((name for name, score, _ in hits if score == top), key=self._position.__getitem__)
