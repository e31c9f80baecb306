"""HAND-MADE test double: a local OpenAI-compatible HTTP server that misbehaves on cue.

``POST /v1/chat/completions`` answers from a script of faults, one per request, in order:

* :func:`ok` - a normal ``chat.completion`` with usage;
* :func:`status` - any status with an optional JSON body and headers (429 + Retry-After, 500, 503, ...);
* :func:`reset` - close the connection without answering (the client sees a connection reset / EOF);
* :func:`hang` - answer nothing for ``seconds`` (longer than the client's timeout), then close;
* :func:`raw` - a 200 whose body is not JSON;
* :func:`truncated` - a completion cut off at ``max_tokens`` (``finish_reason: "length"``).

A fault can also be a function of the request body (to answer part and summary requests differently).
When the script runs out, ``default`` answers (a 500 naming the problem unless set). Every request is
recorded (path, parsed body, headers). The server listens on 127.0.0.1 on a free port, in a daemon
thread, and :meth:`FaultServer.stop` (or leaving the ``with`` block) ends it, releasing any hang.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .fakes import completion  # the hand-made chat.completion body, one place for both doubles


@dataclass(frozen=True)
class Fault:
    """One scripted answer. ``kind`` is ok, status, reset, hang or raw."""

    kind: str
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def ok(content: str) -> Fault:
    return Fault("ok", 200, _json(completion(content)), {"content-type": "application/json"})


def truncated(content: str) -> Fault:
    return Fault("ok", 200, _json(completion(content, finish_reason="length")), {"content-type": "application/json"})


def status(code: int, body: Any = None, headers: dict[str, str] | None = None) -> Fault:
    if body is None:
        body = {"error": {"message": f"hand-made {code}", "type": "server_error" if code >= 500 else "invalid_request_error",
                          "code": None}}
    data = body if isinstance(body, bytes) else _json(body)
    return Fault("status", code, data, {"content-type": "application/json", **(headers or {})})


def quota() -> Fault:
    """The 429 OpenAI sends when the account has no credit left: never worth a retry."""
    return status(429, {"error": {"message": "You exceeded your current quota.", "type": "insufficient_quota",
                                  "param": None, "code": "insufficient_quota"}})


def reset() -> Fault:
    return Fault("reset")


def hang(seconds: float) -> Fault:
    return Fault("hang", seconds=seconds)


def raw(text: str, content_type: str = "application/json") -> Fault:
    """A 200 with a body that is not JSON (labelled JSON by default, as a broken proxy would)."""
    return Fault("raw", 200, text.encode("utf-8"), {"content-type": content_type})


Script = Fault | Callable[[dict[str, Any]], Fault]


@dataclass
class Seen:
    """One request as the server received it."""

    path: str
    body: Any
    headers: dict[str, str]


class FaultServer:
    """The server and its script. Use as a context manager, or ``start()`` / ``stop()``."""

    def __init__(self, script: list[Script] | None = None, default: Script | None = None) -> None:
        self.script: list[Script] = list(script or [])
        self.default: Script = default or status(500, {"error": {"message": "fault script exhausted"}})
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        """Base URL for the openai client, ending in ``/v1``."""
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FaultServer:
        server = self

        class Handler(_Handler):
            fault_server = server

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # release hanging handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ script

    def add(self, *faults: Script) -> None:
        with self._lock:
            self.script.extend(faults)

    def _next(self, body: Any) -> Fault:
        with self._lock:
            item = self.script.pop(0) if self.script else self.default
        return item(body) if callable(item) else item

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)

    @property
    def count(self) -> int:
        return len(self.requests)


class _QuietServer(ThreadingHTTPServer):
    """Broken connections are the point here: do not print their tracebacks."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


class _Handler(BaseHTTPRequestHandler):
    fault_server: FaultServer
    protocol_version = "HTTP/1.1"
    # Buffer the reply and send headers and body in one write: two small writes meet Nagle's algorithm
    # and the client's delayed ACK, and every request would take ~40 ms.
    wbufsize = 64 * 1024

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the stderr log
        return

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        length = int(self.headers.get("content-length") or 0)
        data = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(data) if data else None
        except ValueError:
            body = data.decode("utf-8", errors="replace")
        server = self.fault_server
        server._record(Seen(self.path, body, {k.lower(): v for k, v in self.headers.items()}))
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, _json({"error": {"message": f"no route {self.path}", "code": "not_found"}}), {})
            return
        fault = server._next(body)
        if fault.kind == "reset":
            self._reset()
        elif fault.kind == "hang":
            server._stopping.wait(fault.seconds)
            self.close_connection = True
        else:
            self._send(fault.status, fault.body, fault.headers)

    def _send(self, code: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _reset(self) -> None:
        """Close with RST (SO_LINGER 0) and no bytes sent: the client sees a reset or an empty reply."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        self.close_connection = True
        try:
            self.connection.close()
        except OSError:
            pass
