"""Schemas are generated from the models; the committed files must not drift."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from summarize.render import json_schema as schemas
from summarize.app.cli import app

from ..conftest import ROOT


@pytest.mark.parametrize("name", sorted(schemas.MODELS))
def test_committed_schema_matches_models(name: str) -> None:
    committed = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schemas.render(name), (
        f"schemas/{name}.schema.json is stale: run `summarize schema --write schemas` and commit it"
    )


@pytest.mark.parametrize("name", sorted(schemas.MODELS))
def test_schema_command_prints_a_valid_draft_2020_12_schema(name: str) -> None:
    result = CliRunner().invoke(app, ["schema", name])
    assert result.exit_code == 0
    printed = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed == schemas.schema(name)


def test_schema_requires_evidence_on_every_item() -> None:
    s = schemas.schema("briefing")
    for item in ("Actor", "Decision", "Weapon", "OpenQuestion"):
        assert "evidence" in s["$defs"][item]["required"]
        assert s["$defs"][item]["properties"]["evidence"]["minItems"] == 1


def test_schema_write_regenerates_files(tmp_path) -> None:  # noqa: ANN001
    result = CliRunner().invoke(app, ["schema", "--write", str(tmp_path)])
    assert result.exit_code == 0
    assert (tmp_path / "digest.schema.json").read_text(encoding="utf-8") == schemas.render("digest")


def test_schema_without_name_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["schema", "nonsense"])
    assert result.exit_code == 2
    assert "briefing or digest" in result.output
