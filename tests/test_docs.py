"""The documentation cannot rot: every ```python block of docs/library.md runs, offline, and the library's
types and schemas are as documented (exported, every field described)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

import summarize
from summarize import models
from summarize.render import json_schema as schemas

from .conftest import ROOT

DOC = ROOT / "docs" / "library.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _blocks() -> list[tuple[int, str]]:
    text = DOC.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _BLOCK.finditer(text)]


def test_doc_has_examples_for_each_topic() -> None:
    code = "\n".join(block for _, block in _blocks())
    for name in ("brief(", "build_digest(", "run(", "abrief(", "abuild_digest(", "arun(", "merge(", "on_progress",
                 "UsageError", "BriefingError", "replay_dir", "asyncio.run(", "jsonschema.validate("):
        assert name in code, f"docs/library.md has no example using {name}"


@pytest.mark.parametrize(("line", "code"), _blocks(), ids=[f"line{line}" for line, _ in _blocks()])
def test_python_block_runs(line: int, code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)  # the examples use repository paths: seeds/, tests/recordings/seeds, schemas/
    namespace: dict[str, Any] = {"__name__": f"docs_library_line{line}"}
    exec(compile(code, f"{DOC}:{line}", "exec"), namespace)  # noqa: S102 - our own documentation
    capsys.readouterr()


def test_readme_links_the_library_docs() -> None:
    assert "docs/library.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- exported types


def _output_models() -> set[type[BaseModel]]:
    """Every public model class in summarize.models."""
    return {
        obj for name, obj in vars(models).items()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == models.__name__
        and not name.startswith("_")
    }


def test_every_public_model_is_exported() -> None:
    missing = sorted(m.__name__ for m in _output_models() if getattr(summarize, m.__name__, None) is not m)
    assert not missing, f"add to summarize/__init__.py: {missing}"
    assert not [name for name in summarize.__all__ if not hasattr(summarize, name)]


def _undescribed(schema: dict[str, Any]) -> list[str]:
    definitions = {"<root>": schema, **schema.get("$defs", {})}
    return [
        f"{model}.{field}"
        for model, body in definitions.items()
        for field, prop in body.get("properties", {}).items()
        if not (prop.get("description") or "").strip()
    ]


@pytest.mark.parametrize("name", sorted(schemas.MODELS))
def test_every_field_in_the_schemas_is_described(name: str) -> None:
    schema = schemas.schema(name)
    assert len(schema["$defs"]) > 5
    assert not _undescribed(schema), f"add description= to these fields in summarize/models.py: {_undescribed(schema)}"


def test_every_field_of_every_public_model_is_described() -> None:
    missing = [
        f"{model.__name__}.{field}"
        for model in _output_models()
        for field, info in model.model_fields.items()
        if not (info.description or "").strip()
    ]
    assert not missing, f"add description= to these fields in summarize/models.py: {sorted(missing)}"


def test_the_undescribed_check_would_catch_a_gap() -> None:
    schema = {"properties": {"a": {"type": "string"}}, "$defs": {"M": {"properties": {"b": {"description": " "}}}}}
    assert _undescribed(schema) == ["<root>.a", "M.b"]
