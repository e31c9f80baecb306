"""Which words a language has: the word lists of pyspellchecker (word frequencies of film subtitles, MIT
licensed), one language loaded on first use (German: ~0.4 s and ~60 MB; English: ~0.1 s).

Used to find a word an English field kept from the article's language ("did not attend the Gipfel"):
one the article's language has and English has not. A list covers common words and their inflected forms,
and few names, so a name is rarely taken for a word of either language.
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
