"""summarize: news articles -> grounded, validated briefings -> one cross-source digest.

    >>> from pathlib import Path
    >>> from summarize import Settings, brief, build_digest
    >>> settings = Settings(model="gpt-4o-mini")            # or Settings.from_env()
    >>> briefing = brief(Path("seeds/003_217b1643d8ffb68b.txt"), settings=settings)
    >>> digest = build_digest(["seeds/"], settings=settings)

Every item of a briefing carries located evidence (``quote``, ``start``, ``end``) in the article text.
"""

from .article.load import article_from_text, load_article
from .briefing.brief import abrief, brief
from .run.pipeline import Passes, Run, abuild_digest, arun, build_digest, run
from .digest.merge import merge
from .render.markdown import render as render_markdown
from .render.html import render_html
from .errors import (
    BriefingError,
    ConfigurationError,
    InputError,
    ModelOutputError,
    ReplayMiss,
    SummarizeError,
    TruncatedOutput,
    UsageError,
)
from .models import Actor, Article, Briefing, Decision, Digest, Evidence, Failure, OpenQuestion, Weapon
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Briefing", "BriefingError", "ConfigurationError", "Decision", "Digest", "Evidence",
    "Failure", "InputError", "ModelOutputError", "OpenQuestion", "Passes", "ReplayMiss", "Run", "Settings", "SummarizeError",
    "TruncatedOutput", "UsageError", "Weapon", "abrief", "abuild_digest", "article_from_text", "arun", "brief",
    "build_digest", "load_article", "merge", "render_html", "render_markdown", "run",
]

# Every output type, so callers can annotate and validate with them (``summarize.Digest``, ``summarize.Support``...).
from .run.batch import BatchRun, arun_batch, run_batch
from .run.daily import Daily, adaily, write_daily
from .run.pipeline import Progress
from .models import (
    ArticleRef, BriefingMeta, Claim, CleaningReport, DailyInfo, DigestActor, DigestDecision, DigestMeta, DigestQuestion,
    DigestWeapon, Divergence, DroppedItem, Headline, HeadlineSentence, PassReport, Support, TimelineEvent, Usage,
)

__all__ += [
    "ArticleRef", "BriefingMeta", "Claim", "CleaningReport", "DailyInfo", "DigestActor", "DigestDecision", "DigestMeta",
    "DigestQuestion", "DigestWeapon", "Divergence", "DroppedItem", "Headline", "HeadlineSentence", "PassReport", "Progress",
    "Support", "TimelineEvent", "Usage", "BatchRun", "arun_batch", "run_batch", "Daily", "adaily", "write_daily",
]
