"""The HTML digest, parsed with lxml (no browser): sections and counts, the coverage matrix, source tags,
self-containment and escaping. On the REAL digest of the recorded seeds and on a HAND-MADE digest
(tests/digests.py) with divergences, a headline, a failure and hostile text in every field."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from summarize import render_html
from summarize.app.cli import app
from summarize.render.html import CSP
from summarize.render.labels import source_labels
from summarize.models import Digest

from ..support.digests import HOSTILE, SCRIPT, hand_made_digest, seeds_digest

ORDER = ["headline", "developments", "divergences", "timeline", "actors", "weapons", "questions", "matrix",
         "sources", "failures"]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Digest, str]:
    out = tmp_path_factory.mktemp("html")
    digest = seeds_digest(out)
    return digest, (out / "digest.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hand_made() -> tuple[Digest, str]:
    digest = hand_made_digest()
    return digest, render_html(digest)


def _doc(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def _items(digest: Digest) -> list:
    return [*digest.decisions, *digest.actors, *digest.weapons, *digest.open_questions]


def _expected_counts(digest: Digest) -> dict[str, int]:
    counts = {
        "developments": len(digest.decisions), "divergences": len(digest.divergences),
        "timeline": len(digest.timeline), "actors": len(digest.actors), "weapons": len(digest.weapons),
        "questions": len(digest.open_questions), "matrix": len(_items(digest)), "sources": len(digest.articles),
    }
    if digest.headline is not None:
        counts["headline"] = len(digest.headline.sentences)
    if digest.failures:
        counts["failures"] = len(digest.failures)
    return counts


def _check_sections(digest: Digest, page: str) -> None:
    doc = _doc(page)
    sections = doc.xpath("//main/section")
    expected = _expected_counts(digest)
    assert [s.get("id") for s in sections] == [sid for sid in ORDER if sid in expected]
    for section in sections:
        sid = section.get("id")
        badge = section.xpath("./h2/span[@class='n']")[0]
        assert int(badge.get("data-count")) == int(badge.text_content()) == expected[sid], sid
        assert int(section.get("data-count")) == expected[sid], sid
    for sid in expected:
        if sid != "matrix":
            assert len(doc.xpath(f"//section[@id='{sid}']//*[contains(concat(' ', @class, ' '), ' item ')]")) \
                == expected[sid], sid


def _check_matrix(digest: Digest, page: str) -> None:
    doc = _doc(page)
    table = doc.xpath("//section[@id='matrix']//table[@class='matrix']")[0]
    items = _items(digest)
    columns = table.xpath("./thead//th[@data-article]")
    assert [c.get("data-article") for c in columns] == [a.id for a in digest.articles]
    rows = table.xpath("./tbody/tr[@data-item]")
    assert [r.get("data-item") for r in rows] == [i.id for i in items]  # D*, A*, W*, Q* in digest order
    assert [r.getparent().get("data-kind") for r in rows] == (
        ["decision"] * len(digest.decisions) + ["actor"] * len(digest.actors) + ["weapon"] * len(digest.weapons)
        + ["open_question"] * len(digest.open_questions))
    cells = table.xpath("./tbody/tr/td[contains(concat(' ', @class, ' '), ' hit ')]")
    assert len(cells) == sum(i.count for i in items) == int(table.get("data-cells"))
    by_id = {i.id: i for i in items}
    for row in rows:
        item = by_id[row.get("data-item")]
        hits = row.xpath("./td[contains(concat(' ', @class, ' '), ' hit ')]/@data-article")
        assert sorted(hits) == sorted(item.articles) and int(row.get("data-count")) == item.count
        assert len(row.xpath("./td[@data-article]")) == len(digest.articles)
        single = "single" in row.get("class").split()
        assert single == (item.count == 1)
        assert ("single source" in row.text_content()) == single
    singles = sum(i.count == 1 for i in items)
    assert len(table.xpath("./tbody/tr[contains(concat(' ', @class, ' '), ' single ')]")) == singles
    assert int(table.get("data-single")) == singles
    assert f"{singles} of {len(items)} items rest on a single source" in doc.xpath("//section[@id='matrix']")[0].text_content()
    # per-source totals in the footer
    for td in table.xpath("./tfoot/tr[1]/td[@data-article]"):
        assert int(td.get("data-count")) == sum(td.get("data-article") in i.articles for i in items)


def _check_self_contained(page: str) -> None:
    doc = _doc(page)
    assert not doc.xpath("//link | //img | //iframe | //object | //embed | //base | //video | //audio | //source"
                         " | //form | //svg | //meta[@http-equiv='refresh']")
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].get("src") is None  # the print helper only
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)  # no event handlers at all
            assert name.lower() not in ("src", "srcset", "action", "formaction", "poster", "data", "background"), name
            if name.lower() == "href":
                assert value.startswith("#"), value  # in-page anchors only
            if name.lower() == "style":
                raise AssertionError(f"inline style attribute on <{el.tag}>")
    css = "".join(s.text_content() for s in doc.xpath("//style"))
    assert "@import" not in css and "url(" not in css and "http" not in css
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
    assert "default-src 'none'" in CSP and "unsafe-inline" not in CSP.split("script-src", 1)[1]
    for href in doc.xpath("//a/@href"):  # every in-page link has a target
        assert doc.xpath(f"//*[@id='{href[1:]}']"), href


def _check_tags(digest: Digest, page: str) -> None:
    doc = _doc(page)
    titles = {a.id: a.title or a.id for a in digest.articles}
    tags = doc.xpath("//a[@class='tag']")
    assert tags
    for tag in tags:
        href = tag.get("href")
        assert href.startswith("#src-")
        target = doc.xpath(f"//*[@id='{href[1:]}']")[0]
        article_id = target.get("data-article")
        assert tag.text_content() == source_labels(digest)[article_id]  # short: site and date, else the id's prefix
        if article_id in titles:
            assert tag.get("title").startswith(titles[article_id])


# ----------------------------------------------------------------------------- the seeds (REAL)


def test_seeds_sections_in_order_with_counts(seeds: tuple[Digest, str]) -> None:
    digest, page = seeds
    assert digest.headline is None and not digest.failures and digest.decisions and digest.actors
    _check_sections(digest, page)


def test_seeds_matrix_counts(seeds: tuple[Digest, str]) -> None:
    _check_matrix(*seeds)


def test_seeds_page_is_self_contained(seeds: tuple[Digest, str]) -> None:
    _check_self_contained(seeds[1])
    assert "http://" not in seeds[1] and "https://" not in seeds[1]


def test_seeds_source_tags_are_short_and_link_to_the_source(seeds: tuple[Digest, str]) -> None:
    _check_tags(*seeds)


def test_seeds_developments_in_digest_order_with_corroboration_and_quotes(seeds: tuple[Digest, str]) -> None:
    digest, page = seeds
    doc = _doc(page)
    lis = doc.xpath("//section[@id='developments']//li[@data-item]")
    assert [li.get("data-item") for li in lis] == [d.id for d in digest.decisions]
    total = digest.meta.articles_briefed
    for li, d in zip(lis, digest.decisions):
        badges = li.xpath(".//span[contains(@class, 'badge')][@data-count]")
        if d.count == 1:  # no "1 of 5 sources" on every card: the header says it once
            assert badges == []
        else:
            assert badges[0].text_content() == f"{d.count} of {total} sources"
        assert ", ".join(d.statuses) in li.text_content()
        quotes = [q.text_content() for q in li.xpath(".//details[@class='quotes']//blockquote")]
        assert quotes == [s.quote for s in d.support]


def test_seeds_page_equals_render_html_of_the_written_digest(seeds: tuple[Digest, str]) -> None:
    digest, page = seeds
    assert render_html(digest) == page  # the CLI writes exactly what the pure function returns


# ----------------------------------------------------------------------------- HAND-MADE digest


def test_hand_made_sections_with_headline_divergences_and_failures(hand_made: tuple[Digest, str]) -> None:
    _check_sections(*hand_made)


def test_hand_made_matrix_counts(hand_made: tuple[Digest, str]) -> None:
    digest, page = hand_made
    _check_matrix(digest, page)
    doc = _doc(page)
    assert len(doc.xpath("//table[@class='matrix']/tbody/tr[contains(@class, 'single')]")) == 3  # D2, A2, Q1


def test_hand_made_divergence_claims_side_by_side(hand_made: tuple[Digest, str]) -> None:
    digest, page = hand_made
    doc = _doc(page)
    (x,) = digest.divergences
    (li,) = doc.xpath("//section[@id='divergences']//li[@data-item]")
    assert li.get("data-item") == x.item == "D1"
    claims = li.xpath(".//div[@class='claims']/div[@class='claim']")
    assert [c.get("data-article") for c in claims] == [c.article_id for c in x.claims]
    for el, claim in zip(claims, x.claims):
        assert el.xpath(".//span[@class='says']")[0].text_content() == claim.says
        assert el.xpath(".//blockquote")[0].text_content() == claim.quote


def test_hand_made_headline_sentences_carry_items_and_source_tags(hand_made: tuple[Digest, str]) -> None:
    digest, page = hand_made
    doc = _doc(page)
    lis = doc.xpath("//section[@id='headline']//li")
    assert len(lis) == len(digest.headline.sentences)
    for li, s in zip(lis, digest.headline.sentences):
        assert s.text in li.text_content()
        assert li.xpath(".//a[@class='tag']/@data-article") == s.articles
        assert li.xpath(".//a[@class='iid']/@href") == [f"#item-{i}" for i in s.items]


def test_hand_made_hostile_text_renders_as_text(hand_made: tuple[Digest, str]) -> None:
    digest, page = hand_made
    _check_self_contained(page)
    _check_tags(digest, page)
    text = _doc(page).text_content()
    for hostile in HOSTILE:
        assert hostile in text  # shown literally, as the article wrote it
    assert SCRIPT not in page and "<img" not in page and 'onerror="' not in page and "<svg" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert not re.search(r"""(?i)href\s*=\s*["']?\s*javascript:""", page)


