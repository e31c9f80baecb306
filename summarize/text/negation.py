"""The words that negate what follows them, German and English: one list for every rule that reads a negation.

Each rule says how far the negation reaches: a denied delivery (``briefing.weapon_status``: "keine
Leopard-Panzer geliefert", up to 40 characters before the delivery), a tone word turned around
(``digest.diverge``: "made no progress", up to three words before it, with "without", "hardly", "ohne",
"kaum", a contraction ("didn't make any progress") and "lack of" / "fehlende" as well), a question's topic not done (``briefing.questions``, with the modals and "yet").
"""

from __future__ import annotations

__all__ = ["NEGATIONS"]

# An alternation for a regular expression (use it with re.IGNORECASE, between word bounds): "kein\w*" is every
# form of "kein" ("keine", "keinen", "keinerlei", "keineswegs").
NEGATIONS = r"nicht|kein\w*|niemals|nie|not|no|never"
