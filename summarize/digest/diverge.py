"""Divergences: where sources describe the same digest item differently, the claims side by side.

A divergence is never resolved: each claim keeps its article, the value as that source gives it and the
article's own quote. Deterministic rules, applied to every decision (event) and weapon reported by two
or more articles:

* **status** -- the outcome differs. Decisions: "taken"/"announced", "considered", "rejected" and
  "paused" are four different outcomes; two sources with no outcome in common diverge. Not for what
  someone said ("warned that ...", "denied responsibility", "discussed air defence"): a statement was made
  whatever label each report carries; and a report of an event that tells what was said in it ("talked to
  Putin about delivering Tomahawks", "considered", joined to the call) has no say on the event's outcome.
  For a refusal or a halt ("declined to ...", "stopped sending weapons"), "rejected" and "paused" say that
  it was decided, as "taken" does. Weapons: only
  "delivered" against "paused" (talk -- "requested", "discussed" -- contradicts nothing, and neither does
  "used": a side fires what it has while a supplier holds back more of it, and a class name such as
  "missiles" is often one side's weapon in one source and the other side's in another).
* **date** -- the event's dates, read from the located quotes (and from model dates the article states)
  and normalised against each article's publication date, differ between sources, and neither contains
  the other ("2025-10" contains "2025-10-17").
* **number** -- the same counted thing ("20 Panzer", "25 Panzer") with different numbers. A number counts
  only with the word that follows it; years and day numbers of dates are ignored, and so is a number
  written onto a word by a hyphen (a type: "AGM-114 Hellfire", "F-16"). A weapon's numbers count only of
  the weapon itself (a quote that lists "100 Hellfire missiles" gives the Patriot no number). A decision's length of
  time is compared across languages and forms (:mod:`summarize.text.durations`): "ein mehr als
  zweistündiges Telefonat", "a two-hour phone call" and "zweieinhalb Stunden lang" are three lengths of one
  call; "40-minütigen" and "around 40 minutes" are one.
* **characterisation** -- one source's quotes use only positive evaluative words for the event
  ("productive", "konstruktiv") and another's only negative ones ("disappointing", "enttäuschend"). A
  word right after a negation ("made no progress") counts for neither.
  The word list is data: ``summarize/data/tone.json``.

Items the model-assisted clustering pass flags as described differently (by item ids only) become
divergences with ``found_by="model"``; their claims are still the articles' own quotes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.dates import decision_date
from ..text.durations import durations
from ..text.event_kinds import BEFORE_VERB, event_kind
from ..text.months import MONTH_NAMES
from ..text.negation import NEGATIONS
from ..models import Claim, Decision, Divergence, DivergenceAspect, Evidence, Weapon

TONE_FILE = Path(__file__).resolve().parent.parent / "data" / "tone.json"
MAX_INFLECTION = 3  # letters allowed after a tone stem

_DECISION_OUTCOME = {"taken": "decided", "announced": "decided", "considered": "considered",
                     "rejected": "rejected", "paused": "paused"}
_WEAPON_OUTCOME = {"delivered": "supplied", "paused": "paused"}

_NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dutzend": 12, "dozen": 12,
}
_NUMBER = re.compile(
    r"(?<![\w.,])(?<![^\W\d_]-)(?<!\d-)"  # not part of a number or a type written onto a word ("AGM-114")
    r"(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s+([^\W\d_]{3,}(?:-[^\W\d_]+)*)",
    re.IGNORECASE,
)
_NOT_UNITS = {"und", "oder", "and", "or", "der", "die", "das", "den", "dem", "the", "of", "von", "bis", "uhr", "to"}
_DATE_WORD = re.compile("^(?:" + "|".join(MONTH_NAMES) + ")", re.IGNORECASE)  # full names: "Mar" is not one


# A description whose verb reports what someone said: its "status" is the model's label of the statement's
# content, not an outcome two sources can disagree on.
_AUX = "^" + BEFORE_VERB
_SPEECH = re.compile(_AUX + r"(?:warn|say|said|state|explain|claim|den(?:y|ied|ies)|critici[sz]|condemn|urg|demand"
                     r"|discuss|insist|argu|accus|stress|emphasi[sz]|reiterat|dismiss|express|told|tell|confirm|talk"
                     r"|comment|call(?:s|ed)? (?:for|on)\b)", re.IGNORECASE)
# A description whose verb is itself a refusal or a halt: "rejected" and "paused" say it was decided.
_REFUSAL = re.compile(_AUX + r"(?:(?:announced|decided|agreed)\s+(?:(?:his|her|its|their|a|the)\s+)?(?:decision\s+)?to\s+)?"
                      r"(?:halt|stop|paus|suspend|freez|withh|delay|postpon|declin|refus|reject|rule[sd]?\s+out"
                      r"|ruled\s+out|cancel)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reported:
    """One article's report of a digest item (the unit the rules compare; slots: one per report, no ``__dict__``)."""

    article_id: str
    item: Decision | Weapon


