"""JSON Schemas of the outputs, generated from the Pydantic models (``summarize schema --write``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .._data import data_dir
from ..models import Briefing, Digest

MODELS: dict[str, type[BaseModel]] = {"briefing": Briefing, "digest": Digest}


def schema(name: str) -> dict[str, Any]:
    model = MODELS[name]
    generated = model.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **generated}


def render(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"


def schema_path(name: str, folder: Path | None = None) -> Path:
    return (folder or data_dir("schemas")) / f"{name}.schema.json"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in MODELS:
        path = schema_path(name, folder)
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written
