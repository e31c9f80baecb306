"""Bounds on what one article may cost: text without sentence ends is cut into numbered pieces that fit a
part, and an article over ``max_chars`` is refused before any request (issue 11, point 3).

The long texts here are HAND-MADE (generated word lists and unpunctuated runs), not real articles."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from summarize import ConfigurationError, InputError, Settings, abrief
from summarize.article.clean import clean
from summarize.article.load import article_from_text, load_article
from summarize.briefing.brief import Plan
from summarize.briefing.numbered import Sentences, sentence_chars

from ..support.fakes import Scripted

ROOT = Path(__file__).resolve().parents[1].parent
SETTINGS = Settings(model="m", api_key="k")  # chunk_chars 1800: pieces of at most 894, focused parts of 900


def _window_chars(sentences: Sentences, scope: tuple[int, int]) -> int:
    return sum(len(sentences.sentence(n)) + 6 for n in range(scope[0], scope[1] + 1))


def _check_bounded(plan: Plan) -> None:
    sentences = plan.sentences
    bound = sentence_chars(plan.settings.chunk_chars)
    assert max(len(sentences.sentence(n)) for n in range(1, len(sentences) + 1)) <= bound
    for request in plan.requests:  # every part of every pass fits the part size
        assert _window_chars(sentences, request.scope) <= plan.settings.chunk_chars
    # nothing lost or reordered: the pieces hold the cleaned text, but for the whitespace cut at
    pieces = "".join(sentences.sentence(n) for n in range(1, len(sentences) + 1))
    assert "".join(pieces.split()) == "".join(plan.cleaned.text.split())
    assert plan.grounder.sentences is sentences  # the grounder numbers the sentences as the model saw them


def test_text_without_sentence_ends_is_cut_at_whitespace_into_pieces_that_fit_a_part() -> None:
    words = [f"Eintrag{n}" for n in range(4000)]  # one 40,000-character line: a list with no punctuation
    text = "Liste der Meldungen\n" + " ".join(words) + "\n"
    plan = Plan(article_from_text(text, id="list"), SETTINGS)
    _check_bounded(plan)
    assert " ".join(words) in plan.cleaned.text
    tokens = {t for n in range(1, len(plan.sentences) + 1) for t in plan.sentences.sentence(n).split()}
    assert tokens <= {*words, "Liste", "der", "Meldungen"}  # cut between words, never inside one
    assert all(not plan.sentences.sentence(n)[-1].isspace() for n in range(1, len(plan.sentences) + 1))
    assert len(plan.scopes) >= 40000 // SETTINGS.chunk_chars


def test_a_run_without_any_whitespace_is_cut_mid_word() -> None:
    blob = "".join(f"Wort{n:04d}," for n in range(1200))  # 12,000 characters, no whitespace (a minified page)
    line = f"Verteidigungsminister Boris Pistorius sagte am Dienstag in Berlin zu den Daten {blob} nichts weiter"
    plan = Plan(article_from_text(f"Titel der Seite\n{line}\n", id="blob"), SETTINGS)
    pieces = [plan.sentences.sentence(n) for n in range(1, len(plan.sentences) + 1)]
    assert blob in "".join(pieces) and max(map(len, pieces)) == sentence_chars(SETTINGS.chunk_chars)
    _check_bounded(plan)


def test_small_parts_get_small_pieces() -> None:
    text = "Titel\n" + " ".join(["wort"] * 500) + "\n"
    plan = Plan(article_from_text(text, id="small"), SETTINGS.with_(chunk_chars=200))
    _check_bounded(plan)
    assert len(plan.sentences) > 500 * 5 // sentence_chars(200)


@pytest.mark.parametrize("folder", ["seeds", "benchmarks/heldout"])
def test_articles_with_sentence_ends_are_numbered_as_before(folder: str) -> None:
    """The recordings replay only if the numbered sentences stay byte-identical for real articles."""
    for path in sorted((ROOT / folder).glob("*.txt")):
        text = clean(load_article(path).text).text
        assert Sentences.of(text, sentence_chars(SETTINGS.chunk_chars)) == Sentences.of(text), path.name


# --------------------------------------------------------------------------- the size cap


def test_an_article_over_max_chars_fails_named_and_the_others_are_briefed(tmp_path: Path) -> None:
    """digest on the seeds, replaying the committed recordings (no network): 003 (5,355 characters) is over
    --max-chars 5300, so it fails before any request; the four others replay as before."""
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..conftest import RECORDINGS, SEEDS

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(out),
                                      "--max-chars", "5300", "-q"])
    assert result.exit_code == 1, result.output
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert [f["article_id"] for f in digest["failures"]] == ["003_217b1643d8ffb68b"]
    failure = digest["failures"][0]
    assert failure["error_kind"] == "InputError"
    assert "003_217b1643d8ffb68b.txt" in failure["message"] and "5,355 characters" in failure["message"]
    assert "--max-chars 6000" in failure["message"]
    assert digest["meta"]["articles_briefed"] == 4


def test_the_cap_is_checked_before_the_file_s_metadata_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 20 MB file costs no classification of its lines (seconds) and no request."""
    import summarize.article.classify as lines  # read_meta imports the classifier from there when it runs

    def classify(text: str) -> None:
        raise AssertionError("classified a file over the cap")

    monkeypatch.setattr(lines, "classify", classify)
    big = tmp_path / "dump.txt"
    big.write_text("Ein Satz über nichts.\n" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match=r"dump\.txt: the article is 22,000 characters long, over the limit of 1,000"):
        load_article(big, max_chars=1000)


def test_an_article_given_as_text_over_the_cap_sends_nothing() -> None:
    endpoint = Scripted([])  # no answer scripted: any request would fail the test
    settings = Settings(model="m", api_key="k", max_chars=100)
    with pytest.raises(InputError, match=r"long-one: the article is 2,200 characters long.*--max-chars 3000"):
        asyncio.run(abrief(article_from_text("Ein Satz über nichts.\n" * 100, id="long-one"), settings=settings,
                           client=endpoint.async_client()))
    assert endpoint.requests == []


def test_max_chars_setting_from_the_environment() -> None:
    assert Settings.from_env({"SUMMARIZE_MAX_CHARS": "250000"}).max_chars == 250_000
    assert Settings.from_env({}).max_chars == 100_000
    with pytest.raises(ConfigurationError, match="SUMMARIZE_MAX_CHARS='lots' is not a whole number"):
        Settings.from_env({"SUMMARIZE_MAX_CHARS": "lots"})
    with pytest.raises(ConfigurationError, match="max_chars=0"):
        Settings(max_chars=0)
