"""Split a cleaned article into parts of at most ``max_chars``, at line (paragraph) boundaries.

A weak model recalls far more per paragraph than per article; a part of a few paragraphs keeps most of
that gain at a fraction of the calls. A heading (a short line without final punctuation) travels with the
paragraph after it. A single paragraph longer than the budget is split at sentence ends.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…\"“”»])\s+(?=[A-ZÄÖÜ\"„“«(])")


def _is_heading(line: str) -> bool:
    return len(line) < 120 and not line.rstrip().endswith((".", "!", "?", ":", "\"", "“", "”"))


def _split_long(line: str, max_chars: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(line):
        if current and len(current) + 1 + len(sentence) > max_chars:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        parts.append(current)
    return parts


def chunk(text: str, max_chars: int) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    units: list[str] = []
    pending_heading: str | None = None
    for line in lines:
        if _is_heading(line) and pending_heading is None:
            pending_heading = line
            continue
        if pending_heading is not None:
            line = f"{pending_heading}\n{line}"
            pending_heading = None
        units.extend(_split_long(line, max_chars) if len(line) > max_chars else [line])
    if pending_heading is not None:
        units.append(pending_heading)

    parts: list[str] = []
    current = ""
    for unit in units:
        if current and len(current) + 1 + len(unit) > max_chars:
            parts.append(current)
            current = unit
        else:
            current = f"{current}\n{unit}" if current else unit
    if current:
        parts.append(current)
    return parts


MIN_SPLIT_CHARS = 300


def halve(part: str) -> list[str]:
    """Two halves of a part, cut at the line break (else the sentence end) nearest its middle.

    Used when the model's answer for a part was cut off at ``max_tokens``: a weak model that ran out of
    room on a part usually finishes on half of it. Returns ``[]`` when the part is too short to split."""
    if len(part) < MIN_SPLIT_CHARS:
        return []
    middle = len(part) // 2
    cuts = [i for i, ch in enumerate(part) if ch == "\n"]
    if not cuts:
        cuts = [m.start() for m in _SENTENCE_END.finditer(part)]
    if not cuts:
        return []
    cut = min(cuts, key=lambda i: abs(i - middle))
    first, second = part[:cut].strip(), part[cut:].strip()
    return [first, second] if first and second else []
