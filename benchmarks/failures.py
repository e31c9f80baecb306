"""How a run fails: against local servers that fail the way real ones do, what each costs and leaves behind.

    python benchmarks/failures.py            # 10 articles per scenario, a good digest from the seeds first
    python benchmarks/failures.py --timeout 5

Scenarios (HAND-MADE servers from tests/support/faultserver.py; the articles are the seeds and their copies with one
changed line, so no two texts are equal): no server listening, a server that accepts and never answers, a
web page instead of the API, a bad key (401). For each: exit status, seconds, requests the server
received, lines on stderr, and whether yesterday's digest files are byte-identical afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.faultserver import FaultServer, hang, raw, status  # noqa: E402

SEEDS = ROOT / "seeds"
RECORDINGS = ROOT / "tests" / "recordings" / "seeds"
OUTPUTS = ("digest.json", "digest.md", "digest.html")


def _inbox(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        (folder / f"{i:02d}_{seed.stem}.txt").write_text(text + f"\nKopie {i}.\n", encoding="utf-8")
    return folder


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, float]:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", *args], capture_output=True, text=True,
        env={**os.environ, "OPENAI_API_KEY": "sk-benchmark-not-a-key", **(env or {})}, cwd=ROOT,
    )
    return proc.returncode, proc.stderr, time.monotonic() - started


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--timeout", default="5", help="--timeout for the stuck-server scenario (seconds)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="summarize-failures-"))
    inbox = _inbox(work / "inbox", args.articles)
    good = work / "good"
    code, err, _ = _cli("digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(good), "-q")
    assert code == 0, err
    before = {name: (good / name).read_bytes() for name in OUTPUTS}

    scenarios = {
        "no server": None,
        "stuck server": hang(3600),
        "web page": raw("<!doctype html><html><body>Welcome</body></html>", content_type="text/html"),
        "bad key (401)": status(401, {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}),
    }
    print(f"{args.articles} articles per scenario, -j 2\n")
    print(f"{'scenario':<16} {'exit':>4} {'seconds':>8} {'requests':>8} {'stderr lines':>12}  previous digest kept")
    for name, fault in scenarios.items():
        out = work / name.replace(" ", "_")
        shutil.copytree(good, out)
        extra = ["--timeout", args.timeout] if name == "stuck server" else []
        if fault is None:
            url, server = f"http://127.0.0.1:{_closed_port()}/v1", None
        else:
            server = FaultServer(default=fault).start()
            url = server.url
        try:
            code, err, seconds = _cli("digest", str(inbox), "--base-url", url, "--no-cache", "-o", str(out), "-j", "2",
                                      *extra)
        finally:
            if server is not None:
                server.stop()
        requests = len(server.requests) if server is not None else 0
        kept = all((out / n).read_bytes() == before[n] for n in OUTPUTS)
        print(f"{name:<16} {code:>4} {seconds:>8.1f} {requests:>8} {len(err.splitlines()):>12}  {'yes' if kept else 'NO'}")
        last = [line for line in err.splitlines() if line.strip()][-3:]
        for line in last:
            print(f"    {line[:150]}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
