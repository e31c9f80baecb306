"""The briefing cache: reruns make no model calls, keys cover what changes a briefing, corruption is redone.

Answers are HAND-MADE (tests/fakes.py); the cache logic does not depend on what the model says."""

from __future__ import annotations

import json
from pathlib import Path

from summarize import Settings, run
from summarize.cache import BriefingCache, cache_key
from summarize.article.load import load_article

from .fakes import Scripted

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
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    base = cache_key(article, _settings())
    assert cache_key(article, _settings()) == base
    for changed in (_settings(model="other"), _settings(mode="tools"), _settings(lang="de"), _settings(chunk_chars=900)):
        assert cache_key(article, changed) != base
    path.write_text(TEXT + "Ein Satz mehr.\n", encoding="utf-8")
    assert cache_key(load_article(path), _settings()) != base


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
    entry = next((tmp_path / "cache").rglob("*.json"))
    entry.write_text('{"article": {"id": "truncated', encoding="utf-8")
    result = run([inbox], settings=_settings(), client=server.client(), cache=cache)
    assert len(server.requests) == 4 and not result.briefings[0].meta.cached
    assert cache.corrupt == [entry]
    assert json.loads(entry.read_text(encoding="utf-8"))["article"]["sha256"]  # rewritten whole
    assert not list((tmp_path / "cache").rglob(".tmp-*"))  # atomic writes leave no temp files
