"""The package's exceptions.

Two families, as in pydantic-ai: a mistake the caller can fix by changing what they pass or configure
(``UsageError`` and its children), and a failure at run time (``BriefingError`` and children), which
always keeps the original exception as ``__cause__`` so nothing is lost on the way to the digest's
``failures`` list. Every message says what to do next; where the message alone cannot say it (an error
of the model's API), ``fix`` does: one line naming what to type next, which the command line prints.
"""

from __future__ import annotations

import json


GENERIC_FIX = "fix the cause above and run the same command again"

# What to do about an error of the model's API that stops a whole run, by the public openai class name
# that ``BriefingError.kind`` gives. The one table of these fixes.
API_FIXES = {
    "AuthenticationError": "check OPENAI_API_KEY (or --base-url for a local server), then run the same command again",
    "PermissionDeniedError": "this key may not use that model or endpoint: check --model and the key's permissions",
    "NotFoundError": "the server does not know that model or endpoint: check --model and --base-url",
    "RateLimitError": "the account has no quota left: add credit or use another key, then run the same command again",
}
RATE_LIMITED_FIX = "the server kept refusing for its rate limit: lower --concurrency or wait, then run the same command again"


class SummarizeError(Exception):
    """Base class of every error this package raises on purpose.

    ``fix``: what to do next, one line, when the message does not already say it (None when it does)."""

    fix: str | None = None


# --------------------------------------------------------------------------- caller mistakes


class UsageError(SummarizeError):
    """The caller asked for something that cannot work; the message names the fix."""


class ConfigurationError(UsageError):
    """Missing or inconsistent settings (API key, base URL, model, mode)."""


class InputError(UsageError):
    """An input path or file that cannot be read as an article. ``path`` names it."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


# --------------------------------------------------------------------------- run-time failures


class BriefingError(SummarizeError):
    """Briefing one article failed. ``article_id`` names it; ``__cause__`` keeps the original error."""

    def __init__(self, message: str, article_id: str | None = None) -> None:
        super().__init__(message)
        self.article_id = article_id

    @property
    def kind(self) -> str:
        """A stable public name for what went wrong, as ``Failure.error_kind`` shows it: for a failed
        request, the openai error class in the cause chain (``APIConnectionError``, ``AuthenticationError``);
        otherwise our own class (``ModelOutputError``, ``TruncatedOutput``, ``ReplayMiss``, ``BriefingError``).
        Never a class internal to a library, such as instructor's ``InstructorRetryException``."""
        if type(self) is BriefingError:
            public = _openai_kind(self.__cause__)
            if public is not None:
                return public
        return type(self).__name__

    @property
    def fix(self) -> str | None:  # type: ignore[override]
        """What to do next: for an error of the model's API, the fix for its kind (a 429 is a quota fix only
        when the answer says the quota is spent); otherwise the generic one."""
        fix = API_FIXES.get(self.kind)
        if self.kind == "RateLimitError" and not quota_spent(self.__cause__):
            return RATE_LIMITED_FIX
        return fix or GENERIC_FIX


class ModelOutputError(BriefingError):
    """The model's answer could not be turned into a briefing (invalid JSON, schema violations)."""


class TruncatedOutput(ModelOutputError):
    """The model hit ``max_tokens`` before finishing its answer."""


class ModelServerError(BriefingError):
    """The model server cannot serve this run: nothing listens at the base URL, it accepts but never
    answers, or it answers a web page instead of the API. Stops a run; the message names the URL and the fix."""

    fix = None  # type: ignore[assignment]  # the message names it


class ReplayMiss(BriefingError):
    """Replay mode met a request that has no recording. Never falls through to the network."""

    fix = "record the missing articles with --record DIR against a live model"  # type: ignore[assignment]


class BatchError(BriefingError):
    """A ``--batch`` run could not go on: the Batch API refused the batch (status ``failed``), or it is
    still running after the caller's time limit. The message names the batch and the fix."""

    fix = None  # type: ignore[assignment]  # the message names it


def causes(exc: BaseException | None) -> list[BaseException]:
    """``exc`` and every exception in its cause/context chain, in order (each once, even in a cycle)."""
    seen: list[BaseException] = []
    while exc is not None and all(exc is not e for e in seen):
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__
    return seen


QUOTA_CODE = "insufficient_quota"


def is_quota_body(body: object) -> bool:
    """True when an OpenAI error answer says the account's quota is spent (code or type ``insufficient_quota``).
    ``body`` is the answer's body as parsed JSON (``{"error": {...}}`` or the inner dict) or as its raw bytes.
    The one reader of that answer: the retry layer (``summarize.llm.retry``) reads a 429's bytes with it to
    give up at once, and :func:`quota_spent` reads the body openai kept on its error."""
    if isinstance(body, (bytes, bytearray)):
        try:
            body = json.loads(body)
        except ValueError:
            return False
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return QUOTA_CODE in (inner.get("code"), inner.get("type"))
    return False


def quota_spent(exc: BaseException | None) -> bool:
    """True when the first openai 429 in ``exc``'s chain says the quota is spent: its code or type, or its
    body (:func:`is_quota_body`)."""
    import openai

    for cur in causes(exc):
        if isinstance(cur, openai.RateLimitError):
            return QUOTA_CODE in (cur.code, cur.type) or is_quota_body(cur.body)
    return False


def _openai_kind(exc: BaseException | None) -> str | None:
    """The first openai error in ``exc``'s cause/context chain, named by the nearest class openai exports."""
    import openai  # here, not at the top: the rest of this module needs no third-party import

    for cur in causes(exc):
        if isinstance(cur, openai.APIError):
            for cls in type(cur).__mro__:
                if getattr(openai, cls.__name__, None) is cls:
                    return cls.__name__
    return None
