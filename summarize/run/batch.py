"""``--batch``: brief the articles through the OpenAI Batch API, then finish online.

Only the first round of requests of an article (one per part, one for the summary) is known before any
answer arrives; re-asks after failed grounding and the halves of a cut-off part depend on the answers. So a
batch run has five steps:

1. **Collect.** The normal pipeline runs over every article that is not in the briefing cache, with an HTTP
   transport that records each ``/chat/completions`` body and then refuses to send it. The requests are keyed
   like the recordings: ``request_key("POST", "/chat/completions", body)``, which becomes the ``custom_id``.
   Nothing reaches the network in this step.
2. **Submit.** The requests that no earlier batch has answered go into JSONL files
   (``{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}``) of at most
   :class:`BatchLimits` (50,000 lines and 200 MB, the API's limits per file; in request order, a new file
   when the next line would pass either), which are uploaded (``purpose="batch"``) one by one, then turned
   into batches (``completion_window="24h"``). The state file records each upload and then each batch id
   *before* any polling.
3. **Poll.** All the batches are polled together, each with ``batches.retrieve`` every ``poll_interval``
   seconds; each answer is reported to ``on_batch`` (status, completed/failed/total, seconds since the
   batch was created) and written to the state file.
4. **Download.** The output and error files are fetched. Each successful line is stored as an exchange in
   ``STATE_DIR/results/<article>/<custom_id>.json``: the same format as ``--record``, so that folder can also
   be read with ``--replay``. Lines that failed, or that are missing from both files, are listed in the state.
5. **Answer.** The normal pipeline runs again (:func:`summarize.run.pipeline.arun`), with a transport that
   answers a request from the batch results when its key is there and otherwise sends it to the live API:
   the items the batch failed, plus every re-ask and split half. That is the online fallback.

State (``STATE_DIR/state.json``, written atomically) lists each batch with its phase: ``uploaded`` (file
uploaded, no batch yet), ``submitted`` (batch created, not yet downloaded), ``done`` (results stored) or
``failed``. A rerun finishes every ``uploaded``/``submitted`` batch (it creates the batch from the
uploaded file, or polls the same batch id; it never uploads again) together with new batches for the
requests that no batch of the state covers; when there are none, nothing is submitted. A run split into
several batches resumes like one: each batch is one entry of the state.

A batch that ends ``expired`` or ``cancelled`` keeps the answers it has; the rest go online. A batch that
ends ``failed`` (the API rejected the input) raises :class:`~summarize.errors.BatchError` naming the reason,
unless ``if_failed="online"``, which briefs every request of it online instead. The failed batch does not
count as an answer: a rerun submits those requests again.

Library code: no printing, no exit; progress goes to the ``on_batch`` and ``on_progress`` callbacks.
The online fallback has no adaptive concurrency limit (that needs the client :func:`arun` builds itself).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx2
import openai
from openai import AsyncOpenAI, OpenAI

from ..briefing.brief import Plan
from ..briefing.call import run_part, run_summary
from .cache import BriefingCache
from .pipeline import DEFAULT_CONCURRENCY, Passes, ProgressCallback, Run, Source, arun, load_sources
from .pricing import PriceTable
from ..digest.entities import Resolver
from ..errors import BatchError, BriefingError, InputError, UsageError
from ..llm.client import instructor_client, make_async_openai
from ..llm.replay import Cassette, api_path, article_of, request_body, request_key
from ..text.files import write_atomic
from ..models import Article
from ..settings import Settings

ENDPOINT = "/v1/chat/completions"
CHAT_PATH = "/chat/completions"
STATE_FILE = "state.json"
RESULTS_DIR = "results"
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
DEFAULT_POLL_INTERVAL = 30.0
_COLLECT_BASE_URL = "http://batch-collect.invalid/v1"  # never contacted: the collecting transport answers nothing



@dataclass(frozen=True)
class BatchLimits:
    """What the Batch API takes in one input file: at most ``max_requests`` lines and ``max_bytes`` bytes.
    Larger inputs are split into several batches (see the module docstring); tests pass small limits."""

    max_requests: int = 50_000
    max_bytes: int = 200 * 1024 * 1024


EventKind = Literal["collected", "uploaded", "created", "resumed", "status", "downloaded", "skipped"]


@dataclass(frozen=True)
class BatchEvent:
    """One step of a batch run, for a status display. ``message`` is a finished line for people."""

    kind: EventKind
    message: str
    batch_id: str | None = None
    status: str | None = None
    completed: int = 0
    failed: int = 0
    total: int = 0
    elapsed: float = 0.0  # seconds since the batch was created (status events)


BatchCallback = Callable[[BatchEvent], None]


@dataclass
class BatchRun:
    """What a batch run produced: the normal :class:`Run`, and where its answers came from."""

    run: Run
    batch_ids: list[str]  # every batch this call submitted or finished
    requests: int  # first-round requests of the articles not in the cache
    submitted: int  # of those, sent in a batch created by this call
    from_batch: int  # model answers served from batch results
    online: int  # requests sent to the live API: batch failures, re-asks and split halves
    fallback: int  # first-round requests with no batch answer (failed, missing, or batch expired)
    state_file: Path


@dataclass(frozen=True)
class Pending:
    """One collected first-round request."""

    article_id: str | None
    body: Any


# --------------------------------------------------------------------------- 1. collect


class _Deferred(Exception):
    """Raised by the collecting transport instead of sending: the request goes into the batch."""


class _CollectingTransport(httpx2.BaseTransport):
    def __init__(self) -> None:
        self.requests: dict[str, Pending] = {}

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        path = api_path(request.url)
        if path != CHAT_PATH:
            raise _Deferred(f"unexpected request to {path} while collecting")
        body = request_body(request)
        key = request_key(request.method, path, body)
        self.requests.setdefault(key, Pending(article_of(request), body))
        raise _Deferred(key)


def _deferred(exc: BaseException) -> bool:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and all(cur is not e for e in seen):
        if isinstance(cur, _Deferred):
            return True
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return False


def _expect_deferral(call: Callable[[], object]) -> None:
    try:
        call()
    except BriefingError as exc:
        if not _deferred(exc):
            raise
        return
    raise RuntimeError("the collecting transport answered a request; it must defer every one")  # pragma: no cover


def collect_requests(articles: Sequence[Article], settings: Settings) -> dict[str, Pending]:
    """The first-round chat requests of ``articles`` (every part and pass, then the summary), keyed by request key,
    in article order. Exactly the bodies the pipeline sends; nothing is sent. An article that cannot be
    briefed at all (nothing left after cleaning) is left out: the answer step reports it."""
    transport = _CollectingTransport()
    client = OpenAI(
        api_key="batch-collect", base_url=_COLLECT_BASE_URL, max_retries=0, http_client=httpx2.Client(transport=transport)
    )
    wrapped = instructor_client(settings, client)
    for article in articles:
        try:
            plan = Plan(article, settings)
        except InputError:
            continue
        for request in plan.requests:
            _expect_deferral(
                lambda: run_part(wrapped, settings, request.messages, plan.grounder, article.id, request.scope,
                                 request.model)
            )
        _expect_deferral(lambda: run_summary(wrapped, settings, plan.summary_messages(), article.id))
    client.close()
    return transport.requests


def jsonl_lines(requests: dict[str, Pending]) -> Iterator[str]:
    """The Batch API input lines, one per request; ``custom_id`` is the request key."""
    for key, pending in requests.items():
        yield json.dumps({"custom_id": key, "method": "POST", "url": ENDPOINT, "body": pending.body}, ensure_ascii=False)


def split_requests(requests: dict[str, Pending], limits: BatchLimits = BatchLimits()) -> list[dict[str, Pending]]:
    """``requests`` cut into input files within ``limits``, in order: a new file starts when the next line would
    pass ``max_requests`` lines or ``max_bytes`` bytes (newlines included). Raises :class:`BatchError` for a
    request that alone is larger than ``max_bytes``."""
    parts: list[dict[str, Pending]] = []
    part: dict[str, Pending] = {}
    size = 0
    for (key, pending), line in zip(requests.items(), jsonl_lines(requests)):
        n = len(line.encode("utf-8")) + 1
        if n > limits.max_bytes:
            raise BatchError(
                f"one request of article {pending.article_id} is {n} bytes, more than a batch file takes "
                f"({limits.max_bytes}); brief that article without --batch, or with a smaller --max-chars"
            )
        if part and (len(part) >= limits.max_requests or size + n > limits.max_bytes):
            parts.append(part)
            part, size = {}, 0
        part[key] = pending
        size += n
    if part:
        parts.append(part)
    return parts


# --------------------------------------------------------------------------- state


class _State:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / STATE_FILE
        self.data: dict[str, Any] = {"version": 1, "batches": []}
        if self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(data, dict) or not isinstance(data.get("batches"), list):
                    raise ValueError("no list of batches")
            except ValueError as exc:
                raise UsageError(
                    f"{self.path}: the batch state file cannot be read ({exc}); delete it to start over "
                    "(answers already downloaded stay in results/ and are reused)"
                ) from exc
            self.data = data

    @property
    def batches(self) -> list[dict[str, Any]]:
        return self.data["batches"]

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.data, indent=2, ensure_ascii=False) + "\n")

    def unfinished(self) -> list[dict[str, Any]]:
        return [b for b in self.batches if b.get("phase") in ("uploaded", "submitted")]

    def resolved(self) -> set[str]:
        """Keys a finished batch has dealt with (answered or failed): never submitted again."""
        return {k for b in self.batches if b.get("phase") == "done" for k in b.get("keys", {})}

    def batch_failed(self) -> set[str]:
        return {k for b in self.batches if b.get("phase") == "done" for k in b.get("failed", {})}


# --------------------------------------------------------------------------- 2-4. submit, poll, download


class _Batcher:
    def __init__(
        self,
        api: AsyncOpenAI,
        state: _State,
        results: Cassette,
        emit: BatchCallback,
        poll_interval: float,
        max_wait: float | None,
        if_failed: Literal["error", "online"],
    ) -> None:
        self.api = api
        self.state = state
        self.results = results
        self.emit = emit
        self.poll_interval = poll_interval
        self.max_wait = max_wait
        self.if_failed = if_failed

    async def submit(self, pending: dict[str, Pending], part: str = "") -> dict[str, Any]:
        text = "\n".join(jsonl_lines(pending)) + "\n"
        name = f"input-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.jsonl"
        write_atomic(self.state.directory / name, text)
        uploaded = await self.api.files.create(file=(name, text.encode("utf-8"), "application/jsonl"), purpose="batch")
        entry: dict[str, Any] = {
            "phase": "uploaded",
            "input_file": name,
            "input_file_id": uploaded.id,
            "id": None,
            "status": None,
            "keys": {key: p.article_id for key, p in pending.items()},
            "uploaded_at": time.time(),
        }
        self.state.batches.append(entry)
        self.state.save()
        self.emit(BatchEvent("uploaded", f"uploaded {len(pending)} requests as {uploaded.id} ({name}){part}",
                             total=len(pending)))
        return entry

    async def finish(self, entry: dict[str, Any]) -> str:
        """Create (if needed), poll and download one batch; returns its id."""
        total = len(entry["keys"])
        if not entry.get("id"):
            batch = await self.api.batches.create(
                input_file_id=entry["input_file_id"], endpoint=ENDPOINT, completion_window="24h",
                metadata={"created_by": "summarize --batch"},
            )
            entry.update(id=batch.id, phase="submitted", status=batch.status)
            self.state.save()  # the id is on disk before the first poll: an interrupted run resumes it
            self.emit(BatchEvent("created", f"created batch {batch.id} ({total} requests)", batch.id, batch.status, total=total))
        batch = await self._poll(entry)
        if batch.status == "failed":
            return self._failed(entry, batch)
        await self._download(entry, batch)
        return str(entry["id"])

    async def _poll(self, entry: dict[str, Any]) -> Any:
        started = time.monotonic()
        while True:
            batch = await self.api.batches.retrieve(entry["id"])
            counts = batch.request_counts
            done, failed = (counts.completed, counts.failed) if counts else (0, 0)
            total = counts.total if counts and counts.total else len(entry["keys"])
            elapsed = max(0.0, time.time() - batch.created_at) if batch.created_at else time.monotonic() - started
            entry.update(status=batch.status, counts={"completed": done, "failed": failed, "total": total})
            self.state.save()
            self.emit(BatchEvent(
                "status", f"batch {batch.id}: {batch.status}, {done}/{total} done, {failed} failed, {elapsed:.0f}s",
                batch.id, batch.status, done, failed, total, elapsed,
            ))
            if batch.status in TERMINAL:
                return batch
            if self.max_wait is not None and time.monotonic() - started >= self.max_wait:
                raise BatchError(
                    f"batch {batch.id} is still {batch.status} after {self.max_wait:.0f}s of waiting; "
                    f"run the same command again to keep waiting (state in {self.state.path})"
                )
            await asyncio.sleep(self.poll_interval)

    def _failed(self, entry: dict[str, Any], batch: Any) -> str:
        reasons = [
            f"{e.code or 'error'}{f' (line {e.line})' if e.line else ''}: {e.message}"
            for e in ((batch.errors.data or []) if batch.errors else [])
        ]
        why = "; ".join(reasons[:5]) or "no reason given"
        if self.if_failed == "online":
            entry.update(phase="done", failed={k: f"batch failed: {why}" for k in entry["keys"]}, answered=0)
            self.state.save()
            self.emit(BatchEvent("downloaded", f"batch {batch.id} failed ({why}); all {len(entry['keys'])} requests go online",
                                 batch.id, batch.status, 0, len(entry["keys"]), len(entry["keys"])))
            return str(batch.id)
        entry.update(phase="failed", errors=reasons)
        self.state.save()
        raise BatchError(
            f"batch {batch.id} failed: {why}. Nothing was answered. Fix the cause and run the same command again "
            "(a new batch is submitted), or run without --batch to brief online"
        )

    async def _download(self, entry: dict[str, Any], batch: Any) -> None:
        bodies = _read_input(self.state.directory / entry["input_file"])
        answered: set[str] = set()
        failed: dict[str, str] = {}
        for kind, file_id in (("output", batch.output_file_id), ("errors", batch.error_file_id)):
            if not file_id:
                continue
            raw = (await self.api.files.content(file_id)).content
            text = raw.decode("utf-8", errors="replace")
            write_atomic(self.state.directory / f"{kind}-{batch.id}.jsonl", text)
            for line in text.splitlines():
                try:
                    item = json.loads(line) if line.strip() else None
                except ValueError:
                    continue
                cid = item.get("custom_id") if isinstance(item, dict) else None
                if cid not in entry["keys"] or cid in answered:
                    continue
                response = item.get("response") or {}
                body = response.get("body")
                if response.get("status_code") == 200 and isinstance(body, dict) and body.get("choices"):
                    self.results.save(cid, entry["keys"][cid], {
                        "article": entry["keys"][cid],
                        "batch": batch.id,
                        "request": {"method": "POST", "path": CHAT_PATH, "body": bodies.get(cid)},
                        "response": {"status": 200, "headers": {"content-type": "application/json"}, "body": body},
                    })
                    answered.add(cid)
                    failed.pop(cid, None)
                else:
                    failed[cid] = _reason(item)
        for cid in entry["keys"]:
            if cid not in answered and cid not in failed:
                failed[cid] = f"not in the output or error file (batch {batch.status})"
        entry.update(phase="done", answered=len(answered), failed=failed)
        self.state.save()
        self.emit(BatchEvent(
            "downloaded", f"batch {batch.id} {batch.status}: {len(answered)} answers stored, {len(failed)} to ask online",
            batch.id, batch.status, len(answered), len(failed), len(entry["keys"]),
        ))


def _reason(item: dict[str, Any]) -> str:
    error = item.get("error") or ((item.get("response") or {}).get("body") or {}).get("error") or {}
    status = (item.get("response") or {}).get("status_code")
    message = error.get("message") if isinstance(error, dict) else str(error)
    return f"{status or 'error'}: {message or 'no message'}"


def _read_input(path: Path) -> dict[str, Any]:
    bodies: dict[str, Any] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                bodies[item["custom_id"]] = item["body"]
    return bodies


# --------------------------------------------------------------------------- 5. answer


class _BatchAnswers(httpx2.AsyncBaseTransport):
    """Answers chat requests from the batch results; sends everything else to ``inner`` (the live API)."""

    def __init__(self, results: Cassette, inner: httpx2.AsyncBaseTransport) -> None:
        self.results = results
        self.inner = inner
        self.from_batch = 0
        self.online = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        path = api_path(request.url)
        if path == CHAT_PATH:
            exchange = self.results.find(request_key(request.method, path, request_body(request)))
            if exchange is not None:
                self.from_batch += 1
                response = exchange["response"]
                content = json.dumps(response["body"], ensure_ascii=False).encode("utf-8")
                return httpx2.Response(response["status"], headers=response["headers"], content=content, request=request)
        self.online += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


# --------------------------------------------------------------------------- entry points


async def _batches(
    batcher: _Batcher, state: _State, results: Cassette, requests: dict[str, Pending], emit: BatchCallback,
    limits: BatchLimits = BatchLimits(),
) -> tuple[list[str], int]:
    """Submit batches (within ``limits``) for what no batch of the state covers, then finish them together with
    the batches an earlier run left unfinished."""
    unfinished = state.unfinished()
    for entry in unfinished:
        emit(BatchEvent("resumed", f"resuming batch {entry.get('id') or '(not yet created)'} from {state.path}",
                        entry.get("id"), entry.get("status"), total=len(entry["keys"])))
    covered = state.resolved() | {k for entry in unfinished for k in entry["keys"]}
    pending = {k: p for k, p in requests.items() if k not in covered and results.find(k) is None}
    parts = split_requests(pending, limits) if pending else []
    entries = list(unfinished)
    for n, part in enumerate(parts, 1):
        entries.append(await batcher.submit(part, f", part {n} of {len(parts)}" if len(parts) > 1 else ""))
    if not pending and not unfinished and requests:
        emit(BatchEvent("skipped", f"all {len(requests)} requests were answered by earlier batches; nothing submitted",
                        total=len(requests)))
    return await _finish_all(batcher, entries), len(pending)


async def _finish_all(batcher: _Batcher, entries: list[dict[str, Any]]) -> list[str]:
    """Create, poll and download the batches concurrently; the first error stops the others (their state stays
    ``submitted``: a rerun resumes them)."""
    tasks = [asyncio.ensure_future(batcher.finish(entry)) for entry in entries]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def _check_arguments(settings: Settings, poll_interval: float, if_failed: str, limits: BatchLimits) -> None:
    if settings.replay_dir is not None or settings.record_dir is not None:
        raise UsageError("--batch cannot be combined with --record or --replay: run one of them at a time")
    if poll_interval < 0:
        raise UsageError(f"poll_interval={poll_interval}: use 0 or more seconds")
    if limits.max_requests < 1 or limits.max_bytes < 1:
        raise UsageError(f"{limits}: a batch file must take at least one request and one byte")
    if if_failed not in ("error", "online"):
        raise UsageError(f"if_failed={if_failed!r}: use 'error' or 'online'")
    settings.check_reachable()


async def arun_batch(
    sources: Sequence[Source],
    *,
    state_dir: str | Path,
    settings: Settings | None = None,
    client: AsyncOpenAI | None = None,
    on_batch: BatchCallback | None = None,
    on_progress: ProgressCallback | None = None,
    cache: BriefingCache | None = None,
    exclude: Sequence[Path] = (),
    concurrency: int = DEFAULT_CONCURRENCY,
    resolver: Resolver | None = None,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_wait: float | None = None,
    if_failed: Literal["error", "online"] = "error",
    passes: Passes = Passes(),
    limits: BatchLimits = BatchLimits(),
    prices: PriceTable | None = None,
) -> BatchRun:
    """Brief ``sources`` through the Batch API (see the module docstring) and return the run.

    ``state_dir`` holds the state file, the JSONL files and the downloaded answers; rerunning with the same
    folder resumes. ``client`` (an ``AsyncOpenAI``) is used for the files and batches endpoints; the online
    fallback is built from ``settings``. ``max_wait`` (seconds) stops waiting with a :class:`BatchError`
    (the batch keeps running; a rerun resumes it). ``limits`` caps each input file (default: the API's
    50,000 requests and 200 MB); larger inputs go in several batches, polled together. Raises
    :class:`UsageError` for bad arguments."""
    settings = settings or Settings.from_env()
    _check_arguments(settings, poll_interval, if_failed, limits)
    emit = on_batch or (lambda event: None)
    state_dir = Path(state_dir)
    state = _State(state_dir)
    results = Cassette(state_dir / RESULTS_DIR)

    found = load_sources(sources, exclude=exclude)
    todo = [a for a in found.articles if cache is None or cache.get(a, settings) is None]
    requests = collect_requests(todo, settings)
    emit(BatchEvent("collected", f"{len(requests)} first-round requests for {len(todo)} articles not in the cache",
                    total=len(requests)))

    own_api = client is None
    api = client or make_async_openai(settings)
    batcher = _Batcher(api, state, results, emit, poll_interval, max_wait, if_failed)
    try:
        batch_ids, submitted = await _batches(batcher, state, results, requests, emit, limits)
    except openai.APIError as exc:
        raise BatchError(
            f"the Batch API request failed: {exc}. The state in {state.path} is kept: fix the cause and run the "
            f"same command again to resume (or delete {state.directory} to start over)"
        ) from exc
    finally:
        if own_api:
            await api.close()

    answers: list[_BatchAnswers] = []

    def wrap(inner: httpx2.AsyncBaseTransport) -> httpx2.AsyncBaseTransport:
        answers.append(_BatchAnswers(results, inner))
        return answers[0]

    answer_client = make_async_openai(settings, wrap_transport=wrap)
    try:
        run = await arun(
            sources, settings=settings, client=answer_client, on_progress=on_progress, cache=cache,
            exclude=exclude, concurrency=concurrency, resolver=resolver, passes=passes, prices=prices,
        )
    finally:
        await answer_client.close()
    fallback = sum(results.find(k) is None for k in requests)
    return BatchRun(
        run=run, batch_ids=batch_ids, requests=len(requests), submitted=submitted,
        from_batch=answers[0].from_batch, online=answers[0].online, fallback=fallback, state_file=state.path,
    )


def run_batch(sources: Sequence[Source], **kwargs: Any) -> BatchRun:
    """Sync form of :func:`arun_batch` (same arguments; not from inside a running event loop)."""
    return asyncio.run(arun_batch(sources, **kwargs))
