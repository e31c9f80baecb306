"""Keep model-written text from carrying links, images or markup that the article does not contain.

Articles are untrusted, and so is what a model writes after reading one: an injected instruction can make
it emit a tracking pixel (``![x](https://host/p.png)``), a link or an HTML tag. Quotes are safe by
construction (they are the article's own text at located offsets); every *descriptive* field the model
writes (summary, names, roles, decisions, questions, categories) goes through :func:`scrub`, which removes
any URL, Markdown image or link target, or HTML tag that does not occur verbatim in the source article.
"""

from __future__ import annotations

import re

URL = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"'`()\[\]{}]+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def scrub(value: str, source: str) -> str:
    """``value`` without links, images, HTML or URLs absent from ``source``; whitespace collapsed."""

    def keep_if_in_source(replacement: str):  # noqa: ANN202
        def sub(match: re.Match[str]) -> str:
            return match.group(0) if match.group(0) in source else replacement.format(*match.groups())

        return sub

    value = _MD_IMAGE.sub(keep_if_in_source(""), value)
    value = _MD_LINK.sub(keep_if_in_source("{0}"), value)
    value = _HTML_TAG.sub(keep_if_in_source(" "), value)
    value = URL.sub(keep_if_in_source(""), value)
    return " ".join(value.split())


def scrub_optional(value: str | None, source: str) -> str | None:
    if value is None:
        return None
    return scrub(value, source) or None
