"""When two open questions ask the same thing: equal folded text, or, for questions of at least
:data:`MIN_QUESTION_WORDS` words, a token-set ratio of at least :data:`QUESTION_THRESHOLD` ("Will the US deliver
Tomahawks to Ukraine?" / "Will the US deliver Tomahawk missiles to Ukraine?"). One rule for a briefing (one
question per thing asked, :func:`summarize.briefing.dedupe.one_per_question`) and for the digest (one item per
thing asked across sources, :class:`summarize.digest.clusters.QuestionClusters`)."""

from __future__ import annotations

from rapidfuzz import fuzz

QUESTION_THRESHOLD = 85  # rapidfuzz token_set_ratio of two open questions' folded text
MIN_QUESTION_WORDS = 4  # shorter questions are the same only when equal ("What next?" is in every question)


def asks_the_same(a: str, b: str) -> bool:
    """Whether two questions' folded texts (:func:`summarize.text.normalise.fold`) ask the same thing."""
    if a == b:
        return True
    if min(len(a.split()), len(b.split())) < MIN_QUESTION_WORDS:
        return False
    return bool(fuzz.token_set_ratio(a, b, score_cutoff=QUESTION_THRESHOLD))
