"""Line shapes the cleaner's rules test: bullets, hashtags, domains, names and bylines, menu lines, fragments."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.dates import find_date
from .lines import Features

__all__ = [
    "BULLET",
    "DATE_EDGE_SEPARATORS",
    "DOMAIN",
    "HASHTAGS",
    "MARKDOWN_HEADING",
    "explicit_byline",
    "intrinsic_fragment",
    "menu_like",
    "name_like",
]

BULLET = re.compile(r"^\s*[-•*·▪◦►▸‣]\s+\S")
HASHTAGS = re.compile(r"^\s*#[^\s#]+(?:[\s,]+#[^\s#]+)*\s*$")
MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_TLDS = (
    r"de|at|ch|com|org|net|eu|info|news|io|tv|fm|fr|it|es|nl|be|lu|pl|cz|co\.uk|uk|us|ca|au|ru|ua|li"
    r"|online|media|press"
)
DOMAIN = re.compile(
    rf"(?<![\w@.-])(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS}))(?![\w-])(?!\.\w)",
    re.IGNORECASE,
)
"""A domain-like token (``example.de``, ``EXAMPLE.AT``, ``www.example.co.uk``); group 1 without ``www.``."""
_FRAGMENT_CHARS = frozenset("/|@=_<>{}[]\\")
_PARTICLES = frozenset("von van der den de da di du del della la le zu ten ter al bin ibn".split())
_NOT_NAMES = frozenset(
    """der die das den dem des ein eine einer eines und oder im in am an auf aus bei mit für vor nach
    über unter zum zur vom ist sind war wie was wer warum wo neue neuer neues kein keine the a an and
    or of on at to for with by from is are was were new how why what who when where this that after
    over under about as vs mehr alle weitere aktuelle aktuell news nachrichten more latest top all
    other live video videos fotos bilder themen politik wirtschaft sport kultur meinung""".split()
)
_EXPLICIT_BYLINE = re.compile(
    r"^\W*(?:von|by|text|autor|autorin|author|written by|reporting by|published by|posted by|veröffentlicht von|"
    r"ein (?:beitrag|kommentar|artikel) von)"
    r"\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_BEFORE_DIGIT = re.compile(r"[^\d]*")
_NAME_CONNECTORS = frozenset({"und", "and", "&"})


def _name_token(token: str) -> bool:
    """A capitalised name word (``Musterfrau``, ``Müller-Lüdenscheidt``, ``O'Neil``) or an initial."""
    core = token[:-1] if token.endswith(".") else token
    if token.endswith(".") and len(core) > 4:
        return False
    if not core or core.lower() in _NOT_NAMES:
        return False
    parts = re.split(r"[-'’]", core)
    return all(part and part[0].isupper() and part.isalpha() for part in parts)


_INITIAL = re.compile(r"[A-Z]\.?")  # a middle initial, with or without its period ("Jane A Doe"): "A" is no article here


def name_like(tokens: Sequence[str], max_words: int = 4) -> bool:
    """2..max_words capitalised name words (lower-case particles like "von" allowed inside)."""
    words = [tok.rstrip(",") for tok in tokens]
    if not 2 <= len(words) <= max_words or not _name_token(words[0]) or not _name_token(words[-1]):
        return False
    return all(_name_token(tok) or tok in _PARTICLES or _INITIAL.fullmatch(tok) is not None for tok in words)


DATE_EDGE_SEPARATORS = "|·•,–—-"


# The time a dateline gives after its date ("Chas Pravdy - 04 Juli 2025 20:27", "17.10.2025, 08:15 Uhr")
_TIME_AFTER_DATE = re.compile(r"^(?:[,|·•–—-]\s*)?(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|[ap]\.?m\.?|[A-Z]{2,4}))?$",
                              re.IGNORECASE)


def _without_edge_date(line: str) -> str:
    """``line`` without a date at its start or end (with the separator next to it, and a time after it), if it
    has one."""
    found = find_date(line)
    if found is None:
        return line
    _, start, end = found
    before, after = line[:start].rstrip(), _TIME_AFTER_DATE.sub("", line[end:].strip())
    if not after:
        return before.rstrip(DATE_EDGE_SEPARATORS).strip()
    if not before:
        return after.lstrip(DATE_EDGE_SEPARATORS).strip()
    return line


def _name_groups(text: str) -> bool:
    """One to three names, separated by commas, "und", "and" or "&"."""
    groups: list[list[str]] = [[]]
    for tok in text.replace(",", " , ").split():
        if tok == "," or tok.lower() in _NAME_CONNECTORS:
            groups.append([])
        else:
            groups[-1].append(tok)
    names = [g for g in groups if g]
    return 1 <= len(names) <= 3 and all(name_like(g) or (len(g) == 1 and _name_token(g[0])) for g in names)


# the outlet a byline names after its authors: "The Associated Press", "Reuters", "Deutsche Welle", an agency's
# short name in lower case ("dpa", "epd")
_OUTLET = re.compile(r"(?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}|[a-z]{2,4}")


def _names_and_outlet(names: str) -> bool:
    """Names, a comma and the outlet they write for: "Vladimir Isachenkov, The Associated Press"."""
    authors, _, outlet = names.rpartition(",")
    return bool(authors) and _OUTLET.fullmatch(outlet.strip()) is not None and _name_groups(authors)


def explicit_byline(feat: Features) -> bool:
    """``Von Max Mustermann``, ``By Jane Doe and John Roe``, ``Jane Doe | 17 October 2025``."""
    rest = _without_edge_date(feat.stripped)
    m = _EXPLICIT_BYLINE.match(rest)
    if m is not None:
        names = m.group("names")
        # a date in a language the date reader does not know follows the names ("Published by Jane Doe
        # 7 de julio, 2025"): the names are what comes before its first digit
        # (a line that ends as a sentence is prose: "By Monday 3 ships had left the port.")
        return _name_groups(names) or (not feat.ends_sentence and (
            _name_groups(_BEFORE_DIGIT.match(names).group(0).rstrip(" ,|–-")) or _names_and_outlet(names)))
    return rest != feat.stripped and name_like(rest.split())


def menu_like(feat: Features) -> bool:
    """A short non-prose line that can be part of a menu run."""
    n = feat.n_words
    if n > 4 or feat.ends_sentence:
        return False
    if n <= 3:
        return True
    first_letter = next((ch for ch in feat.stripped if ch.isalpha()), "")
    return (
        feat.stripped.endswith(":")
        or first_letter.islower()
        or any(tok.endswith(".") for tok in feat.words[:-1])
    )


def intrinsic_fragment(feat: Features) -> bool:
    """A one- or two-word line that cannot be prose or a heading, wherever it is."""
    s = feat.stripped
    if feat.n_words > 2:
        return bool(feat.n_words <= 3 and s.startswith("(") and s.endswith(")"))
    first_letter = next((ch for ch in s if ch.isalpha()), "")
    return (
        not first_letter
        or first_letter.islower()
        or (s.startswith("(") and s.endswith(")"))
        or any(ch in _FRAGMENT_CHARS for ch in s)
        or DOMAIN.search(s) is not None
    )
