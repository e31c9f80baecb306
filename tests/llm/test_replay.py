"""Record/replay at the transport, and proof that no request can leave the machine in tests."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

import httpx2
import openai
import pytest
from openai import AsyncOpenAI, OpenAI

from summarize.errors import ReplayMiss
from summarize.llm.replay import ARTICLE_HEADER, AsyncRecordReplayTransport, Cassette, request_key

from ..conftest import NetworkBlocked
from ..support.fakes import Scripted, completion


def _chat(client: AsyncOpenAI, text: str, article: str = "a1") -> str:
    """One chat request through ``client``, from sync test code."""

    async def go() -> str:
        response = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": text}], extra_headers={ARTICLE_HEADER: article}
        )
        return response.choices[0].message.content or ""

    return asyncio.run(go())


def _client(transport: httpx2.AsyncBaseTransport) -> AsyncOpenAI:
    return AsyncOpenAI(
        api_key="sk-secret-key-123", base_url="http://llm.invalid/v1", max_retries=0,
        http_client=httpx2.AsyncClient(transport=transport),
    )


def _recording(folder: Path, upstream: Scripted) -> AsyncOpenAI:
    """A client that records into ``folder``, sending what is missing to ``upstream``."""
    return _client(AsyncRecordReplayTransport(Cassette(folder), "record", inner=httpx2.MockTransport(upstream)))


def _replaying(folder: Path) -> AsyncOpenAI:
    return _client(AsyncRecordReplayTransport(Cassette(folder), "replay"))


def test_record_then_replay_roundtrip_without_secrets(tmp_path: Path) -> None:
    upstream = Scripted(["first answer", "second answer"])  # hand-made upstream
    recorder = AsyncRecordReplayTransport(Cassette(tmp_path), "record", inner=httpx2.MockTransport(upstream))
    client = _client(recorder)
    assert _chat(client, "hello") == "first answer"
    assert _chat(client, "again") == "second answer"

    files = sorted(tmp_path.glob("a1/*.json"))
    assert len(files) == 2
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "sk-secret-key-123" not in text
        assert "authorization" not in text.lower()
        exchange = json.loads(text)  # readable JSON, request and response
        assert exchange["request"]["path"] == "/chat/completions"
        assert exchange["article"] == "a1"
        assert exchange["response"]["status"] == 200

    replayer = _replaying(tmp_path)
    assert _chat(replayer, "again") == "second answer"
    assert _chat(replayer, "hello") == "first answer"
    assert len(upstream.requests) == 2  # replay never called upstream


def test_key_ignores_host_and_headers_but_not_content() -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}]}
    assert request_key("POST", "/chat/completions", body) == request_key("post", "/chat/completions", dict(body))
    changed = {**body, "temperature": 0.5}
    assert request_key("POST", "/chat/completions", body) != request_key("POST", "/chat/completions", changed)


def test_replay_miss_names_article_and_how_to_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, addr: opened.append(addr))
    client = _replaying(tmp_path)
    with pytest.raises(openai.APIConnectionError) as info:
        _chat(client, "never recorded", article="003_abc")
    miss = info.value.__cause__
    assert isinstance(miss, ReplayMiss)
    assert miss.article_id == "003_abc"
    assert "003_abc" in str(miss) and "--record" in str(miss)
    assert opened == []  # no socket was even attempted


def test_replay_transport_refuses_a_network_transport(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="never reach the network"):
        AsyncRecordReplayTransport(Cassette(tmp_path), "replay", inner=httpx2.AsyncHTTPTransport())


def test_guard_blocks_a_request_that_escapes() -> None:
    """If any code path built a plain client (openai 3.x on httpx2), the test would fail, not go online."""
    client = OpenAI(api_key="k", base_url="http://203.0.113.7/v1", max_retries=0)
    with pytest.raises(openai.APIConnectionError) as info:
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    chain, cur = [], info.value
    while cur is not None:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    assert any(isinstance(e, NetworkBlocked) for e in chain)


def test_guard_blocks_dns_of_public_hosts() -> None:
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("api.openai.com", 443)


def test_server_errors_are_not_recorded(tmp_path: Path) -> None:
    upstream = Scripted([httpx2.Response(503, json={"error": {"message": "busy"}}), completion("ok")])
    client = _recording(tmp_path, upstream)
    with pytest.raises(openai.InternalServerError):
        _chat(client, "x")
    assert list(tmp_path.glob("*/*.json")) == []
    assert _chat(client, "x") == "ok"
    assert len(list(tmp_path.glob("*/*.json"))) == 1


def test_recording_into_a_folder_only_sends_what_is_missing(tmp_path: Path) -> None:
    upstream = Scripted(["first answer", "new answer"])  # hand-made upstream
    _chat(_recording(tmp_path, upstream), "hello")
    again = _recording(tmp_path, upstream)
    assert _chat(again, "hello") == "first answer"  # answered from the folder
    assert _chat(again, "new question") == "new answer"  # sent and recorded
    assert [r["messages"][0]["content"] for r in upstream.requests] == ["hello", "new question"]
    assert len(list(tmp_path.glob("a1/*.json"))) == 2


@pytest.mark.parametrize("code", [401, 403, 408, 429])
def test_answers_that_would_not_come_again_are_not_recorded(tmp_path: Path, code: int) -> None:
    upstream = Scripted([httpx2.Response(code, json={"error": {"message": f"hand-made {code}"}}), completion("ok")])
    client = _recording(tmp_path, upstream)
    with pytest.raises(openai.APIStatusError):
        _chat(client, "x")
    assert list(tmp_path.glob("*/*.json")) == []
    assert _chat(client, "x") == "ok"  # after the key is fixed, the real answer is recorded
    assert len(list(tmp_path.glob("*/*.json"))) == 1


def test_request_bound_errors_are_recorded(tmp_path: Path) -> None:
    upstream = Scripted([httpx2.Response(400, json={"error": {"message": "hand-made: bad schema"}})])
    client = _recording(tmp_path, upstream)
    with pytest.raises(openai.BadRequestError):
        _chat(client, "x")
    assert len(list(tmp_path.glob("*/*.json"))) == 1


def _old_401_recording(folder: Path) -> Path:
    """HAND-MADE: the file an older version wrote for a 401 answer."""
    body = {"messages": [{"role": "user", "content": "x"}], "model": "m"}
    key = request_key("POST", "/chat/completions", body)
    file = folder / "a1" / f"{key}.json"
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps({"article": "a1", "request": {"method": "POST", "path": "/chat/completions", "body": body},
                                "response": {"status": 401, "headers": {"content-type": "application/json"},
                                             "body": {"error": {"message": "Incorrect API key provided"}}}}),
                    encoding="utf-8")
    return file


def test_an_old_401_recording_is_a_replay_miss_naming_the_file(tmp_path: Path) -> None:
    file = _old_401_recording(tmp_path)
    client = _replaying(tmp_path)
    with pytest.raises(openai.APIConnectionError) as info:
        _chat(client, "x")
    miss = info.value.__cause__
    assert isinstance(miss, ReplayMiss) and miss.article_id == "a1"
    assert "401" in str(miss) and str(file) in str(miss) and "--record" in str(miss)


def test_recording_again_replaces_an_old_401_recording(tmp_path: Path) -> None:
    file = _old_401_recording(tmp_path)
    upstream = Scripted(["fixed"])  # hand-made upstream
    client = _recording(tmp_path, upstream)
    assert _chat(client, "x") == "fixed"
    assert len(upstream.requests) == 1
    assert json.loads(file.read_text(encoding="utf-8"))["response"]["status"] == 200


def test_a_replaced_recording_under_another_article_name_is_removed(tmp_path: Path) -> None:
    old = _old_401_recording(tmp_path)  # recorded as article "a1"
    upstream = Scripted(["fixed"])  # hand-made upstream
    client = _recording(tmp_path, upstream)
    assert _chat(client, "x", article="renamed") == "fixed"
    assert not old.exists() and len(list(tmp_path.glob("*/*.json"))) == 1
    assert _chat(_replaying(tmp_path), "x") == "fixed"
