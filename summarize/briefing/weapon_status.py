"""What a sentence reports of a weapon it names, read off its words: held back, asked for, used or handed over.

A small model gives nearly every weapon the status "delivered" (the gold agreed with 8 of 111 of its statuses
on the held-out pages: "has been asking Washington to sell it more Patriot missiles", "has suspended
deliveries of ... Patriot interceptors", "launched its largest drone and missile attack"). The digest shows
the status ("Said of it") and compares it across sources (a delivery against a pause is a divergence), so a
wrong one is a false fact. :func:`weapon_status` takes the status from the cited sentence's cue words
(``summarize/data/cues.json``, ``weapon_*``): the cue nearest the weapon's name decides, so one sentence can
report a request for air defence after a drone attack. Without a cue, the model's status stands, unless it is
"delivered" or "other", which no word of the sentence supports: the weapon is then "discussed".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Weapon, WeaponStatus
from .cues import cue_pattern

__all__ = ["status_in", "weapon_status"]

# Tried in this order where two cues are as near: a pause before a request, a request before a use (a sentence
# that asks for air defence names the attacks it is for), a use before a delivery.
_STATUSES: tuple[WeaponStatus, ...] = ("paused", "requested", "used", "delivered")


@lru_cache(maxsize=None)
def _infix(status: str) -> re.Pattern[str] | None:
    """The ``weapon_<status>_infix`` cues, matched inside a word too (German compounds), or None."""
    try:
        return cue_pattern(f"weapon_{status}_infix")
    except KeyError:
        return None


def _cue_positions(status: str, sentence: str) -> list[int]:
    found = [m.start() for m in cue_pattern(f"weapon_{status}").finditer(sentence)]
    infix = _infix(status)
    if infix is not None:  # the pattern asks for a word start: an infix is looked for as a plain substring
        folded = sentence.casefold()
        for stem in infix.pattern.removeprefix(r"(?<!\w)(?:").removesuffix(")").split("|"):
            found += [m.start() for m in re.finditer(stem, folded)]
    return found


# A word that denies a delivery shortly before it ("keine Leopard-Panzer geliefert", "has not delivered")
_DENIED = re.compile(r"(?<!\w)(?:nicht|keine[nmrs]?|kein|not|no|never|nie|niemals)(?!\w)[^,;:.!?]{0,40}$", re.IGNORECASE)


def status_in(sentence: str, written: str) -> WeaponStatus | None:
    """The status a sentence gives a weapon written ``written`` in it: its cue nearest the name, or None. A
    delivery denied ("nicht geliefert") is a pause."""
    at = sentence.casefold().find(written.casefold()) if written else -1
    best: tuple[int, int, WeaponStatus] | None = None
    for rank, cued in enumerate(_STATUSES):
        for position in _cue_positions(cued, sentence):
            status: WeaponStatus = "paused" if cued == "delivered" and _DENIED.search(sentence, 0, position) else cued
            if position == at:
                continue  # the weapon's own name begins with it ("Angriffsdrohnen", "attack helicopters")
            distance = abs(position - at) if at >= 0 else 0
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, status)
    return best[2] if best is not None else None


def weapon_status(weapon: Weapon) -> WeaponStatus:
    """The status of ``weapon``: the one its first quote with a cue gives; else the model's, unless that is
    "delivered" or "other" (no word of its quotes says so): then "discussed"."""
    for ev in weapon.evidence:
        if (status := status_in(ev.quote, weapon.name_as_written)) is not None:
            return status
    return "discussed" if weapon.status in ("delivered", "other") else weapon.status
