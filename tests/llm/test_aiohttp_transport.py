"""The innermost transport (``summarize.llm.client.AsyncAiohttpTransport``): what it sends, what it hands back,
and its failures as the httpx2 exceptions the retry layer and the server watch know."""

from __future__ import annotations

import asyncio
import gzip
import socket
from collections.abc import Awaitable, Callable

import httpx2
import pytest

from summarize import Settings
from summarize.llm.client import AsyncAiohttpTransport, AsyncRedactingTransport, async_live_transport

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _serve(handler: Handler) -> tuple[asyncio.Server, str]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, bytes]:
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    length = next((int(line.split(":", 1)[1]) for line in head.split("\r\n") if line.lower().startswith("content-length:")), 0)
    return head, await reader.readexactly(length)


def _request(url: str, timeout: float = 5.0) -> httpx2.Request:
    request = httpx2.Request("POST", f"{url}/v1/chat/completions", headers={"authorization": "Bearer k", "x-mine": "1"},
                             content=b'{"model": "m"}')
    request.extensions["timeout"] = httpx2.Timeout(timeout).as_dict()
    return request


def test_sends_the_request_as_built_and_hands_back_the_decoded_body() -> None:
    seen: list[tuple[str, bytes]] = []
    body = gzip.compress(b'{"ok": true}')

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await _read_request(reader))
        writer.write(b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
                     b"content-length: %d\r\nx-answer: yes\r\n\r\n" % len(body) + body)
        await writer.drain()
        writer.close()

    async def main() -> httpx2.Response:
        server, url = await _serve(handler)
        transport = AsyncAiohttpTransport()
        try:
            response = await transport.handle_async_request(_request(url))
            await response.aread()
            await response.aclose()
            return response
        finally:
            await transport.aclose()
            server.close()

    response = asyncio.run(main())
    head, sent = seen[0]
    assert head.startswith("POST /v1/chat/completions HTTP/1.1\r\n")
    assert "authorization: Bearer k" in head and "x-mine: 1" in head and "content-length: 14" in head.lower()
    assert sent == b'{"model": "m"}'
    assert response.status_code == 201 and response.reason_phrase == "Created"
    assert response.headers["x-answer"] == "yes" and response.json() == {"ok": True}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _fail(handler: Handler | None, timeout: float = 5.0) -> BaseException:
    server, url = await _serve(handler) if handler else (None, f"http://127.0.0.1:{_free_port()}")
    transport = AsyncAiohttpTransport()
    try:
        response = await transport.handle_async_request(_request(url, timeout))
        await response.aread()
    except Exception as exc:  # noqa: BLE001 - the test looks at what it is
        return exc
    finally:
        await transport.aclose()
        if server is not None:
            server.close()
    raise AssertionError("the request did not fail")


async def _hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_request(reader)
    writer.close()


async def _half_body(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_request(reader)
    writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"a\"")
    await writer.drain()
    writer.close()


async def _silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_request(reader)
    await asyncio.sleep(5)


async def _not_http(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_request(reader)
    writer.write(b"SSH-2.0-OpenSSH\r\n\r\n")
    await writer.drain()
    writer.close()


@pytest.mark.parametrize(("handler", "expected"), [
    (None, httpx2.ConnectError),  # nothing listens: the watch counts connection failures
    (_hang_up, httpx2.RemoteProtocolError),  # retried
    (_half_body, httpx2.RemoteProtocolError),  # retried
    (_silent, httpx2.ReadTimeout),  # retried once the server has answered, else the watch stops the run
    (_not_http, httpx2.RemoteProtocolError),
])
def test_failures_are_httpx2_transport_errors(handler: Handler | None, expected: type[Exception]) -> None:
    exc = asyncio.run(_fail(handler, timeout=0.3))
    assert type(exc) is expected, repr(exc)
    assert isinstance(exc.__cause__, Exception) and type(exc.__cause__).__module__.startswith("aiohttp")


def test_a_transport_serves_one_event_loop_after_another() -> None:
    """The sync API runs each call on an event loop of its own: the session is made again in the new one."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")
        await writer.drain()
        writer.close()

    transport = AsyncAiohttpTransport()
    sessions = []

    async def once() -> int:
        server, url = await _serve(handler)
        try:
            response = await transport.handle_async_request(_request(url))
            await response.aread()
            sessions.append(transport._session)
            return response.status_code
        finally:
            await transport.aclose()
            server.close()

    assert asyncio.run(once()) == 200
    assert asyncio.run(once()) == 200
    assert sessions[0] is not sessions[1] and all(s.closed for s in sessions)


def test_the_live_chain_ends_in_aiohttp() -> None:
    transport = async_live_transport(Settings(model="m", api_key="k", base_url="http://127.0.0.1:9/v1"))
    chain = [transport]
    while hasattr(chain[-1], "inner"):
        chain.append(chain[-1].inner)
    assert isinstance(chain[-2], AsyncRedactingTransport) and isinstance(chain[-1], AsyncAiohttpTransport)
