"""``summarize mcp`` driven by the MCP SDK's own client over stdio, the server replaying the seed recordings.

One server process serves a whole scenario (tool list, good calls, bad calls, good calls again), so the
tests below also prove that an error never ends the session. The server runs with ``--replay``: it has no
network transport at all.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client
from typer.testing import CliRunner

from summarize import Settings, build_digest
from summarize.render import json_schema as schemas
from summarize.app.cli import app
from summarize.llm.replay import Cassette

from ..conftest import RECORDINGS, ROOT, SEEDS

SEED = "003_217b1643d8ffb68b"
SEED_PATH = f"seeds/{SEED}.txt"
NEW_TEXT = (
    "Der Stadtrat von Beispielstadt hat am Montag beschlossen, die Brücke über den Fluss zu sanieren. "
    "Bürgermeisterin Anna Muster sagte, die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.\n"
)
TIMEOUT = 120


def _schema(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def _server(tmp: Path, *args: str, **env: str) -> StdioServerParameters:
    # A minimal environment: no key, no developer settings, a private cache and home.
    base = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp), "SUMMARIZE_CACHE_DIR": str(tmp / "cache")}
    return StdioServerParameters(
        command=sys.executable, args=["-m", "summarize", "mcp", *args], cwd=str(ROOT), env={**base, **env}
    )


def _text(result: Any) -> str:
    return "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")


async def _scenario(params: StdioServerParameters, calls: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """Run ``calls`` (label, tool, arguments) in one session; also list the tools and collect progress."""
    out: dict[str, Any] = {"progress": []}

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        out["progress"].append((progress, total, message))

    with open(os.devnull, "w") as errlog:  # the server's stderr (logs) is not part of the protocol
        async with stdio_client(params, errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                out["init"] = await session.initialize()
                out["tools"] = {tool.name: tool for tool in (await session.list_tools()).tools}
                for label, tool, arguments in calls:
                    out[label] = await session.call_tool(
                        tool, arguments, progress_callback=on_progress if tool == "build_digest" else None
                    )
    return out


def _run(params: StdioServerParameters, calls: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    return asyncio.run(asyncio.wait_for(_scenario(params, calls), TIMEOUT))


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("mcp")
    empty = tmp / "articles"
    empty.mkdir()
    (empty / "empty.txt").write_text("   \n", encoding="utf-8")
    seed_text = (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
    calls = [
        ("brief_path", "brief_article", {"path": SEED_PATH}),
        ("brief_text", "brief_article", {"text": seed_text, "article_id": SEED}),
        ("brief_text_default_id", "brief_article", {"text": seed_text}),
        ("neither", "brief_article", {}),
        ("both", "brief_article", {"text": seed_text, "path": SEED_PATH}),
        ("missing", "brief_article", {"path": "seeds/no_such_article.txt"}),
        ("folder", "brief_article", {"path": "seeds"}),
        ("id_with_path", "brief_article", {"path": SEED_PATH, "article_id": "x"}),
        ("replay_miss", "brief_article", {"text": NEW_TEXT}),
        ("brief_again", "brief_article", {"path": str(ROOT / SEED_PATH)}),
        ("digest", "build_digest", {"paths": ["seeds"]}),
        ("digest_full", "build_digest", {"paths": ["seeds"], "detail": "full"}),
        ("digest_missing", "build_digest", {"paths": ["seeds", "no_such_folder"]}),
        ("digest_with_failure", "build_digest", {"paths": [SEED_PATH, str(empty)]}),
        ("schema_briefing", "get_schema", {"name": "briefing"}),
        ("schema_digest", "get_schema", {"name": "digest"}),
        ("after_all", "brief_article", {"path": SEED_PATH}),
    ]
    return _run(_server(tmp, "--replay", str(RECORDINGS), "--root", str(ROOT), "--root", str(tmp)), calls)


@pytest.fixture(scope="module")
def cli_briefing() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["brief", str(SEEDS / f"{SEED}.txt"), "--replay", str(RECORDINGS)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the tool list


def test_server_announces_itself_and_its_tools(replayed: dict[str, Any]) -> None:
    assert replayed["init"].server_info.name == "summarize"
    assert set(replayed["tools"]) == {"brief_article", "build_digest", "get_schema", "history", "log"}
    for tool in replayed["tools"].values():
        assert tool.description and len(tool.description) > 40
        assert tool.annotations.read_only_hint is True


def test_input_schemas(replayed: dict[str, Any]) -> None:
    brief_in = replayed["tools"]["brief_article"].input_schema
    assert {"text", "path", "article_id"} <= set(brief_in["properties"])
    assert not brief_in.get("required")  # exactly one of text/path: checked by the tool, not the schema
    assert all(p.get("description") for p in brief_in["properties"].values())
    digest_in = replayed["tools"]["build_digest"].input_schema
    assert digest_in["required"] == ["paths"]
    assert digest_in["properties"]["paths"]["type"] == "array"
    assert replayed["tools"]["get_schema"].input_schema["properties"]["name"]["enum"] == ["briefing", "digest"]


@pytest.mark.parametrize(("tool", "name"), [("brief_article", "briefing"), ("build_digest", "digest")])
def test_output_schema_is_the_models_schema(replayed: dict[str, Any], tool: str, name: str) -> None:
    published = replayed["tools"][tool].output_schema
    if tool == "build_digest":  # the compact result; the full digest is its `digest` field
        assert {"summaries", "key_developments", "counts", "articles", "failures", "more"} <= set(published["properties"])
        assert published["properties"]["digest"]["anyOf"][0] == {"$ref": "#/$defs/Digest"}
        published = {**published["$defs"]["Digest"], "$defs": published["$defs"]}
    committed = _schema(name)
    assert set(published["properties"]) == set(committed["properties"])
    assert set(published["$defs"]) == set(committed["$defs"]) | (
        {"Digest", "DigestCounts", "KeyDevelopment"} if tool == "build_digest" else set()
    )
    for model, definition in committed["$defs"].items():
        assert set(published["$defs"][model].get("properties", {})) == set(definition.get("properties", {})), model


# --------------------------------------------------------------------------- briefing


def test_brief_by_path_is_what_the_cli_prints(replayed: dict[str, Any], cli_briefing: dict[str, Any]) -> None:
    result = replayed["brief_path"]
    assert not result.is_error, _text(result)
    jsonschema.validate(result.structured_content, _schema("briefing"))
    assert result.structured_content == cli_briefing
    gist = json.loads(_text(result))  # the text content: the gist, for clients that read only text
    assert gist["summary"] == cli_briefing["summary"]
    assert [g.split(" (")[0] for g in gist["actors"]] == [a["name"] for a in cli_briefing["actors"]]
    assert len(gist["decisions"]) == len(cli_briefing["decisions"])
    assert len(_text(result)) < len(json.dumps(cli_briefing)) / 3  # not the briefing a second time
    names = {a["name"] for a in result.structured_content["actors"]}
    assert {"Vladimir Putin", "Donald Trump"} <= names  # both named in the article (recorded answers)


def test_brief_by_text_gives_the_same_briefing(replayed: dict[str, Any], cli_briefing: dict[str, Any]) -> None:
    result = replayed["brief_text"]
    assert not result.is_error, _text(result)
    jsonschema.validate(result.structured_content, _schema("briefing"))
    assert result.structured_content == cli_briefing
    default = replayed["brief_text_default_id"].structured_content
    assert default["article"]["id"] == "article"
    assert [a["name"] for a in default["actors"]] == [a["name"] for a in cli_briefing["actors"]]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("neither", "give exactly one of `text`"),
        ("both", "not both"),
        ("missing", "no readable article at seeds/no_such_article.txt under the served roots"),
        ("folder", "is a folder, not an article file"),
        ("id_with_path", "`article_id` is only for `text`"),
        ("replay_miss", "ReplayMiss: no recording for article 'article'"),
        ("digest_missing", "no readable article at no_such_folder under the served roots"),
    ],
)
def test_mistakes_are_tool_errors_naming_the_fix(replayed: dict[str, Any], label: str, expected: str) -> None:
    result = replayed[label]
    assert result.is_error
    assert expected in _text(result)
    assert result.structured_content is None
    if label == "replay_miss":
        assert "--record" in _text(result)


def test_server_keeps_serving_after_errors(replayed: dict[str, Any], cli_briefing: dict[str, Any]) -> None:
    for label in ("brief_again", "after_all"):
        assert not replayed[label].is_error
        assert replayed[label].structured_content == cli_briefing


# --------------------------------------------------------------------------- digest and schemas


def test_digest_of_the_seeds(replayed: dict[str, Any]) -> None:
    result = replayed["digest_full"]
    assert not result.is_error, _text(result)
    digest = result.structured_content["digest"]
    jsonschema.validate(digest, _schema("digest"))
    assert len(digest["articles"]) == 5 and digest["meta"]["articles_briefed"] == 5
    assert digest["failures"] == []
    manifest = Cassette(RECORDINGS).manifest()
    settings = Settings(model=manifest["model"], mode=manifest["mode"], lang=manifest["lang"], replay_dir=RECORDINGS)
    assert digest == build_digest([SEEDS], settings=settings).model_dump(mode="json")


def test_digest_is_compact_by_default_and_full_on_request(replayed: dict[str, Any]) -> None:
    compact, full = replayed["digest"], replayed["digest_full"]
    assert not compact.is_error and not full.is_error
    whole = full.structured_content["digest"]
    small = compact.structured_content
    assert small.get("digest") is None
    assert [a["id"] for a in small["articles"]] == [a["id"] for a in whole["articles"]]
    assert small["summaries"] == whole["summaries"]
    developments = small["key_developments"]
    assert developments and len(developments) <= 10
    assert [(d["id"], d["articles"]) for d in developments] == [(d["id"], d["articles"]) for d in whole["decisions"][:10]]
    counts = small["counts"]
    for section in ("actors", "decisions", "weapons", "open_questions", "timeline", "divergences", "failures"):
        assert counts[section] == len(whole[section]), section
    assert "detail='full'" in small["more"]
    # Each result is small in text, and the full digest is never sent twice (text + structured).
    full_size = len(json.dumps(whole))
    for result in (compact, full):
        assert len(_text(result)) < full_size / 5
        assert json.loads(_text(result)) == {k: v for k, v in result.structured_content.items() if k != "digest"}
    assert len(json.dumps(small)) < full_size / 5
    for result in (compact, full):  # the published outputSchema holds for both forms
        jsonschema.validate(result.structured_content, replayed["tools"]["build_digest"].output_schema)


def test_the_full_digest_after_a_compact_one_costs_no_new_briefing(replayed: dict[str, Any]) -> None:
    """``digest`` then ``digest_full`` on the same unchanged files: the server answers the second from the
    digest it kept, so only the first reports progress for the five seeds."""
    assert len([total for _, total, _ in replayed["progress"] if total == 5]) == 5


def test_digest_reports_progress(replayed: dict[str, Any]) -> None:
    seen = [(p, t) for p, t, _ in replayed["progress"]]
    assert (5, 5) in seen and seen[:5] == [(i, 5) for i in range(1, 6)]


def test_digest_lists_unreadable_articles_as_failures(replayed: dict[str, Any]) -> None:
    result = replayed["digest_with_failure"]
    assert not result.is_error, _text(result)
    digest = result.structured_content
    assert digest["counts"]["articles_briefed"] == 1 and digest["counts"]["failures"] == 1
    assert [(f["article_id"], f["error_kind"]) for f in digest["failures"]] == [("empty", "InputError")]


@pytest.mark.parametrize("name", ["briefing", "digest"])
def test_get_schema_returns_the_committed_schema(replayed: dict[str, Any], name: str) -> None:
    result = replayed[f"schema_{name}"]
    assert not result.is_error
    assert result.structured_content == _schema(name) == schemas.schema(name)


# --------------------------------------------------------------------------- configuration


def test_without_a_model_the_server_starts_and_each_call_names_the_fix(tmp_path: Path) -> None:
    out = _run(_server(tmp_path, "--no-cache"), [
        ("brief", "brief_article", {"path": SEED_PATH}),
        ("digest", "build_digest", {"paths": ["seeds"]}),
        ("digest_full", "build_digest", {"paths": ["seeds"], "detail": "full"}),
        ("schema", "get_schema", {"name": "briefing"}),
    ])
    for label in ("brief", "digest"):
        assert out[label].is_error
        message = _text(out[label])
        assert "OPENAI_API_KEY" in message and "--replay DIR" in message and "summarize mcp" in message
    assert not out["schema"].is_error


def test_missing_replay_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["mcp", "--replay", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such folder" in result.output and "--record" in result.output


# --------------------------------------------------------------------------- stdout is the transport

_NOISY_SERVER = """
import sys
import summarize.briefing.brief as module

