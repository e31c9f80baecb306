"""The same article twice is one source: identical texts are briefed once and listed as copies; near copies
(the same wire story under another header) count once in corroboration. Distinct articles on one story (the
five seeds) stay five sources."""

from __future__ import annotations

import glob
import itertools
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.article.copies import NEAR_COPY_JACCARD, text_shingles, jaccard
from summarize.article.load import article_from_text, load_article
from summarize.app.cli import app
from summarize.run.sources import load_sources
from summarize.render.html import render_html
from summarize.digest.merge import merge
from summarize.render.markdown import render

from ..conftest import RECORDINGS, SEEDS
from ..digest.test_diverge import _briefing, _d


def _near_copy(seed: Path) -> str:
    """HAND-MADE near copy: the seed's body (its first line, the headline, dropped) under another site's
    masthead, navigation, headline, byline, teaser and share line, with another footer."""
    body = seed.read_text(encoding="utf-8").lstrip().split("\n", 1)[1]
    return ("NACHRICHTEN-PORTAL.DE\nStartseite | Politik | Ausland\n"
            "Waffen für Kiew: Washington und Kiew reden wieder\n"
            "Von Agenturredaktion | 17.10.2025, 08:14 Uhr\n"
            "Lesen Sie auch: Was die Tomahawks können\nArtikel teilen:\n"
            + body
            + "\nMehr zum Thema\n© dpa-infocom, Nachdruck nur mit Genehmigung\n"
            "Folgen Sie nachrichten-portal.de bei Facebook\n")


def _run_digest(inbox: Path, out: Path) -> dict:
    result = CliRunner().invoke(app, ["digest", str(inbox), "--replay", str(RECORDINGS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "digest.json").read_text(encoding="utf-8"))


def _requests(out: Path) -> int:
    return sum(json.loads(Path(p).read_text())["meta"]["llm_calls"] for p in glob.glob(f"{out}/briefings/*.json"))


def test_the_seeds_copied_under_three_names_are_five_sources_briefed_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        for name in ("a", "b", "c"):
            shutil.copy(seed, inbox / f"{seed.stem}_{name}.txt")
    once = _run_digest(SEEDS, tmp_path / "once")
    thrice = _run_digest(inbox, tmp_path / "thrice")

    assert len(list((tmp_path / "thrice" / "briefings").iterdir())) == 5
    assert _requests(tmp_path / "thrice") == _requests(tmp_path / "once") > 0  # one model call's worth each
    meta = thrice["meta"]
    assert (meta["articles_briefed"], meta["sources"], meta["copies"]) == (5, 5, 10)
    for article in thrice["articles"]:
        stem = article["id"].rsplit("_", 1)[0]
        assert article["id"].endswith("_a") and article["near_copy_of"] is None
        assert [Path(c).name for c in article["copies"]] == [f"{stem}_b.txt", f"{stem}_c.txt"]
    assert [d["count"] for d in thrice["decisions"]] == [d["count"] for d in once["decisions"]]
    assert [a["count"] for a in thrice["actors"]] == [a["count"] for a in once["actors"]]
    md = (tmp_path / "thrice" / "digest.md").read_text(encoding="utf-8")
    assert md.startswith("# Digest: 5 of 5 articles briefed (10 identical copies not briefed again)")
    assert "same text also in: " in md and "of 15 sources" not in md


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_a_seed_under_another_header_is_a_near_copy(seed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "zz_copy.txt"
    copy.write_text(_near_copy(seed), encoding="utf-8")
    shutil.copy(seed, tmp_path / seed.name)
    original, near = load_sources([tmp_path]).articles
    assert original.id == seed.stem and near.id == "zz_copy"
    assert near.near_copy_of == seed.stem and original.near_copy_of is None and near.sha256 != original.sha256
    assert jaccard(text_shingles(original), text_shingles(near)) >= 0.85 > NEAR_COPY_JACCARD


def test_five_articles_on_one_story_stay_five_sources() -> None:
    articles = load_sources([SEEDS]).articles
    assert len(articles) == 5
    assert all(a.near_copy_of is None and a.copies == [] for a in articles)
    sets = [text_shingles(a) for a in articles]
    assert max(jaccard(a, b) for a, b in itertools.combinations(sets, 2)) < 0.01  # far below the threshold


def test_short_texts_are_never_near_copies() -> None:
    """HAND-MADE one-liners that share most words."""
    a = article_from_text("Trump telefoniert mit Putin über die Ukraine.", id="a")
    b = article_from_text("Trump telefoniert mit Putin über die Ukraine!", id="b")
    assert [x.near_copy_of for x in load_sources([a, b]).articles] == [None, None]


def test_near_copies_count_once_in_corroboration_and_do_not_disagree_with_each_other() -> None:
    """HAND-MADE briefings: 001_wire and 002_repost are near copies (as load_sources marks them); 003 is
    another source. The event all three report is 2 of 2 sources, not 3 of 3; the copies' differing status
    is not a divergence between sources, but 003's is."""
    wire = _briefing("001_wire", decisions=[_d("Trump", "paused weapons deliveries to Ukraine", "Trump stoppte die Lieferungen.", "taken")])
    repost = _briefing("002_repost", decisions=[_d("Donald Trump", "paused the weapons deliveries to Ukraine", "Trump stoppt die Lieferungen.", "paused")])
    repost.article.near_copy_of = "001_wire"
    other = _briefing("003_other", decisions=[_d("Trump", "paused weapons deliveries to Ukraine", "Trump erwägt einen Stopp.", "considered")])

    pair = merge([wire, repost])
    assert (pair.decisions[0].count, pair.decisions[0].articles, pair.meta.sources) == (1, ["001_wire", "002_repost"], 1)
    assert pair.divergences == []
    assert "sources** ·" not in render(pair)  # a single source is not corroboration

    digest = merge([wire, repost, other])
    [d] = digest.decisions
    assert (d.count, d.articles, digest.meta.sources, digest.meta.articles_briefed) == (2, ["001_wire", "002_repost", "003_other"], 2, 3)
    [x] = digest.divergences
    assert sorted(c.article_id for c in x.claims) == ["001_wire", "003_other"]
    md = render(digest)
    assert "**2 of 2 sources**" in md and "near copy of \\[001\\], counted as one source" in md
    assert "3 of 3 articles briefed (2 distinct sources)" in md
    html = render_html(digest)
    assert 'data-count="2">2 of 2 sources' in html and 'class="near-copy" data-of="001_wire"' in html


def test_a_near_copy_on_disk_is_marked_and_both_are_listed(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[2]
    shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "wire_copy.txt").write_text(_near_copy(seed), encoding="utf-8")
    shutil.copy(seed, tmp_path / "same.txt")  # an identical copy too
    found = load_sources([tmp_path])
    by_id = {a.id: a for a in found.articles}
    assert set(by_id) == {seed.stem, "wire_copy"}
    assert [Path(c).name for c in by_id[seed.stem].copies] == ["same.txt"]
    assert by_id["wire_copy"].near_copy_of == seed.stem
    assert load_article(tmp_path / "same.txt").sha256 == by_id[seed.stem].sha256


def test_articles_handed_over_as_objects_are_briefed_as_given_but_count_once() -> None:
    """A library caller's own ids are kept (one briefing each), yet the same text is one source."""
    text = (SEEDS / "000_6468509f89715e04.txt").read_text(encoding="utf-8")
    found = load_sources([article_from_text(text, id="x1"), article_from_text(text, id="x2")]).articles
    assert [(a.id, a.copies, a.near_copy_of) for a in found] == [("x1", [], None), ("x2", [], "x1")]
