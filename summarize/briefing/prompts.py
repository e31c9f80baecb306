"""Prompt templates from ``prompts/``: system and user parts, one version string for the set.

Templates are ``str.format`` text. The article is inserted last, between ``<article>`` delimiters, and any
delimiter inside the article is defused so the article cannot close its own frame. The system part holds no
per-article data, so it is byte-identical across requests (providers cache such prefixes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._data import data_dir, prompt_version  # noqa: F401  (prompt_version: its home before the ground had it)
from .drafts import lang_key

LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "nl": "Dutch", "pl": "Polish", "uk": "Ukrainian", "ru": "Russian", "pt": "Portuguese",
}


@dataclass(frozen=True)
class Template:
    system: str
    user: str


@lru_cache(maxsize=None)
def template(name: str) -> Template:
    """``prompts/<name>.system.txt`` and ``.user.txt``; a file's final newline ends the file, not the message."""
    folder = data_dir("prompts")
    return Template(
        system=(folder / f"{name}.system.txt").read_text(encoding="utf-8").removesuffix("\n"),
        user=(folder / f"{name}.user.txt").read_text(encoding="utf-8").removesuffix("\n"),
    )


@lru_cache(maxsize=None)
def _task(name: str) -> str:
    return (data_dir("prompts") / f"brief.task.{name}.txt").read_text(encoding="utf-8").strip()


def task(name: str, *, lang: str) -> str:
    """The closing instruction of one pass (``prompts/brief.task.<name>.txt``): which lists to give."""
    language = language_name(lang)
    return _task(name).format(language=language, key=lang_key(language))


@lru_cache(maxsize=None)
def example(name: str, lang: str) -> tuple[str, str]:
    """The worked example of a pass (``prompts/examples/``): an invented article's text and the answer for
    this pass. It is sent as an earlier user/assistant turn, so a small model sees the format, the English
    descriptions of German sentences and the skipped photo credit, apart from the article it works on."""
    folder = data_dir("prompts") / "examples"
    key = lang_key(language_name(lang))
    answer = (folder / f"{name}.json").read_text(encoding="utf-8").strip().replace("{key}", key)
    own = folder / f"{name}.article.txt"  # a pass may have an article of its own (questions: several kinds of doubt)
    return (own if own.exists() else folder / "article.txt").read_text(encoding="utf-8").strip(), answer


def language_name(code: str) -> str:
    return LANGUAGES.get(code.lower(), code)


_SPECIAL_TOKEN = re.compile(r"<\|([A-Za-z_]{2,40})\|>")
# <article>, </ARTICLE>, < / Article class="x" >: any tag that could open or close the frame, in any case.
_FRAME_TAG = re.compile(r"(<\s*/?\s*article)(\b[^>]*>)", re.IGNORECASE)
# A line that poses as a chat turn: "SYSTEM:", "assistant :", "Developer:" at the start of a line.
_ROLE_LINE = re.compile(r"^([ \t]*)(system|assistant|developer|user)([ \t]*:)", re.IGNORECASE | re.MULTILINE)


def defuse(text: str) -> str:
    """Keep an article from closing or reopening its ``<article>`` frame (in any letter case or spacing),
    from posing as a chat turn (a line starting ``SYSTEM:``) and from smuggling chat-template control tokens
    (``<|im_start|>``, ``<|im_end|>``, ``<|endoftext|>``): servers such as llama.cpp may tokenize those as
    real special tokens when they appear in a message. A zero-width space breaks each of them."""
    text = _FRAME_TAG.sub("\\1\u200b\\2", text)
    text = _ROLE_LINE.sub("\\1\\2\u200b\\3", text)
    return _SPECIAL_TOKEN.sub("<\u200b|\\1|>", text)


_LINE_END = re.compile(r"\r\n?")


def messages(name: str, *, lang: str, **fields: object) -> list[dict[str, str]]:
    """The system and user messages of template ``name`` with ``fields`` filled in (text fields defused,
    line ends ``\n``)."""
    tpl = template(name)
    values = {k: (_LINE_END.sub("\n", defuse(v)) if isinstance(v, str) else v) for k, v in fields.items()}
    values["language"] = language_name(lang)
    values["key"] = lang_key(values["language"])  # noqa: the user template uses it too
    return [
        {"role": "system", "content": tpl.system.format(language=values["language"], key=values["key"])},
        {"role": "user", "content": tpl.user.format(**values)},
    ]
