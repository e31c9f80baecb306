"""No API key or Authorization header in recordings, logs, cache files, outputs, exceptions or reprs."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import httpx2
import pytest

from summarize import BriefingError, Settings, arun, run
from summarize.run.cache import BriefingCache
from summarize.llm.replay import AsyncRecordReplayTransport, Cassette

from .conftest import RECORDINGS
from .support.fakes import Scripted

SECRET = "sk-live-SECRET-4f7a9c2e1b"
TEXT = "Pistorius prüft Kauf\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf.\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                               "name": "Boris Pistorius", "kind": "person", "role_in_english": None}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


def _answers(body: dict) -> str:  # hand-made answers
    return SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART


def _recording_client(folder: Path, server: Scripted, key: str):  # noqa: ANN202
    """A caller's own ``AsyncOpenAI`` with ``key``, whose requests go to ``server`` through a recorder into ``folder``."""
    from openai import AsyncOpenAI

    recorder = AsyncRecordReplayTransport(Cassette(folder), "record", inner=httpx2.MockTransport(server))
    return AsyncOpenAI(api_key=key, base_url="http://llm.invalid/v1", max_retries=0,
                       http_client=httpx2.AsyncClient(transport=recorder))


def _assert_clean(text: str, where: str) -> None:
    assert SECRET not in text, f"API key leaked into {where}"
    assert "Bearer " not in text, f"Authorization header leaked into {where}"


