"""HAND-MADE test double: a local fake of the OpenAI Files, Batches and Chat Completions endpoints.

The *answers* are not hand-made: every chat request, online or inside a batch, is answered from a folder
of real recorded exchanges (``tests/recordings/seeds``, via :class:`summarize.llm.replay.Cassette`) by the
request key of its body, so the briefings are the real ones. A request with no recording gets a 400.

Endpoints (the subset the openai client uses for a batch):

* ``POST /v1/files`` (multipart: ``file``, ``purpose``) -> a file object; ``GET /v1/files/{id}/content``;
* ``POST /v1/batches`` -> a batch in ``validating``; ``GET /v1/batches/{id}`` advances it one step per call:
  ``validating`` -> ``in_progress`` (half the requests counted) -> ``finalizing`` -> ``final_status``;
  at the end the output and error files are written;
* ``POST /v1/chat/completions`` -> the recorded answer (the online fallback).

Knobs: ``error_keys`` (custom_ids answered with a 500 line in the error file), ``missing_keys`` (in
neither file), ``final_status`` (``completed``, ``failed``, ``expired``, ``cancelled``; ``failed``
writes no files, ``expired``/``cancelled`` answer only the first ``partial`` lines and put
``batch_expired``/``batch_cancelled`` lines in the error file for the rest); ``hold`` (no batch moves past
``in_progress`` until ``hold`` batches exist and each has been retrieved at least once: a client that polls
its batches one after the other never sees one finish, one that polls them together always does).
Everything it receives is counted: ``uploads``, ``creates``, ``retrieves``, ``chat`` (online bodies).
"""

from __future__ import annotations

import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from summarize.llm.replay import Cassette, request_key


