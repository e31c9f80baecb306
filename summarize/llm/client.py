"""Build the openai + instructor clients for a run, with record/replay wired into the HTTP transport.

One layer owns transport retries. For now that is the openai client's own (``max_retries`` below); in replay
mode it is zero, since a replayed answer cannot be transient.
"""

from __future__ import annotations

import logging

import httpx2
import instructor
from openai import AsyncOpenAI, OpenAI

from ..errors import ConfigurationError
from ..settings import Settings
from .replay import AsyncRecordReplayTransport, Cassette, RecordReplayTransport

# instructor logs every failed attempt at ERROR level; with no handler Python would print them to stderr.
# Library code never prints: the attempts are reported in the briefing's metadata instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())
logging.getLogger("instructor").propagate = False

_MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
}

REPLAY_BASE_URL = "http://replay.invalid/v1"
TRANSPORT_RETRIES = 2


def instructor_mode(settings: Settings) -> instructor.Mode:
    return _MODES[settings.mode]


def _client_kwargs(settings: Settings) -> dict[str, object]:
    if settings.replay_dir is not None:
        # Never used for a request: the replay transport answers or raises. A placeholder key keeps the
        # openai client from refusing to start, and no real key is read in replay mode.
        return {"api_key": "replay", "base_url": settings.base_url or REPLAY_BASE_URL, "max_retries": 0}
    settings.check_reachable()
    return {
        "api_key": settings.api_key or "not-needed",
        "base_url": settings.base_url,
        "max_retries": TRANSPORT_RETRIES,
        "timeout": settings.timeout,
    }


def make_openai(settings: Settings) -> OpenAI:
    kwargs = _client_kwargs(settings)
    if settings.replay_dir is not None:
        if not settings.replay_dir.is_dir():
            raise ConfigurationError(f"--replay {settings.replay_dir}: no such folder of recordings")
        transport = RecordReplayTransport(Cassette(settings.replay_dir), "replay")
        kwargs["http_client"] = httpx2.Client(transport=transport)
    elif settings.record_dir is not None:
        transport = RecordReplayTransport(Cassette(settings.record_dir), "record")
        kwargs["http_client"] = httpx2.Client(transport=transport, timeout=settings.timeout)
    return OpenAI(**kwargs)  # type: ignore[arg-type]


def make_async_openai(settings: Settings) -> AsyncOpenAI:
    kwargs = _client_kwargs(settings)
    if settings.replay_dir is not None:
        if not settings.replay_dir.is_dir():
            raise ConfigurationError(f"--replay {settings.replay_dir}: no such folder of recordings")
        transport = AsyncRecordReplayTransport(Cassette(settings.replay_dir), "replay")
        kwargs["http_client"] = httpx2.AsyncClient(transport=transport)
    elif settings.record_dir is not None:
        transport = AsyncRecordReplayTransport(Cassette(settings.record_dir), "record")
        kwargs["http_client"] = httpx2.AsyncClient(transport=transport, timeout=settings.timeout)
    return AsyncOpenAI(**kwargs)  # type: ignore[arg-type]


def wrap(client: OpenAI, settings: Settings) -> instructor.Instructor:
    if not isinstance(client, OpenAI):
        raise ConfigurationError(f"expected an openai.OpenAI client, got {type(client).__name__}")
    return instructor.from_openai(client, mode=instructor_mode(settings))


def wrap_async(client: AsyncOpenAI, settings: Settings) -> instructor.AsyncInstructor:
    if not isinstance(client, AsyncOpenAI):
        raise ConfigurationError(f"expected an openai.AsyncOpenAI client, got {type(client).__name__}")
    return instructor.from_openai(client, mode=instructor_mode(settings))
