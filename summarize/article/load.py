"""Files -> ``Article``: find article files, read them strictly, and read metadata off the text.

Reading is strict: an article must be UTF-8 text (a UTF-8 byte-order mark is dropped). Empty,
whitespace-only, binary (NUL bytes) and non-UTF-8 files raise ``InputError`` with the file named
and the fix spelled out; nothing is guessed or silently re-encoded. ``Article.text`` is the decoded
text exactly, so evidence offsets point into the file as it is on disk.

Metadata heuristics (all deterministic, all from the text alone, see ``summarize.article.clean``):

``title``
    Among the first five lines that ``clean()`` keeps, the first with 4 to 30 words that is not a
    multi-sentence paragraph ending in a full stop. A Markdown heading marker (``# ``) is dropped.
``source``
    Domain-like tokens (``example.de``, ``EXAMPLE.AT``: a name ending in a known TLD) in the lines
    ``clean()`` removes as page chrome (mastheads, ``(EXAMPLE.AT)`` tags, "Folgen Sie example.de
    bei ..."), photo credits and "read also" teasers excepted (those name other sites), as are
    social networks. The most frequent one wins (case-insensitively, ties to the earliest); it is
    spelled as it is spelled most often. Sites named only in the article prose, and names that are
    not domains ("X", "Truth Social"), are ignored. ``None`` when the chrome names no site.
``published``
    The first date in the header, i.e. the first ten non-blank lines, found on a line that is only
    a date (``Oktober 17, 2025``, ``17.10.2025``, ``2025-10-17``, with an optional weekday, time or
    label), on a line labelled ``Veröffentlicht``/``Published``/``Aktualisiert``/``Updated``/
    ``Stand``, or at the start or end of a short line such as ``Jane Doe | 17 October 2025``.
    Dates inside prose are events, not the publication date, and are ignored.
``language``
    ISO 639-1 code of the language whose common function words occur most often in the cleaned
    text (de, en, fr, es, it, nl, pl, pt; uk or ru for Cyrillic text, told apart by their own
    letters). ``None`` below 20 words or when no language reaches 5 % of the words.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .clean import DOMAIN, Line, classify, find_date, parse_dateline

__all__ = ["ARTICLE_SUFFIXES", "article_from_text", "find_articles", "load_article"]

ARTICLE_SUFFIXES = (".txt", ".md")

# --------------------------------------------------------------------------- finding files


def _missing(path: str | Path) -> InputError:
    return InputError(
        f"{path}: no such file or folder. Check the path, or pass a folder of .txt/.md articles.",
        path=str(path),
    )


def find_articles(paths: Sequence[str | Path]) -> list[Path]:
    """The article files named by ``paths``, in the order given, each at most once.

    A file is taken as given, whatever its suffix. A folder contributes its own (not its
    sub-folders') non-hidden files ending in one of ``ARTICLE_SUFFIXES``, sorted by name.
    Raises ``InputError`` for a path that does not exist, and when no article is found at all.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    seen: set[Path] = set()
    folders: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise _missing(given)
        if path.is_dir():
            folders.append(str(given))
            candidates = sorted(
                (
                    entry
                    for entry in path.iterdir()
                    if entry.is_file()
                    and not entry.name.startswith(".")
                    and entry.suffix.lower() in ARTICLE_SUFFIXES
                ),
                key=lambda entry: entry.name,
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    if not found:
        suffixes = ", ".join(ARTICLE_SUFFIXES)
        if not folders:
            raise InputError(f"no input given: pass one or more article files or folders of {suffixes} files.")
        where = ", ".join(folders)
        raise InputError(
            f"{where}: no articles found (looked for {suffixes} files; hidden files are skipped). "
            "Put the articles there, or pass the files directly.",
            path=where,
        )
    return found


# --------------------------------------------------------------------------- reading files


def load_article(path: str | Path) -> Article:
    """Read one article file (strict UTF-8) into an ``Article``; ``id`` is the file stem."""
    path = Path(path)
    if not path.exists():
        raise _missing(path)
    if path.is_dir():
        raise InputError(
            f"{path}: is a folder, not an article file. Pass a .txt/.md file, or use find_articles() for folders.",
            path=str(path),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{path}: cannot be read ({exc.strerror or exc}). Check the file's permissions.", path=str(path)
        ) from exc
    if not data:
        raise InputError(
            f"{path}: the file is empty (0 bytes). Pass a file that holds an article's text.", path=str(path)
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            f"{path}: is UTF-16 encoded, not UTF-8. Save it as UTF-8 and try again.", path=str(path)
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{path}: looks binary (NUL byte at offset {nul}), not like a text article. "
            "Pass a .txt or .md file saved as UTF-8 text.",
            path=str(path),
        )
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + bom
        raise InputError(
            f"{path}: is not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}). "
            "Save it as UTF-8 and try again.",
            path=str(path),
        ) from exc
    return article_from_text(text, id=path.stem, path=str(path))


def article_from_text(text: str, *, id: str = "article", path: str | None = None) -> Article:
    """An ``Article`` from text already in memory; metadata as in the module docstring.

    A leading byte-order mark is dropped; nothing else is changed. Raises ``InputError`` when the
    text is empty or whitespace-only, or holds NUL characters.
    """
    name = path or id
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        what = "empty" if not text else "empty (only whitespace)"
        raise InputError(f"{name}: the article is {what}. Pass a file that holds an article's text.", path=path)
    if "\x00" in text:
        raise InputError(
            f"{name}: looks binary (it holds NUL characters), not like a text article. Pass UTF-8 text.",
            path=path,
        )
    lines = classify(text)
    return Article(
        id=id,
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=_title(lines),
        source=_source(lines),
        published=_published(lines),
        language=_language(lines),
    )


# --------------------------------------------------------------------------- metadata

_TITLE_LOOKAHEAD = 5
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")


def _n_words(line: str) -> int:
    return sum(1 for tok in line.split() if any(ch.isalnum() for ch in tok))


def _title(lines: Sequence[Line]) -> str | None:
    kept = [line.text for line in lines if line.kept][:_TITLE_LOOKAHEAD]
    for text in kept:
        candidate = _MD_HEADING.sub("", text).strip()
        words = _n_words(candidate)
        paragraph = candidate.endswith(".") and len(re.findall(r"[.!?](?:\s|$)", candidate)) >= 2
        if 4 <= words <= 30 and not paragraph:
            return candidate
    return None


_NOT_A_SOURCE_DETAILS = frozenset({"credit", "read_also"})
_NOT_A_SOURCE_DOMAINS = frozenset(
    """facebook.com twitter.com x.com instagram.com youtube.com youtu.be tiktok.com linkedin.com
    whatsapp.com t.me telegram.org pinterest.com reddit.com google.com news.google.com
    threads.net bsky.app flipboard.com xing.com""".split()
)


def _source(lines: Sequence[Line]) -> str | None:
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    first_seen: dict[str, int] = {}
    for number, line in enumerate(lines):
        if line.rule is None or line.detail in _NOT_A_SOURCE_DETAILS:
            continue
        for m in DOMAIN.finditer(line.text):
            spelled = m.group(1)
            key = spelled.lower()
            if key in _NOT_A_SOURCE_DOMAINS:
                continue
            counts[key] += 1
            spellings.setdefault(key, Counter())[spelled] += 1
            first_seen.setdefault(key, number)
    if not counts:
        return None
    best = min(counts, key=lambda key: (-counts[key], first_seen[key]))
    return spellings[best].most_common(1)[0][0]


_HEADER_LINES = 10
_HEADER_MAX_WORDS = 8
_LABELLED_MAX_WORDS = 14
# A publication label right before the date: "Veröffentlicht am", "Published:", "Stand: Fr.,".
_LABEL_BEFORE_DATE = re.compile(
    r"\b(?:veröffentlicht|aktualisiert|erschienen|erstellt|stand|datum|published|updated|posted|date)"
    r"(?:\s+(?:am|on))?\s*:?\s*(?:[a-zäöü]{2,10}\.?,?\s*)?$",
    re.IGNORECASE,
)
_EDGE_SEPARATOR = "|·•,–—-"


def _published(lines: Sequence[Line]) -> dt.date | None:
    header = [line.text.strip() for line in lines if not line.blank][:_HEADER_LINES]
    for text in header:
        date = parse_dateline(text)
        if date is not None:
            return date
        found = find_date(text)
        if found is None:
            continue
        date, start, end = found
        words = _n_words(text)
        before, after = text[:start].strip(), text[end:].strip()
        if words <= _LABELLED_MAX_WORDS and _LABEL_BEFORE_DATE.search(before):
            return date
        if words > _HEADER_MAX_WORDS:
            continue  # a date inside a sentence is an event, not the publication date
        starts_line = not before and bool(after) and after[0] in _EDGE_SEPARATOR
        ends_line = not after and bool(before) and before[-1] in _EDGE_SEPARATOR
        if starts_line or ends_line:
            return date
    return None


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
_MIN_WORDS = 20
_MIN_SHARE = 0.05


def _language(lines: Sequence[Line]) -> str | None:
    text = "\n".join(line.text for line in lines if line.kept)
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    if len(tokens) < _MIN_WORDS:
        text = "\n".join(line.text for line in lines)
        tokens = re.findall(r"[^\W\d_]+", text.lower())
    if len(tokens) < _MIN_WORDS:
        return None
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
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
