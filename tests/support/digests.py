"""Digests for the HTML tests: the REAL one of the recorded seeds, and a HAND-MADE one (not model output).

The hand-made digest has what the seeds lack (divergences, a headline, a failure, corroborated items) and
hostile text everywhere a model or an article can put text: quotes with ``<script>``, HTML with event
handlers, ``javascript:`` and ``http`` URLs, and attribute-breaking quotes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from summarize.app.cli import app
from summarize.models import (
    ArticleRef,
    Claim,
    Digest,
    DigestActor,
    DigestDecision,
    DigestMeta,
    DigestQuestion,
    DigestWeapon,
    Divergence,
    Failure,
    Headline,
    HeadlineSentence,
    Support,
    TimelineEvent,
)

from ..conftest import RECORDINGS, SEEDS

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src="x" onerror="window.__pwned = 2">'
JS_URL = "javascript:window.__pwned=3"
HTTP_URL = "https://evil.example/track.png"
BREAK_ATTR = '"><svg onload="window.__pwned=4">'
HOSTILE = [SCRIPT, IMG, JS_URL, HTTP_URL, BREAK_ATTR]


def seeds_digest(out: Path) -> Digest:
    """Run ``summarize digest seeds/ --replay tests/recordings/seeds -o out`` and read the digest back."""
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'digest.html'}" in result.output
    return Digest.model_validate_json((out / "digest.json").read_text(encoding="utf-8"))


def _s(article_id: str, quote: str) -> Support:
    return Support(article_id=article_id, quote=quote, start=0, end=max(1, len(quote)))


def hand_made_digest() -> Digest:
    """HAND-MADE: three briefed articles and one failure; every text field carries hostile content."""
    a, b, c = "001_aaaa", "002_bbbb", "003_cccc"
    articles = [
        ArticleRef(id=a, title=f"Title with {BREAK_ATTR}", source="Example Post", published=dt.date(2025, 10, 16),
                   language="en", sha256="0" * 64),
        ArticleRef(id=b, title="Zweiter Artikel", source=None, published=dt.date(2025, 10, 17), language="de",
                   sha256="1" * 64),
        ArticleRef(id=c, title=None, published=None, sha256="2" * 64),
    ]
    decisions = [
        DigestDecision(id="D1", articles=[a, b, c], count=3,
                       support=[_s(a, f"Paused deliveries {SCRIPT}"), _s(b, "Lieferungen gestoppt"), _s(c, IMG)],
                       who="Donald Trump", what=f"paused deliveries {IMG}", statuses=["taken", "paused"],
                       dates=["4 July 2025"]),
        DigestDecision(id="D2", articles=[b], count=1, support=[_s(b, f"See {HTTP_URL} and {JS_URL}")],
                       who=f"Who {SCRIPT}", what="announced talks", statuses=["announced"], dates=[]),
    ]
    actors = [
        DigestActor(id="A1", articles=[a, b], count=2, support=[_s(a, "Trump said"), _s(b, "Trump sagte")],
                    name="Donald Trump", kind="person", names_as_written=["Trump", BREAK_ATTR],
                    roles=["President", f"role {IMG}"]),
        DigestActor(id="A2", articles=[c], count=1, support=[_s(c, "Kremlin")], name="Kremlin", kind="organisation",
                    names_as_written=["Kremlin"], roles=[]),
    ]
    weapons = [
        DigestWeapon(id="W1", articles=[a, c], count=2, support=[_s(a, "Patriot"), _s(c, "Patriots")], name="Patriot",
                     category="air defence", names_as_written=["Patriot", "Patriots"], statuses=["requested"]),
    ]
    questions = [
        DigestQuestion(id="Q1", articles=[a], count=1, support=[_s(a, f"Will it work? {JS_URL}")],
                       question=f"Will it work? {SCRIPT}"),
    ]
    timeline = [
        TimelineEvent(date="2025-07-04", precision="day", stated=[f"4 July {SCRIPT}"], who="Donald Trump",
                      what="paused deliveries", articles=[a, b], count=2,
                      support=[_s(a, "on 4 July"), _s(b, "am 4. Juli")]),
        TimelineEvent(date="2025-08", precision="month", stated=["im August"], who="Putin", what="met Trump",
                      articles=[b], count=1, support=[_s(b, "im August")]),
    ]
    divergences = [
        Divergence(id="X1", item="D1", topic="Donald Trump: paused deliveries", aspect="status",
                   claims=[Claim(article_id=a, source="Example Post", says="paused", quote=f"paused {SCRIPT}",
                                 start=0, end=5),
                           Claim(article_id=b, source=None, says=f"stopped {IMG}", quote="gestoppt", start=0, end=5),
                           Claim(article_id=c, source=BREAK_ATTR, says="resumed", quote=JS_URL, start=0, end=5)],
                   articles=[a, b, c]),
    ]
    headline = Headline(
        sentences=[HeadlineSentence(text=f"Trump paused deliveries. {SCRIPT}", items=["D1", "A1"], articles=[a, b, c]),
                   HeadlineSentence(text="Patriots were discussed.", items=["W1"], articles=[a, c])],
        model="hand-made",
    )
    return Digest(
        articles=articles,
        summaries={a: f"Summary {SCRIPT} {HTTP_URL}", b: "Zusammenfassung."},
        actors=actors, decisions=decisions, weapons=weapons, open_questions=questions, timeline=timeline,
        divergences=divergences, headline=headline,
        failures=[Failure(article_id="004_dddd", error_kind="ReplayMiss", message=f"no recording {SCRIPT}")],
        meta=DigestMeta(model=f"hand-made {SCRIPT}", lang="en", articles_total=4, articles_briefed=3),
    )
