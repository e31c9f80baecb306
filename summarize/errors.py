"""The package's exceptions.

Two families, as in pydantic-ai: a mistake the caller can fix by changing what they pass or configure
(``UsageError`` and its children), and a failure at run time (``BriefingError`` and children), which
always keeps the original exception as ``__cause__`` so nothing is lost on the way to the digest's
``failures`` list. Every message says what to do next.
"""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class of every error this package raises on purpose."""


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


class ModelOutputError(BriefingError):
    """The model's answer could not be turned into a briefing (invalid JSON, schema violations)."""


class TruncatedOutput(ModelOutputError):
    """The model hit ``max_tokens`` before finishing its answer."""


class ModelServerError(BriefingError):
    """The model server cannot serve this run: nothing listens at the base URL, it accepts but never
    answers, or it answers a web page instead of the API. Stops a run; the message names the URL and the fix."""


class ReplayMiss(BriefingError):
    """Replay mode met a request that has no recording. Never falls through to the network."""


class BatchError(BriefingError):
    """A ``--batch`` run could not go on: the Batch API refused the batch (status ``failed``), or it is
    still running after the caller's time limit. The message names the batch and the fix."""


def _openai_kind(exc: BaseException | None) -> str | None:
    """The first openai error in ``exc``'s cause/context chain, named by the nearest class openai exports."""
    import openai  # here, not at the top: the rest of this module needs no third-party import

    seen: list[BaseException] = []
    while exc is not None and all(exc is not e for e in seen):
        seen.append(exc)
        if isinstance(exc, openai.APIError):
            for cls in type(exc).__mro__:
                if getattr(openai, cls.__name__, None) is cls:
                    return cls.__name__
        exc = exc.__cause__ or exc.__context__
    return None
