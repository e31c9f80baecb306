"""Token accounting (cached prompt tokens included) and the optional price table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.app.cli import app
from summarize.errors import ConfigurationError
from summarize.models import Usage
from summarize.run.pricing import PriceTable

from ..conftest import RECORDINGS, SEEDS

MODEL = "qwen2.5-coder-1.5b-instruct"


def _table(tmp_path: Path, **price: float) -> Path:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"currency": "EUR", "models": {MODEL: price}}), encoding="utf-8")
    return path


def test_estimate_charges_cached_prompt_tokens_at_their_price(tmp_path: Path) -> None:
    table = PriceTable.load(_table(tmp_path, input=1.0, cached_input=0.5, output=4.0))
    usage = Usage(prompt_tokens=1_000_000, cached_tokens=400_000, completion_tokens=250_000)
    assert table.estimate(MODEL, usage) == pytest.approx(0.6 + 0.2 + 1.0)
    assert table.estimate("unknown-model", usage) is None  # never a guess


def test_bad_price_table_names_the_expected_format(tmp_path: Path) -> None:
    bad = tmp_path / "p.json"
    bad.write_text('{"models": {"m": {"input": "cheap"}}}', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="per million tokens"):
        PriceTable.load(bad)
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path / "o"), "--prices", str(bad)])
    assert result.exit_code == 2


def test_run_reports_tokens_cached_tokens_and_cost(tmp_path: Path) -> None:
    prices = _table(tmp_path, input=0.1, output=0.4)
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path / "o"), "--prices", str(prices)])
    assert result.exit_code == 0, result.output
    digest = json.loads((tmp_path / "o" / "digest.json").read_text(encoding="utf-8"))
    usage = digest["meta"]["usage"]
    briefings = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "o" / "briefings").glob("*.json")]
    assert usage["prompt_tokens"] == sum(b["meta"]["usage"]["prompt_tokens"] for b in briefings)
    assert 0 < usage["cached_tokens"] < usage["prompt_tokens"]  # llama.cpp reported its prefix cache hits
    expected = ((usage["prompt_tokens"]) * 0.1 + usage["completion_tokens"] * 0.4) / 1e6
    assert digest["meta"]["cost_estimate"] == pytest.approx(expected, abs=1e-6)
    assert f"≈ {expected:.4f} EUR" in result.output
