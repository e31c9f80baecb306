"""Bytes -> text: the encoding of an article file, and the files that are no text.

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
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError
from .scan import SUFFIX_LIST

__all__ = ["decode"]

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
_BINARY_FIX = f"Pass an article saved as text ({SUFFIX_LIST})"


def decode(data: bytes, path: Path, *, html: bool = False) -> tuple[str, str]:
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
