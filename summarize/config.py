"""A small config file for the morning job: ``summarize.toml``.

::

    # summarize.toml
    sources = ["inbox/", "https://example.com/politik.rss", "feeds.opml"]
    out = "briefings/"
    model = "qwen2.5-coder-1.5b-instruct"
    base_url = "http://127.0.0.1:8080/v1"
    lang = "en"
    timeout = 300
    history = "~/summarize/history.sqlite"

Where it is found: ``--config FILE``, else ``SUMMARIZE_CONFIG``, else ``./summarize.toml``, else
``~/.config/summarize/summarize.toml``. Flags and the environment win over it: its settings become defaults
below the environment (:func:`as_env`). API keys stay in the environment: a key in the file is refused.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigurationError

# file key -> (environment variable it stands in for, type)
SETTINGS: dict[str, tuple[str, type]] = {
    "model": ("SUMMARIZE_MODEL", str),
    "base_url": ("OPENAI_BASE_URL", str),
    "mode": ("SUMMARIZE_MODE", str),
    "lang": ("SUMMARIZE_LANG", str),
    "depth": ("SUMMARIZE_DEPTH", int),
    "chunk_chars": ("SUMMARIZE_CHUNK_CHARS", int),
    "max_chars": ("SUMMARIZE_MAX_CHARS", int),
    "timeout": ("SUMMARIZE_TIMEOUT", float),
    "cache_dir": ("SUMMARIZE_CACHE_DIR", str),
    "history": ("SUMMARIZE_HISTORY", str),
    "prices": ("SUMMARIZE_PRICES", str),
}
OTHER = {"sources": list, "out": str, "concurrency": int}


@dataclass(frozen=True)
class Config:
    """What a config file says; ``path`` is None when there is none."""

    path: Path | None = None
    settings: dict[str, object] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    out: Path | None = None
    concurrency: int | None = None

    def as_env(self, env: dict[str, str] | None = None) -> dict[str, str]:
        """The environment with the file's settings below it (a variable that is set wins)."""
        env = dict(os.environ if env is None else env)
        defaults = {SETTINGS[key][0]: str(value) for key, value in self.settings.items()}
        return {**defaults, **{k: v for k, v in env.items() if v}}


def find(explicit: Path | None = None, env: dict[str, str] | None = None) -> Path | None:
    env = dict(os.environ if env is None else env)
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigurationError(f"--config {explicit}: no such file")
        return explicit
    if env.get("SUMMARIZE_CONFIG"):
        path = Path(env["SUMMARIZE_CONFIG"]).expanduser()
        if not path.is_file():
            raise ConfigurationError(f"SUMMARIZE_CONFIG={path}: no such file")
        return path
    for candidate in (Path("summarize.toml"), Path.home() / ".config" / "summarize" / "summarize.toml"):
        if candidate.is_file():
            return candidate
    return None


def load(explicit: Path | None = None, env: dict[str, str] | None = None) -> Config:
    """The config file's content (an empty :class:`Config` when there is none). Raises
    :class:`ConfigurationError` naming the file, the key and the fix for anything it cannot use."""
    path = find(explicit, env)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"{path}: not a readable TOML file ({exc}); fix it or pass another with --config")
    if "api_key" in data or "openai_api_key" in data:
        raise ConfigurationError(f"{path}: keep API keys out of config files; set OPENAI_API_KEY in the environment")
    unknown = sorted(set(data) - set(SETTINGS) - set(OTHER))
    if unknown:
        known = ", ".join(sorted([*SETTINGS, *OTHER]))
        raise ConfigurationError(f"{path}: unknown key(s) {', '.join(unknown)}; the keys are: {known}")
    for key, value in data.items():
        kind = SETTINGS[key][1] if key in SETTINGS else OTHER[key]
        if kind is float and isinstance(value, int):
            continue
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigurationError(f"{path}: {key} = {value!r} should be a {kind.__name__}")
    sources = data.get("sources", [])
    if not all(isinstance(s, str) for s in sources):
        raise ConfigurationError(f"{path}: sources should be a list of paths and URLs (strings)")
    base = path.parent
    return Config(
        path=path,
        settings={k: v for k, v in data.items() if k in SETTINGS},
        sources=[s if s.lower().startswith(("http://", "https://")) else str((base / s).expanduser()) for s in sources],
        out=(base / data["out"]).expanduser() if "out" in data else None,
        concurrency=data.get("concurrency"),
    )
