"""summarize: news articles -> grounded, validated briefings -> one cross-source digest.

    >>> from pathlib import Path
    >>> from summarize import Settings, brief, build_digest
    >>> settings = Settings(model="gpt-4o-mini")            # or Settings.from_env()
    >>> briefing = brief(Path("seeds/003_217b1643d8ffb68b.txt"), settings=settings)
    >>> digest = build_digest(["seeds/"], settings=settings)

Every item of a briefing carries located evidence (``quote``, ``start``, ``end``) in the article text.

The public names are imported on first use (:func:`__getattr__`), so ``import summarize`` and the
``summarize`` command's start-up do not load the model client (openai, instructor) until a run needs it.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it (relative to this package)
_PUBLIC: dict[str, str] = {
    **dict.fromkeys(["article_from_text", "load_article"], ".article.load"),
    **dict.fromkeys(["abrief", "brief"], ".briefing.brief"),
    **dict.fromkeys(["Passes", "Progress", "Run", "abuild_digest", "arun", "build_digest", "run"], ".run.pipeline"),
    "merge": ".digest.merge",
    "render_html": ".render.html",
    **dict.fromkeys([
        "BriefingError", "ConfigurationError", "InputError", "ModelOutputError", "ReplayMiss", "SummarizeError",
        "TruncatedOutput", "UsageError",
    ], ".errors"),
    **dict.fromkeys([
        "Actor", "Article", "Briefing", "Decision", "Digest", "Evidence", "Failure", "OpenQuestion", "Weapon",
        # every output type, so callers can annotate and validate with them (``summarize.Support``...)
        "ArticleRef", "BriefingMeta", "Claim", "CleaningReport", "DailyInfo", "DigestActor", "DigestDecision",
        "DigestMeta", "DigestQuestion", "DigestWeapon", "Divergence", "DroppedItem", "Headline", "HeadlineSentence",
        "PassReport", "Support", "TimelineEvent", "Usage",
    ], ".models"),
    "Settings": ".settings",
    **dict.fromkeys(["BatchRun", "arun_batch", "run_batch"], ".run.batch"),
    **dict.fromkeys(["Daily", "adaily", "write_daily"], ".run.daily"),
    **dict.fromkeys(["History", "Mention", "RunRow", "history", "runs"], ".run.history"),
}
_RENAMED = {"render_markdown": (".render.markdown", "render")}

__all__ = sorted([*_PUBLIC, *_RENAMED])


def __getattr__(name: str) -> Any:
    """Import a public name on first use, then keep it in the module (later uses cost nothing)."""
    if name in _PUBLIC:
        module, attr = _PUBLIC[name], name
    elif name in _RENAMED:
        module, attr = _RENAMED[name]
    else:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """``summarize.run`` is the function :func:`~summarize.run.pipeline.run`, as it always was, though a
    subpackage has that name too: importing ``summarize.run.cache`` makes the import system set the
    package's ``run`` attribute to the subpackage, which would otherwise hide the function. The subpackage
    stays where imports look for it (``sys.modules``)."""

    @property
    def run(self) -> Any:
        from .run.pipeline import run

        return run

    @run.setter
    def run(self, value: Any) -> None:  # the import system records the subpackage here: nothing to keep
        pass


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from .article.load import article_from_text, load_article
    from .briefing.brief import abrief, brief
    from .digest.merge import merge
    from .errors import (
        BriefingError, ConfigurationError, InputError, ModelOutputError, ReplayMiss, SummarizeError, TruncatedOutput,
        UsageError,
    )
    from .models import (
        Actor, Article, ArticleRef, Briefing, BriefingMeta, Claim, CleaningReport, DailyInfo, Decision, Digest,
        DigestActor, DigestDecision, DigestMeta, DigestQuestion, DigestWeapon, Divergence, DroppedItem, Evidence,
        Failure, Headline, HeadlineSentence, OpenQuestion, PassReport, Support, TimelineEvent, Usage, Weapon,
    )
    from .render.html import render_html
    from .render.markdown import render as render_markdown
    from .run.batch import BatchRun, arun_batch, run_batch
    from .run.daily import Daily, adaily, write_daily
    from .run.history import History, Mention, RunRow, history, runs
    from .run.pipeline import Passes, Progress, Run, abuild_digest, arun, build_digest, run
    from .settings import Settings
