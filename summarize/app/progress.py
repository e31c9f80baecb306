"""The CLI's progress display on stderr: done / failed / total, elapsed, ETA, tokens, and what the model
server is doing (requests in flight, seconds since its last activity), so a slow model never looks hung.

On a terminal the line is redrawn twice a second (rich ``Live``), elapsed time included, whether or not
an article finished. Elsewhere (a log file, a pipe) a plain status line is printed every
``interval`` seconds while the run goes on (``SUMMARIZE_PROGRESS_INTERVAL``, default 30), so a cron log
shows a stalled run as stalled; quick runs print none. Built on rich, which typer brings.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Console
from rich.live import Live
from rich.text import Text

if TYPE_CHECKING:  # types only: importing the run would import the model client
    from ..llm.watch import ServerWatch
    from ..run.pipeline import Progress

DEFAULT_INTERVAL = 30.0


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


@dataclass
class ProgressDisplay:
    """Feed it :class:`~summarize.run.pipeline.Progress` events; use as a context manager.

    ``live``: redraw one line on a terminal; else print a status line every ``interval`` seconds.
    ``watch``: the run's :class:`~summarize.llm.watch.ServerWatch`, for requests in flight and activity."""

    total: int
    console: Console
    watch: ServerWatch | None = None
    live: bool = True
    interval: float = DEFAULT_INTERVAL
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    failed: int = 0
    cached: int = 0
    tokens: int = 0
    _live: Live | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _ticker: threading.Thread | None = None

    def line(self) -> Text:
        finished = self.done + self.failed
        elapsed = time.monotonic() - self.started
        fresh = max(1, finished - self.cached)  # cached articles cost no time: leave them out of the rate
        remaining = self.total - finished
        eta = "–" if finished - self.cached == 0 else _duration(remaining * elapsed / fresh)
        text = (f"{self.done} done, {self.failed} failed, {self.total} total · {_duration(elapsed)} elapsed · "
                f"ETA {eta if remaining else '0s'} · {self.tokens:,} tokens")
        if self.watch is not None:
            w = self.watch
            text += f" · {w.in_flight} requests in flight, {w.answers} answers, last activity {_duration(w.idle_seconds)} ago"
        return Text(text, style="bold")

    def __rich__(self) -> Text:  # rich calls it on every refresh: the elapsed time keeps moving
        return self.line()

    def __enter__(self) -> ProgressDisplay:
        if self.live:
            self._live = Live(self, console=self.console, refresh_per_second=2, transient=True)
            self._live.__enter__()
        elif self.interval > 0:
            self._ticker = threading.Thread(target=self._tick, name="summarize-progress", daemon=True)
            self._ticker.start()
        return self

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            self.console.print(f"summarize: working: {self.line().plain}", markup=False, highlight=False, soft_wrap=True)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=1)
        if self._live is not None:
            self._live.__exit__(None, None, None)

    def update(self, event: Progress) -> None:
        if event.briefing is not None:
            self.done += 1
            b = event.briefing
            self.cached += b.meta.cached
            if not b.meta.cached:
                self.tokens += b.meta.usage.prompt_tokens + b.meta.usage.completion_tokens
            how = "from cache" if b.meta.cached else f"{b.meta.llm_calls} calls"
            if self.live:
                self.console.print(
                    f"[{event.index}/{event.total}] {event.article_id}: {len(b.actors)} actors, "
                    f"{len(b.decisions)} decisions, {len(b.weapons)} weapons, {len(b.open_questions)} open questions "
                    f"({b.dropped_items} unsupported dropped, {how})",
                    markup=False, highlight=False,
                )
        elif event.failure is not None:
            self.failed += 1
        if self._live is not None:
            self._live.update(self)
