"""An actor's evidence from the body, not from a heading inside it (summarize.briefing.in_body), on a HAND-MADE
article (not model output)."""

from __future__ import annotations

from summarize import article_from_text
from summarize.briefing.brief import Plan
from summarize.briefing.in_body import in_body
from summarize.models import Actor, Evidence

from .test_briefing import _settings

# HAND-MADE: a title, a body, a related story's title in its middle (its "Read also" label lost), more body
TEXT = (
    "Selenskyj wirbt in Washington um Tomahawks\n"
    "Der ukrainische Präsident Wolodymyr Selenskyj ist am Freitag im Weißen Haus empfangen worden.\n"
    "Merz sanctions Russia’s oil companies and calls on Moscow to agree to a ceasefire\n"
    "Bundeskanzler Friedrich Merz hatte am Donnerstag mit Trump über die Lage gesprochen.\n"
    "Macron meets Orban in Paris\n"
    "Die Gespräche sollen in der kommenden Woche fortgesetzt werden, hieß es in Washington.\n"
)


def _plan():  # noqa: ANN202
    return Plan(article_from_text(TEXT, id="h1"), _settings())


def _at(plan, starts: str) -> Evidence:  # noqa: ANN001
    n = next(n for n in range(1, len(plan.sentences) + 1) if plan.sentences.sentence(n).startswith(starts))
    found = plan.grounder.evidence(n, n)
    assert isinstance(found, Evidence)
    return found


def _actor(name: str, written: str, *evidence: Evidence) -> Actor:
    return Actor(name=name, name_as_written=written, kind="person", evidence=list(evidence))


def test_an_actor_quoted_from_a_heading_inside_the_body_is_quoted_from_the_body() -> None:
    plan = _plan()
    title, teaser, other = _at(plan, "Selenskyj wirbt"), _at(plan, "Merz sanctions"), _at(plan, "Macron meets")
    body_zelensky, body_merz = _at(plan, "Der ukrainische"), _at(plan, "Bundeskanzler")
    zelensky = _actor("Volodymyr Zelensky", "Selenskyj", title)  # the title is the article's own
    merz = _actor("Friedrich Merz", "Merz", teaser)  # only the teaser: the body's sentence that names him
    both = _actor("Friedrich Merz", "Merz", teaser, body_merz)  # the teaser goes, the body stays
    macron = _actor("Emmanuel Macron", "Macron", other)  # no sentence of the body names him
    out, dropped = in_body([zelensky, merz, both, macron], plan.sentences, plan.grounder.evidence)
    assert [a.evidence for a in out] == [[title], [body_merz], [body_merz]]
    assert body_zelensky not in out[0].evidence
    # no sentence of the body names Macron: only another story's title does, and he is dropped with the reason
    assert [(d.kind, d.label, d.evidence) for d in dropped] == [("actor", "Emmanuel Macron", other)]
    assert "only a heading inside the page names 'Macron'" in dropped[0].reason
