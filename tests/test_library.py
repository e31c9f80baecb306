"""The library API (sync and async) on the recordings: the same results as the CLI, typed models back."""

from __future__ import annotations

import asyncio

import pytest

from summarize import (
    Briefing, ConfigurationError, InputError, ReplayMiss, Digest, Settings, abrief, abuild_digest, brief, build_digest, load_article, run,
)
from summarize.llm.replay import Cassette

from .conftest import RECORDINGS, SEEDS

SEED = SEEDS / "003_217b1643d8ffb68b.txt"


@pytest.fixture(scope="module")
def settings() -> Settings:
    manifest = Cassette(RECORDINGS).manifest()
    return Settings(model=manifest["model"], mode=manifest["mode"], lang=manifest["lang"], replay_dir=RECORDINGS)


def test_brief_path_article_and_async_agree(settings: Settings) -> None:
    from_path = brief(SEED, settings=settings)
    from_article = brief(load_article(SEED), settings=settings)
    from_async = asyncio.run(abrief(SEED, settings=settings))
    assert isinstance(from_path, Briefing)
    assert from_path == from_article == from_async
    assert from_path.article.id == "003_217b1643d8ffb68b"


def test_digest_sync_and_async_agree(settings: Settings) -> None:
    digest = build_digest([SEEDS], settings=settings)
    assert isinstance(digest, Digest) and digest.meta.articles_briefed == 5
    assert asyncio.run(abuild_digest([str(SEEDS)], settings=settings)) == digest


def test_run_reports_progress_without_printing(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    events = []
    result = run([SEEDS / "002_7357c77dc1409342.txt"], settings=settings, on_progress=events.append)
    assert [e.status for e in events] == ["start", "done"]
    assert events[1].briefing == result.briefings[0]
    assert capsys.readouterr() == ("", "")


def test_library_raises_configuration_error_naming_the_fix() -> None:
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY"):
        brief(SEED, settings=Settings(model="m"))


def test_str_is_article_text_not_a_path(settings: Settings) -> None:
    # a path given as str is briefed as text: one short line, which cleaning removes as page chrome
    with pytest.raises(InputError, match="nothing is left after removing page chrome"):
        brief(str(SEED), settings=settings)


def test_changed_text_is_a_replay_miss_naming_the_article(settings: Settings) -> None:
    text = SEED.read_text(encoding="utf-8") + "\nEin Satz, der nie aufgezeichnet wurde, steht hier am Ende.\n"
    with pytest.raises(ReplayMiss, match="--record") as info:
        brief(text, settings=settings)
    assert info.value.article_id == "article"


def test_a_client_of_our_own_is_closed_when_the_call_ends(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize import arun
    from summarize.llm import client as llm_client

    built = []
    make = llm_client.make_async_openai

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        built.append(make(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr(llm_client, "make_async_openai", recording)
    brief(SEED, settings=settings)
    run([SEED], settings=settings)
    asyncio.run(arun([SEED], settings=settings))
    assert len(built) == 3 and all(client.is_closed() for client in built)