@dataclass(frozen=True)
class ItemReports:
    item_id: str
    topic: str
    kind: str  # "decision" or "weapon"
    reports: Sequence[Reported]


# --------------------------------------------------------------------------- word lists


@lru_cache(maxsize=4)
def load_tone(path: Path = TONE_FILE) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return tuple(w.casefold() for w in data["positive"]), tuple(w.casefold() for w in data["negative"])


# A negation shortly before a tone word turns it around ("made 'no progress'", "nicht konstruktiv", "didn't make
# any progress", "the lack of progress"): such a word says nothing of the leaning here, rather than the opposite
# of what it says.
_NEGATED = re.compile(rf"(?<![^\W\d_])(?:{NEGATIONS}|without|hardly|ohne|kaum|\w+n[’']t|lack(?:s|ed|ing)?\s+of|"
                      rf"absence\s+of|Mangel\s+an|fehlende[nmrs]?)\W+(?:\w+\W+){{0,2}}$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _leaning_pattern(positive: tuple[str, ...], negative: tuple[str, ...]) -> re.Pattern[str]:
    """Both lists in one pattern (one scan of a quote, not two); a word is of the list whose stem it starts
    with (the lists share no stem that starts another)."""
    def alternatives(stems: tuple[str, ...]) -> str:
        return "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![^\W\d_])(?:(?P<positive>{alternatives(positive)})|{alternatives(negative)})"
                      rf"[^\W\d_]{{0,{MAX_INFLECTION}}}(?![^\W\d_])", re.IGNORECASE)


def leaning_words(text: str, tone: tuple[Sequence[str], Sequence[str]]) -> tuple[list[str], list[str]]:
    """The words of ``text`` of the positive and of the negative list of ``tone``: a stem plus at most
    :data:`MAX_INFLECTION` letters, as written, unless a negation stands one or two words before them."""
    positive: list[str] = []
    negative: list[str] = []
    for m in _leaning_pattern(tuple(tone[0]), tuple(tone[1])).finditer(text):
        if not _NEGATED.search(text, max(0, m.start() - 40), m.start()):
            (positive if m.group("positive") is not None else negative).append(m.group(0))
    return positive, negative


def tone_words(text: str, stems: Sequence[str]) -> list[str]:
    """The words of ``text`` of one list of stems (see :func:`leaning_words`)."""
    return leaning_words(text, (stems, ()))[0]


def counted(text: str) -> dict[str, tuple[float, str]]:
    """Counted things in ``text``: unit key -> (number, the text as written), e.g. "20 Panzer"."""
    found: dict[str, tuple[float, str]] = {}
    lengths = [(d.start, d.end) for d in durations(text)]  # compared as lengths of time (:func:`_numbers`)
    for match in _NUMBER.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in lengths):
            continue
        raw, unit = match.group(1), match.group(2)
        low = raw.casefold()
        if low in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[low])
        else:
            digits = re.sub(r"[.,](?=\d{3}\b)", "", raw).replace(",", ".")
            value = float(digits)
            if re.fullmatch(r"(19|20)\d\d", raw):
                continue  # a year
        if unit.casefold() in _NOT_UNITS or _DATE_WORD.match(unit):
            continue  # "17. Oktober", "3 und", ...
        key = unit.casefold()[:6]
        found.setdefault(key, (value, match.group(0)))
    return found