original = module.abrief


async def noisy(*args, **kwargs):
    print("stray output from a library")          # must not reach the protocol stream
    sys.stdout.flush()
    return await original(*args, **kwargs)


module.abrief = noisy
sys.argv = ["summarize", "mcp", "--replay", sys.argv[1]]
from summarize.app.cli import main

main()
"""


def test_stdout_carries_only_the_protocol_even_when_something_prints(tmp_path: Path) -> None:
    from mcp_types.version import LATEST_HANDSHAKE_VERSION

    requests = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": LATEST_HANDSHAKE_VERSION, "capabilities": {},
            "clientInfo": {"name": "raw-test", "version": "0"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
         "params": {"name": "brief_article", "arguments": {"path": SEED_PATH}}},
    ]
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-c", _NOISY_SERVER, str(RECORDINGS)], cwd=ROOT, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("".join(json.dumps(r) + "\n" for r in requests))
        process.stdin.flush()
        lines = []
        while True:  # every line on stdout is a JSON-RPC message, up to the tool's answer
            line = process.stdout.readline()
            assert line, "the server closed stdout before answering"
            message = json.loads(line)
            assert message["jsonrpc"] == "2.0"
            lines.append(message)
            if message.get("id") == 2:
                break
        process.stdin.close()
        process.wait(timeout=30)
        stderr = process.stderr.read() if process.stderr else ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    answer = lines[-1]["result"]
    assert not answer.get("isError")
    assert answer["structuredContent"]["article"]["id"] == SEED
    assert "stray output from a library" in stderr


def test_a_tool_error_never_carries_the_key_or_an_internal_class_name(tmp_path: Path) -> None:
    """A 400 whose body echoes the key: the tool error names the public kind and holds no key."""
    from ..support.faultserver import FaultServer, status

    key = "sk-live-MCP-9c1e7f3a2b"
    echo = status(400, {"error": {"message": f"Invalid request for key {key}", "code": "bad_request"}})
    text = (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
    with FaultServer(default=echo) as server:
        out = _run(_server(tmp_path, "--base-url", server.url, "--model", "m", "--no-cache",
                           OPENAI_API_KEY=key), [("brief", "brief_article", {"text": text})])
    message = _text(out["brief"])
    assert out["brief"].is_error and "BadRequestError" in message
    assert key not in message and "[redacted]" in message
