"""Files -> ``Article``: find article files, read them by format, and read metadata off the text.

Finding files (``scan``)
    A folder is read recursively for files ending in one of ``ARTICLE_SUFFIXES`` (any case),
    sorted by their path relative to the folder. Hidden files and folders (name starts with ``.``)
    are skipped, as are files of other types; each is listed in ``Scan.skipped`` with the reason
    (a hidden folder once, not each file in it). A file named explicitly is taken whatever its
    suffix or name. A file reached twice (same resolved path) is taken once.

Formats (chosen by suffix; a file of another suffix, named explicitly, is read as text)
    ``.txt`` -> ``"text"`` and ``.md`` -> ``"markdown"``: the decoded text is the article, as is.
    ``.html``/``.htm`` -> ``"html"``: trafilatura extracts the main article text (menus, ads,
    teasers, footers and comments left out; see ``summarize.article.read_html``) and that extracted text
    is the article. Title, site name, publication date and URL come from the page's metadata
    when it states them, else from the text heuristics below. A page without article text (an
    index, a login page) raises ``InputError``.
    ``.json`` -> ``"json"``: one object per file, ``{"text": "...", "title": ..., "source": ...,
    "date": ..., "url": ..., "id": ...}``. ``text`` is required (a non-empty string); the others
    are optional strings (or ``null``) and override the heuristics. ``date`` is an ISO date or
    date-time, or any date the header heuristics read (``17. Oktober 2025``, ``17.10.2025``).
    ``id`` (a string or an integer) becomes ``Article.id``, its characters outside
    ``[A-Za-z0-9_.-]`` replaced by ``_``; without it the id is the file stem. Other keys are ignored.

Encodings (``Article.encoding`` names the codec used, as ``codecs.lookup(name).name``)
    UTF-8, with or without a byte-order mark, is read as ``"utf-8"``. UTF-16 and UTF-32 with a
    byte-order mark are decoded (``"utf-16"``, ``"utf-32"``). A file that is not valid UTF-8 is
    decoded with the encoding an HTML page declares in ``<meta charset>``, or else the one
    charset-normalizer detects among the encodings browsers know (WHATWG), e.g. ``"cp1252"``,
    ``"cp1250"``, ``"cp1251"``, ``"iso8859-2"``, ``"koi8-r"``; of encodings that decode the file
    identically, or that charset-normalizer rates equally, ``cp1252`` is preferred. Detection is a
    guess, and a short text can be ambiguous; the encoding used is reported so it can be checked.
    Some inputs are refused with ``InputError``, the file named and the fix spelled out: an empty
    or whitespace-only file; a binary one (NUL bytes, control characters, or no encoding that
    fits); a file with a UTF-8 byte-order mark or that is mostly UTF-8, but holds bytes that are
    not (two encodings mixed: guessing would garble the UTF-8 part). ``Article.text`` is the
    decoded (for HTML: extracted) text exactly, so evidence offsets point into it; ``sha256`` is
    the SHA-256 of that text in UTF-8.

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
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError
from ..models import Article
from .clean import DOMAIN, Line, classify, find_date, is_injection, parse_dateline

__all__ = ["ARTICLE_SUFFIXES", "FORMATS", "Scan", "article_from_text", "find_articles", "load_article", "scan"]

Format = Literal["text", "markdown", "html", "json"]

FORMATS: dict[str, Format] = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".json": "json"}
"""Article suffix (lower case) -> ``Article.format``."""

ARTICLE_SUFFIXES: tuple[str, ...] = tuple(FORMATS)
"""The suffixes a folder scan takes (compared case-insensitively)."""

_SUFFIX_LIST = ", ".join(ARTICLE_SUFFIXES)

# --------------------------------------------------------------------------- finding files


@dataclass(frozen=True)
class Scan:
    """What ``scan`` found: the article files, and the files it saw but did not take, with why."""

    articles: list[Path]
    """Article files, in a stable order: as given, a folder's files sorted by path within it."""
    skipped: list[tuple[Path, str]]
    """Files (and hidden folders) seen but not taken, with the reason, e.g. ``"hidden file"``."""


def _missing(path: str | Path) -> InputError:
    return InputError(
        f"{path}: no such file or folder. Check the path, or pass a folder of articles ({_SUFFIX_LIST}).",
        path=str(path),
    )


def _skip_reason(entry: os.DirEntry[str]) -> str | None:
    """Why a folder entry is not an article (``None``: it is one). Folders are handled by the caller."""
    if entry.name.startswith("."):
        return "hidden file"
    suffix = os.path.splitext(entry.name)[1].lower()
    if suffix not in FORMATS:
        kind = f"unsupported type {suffix}" if suffix else "unsupported type (no suffix)"
        return f"{kind}; articles are {_SUFFIX_LIST}"
    try:
        if entry.is_file():
            return None
        return "broken link" if entry.is_symlink() and not os.path.exists(entry.path) else "not a regular file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"