def test_title_and_previous_link(hand_made: tuple[Digest, str]) -> None:
    digest, _ = hand_made
    page = render_html(digest, title=f"Morning {SCRIPT}", previous="../2025-10-16/digest.html")
    doc = _doc(page)
    assert doc.xpath("//h1")[0].text_content() == f"Morning {SCRIPT}"
    assert doc.xpath("//title")[0].text_content() == f"Morning {SCRIPT}"
    assert doc.xpath("//a[@rel='prev']/@href") == ["../2025-10-16/digest.html"]
    assert "rel=\"prev\"" not in render_html(digest)
    for bad in ("javascript:alert(1)", "https://evil.example/", "//evil.example/x", "/etc/passwd", " JavaScript:x", ""):
        with pytest.raises(ValueError, match="relative"):
            render_html(digest, previous=bad)
        for link in ("next", "index"):  # the daily pages' other links are held to the same rule
            with pytest.raises(ValueError, match=f"{link} must be a relative link"):
                render_html(digest, **{link: bad})
    linked = _doc(render_html(digest, previous="a.html", next="c.html", index="index.html"))
    assert [(a.get("rel"), a.get("href")) for a in linked.xpath("//header//a")] == [
        ("prev", "a.html"), ("index", "index.html"), ("next", "c.html")]


