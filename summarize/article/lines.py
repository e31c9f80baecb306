"""The cleaner's unit of work: a line of the original text, and what the rules read off it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import sentences

__all__ = ["Features", "Line", "split_lines", "words_of"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the original text and what ``clean`` decided about it.

    ``start`` is the offset of the line in the original, ``text`` the line without its line break,
    ``rule`` the rule that removed it (``None``: kept, or blank), ``detail`` a finer label for
    ``boilerplate`` lines (``"share"``, ``"credit"``, ``"read_also"``, ...).
    """

    start: int
    text: str
    rule: str | None = None
    detail: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def kept(self) -> bool:
        return self.rule is None and not self.blank



_NEWLINE = re.compile(r"\r\n|\r|\n")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def split_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` for every line; the break (``\\n``, ``\\r\\n`` or ``\\r``) is not part of it."""
    lines: list[tuple[int, str]] = []
    pos = 0
    if "\r" not in text:  # every break is one "\n": a plain split, which is far quicker than the regex
        for line in text.split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        return lines
    for m in _NEWLINE.finditer(text):
        lines.append((pos, text[pos : m.start()]))
        pos = m.end()
    lines.append((pos, text[pos:]))
    return lines


def words_of(line: str) -> list[str]:
    """Whitespace-separated tokens that hold a letter or digit ("–", "•", "&" do not count). ``str.split`` and
    ``str.isalnum`` agree with ``re``'s ``\\s`` and ``[^\\W_]``, and cost less than a regex that backtracks
    through every token."""
    return [tok for tok in line.split() if tok.isalnum() or _LETTER_OR_DIGIT.search(tok)]


@dataclass(frozen=True, slots=True)
class Features:
    """What the cleaner's rules look at in one line: its words, whether it ends a sentence, and whether it
    is *protected* (15 or more words, or two or more sentences) or a *paragraph* (protected, or six or more
    words ending in ``.``, ``!``, ``?``, ``…`` or ``:``)."""

    text: str
    stripped: str
    words: tuple[str, ...]
    n_words: int
    ends_sentence: bool
    protected: bool
    paragraph: bool

    @classmethod
    def of(cls, text: str) -> Features:
        stripped = text.strip()
        words = tuple(words_of(stripped))
        n_words = len(words)
        ends_sentence = sentences.ends_sentence(stripped)
        protected = n_words >= 15 or sentences.count(stripped) >= 2
        paragraph = protected or (n_words >= 6 and sentences.ends_clause(stripped))
        return cls(text, stripped, words, n_words, ends_sentence, protected, paragraph)

