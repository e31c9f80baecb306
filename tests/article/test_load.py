"""Tests of ``summarize.article.load``: finding files, reading, metadata (see also ``test_inputs.py``)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from summarize.article.load import ARTICLE_SUFFIXES, article_from_text, find_articles, load_article
from summarize.errors import InputError

SEEDS = Path(__file__).parent.parent.parent / "seeds"
PAGES = Path(__file__).parent.parent / "fixtures" / "pages"

PARA_DE = "Die Gespräche dauerten zwei Stunden und endeten ohne Ergebnis, berichteten Diplomaten in Kiew."
PARA_EN = "The talks lasted two hours and ended without a result, diplomats in Kyiv said on Friday."


# --------------------------------------------------------------------------- seeds


SEED_METADATA = {
    "000_6468509f89715e04": (
        "Trump und Selenskyj verhandeln über Waffenlieferungen – "
        "während Russland Kiew mit Rekord-Drohnenangriff überzieht",
        None,
        None,
    ),
    "001_c209104685891761": (
        "Wolodymyr Selenskyj: Gespräch mit Donald Trump beim Nato-Gipfel – Überraschende Wendung in Sicht",
        "news.de",
        None,
    ),
    "002_7357c77dc1409342": (
        "USA setzen Militärhilfen aus – Gespräche über Frieden, aber auch klare Drohungen aus Moskau",
        None,
        None,  # "Am 4. Juli 2025" is an event in the prose, not the publication date
    ),
    "003_217b1643d8ffb68b": (
        'Trump nach Telefonat mit Putin: "Es ist ein großer Fortschritt gemacht worden"',
        "VOL.AT",
        None,
    ),
    "004_bc73e97958a12d26": (
        "Trump-Putin-Anruf überrascht Selenskyj vor USA-Besuch",
        "RENEWZ.de",
        dt.date(2025, 10, 17),
    ),
}


@pytest.mark.parametrize("article_id", sorted(SEED_METADATA))
def test_seed_metadata(article_id: str) -> None:
    path = SEEDS / f"{article_id}.txt"
    article = load_article(path)
    title, source, published = SEED_METADATA[article_id]
    assert article.id == article_id
    assert article.path == str(path)
    assert article.title == title
    assert article.source == source
    assert article.published == published
    assert article.language == "de"


@pytest.mark.parametrize("article_id", sorted(SEED_METADATA))
def test_seed_text_is_exact(article_id: str) -> None:
    path = SEEDS / f"{article_id}.txt"
    data = path.read_bytes()
    article = load_article(path)
    assert article.text == data.decode("utf-8")
    assert article.sha256 == hashlib.sha256(data).hexdigest()


def test_find_articles_in_the_seed_folder() -> None:
    found = find_articles([SEEDS])
    assert [p.name for p in found] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(found) == 5


def test_find_articles_accepts_a_single_path_as_str() -> None:
    assert find_articles(str(SEEDS)) == find_articles([SEEDS])  # type: ignore[arg-type]


def test_find_articles_filters_sorts_and_deduplicates(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "C.TXT", ".hidden.txt", "notes.json", "image.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()  # a folder with an article-like name is not a file
    other = tmp_path / "elsewhere.json"
    other.write_text("x", encoding="utf-8")

    found = find_articles([tmp_path, tmp_path / "b.txt", other, tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "C.TXT", "a.md", "b.txt", "elsewhere.json", "notes.json", "sub/deep.txt",
    ]  # fmt: skip  (sub-folders are read too; files given again are not repeated)


def test_given_hidden_file_is_taken(tmp_path: Path) -> None:
    hidden = tmp_path / ".draft.txt"
    hidden.write_text("x", encoding="utf-8")
    assert find_articles([hidden]) == [hidden]


# --------------------------------------------------------------------------- input errors


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        find_articles([SEEDS, missing])
    assert str(info.value) == (
        f"{missing}: no such file or folder. Check the path, or pass a folder of articles "
        "(.txt, .md, .html, .htm, .json)."
    )
    assert info.value.path == str(missing)
    with pytest.raises(InputError) as info:
        load_article(missing)
    assert str(missing) in str(info.value) and info.value.path == str(missing)


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "readme.pdf").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as info:
        find_articles([tmp_path])
    message = str(info.value)
    assert str(tmp_path) in message
    assert all(suffix in message for suffix in ARTICLE_SUFFIXES)
    assert "readme.pdf (unsupported type .pdf)" in message and ".hidden.txt (hidden file)" in message
    assert info.value.path == str(tmp_path)


def test_no_paths_at_all() -> None:
    with pytest.raises(InputError, match="no input given"):
        find_articles([])


def test_folder_passed_to_load_article(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder") as info:
        load_article(tmp_path)
    assert str(tmp_path) in str(info.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        (b"Title\x00\x01\x02binary", "looks binary"),
        ("Grüße aus Kiew, schöne Grüße ".encode() + "zurück".encode("latin-1"), "not valid UTF-8"),
        ("Grüße aus Kiew".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
    ],
    ids=["empty", "whitespace-only", "binary", "utf-8-mixed-with-latin-1", "utf-16-without-bom"],
)
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad_article.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert expected in message
    assert info.value.path == str(path)


def test_latin1_file_is_decoded_and_its_encoding_reported(tmp_path: Path) -> None:
    """Non-UTF-8 text used to be refused; it is now decoded (charset-normalizer) and the codec named."""
    path = tmp_path / "latin.txt"
    path.write_bytes("Grüße aus Kiew".encode("latin-1"))
    article = load_article(path)
    assert article.text == "Grüße aus Kiew"
    assert article.encoding == "cp1252"  # windows-1252 is a superset of latin-1's printable characters
    assert article.sha256 == hashlib.sha256("Grüße aus Kiew".encode("utf-8")).hexdigest()


def test_mostly_utf8_file_with_a_stray_byte_names_offset_and_fix(tmp_path: Path) -> None:
    """A UTF-8 file with one latin-1 byte mixes encodings: refused, not garbled by a guess."""
    path = tmp_path / "mixed.txt"
    path.write_bytes("Grüße aus Kiew und schöne Grüße".encode() + b" \xe4")
    with pytest.raises(InputError) as info:
        load_article(path)
    assert "byte 0xe4 at offset 37" in str(info.value)
    assert "Save it as UTF-8" in str(info.value)
    assert isinstance(info.value.__cause__, UnicodeDecodeError)


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom_latin.txt"
    path.write_bytes(b"\xef\xbb\xbfAb\xe4")
    with pytest.raises(InputError, match="offset 5"):
        load_article(path)


def test_bom_is_stripped_and_nothing_else(tmp_path: Path) -> None:
    text = "Titel des Artikels über die Lage\r\n\r\n" + PARA_DE + "\r\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    article = load_article(path)
    assert article.text == text
    assert article.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert article.id == "bom"
    assert article.title == "Titel des Artikels über die Lage"


@pytest.mark.parametrize("text", ["", "  \n\n\t "])
def test_article_from_empty_text(text: str) -> None:
    with pytest.raises(InputError, match="empty") as info:
        article_from_text(text, id="x1", path="some/x1.txt")
    assert "some/x1.txt" in str(info.value)


def test_article_from_text_defaults() -> None:
    article = article_from_text("Titel des Artikels über die Lage\n" + PARA_DE)
    assert article.id == "article"
    assert article.path is None
    assert article.title == "Titel des Artikels über die Lage"


# --------------------------------------------------------------------------- metadata, hand-made pages


def test_english_fixture_metadata() -> None:
    """Hand-made fixture tests/fixtures/pages/en_wire_story.txt."""
    article = load_article(PAGES / "en_wire_story.txt")
    assert article.id == "en_wire_story"
    assert article.title == "Zelensky and Trump discuss air defence ahead of White House visit"
    assert article.source == "examplewire.com"
    assert article.published == dt.date(2025, 10, 17)
    assert article.language == "en"


@pytest.mark.parametrize(
    "header",
    [
        "17. Oktober 2025",
        "Oktober 17, 2025",
        "October 17, 2025",
        "17 October 2025",
        "2025-10-17",
        "17.10.2025",
        "Freitag, 17. Oktober 2025, 14:30 Uhr",
        "Veröffentlicht am 17.10.2025 | Lesezeit 3 Minuten",
        "Published: Fri, 17 Oct 2025",
        "Jane Doe | 17 October 2025",
        "Von Anna Beispiel, 17.10.2025",
        "by Jane Doe October 17, 2025 4:47 PM  (Updated: ) 2 min read",
        "Veröffentlichungsdatum: 17.10.2025 20:08 / Welt Nachrichten Jane Doe",
        "Erscheinungsdatum: 17.10.2025",
    ],
)
def test_published_from_header(header: str) -> None:
    """Hand-made fixture: a date line under the title."""
    article = article_from_text(f"Titel des Artikels über die Lage\n{header}\n{PARA_DE}\n")
    assert article.published == dt.date(2025, 10, 17)


def test_published_ignores_dates_in_prose_and_below_the_header() -> None:
    """Hand-made fixture."""
    prose = "Am 17. Oktober 2025 trafen sich die beiden Präsidenten im Weißen Haus in Washington zu Gesprächen."
    assert article_from_text(f"Titel des Artikels über die Lage\n{prose}\n").published is None
    heading = "Gipfel am 17. Oktober 2025 geplant"
    assert article_from_text(f"Titel des Artikels über die Lage\n{heading}\n{PARA_DE}\n").published is None
    by_then = "By the end of October 17, 2025 the talks had failed."  # "by" and no name: no byline
    assert article_from_text(f"Titel des Artikels über die Lage\n{by_then}\n{PARA_DE}\n").published is None
    late = "\n".join(["Titel des Artikels über die Lage", *[PARA_DE] * 10, "17.10.2025", PARA_EN])
    assert article_from_text(late).published is None


def test_source_from_masthead_and_tags() -> None:
    """Hand-made fixture: a masthead, a tag line and a prose mention of another site."""
    text = "\n".join(
        [
            "EXAMPLE-NEWS.de",
            "Titel des Artikels über die Lage",
            PARA_DE + " Das berichtete zuerst spiegel.de und später auch bbc.co.uk.",
            "(Example-News.de)",
            "Folgen Sie Example-News.de bei WhatsApp und Facebook",
            "Folgen Sie uns auf x.com und facebook.com",
            "Foto: shutterstock.com",
        ]
    )
    assert article_from_text(text).source == "Example-News.de"


def test_source_is_none_without_a_domain_in_the_chrome() -> None:
    """Hand-made fixture: social networks, "X" and sites named only in the prose are no source."""
    text = "\n".join(
        [
            "Titel des Artikels über die Lage",
            "Trump schrieb auf X und Truth Social, laut Angaben von Reuters.com sei die Lage ernst. " + PARA_DE,
            "Folgen Sie uns bei X, Facebook und Truth Social",
            "Share on facebook.com",
        ]
    )
    assert article_from_text(text).source is None


def test_title_skips_chrome_and_markdown_marker() -> None:
    """Hand-made fixture."""
    text = "Politik\nStartseite\n# Trump trifft Selenskyj in Washington\n\n" + PARA_DE
    assert article_from_text(text).title == "Trump trifft Selenskyj in Washington"


def test_no_title_when_no_headline_like_line() -> None:
    """Hand-made fixture: only chrome and short lines."""
    assert article_from_text("Politik\nThemen\n\nKurz notiert\n").title is None


LANGUAGE_SAMPLES = {
    "de": PARA_DE + " Die Regierung in Berlin will die Ukraine weiter unterstützen, sagte der Kanzler am Abend.",
    "en": PARA_EN + " The government in London said it would keep supporting Ukraine with weapons and money.",
    "fr": (
        "Le président ukrainien a rencontré son homologue américain à la Maison Blanche. Les deux dirigeants "
        "ont parlé de la défense aérienne et des livraisons d'armes pour le pays."
    ),
    "es": (
        "El presidente ucraniano se reunió con su homólogo estadounidense en la Casa Blanca. Los dos líderes "
        "hablaron de la defensa aérea y de las entregas de armas para el país."
    ),
    "it": (
        "Il presidente ucraino ha incontrato il suo omologo americano alla Casa Bianca. I due leader hanno "
        "parlato della difesa aerea e delle forniture di armi per il paese, che sono molto importanti."
    ),
    "nl": (
        "De Oekraïense president heeft zijn Amerikaanse collega in het Witte Huis ontmoet. De twee leiders "
        "spraken over de luchtverdediging en de levering van wapens voor het land, zo werd gemeld."
    ),
    "pl": (
        "Prezydent Ukrainy spotkał się z prezydentem USA w Białym Domu. Obaj przywódcy rozmawiali o obronie "
        "powietrznej i o dostawach broni, które są dla kraju bardzo ważne, jak powiedział rzecznik."
    ),
    "uk": (
        "Президент України зустрівся з президентом США у Білому домі. Вони говорили про протиповітряну "
        "оборону та про постачання зброї, яка дуже потрібна країні, але рішення ще не ухвалено."
    ),
    "ru": (
        "Президент Украины встретился с президентом США в Белом доме. Они говорили о противовоздушной "
        "обороне и о поставках оружия, которые очень нужны стране, но решение ещё не принято."
    ),
}


@pytest.mark.parametrize("language", sorted(LANGUAGE_SAMPLES))
def test_language(language: str) -> None:
    """Hand-made fixture: a short news paragraph in each language."""
    assert article_from_text(LANGUAGE_SAMPLES[language]).language == language


def test_language_none_for_too_little_text() -> None:
    assert article_from_text("Trump trifft Selenskyj").language is None
    assert article_from_text(" ".join(["Patriot", "Tomahawk", "IRIS-T", "Taurus"] * 10)).language is None


def test_json_article_files_are_checked_by_the_declared_json_schema() -> None:
    """The schema, not hand-written checks, decides what a JSON article file may hold (jsonschema is declared)."""
    import json

    import jsonschema

    from summarize.article.json_input import ARTICLE_SCHEMA

    folder = Path(__file__).parent.parent / "fixtures" / "inputs" / "json"
    validator = jsonschema.Draft202012Validator(ARTICLE_SCHEMA)
    assert validator.is_valid(json.loads((folder / "article.json").read_text(encoding="utf-8")))
    assert not validator.is_valid(json.loads((folder / "no_text.json").read_text(encoding="utf-8")))
    for bad in ({"text": " \n"}, {"text": PARA_EN, "id": True}, {"text": PARA_EN, "date": 2025}, [{"text": PARA_EN}]):
        assert not validator.is_valid(bad), bad
    assert validator.is_valid({"text": PARA_EN, "id": 7, "title": None, "extra": [1]})  # other keys are ignored


def test_the_article_modules_stay_small() -> None:
    """One concept a module (issue 12): none of summarize/article/ over 400 lines."""
    folder = Path(__file__).resolve().parents[1].parent / "summarize" / "article"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert max(sizes.values()) <= 400, sizes
