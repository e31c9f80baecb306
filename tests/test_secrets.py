"""No API key or Authorization header in recordings, logs, cache files, outputs, exceptions or reprs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx2
import pytest

from summarize import BriefingError, Settings, run
from summarize.cache import BriefingCache
from summarize.llm.replay import Cassette, RecordReplayTransport

from .conftest import RECORDINGS
from .fakes import Scripted

SECRET = "sk-live-SECRET-4f7a9c2e1b"
TEXT = "Pistorius prüft Kauf\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf.\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                               "name": "Boris Pistorius", "kind": "person", "role_in_english": None}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


def _answers(body: dict) -> str:  # hand-made answers
    return SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART


def _assert_clean(text: str, where: str) -> None:
    assert SECRET not in text, f"API key leaked into {where}"
    assert "Bearer " not in text, f"Authorization header leaked into {where}"


def test_logs_cache_outputs_and_recordings_hold_no_secret(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    server = Scripted(respond=_answers)
    recorder = RecordReplayTransport(Cassette(tmp_path / "rec"), "record", inner=httpx2.MockTransport(server))
    from openai import OpenAI

    client = OpenAI(api_key=SECRET, base_url="http://llm.invalid/v1", max_retries=0, http_client=httpx2.Client(transport=recorder))
    settings = Settings(model="m", api_key=SECRET, depth=1)
    caplog.set_level(logging.DEBUG)
    logging.getLogger("instructor").propagate = True
    try:
        result = run([inbox], settings=settings, client=client, cache=BriefingCache(tmp_path / "cache"))
    finally:
        logging.getLogger("instructor").propagate = False
    assert server.headers[0]["authorization"] == f"Bearer {SECRET}"  # the key really was in play
    _assert_clean("\n".join(r.getMessage() + repr(r.args) for r in caplog.records), "logs")
    for file in [*(tmp_path / "cache").rglob("*.json"), *(tmp_path / "rec").rglob("*.json")]:
        _assert_clean(file.read_text(encoding="utf-8"), str(file))
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
