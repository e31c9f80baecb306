"""What the tests of the briefing's vetting rules share (cues, deciders, dedupe, empty, plausible, assemble,
english, questions, interactions): a quote of a HAND-MADE text as located evidence, and a decision the model
reported of it."""

from __future__ import annotations

from summarize.models import Decision, Evidence


def _ev(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=100.0)


def _decision(text: str, quote: str, what: str, who: str = "Donald Trump", participants: list[str] | None = None,
              status: str = "taken", date: str | None = None) -> Decision:
    return Decision(who=who, participants=participants or [who], what=what, status=status, date=date,
                    evidence=[_ev(text, quote)])
