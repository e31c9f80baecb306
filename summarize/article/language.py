"""The language of an article, guessed from its common function words (no model, no dictionary).

``language``
    ISO 639-1 code of the language whose common function words occur most often in the cleaned
    text (de, en, fr, es, it, nl, pl, pt; uk or ru for Cyrillic text, told apart by their own
    letters). ``None`` below 20 words or when no language reaches 5 % of the words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .lines import Line

__all__ = ["language"]

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "de": """der die das und ist nicht ein eine einen einem einer den dem des mit sich auf für von
            zu im auch es sie er wir nach bei aus wie dass noch über sind wird wurde werden hat haben
            war oder aber nur um vor zum zur so schon""",
        "en": """the and of to is in that it for on with as was were be by this are have has from at
            not but which an they he she will would been their its or had who""",
        "fr": """le la les et des du un une est que qui dans pour pas sur au aux ce cette il elle sont
            avec plus par ont été mais ou son ses leur""",
        "es": """el la los las y de del que en un una es por con para no se lo su al como más pero sus
            le ya fue ha este esta""",
        "it": """il lo la gli le e di del della che un una è per con non si da in sono al alla dei
            delle come anche ma più questo""",
        "nl": """de het een en van is dat op te in voor met zijn niet aan er ook als bij om door maar
            naar dan wordt werd nog worden""",
        "pl": """i w z na się nie do to że jest o jak od po za co ale przez dla już jego jej są było
            tak oraz który która""",
        "pt": """o a os as e de do da dos das que em um uma é para com não por no na se mais ao como
            mas foi são""",
        "uk": """і в на що не з до та як це за від у він вона його її але вже був була були також
            який яка""",
        "ru": """и в на что не с по как это за от у он она его ее но уже был была были также который
            которая""",
    }.items()
}
_CYRILLIC = {"uk": re.compile("[іїєґ]"), "ru": re.compile("[ыэъё]")}  # letters only one of the two has
_NOT_CYRILLIC = re.compile("[^\u0400-\u04ff]+")
_NOT_LATIN = re.compile("[^A-Za-z]+")  # all but the ASCII letters: what ch.isascii() and ch.isalpha() accepts
_MIN_WORDS = 20
_MIN_SHARE = 0.05


def language(lines: Sequence[Line]) -> str | None:
    text = "\n".join(line.text for line in lines if line.kept)
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    if len(tokens) < _MIN_WORDS:
        text = "\n".join(line.text for line in lines)
        tokens = re.findall(r"[^\W\d_]+", text.lower())
    if len(tokens) < _MIN_WORDS:
        return None
    # counted as what is left when the rest is cut out, in C: a Python loop over every character was a quarter
    # of loading an article, and a list of every letter (findall) still a tenth
    cyrillic = len(_NOT_CYRILLIC.sub("", text))
    latin = len(_NOT_LATIN.sub("", text))
    if cyrillic > latin:
        lowered = text.lower()
        letters = {lang: len(pattern.findall(lowered)) for lang, pattern in _CYRILLIC.items()}
        if letters["uk"] != letters["ru"]:
            return "uk" if letters["uk"] > letters["ru"] else "ru"
        candidates = ["uk", "ru"]
    else:
        candidates = [lang for lang in _STOPWORDS if lang not in _CYRILLIC]
    scores = _scores(tokens, candidates)
    best = max(candidates, key=lambda lang: scores[lang])
    if scores[best] < max(5, _MIN_SHARE * len(tokens)):
        return None
    return best


def _languages_of() -> dict[str, list[str]]:
    """Each function word -> the languages it is one of."""
    index: dict[str, list[str]] = {}
    for lang, words in _STOPWORDS.items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return index


_LANGUAGES_OF = _languages_of()


def _scores(tokens: list[str], candidates: list[str]) -> dict[str, int]:
    """How many of ``tokens`` are function words of each candidate language. Each distinct word is looked up
    once, in one index, not in each language's list."""
    scores = dict.fromkeys(candidates, 0)
    for word, n in Counter(tokens).items():
        for lang in _LANGUAGES_OF.get(word, ()):
            if lang in scores:
                scores[lang] += n
    return scores
