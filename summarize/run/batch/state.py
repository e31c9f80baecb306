"""The state of a batch run (``STATE_DIR/state.json``, written atomically): each batch with its phase."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...errors import UsageError
from ...text.files import write_atomic

STATE_FILE = "state.json"


class BatchState:
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