def test_render_html_is_pure_and_deterministic(hand_made: tuple[Digest, str]) -> None:
    digest, page = hand_made
    before = digest.model_dump_json()
    assert render_html(digest) == page
    assert digest.model_dump_json() == before


def test_empty_digest_renders_every_section_with_zero() -> None:
    digest = Digest.model_validate({"articles": [], "meta": {"lang": "en", "articles_total": 0, "articles_briefed": 0}})
    page = render_html(digest)
    _check_sections(digest, page)
    _check_self_contained(page)


def test_hostile_recordings_give_an_inert_page(tmp_path: Path) -> None:
    """REAL model answers on the HAND-MADE hostile articles (tests/hostile/): the page stays self-contained."""
    here = Path(__file__).resolve().parents[1]
    result = CliRunner().invoke(app, ["digest", str(here / "hostile"), "--replay", str(here / "recordings" / "hostile"),
                                      "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "digest.html").read_text(encoding="utf-8")
    _check_self_contained(page)
    digest = Digest.model_validate_json((tmp_path / "digest.json").read_text(encoding="utf-8"))
    _check_sections(digest, page)
    _check_matrix(digest, page)


# ----------------------------------------------------------------------------- size (HAND-MADE, tests/large_digest.py)


@pytest.fixture(scope="module")
def large() -> tuple[Digest, str]:
    from ..support.large_digest import large_digest

    digest = large_digest(600)
    return digest, render_html(digest)


def test_large_page_stays_small_with_a_bounded_matrix(large: tuple[Digest, str]) -> None:
    digest, page = large
    assert len(page.encode("utf-8")) < 1_500_000  # the items x articles matrix alone made ~10 MB
    doc = _doc(page)
    table = doc.xpath("//section[@id='matrix']//table[@class='matrix']")[0]
    columns = table.xpath("./thead//th[@data-article]")
    assert len(columns) == int(table.get("data-columns")) == 30
    assert int(table.get("data-total-columns")) == len(digest.articles) == 600
    assert int(table.xpath("./thead//th[@class='others']")[0].get("data-count")) == 570
    rows = table.xpath("./tbody/tr[@data-item]")
    assert 0 < len(rows) <= 4 * 25 and int(table.get("data-total-rows")) == len(_items(digest))
    shown = [c.get("data-article") for c in columns]
    by_id = {i.id: i for i in _items(digest)}
    for row in rows:  # every row still adds up: hits in the shown columns + the others column = all sources
        item = by_id[row.get("data-item")]
        hits = row.xpath("./td[contains(concat(' ', @class, ' '), ' hit ')]/@data-article")
        assert sorted(hits) == sorted(a for a in item.articles if a in shown)
        assert len(hits) + int(row.xpath("./td[contains(@class, 'others')]")[0].get("data-count")) == len(item.articles)
    _check_self_contained(page)  # every in-page link still has a target
    assert len(doc.xpath("//section[@id='sources']//li[@data-article]")) == 300
    assert doc.xpath("//section[@id='sources']/p[@data-count='600']")


def test_limits_cut_each_list_and_say_how_many_more(seeds: tuple[Digest, str]) -> None:
    from summarize.render.html import PageLimits

    digest, _ = seeds
    doc = _doc(render_html(digest, limits=PageLimits(items=3, tags=2, quotes=1, sources=2, columns=2, rows_per_kind=2)))
    developments = doc.xpath("//section[@id='developments']")[0]
    assert int(developments.get("data-count")) == len(digest.decisions)
    assert len(developments.xpath(".//li[@data-item]")) == 3
    assert developments.xpath("./ol/following-sibling::p[@data-shown='3']")[0].get("data-count") == str(len(digest.decisions))
    for tags in doc.xpath("//span[@class='tags']"):
        assert len(tags.xpath("./a[@class='tag']")) <= 2
    assert all(len(q.xpath(".//blockquote")) <= 1 for q in doc.xpath("//details[@class='quotes']"))
    assert len(doc.xpath("//section[@id='sources']//li[@data-article]")) == 2
    assert len(doc.xpath("//table[@class='matrix']/thead//th[@data-article]")) == 2


def test_a_divergence_with_many_claims_shows_every_side_first(hand_made: tuple[Digest, str]) -> None:
    from summarize.render.html import PageLimits

    digest, _ = hand_made
    x = next(x for x in digest.divergences if len({c.says for c in x.claims}) >= 2)
    many = digest.model_copy(deep=True)
    target = next(d for d in many.divergences if d.id == x.id)
    target.claims = [target.claims[0].model_copy() for _ in range(30)] + target.claims[1:]  # 30 of one side first
    doc = _doc(render_html(many, limits=PageLimits(claims=4)))
    block = doc.xpath(f"//section[@id='divergences']//li[@id='div-{x.id}']")[0]
    says = [s.text_content() for s in block.xpath(".//span[@class='says']")]
    assert len(says) == 4 and set(says) == {c.says for c in target.claims}  # both sides, within the limit
    assert block.xpath(".//p[@data-more]")[0].get("data-more") == str(len(target.claims) - 4)


# ----------------------------------------------------------------------------- source labels and corroboration


def test_seeds_source_tags_are_site_and_date_not_file_stems(seeds: tuple[Digest, str]) -> None:
    digest, page = seeds
    doc = _doc(page)
    shown = {t.get("data-article"): t.text_content() for t in doc.xpath("//section[@id='sources']//a[@class='tag']")}
    # 000 and 002 name no site and no date: they keep the id's prefix; the others show their site (and date)
    assert shown == {"000_6468509f89715e04": "000", "001_c209104685891761": "news.de",
                     "002_7357c77dc1409342": "002", "003_217b1643d8ffb68b": "VOL.AT",
                     "004_bc73e97958a12d26": "RENEWZ.de 10-17"}


def test_source_labels_are_short_unique_and_fall_back_to_the_url_host_and_the_id() -> None:
    """HAND-MADE articles: two from one site on one day, one known by its URL only, one by nothing."""
    import datetime as dt

    from summarize.models import ArticleRef

    digest = hand_made_digest()
    day = dt.date(2025, 10, 17)
    digest.articles = [
        ArticleRef(id="a_1", source="Frankfurter Allgemeine Zeitung Online Ausgabe", published=day, sha256="0" * 64),
        ArticleRef(id="b_2", source="Frankfurter Allgemeine Zeitung Online Ausgabe", published=day, sha256="1" * 64),
        ArticleRef(id="c_3", url="https://www.tagesschau.de/ausland/x-100.html", sha256="2" * 64),
        ArticleRef(id="d_4", sha256="3" * 64),
    ]
    digest.failures = []
    labels = source_labels(digest)
    assert labels == {"a_1": "Frankfurter Allgemein… 10-17", "b_2": "Frankfurter Allgemein… 10-17 #2",
                      "c_3": "tagesschau.de", "d_4": "d"}
    assert len(set(labels.values())) == len(labels)


def test_corroboration_badge_only_on_corroborated_items_and_said_once_when_none(
        seeds: tuple[Digest, str], hand_made: tuple[Digest, str]) -> None:
    digest, page = hand_made  # D1 has 3 sources, D2 one
    doc = _doc(page)
    badges = doc.xpath("//section[@id='developments']//span[contains(@class, 'badge')][@data-count]")
    assert [b.text_content() for b in badges] == ["3 of 3 sources"]
    assert "corroboration-none" not in page
    digest, page = seeds  # a badge on exactly the developments two or more seeds report, none on the others
    corroborated = [i for i in digest.decisions if i.count > 1]
    doc = _doc(page)
    badges = doc.xpath("//section[@id='developments']//span[contains(@class, 'badge')][@data-count]")
    assert sorted(b.text_content() for b in badges) == sorted(f"{i.count} of 5 sources" for i in corroborated)
    assert ("corroboration-none" in page) == (not corroborated)


def test_no_corroboration_is_said_once_in_the_header(hand_made: tuple[Digest, str]) -> None:
    """HAND-MADE digest cut to single-source developments: no badge, one line saying none is corroborated."""

    digest, _ = hand_made
    digest = digest.model_copy(deep=True)
    digest.decisions = [i for i in digest.decisions if i.count == 1]
    doc = _doc(render_html(digest))
    assert doc.xpath("//section[@id='developments']//span[contains(@class, 'badge')][@data-count]") == []
    legend = doc.xpath("//section[@id='developments']/p[contains(@class, 'corroboration-none')]")
    assert len(legend) == 1 and "none is reported by more than one" in legend[0].text_content()


# ----------------------------------------------------------------------------- templates (Jinja2, autoescaping)

ALERT = "<script>alert(1)</script>"
QUOTED = "\"double\" 'single' & <b>bold</b>"


def test_script_and_quotes_in_any_field_are_escaped_by_the_templates() -> None:
    """HAND-MADE digest with ``<script>alert(1)</script>``, ``"`` and ``'`` in an actor's name, a quote, an article's
    title, a claim, a failure and the page title: escaped in text and in attribute values, shown literally."""
    digest = hand_made_digest().model_copy(deep=True)
    hostile = f"{ALERT} {QUOTED}"
    digest.actors[0].name = f"Actor {hostile}"
    digest.decisions[0].support[0].quote = f"Quote {hostile}"
    digest.articles[0].title = f"Title {hostile}"
    digest.divergences[0].claims[0].says = f"Says {hostile}"
    digest.failures[0].message = f"Failed {hostile}"
    page = render_html(digest, title=f"Page {hostile}")
    assert "<script>alert" not in page and "<b>bold" not in page and "'single'" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;double&#34; &#39;single&#39; &amp; &lt;b&gt;bold" in page
    doc = _doc(page)
    assert [s.get("src") for s in doc.xpath("//script")] == [None] and "alert" not in doc.xpath("//script")[0].text
    assert doc.xpath("//h1")[0].text_content() == doc.xpath("//title")[0].text_content() == f"Page {hostile}"
    assert f"Actor {hostile}" in [s.text_content() for s in doc.xpath("//section[@id='actors']//strong")]
    assert f"Says {hostile}" in [s.text_content() for s in doc.xpath("//span[@class='says']")]
    assert f"Failed {hostile}" in doc.xpath("//section[@id='failures']")[0].text_content()
    # an attribute value keeps the whole text: its quotes cannot end the attribute
    titles = doc.xpath("//section[@id='developments']//a[@class='tag']/@title")
    assert f"Title {hostile} — “Quote {hostile}”" in titles
    assert f"Title {hostile}" in doc.xpath("//table[@class='matrix']/thead//a/@title")
    assert not [name for el in doc.iter() if isinstance(el.tag, str) for name in el.attrib if name.startswith("on")]


def test_index_escapes_its_title_and_links() -> None:
    import datetime as dt

    from summarize.render.html_index import DayRow, render_index

    rows = [DayRow(day=dt.date(2025, 10, 16), page=f"a{ALERT}&b.html", articles=2),
            DayRow(day=dt.date(2025, 10, 17), page="2025-10-17/digest.html", new=1, failures=1)]
    page = render_index(rows, title=f"Days {ALERT} {QUOTED}")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    doc = _doc(page)
    assert doc.xpath("//h1")[0].text_content() == f"Days {ALERT} {QUOTED}"
    assert doc.xpath("//tr[@class='day']/td/a/@href") == ["2025-10-17/digest.html", f"a{ALERT}&b.html"]
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]


def test_templates_are_found_from_any_working_directory(tmp_path: Path) -> None:
    """The templates are package data: a process started elsewhere (here: an empty folder) renders both pages."""
    import subprocess
    import sys

    script = (
        "import datetime as dt\n"
        "from summarize.models import Digest\n"
        "from summarize.render.html import render_html\n"
        "from summarize.render.html_index import DayRow, render_index\n"
        "d = Digest.model_validate({'articles': [], 'meta': {'lang': 'en', 'articles_total': 0, 'articles_briefed': 0}})\n"
        "print(len(render_html(d, title='<elsewhere>')), len(render_index([DayRow(dt.date(2025, 1, 1), 'x.html')])))\n"
        "print('&lt;elsewhere&gt;' in render_html(d, title='<elsewhere>'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    sizes, escaped = result.stdout.split("\n")[:2]
    assert all(int(n) > 1000 for n in sizes.split()) and escaped == "True"


def test_one_autoescaping_strict_environment_and_no_escape_helper() -> None:
    import jinja2

    from summarize.render import html, html_index, html_matrix, html_page

    env = html_page.environment()
    assert env is html_page.environment()  # built once per process
    assert env.autoescape is True and env.undefined is jinja2.StrictUndefined
    for module in (html, html_index, html_matrix, html_page):
        assert not hasattr(module, "e")  # no hand-written escaping: the templates autoescape
    with pytest.raises(jinja2.UndefinedError):  # a misspelt name fails loudly, it is not rendered as ""
        env.from_string("{{ nothing }}").render()
