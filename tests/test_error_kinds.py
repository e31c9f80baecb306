"""``Failure.error_kind`` is a stable public name (ours or openai's), never a library-internal class such as
instructor's ``InstructorRetryException``, and the message reads as a sentence.

The server and its answers are HAND-MADE (tests/faultserver.py)."""

from __future__ import annotations


import openai
import pytest

from summarize import Settings, article_from_text, run
from summarize.errors import BriefingError, ModelOutputError, ReplayMiss

from .support.faultserver import Fault, FaultServer, ok, raw, status

TEXT = "Pistorius prüft Kauf\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf.\n"


@pytest.mark.parametrize(("fault", "kind"), [
    (raw("not json at all"), "ModelOutputError"),  # a 200 whose body is not JSON
    (ok("prose, not JSON"), "ModelOutputError"),  # a completion whose content is not JSON
    (status(401, {"error": {"message": "bad key"}}), "AuthenticationError"),
    (status(400, {"error": {"message": "bad request"}}), "BadRequestError"),
])
def test_failure_kinds_are_public_names(fault: Fault, kind: str) -> None:
    with FaultServer(default=fault) as server:
        result = run([article_from_text(TEXT, id="t")],
                     settings=Settings(model="m", api_key="k", base_url=server.url, depth=1))
    [failure] = result.failures
    assert failure.error_kind == kind
    assert "Instructor" not in failure.message and "Traceback" not in failure.message and "\n" not in failure.message


def test_kind_names_the_public_openai_class_or_ours() -> None:
    class Internal(Exception):
        pass

    plain = BriefingError("x")
    assert plain.kind == "BriefingError"
    try:
        raise BriefingError("x") from Internal("instructor-ish")
    except BriefingError as exc:
        assert exc.kind == "BriefingError"
    try:
        raise ModelOutputError("x") from Internal("instructor-ish")
    except ModelOutputError as exc:
        assert exc.kind == "ModelOutputError"
    assert ReplayMiss("x").kind == "ReplayMiss"

    class PrivateTimeout(openai.APITimeoutError):  # a library's own subclass of an openai error
        pass

    try:
        raise BriefingError("x") from PrivateTimeout(request=None)  # type: ignore[arg-type]
    except BriefingError as exc:
        assert exc.kind == "APITimeoutError"
