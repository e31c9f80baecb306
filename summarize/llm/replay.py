"""Record and replay the HTTP exchanges with the LLM, at the httpx2 transport layer.

openai 3.x sends every request through an ``httpx2`` client. We hand the client a transport of our own,
:class:`AsyncRecordReplayTransport`:

* ``record``: a request already recorded in ``DIR`` is answered from there; any other is sent by the
  real transport and the exchange is written to ``DIR/<article id>/<key>.json``. So recording into a
  folder only adds what is missing (VCR's "new episodes"); to re-record everything, start from an
  empty folder. Only answers that would come again are written: 2xx and the request-bound 400/404/422,
  never 401/403 (a bad key), 408/409/429 or 5xx. A recording of any other status (from an older version)
  is never answered from: ``record`` asks again, ``replay`` reports a miss that names the file.
* ``replay``: there is **no** inner transport at all. A request is answered from ``DIR`` or raises
  :class:`~summarize.errors.ReplayMiss`; it cannot reach the network because nothing here can open a socket.

A request is matched on its content: the SHA-256 of the method, the URL path (after ``/v1``) and the
canonical JSON body (sorted keys). Headers are not part of the key, and none are stored except
``content-type``: no ``Authorization``, no API key; an error body that echoes the key is stored redacted
(``summarize.redact``). The article id travels in the ``X-Summarize-Article``
request header, only to name files and misses. An HTTP header carries printable ASCII only, so an id with
any other character (``Selenskyj-über-Waffen``, ``Зеленський``, a newline) is sent percent-encoded behind
the RFC 8187 marker ``utf-8''`` (:func:`encode_article_id`); a printable-ASCII id is sent as it is, byte
for byte. :func:`article_of` decodes it again.

Recordings are plain, indented JSON, one file per exchange, so a reviewer can read what the model was
asked and what it answered.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, unquote

import httpx2

from .._data import prompt_version
from ..errors import ReplayMiss
from ..redact import redact_data, secrets_in
from ..settings import MANIFEST, Settings, recording_manifest
from ..text.files import write_atomic

ARTICLE_HEADER = "X-Summarize-Article"
# Response headers worth keeping; everything else (cookies, request ids, rate-limit counters) is dropped.
_KEEP_RESPONSE_HEADERS = ("content-type",)

Mode = Literal["record", "replay"]
# RFC 8187 (ext-value) marker of a percent-encoded UTF-8 header value.
_ENCODED = "utf-8''"


def encode_article_id(article_id: str) -> str:
    """The ``X-Summarize-Article`` header value of ``article_id``: unchanged when it is printable ASCII with
    no space at either end (so existing recordings keep their ids), else ``utf-8''`` and the percent-encoded
    UTF-8 bytes, which survive any character, newlines included."""
    plain = all(" " <= c <= "~" for c in article_id) and article_id == article_id.strip()
    if plain and not article_id.startswith(_ENCODED):
        return article_id
    return _ENCODED + quote(article_id, safe="")


def decode_article_id(value: str | None) -> str | None:
    """Inverse of :func:`encode_article_id`; None stays None."""
    if value is not None and value.startswith(_ENCODED):
        return unquote(value[len(_ENCODED) :], errors="replace")
    return value


def article_of(request: httpx2.Request) -> str | None:
    """The article id a request was sent for, decoded from its header; None if it has none."""
    return decode_article_id(request.headers.get(ARTICLE_HEADER))


def request_key(method: str, path: str, body: Any) -> str:
    """Content key of a request: method, path and the canonical JSON body."""
    canonical = json.dumps(
        {"method": method.upper(), "path": path, "body": body},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def api_path(url: httpx2.URL) -> str:
    """The endpoint path relative to the API root, so recordings survive a change of host or port."""
    path = url.path
    marker = "/v1/"
    return path[path.index(marker) + len(marker) - 1 :] if marker in path else path


def request_body(request: httpx2.Request) -> Any:
    raw = request.read()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", errors="replace")


def _safe_id(article_id: str | None) -> str:
    if not article_id:
        return "_unlabelled"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in article_id)[:120]
    return safe if safe.strip(".") else "_unlabelled"  # never "." or "..": a folder of its own


class Cassette:
    """A folder of recorded exchanges, indexed by content key."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._index: dict[str, Path] | None = None

    def _load_index(self) -> dict[str, Path]:
        if self._index is None:
            index: dict[str, Path] = {}
            if self.directory.is_dir():
                for file in sorted(self.directory.glob("*/*.json")):
                    index[file.stem] = file
            self._index = index
        return self._index

    def path(self, key: str) -> Path | None:
        """The file holding the exchange of ``key``, if recorded."""
        return self._load_index().get(key)

    def find(self, key: str) -> dict[str, Any] | None:
        file = self._load_index().get(key)
        if file is None:
            return None
        return json.loads(file.read_text(encoding="utf-8"))

    def save(self, key: str, article_id: str | None, exchange: dict[str, Any]) -> Path:
        file = self.directory / _safe_id(article_id) / f"{key}.json"
        write_atomic(file, json.dumps(exchange, indent=2, ensure_ascii=False) + "\n")
        old = self._load_index().get(key)
        if old is not None and old != file:
            old.unlink(missing_ok=True)  # the exchange it replaces (e.g. an old 401) under another article's name
        self._load_index()[key] = file
        return file

    def manifest(self) -> dict[str, Any]:
        return recording_manifest(self.directory)

    def write_manifest(self, data: dict[str, Any]) -> None:
        write_atomic(self.directory / MANIFEST, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def start_recording(settings: Settings) -> Cassette:
    """The cassette a recording run (``settings.record_dir``) writes to. Its manifest is written now, as
    recording starts: what the requests depend on, so ``--replay DIR`` alone matches them later."""
    assert settings.record_dir is not None
    cassette = Cassette(settings.record_dir)
    cassette.write_manifest(
        {"model": settings.model, "mode": settings.mode, "lang": settings.lang, "depth": settings.depth,
         "chunk_chars": settings.chunk_chars, "prompt_version": prompt_version()}
    )
    return cassette


def _miss(request: httpx2.Request, cassette: Cassette, key: str) -> ReplayMiss:
    article = article_of(request)
    who = f"article {article!r}" if article else "a request"
    return ReplayMiss(
        f"no recording for {who} in {cassette.directory} (request key {key[:12]}). "
        "The prompt, model, mode, language or article text differs from when it was recorded. "
        f"Record it with a live model: summarize digest ... --record {cassette.directory}",
        article_id=article,
    )


def _unrepeatable(request: httpx2.Request, cassette: Cassette, key: str, status: int) -> ReplayMiss:
    article = article_of(request)
    who = f"article {article!r}" if article else "a request"
    return ReplayMiss(
        f"the recording for {who} in {cassette.directory} (request key {key[:12]}) holds a {status} answer, which "
        "depends on the key, the account or the moment rather than on the request, so it is not replayed. "
        f"Delete {cassette.path(key)} and record it again with a live model: summarize digest ... --record "
        f"{cassette.directory}",
        article_id=article,
    )


class _Recorder:
    def __init__(self, cassette: Cassette, mode: Mode) -> None:
        self.cassette = cassette
        self.mode = mode

    def lookup(self, request: httpx2.Request) -> tuple[str, Any, httpx2.Response | None]:
        body = request_body(request)
        key = request_key(request.method, api_path(request.url), body)
        exchange = self.cassette.find(key)
        if exchange is None:
            if self.mode == "record":
                return key, body, None  # not recorded yet: the inner transport sends it
            raise _miss(request, self.cassette, key)
        response = exchange["response"]
        if not _recordable(response["status"]):
            # stored by an older version (e.g. a 401 before the key was fixed): never answered from the folder
            if self.mode == "record":
                return key, body, None  # asked again; an answer worth keeping replaces the file
            raise _unrepeatable(request, self.cassette, key, response["status"])
        content = json.dumps(response["body"], ensure_ascii=False).encode("utf-8")
        headers = dict(response.get("headers") or {"content-type": "application/json"})
        return key, body, httpx2.Response(response["status"], headers=headers, content=content, request=request)

    def store(self, key: str, body: Any, request: httpx2.Request, response: httpx2.Response) -> None:
        try:
            response_body: Any = json.loads(response.content)
        except ValueError:
            response_body = response.content.decode("utf-8", errors="replace")
        if response.status_code >= 400:  # an error body may echo the key the request carried
            response_body = redact_data(response_body, secrets_in(request.headers))
        article = article_of(request)
        self.cassette.save(
            key,
            article,
            {
                "article": article,
                "request": {"method": request.method, "path": api_path(request.url), "body": body},
                "response": {
                    "status": response.status_code,
                    "headers": {k: v for k, v in response.headers.items() if k.lower() in _KEEP_RESPONSE_HEADERS},
                    "body": response_body,
                },
            },
        )


# Client errors that depend only on the request (a malformed body, an unknown model or route, a schema the
# server rejects): asked again, the same request gets the same answer.
_REPEATABLE_ERRORS = frozenset({400, 404, 422})


def _recordable(status: int) -> bool:
    """Only answers that would come again: 2xx and the request-bound 400/404/422. Never 401/403 (key or
    account), 408/409/429 (the moment), 5xx (the server), nor anything else."""
    return 200 <= status < 300 or status in _REPEATABLE_ERRORS


class AsyncRecordReplayTransport(httpx2.AsyncBaseTransport):
    """Records or replays (``mode``). ``inner`` is required to record and must be None to replay."""

    def __init__(self, cassette: Cassette, mode: Mode, inner: httpx2.AsyncBaseTransport | None = None) -> None:
        if mode == "record" and inner is None:
            inner = httpx2.AsyncHTTPTransport()
        if mode == "replay" and inner is not None:
            raise ValueError("replay mode takes no inner transport: it must never reach the network")
        self._rec = _Recorder(cassette, mode)
        self._inner = inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        key, body, replayed = self._rec.lookup(request)
        if replayed is not None:
            return replayed
        assert self._inner is not None
        response = await self._inner.handle_async_request(request)
        await response.aread()
        if _recordable(response.status_code):
            self._rec.store(key, body, request, response)
        return response

    async def aclose(self) -> None:
        if self._inner is not None:
            await self._inner.aclose()
