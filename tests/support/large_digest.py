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


SITES = ["Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "The New York Times", "tagesschau.de",
         "Neue Zürcher Zeitung", "The Guardian", "Der Standard", "Kyiv Independent", "Le Monde", "RENEWZ.de",
         "Deutsche Welle", "BBC News", "Reuters", "Associated Press", "Die Zeit", "Spiegel Online",
         "Washington Post", "Politico Europe", "Financial Times", "Ukrainska Pravda"]


def realistic_digest(n: int) -> Digest:
    """HAND-MADE digest of ``n`` articles with realistic long file stems, site names and dates, and long item
    names (some reported by several sources, most by one). Not model output."""
    import datetime as dt

    meta = BriefingMeta(prompt_version="t", model="m", mode="json_schema", lang="de", chunks=1, llm_calls=1,
                        cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0))
    people = ["Wolodymyr Selenskyj", "Donald Trump", "Wladimir Putin", "Friedrich Merz", "Ursula von der Leyen",
              "Mark Rutte", "Emmanuel Macron", "Keir Starmer"]
    briefings = []
    for i in range(n):
        site = SITES[i % len(SITES)]
        slug = site.lower().replace(" ", "-").replace(".", "-")
        who = people[i % len(people)]
        briefings.append(Briefing(
            article=ArticleRef(id=f"2025-10-{17 - i % 3:02d}_{slug}_trump-putin-telefonat-selenskyj-besuch-washington",
                               title=f"{who} vor dem Besuch in Washington: Gespräche über Tomahawk-Marschflugkörper",
                               sha256=f"{i:064d}", source=site, published=dt.date(2025, 10, 17 - i % 3),
                               url=f"https://www.{slug}.example/politik/ausland/artikel-{i}.html"),
            summary=f"{who} und die Gespräche über Waffenlieferungen an die Ukraine.",
            actors=[Actor(name=p, name_as_written=p, kind="person", evidence=_ev(f"{p} sagte am Donnerstag"))
                    for p in {who, "Donald Trump"}],
            decisions=[Decision(who=who, what=f"kündigte ein Treffen mit den europäischen Partnern in Budapest an ({i % 4})",
                                status="announced", evidence=_ev(f"{who} kündigte ein Treffen an"))],
            weapons=[Weapon(name="Tomahawk-Marschflugkörper" if i % 2 else "Patriot-Luftabwehrsystem",
                            name_as_written="Tomahawk", category="missile", status="discussed",
                            evidence=_ev("Tomahawk-Marschflugkörper"))],
            open_questions=[OpenQuestion(question=f"Wird der Gipfel in Budapest wie angekündigt stattfinden ({i % 3})?",
                                         evidence=_ev("offen bleibt"))],
            meta=meta,
        ))
    return merge(briefings)
