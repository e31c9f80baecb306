"""The MCP server's read-only ``history`` and ``log`` tools: the same queries as ``summarize history NAME`` and
``summarize log``, over the history database the server is told of (``SUMMARIZE_HISTORY``), driven over stdio
as tests/app/test_mcp.py does. The runs recorded are the replayed seeds (real answers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest

from summarize.run.history import History
from summarize.run.pipeline import run
from summarize.settings import resolve_settings

from ..conftest import RECORDINGS, SEEDS
from .test_mcp import _run, _server, _text


@pytest.fixture(scope="module")
def asked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("mcp_history")
    digest = run([SEEDS], settings=resolve_settings(replay=RECORDINGS)).digest
    db = History(tmp / "history.sqlite")
    first = db.record(digest, command="digest", started=dt.datetime(2025, 10, 17, 7, 0))
    second = db.record(digest, command="digest", started=dt.datetime(2025, 10, 17, 8, 0))  # a rerun: same items
    calls = [
        ("zelensky", "history", {"name": "zelensky"}),
        ("one", "history", {"name": "Zelensky", "limit": 1}),
        ("unknown", "history", {"name": "Nobody Atall"}),
        ("bad_since", "history", {"name": "Zelensky", "since": "last week"}),
        ("since", "history", {"name": "Zelensky", "since": "2025-10-01"}),
        ("log", "log", {}),
        ("log_one", "log", {"limit": 1}),
    ]
    out = _run(_server(tmp, "--replay", str(RECORDINGS), SUMMARIZE_HISTORY=str(db.path)), calls)
    empty = tmp / "none" / "history.sqlite"
    out["empty"] = _run(_server(tmp, "--replay", str(RECORDINGS), SUMMARIZE_HISTORY=str(empty)), [
        ("history", "history", {"name": "Zelensky"}), ("log", "log", {}),
    ])
    out.update(digest=digest, runs=[second, first], db=db, empty_path=empty)
    return out


def test_the_tools_are_listed_read_only_with_schemas(asked: dict[str, Any]) -> None:
    for name in ("history", "log"):
        tool = asked["tools"][name]
        assert tool.annotations.read_only_hint is True and tool.annotations.open_world_hint is False
        assert tool.description and tool.output_schema
    assert asked["tools"]["history"].input_schema["required"] == ["name"]


def test_history_answers_like_the_library_compactly_and_each_item_once(asked: dict[str, Any]) -> None:
    result = asked["zelensky"]
    assert not result.is_error, _text(result)
    jsonschema.validate(result.structured_content, asked["tools"]["history"].output_schema)
    mentions = result.structured_content["mentions"]
    library = asked["db"].mentions("zelensky")
    assert mentions and len(library) == 2 * len(mentions)  # two runs of the same items: each given once
    assert set(mentions[0]) == {"day", "kind", "label", "source", "url", "quote", "page"}
    assert {(m["kind"], m["label"], m["quote"]) for m in mentions} == {(m.kind, m.label, m.quote) for m in library}
    assert result.structured_content["truncated"] is False and result.structured_content["note"] is None
    one = asked["one"].structured_content
    assert len(one["mentions"]) == 1 and one["truncated"] is True
    assert asked["since"].structured_content["mentions"] == mentions  # undated runs are kept by `since`


def test_history_says_why_nothing_was_found_and_refuses_a_bad_day(asked: dict[str, Any]) -> None:
    unknown = asked["unknown"].structured_content
    assert unknown["mentions"] == [] and "nothing recorded about 'Nobody Atall'" in unknown["note"]
    assert "log" in unknown["note"]
    assert asked["bad_since"].is_error and "YYYY-MM-DD" in _text(asked["bad_since"])


def test_log_lists_the_latest_runs_first(asked: dict[str, Any]) -> None:
    runs = asked["log"].structured_content["runs"]
    assert [r["id"] for r in runs] == asked["runs"]
    assert runs[0]["briefed"] == asked["digest"].meta.articles_briefed and runs[0]["command"] == "digest"
    assert runs[0]["model"] == asked["digest"].meta.model
    assert [r["id"] for r in asked["log_one"].structured_content["runs"]] == asked["runs"][:1]


def test_without_a_database_the_tools_say_so_and_create_nothing(asked: dict[str, Any]) -> None:
    empty = asked["empty"]
    assert empty["history"].structured_content["mentions"] == [] and empty["log"].structured_content["runs"] == []
    assert "summarize digest" in empty["log"].structured_content["note"]
    assert "none recorded yet" in empty["history"].structured_content["note"]
    assert not asked["empty_path"].exists() and not asked["empty_path"].parent.exists()
