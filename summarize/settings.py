"""Run settings: which model, where, how, in which language. Read from arguments or the environment."""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .errors import ConfigurationError

ModeName = Literal["json_schema", "tools", "json"]
MODES: tuple[ModeName, ...] = ("json_schema", "tools", "json")

DEFAULT_MODEL = "gpt-4o-mini"
# json_schema is the default: OpenAI (structured outputs), llama.cpp's server, vLLM and Ollama all take it.
DEFAULT_MODE: ModeName = "json_schema"
DEFAULT_MAX_CHARS = 100_000


@dataclass(frozen=True)
class Settings:
    """Everything that decides what a briefing request looks like, plus where it goes.

    ``record_dir`` / ``replay_dir`` switch on recording to, or replaying from, a folder of HTTP exchanges.
    """

    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: ModeName = DEFAULT_MODE
    lang: str = "en"
    temperature: float = 0.0
    # Output budget per request. A briefing part needs ~300-900 tokens; a weak model that loops is
    # stopped here and its answer salvaged (see briefing.call), not left to run to the context limit.
    max_tokens: int = 1400
    summary_max_tokens: int = 300
    # Cleaned text per model call. Small models recall far more per paragraph than per article.
    chunk_chars: int = 1800
    # Passes per part (1, 2 or 3): how many requests read each part, each asking for fewer lists. A small
    # model fills a short list far more completely; see briefing.drafts.PASSES and benchmarks/quality.py.
    depth: int = 3
    # At depth 3, after the answers, one more request per part of the decisions pass whose sentences of an act
    # no decision covers (briefing.plan.Plan.glean_requests): a small model leaves some of a part's decisions out.
    # Off by default: with Qwen2.5-Coder-1.5B it found 2 more of 70 held-out decisions and added 8 wrong ones,
    # for 14 % more completion tokens (README, "Quality"). SUMMARIZE_GLEAN=1 switches it on.
    glean: bool = False
    # Validation re-asks after the first answer (instructor's max_retries). One, as the grounding rules say.
    reasks: int = 1
    # The longest article briefed, in characters of its text as read (HTML: the extracted text). A longer
    # one fails before any request (a 20 MB dump would cost thousands); news runs to a few 10,000s.
    max_chars: int = DEFAULT_MAX_CHARS
    # Seconds to wait for one answer (per HTTP attempt); None: REMOTE_TIMEOUT, or LOCAL_TIMEOUT for a server
    # on this machine or a private network (a CPU model can take minutes for a long answer).
    timeout: float | None = None
    record_dir: Path | None = None
    replay_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigurationError(f"unknown mode {self.mode!r}: use one of {', '.join(MODES)}")
        if self.record_dir and self.replay_dir:
            raise ConfigurationError("--record and --replay exclude each other: pick one")
        if self.chunk_chars < 200:
            raise ConfigurationError(f"chunk_chars={self.chunk_chars} is too small: use 200 or more")
        if self.depth not in (1, 2, 3):
            raise ConfigurationError(f"depth={self.depth}: use 1 (one request per part), 2 or 3 (focused passes)")
        if self.timeout is not None and not self.timeout > 0:
            raise ConfigurationError(f"timeout={self.timeout}: use a number of seconds above 0 (e.g. --timeout 300)")
        if self.max_chars < 1:
            raise ConfigurationError(f"max_chars={self.max_chars}: use 1 or more (characters of one article)")
        if self.max_tokens < 64:
            raise ConfigurationError(f"max_tokens={self.max_tokens} is too small: use 64 or more")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``SUMMARIZE_MODEL``, ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``SUMMARIZE_MODE``,
        ``SUMMARIZE_LANG``, ``SUMMARIZE_DEPTH``, ``SUMMARIZE_CHUNK_CHARS``, ``SUMMARIZE_MAX_CHARS`` and ``SUMMARIZE_GLEAN``;
        keyword arguments that are not None win."""
        env = dict(os.environ if env is None else env)
        values: dict[str, object] = {
            "model": env.get("SUMMARIZE_MODEL") or DEFAULT_MODEL,
            "base_url": env.get("OPENAI_BASE_URL") or None,
            "api_key": env.get("OPENAI_API_KEY") or None,
            "mode": env.get("SUMMARIZE_MODE") or DEFAULT_MODE,
            "lang": env.get("SUMMARIZE_LANG") or "en",
        }
        for name, key in (("depth", "SUMMARIZE_DEPTH"), ("chunk_chars", "SUMMARIZE_CHUNK_CHARS"),
                          ("max_chars", "SUMMARIZE_MAX_CHARS")):
            if env.get(key):
                try:
                    values[name] = int(env[key])
                except ValueError:
                    raise ConfigurationError(f"{key}={env[key]!r} is not a whole number") from None
        if env.get("SUMMARIZE_GLEAN"):
            values["glean"] = env["SUMMARIZE_GLEAN"].strip().casefold() in ("1", "true", "yes", "on")
        if env.get("SUMMARIZE_TIMEOUT"):
            try:
                values["timeout"] = float(env["SUMMARIZE_TIMEOUT"])
            except ValueError:
                raise ConfigurationError(
                    f"SUMMARIZE_TIMEOUT={env['SUMMARIZE_TIMEOUT']!r} is not a number of seconds (e.g. 300)"
                ) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def read_timeout(self) -> float:
        """Seconds to wait for one answer: ``timeout``, else the default for where the server is."""
        if self.timeout is not None:
            return self.timeout
        return LOCAL_TIMEOUT if is_local(self.base_url) else REMOTE_TIMEOUT

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def check_reachable(self) -> None:
        """Raise ConfigurationError unless a live request could be authorised somewhere."""
        if self.replay_dir is None and not self.api_key and not self.base_url:
            raise ConfigurationError(
                "no LLM configured: set OPENAI_API_KEY (for OpenAI), or pass --base-url / set OPENAI_BASE_URL "
                "for a local server (e.g. --base-url http://127.0.0.1:8080/v1), "
                "or replay recorded answers with --replay DIR"
            )


REMOTE_TIMEOUT = 120.0
LOCAL_TIMEOUT = 300.0


def is_local(base_url: str | None) -> bool:
    """Whether ``base_url`` names this machine or a private network (``localhost``, ``127.0.0.1``,
    ``192.168.x.x``, ``*.local``, ...): there a server is often a CPU model."""
    if not base_url:
        return False
    host = urlsplit(base_url).hostname or ""
    if host == "localhost" or host.endswith((".local", ".localhost", ".internal", ".lan")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare host name on the local network ("gpu-box")
    return address.is_loopback or address.is_private or address.is_link_local


MANIFEST = "manifest.json"  # what a recording folder's requests depend on (written by summarize.llm.replay)


def recording_manifest(folder: Path) -> dict[str, object]:
    """The settings a recording folder was made with (``manifest.json``); empty when it has none."""
    file = folder / MANIFEST
    if not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigurationError(
            f"{file}: unreadable ({type(exc).__name__}); record the folder again with --record {folder}, "
            "or delete the file to replay with the current settings"
        ) from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{file}: not a JSON object; record the folder again with --record {folder}")
    return data


def resolve_settings(
    *,
    model: str | None = None,
    base_url: str | None = None,
    mode: str | None = None,
    lang: str | None = None,
    record: Path | None = None,
    replay: Path | None = None,
    chunk_chars: int | None = None,
    depth: int | None = None,
    timeout: float | None = None,
    max_chars: int | None = None,
    env: dict[str, str] | None = None,
) -> Settings:
    """Settings as every command builds them: arguments over the replay folder's manifest over the
    environment. A recording folder says which model, mode and language it was made with, and those win
    over the environment's, so ``--replay DIR`` alone matches the recorded requests. Raises
    :class:`ConfigurationError` for a ``replay`` folder that does not exist. Reachability is not checked
    here (see :meth:`Settings.check_reachable`)."""
    defaults: dict[str, object] = {}
    if replay is not None:
        if not replay.is_dir():
            raise ConfigurationError(
                f"--replay {replay}: no such folder. Record one with: summarize digest ARTICLES --record {replay}"
            )
        manifest = recording_manifest(replay)
        defaults = {k: manifest[k] for k in ("model", "mode", "lang", "depth", "chunk_chars") if manifest.get(k)}
    given = {"model": model, "base_url": base_url, "mode": mode, "lang": lang, "record_dir": record,
             "replay_dir": replay, "chunk_chars": chunk_chars, "depth": depth, "max_chars": max_chars,
             "timeout": timeout}
    merged = {**defaults, **{k: v for k, v in given.items() if v is not None}}
    settings = Settings.from_env(env, **merged)
    if replay is not None:
        settings = settings.with_(**merged)
    return settings
