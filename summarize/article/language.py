"""The language of an article, guessed from its common function words (no model, no dictionary).

``language``
    ISO 639-1 code of the language whose common function words occur most often in the cleaned
    text (de, en, fr, es, it, nl, pl, pt; uk or ru for Cyrillic text, told apart by their own
    letters). ``None`` below 20 words or when no language reaches 5 % of the words.
"""

from __future__ import annotations

import re
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
_CYRILLIC = {"uk": frozenset("іїєґ"), "ru": frozenset("ыэъё")}
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")  # ASCII letters: what ch.isascii() and ch.isalpha() accepts
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
    # counted by regex: a Python loop over every character was a quarter of loading an article
    cyrillic = len(_CYRILLIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if cyrillic > latin:
        letters = {lang: sum(1 for ch in text.lower() if ch in chars) for lang, chars in _CYRILLIC.items()}
        if letters["uk"] != letters["ru"]:
            return "uk" if letters["uk"] > letters["ru"] else "ru"
        candidates = ["uk", "ru"]
    else:
        candidates = [lang for lang in _STOPWORDS if lang not in _CYRILLIC]
    scores = {lang: sum(1 for tok in tokens if tok in _STOPWORDS[lang]) for lang in candidates}
    best = max(candidates, key=lambda lang: scores[lang])
    if scores[best] < max(5, _MIN_SHARE * len(tokens)):
        return None
    return best
