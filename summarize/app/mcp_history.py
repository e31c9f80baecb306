"""The MCP server's read-only history tools, over :class:`~summarize.run.history.History`.

* ``history(name, since)``: where an actor, weapon or words of an event appeared across days (as
  ``summarize history NAME``): each mention's day, kind, label, source, URL, quote and day page, oldest first,
  the same item seen again on the same day by a rerun given once;
* ``log(limit)``: the latest runs (as ``summarize log``).

The database is the one ``summarize digest`` and ``summarize daily`` write (``SUMMARIZE_HISTORY``, default
``~/.local/share/summarize/history.sqlite``); these tools never write to it, nor create it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import BaseModel, ConfigDict, Field

from ..run.history import History

MAX_MENTIONS = 200
"""The most mentions one ``history`` call returns."""


class HistoryMention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    day: str | None = Field(description="The day of the run's digest (YYYY-MM-DD), or null for an undated run.")
    kind: str = Field(description="actor, weapon, decision or question.")
    label: str = Field(description="The item as that day's digest names it.")
    source: str | None = Field(description="The source (site) of the article that said it, when known.")
    url: str | None = Field(description="The article's URL, when known.")
    quote: str = Field(description="The article's own words (a verbatim quote).")
    page: str | None = Field(default=None, description="The page that day's run wrote, when it wrote one.")


class HistoryResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="What was asked for.")
    mentions: list[HistoryMention] = Field(description="Where it appeared, oldest day first.")
    truncated: bool = Field(description="True when there were more mentions than `limit`: ask with a later `since`.")
    note: str | None = Field(default=None, description="Why nothing was found, and what to try.")


class RunEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    started: str = Field(description="When the run started (local time, ISO 8601).")
    command: str = Field(description="digest or daily.")
    model: str | None
    day: str | None = Field(description="The day of a daily run.")
    articles: int
    briefed: int
    failed: int
    spent_tokens: int
    reused_tokens: int = Field(description="Tokens a cached briefing saved.")
    cost: float | None = Field(description="Estimated cost, when the model's price is known.")
    page: str | None
    stopped: str | None = Field(description="Why the run stopped early, if it did.")
    requests: int | None = Field(default=None, description="Model requests the run made (re-asks included).")


class LogResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    runs: list[RunEntry] = Field(description="The latest runs, newest first.")
    note: str | None = Field(default=None, description="Why the list is empty, and what records runs.")


def _since(since: str | None) -> str | None:
    if since is None or not since.strip():
        return None
    try:
        return dt.date.fromisoformat(since.strip()).isoformat()
    except ValueError:
        raise ToolError(f"UsageError: since={since!r}: give a day as YYYY-MM-DD, e.g. 2025-10-17") from None


def add_history_tools(server: MCPServer, path: Path) -> None:
    """Add ``history`` and ``log`` over the history database at ``path``."""
    read_only = ToolAnnotations(read_only_hint=True, open_world_hint=False)
    nothing_yet = ("`summarize digest` and `summarize daily` record each run in the history database this server "
                   "reads; none recorded yet.")

    @server.tool(annotations=read_only)
    def history(
        name: Annotated[str, Field(min_length=1, description="An actor, weapon or words of an event, e.g. "
                                                             "Selenskyj, Tomahawk or Budapest; case and accents "
                                                             "do not matter.")],
        since: Annotated[str | None, Field(description="Only from this day on (YYYY-MM-DD).")] = None,
        limit: Annotated[int, Field(ge=1, le=MAX_MENTIONS, description="Most mentions to return.")] = 50,
    ) -> HistoryResult:
        """Where an actor, weapon or event appeared in past digests: on which day, in which source, as which
        item, with the source's own words (a quote) and that day's page. Read-only, from the history of
        `summarize digest` / `summarize daily` runs."""
        db = History(path)
        rows = MAX_MENTIONS * 4  # room for reruns' repeats, dropped below
        found = db.mentions(name, since=_since(since), limit=rows)
        mentions: list[HistoryMention] = []
        seen: set[tuple[object, ...]] = set()
        for m in found:
            key = (m.day, m.kind, m.label, m.source or m.article_id, m.quote)
            if key in seen:
                continue  # the same item on the same day again (a rerun): given once
            seen.add(key)
            mentions.append(HistoryMention(day=m.day, kind=m.kind, label=m.label, source=m.source or m.article_id,
                                           url=m.url, quote=m.quote, page=m.page))
        note = None
        if not mentions:
            note = (f"nothing recorded about {name!r}" + (f" since {since}" if since else "")
                    + "; try another spelling or fewer words, or list the recorded runs with the log tool."
                    if db.runs(1) else nothing_yet)
        return HistoryResult(name=name, mentions=mentions[:limit], truncated=len(mentions) > limit or len(found) == rows,
                             note=note)

    @server.tool(annotations=read_only)
    def log(
        limit: Annotated[int, Field(ge=1, le=200, description="How many runs, newest first.")] = 20,
    ) -> LogResult:
        """The latest `summarize digest` / `summarize daily` runs: when, which command and model, articles
        briefed and failed, tokens spent and reused, cost, the page written. Read-only."""
        runs = [RunEntry(**vars(r)) for r in History(path).runs(limit)]
        return LogResult(runs=runs, note=None if runs else nothing_yet)