def _walk(root: Path, found: list[Path], skipped: list[tuple[Path, str]], visited: set[Path]) -> None:
    """Collect the articles under ``root`` in sorted order, recursing into non-hidden sub-folders."""
    visited.add(root.resolve())
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        skipped.append((root, f"folder cannot be read ({exc.strerror or exc})"))
        return
    for entry in entries:
        path = root / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name.startswith("."):
                skipped.append((path, "hidden folder"))
            elif path.resolve() in visited:
                skipped.append((path, "folder already read (reached again through a link)"))
            else:
                _walk(path, found, skipped, visited)
            continue
        reason = _skip_reason(entry)
        if reason is None:
            found.append(path)
        else:
            skipped.append((path, reason))


def scan(paths: Sequence[str | Path]) -> Scan:
    """The article files named by ``paths``, each at most once, and the files skipped on the way.

    A file is taken as given, whatever its suffix. A folder contributes, recursively, its
    non-hidden files ending in one of ``ARTICLE_SUFFIXES`` (case-insensitively), sorted by path
    relative to it (a folder's files and sub-folders by name, case-sensitively; a sub-folder's
    files come where its name sorts). Hidden files and folders are skipped and listed, a folder
    once. Raises ``InputError`` for a path that does not exist, and when no article is found.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    folders: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise _missing(given)
        if path.is_dir():
            folders.append(str(given))
            candidates: list[Path] = []
            _walk(path, candidates, skipped, set())
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    skipped = list(dict.fromkeys(skipped))  # a folder given twice lists its skipped files once
    if not found:
        if not folders:
            raise InputError(f"no input given: pass one or more article files or folders of {_SUFFIX_LIST} files.")
        where = ", ".join(folders)
        seen_note = ""
        if skipped:
            shown = "; ".join(f"{p.name} ({reason.split(';')[0]})" for p, reason in skipped[:3])
            more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
            seen_note = f" Skipped: {shown}{more}."
        raise InputError(
            f"{where}: no articles found (looked for {_SUFFIX_LIST} files, sub-folders included; "
            f"hidden files and folders are skipped).{seen_note} "
            "Put the articles there, or pass the files directly.",
            path=where,
        )
    return Scan(articles=found, skipped=skipped)


def find_articles(paths: Sequence[str | Path]) -> list[Path]:
    """``scan(paths).articles``: the article files named by ``paths``; see ``scan``."""
    return scan(paths).articles


# --------------------------------------------------------------------------- reading files


def load_article(path: str | Path, *, max_chars: int | None = None) -> Article:
    """Read one article file into an ``Article``, by its format (see the module docstring).

    ``id`` is the file stem (for JSON, its ``"id"`` when given). Raises ``InputError``, naming
    the file and the fix, for anything that cannot be read as an article, and (with ``max_chars``) for
    a text longer than ``max_chars`` characters, before its metadata is read (see :func:`check_size`).
    """
    path = Path(path)
    if not path.exists():
        raise _missing(path)
    if path.is_dir():
        raise InputError(
            f"{path}: is a folder, not an article file. Pass one article file ({_SUFFIX_LIST}), "
            "or use find_articles() for folders.",
            path=str(path),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{path}: cannot be read ({exc.strerror or exc}). Check the file's permissions.", path=str(path)
        ) from exc
    fmt = FORMATS.get(path.suffix.lower(), "text")
    text, encoding = _decode(data, path, html=fmt == "html")
    if not text.strip():
        raise InputError(
            f"{path}: the article is empty (only whitespace). Pass a file that holds an article's text.",
            path=str(path),
        )
    if fmt == "html":
        return _from_html(text, path, encoding, max_chars)
    if fmt == "json":
        return _from_json(text, path, encoding, max_chars)
    return _article(text, id=path.stem, path=str(path), format=fmt, encoding=encoding, max_chars=max_chars)


def article_from_text(text: str, *, id: str = "article", path: str | None = None) -> Article:
    """An ``Article`` from text already in memory; metadata as in the module docstring.

    A leading byte-order mark is dropped; nothing else is changed. Raises ``InputError`` when the
    text is empty or whitespace-only, or holds NUL characters.
    """
    return _article(text, id=id, path=path)


def _article(
    text: str,
    *,
    id: str,
    path: str | None,
    format: Format = "text",
    encoding: str = "utf-8",
    title: str | None = None,
    source: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    max_chars: int | None = None,
) -> Article:
    """An ``Article``; metadata given here wins over what the heuristics read off the text."""
    name = path or id
    if text.startswith("\ufeff"):
        text = text[1:]
    if max_chars is not None:
        check_size(text, name, max_chars, path)
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
        title=_safe_title(title) or _title(lines),
        source=source or _source(lines),
        published=published or _published(lines),
        language=_language(lines),
        url=url,
        format=format,
        encoding=encoding,
    )


# --------------------------------------------------------------------------- HTML


def check_size(text: str, name: str, max_chars: int, path: str | None = None) -> None:
    """Raise ``InputError`` naming the article and the fix when ``text`` is longer than ``max_chars``
    characters (``Settings.max_chars``): each part of it costs model requests, so a dump of megabytes
    would cost thousands."""
    if len(text) > max_chars:
        need = -(-len(text) // 1000) * 1000
        raise InputError(
            f"{name}: the article is {len(text):,} characters long, over the limit of {max_chars:,}; "
            f"nothing was sent for it. If it is one article, raise the limit with --max-chars {need} "
            f"(or SUMMARIZE_MAX_CHARS={need}); else split it into articles.",
            path=path,
        )


def _from_html(html: str, path: Path, encoding: str, max_chars: int | None = None) -> Article:
    from .read_html import extract_html

    try:
        page = extract_html(html)
    except Exception as exc:  # noqa: BLE001 - a parser crash on one page must not stop the others
        raise InputError(
            f"{path}: the HTML page could not be parsed ({type(exc).__name__}: {exc}). "
            "Save the page again, or save the article's text as .txt.",
            path=str(path),
        ) from exc
    if page is None:
        raise InputError(
            f"{path}: no article text found in this HTML page (is it an index or a login page?). "
            "Save the article's own page, or its text as .txt.",
            path=str(path),
        )
    return _article(
        page.text,
        id=path.stem,
        path=str(path),
        format="html",
        encoding=encoding,
        title=page.title,
        source=page.source,
        published=page.published,
        url=page.url,
        max_chars=max_chars,
    )


# --------------------------------------------------------------------------- JSON

_JSON_SHAPE = '{"text": "...", "title": "...", "source": "...", "date": "2025-10-17", "url": "...", "id": "..."}'
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _from_json(raw: str, path: Path, encoding: str, max_chars: int | None = None) -> Article:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}. "
            "Fix the JSON there (a missing comma, quote or brace is the usual cause); "
            f"an article file holds one object, {_JSON_SHAPE}.",
            path=str(path),
        ) from exc
    if not isinstance(data, dict):
        raise InputError(
            f"{path}: holds {_json_type(data)} (JSON), not an object. "
            f"Put one article per file, as an object: {_JSON_SHAPE}.",
            path=str(path),
        )
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        keys = ", ".join(f'"{key}"' for key in list(data)[:8]) or "none"
        problem = (
            f'has no "text" field (its keys: {keys})'
            if "text" not in data
            else 'has an empty "text" field'
            if isinstance(text, str)
            else f'has a "text" field that is {_json_type(text)}, not a string'
        )
        raise InputError(
            f'{path}: {problem}. Put the article\'s full text in "text" as a string: {_JSON_SHAPE}.',
            path=str(path),
        )
    title, source, url = (_json_str(data, key, path) for key in ("title", "source", "url"))
    return _article(
        text,
        id=_json_id(data, path),
        path=str(path),
        format="json",
        encoding=encoding,
        title=title,
        source=source,
        published=_json_date(data, path),
        url=url,
        max_chars=max_chars,
    )


def _json_type(value: Any) -> str:
    """The JSON type of ``value`` with its article: "an object", "a list", "a number", ..."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), f"a {type(value).__name__}")


