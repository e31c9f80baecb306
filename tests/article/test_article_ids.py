"""Article ids with any character (German and Ukrainian file names, a newline) travel in the request header,
are recorded under their real name and named in replay misses.

Articles and answers are HAND-MADE; the end-to-end test runs the real stack against tests/faultserver.py
(a real HTTP server, so the header goes through the same validation as in production)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx2
import openai
import pytest
from openai import AsyncOpenAI

from summarize import Settings, arun, run
from summarize.errors import ReplayMiss
from summarize.llm.replay import (
    ARTICLE_HEADER, AsyncRecordReplayTransport, Cassette, decode_article_id, encode_article_id,
)

from ..support.fakes import Scripted
from ..support.faultserver import FaultServer, ok

# hand-made article and answers
TEXT = "Pistorius prüft Kauf\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf.\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2, "name": "Boris Pistorius",
                               "kind": "person", "role_in_english": "defence minister"}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})
NAMES = ["Selenskyj-über-Waffen.txt", "Зеленський.md", "two\nlines.txt"]


def _answer(body: dict) -> str:
    return SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, name in enumerate(NAMES):
        (inbox / name).write_text(TEXT.replace("Dienstag", f"Dienstag ({n})"), encoding="utf-8")
    return inbox


@pytest.mark.parametrize("article_id", ["003_217b1643d8ffb68b", "_digest", "a b", "100%", "x:y/z"])
def test_printable_ascii_ids_travel_unchanged(article_id: str) -> None:
    """Existing recordings (tests/recordings, benchmarks/recordings) carry these ids byte for byte."""
    assert encode_article_id(article_id) == article_id
    assert decode_article_id(article_id) == article_id


@pytest.mark.parametrize("article_id", ["Selenskyj-über-Waffen", "Зеленський", "two\nlines", " lead", "utf-8''x", "tab\there"])
def test_other_ids_are_encoded_as_ascii_and_decode_back(article_id: str) -> None:
    value = encode_article_id(article_id)
    assert value.isascii() and value.isprintable() and value == value.strip()
    assert decode_article_id(value) == article_id


def test_unicode_and_newline_file_names_are_briefed_over_http(tmp_path: Path) -> None:
    with FaultServer(default=lambda body: ok(_answer(body))) as server:
        settings = Settings(model="m", api_key="k", base_url=server.url, depth=1)
        result = run([_inbox(tmp_path)], settings=settings)
    assert result.failures == []
    assert sorted(b.article.id for b in result.briefings) == sorted(Path(n).stem for n in NAMES)
    sent = {decode_article_id(r.headers[ARTICLE_HEADER.lower()]) for r in server.requests}
    assert sent == {Path(n).stem for n in NAMES}


def test_recordings_and_misses_name_the_decoded_id(tmp_path: Path) -> None:
    upstream = Scripted(respond=_answer)  # hand-made upstream
    inbox = _inbox(tmp_path)

    def client(transport: httpx2.AsyncBaseTransport) -> AsyncOpenAI:
        return AsyncOpenAI(api_key="k", base_url="http://llm.invalid/v1", max_retries=0,
                           http_client=httpx2.AsyncClient(transport=transport))

    async def record():  # noqa: ANN202
        recorder = AsyncRecordReplayTransport(Cassette(tmp_path / "rec"), "record", inner=httpx2.MockTransport(upstream))
        async with client(recorder) as recording:
            return await arun([inbox], settings=Settings(model="m", api_key="k", depth=1), client=recording)

    result = asyncio.run(record())
    assert result.failures == []
    recorded = {json.loads(f.read_text(encoding="utf-8"))["article"] for f in (tmp_path / "rec").rglob("*.json")}
    assert recorded == {"Selenskyj-über-Waffen", "Зеленський", "two\nlines"}
    assert {p.name for p in (tmp_path / "rec").iterdir()} == {"Selenskyj-über-Waffen", "Зеленський", "two_lines"}

    async def replay_a_miss() -> None:
        async with client(AsyncRecordReplayTransport(Cassette(tmp_path / "rec"), "replay")) as replayer:
            await replayer.chat.completions.create(model="m", messages=[{"role": "user", "content": "never recorded"}],
                                                   extra_headers={ARTICLE_HEADER: encode_article_id("Зеленський")})

    with pytest.raises(openai.APIConnectionError) as info:
        asyncio.run(replay_a_miss())
    miss = info.value.__cause__
    assert isinstance(miss, ReplayMiss) and miss.article_id == "Зеленський" and "Зеленський" in str(miss)
