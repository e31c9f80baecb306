"""The briefing cache: reruns make no model calls, keys cover what changes a briefing, corruption is redone.

Answers are HAND-MADE (tests/fakes.py); the cache logic does not depend on what the model says."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from summarize import Settings, run
from summarize.models import Article
from summarize.run.cache import BriefingCache, cache_key
from summarize.article.load import load_article

from ..support.fakes import Scripted

TEXT = "Pistorius prüft Kauf\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf.\n"
PART = json.dumps({"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                               "name": "Boris Pistorius", "kind": "person", "role_in_english": "defence minister"}],
                   "decisions": [], "weapons": [], "open_questions": []})
SUMMARY = json.dumps({"sentences_in_english": ["Pistorius reviews a purchase."]})


def _answers(body: dict) -> str:
    return SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART


def _inbox(tmp_path: Path, n: int = 2) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(n):
        (inbox / f"a{i}.txt").write_text(TEXT.replace("Dienstag", f"Dienstag ({i})"), encoding="utf-8")
    return inbox


def _article(tmp_path: Path) -> Article:
    """The hand-made article, loaded from a file (its key holds the file's text)."""
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def _entry(cache_dir: Path) -> str:
    """The key of the one briefing entry in the cache file (the memo's entries are in another table)."""
    with sqlite3.connect(cache_dir / "cache.sqlite") as db:
        (key,) = db.execute("SELECT key FROM briefings").fetchone()
    return key


def _read(cache_dir: Path, key: str) -> bytes:
    with sqlite3.connect(cache_dir / "cache.sqlite") as db:
        return db.execute("SELECT value FROM briefings WHERE key = ?", (key,)).fetchone()[0]


def _tamper(cache_dir: Path, key: str, value: bytes) -> None:
    """Write over an entry from outside, as another program (or a damaged disk) would."""
    db = sqlite3.connect(cache_dir / "cache.sqlite")
    with db:
        db.execute("UPDATE briefings SET value = ? WHERE key = ?", (value, key))
    db.close()


def _settings(**kw) -> Settings:
    return Settings(**{"model": "m", "api_key": "k", "depth": 1, **kw})


def test_rerun_makes_no_requests_and_returns_the_same_briefings(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)
    first = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 4  # 2 articles x (1 part + 1 summary)
    second = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 4
    assert all(b.meta.cached for b in second.briefings)
    strip = lambda b: b.model_copy(update={"meta": b.meta.model_copy(update={"cached": False})})  # noqa: E731
    assert [strip(b) for b in second.briefings] == first.briefings


def test_only_missing_articles_are_briefed(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path, 1), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=cache)
    (inbox / "new.txt").write_text(TEXT.replace("Dienstag", "Mittwoch"), encoding="utf-8")
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 4 and [b.meta.cached for b in result.briefings] == [True, False]


def test_key_covers_text_model_prompt_mode_and_language(tmp_path: Path) -> None:
    article = _article(tmp_path)
    base = cache_key(article, _settings())
    assert cache_key(article, _settings()) == base
    for changed in (_settings(model="other"), _settings(mode="tools"), _settings(lang="de"), _settings(chunk_chars=900)):
        assert cache_key(article, changed) != base
    (tmp_path / "x.txt").write_text(TEXT + "Ein Satz mehr.\n", encoding="utf-8")
    assert cache_key(load_article(tmp_path / "x.txt"), _settings()) != base


def test_same_text_under_another_name_is_a_hit_with_the_new_id(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path, 1), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=cache)
    (inbox / "a0.txt").rename(inbox / "renamed.txt")
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 2 and result.briefings[0].article.id == "renamed"


def test_corrupt_entry_is_redone_not_fatal(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path, 1), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=cache)
    entry = _entry(tmp_path / "cache")
    _tamper(tmp_path / "cache", entry, b'{"article": {"id": "truncated')
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 4 and not result.briefings[0].meta.cached
    assert cache.corrupt == [entry]
    assert any(entry in w and "not a valid briefing" in w for w in cache.warnings)
    assert json.loads(_read(tmp_path / "cache", entry))["article"]["sha256"]  # rewritten whole
    assert sorted(p.name for p in (tmp_path / "cache").iterdir() if not p.name.startswith("cache.sqlite")) == []


