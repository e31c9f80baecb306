"""Files -> ``Article``: read an article file by its format, and read its metadata off the text.

Formats (chosen by suffix; a file of another suffix, named explicitly, is read as text)
    ``.txt`` -> ``"text"`` and ``.md`` -> ``"markdown"``: the decoded text is the article, as is.
    ``.html``/``.htm`` -> ``"html"``: trafilatura extracts the main article text (menus, ads,
    teasers, footers and comments left out; see ``summarize.article.read_html``) and that extracted text
    is the article. Title, site name, publication date and URL come from the page's metadata
    when it states them, else from the text heuristics (:mod:`.metadata`). A page without article text (an
    index, a login page) raises ``InputError``.
    ``.json`` -> ``"json"``: one object per file, ``{"text": "...", "title": ..., "source": ...,
    "date": ..., "url": ..., "id": ...}``, checked against a JSON Schema (see
    ``summarize.article.json_input``); its fields override the heuristics.

Where the rest lives: finding the files in :mod:`.scan`, bytes to text in :mod:`.decode`, JSON article files
in :mod:`.json_input`, the metadata heuristics (title, source, publication date) in :mod:`.metadata`, the
language guess in :mod:`.language`. ``Article.text`` is the decoded (for HTML: extracted) text exactly, so
evidence offsets point into it; ``sha256`` is the SHA-256 of that text in UTF-8.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .._data import code_sha256
from ..errors import InputError
from ..models import Article
from .decode import decode
from .json_input import read_json
from .scan import ARTICLE_SUFFIXES, FORMATS, SUFFIX_LIST, Format, Scan, find_articles, missing, scan

__all__ = [
    "ARTICLE_SUFFIXES",
    "FORMATS",
    "MetaMemo",
    "Scan",
    "TextMeta",
    "article_from_text",
    "check_size",
    "find_articles",
    "load_article",
    "read_meta",
    "reader_sha256",
    "scan",
]


@dataclass(frozen=True)
class TextMeta:
    """What the heuristics read off an article's text alone (:mod:`.metadata`, :mod:`.language`, over the
    lines of :func:`.classify.classify`): the same text always gives the same values, so a caller may keep
    them by the text's hash (:class:`MetaMemo`) and skip the classifying when it sees the text again."""

    title: str | None
    source: str | None
    published: dt.date | None
    language: str | None


class MetaMemo(Protocol):
    """Where :func:`load_article` keeps the :class:`TextMeta` of a text by its SHA-256 (e.g.
    ``summarize.run.cache.ArticleMemo``). ``get`` gives None for a text it does not know; neither raises."""

    def get(self, sha256: str) -> TextMeta | None: ...

    def put(self, sha256: str, meta: TextMeta) -> None: ...


def read_meta(text: str, *, keep: bool = False) -> TextMeta:
    """The heuristic metadata of ``text`` (its lines classified, then read). The readers are imported here:
    a run whose texts are all in a memo never loads them. ``keep``: the lines are kept for the cleaner, which
    classifies the text again when the article is briefed (see :func:`.classify.classify`)."""
    from . import metadata
    from .classify import classify
    from .language import language

    lines = classify(text, keep=keep)
    return TextMeta(title=metadata.title(lines), source=metadata.source(lines), published=metadata.published(lines),
                    language=language(lines))


@lru_cache(maxsize=None)
def reader_sha256() -> str:
    """SHA-256 over the code :func:`read_meta` runs (every module of ``summarize/article/`` and
    ``summarize/text/``, by relative path and bytes) and the Unicode version its regular expressions use:
    a memo of :class:`TextMeta` kept under this is never read by code that would read the text otherwise.
    Read once per process."""
    return hashlib.sha256(f"{unicodedata.unidata_version}:{code_sha256('article', 'text')}".encode("ascii")).hexdigest()


def load_article(path: str | Path, *, max_chars: int | None = None, memo: MetaMemo | None = None) -> Article:
    """Read one article file into an ``Article``, by its format (see the module docstring).

    ``id`` is the file stem (for JSON, its ``"id"`` when given). Raises ``InputError``, naming
    the file and the fix, for anything that cannot be read as an article, and (with ``max_chars``) for
    a text longer than ``max_chars`` characters, before its metadata is read (see :func:`check_size`).
    With a ``memo``, the metadata of a text it knows is taken from it, and that of a new text is put in it.
    """
    path = Path(path)
    if not path.exists():
        raise missing(path)
    if path.is_dir():
        raise InputError(
            f"{path}: is a folder, not an article file. Pass one article file ({SUFFIX_LIST}), "
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
    text, encoding = decode(data, path, html=fmt == "html")
    if not text.strip():
        raise InputError(
            f"{path}: the article is empty (only whitespace). Pass a file that holds an article's text.",
            path=str(path),
        )
    if fmt == "html":
        return _from_html(text, path, encoding, max_chars, memo)
    if fmt == "json":
        return _from_json(text, path, encoding, max_chars, memo)
    return _article(text, id=path.stem, path=str(path), format=fmt, encoding=encoding, max_chars=max_chars,
                    memo=memo)


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
    author: str | None = None,
    memo: MetaMemo | None = None,
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
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    read = memo.get(sha256) if memo is not None else None
    if read is None:
        read = read_meta(text, keep=True)
        if memo is not None:
            memo.put(sha256, read)
    return Article(
        id=id,
        path=path,
        text=text,
        sha256=sha256,
        title=_safe_title(title) or read.title,
        source=source or read.source,
        published=published or read.published,
        language=read.language,
        url=url,
        author=author,
        format=format,
        encoding=encoding,
    )


def _safe_title(title: str | None) -> str | None:
    """:func:`.metadata.safe_title` of a title the file gives (HTML, JSON); None when it gives none."""
    if title is None:
        return None
    from .metadata import safe_title

    return safe_title(title)


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


def _from_html(html: str, path: Path, encoding: str, max_chars: int | None = None,
               memo: MetaMemo | None = None) -> Article:
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
        author=page.author,
        max_chars=max_chars,
        memo=memo,
    )


def _from_json(raw: str, path: Path, encoding: str, max_chars: int | None = None,
               memo: MetaMemo | None = None) -> Article:
    fields = read_json(raw, path)
    return _article(
        fields.text,
        id=fields.id,
        path=str(path),
        format="json",
        encoding=encoding,
        title=fields.title,
        source=fields.source,
        published=fields.published,
        url=fields.url,
        max_chars=max_chars,
        memo=memo,
    )


def article_from_html(html: str, *, id: str, path: str, published: dt.date | None = None,
                      max_chars: int | None = None) -> Article:
    """An Article from an HTML page fetched from ``path`` (a URL); ``published`` (e.g. a feed's date) is
    used when the page's own metadata states none. Raises :class:`InputError` when it holds no article."""
    article = _from_html(html, Path(id), "utf-8", max_chars)
    updates: dict[str, object] = {"id": id, "path": path, "url": article.url or path}
    if article.published is None and published is not None:
        updates["published"] = published
    return article.model_copy(update=updates)
