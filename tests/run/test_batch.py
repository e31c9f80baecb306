"""``--batch``: the five seeds through a local fake of the Files and Batches endpoints (tests/batchserver.py).

The fake answers every chat request, in a batch or online, from the real recordings, so a batch run must
give exactly the digest that plain replay gives; what changes is where each answer came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import openai
import pytest
from typer.testing import CliRunner

from summarize.run.batch import BatchEvent, BatchRun, collect_requests, run_batch
from summarize.briefing.brief import Plan
from summarize.run.cache import BriefingCache
from summarize.app.cli import app
from summarize.run.pipeline import run
from summarize.run.sources import load_sources
from summarize.errors import BatchError, UsageError
from summarize.llm.replay import Cassette, request_key
from summarize.settings import Settings

from ..support.batchserver import BatchServer
from ..conftest import RECORDINGS, SEEDS

FEW = SEEDS / "002_7357c77dc1409342.txt"
API_KEY = "sk-batch-test-0123456789abcdef"  # hand-made; the fake server ignores it
MANIFEST = json.loads((RECORDINGS / "manifest.json").read_text(encoding="utf-8"))


class Interrupted(Exception):
    """Stands in for Ctrl-C in the middle of a batch run."""


def _settings(url: str) -> Settings:
    return Settings(model=MANIFEST["model"], mode=MANIFEST["mode"], lang=MANIFEST["lang"], base_url=url, api_key=API_KEY)


@pytest.fixture(scope="module")
def replayed() -> dict:
    """The digest of plain replay: what every batch run must reproduce."""
    settings = Settings(model=MANIFEST["model"], mode=MANIFEST["mode"], lang=MANIFEST["lang"], replay_dir=RECORDINGS)
    return run([SEEDS], settings=settings).digest.model_dump(mode="json")


@pytest.fixture(scope="module")
def few_replayed() -> dict:
    settings = Settings(model=MANIFEST["model"], mode=MANIFEST["mode"], lang=MANIFEST["lang"], replay_dir=RECORDINGS)
    return run([FEW], settings=settings).digest.model_dump(mode="json")


@pytest.fixture(scope="module")
def first_round() -> dict[str, str]:
    """Key -> article of every first-round request, computed independently of summarize.run.batch: the
    recordings whose request ends with the article (no re-ask) and is not a split half;
    the digest-level passes (``_digest/``) are not briefing requests."""
    out: dict[str, str] = {}
    for file in RECORDINGS.glob("[!_]*/*.json"):
        exchange = json.loads(file.read_text(encoding="utf-8"))
        messages = exchange["request"]["body"]["messages"]
        user = messages[-1]["content"]
        fresh = "<article>" in user  # a re-ask ends with instructor's correction, not with the article
        if fresh and not any(f"Part {n}a of" in user or f"Part {n}b of" in user for n in range(1, 20)):
            out[file.stem] = exchange["article"]
    return out


def _total_recordings(article: str = "*") -> int:
    return len(list(RECORDINGS.glob(f"{article}/*.json"))) - (len(list(RECORDINGS.glob("_digest/*.json"))) if article == "*" else 0)


def _first_round_count(article: str = "*") -> int:
    """Briefing requests recorded for the seeds (or one seed): with sentence citations every request of an
    article is known in advance (no grounding re-asks), so all of them are first-round requests, save the
    translation of descriptions the model wrote in the article's language, which follows the answers."""
    return len([f for f in RECORDINGS.glob(f"{article}/*.json")
                if not f.parent.name.startswith("_") and not _is_translation(f)])


def _is_translation(file: Path) -> bool:
    messages = json.loads(file.read_text(encoding="utf-8"))["request"]["body"]["messages"]
    return messages[0]["content"].startswith("You translate")


N = _first_round_count()
FEW_N = _first_round_count("002_7357c77dc1409342")


def _few(server: BatchServer, state: Path, events: list[BatchEvent] | None = None, **kwargs):  # noqa: ANN202
    """A batch run over one seed (its parts and passes + summary = FEW_N first-round requests), for the tests
    of resuming and batch outcomes, to keep the suite fast."""
    return _batch(server, state, events, sources=(FEW,), **kwargs)


def _keys(bodies: list) -> set[str]:
    return {request_key("POST", "/chat/completions", b) for b in bodies}