# --------------------------------------------------------------------------- rules


_CLAIM_FIELDS = set(Claim.model_fields)  # all always given: one set for all claims (see buckets._SUPPORT_FIELDS)


def claim(article_id: str, says: str, ev: Evidence, sources: Mapping[str, str | None]) -> Claim:
    """One source's claim: its article, what it says and the quote that says it."""
    # from validated Evidence and the article's own source: not validated again
    return Claim.model_construct(_CLAIM_FIELDS, article_id=article_id, source=sources.get(article_id), says=says,
                                 quote=ev.quote, start=ev.start, end=ev.end)


PerArticle = dict[str, list[Decision | Weapon]]  # article id -> its reports' items, in order


def _per_article(reports: Sequence[Reported]) -> PerArticle:
    out: PerArticle = {}
    for r in reports:
        out.setdefault(r.article_id, []).append(r.item)
    return out


def _status(group: ItemReports, per_article: PerArticle, sources: Mapping[str, str | None]) -> list[Claim] | None:
    table = _DECISION_OUTCOME if group.kind == "decision" else _WEAPON_OUTCOME
    if group.kind == "decision" and _SPEECH.match(group.reports[0].item.what.strip()):  # type: ignore[union-attr]
        return None  # a statement: it was made, whatever each report's label says of its content
    outcomes: dict[str, dict[str, tuple[str, Evidence]]] = {}  # article -> outcome -> (status, evidence)
    for article_id, items in per_article.items():
        for item in items:
            if group.kind == "decision" and _SPEECH.match(item.what.strip()):  # type: ignore[union-attr]
                continue  # this report tells what was said: its label is of that, not of the event's outcome
            outcome = table.get(item.status)
            if (outcome in ("paused", "rejected") and group.kind == "decision"
                    and (event_kind(item.what) == "pause" or _REFUSAL.match(item.what.strip()))):  # type: ignore[union-attr]
                outcome = "decided"  # "halted the shipments", paused: the halt was decided, as "taken" says
            if outcome:
                outcomes.setdefault(article_id, {}).setdefault(outcome, (item.status, item.evidence[0]))
    articles = list(outcomes)
    kinds = list({frozenset(o) for o in outcomes.values()})  # at most 15 sets of outcomes, however many articles
    conflict = any(not a & b for i, a in enumerate(kinds) for b in kinds[i + 1:])
    if not conflict:
        return None
    return [claim(a, status, ev, sources) for a in articles for status, ev in outcomes[a].values()]