def test_a_cache_folder_that_cannot_be_written_is_a_warning_and_the_run_goes_on(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")  # root ignores chmod; this blocks anyone
    heard: list[str] = []
    inbox, cache = _inbox(tmp_path), BriefingCache(blocked, on_warning=heard.append)
    server = Scripted(respond=_answers)
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert result.failures == [] and len(result.briefings) == 2
    assert heard == cache.warnings and len(heard) == 1  # once, not per article (a lookup there is just a miss)
    assert "cannot write" in heard[0] and "caches nothing" in heard[0]
    assert str(blocked) in heard[0] and "--cache-dir" in heard[0] and "--no-cache" in heard[0]


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_cache_file_that_is_no_database_is_a_warning_naming_it_and_the_run_goes_on(tmp_path: Path, damage: str) -> None:
    inbox = _inbox(tmp_path, 1)
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=BriefingCache(tmp_path / "cache"))
    file = tmp_path / "cache" / "cache.sqlite"
    for leftover in (tmp_path / "cache").glob("cache.sqlite-*"):  # the write-ahead log, left by no open connection
        leftover.unlink()
    data = file.read_bytes()
    file.write_bytes(b"not a database at all\n" * 200 if damage == "garbage" else data[:100])  # HAND-MADE damage
    heard: list[str] = []
    cache = BriefingCache(tmp_path / "cache", on_warning=heard.append)
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert result.failures == [] and not result.briefings[0].meta.cached and len(server.requests) == 4
    read = next(w for w in heard if "cannot read the briefing cache" in w)
    assert str(file) in read and "Delete that file" in read and "--no-cache" in read
    assert len(heard) == len(set(heard)) <= 2  # reading and writing, once each at most, not per article


@pytest.mark.parametrize("said, for_good", [("attempt to write a readonly database", True),
                                             ("database or disk is full", False)])
def test_a_write_that_fails_is_a_warning_once_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  said: str, for_good: bool) -> None:
    """A read-only cache file stops writes for the run; a full disk is worth trying again for the next article."""
    from summarize.run.entries import Entries

    inbox = _inbox(tmp_path, 1)
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=BriefingCache(tmp_path / "cache"))
    for i in range(2):
        (inbox / f"new{i}.txt").write_text(TEXT.replace("Dienstag", f"Mittwoch ({i})"), encoding="utf-8")
    tried: list[str] = []

    def failing(self: Entries, table: str, key: str, value: bytes) -> None:
        tried.append(table)
        raise sqlite3.OperationalError(said)

    monkeypatch.setattr(Entries, "put", failing)
    cache = BriefingCache(tmp_path / "cache")
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert [b.meta.cached for b in result.briefings] == [True, False, False] and result.failures == []
    assert len(cache.warnings) == 1 and said in cache.warnings[0] and "--no-cache" in cache.warnings[0]
    assert ("caches nothing" in cache.warnings[0]) == for_good
    assert tried.count("briefings") == (1 if for_good else 2)


def test_a_cache_entry_that_is_not_utf8_is_a_warning_and_redone(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path, 1), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=cache)
    entry = _entry(tmp_path / "cache")
    _tamper(tmp_path / "cache", entry, b"\xff\xfe{\x00\x9c not utf-8")
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert result.failures == [] and not result.briefings[0].meta.cached and len(server.requests) == 4
    assert any(entry in w and str(cache.file) in w and "UTF-8" in w for w in cache.warnings)
    again = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert again.briefings[0].meta.cached and len(server.requests) == 4  # the entry was replaced


