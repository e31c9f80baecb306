"""Test harness: no request may leave the machine, and no developer environment leaks into a test.

Every test runs with sockets guarded: connecting to (or resolving) anything but loopback raises
:class:`NetworkBlocked`. ``test_replay.py`` proves the guard catches a real openai client request.
"""

from __future__ import annotations

from collections.abc import Iterator
import ipaddress
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RECORDINGS = Path(__file__).resolve().parent / "recordings" / "seeds"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(RuntimeError):
    """A test tried to reach a non-loopback address."""


def _is_loopback(host: object) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


def _guard_address(address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, (str, bytes)) and isinstance(address, tuple) and not _is_loopback(
        host.decode() if isinstance(host, bytes) else host
    ):
        raise NetworkBlocked(f"test tried to connect to {address!r}; tests must replay recordings")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _guard_address(address)
        return _real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _guard_address(address)
        return _real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        name = host.decode() if isinstance(host, bytes) else host
        if not _is_loopback(name):
            raise NetworkBlocked(f"test tried to resolve {host!r}; tests must replay recordings")
        return _real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="session", autouse=True)
def _no_real_history_or_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module-scoped fixtures run commands before the function-scoped ``_clean_env``: their runs too stay out
    of the developer's history database and cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path_factory.mktemp("session-cache")))
    patch.setenv("SUMMARIZE_HISTORY", str(tmp_path_factory.mktemp("session-history") / "history.sqlite"))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL", "SUMMARIZE_MODE", "SUMMARIZE_LANG",
                "SUMMARIZE_CONFIG", "SUMMARIZE_TIMEOUT", "SUMMARIZE_DEPTH", "SUMMARIZE_CHUNK_CHARS",
                "SUMMARIZE_MAX_CHARS", "SUMMARIZE_PRICES"):
        monkeypatch.delenv(var, raising=False)
    # never touch the developer's real briefing cache or history
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("SUMMARIZE_HISTORY", str(tmp_path_factory.mktemp("history") / "history.sqlite"))


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