def _contains(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _dates(group: ItemReports, per_article: PerArticle, sources: Mapping[str, str | None], published: Mapping,
           ) -> list[Claim] | None:
    if group.kind != "decision":
        return None
    dated: dict[str, tuple[str, str, Evidence]] = {}  # article -> (iso, as stated, evidence)
    for article_id, items in per_article.items():
        for item in items:
            for ev in item.evidence:
                when = decision_date(ev.quote, item.date, published.get(article_id))  # type: ignore[union-attr]
                if when.iso is not None:
                    dated.setdefault(article_id, (when.iso, when.text, ev))
    isos = list(dict.fromkeys(d[0] for d in dated.values()))  # distinct dates: equal ones contain each other
    if not any(not _contains(a, b) for i, a in enumerate(isos) for b in isos[i + 1:]):
        return None
    return [claim(a, f"{iso} ({text})", ev, sources) for a, (iso, text, ev) in dated.items()]


def _numbers(group: ItemReports, per_article: PerArticle, sources: Mapping[str, str | None]) -> list[Claim] | None:
    """Different numbers of one counted thing. A decision's reports are of one event; a weapon's may be of
    any: its numbers are compared only between reports of the same status ("30 Patriot interceptors" paused
    in July is no other count of "25 Patriot systems" Ukraine seeks to buy in October)."""
    per_unit: dict[tuple, dict[str, tuple[object, str, Evidence]]] = {}  # unit -> article -> (value, text, ev)
    for article_id, items in per_article.items():
        for item in items:
            status = item.status if group.kind == "weapon" else None
            own = _weapon_keys(item) if group.kind == "weapon" else None  # type: ignore[arg-type]
            for ev in item.evidence:
                for unit, (value, text) in counted(ev.quote).items():
                    if own is not None and not any(k.startswith(unit) or (len(k) > 3 and unit.startswith(k)) for k in own):
                        continue  # a count of another thing the quote lists
                    per_unit.setdefault((unit, status), {}).setdefault(article_id, (value, text, ev))
                for length in durations(ev.quote)[:1] if group.kind == "decision" else ():  # how long the event took
                    per_unit.setdefault(("duration", status), {}).setdefault(article_id, (length.key, length.text, ev))
    for unit, by_article in per_unit.items():
        if len({v for v, _, _ in by_article.values()}) > 1:
            return [claim(a, text, ev, sources) for a, (_, text, ev) in by_article.items()]
    return None


def _weapon_keys(weapon: Weapon) -> set[str]:
    """The unit keys (:func:`counted`) a weapon's own names give: "Patriot-Systeme" -> "patrio". A key of
    three letters ("PAC") is the start of no longer unit ("packages")."""
    return {w.casefold()[:6] for name in (weapon.name, weapon.name_as_written) for w in re.findall(r"[^\W\d_]{3,}", name)}


def _tone(per_article: PerArticle, sources: Mapping[str, str | None], tone: tuple[Sequence[str], Sequence[str]],
          ) -> list[Claim] | None:
    leaning: dict[str, tuple[str, str, Evidence]] = {}  # article -> (sign, words, evidence)
    for article_id, items in per_article.items():
        pos: list[tuple[str, Evidence]] = []
        neg: list[tuple[str, Evidence]] = []
        for item in items:
            for ev in item.evidence:
                positive, negative = leaning_words(ev.quote, tone)
                pos += [(w, ev) for w in positive]
                neg += [(w, ev) for w in negative]
        if pos and not neg:
            leaning[article_id] = ("+", ", ".join(dict.fromkeys(w for w, _ in pos)), pos[0][1])
        elif neg and not pos:
            leaning[article_id] = ("-", ", ".join(dict.fromkeys(w for w, _ in neg)), neg[0][1])
    if len({sign for sign, _, _ in leaning.values()}) < 2:
        return None
    return [claim(a, words, ev, sources) for a, (_, words, ev) in leaning.items()]


def find_divergences(
    groups: Sequence[ItemReports],
    *,
    sources: Mapping[str, str | None],
    published: Mapping,
    tone: tuple[Sequence[str], Sequence[str]] | None = None,
) -> list[Divergence]:
    """Rule-based divergences of items reported by 2+ articles, in the order of ``groups``."""
    tone = tone or load_tone()
    out: list[Divergence] = []
    for group in groups:
        per_article = _per_article(group.reports)  # once for the four rules
        if len(per_article) < 2:
            continue
        found: list[tuple[DivergenceAspect, list[Claim] | None]] = [
            ("status", _status(group, per_article, sources)),
            ("date", _dates(group, per_article, sources, published)),
            ("number", _numbers(group, per_article, sources)),
            ("characterisation", _tone(per_article, sources, tone)),
        ]
        for aspect, claims in found:
            if claims and len({c.article_id for c in claims}) >= 2:
                out.append(Divergence(
                    id="", item=group.item_id, topic=group.topic, aspect=aspect, claims=claims,
                    articles=sorted({c.article_id for c in claims}),
                ))
    return out


def model_divergence(
    group: ItemReports, aspect: DivergenceAspect, *, sources: Mapping[str, str | None]
) -> Divergence | None:
    """A divergence the clustering pass flagged: one claim per article, in that article's own words."""
    claims: list[Claim] = []
    seen: set[str] = set()
    for r in group.reports:
        if r.article_id in seen:
            continue
        seen.add(r.article_id)
        item = r.item
        says = f"{item.who}: {item.what} ({item.status})" if isinstance(item, Decision) else f"{item.name_as_written} ({item.status})"
        claims.append(claim(r.article_id, says, item.evidence[0], sources))
    if len(claims) < 2:
        return None
    return Divergence(id="", item=group.item_id, topic=group.topic, aspect=aspect, claims=claims,
                      articles=sorted(seen), found_by="model")