def _batch(server: BatchServer, state: Path, events: list[BatchEvent] | None = None, sources=(SEEDS,), **kwargs):  # noqa: ANN001, ANN202
    return run_batch(
        list(sources), settings=_settings(server.url), state_dir=state, poll_interval=0,
        on_batch=(events.append if events is not None else None), **kwargs,
    )


def test_collect_gives_one_request_per_part_and_summary_exactly_as_recorded(first_round: dict[str, str]) -> None:
    articles = load_sources([SEEDS]).articles
    settings = _settings("http://127.0.0.1:9/v1")
    requests = collect_requests(articles, settings)
    expected = sum(len(Plan(a, settings).requests) + 1 for a in articles)
    assert len(requests) == expected == N
    # the same bodies the pipeline sends: each is a recorded first-round request of its article
    assert {k: p.article_id for k, p in requests.items()} == first_round
    for key, pending in requests.items():
        assert request_key("POST", "/chat/completions", pending.body) == key


@dataclass
class Plain:
    """One clean batch run and what the fake server saw."""

    done: BatchRun
    events: list[BatchEvent]
    lines: list[dict]
    online: list
    uploads: list[str]
    retrieves: int
    state: Path


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Plain:
    state = tmp_path_factory.mktemp("batch")
    events: list[BatchEvent] = []
    with BatchServer(RECORDINGS) as server:
        done = _batch(server, state, events)
        lines = [json.loads(x) for x in server.files[server.uploads[0]].decode().splitlines()]
        return Plain(done, events, lines, list(server.chat), list(server.uploads), server.retrieves, state)


def test_uploaded_jsonl_has_one_line_per_request_with_unique_custom_ids(plain: Plain, first_round: dict[str, str]) -> None:
    assert len(plain.uploads) == 1
    ids = [line["custom_id"] for line in plain.lines]
    assert len(ids) == len(set(ids)) == len(first_round)
    assert set(ids) == set(first_round)
    for line in plain.lines:
        assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
        assert request_key("POST", "/chat/completions", line["body"]) == line["custom_id"]
        assert line["body"]["model"] == MANIFEST["model"]


def test_batch_results_map_back_to_the_replay_digest(plain: Plain, replayed: dict, first_round: dict[str, str]) -> None:
    done = plain.done
    assert done.run.digest.model_dump(mode="json") == replayed
    assert not done.run.failures
    assert done.batch_ids == ["batch_1"] and done.requests == done.submitted == N
    assert done.from_batch == N and done.fallback == 0
    # only what the first round cannot know went online: re-asks and split halves
    assert done.online == len(plain.online) == _total_recordings() - N
    assert not _keys(plain.online) & set(first_round)
    # the stored answers are recordings in the --record format, readable by replay
    assert {f.stem for f in (plain.state / "results").glob("*/*.json")} == set(first_round)
    assert Cassette(plain.state / "results").find(next(iter(first_round)))["response"]["status"] == 200


def test_state_folder_holds_no_api_key(plain: Plain) -> None:
    files = [f for f in plain.state.rglob("*") if f.is_file()]
    assert len(files) > 20  # state, input, output and one result per request
    assert not [f for f in files if API_KEY in f.read_text(encoding="utf-8")]


