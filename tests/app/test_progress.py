"""The progress display: counts, ETA and tokens on a terminal; nothing but results when not a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from typer.testing import CliRunner

from summarize.app.cli import app
from summarize.run.pipeline import Progress
from summarize.models import ArticleRef, Briefing, BriefingMeta, CleaningReport, Failure, Usage
from summarize.app.progress import ProgressDisplay

from ..conftest import RECORDINGS, SEEDS


def _briefing(article_id: str, *, cached: bool = False) -> Briefing:  # hand-made
    return Briefing(
        article=ArticleRef(id=article_id, sha256="0" * 64), summary="s",
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=2,
                          usage=Usage(prompt_tokens=900, completion_tokens=100), cached=cached,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def test_display_counts_done_failed_tokens_and_eta_on_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=200)
    with ProgressDisplay(5, console, started=0.0) as display:
        display.update(Progress(1, 5, "a", "done", briefing=_briefing("a", cached=True)))
        display.update(Progress(2, 5, "b", "done", briefing=_briefing("b")))
        display.update(Progress(3, 5, "c", "failed", failure=Failure(article_id="c", error_kind="X", message="m")))
        line = display.line().plain
    assert line.startswith("2 done, 1 failed, 5 total")
    assert "1,000 tokens" in line  # the cached briefing cost nothing this run
    assert "ETA" in line and "ETA –" not in line
    out = buffer.getvalue()
    assert "[1/5] a:" in out and "from cache" in out and "[2/5] b:" in out


def test_no_progress_lines_when_stderr_is_not_a_terminal(tmp_path) -> None:  # noqa: ANN001
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert "[1/5]" not in result.output
    assert "5/5 articles briefed (0 from cache), 0 failed" in result.output
