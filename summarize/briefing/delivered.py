"""Weapons of no kind whose deliveries or halt a decision reports: "Trump kündigte an, dass die USA der Ukraine
zusätzliche Verteidigungswaffen liefern werden", "The U.S. is halting some shipments of weapons to Ukraine".

A small model lists the systems an article names and passes over the weapons of no kind that a story of
deliveries is about; an analyst follows them all the same (what was halted, what resumed), and the weapons
table of the digest compares their status across sources. Such a weapon is otherwise no item (weapons of no
kind name nothing: :func:`~summarize.briefing.plausible.weapon_problem`), so it is added here only where a
decision of the briefing, a delivery or a halt, cites a sentence that names them:

* the decision's description is of a delivery or a halt (:func:`~summarize.text.event_kinds.event_kind`), and
  not a refusal or a plan weighed (``rejected``, ``considered``): the weapons' status is "delivered" or
  "paused";
* its first quote names weapons of no kind ("Waffen", "Waffenlieferungen", "Verteidigungswaffen", "weapons",
  "arms shipments"), not inside another word ("Waffenstillstand", "Atomwaffen");
* no weapon of the briefing has that status already: where the article names the systems halted (Patriot
  interceptors), the weapons of no kind add nothing.

One item per briefing, of the first such decision, with at most three quotes of that status.
"""

from __future__ import annotations

import re

from ..models import Decision, Evidence, Weapon
from ..text.event_kinds import event_kind
from .dedupe import MAX_EVIDENCE
from .plausible import GENERIC_WEAPONS

__all__ = ["delivered_weapons"]

_OF_NO_KIND = re.compile(
    r"(?<![\w-])(?:US-|U\.S\.\s|US\s|American\s|defensive\s|more\s|additional\s|zusätzliche\s)?"
    r"(?:Verteidigungswaffen|Waffenlieferung(?:en)?|Waffen|weapons?(?:\s(?:shipments?|deliveries))?"
    r"|arms\s(?:shipments?|deliveries))(?![\w-])",
    re.IGNORECASE,
)
_STATUS = {"pause": "paused", "delivery": "delivered"}


def delivered_weapons(decisions: list[Decision], weapons: list[Weapon]) -> list[Weapon]:
    """The weapons of no kind the decisions report delivered or halted (see the module), as one item, or none."""
    if any(w.name == GENERIC_WEAPONS for w in weapons):
        return []
    have = {w.status for w in weapons}
    first: tuple[str, str] | None = None  # (status, the words as written) of the first such decision
    quotes: list[Evidence] = []  # its quotes and those of later decisions of that status
    for d in decisions:
        status = _STATUS.get(event_kind(d.what) or "")
        if status is None or status in have or d.status in ("rejected", "considered") or (first and status != first[0]):
            continue
        if (words := _OF_NO_KIND.search(d.evidence[0].quote)) is None:
            continue
        first = first or (status, words.group(0))
        if len(quotes) < MAX_EVIDENCE and all(q.start != d.evidence[0].start for q in quotes):
            quotes.append(d.evidence[0])
    if first is None:
        return []
    return [Weapon(name=GENERIC_WEAPONS, name_as_written=first[1], category=GENERIC_WEAPONS, status=first[0],  # type: ignore[arg-type]
                   evidence=quotes)]
