"""What every command of the CLI shares: exit codes, settings from flags, usage errors, and the tuning of a
process of our own's garbage collector. Imported by :mod:`.cli` and the command modules beside it."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .report import err

if TYPE_CHECKING:
    from ..run.pipeline import Passes
    from ..settings import Settings

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_FATAL = 3
EXIT_INTERRUPTED = 130


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """A caller's mistake (:class:`~summarize.errors.UsageError`): its message names the fix; exit 2."""
    from ..errors import UsageError

    try:
        yield
    except UsageError as exc:
        err(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


def _raise_interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends a run like Ctrl-C: finished briefings are kept, the rest is left for a rerun."""
    raise KeyboardInterrupt


def _settings(model, base_url, mode, lang, record, replay, chunk_chars=None, depth=None, max_chars=None,  # noqa: ANN001
              timeout=None, env=None) -> Settings:
    from ..settings import resolve_settings

    settings = resolve_settings(model=model, base_url=base_url, mode=mode, lang=lang, record=record, replay=replay,
                                chunk_chars=chunk_chars, depth=depth, max_chars=max_chars, timeout=timeout, env=env)
    settings.check_reachable()
    return settings


def _passes(events: str, headline: bool) -> Passes:
    from ..errors import UsageError
    from ..run.pipeline import Passes

    if events not in ("rules", "model"):
        raise UsageError(f"--events {events!r}: use 'rules' or 'model'")
    return Passes(events=events == "model", headline=headline)


def _resolver(aliases: Path | None):  # noqa: ANN202
    from ..digest.entities import Resolver, load_aliases

    return Resolver(load_aliases(aliases)) if aliases else None


# The cyclic garbage collector of a process of our own (main(), not the in-process app() of tests or another
# program). A command is short and its objects live until it exits: start-up's modules, classes and schemas,
# then the run's briefings and digest. With Python's defaults (a young generation of 700 objects) a warm rerun
# of 200 cached articles made ~240 collections, two of them full passes over everything, a fifth of its time.
GC_YOUNG = 10_000  # objects allocated between young collections (Python's default: 700)
_OWN_PROCESS = False


def _own_process_gc() -> None:
    """main(): collect young objects less often (:data:`GC_YOUNG`); older generations keep their thresholds."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def _own_process_logging() -> None:
    """main(): instructor logs every failed attempt at ERROR level, and with no handler Python would print
    them to stderr; the command reports attempts itself (progress, summary line, the briefing's metadata).
    The library leaves instructor's logger to its host, as any library's."""
    log = logging.getLogger("instructor")
    log.addHandler(logging.NullHandler())
    log.propagate = False


def _freeze_startup() -> None:
    """Before a run, in a process of our own: move what start-up made out of the collector's passes
    (``gc.freeze``); it lives until exit anyway. Called in-process, the host's collector is left alone."""
    if _OWN_PROCESS:
        gc.freeze()
