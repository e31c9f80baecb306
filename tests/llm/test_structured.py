"""The model client's boundary (issue 12): instructor is imported by one module only, through its public API;
no private path of instructor or openai is imported anywhere; no module imports another module's private
names; and one structured call collects every completion and maps errors (summarize/llm/structured.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import openai
import pytest

from summarize.errors import BriefingError, ReplayMiss
from summarize.llm import structured

PACKAGE = Path(__file__).resolve().parents[1].parent / "summarize"
STRUCTURED = PACKAGE / "llm" / "structured.py"


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) of every import statement of ``path``, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            out.append((module, [alias.name for alias in node.names]))
    return out


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_llm_structured_imports_instructor() -> None:
    importers = [p.relative_to(PACKAGE).as_posix() for p in _modules()
                 if any(m == "instructor" or m.startswith("instructor.") for m, _ in _imports(p))]
    assert importers == ["llm/structured.py"]


def test_no_private_or_submodule_path_of_instructor_or_openai() -> None:
    """instructor by its top-level names only; openai never by a private (``_x``) module."""
    found = []
    for path in _modules():
        for module, _ in _imports(path):
            parts = module.split(".")
            if (parts[0] == "instructor" and len(parts) > 1) or (parts[0] == "openai" and any(
                    p.startswith("_") for p in parts[1:])):
                found.append(f"{path.relative_to(PACKAGE)}: {module}")
    assert found == []
    tree = ast.parse(STRUCTURED.read_text(encoding="utf-8"))
    used = {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "instructor"}
    assert used <= {"Instructor", "AsyncInstructor", "Mode", "Provider", "from_openai", "patch", "response_schema"}


def test_no_module_imports_private_names_of_the_model_client() -> None:
    """The model client (``llm/``) and the briefing calls are used by their public names only (the digest
    passes used six private names of ``briefing/call.py``, batch three of ``llm/replay.py``)."""
    found = []
    for path in _modules():
        for module, names in _imports(path):
            if (module.startswith("summarize.llm") or module == "summarize.briefing.call") and any(n.startswith("_") and not n.startswith("__") for n in names):
                found.append(f"{path.relative_to(PACKAGE)}: from {module} import {', '.join(names)}")
    assert found == []


class _Response:
    """Hand-made stand-in for an openai ChatCompletion: only what the helpers read."""

    def __init__(self, text: str, finish: str = "stop") -> None:
        message = type("M", (), {"content": text, "tool_calls": None})()
        self.choices = [type("C", (), {"message": message, "finish_reason": finish})()]
        self.usage = type("U", (), {"prompt_tokens": 10, "completion_tokens": 3, "prompt_tokens_details": None})()


class _FakeClient:
    """Hand-made stand-in for an instructor client: reports completions to the collector, then fails."""

    def __init__(self, responses: list[_Response], error: Exception) -> None:
        self.responses, self.error = responses, error
        self.kwargs: dict = {}

    def create(self, **kwargs: object) -> None:
        self.kwargs = kwargs
        for response in self.responses:
            structured._collect(response)
        raise self.error


def test_call_keeps_every_completion_and_the_model_error() -> None:
    client = _FakeClient([_Response('{"a": 1}'), _Response('{"a": [1, 2', "length")], ValueError("invalid"))
    seen = structured.call(client, {"model": "m", "validation": {"k": 1}}, "art")  # type: ignore[arg-type]
    assert "validation" not in client.kwargs  # the context is set around the call, never sent
    assert isinstance(seen.error, ValueError)
    assert [structured.loads(structured.content(s.response), s is seen[-1]) for s in seen] == [{"a": 1}, {"a": [1, 2]}]
    log = structured.log_of(seen)
    assert (log.calls, log.reasks, log.truncated, log.usage.prompt_tokens) == (2, 1, 1, 20)


def test_call_maps_transport_errors_and_lets_a_replay_miss_through() -> None:
    import httpx2

    request = httpx2.Request("POST", "http://x/v1/chat/completions", headers={"authorization": "Bearer sk-secret123456789"})
    api = openai.APIConnectionError(message="down sk-secret123456789", request=request)
    with pytest.raises(BriefingError) as info:
        structured.call(_FakeClient([], api), {}, "art")  # type: ignore[arg-type]
    assert info.value.__cause__ is api and "sk-secret" not in str(info.value)
    miss = ReplayMiss("no recording")
    wrapped = openai.APIConnectionError(message="x", request=request)
    wrapped.__cause__ = miss
    with pytest.raises(ReplayMiss):
        structured.call(_FakeClient([], wrapped), {}, "art")  # type: ignore[arg-type]


def _capturing_clients(seen: list) -> tuple[openai.OpenAI, openai.AsyncOpenAI]:
    import httpx2

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        message = {"role": "assistant", "content": '{"n": 1}'}
        return httpx2.Response(200, json={"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                                          "choices": [{"index": 0, "finish_reason": "stop", "message": message}]})

    transport = httpx2.MockTransport(handler)
    return (openai.OpenAI(api_key="sk-test", base_url="http://fake/v1",
                          http_client=openai.DefaultHttpx2Client(transport=transport)),
            openai.AsyncOpenAI(api_key="sk-test", base_url="http://fake/v1",
                               http_client=openai.DefaultAsyncHttpx2Client(transport=transport)))


def test_posting_sends_the_request_chat_completions_create_sends() -> None:
    """The POST instructor patches is byte for byte ``chat.completions.create``'s: same path, body, key and
    extra headers (the replay keys hash the body), sync and async, and its answer a ChatCompletion."""
    import asyncio
    import json

    from pydantic import BaseModel

    class N(BaseModel):
        n: int

    seen: list = []
    sync, aclient = _capturing_clients(seen)
    kwargs = {"model": "m", "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "ü {{x}}"}],
              "max_tokens": 50, "temperature": 0, "extra_headers": {"X-Article": "a1"},
              "response_format": {"type": "json_schema", "json_schema": {"name": "N", "schema": N.model_json_schema()}}}
    sync.chat.completions.create(**kwargs)
    answer = structured.posting(sync)(**kwargs)
    asyncio.run(structured.posting(aclient)(**kwargs))
    assert isinstance(answer, openai.types.chat.ChatCompletion) and answer.choices[0].message.content == '{"n": 1}'
    reference, *ours = seen
    for request in ours:
        assert request.url == reference.url
        assert json.loads(request.content) == json.loads(reference.content)
        assert request.headers["authorization"] == "Bearer sk-test"
        assert request.headers["x-article"] == "a1"
    seen.clear()
    result = asyncio.run(structured.wrap(aclient, "json_schema").create(
        response_model=N, model="m", messages=[{"role": "user", "content": "n?"}], max_retries=0))
    assert result.n == 1 and len(seen) == 1


def test_a_body_the_sdk_must_write_itself_goes_to_it_as_a_dict() -> None:
    """pydantic-core writes the request bytes (structured._as_json) only where they are the bytes the SDK's
    ``post`` writes for the dict: a body with ``extra_body`` (the SDK merges it), with a float that is not
    finite (the SDK refuses it) or with those words in its text stays a dict."""
    import math

    from openai._utils._json import openapi_dumps  # the SDK's encoder, to compare with (a test, not the package)

    body = {"model": "m", "messages": [{"role": "user", "content": "Selenskyj – „Tomahawk“ \n\t\u0001 \u2028 é"}],
            "temperature": 0.0, "max_tokens": 5, "response_format": {"type": "json_object", "x": [1.5, True, None]}}
    assert structured._post_args(body)["content"] == openapi_dumps(body)  # bytes as content: the SDK's way
    assert "body" not in structured._post_args(body)
    assert structured._post_args({"model": "m", "extra_body": {"cache_prompt": True}})["body"] == {"model": "m"}
    assert "content" not in structured._post_args({"model": "m", "temperature": math.nan})
    assert isinstance(structured._post_args({"model": "m", "temperature": math.nan})["body"], dict)
    assert isinstance(structured._post_args({"model": "m", "messages": [{"content": "NaN"}]})["body"], dict)
    seen: list = []
    sync, _ = _capturing_clients(seen)
    structured.posting(sync)(model="m", messages=[{"role": "user", "content": "x"}], extra_body={"cache_prompt": True})
    assert b'"cache_prompt":true' in seen[-1].content
    with pytest.raises(ValueError, match="JSON compliant"):
        structured.posting(sync)(model="m", messages=[], temperature=math.inf)
