"""The HTML digest in a real headless Chromium (Debian's ``chromium``, driven by Playwright; no browser
download): sections render with the right counts, the coverage matrix has the digest's rows, columns and
cells, the page makes no request beyond its own file, nothing from the articles executes, and a phone-width
layout does not overflow except inside the scrollable matrix. Screenshots are kept in tests/artifacts/.

Without chromium the tests skip locally (``apt-get install chromium``) but FAIL when ``CI`` is set, so CI
cannot pass by skipping. Pages: the REAL digest of the recorded seeds and the HAND-MADE one of
tests/digests.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize import render_html
from summarize.models import Digest
from summarize.render.labels import source_labels

from ..support.digests import HOSTILE, hand_made_digest, seeds_digest
from ..support.large_digest import large_digest, realistic_digest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SIZES = (2, 5, 20)
SECTIONS = ["developments", "divergences", "timeline", "actors", "weapons", "questions", "matrix", "sources"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser tests must run, not skip)")
    pytest.skip(reason)


def _chromium() -> str:
    path = os.environ.get("SUMMARIZE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        _unavailable("chromium not found: apt-get install chromium (Debian's package; Playwright drives it)")
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Digest, Path]]:
    out = tmp_path_factory.mktemp("browser")
    seeds = seeds_digest(out)  # writes out/digest.html through the CLI
    hand = hand_made_digest()
    hand_path = out / "hand-made.html"
    hand_path.write_text(render_html(hand, previous="digest.html"), encoding="utf-8")
    large = large_digest(600)  # HAND-MADE (tests/large_digest.py): past every limit of the page
    large_path = out / "large.html"
    large_path.write_text(render_html(large), encoding="utf-8")
    pages = {"seeds": (seeds, out / "digest.html"), "hand-made": (hand, hand_path), "large": (large, large_path)}
    for n in SIZES:  # HAND-MADE (tests/large_digest.py): realistic site names, long file stems
        digest = realistic_digest(n)
        pages[f"sources-{n}"] = (digest, out / f"sources-{n}.html")
        pages[f"sources-{n}"][1].write_text(render_html(digest), encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def executable() -> str:
    """Checked before any page is built, so a machine without chromium skips (or, under CI, fails) at once."""
    path = _chromium()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("playwright is not installed: pip install -e '.[test]'")
    return path


@pytest.fixture(scope="module")
def browser(executable: str, pages: dict) -> Iterator[object]:
    # the pages are built before Playwright starts: the CLI's asyncio.run must not meet Playwright's loop
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
    except Exception as exc:  # noqa: BLE001
        playwright.stop()
        _unavailable(f"chromium at {executable} did not start ({exc}); apt-get install chromium")
    yield browser
    browser.close()
    playwright.stop()


class Visit:
    """One page load with every request, console error, page error and dialog recorded."""

    def __init__(self, browser, path: Path, *, width: int, height: int = 900, color_scheme: str = "light") -> None:  # noqa: ANN001
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme,
                                           java_script_enabled=True)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route) -> None:  # noqa: ANN001
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()

    def assert_offline_and_clean(self, path: Path) -> None:
        assert self.requests and all(u.startswith("file://") for u in self.requests), self.requests
        assert self.requests == [path.as_uri()]  # the page itself and nothing else: no asset, no font
        assert self.blocked == [] and self.dialogs == []
        assert self.errors == [], self.errors  # also: no Content-Security-Policy violation
        assert self.page.evaluate("typeof window.__pwned") == "undefined"


def _items(digest: Digest) -> list:
    return [*digest.decisions, *digest.actors, *digest.weapons, *digest.open_questions]


def _check_sections_and_matrix(page, digest: Digest, sections: list[str]) -> None:  # noqa: ANN001
    counts = {
        "headline": len(digest.headline.sentences) if digest.headline else 0,
        "developments": len(digest.decisions), "divergences": len(digest.divergences),
        "timeline": len(digest.timeline), "actors": len(digest.actors), "weapons": len(digest.weapons),
        "questions": len(digest.open_questions), "matrix": len(_items(digest)), "sources": len(digest.articles),
        "failures": len(digest.failures),
    }
    assert page.eval_on_selector_all("main > section", "els => els.map(e => e.id)") == sections
    for sid in sections:
        section = page.locator(f"section#{sid}")
        assert section.is_visible(), sid
        heading = section.locator("h2")
        assert heading.is_visible()
        assert heading.locator(".n").inner_text() == str(counts[sid]), sid
    matrix = page.locator("#matrix table.matrix")
    assert matrix.is_visible()
    items = _items(digest)
    assert matrix.locator("thead th[data-article]").count() == len(digest.articles)
    assert matrix.locator("tbody tr[data-item]").count() == len(items)
    assert matrix.locator("tbody td.hit").count() == sum(i.count for i in items)
    assert matrix.locator("tbody tr.single").count() == sum(i.count == 1 for i in items)
    if any(i.count == 1 for i in items):
        assert matrix.locator("tbody tr.single .badge.single").first.is_visible()
    # the DOM's per-row counts, read back as the browser sees them
    rows = matrix.locator("tbody tr[data-item]").evaluate_all(
        "rows => rows.map(r => [r.dataset.item, r.querySelectorAll('td.hit').length])")
    assert rows == [[i.id, i.count] for i in items]


def test_seeds_page_renders_in_chromium(browser, pages: dict) -> None:  # noqa: ANN001
    digest, path = pages["seeds"]
    visit = Visit(browser, path, width=1280)
    try:
        page = visit.page
        _check_sections_and_matrix(page, digest, SECTIONS)
        # a development's source quote opens from its <details>; a tag's title carries the quote on hover
        first = page.locator("#developments li[data-item]").first
        quote = first.locator("details.quotes blockquote").first
        assert not quote.is_visible()
        first.locator("details.quotes summary").click()
        shown = " ".join(digest.decisions[0].support[0].quote.split())  # a quote across a line break reads as one line
        assert quote.is_visible() and " ".join(quote.inner_text().split()) == shown
        article = digest.decisions[0].support[0].article_id  # its source's tag, wherever it stands among the tags
        assert shown in " ".join(first.locator(f"a.tag[href='#src-{article}']").first.get_attribute("title").split())
        # a source tag jumps to its entry in the sources list
        first.locator("a.tag").first.click()
        assert page.evaluate("location.hash") == f"#src-{digest.decisions[0].articles[0]}"
        assert page.locator(f"#src-{digest.decisions[0].articles[0]}").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "digest.png"
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(shot), full_page=True)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
        visit.assert_offline_and_clean(path)
    finally:
        visit.close()


@pytest.mark.parametrize("name", ["seeds", "large"])
def test_phone_width_does_not_overflow_except_in_the_matrix(browser, pages: dict, name: str) -> None:  # noqa: ANN001
    digest, path = pages[name]
    visit = Visit(browser, path, width=390, height=844)
    try:
        page = visit.page
        width = page.evaluate("document.documentElement.clientWidth")
        assert width == 390
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        overflowing = page.evaluate("""w => [...document.querySelectorAll('body *')]
            .filter(el => !el.closest('#matrix .scroll'))
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([el, r]) => r.width > 0 && (r.right > w + 1 || r.left < -1))
            .map(([el, r]) => el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right))""",
                                    width)
        assert overflowing == []
        wrap = page.locator("#matrix .scroll")
        box = wrap.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # a matrix wider than a phone scrolls inside its own container; the seeds' 5 sources fit on the screen
        matrix_width = page.evaluate("document.querySelector('#matrix .scroll').scrollWidth")
        assert (matrix_width > box["width"]) == (name == "large"), matrix_width
        assert page.evaluate("getComputedStyle(document.querySelector('#matrix .scroll')).overflowX") == "auto"
        if name == "large":  # a bounded matrix: 30 source columns, the rest counted in one
            assert page.locator("#matrix thead th[data-article]").count() == 30
            assert page.locator("#matrix thead th.others").is_visible()
            assert page.evaluate("document.documentElement.scrollHeight") < 400_000  # a page, not a wall
        page.screenshot(path=str(ARTIFACTS / ("digest-phone.png" if name == "seeds" else f"{name}-phone.png")),
                        full_page=False)
        visit.assert_offline_and_clean(path)
    finally:
        visit.close()


def test_hand_made_page_hostile_text_is_inert_and_divergences_side_by_side(browser, pages: dict) -> None:  # noqa: ANN001
    digest, path = pages["hand-made"]
    visit = Visit(browser, path, width=1280, color_scheme="dark")
    try:
        page = visit.page
        _check_sections_and_matrix(page, digest, ["headline", *SECTIONS, "failures"])
        body_text = page.locator("body").inner_text()
        for hostile in HOSTILE:
            assert hostile in body_text or hostile.strip() in body_text  # shown as text
        assert page.locator("script").count() == 1 and page.locator("img, svg, iframe").count() == 0
        claims = page.locator("#divergences .claim")
        assert claims.count() == len(digest.divergences[0].claims) == 3
        boxes = [claims.nth(i).bounding_box() for i in range(3)]
        assert len({round(b["y"]) for b in boxes}) == 1  # one row: side by side
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        assert page.locator("a[rel=prev]").get_attribute("href") == "digest.html"
        dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert dark != "rgb(255, 255, 255)"  # prefers-color-scheme: dark is honoured
        # the one inline script runs (the CSP allows it by hash): before printing, every <details> opens
        assert page.locator("details[open]").count() == 0
        page.evaluate("dispatchEvent(new Event('beforeprint'))")
        assert page.locator("details[open]").count() == page.locator("details").count() > 0
        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible()
        page.emulate_media(media="screen")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "digest-hand-made-dark.png"), full_page=True)
        visit.assert_offline_and_clean(path)
    finally:
        visit.close()


_OUTSIDE = """w => [...document.querySelectorAll('body *')]
    .filter(el => !el.closest('#matrix .scroll'))
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.width > 0 && (r.right > w + 1 || r.left < -1))
    .map(([el, r]) => el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right))"""

_CLIPPED = """sel => [...document.querySelectorAll(sel)]
    .filter(el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map(el => el.textContent)"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("n", SIZES)
def test_matrix_fits_and_its_labels_read_at_phone_and_desktop_width(browser, pages: dict, n: int, width: int) -> None:  # noqa: ANN001
    """2, 5 and 20 sources with realistic names: the page never scrolls sideways, the matrix fits on the
    screen (at 390 px with 20 sources it scrolls in its own box, item labels staying in view), source labels
    are shown whole and item labels are not cut to a few characters. Screenshots in tests/artifacts/."""
    digest, path = pages[f"sources-{n}"]
    visit = Visit(browser, path, width=width, height=844 if width == 390 else 900)
    try:
        page = visit.page
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(_OUTSIDE, width) == []
        wrap = page.locator("#matrix .scroll")
        box = wrap.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        scrolls = page.evaluate("(s => s.scrollWidth > s.clientWidth)(document.querySelector('#matrix .scroll'))")
        assert scrolls == (n == 20 and width == 390)
        # every source column is labelled with its whole short label (site and date), nothing clipped
        labels = source_labels(digest)
        heads = page.locator("#matrix thead th[data-article] a.tag")
        assert heads.count() == n
        assert heads.evaluate_all("els => els.map(e => [e.closest('th').dataset.article, e.textContent])") == [
            [a.id, labels[a.id]] for a in digest.articles]
        assert page.evaluate(_CLIPPED, "#matrix thead th[data-article] a.tag") == []
        # item labels: not clipped, and wide enough for words, not three characters
        assert page.evaluate(_CLIPPED, "#matrix tbody tr.row th") == []
        widths = page.locator("#matrix tbody tr.row th").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
        assert min(widths) >= 120, widths
        if scrolls:  # scrolled to the last source, the item labels stay in view
            page.evaluate("(s => { s.scrollLeft = s.scrollWidth })(document.querySelector('#matrix .scroll'))")
            first = page.locator("#matrix tbody tr.row th").first.bounding_box()
            assert first["x"] >= box["x"] - 1 and first["x"] + first["width"] <= box["x"] + box["width"] + 1
            page.evaluate("(s => { s.scrollLeft = 0 })(document.querySelector('#matrix .scroll'))")
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator("#matrix h2").scroll_into_view_if_needed()
        page.evaluate("document.querySelector('#matrix').scrollIntoView()")
        shot = ARTIFACTS / f"matrix-{n}-sources-{width}px.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        visit.assert_offline_and_clean(path)
    finally:
        visit.close()


def test_index_of_days_reads_on_a_phone(browser, tmp_path: Path) -> None:  # noqa: ANN001
    """HAND-MADE rows: 40 days; the index lists them newest first, each linking its page, without overflow."""
    import datetime as dt

    from summarize.render.html_index import DayRow, render_index

    days = [dt.date(2025, 9, 1) + dt.timedelta(days=i) for i in range(40)]
    rows = [DayRow(day=d, page=f"{d.isoformat()}.html", articles=i, developments=i // 2, items=3 * i, new=i,
                   continuing=2 * i, failures=i % 3) for i, d in enumerate(days)]
    path = tmp_path / "index.html"
    path.write_text(render_index(rows), encoding="utf-8")
    visit = Visit(browser, path, width=390, height=844)
    try:
        page = visit.page
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.evaluate(_OUTSIDE, 390) == []
        days = page.locator("tr[data-day]").evaluate_all("rs => rs.map(r => r.dataset.day)")
        assert days == [r.day.isoformat() for r in reversed(rows)]
        assert page.locator("tr[data-day] a").first.get_attribute("href") == rows[-1].page
        visit.assert_offline_and_clean(path)
    finally:
        visit.close()
