"""A meeting its sentence says is off: "the day after President Donald Trump confirmed that a planned meeting
with Russian President Vladimir Putin ... was off", "Trump hat das Treffen mit Putin abgesagt", "called off
the summit". The calls and meetings the code finds (:mod:`.interactions`) are then no plan of a meeting but
its cancellation: "called off the meeting with Vladimir Putin", a decision taken.
"""

from __future__ import annotations

import re

__all__ = ["CALLED_OFF", "called_off"]

CALLED_OFF = "called off the meeting with {}"

_OFF = re.compile(
    r"(?<!\w)(?:(?:was|is|were|are|now)\s+off|call(?:s|ed|ing)?\s+off|cancel(?:s|led|ed|ling|ing|lation)?"
    r"|scrap(?:s|ped|ping)|abgesagt|absagt|absagte|Absage|sagte\s+(?:das|den|die|sein|seinen|seine|ihr|ihren)\s+"
    r"[\w-]+\s+(?:[\w-]+\s+){0,3}?ab|geplatzt|findet\s+nicht\s+statt|won[’']t\s+(?:happen|take\s+place))(?!\w)",
    re.IGNORECASE,
)


# a meeting named as the scene of the sentence's act: "während eines Treffens mit Rutte ... abgesagt" calls off
# another meeting, not the one with Rutte
_SCENE = re.compile(r"(?<!\w)(?:während|during|at|bei|beim|in|on the sidelines of|am Rande)\s+(?:[\w-]+\s+){0,2}$",
                    re.IGNORECASE)


def called_off(sentence: str, at: int = 0) -> bool:
    """Whether the sentence says the meeting whose word starts at ``at`` is off (cancelled, called off,
    "abgesagt"); not a meeting named as the scene of the act ("während eines Treffens mit ...")."""
    return _OFF.search(sentence) is not None and not _SCENE.search(sentence, 0, at)
