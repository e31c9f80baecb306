"""Copies among a run's articles, so that one story saved under several names is one source.

* **The same text** (the same SHA-256, whatever the file names): among articles read from files (those with
  a ``path``), the first in input order is kept and briefed once; the others are listed in its ``copies`` and
  not briefed again. Articles made from text in memory are briefed as given (the caller chose their ids), and
  identical ones among them are near copies below, so they still count as one source.
* **Near copies** (one wire story under another header, byline, teaser or page chrome): the article's
  text is cut into overlapping 5-grams of its casefolded, whitespace-separated words ("shingles"); two
  articles are near copies when the Jaccard similarity of their shingle sets is at least
  :data:`NEAR_COPY_JACCARD`. The text is not cleaned first: a header of a few lines changes few shingles
  of a full article, and cleaning would cost more than the rest together. Each of them is still briefed
  (the texts differ, so the evidence offsets do), but every later one gets ``near_copy_of`` = the id of the
  first of its group, and the digest counts the group as one source.

Measured on the seeds: five articles on one story (the same calls, the same people) share at most 0.1 %
of their shingles pairwise; each seed under a new headline, byline, teaser, share line and footer shares
86 to 94 % with the original (tests/article/test_copies.py). The threshold, 0.5, sits far from both; an outlet that
adds a paragraph of its own to a wire story still counts as the wire story.

Cost: one crc32 per shingle (about 0.3 ms for a seed; loading it takes about 6 ms). Candidates come from
an index of each article's :data:`SKETCH` smallest shingle hashes (a bottom-k MinHash sketch): only articles
sharing one of those are compared, at most :data:`MAX_PER_BUCKET` per hash, so the work stays
linear in the number of articles; and when an article has many candidates, exactly only those a bound from
their hashes folded onto a few bits (:func:`_jaccard_bound`, far cheaper) leaves within reach of the threshold.
Deterministic: it depends only on the texts and their order.
"""

from __future__ import annotations

import heapq
import zlib
from collections.abc import Sequence
from typing import NamedTuple

from ..models import Article

NEAR_COPY_JACCARD = 0.5
SHINGLE_WORDS = 5
MIN_SHINGLES = 10  # shorter texts (a headline, a one-line note) are never near copies, only identical ones
SKETCH = 16
MAX_PER_BUCKET = 64
FOLD_BITS = 1 << 12  # a fold (see _Folded) of more bits bounds large sets better, and costs more to compare
FOLD_FROM = 8  # an article's candidates compared exactly before the rest go by the folds first

def shingles(text: str) -> frozenset[int]:
    """The crc32 hashes of the word 5-grams of ``text`` (casefolded, split on whitespace)."""
    words = text.casefold().split()
    if len(words) < SHINGLE_WORDS:
        return frozenset([zlib.crc32(" ".join(words).encode("utf-8"))]) if words else frozenset()
    grams = zip(*(words[i:] for i in range(SHINGLE_WORDS)))
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, grams))))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # = len(a | b), without building the union


def text_shingles(article: Article) -> frozenset[int]:
    return shingles(article.text)


class _Folded(NamedTuple):
    """A shingle set folded onto :data:`FOLD_BITS` bits (each hash sets bit ``hash % FOLD_BITS``), and how many of
    its hashes fell on a bit another had set."""

    bits: int
    collisions: int


def _fold(hashes: frozenset[int]) -> _Folded:
    bits = 0
    for h in hashes:
        bits |= 1 << (h & (FOLD_BITS - 1))
    return _Folded(bits, len(hashes) - bits.bit_count())


def _jaccard_bound(a: frozenset[int], b: frozenset[int], fa: _Folded, fb: _Folded) -> float:
    """At least :func:`jaccard` of ``a`` and ``b``, from their folds, in a fraction of its time. A shared hash sets a
    bit set in both folds; only a collision puts a second one on the same bit, and each set has its own count
    of those. The bound is computed as :func:`jaccard` computes, from at least the number shared."""
    most = (fa.bits & fb.bits).bit_count() + min(fa.collisions, fb.collisions)
    return most / (len(a) + len(b) - most)


def near_copy_groups(articles: Sequence[Article]) -> dict[int, int]:
    """Index of each article that is a near copy of an earlier one -> index of the first of its group."""
    sets = [text_shingles(a) for a in articles]
    folds: dict[int, _Folded] = {}
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def fold(i: int) -> _Folded:  # folded when first needed: most articles are compared with few, if any
        if i not in folds:
            folds[i] = _fold(sets[i])
        return folds[i]

    buckets: dict[int, list[int]] = {}
    for i, own in enumerate(sets):
        if len(own) < MIN_SHINGLES:
            continue
        compared: set[int] = set()
        for h in heapq.nsmallest(SKETCH, own):
            members = buckets.setdefault(h, [])
            for j in members[:MAX_PER_BUCKET]:
                if j in compared:
                    continue
                compared.add(j)
                if find(i) == find(j):
                    continue
                # past the first few, an article is folded (once) and the bound tells most others apart
                if len(compared) > FOLD_FROM and _jaccard_bound(own, sets[j], fold(i), fold(j)) < NEAR_COPY_JACCARD:
                    continue
                if jaccard(own, sets[j]) >= NEAR_COPY_JACCARD:
                    a, b = find(i), find(j)
                    parent[max(a, b)] = min(a, b)
            members.append(i)
    return {i: find(i) for i in range(len(articles)) if find(i) != i}


def mark_copies(articles: Sequence[Article]) -> list[Article]:
    """``articles`` without the later ones of the same text (listed in the first one's ``copies``), near
    copies marked with ``near_copy_of``. The given articles are not changed (changed ones are copies)."""
    first: dict[str, int] = {}
    kept: list[Article] = []
    copies: dict[int, list[str]] = {}
    for article in articles:
        if article.path is not None and article.sha256 in first:
            copies.setdefault(first[article.sha256], []).append(article.path or article.id)
            continue
        if article.path is not None:
            first.setdefault(article.sha256, len(kept))
        kept.append(article)
    out = [a.model_copy(update={"copies": [*a.copies, *copies[i]]}) if i in copies else a for i, a in enumerate(kept)]
    for i, root in near_copy_groups(out).items():
        out[i] = out[i].model_copy(update={"near_copy_of": out[root].id})
    return out
