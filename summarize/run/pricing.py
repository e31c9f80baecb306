"""An optional price table that turns token usage into a cost estimate.

The table is a JSON file: model name -> prices per million tokens, e.g.::

    {"currency": "USD",
     "models": {"gpt-4o-mini": {"input": 0.15, "cached_input": 0.075, "output": 0.60}}}

``cached_input`` defaults to ``input``. A model missing from the table gives no estimate (never a guess).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigurationError
from ..models import Digest, Usage


PRICES_ENV = "SUMMARIZE_PRICES"


def load_prices(path: str | Path | None = None, env: dict[str, str] | None = None) -> PriceTable | None:
    """The price table at ``path``, else at ``$SUMMARIZE_PRICES``, else None (no estimate)."""
    path = path or (env if env is not None else os.environ).get(PRICES_ENV) or None
    return PriceTable.load(path) if path else None


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cached_input: float | None = None


@dataclass(frozen=True)
class PriceTable:
    currency: str
    models: dict[str, Price]

    @classmethod
    def load(cls, path: str | Path) -> PriceTable:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            models = {
                name: Price(float(p["input"]), float(p["output"]),
                            float(p["cached_input"]) if p.get("cached_input") is not None else None)
                for name, p in data["models"].items()
            }
        except FileNotFoundError:
            raise ConfigurationError(f"--prices {path}: no such file") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigurationError(
                f'--prices {path}: expected {{"currency": "USD", "models": {{"MODEL": {{"input": 0.15, "output": 0.6}}}}}} '
                f"(prices per million tokens): {exc}"
            ) from exc
        return cls(currency=str(data.get("currency", "USD")), models=models)

    def estimate(self, model: str | None, usage: Usage) -> float | None:
        price = self.models.get(model or "")
        if price is None:
            return None
        cached = min(usage.cached_tokens, usage.prompt_tokens)
        fresh = usage.prompt_tokens - cached
        cached_price = price.cached_input if price.cached_input is not None else price.input
        total = fresh * price.input + cached * cached_price + usage.completion_tokens * price.output
        return round(total / 1_000_000, 6)

    def apply(self, digest: Digest, model: str | None) -> Digest:
        """Set ``digest.meta.cost_estimate`` from the tokens this run spent (briefings and digest passes);
        None when ``model`` is not in the table."""
        digest.meta.cost_estimate = self.estimate(model, digest.meta.spent)
        return digest
