"""Which words a language has: the word lists of pyspellchecker (word frequencies of film subtitles, MIT
licensed), one language loaded on first use (German: ~0.4 s and ~60 MB; English: ~0.1 s).

Used to find a word an English field kept from the article's language ("did not attend the Gipfel"):
one the article's language has and English has not. A list covers common words and their inflected forms,
and few names, so a name is rarely taken for a word of either language. :func:`not_in_english` is the
quicker test of a field that reads as German as a whole (its function words, umlauts, endings).
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = frozenset({"ar", "de", "en", "es", "eu", "fa", "fr", "it", "lv", "nl", "pt", "ru"})  # pyspellchecker's


@lru_cache(maxsize=None)
def _words(language: str) -> dict[str, int]:
    from spellchecker import SpellChecker  # its import and its lists cost nothing until a field needs them

    return SpellChecker(language=language, distance=1).word_frequency.dictionary  # type: ignore[no-any-return]


def has_word(language: str, word: str) -> bool:
    """Whether ``language``'s list has ``word`` (any case); False for a language without a list."""
    return language in LANGUAGES and word.casefold() in _words(language)


# German function words: a description with two of them (or a lower-case word with an umlaut) was copied
# from a German article instead of written in English.
_GERMAN_WORDS = frozenset(
    "der die das und nicht mit für über ist wird werden zu von den dem ein eine einen sich auf auch als bei "
    "nach wurde hat haben soll sollen noch wie aus im am zum zur dass ob wir sie es des eines einer "
    "sagte sagt sagten wird wurden kann könnte muss sind waren hatte gibt gab welche welcher warum wann".split()  # not "war"
)


_GERMAN_ENDINGS = ("ische", "ischer", "ischen", "isches", "ungen", "lichen", "licher")


def not_in_english(text: str | None) -> bool:
    """Whether a descriptive field that should be English reads as German."""
    if not text:
        return False
    words = [w for w in "".join(c if c.isalpha() else " " for c in text).split()]
    if any("ß" in w or (w.islower() and (any(c in "äöü" for c in w) or w.endswith(_GERMAN_ENDINGS))) for w in words):
        return True
    return sum(w.casefold() in _GERMAN_WORDS for w in words) >= 2
