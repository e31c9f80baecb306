"""The sync forms run the async core (``summarize/sync.py``): one event loop per call, one request at a time,
the host's process left alone. The endpoint is the HAND-MADE scripted one of ``tests/fakes.py``."""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

import pytest

from summarize import Settings, UsageError, article_from_text, brief, build_digest, run
from summarize.run.cache import BriefingCache

from .support.fakes import Scripted

# hand-made article and answers
TEXT = "Meldung {n}\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf ({n}).\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2, "name": "Boris Pistorius",
                               "kind": "person", "role_in_english": None}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


def _answer(body: dict) -> str:
    return SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART


def _settings() -> Settings:
    return Settings(model="hand-made", api_key="sk-test", depth=1)


def _articles(n: int) -> list:
    return [article_from_text(TEXT.format(n=i), id=f"a{i}") for i in range(n)]


def test_a_sync_form_inside_a_running_loop_names_the_async_form_to_await() -> None:
    server = Scripted(respond=_answer)

    async def inside() -> None:
        with pytest.raises(UsageError, match=r"await abrief\(\.\.\.\)"):
            brief(_articles(1)[0], settings=_settings(), client=server.client())
        with pytest.raises(UsageError, match=r"await arun\(\.\.\.\)"):
            run(_articles(1), settings=_settings(), client=server.client())
        with pytest.raises(UsageError, match=r"await arun\(\.\.\.\)"):
            build_digest(_articles(1), settings=_settings(), client=server.client())

    asyncio.run(inside())
    assert server.requests == []  # refused before any work


def test_a_sync_run_uses_one_event_loop_and_one_request_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    loops: list[asyncio.AbstractEventLoop] = []
    new_loop = asyncio.new_event_loop

    def counting() -> asyncio.AbstractEventLoop:
        loops.append(new_loop())
        return loops[-1]

    monkeypatch.setattr(asyncio, "new_event_loop", counting)
    server = Scripted(respond=_answer)
    events: list[tuple[str, str]] = []
    result = run(_articles(3), settings=_settings(), client=server.client(),
                 on_progress=lambda p: events.append((p.status, p.article_id)))
    assert len(loops) == 1 and loops[0].is_closed()  # one loop for the whole call, not one per request
    assert [b.article.id for b in result.briefings] == ["a0", "a1", "a2"] and result.lowest_concurrency is None
    # as the sync run always did: each article from start to done before the next starts, part then summary
    assert events == [(s, f"a{n}") for n in range(3) for s in ("start", "done")]
    kinds = ["summary" if "sentences_in_english" in json.dumps(r["response_format"]) else "part" for r in server.requests]
    assert kinds == ["part", "summary"] * 3


def test_ctrl_c_in_a_sync_run_stops_at_once_and_keeps_finished_briefings(tmp_path: Path) -> None:
    handlers: list[object] = []

    def respond(body: dict) -> str:
        handlers.append(signal.getsignal(signal.SIGINT))
        if "(1)" in body["messages"][-1]["content"]:
            raise KeyboardInterrupt  # Ctrl-C while the second article's request is under way
        return _answer(body)

    server = Scripted(respond=respond)
    cache = BriefingCache(tmp_path / "cache")
    before = signal.getsignal(signal.SIGINT)  # Python's own, or SIG_IGN when the suite runs as a background job
    with pytest.raises(KeyboardInterrupt):
        run(_articles(3), settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 3  # a0: part and summary; a1: the part that was interrupted; a2: nothing
    assert cache.get(_articles(1)[0], _settings()) is not None
    assert set(handlers) == {before}  # no signal handler of ours was installed


class _CountsRepr:
    def __init__(self) -> None:
        self.reprs = 0

    def __repr__(self) -> str:
        self.reprs += 1
        return "<counted>"


def test_run_main_returns_the_result_without_formatting_it() -> None:
    """asyncio.run on Python 3.11 formats the repr of its finished main task (and so of its result) twice
    while it checks and restores its SIGINT handler; run_main keeps the result off the task."""
    from summarize.sync import run_main

    async def main() -> _CountsRepr:
        await asyncio.sleep(0)
        return _CountsRepr()

    before = signal.getsignal(signal.SIGINT)
    result = run_main(main())
    assert isinstance(result, _CountsRepr) and result.reprs == 0
    assert signal.getsignal(signal.SIGINT) is before


def test_run_main_raises_what_the_coroutine_raises() -> None:
    from summarize.sync import run_main

    async def main() -> None:
        raise UsageError("no")

    with pytest.raises(UsageError, match="no"):
        run_main(main())


def test_run_main_raises_an_interrupt_from_inside_the_run_once_without_a_logged_traceback(caplog: pytest.LogCaptureFixture) -> None:
    """SIGTERM's handler (and a Ctrl-C in sync code) raises KeyboardInterrupt inside a running task: the command
    says "interrupted" and keeps what is finished; asyncio must not also log "Task exception was never
    retrieved" with a traceback."""
    import gc
    import logging

    from summarize.sync import run_main

    async def child() -> None:
        await asyncio.sleep(0)
        raise KeyboardInterrupt

    async def main() -> None:
        async with asyncio.TaskGroup() as group:
            group.create_task(child())
            group.create_task(asyncio.sleep(10))

    with caplog.at_level(logging.ERROR, logger="asyncio"), pytest.raises(KeyboardInterrupt):
        run_main(main())
    gc.collect()
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()]
