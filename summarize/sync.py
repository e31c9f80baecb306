"""The sync face of the async core: every sync public function runs its async form on one event loop.

Each model-facing operation has one implementation, ``async`` (``abrief``, ``arun``, ...). Its sync form
(``brief``, ``run``, ...) is a thin wrapper: :func:`run_sync` runs the coroutine on a fresh event loop for
the whole call (one loop per public call, never one per request), as pydantic-ai's ``run_sync`` does.

A sync caller's own ``openai.OpenAI`` client is used as is: :class:`Blocking` gives its instructor
client the async interface the core awaits, and each request runs to its end in the calling thread, one
after another, as a sync call always did.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any, TypeVar

from .errors import UsageError

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T], use_instead: str) -> T:
    """Run ``coro`` to its end on a new event loop and return its result.

    Inside a running event loop (an async app, Jupyter) this raises :class:`UsageError` naming the async
    function to await instead (``use_instead``). No signal handler is installed and the thread's event
    loop is not set: Ctrl-C raises ``KeyboardInterrupt`` at once, as in any sync code; the tasks still
    running are then cancelled and the loop is closed."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        coro.close()
        raise UsageError(
            f"{use_instead.removeprefix('a')}() cannot run inside a running event loop (an async app, Jupyter): "
            f"use `await {use_instead}(...)` instead"
        )
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        try:
            _cancel_all(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


def run_main(coro: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coro)`` for a command's main coroutine (Ctrl-C cancels it, as asyncio.run does), with
    its result kept off the main task.

    On Python 3.11, ``asyncio.run`` checks and restores its SIGINT handler through ``signal.getsignal`` and
    ``signal.signal``, which build the repr of that handler (a ``functools.partial`` holding the main
    task), and a finished task's repr holds the repr of its result: a whole run of briefings, formatted
    twice and thrown away (about a quarter of a second for 200 cached articles). The task here returns
    None; the result travels beside it."""
    box: list[T] = []
    stopped: list[BaseException] = []

    async def main() -> None:
        try:
            box.append(await coro)
        except (KeyboardInterrupt, SystemExit) as exc:  # raised inside the run (SIGTERM's handler, a Ctrl-C in
            stopped.append(exc)  # sync code): the task ends normally and the interrupt is raised below, so
            # asyncio does not also log "Task exception was never retrieved" with its traceback

    asyncio.run(main())
    if stopped:
        raise stopped[0]
    return box[0]


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what still runs (after an error or Ctrl-C) and let it unwind. A task may re-raise the
    KeyboardInterrupt already on its way out of :func:`run_sync`; that one is not raised twice."""
    seen: set[asyncio.Task[Any]] = set()
    pending = asyncio.all_tasks(loop)
    while pending:
        seen |= pending
        for task in pending:
            task.cancel()
        with contextlib.suppress(KeyboardInterrupt, SystemExit):
            loop.run_until_complete(asyncio.wait(pending))
        pending = asyncio.all_tasks(loop)
    for task in seen:
        if not task.cancelled():
            task.exception()  # the error already raised, or one its caller saw: not "never retrieved"


class Blocking:
    """A sync instructor client (``instructor.Instructor``) behind the async interface the core awaits:
    ``await create(...)`` runs the request to its end in the calling thread. Only a sync wrapper uses it,
    whose loop has nothing else to do meanwhile; the requests go one after another."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def create(self, **kwargs: Any) -> Any:
        return self.client.create(**kwargs)

    def on(self, *args: Any, **kwargs: Any) -> None:
        self.client.on(*args, **kwargs)
