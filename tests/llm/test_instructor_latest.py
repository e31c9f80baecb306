"""The structured-call tests against the newest instructor release (issue 12: instructor through its public API,
in one version-ranged module, "with a test against its newest release").

Off by default (it installs from the package index): ``SUMMARIZE_TEST_LATEST=1 python -m pytest
tests/llm/test_instructor_latest.py``. It makes a venv that sees this environment's packages (a ``.pth`` file),
installs the newest instructor into it (``pip install --upgrade instructor``, with whatever newer
dependencies that release asks for, which shadow the ones seen), and runs the tests of the structured call
there: the shape of every request (the replay tests hash request bodies against the recordings), the
briefing and digest calls, re-asks and error mapping. About a minute.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1].parent
TESTS = ["tests/llm/test_structured.py", "tests/llm/test_speedups.py", "tests/briefing/test_briefing.py", "tests/digest/test_passes.py",
         "tests/llm/test_replay.py", "tests/test_quality.py", "tests/briefing/test_grounding_once.py"]

pytestmark = pytest.mark.skipif(os.environ.get("SUMMARIZE_TEST_LATEST") != "1",
                                reason="installs the newest instructor: set SUMMARIZE_TEST_LATEST=1")


def _run(*args: str | Path, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload]


def test_structured_calls_work_with_the_newest_instructor(tmp_path: Path) -> None:
    venv = tmp_path / "latest"
    _run(sys.executable, "-m", "venv", venv).check_returncode()
    python = venv / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    (Path(purelib) / "_this_env.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    install = _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "instructor")
    assert install.returncode == 0, install.stderr[-2000:]
    version = _run(python, "-c", "import instructor; print(instructor.__version__)").stdout.strip()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SUMMARIZE_TEST_LATEST")
    result = _run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS, cwd=ROOT, env=env)
    print(f"instructor {version}: {result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ''}")
    assert result.returncode == 0, f"instructor {version}:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
