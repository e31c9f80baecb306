"""HAND-MADE large digest for the size tests of the HTML page: ``n`` articles whose items overlap (a few actors in
many articles, many items in one), built with the real merge. Not model output."""

from __future__ import annotations

from summarize.digest.merge import merge
from summarize.models import (Actor, ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Digest, Evidence,
                              OpenQuestion, Weapon)

SURNAMES = ["Abel", "Brandt", "Castell", "Dorn", "Eckart", "Falk", "Gross", "Hahn", "Imhof", "Jung", "Kessler"]
VERBS = ["approved", "rejected", "paused", "announced"]


def _ev(text: str) -> list[Evidence]:
    return [Evidence(quote=text, start=0, end=len(text), alignment="exact", score=100)]


def large_digest(n: int) -> Digest:
    meta = BriefingMeta(prompt_version="t", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                        cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0))
    briefings = []
    for i in range(n):
        people = [f"Anna {SURNAMES[i % 11]}", f"Boris {SURNAMES[(i // 11) % 11]}{'x' * (i % 7)}", f"Person{i}"]
        briefings.append(Briefing(
            article=ArticleRef(id=f"{i:05d}_art", title=f"Article number {i} about the talks", sha256="0" * 64,
                               source=f"site{i % 40}"),
            summary=f"Summary of article {i}: the talks went on.",
            actors=[Actor(name=p, name_as_written=p, kind="person", evidence=_ev(f"{p} sagte heute")) for p in people],
            decisions=[Decision(who=people[0], what=f"{VERBS[i % 4]} budget line {i % 90}", status="announced",
                                evidence=_ev(f"{people[0]} hat die Linie {i % 90} beschlossen"))],
            weapons=[Weapon(name=f"System {i % 25}", name_as_written=f"System {i % 25}", category="x",
                            status="discussed", evidence=_ev(f"das System {i % 25}"))],
            open_questions=[OpenQuestion(question=f"Will the budget line {i % 60} pass the vote in the end?",
                                         evidence=_ev("offen bleibt"))],
            meta=meta,
        ))
    return merge(briefings)