def _json_str(data: dict[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            f'{path}: the "{key}" field is {_json_type(value)}; it must be a string (or null, or left out).',
            path=str(path),
        )
    value = " ".join(value.split())
    return value or None


def _json_id(data: dict[str, Any], path: Path) -> str:
    value = data.get("id")
    if value is None:
        return path.stem
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(
            f'{path}: the "id" field is {_json_type(value)}; it must be a string or an integer '
            "(or left out, to use the file name).",
            path=str(path),
        )
    cleaned = _UNSAFE_ID_CHARS.sub("_", str(value)).strip("_")
    return cleaned or path.stem


def _json_date(data: dict[str, Any], path: Path) -> dt.date | None:
    value = _json_str(data, "date", path)
    if value is None:
        return None
    date = _parse_date(value)
    if date is None:
        raise InputError(
            f'{path}: the "date" field ({value!r}) is not a date this reader knows. '
            'Use an ISO date such as "2025-10-17" (or a date-time such as "2025-10-17T14:30:00Z").',
            path=str(path),
        )
    return date


def _parse_date(value: str) -> dt.date | None:
    if _ISO_DATE.match(value):
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                return None
    date = parse_dateline(value)
    if date is not None:
        return date
    found = find_date(value)
    return found[0] if found is not None else None


# --------------------------------------------------------------------------- decoding bytes

# Encodings browsers know (WHATWG Encoding Standard), as Python codecs. Detection is limited to
# these: scraped pages use them, and without the limit short texts come out as DOS or Mac code pages.
_WEB_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u",
    "mac_roman", "mac_cyrillic", "cp866", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
)  # fmt: skip
# Among encodings that decode a file equally well, the first of these wins.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
"""One well-formed UTF-8 multi-byte sequence (no overlongs, no surrogates)."""
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05  # random bytes hold ~12 %; a few stray escape codes stay well below
_BINARY_FIX = f"Pass an article saved as text ({_SUFFIX_LIST})"


