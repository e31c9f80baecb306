"""Input formats and input problems: folder scans, HTML, JSON, encodings, and the errors they raise.

Fixtures: ``tests/fixtures/inputs/`` holds hand-made files only (invented news, see its README.txt);
a few more are written by the tests into ``tmp_path``. Every error must name the file and its fix,
and one bad file must not keep the others from loading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.article.load import ARTICLE_SUFFIXES, Scan, find_articles, load_article, scan
from summarize.run.sources import load_sources
from summarize.errors import InputError

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"
TREE = INPUTS / "tree"
NEWS_PAGE = INPUTS / "html" / "news_page.html"
PARA = "Die Gespräche dauerten zwei Stunden und endeten ohne Ergebnis, berichteten Diplomaten in Kiew."


def _rel(paths: list[Path], root: Path = TREE) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


# --------------------------------------------------------------------------- folder scans


def test_scan_reads_sub_folders_in_a_stable_order() -> None:
    found = scan([TREE])
    assert isinstance(found, Scan)
    assert _rel(found.articles) == [
        "B_upper.MD",  # the suffix is compared case-insensitively; names sort case-sensitively
        "a_first.txt",
        "world/europe/kyiv.htm",
        "world/us.json",
        "world/zz_last.txt",
    ]
    assert find_articles([TREE]) == found.articles
    assert scan([str(TREE)]) == found


def test_scan_lists_hidden_and_unsupported_files_with_the_reason() -> None:
    skipped = {p.relative_to(TREE).as_posix(): reason for p, reason in scan([TREE]).skipped}
    assert skipped == {
        ".drafts": "hidden folder",  # once, not once per file in it
        ".hidden_draft.txt": "hidden file",
        "notes.pdf": "unsupported type .pdf; articles are .txt, .md, .html, .htm, .json",
    }


def test_every_article_of_the_scanned_tree_loads_in_its_format() -> None:
    articles = {a.id: a for a in map(load_article, scan([TREE]).articles)}
    assert {a.id: a.format for a in articles.values()} == {
        "B_upper": "markdown",
        "a_first": "text",
        "kyiv": "html",
        "us": "json",
        "zz_last": "text",
    }
    assert articles["B_upper"].title == "Patriot-Systeme für die Ukraine im Gespräch"
    assert articles["B_upper"].text.startswith("# Patriot-Systeme")  # Markdown is kept as it is
    assert articles["kyiv"].title == "Kyiv prepares for winter"
    assert articles["us"].title == "Trump and Putin speak by phone"


def test_explicit_files_are_taken_whatever_their_name_and_only_once(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_text(PARA, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "a.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    found = scan([tmp_path / "notes.pdf", tmp_path / ".draft.txt", tmp_path, tmp_path / "a.txt"])
    assert _rel(found.articles, tmp_path) == ["notes.pdf", ".draft.txt", "a.txt"]  # link.txt is a.txt again


def test_scan_survives_a_folder_link_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    found = scan([tmp_path])
    assert _rel(found.articles, tmp_path) == ["sub/a.txt"]
    assert [reason for p, reason in found.skipped if p.name == "back"] == [
        "folder already read (reached again through a link)"
    ]


def test_scan_without_articles_names_the_folder_the_suffixes_and_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "a.txt").write_text(PARA, encoding="utf-8")
    with pytest.raises(InputError) as info:
        scan([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{tmp_path}: no articles found")
    assert all(suffix in message for suffix in ARTICLE_SUFFIXES)
    assert ".hidden (hidden folder)" in message and "scan.pdf (unsupported type .pdf)" in message
    assert "pass the files directly" in message
    assert info.value.path == str(tmp_path)


def test_scan_missing_path_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "inbox"
    with pytest.raises(InputError) as info:
        scan([TREE, missing])
    assert str(info.value).startswith(f"{missing}: no such file or folder. Check the path")
    assert info.value.path == str(missing)


# --------------------------------------------------------------------------- HTML


def test_html_page_keeps_the_article_and_drops_the_chrome() -> None:
    html = NEWS_PAGE.read_text(encoding="utf-8")
    article = load_article(NEWS_PAGE)
    assert article.format == "html" and article.encoding == "utf-8"
    paragraphs = [
        "Der ukrainische Präsident Wolodymyr Selenskyj ist am Freitag im Weißen Haus",
        "Selenskyj sagte nach dem Treffen, die Ukraine brauche vor dem Winter dringend mehr Luftabwehr.",
        "Über die Lieferung von Tomahawk-Marschflugkörpern wurde nach Angaben beider Seiten",
        "Diplomaten in Kiew werteten das Treffen als Teilerfolg.",
    ]
    for paragraph in paragraphs:
        assert paragraph in article.text  # quotes are later located in this text
    for chrome in ("Startseite", "Wirtschaft", "Jetzt abonnieren", "Anzeige", "Kredite", "Reiseangebote",
                   "Mehr zum Thema", "Putin und Trump telefonieren", "Impressum", "Alle Rechte vorbehalten",
                   "window.tracker", "display: block"):  # fmt: skip
        assert chrome not in article.text, chrome
    assert len(article.text) < len(html) / 2
    assert article.title == "Selenskyj bittet in Washington um Patriot-Systeme"  # og:title, no "| site" suffix
    assert article.published == dt.date(2025, 10, 17)  # article:published_time
    assert article.source == "Beispiel-Nachrichten"  # og:site_name
    assert article.url == "https://www.beispiel-nachrichten.de/politik/selenskyj-washington-patriot"
    assert article.language == "de"
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_html_without_metadata_falls_back_to_the_text(tmp_path: Path) -> None:
    page = tmp_path / "bare.html"
    page.write_text(
        "<html><body><div><p>Trump trifft Selenskyj in Washington</p>"
        f"<p>17.10.2025</p><p>{PARA}</p><p>{PARA.replace('Kiew', 'Washington')}</p></div></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert PARA in article.text
    assert article.title == "Trump trifft Selenskyj in Washington"
    assert article.url is None


@pytest.mark.parametrize("name", ["index_page.html", "login_page.htm"])
def test_html_page_without_an_article_is_an_input_error(name: str) -> None:
    path = INPUTS / "html" / name
    with pytest.raises(InputError) as info:
        load_article(path)
    assert str(info.value).startswith(
        f"{path}: no article text found in this HTML page (is it an index or a login page?)"
    )
    assert info.value.path == str(path)


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    html = NEWS_PAGE.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = tmp_path / "page.htm"
    page.write_bytes(html.encode("cp1252"))
    article = load_article(page)
    assert article.encoding == "cp1252"
    assert article.text == load_article(NEWS_PAGE).text


def test_html_library_is_imported_only_when_html_is_read() -> None:
    code = (
        "import sys, summarize\n"
        "from summarize.article.load import load_article\n"
        "assert not {'trafilatura', 'lxml', 'htmldate', 'justext'} & set(sys.modules)\n"
        f"load_article({str(TREE / 'a_first.txt')!r})\n"
        "assert 'trafilatura' not in sys.modules\n"
        f"load_article({str(NEWS_PAGE)!r})\n"
        "assert 'trafilatura' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- JSON


def test_json_article_with_metadata() -> None:
    path = INPUTS / "json" / "article.json"
    article = load_article(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert article.format == "json"
    assert article.id == "wire_2025-10-17_patriot_1"  # "wire/2025-10-17 patriot#1", made safe for file names
    assert article.text == data["text"]
    assert article.title == "Zelensky asks Washington for more Patriot systems"
    assert article.source == "Example Wire"
    assert article.published == dt.date(2025, 10, 17)
    assert article.url == "https://www.examplewire.com/world/zelensky-patriot"
    assert article.language == "en"
    assert article.path == str(path)


def test_json_without_metadata_uses_the_file_stem_and_the_heuristics(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    text = f"Trump trifft Selenskyj in Washington\n17.10.2025\n{PARA}\n"
    path.write_text(json.dumps({"text": text, "title": None, "date": "17. Oktober 2025"}), encoding="utf-8")
    article = load_article(path)
    assert article.id == "plain"
    assert article.title == "Trump trifft Selenskyj in Washington"
    assert article.published == dt.date(2025, 10, 17)
    assert article.source is None and article.url is None


def test_bad_json_names_the_file_line_and_column() -> None:
    path = INPUTS / "json" / "bad_syntax.json"
    with pytest.raises(InputError) as info:
        load_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}: is not valid JSON: Expecting ',' delimiter at line 3, column 3.")
    assert "missing comma" in message and '{"text": "..."' in message
    assert isinstance(info.value.__cause__, json.JSONDecodeError)
    assert info.value.path == str(path)


def test_json_without_text_names_the_field() -> None:
    path = INPUTS / "json" / "no_text.json"
    with pytest.raises(InputError) as info:
        load_article(path)
    assert str(info.value).startswith(f'{path}: has no "text" field (its keys: "title", "source", "date", "body").')
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"text": "   "}, 'has an empty "text" field'),
        ({"text": ["a", "b"]}, '"text" field that is a list, not a string'),
        ([{"text": PARA}], "holds a list (JSON), not an object"),
        ({"text": PARA, "title": 3}, 'the "title" field is a number; it must be a string'),
        ({"text": PARA, "id": {"a": 1}}, 'the "id" field is an object; it must be a string or an integer'),
        ({"text": PARA, "date": "gestern"}, "the \"date\" field ('gestern') is not a date"),
    ],
    ids=["empty-text", "text-not-a-string", "list", "title-not-a-string", "id-not-a-string", "bad-date"],
)
def test_json_field_problems_name_the_file_and_the_field(tmp_path: Path, payload: object, expected: str) -> None:
    path = tmp_path / "article.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_article(path)
    assert str(info.value).startswith(f"{path}: ")
    assert expected in str(info.value)


# --------------------------------------------------------------------------- encodings


def test_cp1252_file_is_decoded_and_its_encoding_reported() -> None:
    path = INPUTS / "encodings" / "cp1252_umlauts.txt"
    data = path.read_bytes()
    article = load_article(path)
    assert article.encoding == "cp1252"
    assert article.text == data.decode("cp1252")
    assert article.title == "Grüße aus München: Bürger zahlen 5 € mehr"
    for word in ("Größere", "Änderungen", "Öko-Tarife", "„Wir müssen", "weitergeben“", "5 € im Monat"):
        assert word in article.text
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    assert article.language == "de"


def test_cp1251_file_is_decoded(tmp_path: Path) -> None:
    text = "Президент Украины встретился с президентом США в Белом доме. Они говорили о противовоздушной обороне."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    article = load_article(path)
    assert (article.text, article.encoding) == (text, "cp1251")


def test_utf16_file_with_a_byte_order_mark() -> None:
    path = INPUTS / "encodings" / "utf16_bom.txt"
    article = load_article(path)
    assert article.encoding == "utf-16"
    assert article.text == path.read_bytes().decode("utf-16")
    assert not article.text.startswith("\ufeff")
    assert article.title == "Київ готується до зими"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_utf8_is_reported_as_utf8(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(bom + f"# Grüße aus Kiew\n\n{PARA}\n".encode())
    article = load_article(path)
    assert (article.encoding, article.format) == ("utf-8", "markdown")
    assert article.text == f"# Grüße aus Kiew\n\n{PARA}\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("encodings/binary.txt", "looks binary (NUL byte at offset 8)"),
        ("encodings/empty.txt", "the file is empty (0 bytes)"),
        ("encodings/whitespace.md", "the article is empty (only whitespace)"),
        ("html/index_page.html", "no article text found"),
        ("json/bad_syntax.json", "is not valid JSON"),
        ("json/no_text.json", 'has no "text" field'),
    ],
)
def test_every_input_error_names_the_file_and_a_fix(name: str, expected: str) -> None:
    path = INPUTS / name
    with pytest.raises(InputError) as info:
        load_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and expected in message
    assert any(fix in message for fix in ("Pass ", "Save ", "Fix ", "Put ")), message
    assert info.value.path == str(path)


def test_control_characters_without_nul_look_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    with pytest.raises(InputError, match="looks binary") as info:
        load_article(path)
    assert str(path) in str(info.value)


# --------------------------------------------------------------------------- one bad file, the others unaffected


def test_bad_inputs_become_failures_and_the_good_ones_load(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "bad").mkdir(parents=True)
    for name in ("a_first.txt", "B_upper.MD"):
        (inbox / name).write_bytes((TREE / name).read_bytes())
    (inbox / "news_page.html").write_bytes(NEWS_PAGE.read_bytes())
    (inbox / "latin.txt").write_bytes((INPUTS / "encodings" / "cp1252_umlauts.txt").read_bytes())
    for name in ("encodings/binary.txt", "encodings/empty.txt", "json/bad_syntax.json", "html/login_page.htm"):
        (inbox / "bad" / Path(name).name).write_bytes((INPUTS / name).read_bytes())
    found = load_sources([inbox])
    articles, failures = found.articles, found.failures
    assert sorted(a.id for a in articles) == ["B_upper", "a_first", "latin", "news_page"]
    assert {f.article_id for f in failures} == {"binary", "empty", "bad_syntax", "login_page"}
    for failure in failures:
        assert failure.error_kind == "InputError"
        assert os.fspath(inbox / "bad") in failure.message


def test_output_folder_inside_the_inbox_is_not_read_back(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "out" / "briefings").mkdir(parents=True)
    (inbox / "a_first.txt").write_bytes((TREE / "a_first.txt").read_bytes())
    (inbox / "out" / "digest.json").write_text('{"articles": []}', encoding="utf-8")
    (inbox / "out" / "briefings" / "a_first.json").write_text('{"article": {}}', encoding="utf-8")
    found = load_sources([inbox], exclude=[inbox / "out"])
    assert [a.id for a in found.articles] == ["a_first"] and found.failures == []


def test_same_id_twice_is_a_failure_naming_both_files(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a_first.txt").write_bytes((TREE / "a_first.txt").read_bytes())
    found = load_sources([tmp_path])
    assert len(found.articles) == 1 and len(found.failures) == 1
    assert "already used by" in found.failures[0].message and "rename" in found.failures[0].message
