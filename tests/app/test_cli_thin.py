"""The command line is parsing, calling and printing: the library computes the cost estimate, decides the
cache policy, writes the recording manifest and the digest's outputs, and its errors carry their fix."""

from __future__ import annotations

import json
from pathlib import Path

import httpx2
import openai
import pytest
from typer.testing import CliRunner

from summarize.app.cli import app
from summarize.errors import BriefingError, ModelServerError, ReplayMiss, UsageError
from summarize.models import Digest
from summarize.render.files import write_briefing, write_digest
from summarize.run.cache import BriefingCache, run_cache
from summarize.run.pipeline import run
from summarize.run.pricing import PriceTable, load_prices
from summarize.settings import Settings, resolve_settings

from ..conftest import RECORDINGS, SEEDS
from ..support.faultserver import FaultServer, status

BAD_KEY = status(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})


def _replay() -> Settings:
    return resolve_settings(replay=RECORDINGS)


def _api_error(cls: type[openai.APIStatusError], code: int, body: object) -> BriefingError:
    response = httpx2.Response(code, request=httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions"))
    cause = cls("refused", response=response, body=body)
    try:
        raise BriefingError("a1: refused", article_id="a1") from cause
    except BriefingError as exc:
        return exc


# --------------------------------------------------------------------------- errors carry their fix


def test_api_errors_carry_the_fix_the_cli_used_to_look_up_by_name() -> None:
    assert "OPENAI_API_KEY" in _api_error(openai.AuthenticationError, 401, None).fix
    assert "--model" in _api_error(openai.NotFoundError, 404, None).fix
    quota = _api_error(openai.RateLimitError, 429, {"error": {"code": "insufficient_quota", "message": "no"}})
    assert "quota" in quota.fix
    rate = _api_error(openai.RateLimitError, 429, {"error": {"code": "rate_limit_exceeded", "message": "slow"}})
    assert "quota" not in rate.fix and "--concurrency" in rate.fix  # a rate limit is not a spent quota
    assert ModelServerError("no server at http://x: start it").fix is None  # its message names the fix
    assert "--record" in ReplayMiss("no recording").fix
    assert UsageError("use --out DIR").fix is None


def test_a_library_run_stopped_by_a_bad_key_carries_the_fix(tmp_path: Path) -> None:
    with FaultServer(default=BAD_KEY) as server:
        result = run([SEEDS], settings=Settings(base_url=server.url))
    assert result.stopped and result.stopped.startswith("AuthenticationError")
    assert result.stopped_fix is not None and "OPENAI_API_KEY" in result.stopped_fix


# --------------------------------------------------------------------------- cost estimate in the library


def _prices(tmp_path: Path) -> PriceTable:
    path = tmp_path / "prices.json"
    model = _replay().model
    path.write_text(json.dumps({"currency": "EUR", "models": {model: {"input": 0.1, "output": 0.4}}}), encoding="utf-8")
    return PriceTable.load(path)


def test_a_library_run_given_a_price_table_has_a_cost_estimate(tmp_path: Path) -> None:
    result = run([SEEDS], settings=_replay(), prices=_prices(tmp_path))
    spent = result.digest.meta.spent
    expected = (spent.prompt_tokens * 0.1 + spent.completion_tokens * 0.4) / 1e6
    assert result.digest.meta.cost_estimate == pytest.approx(expected, abs=1e-6) and expected > 0


def test_load_prices_reads_the_environment_when_no_path_is_given(tmp_path: Path) -> None:
    _prices(tmp_path)
    assert load_prices(None, env={}) is None
    assert load_prices(None, env={"SUMMARIZE_PRICES": str(tmp_path / "prices.json")}).currency == "EUR"


# --------------------------------------------------------------------------- one cache policy


def test_the_cache_policy_is_decided_in_one_place(tmp_path: Path) -> None:
    live = Settings(base_url="http://127.0.0.1:9/v1")
    assert isinstance(run_cache(live, directory=tmp_path), BriefingCache)
    assert run_cache(live, no_cache=True, directory=tmp_path) is None
    assert run_cache(Settings(base_url="http://127.0.0.1:9/v1", record_dir=tmp_path), directory=tmp_path) is None
    assert run_cache(_replay(), directory=tmp_path) is None


# --------------------------------------------------------------------------- the manifest, by the library


def test_the_library_writes_the_manifest_when_recording_starts(tmp_path: Path) -> None:
    from summarize import brief

    record = tmp_path / "rec"
    settings = Settings(base_url="http://127.0.0.1:9/v1", record_dir=record, model="m-1", depth=2)
    with FaultServer(default=BAD_KEY) as server, pytest.raises(BriefingError):
        brief(SEEDS / "002_7357c77dc1409342.txt", settings=settings.with_(base_url=server.url))
    manifest = json.loads((record / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == "m-1" and manifest["depth"] == 2
    assert manifest["prompt_version"] == (Path(__file__).parent.parent.parent / "prompts" / "VERSION").read_text().strip()


# --------------------------------------------------------------------------- outputs


@pytest.fixture(scope="module")
def replayed() -> Digest:
    return run([SEEDS], settings=_replay()).digest


def test_write_digest_writes_three_files_and_keeps_them_after_a_fatal_stop(tmp_path: Path, replayed: Digest) -> None:
    written = write_digest(replayed, tmp_path)
    assert [p.name for p in written.paths] == ["digest.json", "digest.md", "digest.html"] and written.kept is None
    before = {p.name: p.read_bytes() for p in written.paths}
    changed = replayed.model_copy(update={"summaries": {}})
    kept = write_digest(changed, tmp_path, stopped=True)
    assert kept.paths == [] and kept.kept and "left as they were" in kept.kept
    assert {p.name: p.read_bytes() for p in written.paths} == before


def test_write_daily_keeps_the_days_files_after_a_fatal_stop(tmp_path: Path) -> None:
    """Before, the library's write_daily replaced them whatever happened (only the CLI checked)."""
    import asyncio
    import datetime as dt

    from summarize.run.daily import adaily, write_daily

    day = dt.date(2025, 10, 17)
    daily = asyncio.run(adaily([SEEDS], out_dir=tmp_path, day=day, settings=_replay()))
    first = write_daily(daily, tmp_path)
    before = {p: p.read_bytes() for p in first.paths}
    daily.run.stopped = "AuthenticationError: bad key"
    daily.digest.summaries = {}
    again = write_daily(daily, tmp_path)
    assert again.paths == [] and "left as they were" in (again.kept or "")
    assert {p: p.read_bytes() for p in first.paths} == before


def test_an_unchanged_briefing_file_is_not_rewritten(tmp_path: Path, replayed: Digest) -> None:
    b = run([SEEDS / "002_7357c77dc1409342.txt"], settings=_replay()).briefings[0]
    path = write_briefing(tmp_path, b)
    inode, mtime = path.stat().st_ino, path.stat().st_mtime_ns
    write_briefing(tmp_path, b)
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (inode, mtime)
    write_briefing(tmp_path, b.model_copy(update={"summary": b.summary + " More."}))
    assert path.stat().st_ino != inode  # a changed briefing is written (atomically: a new file)


def test_a_cli_rerun_leaves_unchanged_briefing_files_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(out), "-q"]
    assert CliRunner().invoke(app, args).exit_code == 0
    before = {p.name: p.stat().st_ino for p in (out / "briefings").iterdir()}
    assert CliRunner().invoke(app, args).exit_code == 0
    assert {p.name: p.stat().st_ino for p in (out / "briefings").iterdir()} == before


def test_the_cli_prints_the_fix_the_error_carries(tmp_path: Path) -> None:
    with FaultServer(default=BAD_KEY) as server:
        result = CliRunner().invoke(app, ["brief", str(SEEDS / "002_7357c77dc1409342.txt"), "--base-url", server.url],
                                    env={"OPENAI_API_KEY": ""})
    assert result.exit_code == 1 and "OPENAI_API_KEY" in result.output
