"""The CLI's progress display on stderr: done / failed / total, elapsed, ETA and tokens.

Shown only for runs of more than one article on a terminal; a log file or a pipe gets no progress lines,
only failures and the final summary (which the CLI prints itself). Built on rich, which typer brings.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from rich.console import Console
from rich.live import Live
from rich.text import Text

from .digest.build import Progress


@dataclass
class ProgressDisplay:
    """Feed it :class:`~summarize.digest.build.Progress` events; use as a context manager."""

    total: int
    console: Console
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    failed: int = 0
    cached: int = 0
    tokens: int = 0
    _live: Live | None = None

    def line(self) -> Text:
        finished = self.done + self.failed
        elapsed = time.monotonic() - self.started
        fresh = max(1, finished - self.cached)  # cached articles cost no time: leave them out of the rate
        remaining = self.total - finished
        eta = "–" if finished - self.cached == 0 else f"{remaining * elapsed / fresh:.0f}s"
        return Text(
            f"{self.done} done, {self.failed} failed, {self.total} total · {elapsed:.0f}s elapsed · "
            f"ETA {eta if remaining else '0s'} · {self.tokens:,} tokens",
            style="bold",
        )

    def __enter__(self) -> ProgressDisplay:
        self._live = Live(self.line(), console=self.console, refresh_per_second=4, transient=True)
        self._live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
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
            self.console.print(
                f"[{event.index}/{event.total}] {event.article_id}: {len(b.actors)} actors, {len(b.decisions)} decisions, "
                f"{len(b.weapons)} weapons, {len(b.open_questions)} open questions "
                f"({b.dropped_items} unsupported dropped, {how})",
                markup=False, highlight=False,
            )
        elif event.failure is not None:
            self.failed += 1
        if self._live is not None:
            self._live.update(self.line())
