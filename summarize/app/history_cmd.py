"""``summarize log`` and ``summarize history NAME``: the history database, asked from the command line.

Both read :class:`~summarize.run.history.History` (``--history FILE``, ``SUMMARIZE_HISTORY``, default
``~/.local/share/summarize/history.sqlite``); ``--json`` prints the rows as JSON for scripts and agents.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated, Optional

import typer


HistoryOpt = Annotated[
    Optional[Path],
    typer.Option("--history", metavar="FILE", help="History database (env SUMMARIZE_HISTORY; default ~/.local/share/summarize/history.sqlite)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON rows instead of text.")]


def register(app: typer.Typer) -> None:
    """Add the ``log`` and ``history`` commands to ``app``."""

    @app.command("log")
    def log_cmd(
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="How many runs, latest first.")] = 20,
        history: HistoryOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """List past runs: when, which command and model, articles briefed and failed, tokens, cost, page."""
        from ..run.history import History, default_path  # here: --help stays free of the library's imports

        runs = History(history or default_path()).runs(limit)
        if as_json:
            typer.echo(json.dumps([dataclasses.asdict(r) for r in runs], ensure_ascii=False, indent=2))
            return
        if not runs:
            typer.echo("no runs recorded yet: `summarize digest` and `summarize daily` record each run", err=True)
            return
        for r in runs:
            cost = f", ≈ {r.cost:.4f}" if r.cost is not None else ""
            day = f" {r.day}" if r.day else ""
            stopped = f" · stopped: {r.stopped[:80]}" if r.stopped else ""
            typer.echo(f"#{r.id} {r.started} {r.command}{day} · {r.model or '-'} · {r.briefed}/{r.articles} briefed, "
                       f"{r.failed} failed · {'?' if r.requests is None else r.requests} requests, "
                       f"{r.spent_tokens:,} tokens spent, {r.reused_tokens:,} reused{cost}"
                       + (f" · {r.page}" if r.page else "") + stopped)

    @app.command("history")
    def history_cmd(
        name: Annotated[str, typer.Argument(help="An actor, weapon or words of an event, e.g. Selenskyj or Tomahawk.")],
        since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Only from this day on (YYYY-MM-DD).")] = None,
        history: HistoryOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        """Show where NAME appeared across days: when, in which source, what was said, with the quote."""
        from ..run.history import History, default_path

        found = History(history or default_path()).mentions(name, since=since)
        if as_json:
            typer.echo(json.dumps([dataclasses.asdict(m) for m in found], ensure_ascii=False, indent=2))
            return
        if not found:
            typer.echo(f"nothing recorded about {name!r}; `summarize log` lists the recorded runs", err=True)
            raise typer.Exit(1)
        last_day = object()
        for m in found:
            if m.day != last_day:
                typer.echo(f"\n{m.day or 'undated'}")
                last_day = m.day
            where = m.source or m.article_id
            typer.echo(f"  [{m.kind} {m.item_id}] {m.label}  ({where}" + (f", {m.url}" if m.url else "") + ")")
            typer.echo(f"      “{m.quote[:200]}”" + (f"  page: {m.page}" if m.page else ""))