def _decode(data: bytes, path: Path, *, html: bool = False) -> tuple[str, str]:
    """``data`` as text, and the canonical name of the codec used; ``InputError`` when it is no text."""
    if not data:
        raise InputError(
            f"{path}: the file is empty (0 bytes). Pass a file that holds an article's text.", path=str(path)
        )
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)  # the codec reads and drops the byte-order mark
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{path}: starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                    f"(offset {exc.start}). Save it again as UTF-8.",
                    path=str(path),
                ) from exc
            _check_not_binary(text, path)
            return text, codec
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{path}: looks binary (NUL byte at offset {nul}), not like a text article. {_BINARY_FIX}; "
            "if it is UTF-16 text without a byte-order mark, save it as UTF-8.",
            path=str(path),
        )
    try:
        text, encoding = data[bom:].decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if bom or _mostly_utf8(data):  # UTF-8 with stray bytes of another encoding: guessing would garble it
            offset = exc.start + bom
            why = "it starts with a UTF-8 byte-order mark" if bom else "most of it is"
            raise InputError(
                f"{path}: is not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}), though {why}: "
                "it mixes two encodings. Save it as UTF-8 and try again.",
                path=str(path),
            ) from exc
        text, encoding = _decode_legacy(data, path, html=html)
    _check_not_binary(text, path)
    return text, encoding


def _mostly_utf8(data: bytes) -> bool:
    """Whether valid UTF-8 multi-byte sequences outnumber the bytes that are not UTF-8."""
    valid = len(_UTF8_SEQUENCE.findall(data))
    if valid == 0:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return valid > invalid


def _decode_legacy(data: bytes, path: Path, *, html: bool) -> tuple[str, str]:
    """Decode non-UTF-8 ``data``: an HTML page's declared charset if it fits, else charset-normalizer's guess."""
    if html:
        from .read_html import declared_charset

        declared = declared_charset(data)
        if declared is not None and not declared.startswith(("utf-8", "utf-16", "utf-32")):
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass  # the declaration is wrong: detect
    import charset_normalizer  # lazy: only non-UTF-8 files need it

    matches = list(charset_normalizer.from_bytes(data, cp_isolation=list(_WEB_ENCODINGS)))
    if not matches:
        raise InputError(
            f"{path}: looks binary (no text encoding fits its bytes), not like a text article. {_BINARY_FIX}, "
            "preferably in UTF-8.",
            path=str(path),
        )
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for name in _PREFERRED:
        if any(name in m.could_be_from_charset for m in tied):
            try:
                return data.decode(name), codecs.lookup(name).name
            except UnicodeDecodeError:
                break  # charset-normalizer only sampled a large file; trust its own decoding
    return str(best), codecs.lookup(best.encoding).name


def _check_not_binary(text: str, path: Path) -> None:
    controls = len(_CONTROL.findall(text))
    if controls and controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{path}: looks binary ({controls} control characters in {len(text)}), not like a text article. "
            f"{_BINARY_FIX}.",
            path=str(path),
        )


# --------------------------------------------------------------------------- metadata

_TITLE_LOOKAHEAD = 5
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")


def _n_words(line: str) -> int:
    return sum(1 for tok in line.split() if any(ch.isalnum() for ch in tok))


def _safe_title(title: str | None) -> str | None:
    """A title from the page's metadata (HTML ``<title>``, a JSON ``title``) on one line, or None when it is
    addressed to a model rather than a reader ("SYSTEM: ...", "ignore previous instructions"): the title
    goes into every prompt, so it gets the same injection check as the article's lines."""
    if title is None:
        return None
    one_line = " ".join(title.split())
    if not one_line or any(is_injection(line) for line in (one_line, *title.splitlines())):
        return None
    return one_line


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


def article_from_html(html: str, *, id: str, path: str, published: dt.date | None = None,
                      max_chars: int | None = None) -> Article:
    """An Article from an HTML page fetched from ``path`` (a URL); ``published`` (e.g. a feed's date) is
    used when the page's own metadata states none. Raises :class:`InputError` when it holds no article."""
    article = _from_html(html, Path(id), "utf-8", max_chars)
    updates: dict[str, object] = {"id": id, "path": path, "url": article.url or path}
    if article.published is None and published is not None:
        updates["published"] = published
    return article.model_copy(update=updates)
