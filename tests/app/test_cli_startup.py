"""Start-up costs nothing the command does not use: ``summarize --help``, ``schema`` and ``import summarize``
load no model client (openai, instructor), and a run the cache answers whole never loads it either.
(Timings: benchmarks/startup.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from ..conftest import RECORDINGS, ROOT, SEEDS

HEAVY = ("openai", "instructor")


def _loaded_after(code: str) -> dict[str, bool]:
    """Run ``code`` in a fresh interpreter; which heavy modules it left loaded."""
    probe = textwrap.dedent(code) + textwrap.dedent(f"""
        import json, sys
        print(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_and_schema_load_no_model_client() -> None:
    for args in (["--help"], ["digest", "--help"], ["schema", "briefing"]):
        loaded = _loaded_after(f"""
            import sys
            from summarize.app.cli import app
            try:
                app({args!r})
            except SystemExit:
                pass
        """)
        assert loaded == dict.fromkeys(HEAVY, False), (args, loaded)


def test_import_summarize_is_lazy_and_keeps_every_public_name() -> None:
    assert _loaded_after("import summarize") == dict.fromkeys(HEAVY, False)
    import summarize

    for name in summarize.__all__:
        assert getattr(summarize, name) is not None
    assert summarize.Settings.__module__ == "summarize.settings"


def test_summarize_run_stays_the_function_after_its_subpackage_is_imported() -> None:
    code = """
        import summarize.run.cache
        from summarize import run
        assert callable(run) and run.__module__ == "summarize.run.pipeline", run
    """
    _loaded_after(code)


def test_a_run_the_cache_answers_whole_loads_no_model_client(tmp_path: Path) -> None:
    from summarize import run
    from summarize.run.cache import BriefingCache
    from summarize.settings import resolve_settings

    replay = resolve_settings(replay=RECORDINGS)
    live = replay.with_(replay_dir=None, base_url="http://127.0.0.1:9/v1")
    cache = BriefingCache(tmp_path / "cache")
    for b in run([SEEDS], settings=replay).briefings:  # warm the cache as a first run would
        cache.put(next(a for a in _articles() if a.id == b.article.id), live, b)
    loaded = _loaded_after(f"""
        import asyncio
        from pathlib import Path
        from summarize import Settings, arun
        from summarize.run.cache import BriefingCache
        settings = Settings(model={live.model!r}, base_url="http://127.0.0.1:9/v1")
        result = asyncio.run(arun([Path({str(SEEDS)!r})], settings=settings, cache=BriefingCache(Path({str(tmp_path / 'cache')!r}))))
        assert len(result.briefings) == 5 and all(b.meta.cached for b in result.briefings), result.failures
    """)
    assert loaded == dict.fromkeys(HEAVY, False)


def _articles():  # noqa: ANN202
    from summarize.run.sources import load_sources

    return load_sources([SEEDS]).articles


def test_the_cli_defaults_agree_with_the_library() -> None:
    from summarize.app import options
    from summarize.app.mcp import DEFAULT_MAX_FILES
    from summarize.llm.limiter import DEFAULT_CONCURRENCY
    from summarize.run.batch import DEFAULT_POLL_INTERVAL
    from summarize.settings import MODES

    assert options.DEFAULT_CONCURRENCY == DEFAULT_CONCURRENCY
    assert options.DEFAULT_POLL_INTERVAL == DEFAULT_POLL_INTERVAL
    assert options.DEFAULT_MAX_FILES == DEFAULT_MAX_FILES
    assert options.MODES == MODES


def test_the_command_in_its_own_process_tunes_the_collector(tmp_path: Path) -> None:
    """main() (the ``summarize`` command, ``python -m summarize``) collects young objects less often and
    freezes start-up's objects before the run."""
    code = f"""
        import gc, sys
        from summarize.app import cli
        sys.argv = ["summarize", "digest", {str(SEEDS)!r}, "--replay", {str(RECORDINGS)!r}, "-q",
                    "-o", {str(tmp_path / 'out')!r}, "--no-history"]
        try:
            cli.main()
        except SystemExit as exc:
            assert not exc.code, exc.code
        print(gc.get_threshold()[0], gc.get_freeze_count())
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    young, frozen = map(int, done.stdout.split()[-2:])
    assert young == 10_000 and frozen > 10_000


def test_the_app_called_in_process_leaves_the_collector_alone(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import gc

    from typer.testing import CliRunner

    from summarize.app.cli import app

    calls: list[str] = []
    for name in ("disable", "enable", "freeze", "set_threshold"):
        monkeypatch.setattr(gc, name, lambda *a, _n=name: calls.append(_n))
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-q", "-o",
                                      str(tmp_path / "out"), "--no-history"])
    assert result.exit_code == 0, result.output
    assert calls == []


def test_a_warm_rerun_of_the_command_loads_no_http_client_price_table_or_text_reader(tmp_path: Path) -> None:
    """A rerun the cache answers whole, against a server on this machine: no httpx2 (nothing is fetched or
    sent), no genai-prices (no price for a local server), no line classifier (every text's metadata is in the
    memo)."""
    args = ["digest", str(SEEDS), "-q", "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"),
            "--no-history", "--base-url", "http://127.0.0.1:9/v1", "--model", "qwen2.5-coder-1.5b-instruct"]
    from summarize import run
    from summarize.run.cache import BriefingCache
    from summarize.settings import resolve_settings

    replay = resolve_settings(replay=RECORDINGS)
    live = replay.with_(replay_dir=None, base_url="http://127.0.0.1:9/v1")
    cache = BriefingCache(tmp_path / "cache")
    for b in run([SEEDS], settings=replay).briefings:  # warm the cache as a first run would
        cache.put(next(a for a in _articles() if a.id == b.article.id), live, b)
    first = subprocess.run([sys.executable, "-m", "summarize", *args], cwd=ROOT, capture_output=True, text=True,
                           timeout=120)  # fills the article memo
    assert first.returncode == 0, first.stderr
    code = f"""
        import json, sys
        from summarize.app import cli
        sys.argv = ["summarize", *{args!r}]
        try:
            cli.main()
        except SystemExit as exc:
            assert not exc.code, exc.code
        print(json.dumps(sorted(m for m in ("httpx2", "genai_prices", "summarize.article.classify", "openai")
                                if m in sys.modules)))
    """
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_library_leaves_instructors_logger_to_its_host_and_the_command_quiets_it() -> None:
    """Importing the model client changes no logger of another package (a library does not change its host's
    process); the command, which reports failed attempts itself, quiets instructor's in its own process."""
    probe = textwrap.dedent("""
        import json, logging
        import summarize.llm.client  # builds nothing, changes nothing
        log = logging.getLogger("instructor")
        library = [log.propagate, len(log.handlers)]
        from summarize.app.command import _own_process_logging
        _own_process_logging()
        print(json.dumps([library, [log.propagate, len(log.handlers)]]))
    """)
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [[True, 0], [False, 1]]
