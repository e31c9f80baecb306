"""Steps 2-4 of a batch run (see :mod:`summarize.run.batch`): submit an input file, poll the batch, download
its answers into the results folder; each step reported as a :class:`BatchEvent`."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from openai import AsyncOpenAI

from ...errors import BatchError
from ...llm.replay import Cassette
from ...text.files import write_atomic
from .collect import CHAT_PATH, ENDPOINT, Pending, jsonl_lines
from .state import BatchState

TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})

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


class Batcher:
    def __init__(
        self,
        api: AsyncOpenAI,
        state: BatchState,
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