def test_key_follows_the_content_of_every_prompt_file(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import shutil

    from summarize import _data
    from summarize.run import cache as cache_module

    prompts = tmp_path / "prompts"
    shutil.copytree(_data.data_dir("prompts"), prompts)
    monkeypatch.setattr(cache_module, "data_dir", lambda name: prompts)
    article = _article(tmp_path)

    def key() -> str:
        cache_module.prompts_sha256.cache_clear()
        return cache_key(article, _settings())

    base = key()
    try:
        assert key() == base
        system = prompts / "brief.system.txt"
        system.write_text(system.read_text(encoding="utf-8") + "\nOne more rule.\n", encoding="utf-8")  # VERSION untouched
        edited = key()
        assert edited != base
        example = prompts / "examples" / "article.txt"
        example.write_text(example.read_text(encoding="utf-8") + " ", encoding="utf-8")
        assert key() not in (base, edited)
    finally:
        cache_module.prompts_sha256.cache_clear()


def test_key_follows_the_code_that_makes_a_briefing(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """An edit of a word list or of the grounding code is a miss (an upgrade never serves stale briefings);
    an edit of the renderer is not (it does not change a briefing)."""
    import shutil

    from summarize import _data

    package = tmp_path / "summarize"
    shutil.copytree(Path(_data.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(_data.data_dir("prompts"), tmp_path / "prompts")  # beside the package, as in a checkout
    monkeypatch.setattr(_data, "_PACKAGE", package)
    article = _article(tmp_path)

    def key() -> str:
        _data.code_sha256.cache_clear()
        return cache_key(article, _settings())

    base = key()
    try:
        assert key() == base
        renderer = package / "render" / "markdown.py"
        renderer.write_text(renderer.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
        assert key() == base
        cues = package / "data" / "cues.json"
        cues.write_text(cues.read_text(encoding="utf-8") + " ", encoding="utf-8")
        edited = key()
        assert edited != base
        grounder = package / "briefing" / "grounder.py"
        grounder.write_text(grounder.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
        assert key() not in (base, edited)
    finally:
        _data.code_sha256.cache_clear()


def test_a_cached_briefing_whose_quotes_left_their_offsets_is_not_served(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path, 1), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)
    run([inbox], settings=_settings(), client=server.client(), cache=cache)
    entry = _entry(tmp_path / "cache")
    data = json.loads(_read(tmp_path / "cache", entry))
    evidence = data["actors"][0]["evidence"][0]
    evidence["start"] += 1  # HAND-MADE tampering: the span no longer holds the quote
    evidence["end"] += 1
    _tamper(tmp_path / "cache", entry, json.dumps(data).encode("utf-8"))
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert not result.briefings[0].meta.cached and len(server.requests) == 4
    assert any("offsets" in w for w in cache.warnings)
    ev = result.briefings[0].actors[0].evidence[0]
    assert (inbox / "a0.txt").read_text(encoding="utf-8")[ev.start:ev.end] == ev.quote


def test_cli_with_an_unwritable_cache_warns_once_and_writes_the_digest(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..support.faultserver import FaultServer, ok

    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    inbox, out = _inbox(tmp_path), tmp_path / "out"
    with FaultServer(default=lambda body: ok(_answers(body))) as server:
        result = CliRunner().invoke(app, ["digest", str(inbox), "-o", str(out), "--base-url", server.url, "--model", "m",
                                          "--depth", "1", "--cache-dir", str(blocked)], env={"OPENAI_API_KEY": "k"})
    assert result.exit_code == 0, result.output
    assert result.exception is None and "Traceback" not in result.output
    assert json.loads((out / "digest.json").read_text(encoding="utf-8"))["meta"]["articles_briefed"] == 2
    assert result.output.count("warning: cannot write to the briefing cache") == 1


def test_digest_reports_tokens_spent_and_reused_apart(tmp_path: Path) -> None:
    inbox, cache = _inbox(tmp_path), BriefingCache(tmp_path / "cache")
    server = Scripted(respond=_answers)  # hand-made answers: 100 prompt + 20 completion tokens each
    first = run([inbox], settings=_settings(), client=server.client(), cache=cache).digest.meta
    assert first.spent.prompt_tokens == 400 and first.spent.completion_tokens == 80
    assert first.reused.prompt_tokens == 0 and first.usage == first.spent
    second = run([inbox], settings=_settings(), client=server.client(), cache=cache).digest.meta
    assert second.spent.prompt_tokens == 0 and second.spent.completion_tokens == 0
    assert second.reused == first.spent and second.usage == first.spent
    assert second.tokens_line() == "0 prompt (0 cached) + 0 completion tokens spent, 480 reused from the cache"


def test_cli_summary_line_counts_cached_briefings_as_reused_not_spent(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..support.faultserver import FaultServer, ok

    inbox = _inbox(tmp_path)
    with FaultServer(default=lambda body: ok(_answers(body))) as server:
        def digest(out: str) -> str:
            result = CliRunner().invoke(app, ["digest", str(inbox), "-o", str(tmp_path / out), "--base-url", server.url,
                                              "--model", "m", "--depth", "1", "--cache-dir", str(tmp_path / "cache")],
                                        env={"OPENAI_API_KEY": "k"})
            assert result.exit_code == 0, result.output
            return result.output

        assert "400 prompt (0 cached) + 80 completion tokens spent" in digest("one")
        assert "0 prompt (0 cached) + 0 completion tokens spent, 480 reused from the cache" in digest("two")
