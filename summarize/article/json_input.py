"""A JSON article file -> its fields, checked against a JSON Schema (:data:`ARTICLE_SCHEMA`).

One object per file: ``{"text": "...", "title": ..., "source": ..., "date": ..., "url": ..., "id": ...}``.
``text`` is required (a string with more than whitespace); ``title``, ``source``, ``url`` and ``date`` are
strings or ``null``; ``id`` a string or an integer. Other keys are ignored. A file that breaks the schema
raises ``InputError`` naming the file, the field and the fix. ``date`` is an ISO date or date-time, or any
date the header heuristics read (``17. Oktober 2025``, ``17.10.2025``); ``id`` keeps ``[A-Za-z0-9_.-]``
(other characters become ``_``), and without it the id is the file stem.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..text.dates import find_date, parse_dateline

__all__ = ["ARTICLE_SCHEMA", "JsonArticle", "read_json"]

_OPTIONAL_STRING = {"type": ["string", "null"]}
ARTICLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "An article file (.json)",
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "pattern": r"\S"},
        "title": _OPTIONAL_STRING,
        "source": _OPTIONAL_STRING,
        "url": _OPTIONAL_STRING,
        "date": _OPTIONAL_STRING,
        "id": {"type": ["string", "integer", "null"]},
    },
}
"""The JSON Schema of an article file; fields in the order their problems are reported."""

_SHAPE = '{"text": "...", "title": "...", "source": "...", "date": "2025-10-17", "url": "...", "id": "..."}'
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_FIELDS = tuple(ARTICLE_SCHEMA["properties"])


@dataclass(frozen=True)
class JsonArticle:
    """The fields of a valid article file; optional strings on one line, ``None`` when empty."""

    text: str
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None


@lru_cache(maxsize=1)
def _validator() -> Any:  # noqa: ANN401 - jsonschema's validator class
    import jsonschema  # lazy: only JSON input needs it

    return jsonschema.Draft202012Validator(ARTICLE_SCHEMA)


def _json_type(value: Any) -> str:  # noqa: ANN401
    """The JSON type of ``value`` with its article: "an object", "a list", "a number", ..."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), f"a {type(value).__name__}")


def _problem(data: Any, error: Any) -> str:  # noqa: ANN401
    """The message (after the file name) for one schema error: what is wrong, and the fix."""
    if not error.path:
        if error.validator == "type":
            return f"holds {_json_type(data)} (JSON), not an object. Put one article per file, as an object: {_SHAPE}."
        keys = ", ".join(f'"{key}"' for key in list(data)[:8]) or "none"  # "required": no "text"
        return f'has no "text" field (its keys: {keys}). Put the article\'s full text in "text" as a string: {_SHAPE}.'
    key = error.path[0]
    value = data[key]
    if key == "text":
        problem = 'has an empty "text" field' if isinstance(value, str) else \
            f'has a "text" field that is {_json_type(value)}, not a string'
        return f'{problem}. Put the article\'s full text in "text" as a string: {_SHAPE}.'
    if key == "id":
        return (f'the "id" field is {_json_type(value)}; it must be a string or an integer '
                "(or left out, to use the file name).")
    return f'the "{key}" field is {_json_type(value)}; it must be a string (or null, or left out).'


def _check(data: Any, path: Path) -> None:  # noqa: ANN401
    errors = list(_validator().iter_errors(data))
    if errors:
        first = min(errors, key=lambda e: _FIELDS.index(e.path[0]) + 1 if e.path else 0)
        raise InputError(f"{path}: {_problem(data, first)}", path=str(path))


def _one_line(value: str | None) -> str | None:
    """``value`` on one line; ``None`` for ``None`` or a blank string."""
    if value is None:
        return None
    return " ".join(value.split()) or None


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


def _date(value: str | None, path: Path) -> dt.date | None:
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


def read_json(raw: str, path: Path) -> JsonArticle:
    """The fields of the article file ``path`` (its text ``raw``); ``InputError`` naming the fix when the
    file is no valid JSON or breaks :data:`ARTICLE_SCHEMA`."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}. "
            "Fix the JSON there (a missing comma, quote or brace is the usual cause); "
            f"an article file holds one object, {_SHAPE}.",
            path=str(path),
        ) from exc
    _check(data, path)
    given_id = data.get("id")
    article_id = (_UNSAFE_ID_CHARS.sub("_", str(given_id)).strip("_") if given_id is not None else "") or path.stem
    return JsonArticle(
        text=data["text"], id=article_id, title=_one_line(data.get("title")), source=_one_line(data.get("source")),
        url=_one_line(data.get("url")), published=_date(_one_line(data.get("date")), path),
    )