def test_status_callback_reports_every_poll_with_counts(plain: Plain) -> None:
    kinds = [e.kind for e in plain.events]
    assert kinds == ["collected", "uploaded", "created", "status", "status", "status", "downloaded"]
    polls = [e for e in plain.events if e.kind == "status"]
    assert len(polls) == plain.retrieves == 3
    assert [(e.status, e.completed, e.failed, e.total) for e in polls] == [
        ("in_progress", N // 2, 0, N), ("finalizing", N // 2, 0, N), ("completed", N, 0, N)]
    assert all(e.batch_id == "batch_1" and e.elapsed >= 0 for e in polls)
    assert f"batch_1: completed, {N}/{N} done, 0 failed" in polls[-1].message


def test_failed_and_missing_lines_fall_back_online_for_exactly_those(
    tmp_path: Path, replayed: dict, first_round: dict[str, str]
) -> None:
    keys = sorted(first_round)
    errors, missing = {keys[0], keys[7]}, {keys[12]}
    with BatchServer(RECORDINGS, error_keys=errors, missing_keys=missing) as server:
        done = _batch(server, tmp_path)
        online = _keys(server.chat)
    assert done.run.digest.model_dump(mode="json") == replayed
    assert done.fallback == 3 and done.from_batch == N - 3
    assert online & set(first_round) == errors | missing
    assert done.online == _total_recordings() - (N - 3)
    state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    failed = state["batches"][0]["failed"]
    assert set(failed) == errors | missing
    assert "hand-made server error" in failed[keys[0]] and "not in the output or error file" in failed[keys[12]]


@pytest.mark.parametrize("stop_at", ["status", "created", "uploaded"])
def test_interrupted_run_resumes_without_uploading_again(tmp_path: Path, few_replayed: dict, stop_at: str) -> None:
    def interrupt(event: BatchEvent) -> None:
        if event.kind == stop_at:
            raise Interrupted

    with BatchServer(RECORDINGS) as server:
        with pytest.raises(Interrupted):
            run_batch([FEW], settings=_settings(server.url), state_dir=tmp_path, poll_interval=0, on_batch=interrupt)
        state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
        (entry,) = state["batches"]
        assert entry["input_file_id"] == "file-1"
        assert entry["id"] == (None if stop_at == "uploaded" else "batch_1")
        assert not server.chat  # nothing was briefed yet

        events: list[BatchEvent] = []
        done = _few(server, tmp_path, events)
        assert server.uploads == ["file-1"] and server.creates == 1
    assert events[1].kind == "resumed" and events[1].batch_id == entry["id"]
    assert "uploaded" not in [e.kind for e in events]
    assert done.batch_ids == ["batch_1"] and done.submitted == 0
    assert done.from_batch == FEW_N
    assert done.run.digest.model_dump(mode="json") == few_replayed


def test_rerun_after_a_finished_batch_submits_nothing(tmp_path: Path, few_replayed: dict) -> None:
    with BatchServer(RECORDINGS, error_keys=set()) as server:
        _few(server, tmp_path)
        events: list[BatchEvent] = []
        done = _few(server, tmp_path, events)
        assert server.uploads == ["file-1"] and server.creates == 1
    assert [e.kind for e in events] == ["collected", "skipped"]
    assert done.batch_ids == [] and done.from_batch == FEW_N
    assert done.run.digest.model_dump(mode="json") == few_replayed


def test_briefing_cache_means_nothing_to_collect(tmp_path: Path) -> None:
    cache = BriefingCache(tmp_path / "cache")
    with BatchServer(RECORDINGS) as server:
        _few(server, tmp_path / "a", cache=cache)
        events: list[BatchEvent] = []
        done = _few(server, tmp_path / "b", events, cache=cache)
        assert server.creates == 1
    assert done.requests == 0 and done.from_batch == done.online == 0
    assert all(b.meta.cached for b in done.run.briefings) and len(done.run.briefings) == 1
    assert [e.kind for e in events] == ["collected"]


def test_failed_batch_is_a_clear_error_and_a_rerun_submits_again(tmp_path: Path, few_replayed: dict) -> None:
    with BatchServer(RECORDINGS, final_status="failed") as server:
        with pytest.raises(BatchError) as caught:
            _few(server, tmp_path)
        assert not server.chat  # no silent online run
        message = str(caught.value)
        assert "batch_1 failed" in message and "the model does not support batches" in message
        assert "without --batch" in message
        state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
        assert state["batches"][0]["phase"] == "failed"

        server.final_status = "completed"
        done = _few(server, tmp_path)
        assert server.creates == 2 and len(server.uploads) == 2
    assert done.batch_ids == ["batch_2"] and done.from_batch == FEW_N
    assert done.run.digest.model_dump(mode="json") == few_replayed


def test_failed_batch_can_fall_back_online_entirely(tmp_path: Path, few_replayed: dict) -> None:
    with BatchServer(RECORDINGS, final_status="failed") as server:
        done = _few(server, tmp_path, if_failed="online")
        online = len(server.chat)
    assert done.from_batch == 0 and done.fallback == FEW_N and online == _total_recordings(FEW.stem)
    assert done.run.digest.model_dump(mode="json") == few_replayed


@pytest.mark.parametrize("status", ["expired", "cancelled"])
def test_expired_or_cancelled_batch_keeps_its_answers_and_asks_the_rest_online(
    tmp_path: Path, few_replayed: dict, status: str
) -> None:
    with BatchServer(RECORDINGS, final_status=status, partial=1) as server:
        done = _few(server, tmp_path)
    assert done.from_batch == 1 and done.fallback == FEW_N - 1
    assert done.run.digest.model_dump(mode="json") == few_replayed
    state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert all(f"batch_{status}" in reason for reason in state["batches"][0]["failed"].values())


def test_max_wait_stops_with_an_error_and_the_batch_resumes(tmp_path: Path) -> None:
    with BatchServer(RECORDINGS) as server:
        with pytest.raises(BatchError, match="still in_progress.*run the same command again"):
            _few(server, tmp_path, max_wait=0)
        done = _few(server, tmp_path)
        assert server.creates == 1
    assert done.batch_ids == ["batch_1"] and done.from_batch == FEW_N


def test_unknown_batch_in_the_state_is_a_batch_error_naming_the_state(tmp_path: Path) -> None:
    def interrupt(event: BatchEvent) -> None:
        if event.kind == "status":
            raise Interrupted

    with BatchServer(RECORDINGS) as server:
        with pytest.raises(Interrupted):
            run_batch([FEW], settings=_settings(server.url), state_dir=tmp_path, poll_interval=0, on_batch=interrupt)
        state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
        state["batches"][0]["id"] = "batch_from_another_account"
        (tmp_path / "state.json").write_text(json.dumps(state), encoding="utf-8")
        with pytest.raises(BatchError, match="state.json is kept.*run the same command again") as caught:
            _few(server, tmp_path)
    assert isinstance(caught.value.__cause__, openai.NotFoundError)
    assert not server.chat


def test_batch_refuses_replay_and_unreadable_state(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--record or --replay"):
        run_batch([SEEDS], settings=Settings(replay_dir=RECORDINGS), state_dir=tmp_path)
    (tmp_path / "state.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UsageError, match="delete it to start over"):
        run_batch([SEEDS], settings=_settings("http://127.0.0.1:9/v1"), state_dir=tmp_path)


def test_cli_batch_writes_the_replay_digest_and_shows_status(tmp_path: Path, replayed: dict) -> None:
    out = tmp_path / "out"
    with BatchServer(RECORDINGS) as server:
        result = CliRunner().invoke(app, [
            "digest", str(SEEDS), "--batch", "--poll-interval", "0", "-o", str(out), "--no-cache",
            "--base-url", server.url, "--model", MANIFEST["model"], "--mode", MANIFEST["mode"],
        ])
    assert result.exit_code == 0, result.output
    assert f"batch batch_1: completed, {N}/{N} done, 0 failed" in result.output
    assert f"{N} answers from the batch" in result.output
    assert json.loads((out / "digest.json").read_text(encoding="utf-8")) == replayed
    assert (out / ".batch" / "state.json").is_file()
    assert not (out / "briefings" / "state.json").exists()


def test_cli_batch_with_replay_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--batch", "--replay", str(RECORDINGS), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "--batch cannot be combined" in result.output


def test_cli_failed_batch_exits_1_with_the_reason(tmp_path: Path) -> None:
    with BatchServer(RECORDINGS, final_status="failed") as server:
        result = CliRunner().invoke(app, [
            "digest", str(FEW), "--batch", "--poll-interval", "0", "-o", str(tmp_path / "out"), "--no-cache",
            "--base-url", server.url, "--model", MANIFEST["model"], "--mode", MANIFEST["mode"],
        ])
        assert not server.chat
    assert result.exit_code == 1, result.output
    assert "batch_1 failed" in result.output and "the model does not support batches" in result.output
    assert not (tmp_path / "out" / "digest.json").exists()


# ----------------------------------------------------------------------------- past one batch (small limits)


def test_input_past_the_limits_goes_in_several_batches_polled_together(tmp_path: Path, few_replayed: dict) -> None:
    from summarize.run.batch import BatchLimits

    assert FEW_N >= 3
    events: list[BatchEvent] = []
    n_files = -(-FEW_N // 2)
    # hold: the fake finishes no batch before every batch has been polled once (a client polling them one
    # after the other would wait for ever; max_wait turns that into a failure instead of a hang)
    with BatchServer(RECORDINGS, hold=n_files) as server:
        done = _few(server, tmp_path, events, limits=BatchLimits(max_requests=2), max_wait=30)
        files = [server.files[f].decode().splitlines() for f in server.uploads]
        assert server.creates == len(files) == n_files
        created_from = {b: server.batches[b]["input_file_id"] for b in server.batches}
    assert [len(lines) for lines in files] == [2] * (FEW_N // 2) + [1] * (FEW_N % 2)
    ids = [json.loads(line)["custom_id"] for lines in files for line in lines]
    assert len(ids) == len(set(ids)) == FEW_N
    # every batch the server created is reported once, in upload order; the server numbers them in the order
    # the concurrent creates reach it, which is not the upload order
    assert sorted(done.batch_ids) == sorted(created_from) and done.submitted == FEW_N
    assert [created_from[b] for b in done.batch_ids] == server.uploads
    assert done.from_batch == FEW_N and done.run.digest.model_dump(mode="json") == few_replayed
    # polled together: with ``hold`` no batch could finish before all of them were polled, and all did finish
    statuses = [(e.batch_id, e.status) for e in events if e.kind == "status"]
    assert {b for b, s in statuses if s == "completed"} == set(done.batch_ids)
    state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert [b["phase"] for b in state["batches"]] == ["done"] * len(files)
    assert [b["id"] for b in state["batches"]] == done.batch_ids
    assert [b["input_file_id"] for b in state["batches"]] == server.uploads
    assert [list(b["keys"]) for b in state["batches"]] == [
        [json.loads(line)["custom_id"] for line in lines] for lines in files
    ]


def test_byte_limit_splits_and_an_oversized_request_is_a_clear_error(tmp_path: Path) -> None:
    from summarize.run.batch import BatchLimits, Pending, jsonl_lines, split_requests

    requests = {f"k{i}": Pending("a", {"messages": [{"role": "user", "content": "x" * (10 * i)}]}) for i in range(5)}
    sizes = [len(line.encode()) + 1 for line in jsonl_lines(requests)]
    limit = sizes[3] + sizes[4]
    parts = split_requests(requests, BatchLimits(max_bytes=limit))
    assert [k for p in parts for k in p] == list(requests) and len(parts) > 1  # in order, nothing lost
    size = {k: n for k, n in zip(requests, sizes)}
    for n, part in enumerate(parts):
        assert sum(size[k] for k in part) <= limit  # each file within the limit ...
        if n + 1 < len(parts):  # ... and full: the next line would not have fitted
            assert sum(size[k] for k in part) + size[next(iter(parts[n + 1]))] > limit
    with pytest.raises(BatchError, match="without --batch"):
        split_requests(requests, BatchLimits(max_bytes=sizes[4] - 1))


def test_interrupted_split_run_resumes_like_one(tmp_path: Path, few_replayed: dict) -> None:
    from summarize.run.batch import BatchLimits

    uploaded: list[BatchEvent] = []

    def interrupt(event: BatchEvent) -> None:
        if event.kind == "uploaded":
            uploaded.append(event)
            if len(uploaded) == 2:
                raise Interrupted

    limits = BatchLimits(max_requests=1)
    with BatchServer(RECORDINGS) as server:
        with pytest.raises(Interrupted):
            run_batch([FEW], settings=_settings(server.url), state_dir=tmp_path, poll_interval=0, on_batch=interrupt,
                      limits=limits)
        assert server.uploads == ["file-1", "file-2"] and server.creates == 0
        events: list[BatchEvent] = []
        done = _few(server, tmp_path, events, limits=limits)
        assert len(server.uploads) == FEW_N and server.creates == FEW_N  # nothing uploaded twice
    assert [e.kind for e in events].count("resumed") == 2
    assert done.submitted == FEW_N - 2 and len(done.batch_ids) == FEW_N
    assert done.from_batch == FEW_N and done.run.digest.model_dump(mode="json") == few_replayed


def test_batch_sources_by_url_use_the_page_cache(tmp_path: Path) -> None:
    """`digest --batch URL`: the page is fetched once in full; the second read (the answer step) is a
    conditional request answered 304 from the page cache."""
    from ..support.pageserver import PageServer

    with PageServer() as site, BatchServer(RECORDINGS) as server:
        CliRunner().invoke(app, [
            "digest", f"{site.url}/de/luftabwehr.html", "--batch", "--poll-interval", "0", "-o", str(tmp_path / "out"),
            "--cache-dir", str(tmp_path / "cache"), "--base-url", server.url, "--model", MANIFEST["model"],
            "--mode", MANIFEST["mode"],
        ])
        gets = [(path, status) for _, path, status in site.requests if path == "/de/luftabwehr.html"]
    assert gets[0] == ("/de/luftabwehr.html", 200) and len(gets) >= 2
    assert all(status == 304 for _, status in gets[1:])
