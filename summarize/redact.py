"""Keep API keys out of every message the project stores or prints.

A server's error body may echo the key it was sent ("Incorrect API key provided: sk-..."), and that body
becomes an exception message, a failure in ``digest.json``/``.md``/``.html``, a line on stderr and a
recording. :func:`redact` replaces

* the active secrets it is given (the run's API key; :func:`secrets_in` reads them off a request's
  ``Authorization`` / ``api-key`` headers, so no caller has to thread them through), and
* anything shaped like a key: ``sk-...`` / ``sk-proj-...`` and other providers' prefixed keys, ``Bearer``
  tokens, and long tokens after a key-ish label (``api_key=``, ``token:``, ``secret=``),

with ``[redacted]``. Shapes are narrow on purpose, so article text and quotes pass untouched: a shape
needs its prefix at a word start and a token of 16+ characters that mixes letters and digits (German
compounds such as ``Verteidigungsministerium`` have no digits; ``Minsk-Abkommen`` has no ``sk-`` at a word
start). Nothing here is global: the secrets are passed in, the patterns are constants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

REDACTED = "[redacted]"
# Placeholders the client sends when there is no key (see summarize.llm.client): nothing to hide.
_PLACEHOLDERS = frozenset({"not-needed", "replay"})
# Shorter strings would match ordinary words (a test key "k" must not blank every k).
MIN_SECRET_LEN = 8

_TOKEN = r"[A-Za-z0-9_\-]"
_KEY_SHAPED = re.compile(
    r"(?<![A-Za-z0-9_\-])(?:"
    rf"sk-{_TOKEN}{{16,}}"  # OpenAI (sk-..., sk-proj-...), Anthropic (sk-ant-...), most proxies
    r"|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}"  # Stripe-style
    r"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"  # GitHub
    r"|hf_[A-Za-z0-9]{30,}|gsk_[A-Za-z0-9]{30,}|r8_[A-Za-z0-9]{30,}"  # Hugging Face, Groq, Replicate
    r"|xox[abposr]-[A-Za-z0-9\-]{10,}"  # Slack
    r"|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_\-]{35}"  # AWS access key id, Google API key
    r")"
)
_BEARER = re.compile(r"(?i)(?<![A-Za-z0-9])(?:bearer|basic)\s+[A-Za-z0-9._~+/\-]{8,}=*")
_LABELLED = re.compile(
    r"(?i)((?<![A-Za-z0-9])(?:api[_\- ]?key|access[_\-]?token|auth[_\-]?token|secret|password|token|key)"
    r"[\"']?\s*[:=]\s*[\"']?)([A-Za-z0-9._~+/\-]{16,}=*)"
)


def _mixed(token: str) -> bool:
    """Letters and digits both: keys are, words are not."""
    return any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


def _shape(match: re.Match[str]) -> str:
    return REDACTED if _mixed(match.group(0)) else match.group(0)


def _labelled(match: re.Match[str]) -> str:
    return match.group(1) + REDACTED if _mixed(match.group(2)) else match.group(0)


def active(secrets: Iterable[str | None]) -> list[str]:
    """The secrets worth hiding: set, not placeholders, long enough; longest first."""
    keep = {s.strip() for s in secrets if s and s.strip() not in _PLACEHOLDERS and len(s.strip()) >= MIN_SECRET_LEN}
    return sorted(keep, key=len, reverse=True)


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with each of ``secrets`` and anything key-shaped replaced by ``[redacted]``."""
    if not text:
        return text
    for secret in active(secrets):
        text = text.replace(secret, REDACTED)
    text = _KEY_SHAPED.sub(_shape, text)
    text = _BEARER.sub(_shape, text)
    return _LABELLED.sub(_labelled, text)


def redact_data(data: object, secrets: Iterable[str | None] = ()) -> object:
    """A JSON-like value with every string in it redacted (keys of dicts too)."""
    found = active(secrets)
    if isinstance(data, str):
        return redact(data, found)
    if isinstance(data, list):
        return [redact_data(v, found) for v in data]
    if isinstance(data, dict):
        return {redact(str(k), found): redact_data(v, found) for k, v in data.items()}
    return data


_AUTH_HEADERS = ("authorization", "api-key", "x-api-key")


def secrets_in(headers: Mapping[str, str] | None) -> list[str]:
    """The credentials a request carried: the ``Authorization`` token (after ``Bearer``) and ``api-key`` /
    ``x-api-key`` values (Azure, proxies)."""
    if headers is None:
        return []
    out: list[str] = []
    for name in _AUTH_HEADERS:
        value = headers.get(name)
        if not value:
            continue
        scheme, _, token = value.partition(" ")
        out.append(token.strip() if token and scheme.lower() in ("bearer", "basic") else value.strip())
    return out
