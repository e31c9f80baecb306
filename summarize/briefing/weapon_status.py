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
from collections.abc import Iterable
from functools import lru_cache

from ..models import Weapon, WeaponStatus
from ..text.negation import NEGATIONS
from .cues import cue_kinds, cue_pattern

__all__ = ["status_in", "told_status", "weapon_status"]

# Tried in this order where two cues are as near: a pause before a request, a request before a use (a sentence
# that asks for air defence names the attacks it is for), a use before a delivery.
_STATUSES: tuple[WeaponStatus, ...] = ("paused", "requested", "used", "delivered")


@lru_cache(maxsize=None)
def _cues(status: str) -> tuple[re.Pattern[str], ...]:
    """The cue patterns of ``status``: its words at a word's start, and its ``_infix`` words anywhere."""
    kinds = (f"weapon_{status}", f"weapon_{status}_infix")
    return tuple(cue_pattern(kind) for kind in kinds if kind in cue_kinds())


def _cue_positions(status: str, sentence: str) -> list[int]:
    return [m.start() for pattern in _cues(status) for m in pattern.finditer(sentence)]


# A word that denies a delivery shortly before it ("keine Leopard-Panzer geliefert", "has not delivered")
_DENIED = re.compile(rf"(?<!\w)(?:{NEGATIONS})(?!\w)[^,;:.!?]{{0,40}}$", re.IGNORECASE)


def status_in(sentence: str, written: str) -> WeaponStatus | None:
    """The status a sentence gives a weapon written ``written`` in it: its cue nearest the name, or None. A
    delivery denied ("nicht geliefert") is a pause."""
    named = re.search(re.escape(written), sentence, re.IGNORECASE) if written else None  # offsets of the sentence itself
    at = named.start() if named else -1
    best: tuple[int, int, WeaponStatus] | None = None
    for rank, cued in enumerate(_STATUSES):
        for position in _cue_positions(cued, sentence):
            if position == at:
                continue  # the weapon's own name begins with it ("Angriffsdrohnen", "attack helicopters")
            status: WeaponStatus = "paused" if cued == "delivered" and _DENIED.search(sentence, 0, position) else cued
            distance = abs(position - at) if at >= 0 else 0
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, status)
    return best[2] if best is not None else None


def weapon_status(weapon: Weapon) -> WeaponStatus:
    """The status of ``weapon``: the one its first quote with a cue gives; else the model's, unless that is
    "delivered" or "other" (no word of its quotes says so): then "discussed"."""
    return told_status(weapon.name_as_written, weapon.status, [ev.quote for ev in weapon.evidence])


def told_status(written: str, status: WeaponStatus, quotes: Iterable[str]) -> WeaponStatus:
    """The status the first of ``quotes`` with a cue gives a weapon written ``written``; else the model's
    ``status``, unless that is "delivered" or "other", which a small model gives nearly every weapon: then
    "discussed". :func:`weapon_status` of a final weapon, and of a draft's sentences as it is vetted."""
    for quote in quotes:
        if (said := status_in(quote, written)) is not None:
            return said
    return "discussed" if status in ("delivered", "other") else status
