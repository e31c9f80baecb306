"""Merging briefings into a digest and rendering it, on HAND-MADE briefings (not model output)."""

from __future__ import annotations

import pytest

from summarize.digest.merge import merge
from summarize.render.markdown import esc, render
from summarize.models import (
    Actor, ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence, Failure, OpenQuestion, Weapon,
)


def _ev(quote: str, start: int = 0) -> list[Evidence]:
    return [Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=100)]


def _briefing(article_id: str, *, actors=(), weapons=(), decisions=(), questions=()) -> Briefing:  # noqa: ANN001
    return Briefing(
        article=ArticleRef(id=article_id, title=f"Title {article_id}", sha256="0" * 64),
        summary=f"Summary of {article_id}.",
        actors=list(actors), weapons=list(weapons), decisions=list(decisions), open_questions=list(questions),
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=2,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def _actor(name: str, written: str, kind: str = "person", role: str | None = None) -> Actor:
    return Actor(name=name, name_as_written=written, kind=kind, role=role, evidence=_ev(f"... {written} sagte ..."))


def test_same_person_across_articles_is_one_entry_with_all_sources() -> None:
    digest = merge([
        _briefing("001_a", actors=[_actor("Donald Trump", "US-Präsident Donald Trump", role="US President")]),
        _briefing("002_b", actors=[_actor("Trump", "Trump"), _actor("Russia", "Russland", kind="state")]),
        _briefing("003_c", actors=[_actor("Volodymyr Zelensky", "Selenskyj")]),
    ])
    trump = digest.actors[0]
    assert trump.articles == ["001_a", "002_b"] and trump.count == 2
    assert trump.names_as_written == ["US-Präsident Donald Trump", "Trump"]
    assert trump.roles == ["US President"]
    assert {s.article_id for s in trump.support} == {"001_a", "002_b"}
    assert [a.name for a in digest.actors[1:]] == ["Russia", "Volodymyr Zelensky"]  # first-seen order after count


def test_a_person_and_the_state_are_not_merged() -> None:
    digest = merge([_briefing("1", actors=[_actor("Russia", "Russland", kind="state"), _actor("Vladimir Putin", "Putin")])])
    assert len(digest.actors) == 2


def test_weapons_merge_on_canonical_name_and_keep_spellings() -> None:
    w1 = Weapon(name="Patriot", name_as_written="Patriot-Raketen", category="air defence", status="paused", evidence=_ev("Patriot-Raketen x"))
    w2 = Weapon(name="patriot", name_as_written="Patriots", category="air defence", status="requested", evidence=_ev("Patriots y"))
    digest = merge([_briefing("1", weapons=[w1]), _briefing("2", weapons=[w2])])
    assert len(digest.weapons) == 1
    assert digest.weapons[0].count == 2
    assert digest.weapons[0].statuses == ["paused", "requested"]
    assert digest.weapons[0].names_as_written == ["Patriot-Raketen", "Patriots"]


def test_failures_are_carried_and_counted() -> None:
    failure = Failure(article_id="009_x", error_kind="ReplayMiss", message="no recording")
    digest = merge([_briefing("1")], [failure])
    assert digest.failures == [failure]
    assert digest.meta.articles_total == 2 and digest.meta.articles_briefed == 1
    assert "## Failures" in render(digest) and "ReplayMiss" in render(digest)


def test_markdown_escapes_links_images_html_and_pipes() -> None:
    hostile = "![x](http://evil.example/p.png) <script>alert(1)</script> a|b [link](http://x)"
    q = OpenQuestion(question=hostile, evidence=_ev("Ob eine Freigabe erfolgt, ist unklar."))
    d = Decision(who="A|B", what="[click](http://evil.example)", status="taken", evidence=_ev("x" * 20))
    md = render(merge([_briefing("001_a", questions=[q], decisions=[d])]))
    assert "![x](" not in md and "<script>" not in md and "](http" not in md
    assert "A\\|B" in md
    assert esc("a_b*c") == "a\\_b\\*c"


def test_markdown_tags_sources_and_lists_them() -> None:
    md = render(merge([_briefing("003_abc", actors=[_actor("Donald Trump", "Trump")]), _briefing("004_def")]))
    assert "\\[003\\]" in md and "\\[004\\]" in md
    assert "## Sources" in md and "Title 003\\_abc" in md


def test_named_system_spellings_meet_generic_names_stay_apart() -> None:
    def w(name: str) -> Weapon:
        return Weapon(name=name, name_as_written=name, category="x", status="discussed", evidence=_ev(name + " " * 12))

    digest = merge([_briefing("1", weapons=[w("Patriot-Systeme"), w("Tomahawk-Marschflugkörpern")]),
                    _briefing("2", weapons=[w("Patriots"), w("Tomahawk"), w("air defence missiles")])])
    assert [(x.name, x.count) for x in digest.weapons] == [
        ("Patriot", 2), ("Tomahawk", 2), ("air defence", 1)]  # canonical names (summarize/data/aliases.json)


def _decision(who: str, what: str) -> Decision:
    return Decision(who=who, what=what, status="paused", evidence=_ev(f"... {who} ... {what} ..."))


def test_same_event_from_several_sources_is_one_corroborated_decision() -> None:
    digest = merge([
        _briefing("001_a", decisions=[_decision("Selenskyj", "paused weapons deliveries to Ukraine")]),
        _briefing("002_b", decisions=[_decision("Volodymyr Zelensky", "stopped the weapons deliveries to Ukraine"),
                                      _decision("Volodymyr Zelensky", "met the NATO secretary general in Brussels")]),
        _briefing("003_c", decisions=[_decision("Donald Trump", "paused weapons deliveries to Ukraine")]),
    ])
    first = digest.decisions[0]
    assert first.count == 2 and first.articles == ["001_a", "002_b"]  # transliteration + rewording meet
    assert len(first.support) == 2
    others = [(d.who, d.count) for d in digest.decisions[1:]]
    assert ("Volodymyr Zelensky", 1) in others and ("Donald Trump", 1) in others  # other event; other actor
    md = render(digest)
    assert "2 of 3 sources" in md


def test_every_surface_form_and_role_is_kept_per_source() -> None:
    digest = merge([
        _briefing("001_a", actors=[_actor("Volodymyr Zelensky", "Wolodymyr Selenskyj", role="Präsident der Ukraine")]),
        _briefing("002_b", actors=[_actor("Zelenskyy", "Selenskyj"), _actor("Volodymyr Zelensky", "Selenskyj", role="president"),
                                   _actor("Zelensky", "Selenskyj")]),  # a form the article already gave: once
    ])
    [zelensky] = digest.actors
    assert zelensky.by_source == {
        "001_a": ("Wolodymyr Selenskyj (Präsident der Ukraine)",),
        "002_b": ("Selenskyj", "Selenskyj (president)"),
    }
    w1 = Weapon(name="Patriot", name_as_written="Patriot-Raketen", category="air defence", status="paused", evidence=_ev("Patriot-Raketen x"))
    w2 = Weapon(name="Patriot", name_as_written="PAC-3", category="air defence", status="delivered", evidence=_ev("PAC-3 y"))
    [patriot] = merge([_briefing("1", weapons=[w1]), _briefing("2", weapons=[w2])]).weapons
    assert patriot.by_source == {"1": ("Patriot-Raketen (paused)",), "2": ("PAC-3 (delivered)",)}


def test_merge_leaves_the_garbage_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A library does not change its host's process: merge neither pauses nor restarts the cyclic collector
    (it used to pause it for the whole merge)."""
    import gc

    calls: list[str] = []
    for name in ("disable", "enable", "freeze", "set_threshold"):
        monkeypatch.setattr(gc, name, lambda *a, _n=name: calls.append(_n))
    merge([_briefing("1", actors=[_actor("Donald Trump", "Trump")]), _briefing("2")])
    assert calls == []


def test_the_header_date_says_which_articles_it_comes_from() -> None:
    import datetime as dt

    from summarize.render.html import render_html

    dated = _briefing("001")
    dated.article.published = dt.date(2025, 10, 17)
    digest = merge([dated, _briefing("002"), _briefing("003")])
    header = "3 of 3 articles briefed · 2025-10-17 (publication date of 1 of 3 articles, 2 undated)"
    assert render(digest).startswith(f"# Digest: {header}\n")
    assert f"<h1>Digest: {header}</h1>" in render_html(digest)
    assert render(merge([dated])).startswith("# Digest: 1 of 1 articles briefed · 2025-10-17\n")  # all dated: no note
