"""When two open questions ask the same thing: equal folded text, or, for questions of at least
:data:`MIN_QUESTION_WORDS` words, a token-set ratio of at least :data:`QUESTION_THRESHOLD` ("Will the US deliver
Tomahawks to Ukraine?" / "Will the US deliver Tomahawk missiles to Ukraine?"). One rule for a briefing (one
question per thing asked, :func:`summarize.briefing.questions.one_per_question`) and for the digest (one item per
thing asked across sources, :class:`summarize.digest.clusters.QuestionClusters`). Questions that ask with different
words ("When ...?", "Where ...?") are never the same."""

from __future__ import annotations

from rapidfuzz import fuzz

QUESTION_THRESHOLD = 85  # rapidfuzz token_set_ratio of two open questions' folded text
MIN_QUESTION_WORDS = 4  # shorter questions are the same only when equal ("What next?" is in every question)


# The words that ask for a different thing: "When will the meeting take place?" and "Where will the meeting take
# place?" share all words but one and ask two things.
_ASKING = frozenset("when where who whom whose why how what which".split())


def question_word(folded: str) -> str:
    """The word a folded question asks with ("when", "where", ...), or "" for a yes-or-no question."""
    first = folded.split(" ", 1)[0]
    return first if first in _ASKING else ""


def asks_the_same(a: str, b: str) -> bool:
    """Whether two questions' folded texts (:func:`summarize.text.normalise.fold`) ask the same thing: never
    two that ask with different words (:func:`question_word`)."""
    if a == b:
        return True
    if min(len(a.split()), len(b.split())) < MIN_QUESTION_WORDS or question_word(a) != question_word(b):
        return False
    return bool(fuzz.token_set_ratio(a, b, score_cutoff=QUESTION_THRESHOLD))
