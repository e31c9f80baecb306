"""summarize.text: one place for each text primitive, and nothing written twice elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarize.text.files import write_atomic

PACKAGE = Path(__file__).resolve().parents[1].parent / "summarize"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


# --------------------------------------------------------------------------- files


def test_the_package_writes_files_atomically_in_one_place_only() -> None:
    renames = sorted(name for name, src in _sources().items() if re.search(r"\bos\.replace\(|\.rename\(", src))
    assert renames == ["text/files.py"]


def test_write_atomic_replaces_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "out.json"
    write_atomic(target, "first")
    write_atomic(target, "second ü")
    assert target.read_text(encoding="utf-8") == "second ü"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_write_atomic_that_fails_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "old")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "bad \udc80 surrogate")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_atomic_skips_a_temporary_name_left_by_an_earlier_process(tmp_path: Path, monkeypatch) -> None:
    import itertools
    import os

    from summarize.text import files

    monkeypatch.setattr(files, "_NUMBERS", itertools.count(7))
    left = tmp_path / f".out.txt.{os.getpid()}.7.tmp"
    left.write_text("someone else's", encoding="utf-8")
    write_atomic(tmp_path / "out.txt", "mine")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "mine"
    assert left.read_text(encoding="utf-8") == "someone else's"  # O_EXCL: never opened, never replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == [left.name, "out.txt"]


def test_write_atomic_files_are_private_as_mkstemp_made_them(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "x" * 100_000)
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text(encoding="utf-8") == "x" * 100_000


# --------------------------------------------------------------------------- one place for each primitive


def test_month_names_are_written_in_one_place_only() -> None:
    tables = sorted(name for name, src in _sources().items() if re.search(r"(?i)\bjanuar\b", src))
    assert tables == ["text/months.py"]


def test_sentence_abbreviation_lists_live_in_one_module() -> None:
    lists = sorted(name for name, src in _sources().items() if re.search(r'"bzw"|\bbzw ca\b', src))
    assert lists == ["text/sentences.py"]


def test_accents_are_stripped_in_one_place_only() -> None:
    folds = sorted(name for name, src in _sources().items() if '"NFKD"' in src)
    assert folds == ["text/normalise.py"]


def test_the_merge_and_the_entity_resolver_fold_text_alike() -> None:
    """They had two folds that drifted: one kept underscores, the other made them spaces."""
    from summarize.digest import entities, merge

    for text in ("Selenskyj_Büro", "US-Präsident", "Orbán's  office"):
        assert merge.norm(text) == entities.normalise(text)
    assert merge.norm("Selenskyj_Büro") == "selenskyj buro"


# --------------------------------------------------------------------------- sentences

from summarize.text import sentences  # noqa: E402


def _split(text: str) -> list[str]:
    starts, ends = sentences.split(text)
    return [text[s:e] for s, e in zip(starts, ends)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Prof. Dr. R. Werner kam. Er ging.", ["Prof. Dr. R. Werner kam.", "Er ging."]),
    ("Am 4. Juli 2025 traf er ihn. Dann nicht.", ["Am 4. Juli 2025 traf er ihn.", "Dann nicht."]),
    ("Das sieht er so. Dann kam er.", ["Das sieht er so.", "Dann kam er."]),  # "so" ends a sentence
    ("Er sagte z. B. nichts. Sie auch nicht.", ["Er sagte z. B. nichts.", "Sie auch nicht."]),
    ("Title\nBody one. Body two!", ["Title", "Body one.", "Body two!"]),
    ("„Warum?“ fragte er. Niemand.", ["„Warum?“ fragte er.", "Niemand."]),
    # a page that lost a line break between two sentences writes no space after the period
    ("It had become too small.The paper said so.", ["It had become too small.", "The paper said so."]),
    ("It began on July 2.The ministry said so.", ["It began on July 2.", "The ministry said so."]),
    ('He said "no."Then he left.', ['He said "no."', "Then he left."]),
    ("Am 4.Juli 2025 kam er. Dann ging er.", ["Am 4.Juli 2025 kam er.", "Dann ging er."]),  # a date
    ("Siehe www.Spiegel.de oder die U.S. Army dazu.", ["Siehe www.Spiegel.de oder die U.S. Army dazu."]),
])
def test_the_splitter(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(("line", "n"), [
    ("Veröffentlicht am Sa., 18. Okt. 2025", 1),  # weekday and month abbreviations: one sentence
    ("Er kam. Sie ging.", 2),
    ("Acme Inc. und Co. melden Zahlen", 1),
    ("Foto: Jane Doe/AP", 1),
    ("z.B. 15.000 Menschen", 1),
])
def test_the_line_count(line: str, n: int) -> None:
    assert sentences.count(line) == n


def test_the_two_abbreviation_lists_differ_only_as_documented() -> None:
    counted = (sentences.ABBREVIATIONS - sentences._NOT_COUNTED) | sentences.LINE_ABBREVIATIONS
    assert sentences._COUNT_ABBREVIATIONS == counted
    assert {"so", "no", "etc", "do"} <= sentences.LINE_ABBREVIATIONS
    assert not {"so", "no", "etc", "do"} & sentences.ABBREVIATIONS  # they end sentences for the splitter


def test_bounds_widen_to_the_sentence_and_reject_bad_spans() -> None:
    text = "Er kam. Merz sprach lange. Sie ging."
    i = text.index("sprach")
    assert text[slice(*sentences.bounds(text, i, i + 6))] == "Merz sprach lange."
    with pytest.raises(ValueError):
        sentences.bounds(text, 5, 2)


def test_the_grounding_splitter_is_the_text_splitter() -> None:
    from summarize.briefing import ground, numbered

    assert ground.sentence_bounds is sentences.bounds
    text = "Dr. A. Beispiel kam. Er ging."
    assert numbered.Sentences.of(text).starts == sentences.split(text)[0]


# --------------------------------------------------------------------------- normalise, months, dates

from summarize.text.dates import find_date, parse_dateline  # noqa: E402
from summarize.text.months import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS  # noqa: E402
from summarize.text.normalise import fold, normalise, normalise_mapped, strip_accents  # noqa: E402


def test_normalise_and_its_map_back_to_the_original() -> None:
    text = "„Wir  werden\u00ad siegen“ – sagte er…"
    assert normalise(text) == '"wir werden siegen" - sagte er...'
    mapped = normalise_mapped(text)
    i = mapped.text.index("siegen")
    start, end = mapped.to_original(i, i + len("siegen"))
    assert text[start:end] == "siegen"


def test_fold_and_strip_accents() -> None:
    assert fold("US-Präsident  Orbán_s") == "us prasident orban s"
    assert strip_accents("Orbán") == "Orban"


def test_month_names_and_abbreviations() -> None:
    assert MONTH_NAMES["feber"] == MONTH_NAMES["jänner"] + 1 == 2
    assert "mar" in MONTH_ABBREVIATIONS and "mar" not in MONTH_NAMES  # a word, not a month, alone
    assert set(MONTHS) == set(MONTH_NAMES) | set(MONTH_ABBREVIATIONS)


@pytest.mark.parametrize(("line", "iso"), [
    ("Veröffentlicht am 17. Okt. 2025, 14:30 Uhr", "2025-10-17"),
    ("Mon., 17 Feb. 2025", "2025-02-17"),
    ("17.10.25", "2025-10-17"),
])
def test_datelines(line: str, iso: str) -> None:
    date = parse_dateline(line)
    assert date is not None and date.isoformat() == iso


def test_find_date_skips_invalid_dates() -> None:
    found = find_date("am 31.02.2025 oder am 1. März 2025")
    assert found is not None and found[0].isoformat() == "2025-03-01"
