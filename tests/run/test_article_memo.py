"""The article metadata memo (``BriefingCache.articles``, summarize/run/cache.py): a rerun takes each known
text's title, source, date and language from it instead of classifying the text again, with the same
result; an entry that is corrupt, or was written by other reading code, is a miss, never an error.

Texts are HAND-MADE or the seeds; answers are HAND-MADE (tests/support/fakes.py)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from summarize import Settings, run
from summarize.article import classify as classify_module, load as load_module
from summarize.article.load import TextMeta, load_article, read_meta
from summarize.run import cache as cache_module
from summarize.run.cache import ArticleMemo, BriefingCache, memo_key

from summarize._data import code_sha256

from ..conftest import SEEDS
from ..support.fakes import Scripted

TEXT = ("EXAMPLE-NEWS.de\nPistorius prüft den Kauf neuer Systeme\n17.10.2025\n"
        "Verteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf. Die Entscheidung falle "
        "bald, sagte er in Berlin vor Journalisten, und der Bundestag werde darüber beraten.\n"
        "(Example-News.de)\n")
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 4, "name": "Boris Pistorius",
                               "kind": "person", "role_in_english": "defence minister"}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


def _answers(body: dict) -> str:
    return SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART


def _settings() -> Settings:
    return Settings(model="m", api_key="k", depth=1)


def _file(tmp_path: Path, text: str = TEXT, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_classify(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text classified while it is active (the classifier still runs; the test reads the list)."""
    seen: list[str] = []
    real = classify_module.classify

    def counting(text: str, **options: bool):  # noqa: ANN202
        seen.append(text)
        return real(text, **options)

    monkeypatch.setattr(classify_module, "classify", counting)
    return seen


def test_the_memo_gives_the_same_article_as_reading_the_text(tmp_path: Path, no_classify: list[str]) -> None:
    memo = ArticleMemo(tmp_path / "memo")
    paths = [_file(tmp_path), *sorted(SEEDS.glob("*.txt"))]
    plain = [load_article(p) for p in paths]
    assert len(no_classify) == len(paths)
    first = [load_article(p, memo=memo) for p in paths]  # read and put
    assert len(no_classify) == 2 * len(paths)
    again = [load_article(p, memo=memo) for p in paths]  # taken from the memo
    assert len(no_classify) == 2 * len(paths)
    assert first == plain and again == plain
    assert plain[0].published == dt.date(2025, 10, 17) and plain[0].source == "EXAMPLE-NEWS.de"
    assert plain[0].title == "Pistorius prüft den Kauf neuer Systeme" and plain[0].language == "de"


def test_metadata_given_by_the_file_still_wins_over_the_memo(tmp_path: Path) -> None:
    memo = ArticleMemo(tmp_path / "memo")
    load_article(_file(tmp_path), memo=memo)
    page = json.dumps({"text": TEXT, "title": "Given title", "source": "given.example", "date": "2024-01-02"})
    article = load_article(_file(tmp_path, page, "b.json"), memo=memo)
    assert (article.title, article.source, article.published) == ("Given title", "given.example", dt.date(2024, 1, 2))
    assert article.language == "de"


