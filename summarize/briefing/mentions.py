"""Whether a span of the article, or its sentence(s), mentions a name: the guard against citing one
sentence for every actor (:func:`mentions`), and the same on a sentence already found (:func:`mentioned_in`).

A name matches when its words occur in order, each at the start of a word, the last one possibly followed by
more letters (German inflections, compounds): a check that the evidence is *about* the name at all, not an
entity linker. Quotes are located by :mod:`summarize.briefing.ground`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.normalise import WORD, normalise
from ..text.sentences import bounds as sentence_bounds

__all__ = ["mentioned_in", "mentions", "word_start"]


# Inflectional endings accepted after 3-4 character names ("Kiewer", "Roms", "Merz" but not "Merzig").
_SHORT_NAME_SUFFIX = r"(?:s|es|n|en|e|er|ern|ers|em)?"


def _token_pattern(token: str, last: bool) -> str:
    escaped = re.escape(token)
    if not last or len(token) < 3:
        return escaped + r"(?!\w)"
    if len(token) <= 4:
        return escaped + _SHORT_NAME_SUFFIX + r"(?!\w)"
    return escaped  # a prefix of a word: "Selenskyjs", "Tomahawks", "Kremlsprecher"


def mentions(name: str, text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` or its sentence(s) (:func:`sentence_bounds`) mention ``name``?

    Both sides are :func:`normalise`-d (so case-insensitive). A name matches when its words occur
    in order, each at the start of a word of the text, the last one possibly followed by more
    letters: names of five or more characters match as word prefixes ("Trumps", "Tomahawks",
    "Kremlsprecher"), names of three or four characters only with a German inflectional ending
    ("Kiewer", "Roms" -- but "Rom" does not match "Roman", "Merz" not "Merzig"). Hyphens separate
    words, so hyphenated compounds mention their parts ("Tomahawk-Marschflugkörpern",
    "Trump-Putin-Telefonats"). Multi-word names (separated by whitespace) also match on their last
    word of three or more characters, usually the surname ("Selenskyj" for "Wolodymyr
    Selenskyj"). A final "s" of a name of six or more characters is optional, so the name
    "Tomahawks" or "Patriots" is mentioned by "Tomahawk-Raketen" or "Patriot-Systeme". Names shorter
    than three characters must occur as a whole word, case-sensitively if written in capitals ("US"
    is not "us").

    The prefix rule is deliberately permissive: "Ukraine" matches "Ukrainerin" and "Ukrainekrieg".
    This is a check that the evidence is *about* the name at all, not an entity linker.
    """
    if start == 0 and end == len(text):  # the whole text (a description, a quote): its own sentence bounds
        return mentioned_in(name, text)
    lo, hi = sentence_bounds(text, start, end)
    return mentioned_in(name, text[lo:hi])


def mentioned_in(name: str, context: str, normalised: str | None = None, whole: bool = False) -> bool:
    """:func:`mentions` on ``context``, the sentence(s) already found; ``normalised``, if given, must be
    ``normalise(context)`` (a caller that asks about one sentence many times keeps it). ``whole``: a name of
    several words matches only as a whole, not on its last word (a weapon: "air defense missiles" is not
    named by "missiles")."""
    found = _name_pattern(name.strip(), whole)
    if found is None:
        return False
    source, flags, needle = found
    if needle is None:  # a name of one or two characters
        return _compiled(source, flags).search(context) is not None
    ncontext = normalise(context) if normalised is None else normalised
    # Most names are in few sentences, and many (an alias table's other forms) in none: the word the pattern
    # begins with is looked for first, and the pattern is compiled only for a text that has it.
    if needle not in ncontext:
        return False
    if source is None:  # a name of one word of five or more letters: a word that begins with it
        return word_start(needle, ncontext) >= 0
    return _compiled(source, flags).search(ncontext) is not None


def word_start(needle: str, text: str) -> int:
    r"""Where ``needle`` begins a word of ``text`` first (the pattern ``(?<!\w)needle``, without compiling one
    per name: news names thousands of people once each), or -1. A character is a word's (``\w``) exactly
    when ``str.isalnum`` says so, or it is "_"."""
    at = text.find(needle)
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at = text.find(needle, at + 1)
    return at


_compiled = lru_cache(maxsize=4096)(re.compile)


_CONNECTIVE = re.compile(r"\s(?:of|for|on|für|des)\s")


@lru_cache(maxsize=4096)  # a name is looked for in many sentences of an article, and in many articles
def _name_pattern(bare: str, whole: bool = False) -> tuple[str | None, int, str | None] | None:
    """The pattern :func:`mentions` searches for a name, with its flags, and a word every text it matches
    holds: None for a name of one or two characters, whose pattern is searched in the text as written (the
    others are searched in the normalised text). The pattern is None for a name of one word of five letters
    or more: a word that begins with it, which :func:`word_start` finds. None for no name."""
    if not bare:
        return None
    if len(bare) < 3:
        return r"(?<!\w)" + re.escape(bare) + r"(?!\w)", 0 if bare.isupper() else re.IGNORECASE, None
    tokens = WORD.findall(normalise(bare))
    if not tokens:
        return None
    # One pattern, as short as gives the same answers: a name of several words matches on its last word of
    # three or more letters alone (see mentions), and wherever the whole name matches, that word stands at a
    # word's start, so it is all that is searched ("selenskyj" for "Wolodymyr Selenskyj", "meldung" for
    # "Meldung 5"); a last word of six or more letters ending in "s" matches without it too, and wherever it
    # matches, the shorter does ("tomahawk" for "Tomahawks").
    # An institution's name ("Department of Defense", "Bank für Wiederaufbau") is not named by its last word
    # alone ("Ministry of Defense" is another institution); a person's name is.
    significant = ([t for t in tokens if len(t) >= 3] if len(bare.split()) > 1 and not whole
                   and not _CONNECTIVE.search(bare) else [])
    words = significant[-1:] or tokens
    last = words[-1][:-1] if len(words[-1]) >= 6 and words[-1].endswith("s") else words[-1]
    if len(words) == 1 and len(last) > 4:
        return None, 0, last  # r"(?<!\w)" + re.escape(last), searched by word_start
    phrase = r"\W+".join([*(_token_pattern(w, last=False) for w in words[:-1]), _token_pattern(last, last=True)])
    return r"(?<!\w)" + phrase, 0, words[0] if len(words) > 1 else last  # the word the pattern begins with

