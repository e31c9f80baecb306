"""An optional price table that turns token usage into a cost estimate.

The table is a JSON file: model name -> prices per million tokens, e.g.::

    {"currency": "USD",
     "models": {"gpt-4o-mini": {"input": 0.15, "cached_input": 0.075, "output": 0.60}}}

``cached_input`` defaults to ``input``. A model missing from the table gives no estimate (never a guess),
unless the table also asks the maintained price table (``known=True``, as the CLI does; see
:func:`known_price`): the ``genai-prices`` package's prices for known models of known providers, in USD.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigurationError
from ..models import Digest, Usage
from ..settings import is_local


PRICES_ENV = "SUMMARIZE_PRICES"


def load_prices(path: str | Path | None = None, env: dict[str, str] | None = None) -> PriceTable | None:
    """The price table at ``path``, else at ``$SUMMARIZE_PRICES``, else None (no estimate)."""
    path = path or (env if env is not None else os.environ).get(PRICES_ENV) or None
    return PriceTable.load(path) if path else None


def price_table(path: str | Path | None = None, env: dict[str, str] | None = None, *,
                base_url: str | None = None) -> PriceTable:
    """The table the CLI prices a run with: ``--prices`` / ``$SUMMARIZE_PRICES`` when given, with the maintained
    price table (:func:`known_price`) behind it for the models it does not list."""
    table = load_prices(path, env)
    if table is None:
        return PriceTable(currency="USD", models={}, known=True, base_url=base_url)
    return PriceTable(currency=table.currency, models=table.models, known=True, base_url=base_url)


def known_price(model: str | None, usage: Usage, base_url: str | None = None) -> float | None:
    """The cost in USD of ``usage`` from the maintained price table (``genai-prices``, read from the installed
    package, no network), or None for a model or provider it does not know. ``base_url`` picks the provider
    (a server on this machine or an unknown host: no price); None matches the provider by the model's name.
    A server on this machine or a private network (:func:`~summarize.settings.is_local`) is no provider of the
    table: None without loading it (its import and lookup were a tenth of a second of every local run)."""
    if not model or is_local(base_url):
        return None
    from genai_prices import Usage as PriceUsage, calc_price

    asked = PriceUsage(input_tokens=usage.prompt_tokens, cache_read_tokens=min(usage.cached_tokens, usage.prompt_tokens),
                       output_tokens=usage.completion_tokens)
    try:
        price = calc_price(asked, model, provider_api_url=base_url or None)
    except (LookupError, ValueError):
        return None
    return round(float(price.total_price), 6)


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cached_input: float | None = None


@dataclass(frozen=True)
class PriceTable:
    currency: str
    models: dict[str, Price]
    known: bool = False  # ask the maintained price table (USD) for models not listed here
    base_url: str | None = None  # where the model is served (picks the provider for the maintained table)

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

    def apply(self, digest: Digest, model: str | None, *, all_tokens: bool = False) -> Digest:
        """Set ``digest.meta.cost_estimate`` (and ``cost_currency``) from the tokens this run spent (briefings
        and digest passes), or with ``all_tokens`` from every token behind the digest, reused ones included (what
        its briefings cost to make: the same on a rerun from the cache, as a daily page must be); by this table,
        else (``known``, a USD table) by the maintained price table; None when neither knows ``model``."""
        usage = digest.meta.usage if all_tokens else digest.meta.spent
        cost = self.estimate(model, usage)
        if cost is None and self.known and self.currency == "USD":
            cost = known_price(model, usage, self.base_url)
        digest.meta.cost_estimate = cost
        digest.meta.cost_currency = self.currency if cost is not None else None
        return digest
