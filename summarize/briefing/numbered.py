"""The cleaned text's sentences, numbered from 1: what the model sees and cites, cut into parts."""

from __future__ import annotations

from collections.abc import Iterable
import bisect
from dataclasses import dataclass
import re

from ..text.sentences import is_heading, split as split_sentences
from .drafts import Scope


@dataclass(frozen=True)
class Sentences:
    """The cleaned text's sentences, numbered from 1: what the model sees and cites."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, max_chars: int | None = None) -> Sentences:
        """The sentences of ``text``; with ``max_chars``, a longer one (a text without sentence ends: a list,
        a minified page) is cut into pieces of at most ``max_chars`` at whitespace (mid-word only where a
        run of that length has none), each numbered as a sentence. Shorter sentences are left as they are."""
        starts, ends = split_sentences(text)
        if max_chars is not None and any(e - s > max_chars for s, e in zip(starts, ends)):
            starts, ends = _bounded(text, starts, ends, max_chars)
        return cls(text, starts, ends)

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, n: int) -> tuple[int, int]:
        return self.starts[n - 1], self.ends[n - 1]

    def sentence(self, n: int) -> str:
        start, end = self.span(n)
        return self.text[start:end]

    def number_at(self, pos: int) -> int:
        """The number of the sentence holding (or following) cleaned-text offset ``pos``."""
        return min(len(self), bisect.bisect_right(self.ends, pos) + 1)

    def windows(self, max_chars: int) -> list[Scope]:
        """Runs of whole sentences of at most ``max_chars`` (a longer sentence is a window of its own),
        cut preferably where a line ends, so a heading travels with its paragraph."""
        scopes: list[Scope] = []
        first, size, last_line_end = 1, 0, 0
        for n in range(1, len(self) + 1):
            length = self.ends[n - 1] - self.starts[n - 1] + 6
            if size and size + length > max_chars:
                cut = last_line_end if last_line_end >= first and (n - 1 - last_line_end) <= 3 else n - 1
                scopes.append((first, cut))
                first = cut + 1
                size = sum(self.ends[k - 1] - self.starts[k - 1] + 6 for k in range(first, n))
            size += length
            if "\n" in self.text[self.ends[n - 1] : self.ends[n - 1] + 2] and not is_heading(self.sentence(n)):
                last_line_end = n
        if first <= len(self):
            scopes.append((first, len(self)))
        return scopes

    def numbered(self, scope: Scope, only: Iterable[int] | None = None) -> str:
        """The sentences of ``scope``, one per line, each after its number: ``[12] Trump sagte ...``; with
        ``only``, just those of them."""
        numbers = range(scope[0], scope[1] + 1) if only is None else sorted(n for n in set(only) if scope[0] <= n <= scope[1])
        return "\n".join(f"[{n}] {self.sentence(n)}" for n in numbers)


def sentence_chars(chunk_chars: int) -> int:
    """The longest numbered sentence for parts of ``chunk_chars``: one fits a focused pass's half-size part
    with its number and line break (``[12] ``, see :meth:`Sentences.windows`)."""
    return max(1, chunk_chars // 2 - 6)


_SPACE = re.compile(r"\s")


def _bounded(text: str, starts: tuple[int, ...], ends: tuple[int, ...], max_chars: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``starts``/``ends`` with every sentence longer than ``max_chars`` cut into pieces (see :meth:`Sentences.of`)."""
    out_starts: list[int] = []
    out_ends: list[int] = []
    for start, end in zip(starts, ends):
        while end - start > max_chars:
            limit = start + max_chars
            cut = max((m.start() for m in _SPACE.finditer(text, start + 1, limit + 1)), default=limit)
            if cut <= start:
                cut = limit
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out_starts.append(start)
            out_ends.append(piece_end)
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out_starts.append(start)
            out_ends.append(end)
    return tuple(out_starts), tuple(out_ends)


def is_quoted_heading(sentence: str) -> bool:
    """A short line that ends in a quotation with no full stop inside or after it: a subheading that quotes
    someone ('Trump bleibt unklar – "Auch unser Land braucht Waffen"'), not a sentence ('Er sagte: "Nein."')."""
    line = sentence.rstrip()
    return len(line) < 120 and line.endswith(('"', "“", "”", "«", "»")) and line[-2:-1] not in ".!?,…" and "\n" not in line


def halve(scope: Scope) -> list[Scope]:
    """Two halves of a part (for an answer cut off at ``max_tokens``); ``[]`` for a single sentence."""
    first, last = scope
    if last <= first:
        return []
    middle = (first + last) // 2
    return [(first, middle), (middle + 1, last)]