def test_logs_cache_outputs_and_recordings_hold_no_secret(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    server = Scripted(respond=_answers)
    settings = Settings(model="m", api_key=SECRET, depth=1)

    async def go():  # noqa: ANN202
        async with _recording_client(tmp_path / "rec", server, SECRET) as client:
            return await arun([inbox], settings=settings, client=client, cache=BriefingCache(tmp_path / "cache"))

    caplog.set_level(logging.DEBUG)
    log = logging.getLogger("instructor")
    before, log.propagate = log.propagate, True  # as a library the package leaves it on; the command turns it off
    try:
        result = asyncio.run(go())
    finally:
        log.propagate = before
    assert server.headers[0]["authorization"] == f"Bearer {SECRET}"  # the key really was in play
    _assert_clean("\n".join(r.getMessage() + repr(r.args) for r in caplog.records), "logs")
    cache_files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert any(p.name == "cache.sqlite" for p in cache_files)  # the briefing was cached: there is something to scan
    for file in [*cache_files, *(tmp_path / "rec").rglob("*.json")]:
        _assert_clean(file.read_bytes().decode("utf-8", "replace"), str(file))
    _assert_clean(result.digest.model_dump_json() + repr(result) + repr(settings), "outputs and reprs")


def test_errors_and_their_causes_hold_no_secret() -> None:
    server = Scripted([httpx2.Response(401, json={"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}})] * 4)
    with pytest.raises(BriefingError) as info:
        from summarize import article_from_text, brief

        brief(article_from_text(TEXT, id="t"), settings=Settings(model="m", api_key=SECRET, depth=1),
              client=Scripted.client(server).with_options(api_key=SECRET))
    exc: BaseException | None = info.value
    while exc is not None:
        _assert_clean(str(exc) + repr(exc) + repr(getattr(exc, "__dict__", {})), f"{type(exc).__name__}")
        exc = exc.__cause__ or exc.__context__


def test_committed_recordings_hold_no_secret() -> None:
    files = list(RECORDINGS.parent.rglob("*.json"))
    assert files
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "authorization" not in text.lower() and "bearer" not in text.lower() and '"sk-' not in text


# ----------------------------------------------------------------------------- an error body that echoes the key

from summarize.redact import REDACTED, redact  # noqa: E402

from .conftest import SEEDS  # noqa: E402


@pytest.mark.parametrize("text", [
    "Incorrect API key provided: sk-proj-AbC123dEf456GhI789jKl012mNo345",
    "Incorrect API key provided: sk-live-SECRET-4f7a9c2e1b.",
    "header was 'Authorization: Bearer abcDEF1234567890xyz'",
    '{"api_key": "0123456789abcdef0123456789abcdef"}',
    "token=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "x-api-key: AIzaSyA1234567890abcdefghijklmnopqrstuv",
])
def test_key_shaped_strings_are_redacted(text: str) -> None:
    clean = redact(text)
    assert REDACTED in clean
    assert not any(part in clean for part in ("AbC123dEf456", "4f7a9c2e1b", "abcDEF1234567890xyz", "0123456789abcdef",
                                               "ghp_abc", "AIzaSyA1234"))


def test_the_active_key_is_redacted_whatever_its_shape() -> None:
    assert redact("denied for my-local-llama-key-2024!", ["my-local-llama-key-2024"]) == f"denied for {REDACTED}!"
    assert redact("a k in a key", ["k"]) == "a k in a key"  # too short to be a secret worth blanking text for


@pytest.mark.parametrize("text", [
    "Das Minsk-Abkommen und die Task-Force des Verteidigungsministeriums, Bearer bonds, api key: Verteidigungsministerium",
    "Token: Waffenstillstandsverhandlungen; password = Sicherheitsgarantien",
])
def test_article_like_text_is_not_redacted(text: str) -> None:
    assert redact(text) == text


def test_no_seed_article_is_changed_by_redaction() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts and all(redact(t) == t for t in texts)


ECHO_KEYS = [SECRET, "my-local-llama-key-2024"]  # key-shaped, and a local server's key of no known shape


def _echo(code: int, key: str) -> httpx2.Response:
    """HAND-MADE: an error body that echoes the key, as some proxies and local servers do."""
    return httpx2.Response(code, json={"error": {"message": f"Incorrect API key provided: {key}", "code": "invalid_api_key",
                                                 "api_key": key}})


@pytest.mark.parametrize("key", ECHO_KEYS)
def test_cli_error_body_echoing_the_key_leaks_nowhere(tmp_path: Path, key: str) -> None:
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from .support.faultserver import FaultServer, status

    inbox, out, rec = tmp_path / "inbox", tmp_path / "out", tmp_path / "rec"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    (inbox / "b.txt").write_text(TEXT.replace("Dienstag", "Mittwoch"), encoding="utf-8")

    def answer(code: int):  # noqa: ANN202 - an error body that echoes the key
        echo = {"error": {"message": f"Incorrect API key provided: {key}", "code": "invalid_api_key", "key": key}}
        return status(code, echo)

    args = ["digest", str(inbox), "-o", str(out), "--model", "m", "--depth", "1", "-j", "1"]
    with FaultServer(default=answer(400)) as server:  # a 400 per request: recorded, the digest lists the failures
        result = CliRunner().invoke(app, [*args, "--base-url", server.url, "--record", str(rec)],
                                    env={"OPENAI_API_KEY": key})
    assert server.requests and server.requests[0].headers["authorization"] == f"Bearer {key}"  # the key was in play
    assert result.exit_code == 1 and "Incorrect API key provided: [redacted]" in result.output
    assert key not in result.output, "API key leaked into stderr"
    for name in ("digest.json", "digest.md", "digest.html"):
        assert key not in (out / name).read_text(encoding="utf-8"), f"API key leaked into {name}"
    with FaultServer(default=answer(401)) as server:  # a 401: a fatal stop, whose message goes to stderr
        fatal = CliRunner().invoke(app, [*args, "--base-url", server.url, "--record", str(tmp_path / "rec401")],
                                   env={"OPENAI_API_KEY": key})
    assert fatal.exit_code == 3 and "Incorrect API key provided: [redacted]" in fatal.output
    assert key not in fatal.output, "API key leaked into stderr"
    assert not list((tmp_path / "rec401").rglob("*.json")) or all(
        json.loads(f.read_text(encoding="utf-8")).get("response", {}).get("status") != 401
        for f in (tmp_path / "rec401").rglob("*.json") if f.name != "manifest.json")
    recorded = list(rec.rglob("*.json"))
    assert any(json.loads(f.read_text(encoding="utf-8")).get("response", {}).get("status") == 400 for f in recorded)
    for file in recorded:
        assert key not in file.read_text(encoding="utf-8"), f"API key leaked into {file}"


@pytest.mark.parametrize("key", ECHO_KEYS)
def test_library_with_its_own_client_reports_and_records_no_echoed_key(tmp_path: Path, key: str) -> None:
    """A caller's own client has none of our transports; the error is redacted where it becomes ours, and the
    recorder redacts the body it stores. Both with an ``AsyncOpenAI`` for :func:`arun` and an ``OpenAI`` for
    :func:`run`."""
    from openai import OpenAI

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    server = Scripted(respond=lambda body: _echo(400, key))
    settings = Settings(model="m", api_key=key, depth=1)

    async def go():  # noqa: ANN202
        async with _recording_client(tmp_path / "rec", server, key) as client:
            return await arun([inbox], settings=settings, client=client)

    plain = OpenAI(api_key=key, base_url="http://llm.invalid/v1", max_retries=0,
                   http_client=httpx2.Client(transport=httpx2.MockTransport(server)))
    for result in (asyncio.run(go()), run([inbox], settings=settings, client=plain)):
        assert [f.error_kind for f in result.failures] == ["BadRequestError"]
        assert key not in result.digest.model_dump_json() and REDACTED in result.failures[0].message
    files = list((tmp_path / "rec").rglob("*.json"))
    assert files and all(key not in f.read_text(encoding="utf-8") for f in files)


def test_failure_model_redacts_key_shaped_text_as_a_last_guard() -> None:
    from summarize.models import Failure

    failure = Failure(article_id="a", error_kind="BriefingError", message="server said: sk-proj-AbC123dEf456GhI789jKl012")
    assert "AbC123" not in failure.message and REDACTED in failure.message


def test_our_client_redacts_the_echo_before_openai_sees_it() -> None:
    """With the client the package builds, no exception in the chain holds the key (its body neither)."""
    from summarize import article_from_text, brief

    from .support.faultserver import FaultServer, status

    key = "my-local-llama-key-2024"
    with FaultServer(default=status(401, {"error": {"message": f"Incorrect API key provided: {key}"}})) as server:
        with pytest.raises(BriefingError) as info:
            brief(article_from_text(TEXT, id="t"), settings=Settings(model="m", api_key=key, base_url=server.url, depth=1))
    exc: BaseException | None = info.value
    while exc is not None:
        assert key not in str(exc) + repr(exc) + repr(getattr(exc, "body", None)), type(exc).__name__
        exc = exc.__cause__ or exc.__context__
