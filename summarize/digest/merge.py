"""Briefings -> Digest: one entry per actor, decision, weapon and open question across articles.

Items are merged on a normalised key (case, accents, punctuation and titles ignored; people also on
their surname, so "Trump" and "Donald Trump" meet). Every digest item keeps, per supporting article,
the located quotes that back it: nothing enters the digest without one.
Ordering: most supporting articles first, then order of first appearance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from ..models import (
    Actor,
    Briefing,
    Decision,
    Digest,
    DigestActor,
    DigestDecision,
    DigestMeta,
    DigestQuestion,
    DigestWeapon,
    Failure,
    OpenQuestion,
    Support,
    Usage,
    Weapon,
)

MAX_SUPPORT_PER_ARTICLE = 2
_TITLES = {"president", "prime", "minister", "chancellor", "us", "mr", "mrs", "dr", "prof", "the"}


def norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_ish = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", ascii_ish).split())


def actor_key(actor: Actor) -> str:
    tokens = [t for t in norm(actor.name).split() if t not in _TITLES] or norm(actor.name).split()
    if actor.kind == "person" and tokens:
        return f"person:{tokens[-1]}"
    return f"{actor.kind}:{' '.join(tokens)}"


def weapon_key(weapon: Weapon) -> str:
    """A named system is keyed on its first hyphen segment, singular: "Patriot-Systeme", "Patriots" and
    "Patriot" meet; "Tomahawk-Marschflugkörper" is "tomahawk". Names with spaces are kept whole."""
    name = weapon.name.strip()
    if " " not in name:
        head = norm(name.split("-", 1)[0])
        return head[:-1] if len(head) > 4 and head.endswith("s") else head
    return norm(name)


def decision_key(decision: Decision) -> str:
    return f"{norm(decision.who)}|{norm(decision.what)}"


def question_key(question: OpenQuestion) -> str:
    return norm(question.question)


class _Bucket:
    """Accumulates one digest item across briefings, in first-seen order."""

    def __init__(self, order: int) -> None:
        self.order = order
        self.items: list[tuple[str, Actor | Decision | Weapon | OpenQuestion]] = []

    def add(self, article_id: str, item: Actor | Decision | Weapon | OpenQuestion) -> None:
        self.items.append((article_id, item))

    @property
    def articles(self) -> list[str]:
        return sorted({a for a, _ in self.items})

    def support(self) -> list[Support]:
        out: list[Support] = []
        per_article: dict[str, int] = {}
        for article_id, item in self.items:
            for ev in item.evidence:
                if per_article.get(article_id, 0) >= MAX_SUPPORT_PER_ARTICLE:
                    break
                if any(s.article_id == article_id and s.start == ev.start for s in out):
                    continue
                per_article[article_id] = per_article.get(article_id, 0) + 1
                out.append(Support(article_id=article_id, quote=ev.quote, start=ev.start, end=ev.end))
        return out


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        if v and norm(v) not in seen:
            seen[norm(v)] = v
    return list(seen.values())


def _group(briefings: Sequence[Briefing], field: str, key) -> list[_Bucket]:  # noqa: ANN001
    buckets: dict[str, _Bucket] = {}
    for briefing in briefings:
        for item in getattr(briefing, field):
            k = key(item)
            if k not in buckets:
                buckets[k] = _Bucket(len(buckets))
            buckets[k].add(briefing.article.id, item)
    return sorted(buckets.values(), key=lambda b: (-len(b.articles), b.order))


def _most_common(values: list[str], *, prefer_short: bool = False) -> str:
    """The most frequent value; ties go to the longer one (fuller names), or the shorter with prefer_short."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -len(v) if prefer_short else len(v)))


def merge(briefings: Sequence[Briefing], failures: Sequence[Failure] = (), *, lang: str = "en") -> Digest:
    """Merge briefings (in the order given) into a digest; ``failures`` are carried over as they are."""
    actors = []
    for b in _group(briefings, "actors", actor_key):
        items: list[Actor] = [i for _, i in b.items]  # type: ignore[misc]
        actors.append(
            DigestActor(
                name=_most_common([i.name for i in items]),
                kind=_most_common([i.kind for i in items]),  # type: ignore[arg-type]
                names_as_written=_unique(i.name_as_written for i in items),
                roles=_unique(i.role for i in items),
                articles=b.articles, count=len(b.articles), support=b.support(),
            )
        )
    decisions = []
    for b in _group(briefings, "decisions", decision_key):
        ds: list[Decision] = [i for _, i in b.items]  # type: ignore[misc]
        decisions.append(
            DigestDecision(
                who=ds[0].who, what=ds[0].what,
                statuses=list(dict.fromkeys(d.status for d in ds)),
                dates=_unique(d.date for d in ds),
                articles=b.articles, count=len(b.articles), support=b.support(),
            )
        )
    weapons = []
    for b in _group(briefings, "weapons", weapon_key):
        ws: list[Weapon] = [i for _, i in b.items]  # type: ignore[misc]
        weapons.append(
            DigestWeapon(
                name=_most_common([w.name for w in ws], prefer_short=True),
                category=_most_common([w.category for w in ws]),
                names_as_written=_unique(w.name_as_written for w in ws),
                statuses=list(dict.fromkeys(w.status for w in ws)),
                articles=b.articles, count=len(b.articles), support=b.support(),
            )
        )
    questions = []
    for b in _group(briefings, "open_questions", question_key):
        qs: list[OpenQuestion] = [i for _, i in b.items]  # type: ignore[misc]
        questions.append(
            DigestQuestion(question=qs[0].question, articles=b.articles, count=len(b.articles), support=b.support())
        )

    usage = Usage()
    for briefing in briefings:
        usage = usage + briefing.meta.usage
    first = briefings[0].meta if briefings else None
    return Digest(
        articles=[b.article for b in briefings],
        summaries={b.article.id: b.summary for b in briefings},
        actors=actors,
        decisions=decisions,
        weapons=weapons,
        open_questions=questions,
        failures=list(failures),
        meta=DigestMeta(
            prompt_version=first.prompt_version if first else None,
            model=first.model if first else None,
            lang=first.lang if first else lang,
            articles_total=len(briefings) + len(failures),
            articles_briefed=len(briefings),
            dropped_items=sum(b.dropped_items for b in briefings),
            usage=usage,
        ),
    )