class BatchServer:
    def __init__(
        self,
        recordings: Path,
        *,
        error_keys: set[str] | None = None,
        missing_keys: set[str] | None = None,
        final_status: str = "completed",
        partial: int = 0,
        hold: int = 0,
    ) -> None:
        self.cassette = Cassette(recordings)
        self.error_keys = set(error_keys or ())
        self.missing_keys = set(missing_keys or ())
        self.final_status = final_status
        self.partial = partial
        self.hold = hold
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.uploads: list[str] = []  # ids of uploaded files
        self.creates = 0
        self.retrieves = 0
        self.chat: list[Any] = []  # bodies of online chat requests
        self._steps: dict[str, int] = {}
        self._lines: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> BatchServer:
        server = self

        class Handler(_Handler):
            fake = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None and self._thread is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    # ------------------------------------------------------------------ behaviour

    def answer(self, body: Any) -> tuple[int, dict[str, Any]]:
        """The recorded answer to a chat body (status, JSON body)."""
        exchange = self.cassette.find(request_key("POST", "/chat/completions", body))
        if exchange is None:
            return 400, {"error": {"message": "hand-made fake: no recording for this request", "type": "invalid_request_error"}}
        return exchange["response"]["status"], exchange["response"]["body"]

    def upload(self, data: bytes) -> dict[str, Any]:
        with self._lock:
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = data
            self.uploads.append(file_id)
        return {"id": file_id, "object": "file", "bytes": len(data), "created_at": int(time.time()),
                "filename": "input.jsonl", "purpose": "batch", "status": "processed"}

    def create(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.creates += 1
            batch_id = f"batch_{len(self.batches) + 1}"
            lines = [json.loads(x) for x in self.files[params["input_file_id"]].decode().splitlines() if x.strip()]
            batch = {
                "id": batch_id, "object": "batch", "endpoint": params["endpoint"], "errors": None,
                "input_file_id": params["input_file_id"], "completion_window": params["completion_window"],
                "status": "validating", "output_file_id": None, "error_file_id": None,
                "created_at": int(time.time()), "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
                "metadata": params.get("metadata"),
            }
            self.batches[batch_id] = batch
            self._steps[batch_id] = 0
            self._lines[batch_id] = lines
            return dict(batch)

    def retrieve(self, batch_id: str) -> dict[str, Any] | None:
        with self._lock:
            self.retrieves += 1
            batch = self.batches.get(batch_id)
            if batch is None:
                return None
            step = self._steps[batch_id] = self._steps[batch_id] + 1
            counts = batch["request_counts"]
            if batch["status"] in ("completed", "failed", "expired", "cancelled"):
                return dict(batch)
            if step > 1 and (len(self.batches) < self.hold or not all(self._steps.values())):
                step = self._steps[batch_id] = 1  # held in_progress until every batch has been polled
            if step == 1:
                batch["status"] = "in_progress"
                counts["completed"] = counts["total"] // 2
            elif step == 2:
                batch["status"] = "finalizing"
            else:
                self._finish(batch, self._lines[batch_id])
            return dict(batch)

    def _finish(self, batch: dict[str, Any], lines: list[dict[str, Any]]) -> None:
        status = self.final_status
        batch["status"] = status
        if status == "failed":
            batch["errors"] = {"object": "list", "data": [
                {"code": "invalid_request", "message": "hand-made: the model does not support batches", "line": 1}]}
            batch["request_counts"].update(completed=0, failed=0)
            return
        out: list[str] = []
        err: list[str] = []
        for n, line in enumerate(lines):
            cid = line["custom_id"]
            if request_key("POST", "/chat/completions", line["body"]) != cid:
                raise AssertionError(f"custom_id {cid} is not the request key of its body")
            assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
            if cid in self.missing_keys:
                continue
            if status != "completed" and n >= self.partial:
                code = f"batch_{status}"
                err.append(json.dumps({"id": f"req_{n}", "custom_id": cid, "response": None,
                                       "error": {"code": code, "message": f"hand-made: {code}"}}))
                continue
            if cid in self.error_keys:
                err.append(json.dumps({"id": f"req_{n}", "custom_id": cid, "error": None, "response": {
                    "status_code": 500, "request_id": f"r{n}",
                    "body": {"error": {"message": "hand-made server error", "type": "server_error"}}}}))
                continue
            code, body = self.answer(line["body"])
            (out if code == 200 else err).append(json.dumps(
                {"id": f"req_{n}", "custom_id": cid, "error": None,
                 "response": {"status_code": code, "request_id": f"r{n}", "body": body}}, ensure_ascii=False))
        for name, rows in (("output_file_id", out), ("error_file_id", err)):
            if rows:
                file_id = f"file-{len(self.files) + 1}"
                self.files[file_id] = ("\n".join(rows) + "\n").encode("utf-8")
                batch[name] = file_id
        batch["request_counts"].update(completed=len(out), failed=len(err))


class _Handler(BaseHTTPRequestHandler):
    fake: BatchServer
    protocol_version = "HTTP/1.1"
    wbufsize = 64 * 1024

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return

    def _send(self, code: int, body: Any, content_type: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _not_found(self) -> None:
        self._send(404, {"error": {"message": f"hand-made fake: no route {self.command} {self.path}", "code": "not_found"}})

    def do_GET(self) -> None:  # noqa: N802
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) == 4 and parts[:2] == ["v1", "files"] and parts[3] == "content" and parts[2] in self.fake.files:
            self._send(200, self.fake.files[parts[2]], "application/octet-stream")
        elif len(parts) == 3 and parts[:2] == ["v1", "batches"] and (batch := self.fake.retrieve(parts[2])) is not None:
            self._send(200, batch)
        else:
            self._not_found()

    def do_POST(self) -> None:  # noqa: N802
        data = self.rfile.read(int(self.headers.get("content-length") or 0))
        path = self.path.split("?")[0].rstrip("/")
        if path == "/v1/files":
            message = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + self.headers["content-type"].encode() + b"\r\n\r\n" + data
            )
            fields = {p.get_param("name", header="content-disposition"): p.get_payload(decode=True) for p in message.iter_parts()}
            if fields.get("purpose") != b"batch" or not fields.get("file"):
                self._send(400, {"error": {"message": "hand-made fake: want a file with purpose=batch"}})
                return
            self._send(200, self.fake.upload(fields["file"]))
        elif path == "/v1/batches":
            params = json.loads(data)
            if params.get("input_file_id") not in self.fake.files:
                self._send(404, {"error": {"message": "hand-made fake: no such file"}})
                return
            self._send(200, self.fake.create(params))
        elif path == "/v1/chat/completions":
            body = json.loads(data)
            with self.fake._lock:
                self.fake.chat.append(body)
            self._send(*self.fake.answer(body))
        else:
            self._not_found()
