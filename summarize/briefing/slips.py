"""Slips of a small model in the free text it writes: a description cut off at its length limit, a summary
sentence left unfinished, a description that names its own decider first, and words of another script in an
English field.

* A field's length limit holds the model to it while it writes (a server that follows the JSON Schema stops
  the string there), so a description that reaches the limit is cut mid-word: "... and his refusal to agree
  to an immediate cea". :func:`cut_at_limit` keeps its whole words, without a dangling "to" or "and", and
  marks the cut with "…".
* A summary sentence without its end ("The US President called his conversation with Putin"), or a line of the
  page copied as one ("Chaos in sky: Hegseth halts Ukraine's weapons flights without Trump's order", a "read
  also" teaser): :func:`finished_sentences` keeps the sentences that end as sentences do.
* A description that opens with its decider ("president Trump promised to send weapons", the sentence's subject
  copied in): :func:`without_own_name` leaves the name out, so the description says what the decider did.
* A model trained on Chinese and English text slips into Chinese mid-sentence ("arms shipments to乌克兰",
  "relations between Moscow and华盛顿"). :func:`latin_only` writes the names of countries in English (CLDR's
  names, via Babel, in the scripts such a model slips into) and cuts the field before any other such word,
  marked "…"; :func:`summary_in_latin` leaves out a summary's sentences that keep one. Letters of another
  script are never right in an English description: a name in Cyrillic belongs in ``name_as_written``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.sentences import ends_sentence

__all__ = ["ELLIPSIS", "cut_at_limit", "finished_sentences", "latin_only", "other_script", "summary_in_latin",
           "without_own_name"]

ELLIPSIS = "…"

# a run of letters of no Latin script (Latin: ASCII, Latin-1, Extended-A/B, Additional, Extended-C/D)
_OTHER = re.compile(r"(?:(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF])[^\W\d_])+")
# words a cut leaves dangling at the end: "... weapons to", "... the war and"
_DANGLING = re.compile(r"(?:[\s,;:–—(-]|(?<!\w)(?:the|a|an|and|or|but|of|to|in|on|for|with|by|at|from|about|as|his|her|"
                       r"their|its|that|which|who|whether|while|between|than|into|over)(?!\w))+$", re.IGNORECASE)
_SLIP_LANGUAGES = ("zh", "zh_Hant", "ja", "ko", "ru", "uk")  # scripts whose country names are mapped


def other_script(text: str | None) -> list[str]:
    """The runs of letters of another script than Latin in ``text``."""
    return _OTHER.findall(text) if text else []


def _trimmed(text: str) -> str:
    """``text`` without the words and marks a cut leaves dangling, marked as cut."""
    return _DANGLING.sub("", text.rstrip()) + ELLIPSIS


def cut_at_limit(text: str, limit: int) -> str:
    """``text`` as it is when shorter than ``limit`` or not ending in a letter or digit; at the limit (cut there
    while written, mid-word), its whole words without a dangling "to" or "the" at the end, and "…"."""
    head = text.rstrip()
    if len(text) < limit or not head[-1:].isalnum() or " " not in head:
        return text
    kept = _DANGLING.sub("", head[: head.rfind(" ")])
    return kept + ELLIPSIS if kept else text


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """A country's name in the scripts a model slips into -> its English name (CLDR)."""
    from babel import Locale  # its locale data loads on first use, not at import

    english = Locale("en").territories
    return {name: en for language in _SLIP_LANGUAGES for code, name in Locale.parse(language).territories.items()
            if code.isalpha() and (en := english.get(code)) and other_script(name) == [name]}


def latin_only(text: str) -> str:
    """``text`` with the countries it names in another script named in English ("to乌克兰" -> "to Ukraine"),
    cut before any other word of another script ("between Moscow and华盛顿" -> "between Moscow…")."""
    if not other_script(text):
        return text

    def named(match: re.Match[str]) -> str:
        name = _countries().get(match.group(0))
        if name is None:
            return match.group(0)
        before = text[match.start() - 1: match.start()]
        after = text[match.end(): match.end() + 1]
        return (" " if before.isalnum() else "") + name + (" " if after.isalnum() else "")

    text = _OTHER.sub(named, text)
    left = _OTHER.search(text)
    return text if left is None else (_trimmed(text[: left.start()]) if text[: left.start()].strip() else "")


def summary_in_latin(sentences: list[str]) -> list[str]:
    """A summary's sentences with countries of another script named in English, and without those that keep
    another word of another script (when none is left, each cut before it, as :func:`latin_only` cuts)."""
    fixed = [latin_only(s) for s in sentences]
    cut = [bool(other_script(s)) and (not f or f.endswith(ELLIPSIS)) for s, f in zip(sentences, fixed)]
    return [f for f, c in zip(fixed, cut) if not c] or [f for f in fixed if f]


def finished_sentences(sentences: list[str]) -> list[str]:
    """The summary's sentences that end as sentences do (:func:`~summarize.text.sentences.ends_sentence`, or with
    a closing quotation mark: 'Trump said it "didn't feel right"'); all of them when none does."""
    ended = [s for s in sentences if ends_sentence(s) or s.rstrip().endswith(('"', "”", "»"))]
    return ended or sentences


# words that may stand before a decider's name at a description's start: an office ("president Trump promised")
_TITLE_WORDS = frozenset("the us u.s. president vice secretary minister chancellor prime foreign defense defence state "
                         "russian ukrainian american german british french former".split())
# words after a name that open no predicate ("Trump and Putin agreed", "Trump's envoy")
_NO_PREDICATE = frozenset("and or of with to in on at for by from as".split())


def without_own_name(what: str, who: str) -> str:
    """``what`` without the decider's name (and office) it opens with: "president Trump promised to send
    weapons" of Donald Trump -> "promised to send weapons"; as it is when it does not open so, or when the
    name is not followed by a predicate ("Trump and Putin agreed to meet", "Trump's envoy met Putin")."""
    words, names = what.split(), {w.casefold() for w in who.split() if len(w) >= 3}
    leading = _TITLE_WORDS | names
    lead = next((n for n, word in enumerate(words) if word.casefold().rstrip(":,") not in leading), len(words))
    rest = words[lead:]
    if not any(w.casefold().rstrip(":,") in names for w in words[:lead]) or len(rest) < 2:
        return what
    return " ".join(rest) if rest[0][:1].islower() and rest[0].casefold() not in _NO_PREDICATE else what
