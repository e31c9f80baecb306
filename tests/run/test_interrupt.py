"""SIGTERM mid-run: finished briefings are kept, exit is clean, and the rerun briefs only the rest.

The CLI runs as a real subprocess against a slow loopback server that answers with HAND-MADE JSON."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ..support.fakes import completion

TEXT = "Pistorius prüft Kauf\nVerteidigungsminister Boris Pistorius sagte am Dienstag, man prüfe den Kauf ({n}).\n"
PART = {"actors": [{"name_as_written": "Boris Pistorius", "s": 2,
                    "name": "Boris Pistorius", "kind": "person", "role_in_english": None}],
        "decisions": [], "weapons": [], "open_questions": []}
SUMMARY = {"sentences_in_english": ["Pistorius reviews a purchase."]}


class _SlowModel(BaseHTTPRequestHandler):
    delay = 0.25
    requests: list[str] = []

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        type(self).requests.append(self.headers.get("x-summarize-article", "?"))
        time.sleep(self.delay)
        answer = SUMMARY if "sentences_in_english" in json.dumps(body["response_format"]) else PART
        data = json.dumps(completion(json.dumps(answer))).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():  # noqa: ANN201
    _SlowModel.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _SlowModel)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def _cli(base_url: str, inbox: Path, out: Path, cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "OPENAI_API_KEY": "sk-test", "SUMMARIZE_CACHE_DIR": str(cache)}
    code = "from summarize.app.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "digest", str(inbox), "-o", str(out), "--base-url", base_url, "--model", "m", "-j", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_sigterm_keeps_finished_briefings_and_rerun_completes(server: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(4):
        (inbox / f"a{n}.txt").write_text(TEXT.format(n=n), encoding="utf-8")
    out, cache = tmp_path / "out", tmp_path / "cache"

    proc = _cli(server, inbox, out, cache)
    deadline = time.monotonic() + 30
    while not list((out / "briefings").glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "run the same command again" in stderr
    kept = sorted(p.stem for p in (out / "briefings").glob("*.json"))
    assert 1 <= len(kept) < 4
    assert not (out / "digest.json").exists()

    first_run_requests = len(_SlowModel.requests)
    proc = _cli(server, inbox, out, cache)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    rerun = _SlowModel.requests[first_run_requests:]
    assert not set(rerun) & set(kept)  # nothing finished before was asked again
    assert sorted(set(rerun) | set(kept)) == [f"a{n}" for n in range(4)]
    assert f"4/4 articles briefed ({len(kept)} from cache)" in stderr
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert digest["meta"]["articles_briefed"] == 4