def test_a_cached_rerun_does_not_classify_any_text(tmp_path: Path, no_classify: list[str]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(3):
        _file(inbox, TEXT.replace("Dienstag", f"Dienstag ({i})"), f"a{i}.txt")
    cache, server = BriefingCache(tmp_path / "cache"), Scripted(respond=_answers)
    first = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(no_classify) >= 3 and first.failures == []  # read, then cleaned for the model
    no_classify.clear()
    second = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert no_classify == [] and len(server.requests) == 6  # nothing classified, nothing asked again
    assert all(b.meta.cached for b in second.briefings)
    assert [b.article for b in second.briefings] == [b.article for b in first.briefings]
    assert second.digest.model_dump(exclude={"meta"}) == first.digest.model_dump(exclude={"meta"})


def _entry(memo: ArticleMemo, path: Path) -> str:
    key = memo_key(load_article(path).sha256)
    assert key in memo.entries.keys("articles")
    return key


def _tamper(memo: ArticleMemo, key: str, content: bytes) -> None:
    """Write over an entry from outside, as another program would."""
    db = sqlite3.connect(memo.entries.path)
    with db:
        db.execute("UPDATE articles SET value = ? WHERE key = ?", (content, key))
    db.close()


@pytest.mark.parametrize("content", [
    b"",
    b'{"title": "trunc',
    b"\xff\xfe not utf-8",
    b"[]",
    b'{"title": "T", "source": null, "published": null}',  # a field missing
    b'{"title": "T", "source": null, "published": null, "language": "de", "extra": 1}',
    b'{"title": 3, "source": null, "published": null, "language": "de"}',
    b'{"title": "T", "source": null, "published": "17.10.2025", "language": "de"}',
    b"[" * 100_000 + b"]" * 100_000,
])
def test_a_corrupt_entry_is_ignored_and_replaced(tmp_path: Path, content: bytes, no_classify: list[str]) -> None:
    memo, path = ArticleMemo(tmp_path / "memo"), _file(tmp_path)
    expected = load_article(path, memo=memo)
    entry = _entry(memo, path)
    _tamper(memo, entry, content)
    no_classify.clear()
    assert load_article(path, memo=memo) == expected and len(no_classify) == 1  # read again, no error
    assert load_article(path, memo=memo) == expected and len(no_classify) == 1  # and the entry replaced
    assert json.loads(memo.entries.get("articles", entry))["published"] == "2025-10-17"


def test_a_memo_file_that_is_no_database_is_a_miss_and_no_error(tmp_path: Path, no_classify: list[str]) -> None:
    memo, path = ArticleMemo(tmp_path / "memo"), _file(tmp_path)
    expected = load_article(path, memo=memo)
    memo.entries.close()
    for leftover in (tmp_path / "memo").glob("cache.sqlite-*"):
        leftover.unlink()
    memo.entries.path.write_bytes(b"not a database\n" * 300)  # HAND-MADE damage
    memo = ArticleMemo(tmp_path / "memo")
    no_classify.clear()
    assert load_article(path, memo=memo) == expected and len(no_classify) == 1
    assert load_article(path, memo=memo) == expected and len(no_classify) == 2  # left alone for the run


def test_a_memo_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "memo"
    blocked.write_text("a file where the memo folder should be", encoding="utf-8")
    memo, path = ArticleMemo(blocked), _file(tmp_path)
    assert load_article(path, memo=memo) == load_article(path)
    assert load_article(path, memo=memo) == load_article(path)


def test_an_entry_written_by_other_reading_code_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo, path = ArticleMemo(tmp_path / "memo"), _file(tmp_path)
    sha = load_article(path).sha256
    memo.put(sha, TextMeta(title="Stale title", source=None, published=None, language="en"))
    assert load_article(path, memo=memo).title == "Stale title"  # the key is what serves an entry...
    monkeypatch.setattr(cache_module, "reader_sha256", lambda: "0" * 64)  # ...and the reading code is in it
    assert load_article(path, memo=memo).title == "Pistorius prüft den Kauf neuer Systeme"


def test_the_reader_fingerprint_follows_the_code_that_reads_a_text(monkeypatch: pytest.MonkeyPatch) -> None:
    load_module.reader_sha256.cache_clear()
    try:
        before = load_module.reader_sha256()
        assert len(before) == 64 and load_module.reader_sha256() == before
        real = Path.read_bytes
        for edited in ("article/classify.py", "text/dates.py"):
            monkeypatch.setattr(Path, "read_bytes",
                                lambda self, e=edited: real(self) + (b"#" if self.as_posix().endswith(e) else b""))
            load_module.reader_sha256.cache_clear()
            code_sha256.cache_clear()
            assert load_module.reader_sha256() != before, edited
            monkeypatch.undo()
    finally:
        load_module.reader_sha256.cache_clear()
        code_sha256.cache_clear()
    assert read_meta(TEXT) == TextMeta(title="Pistorius prüft den Kauf neuer Systeme", source="EXAMPLE-NEWS.de",
                                       published=dt.date(2025, 10, 17), language="de")
