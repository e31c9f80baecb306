"""The headline pass: 3-5 sentences written by the model from digest items only, each tagged.

The model sees the digest's items by id (key developments ``D``, weapons ``W``, divergences ``X``,
actors ``A``) with the articles behind each, and returns sentences with the ids they rest on. The code
then decides what is kept:

* a sentence without ids, or with ids that are not in the digest, is **rejected** (and the whole answer
  re-asked once with the reason);
* a cited item counts only if it shares a content word with the sentence, the digest's actors' names not
  counted ("Trump" is in most items), and a divergence only if the sentence shares a word with what its
  sources say, not with its topic alone; a sentence left with none (about something else, or only saying
  that sources differ), stating a number its items do not contain, or naming a call, a meeting or talks
  where the developments it cites report another kind of event ("Zelensky met Trump" resting on "held a
  phone call with Volodymyr Zelensky"), is rejected; an answer of which fewer than :data:`MIN_KEPT`
  sentences would be kept is re-asked once with the reasons, and the answer that keeps more stands;
* a sentence rests on one event: a call, meeting or talks it cites with someone it does not name, while
  naming another of its people, is another event ("Trump held a phone call with Putin" does not rest on
  Trump's call with Zelensky), and of several developments of one kind between the same people (July's call
  and October's) the first cited stands for it;
* the source tags of a kept sentence are computed by the code: the articles of the items it rests on.

Rejected sentences are listed in ``Headline.rejected``; with none kept in any answer the pass fails and the
digest is written without a headline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from ..llm.structured import AsyncClient
from pydantic import BaseModel, Field, ValidationInfo, create_model, model_validator

from ..briefing.drafts import lang_key
from ..briefing.prompts import language_name
from ..errors import ModelOutputError
from ..models import Digest, Headline, HeadlineSentence, PassReport
from ..settings import Settings
from ..text.event_kinds import INTERACTIONS, event_kind, same_kind
from ..llm.validation import current
from .passes import Answer, acall, quote, request

MIN_SENTENCES, MAX_SENTENCES = 3, 5
MIN_KEPT = 2  # an answer that would keep fewer sentences is asked again once
MAX_ITEMS = {"D": 10, "X": 4, "W": 5, "A": 6}
_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)?")  # not the 13 of an article id "h13"
_STOP = {
    "that", "this", "with", "from", "have", "will", "were", "their", "they", "about", "after", "before", "over",
    "also", "into", "than", "sources", "source", "report", "reports", "reported", "says", "said", "while",
    "which", "there", "been", "more", "most", "other", "some", "articles", "article", "according",
    # the words every divergence's text is offered with ("sources differ on the status of ..."): a sentence
    # that shares only these with a divergence is not about it
    "differ", "differs", "differing", "status", "characterisation", "characterization", "number", "date",
}


class _SentenceBase(BaseModel):
    items: list[str] = Field(default_factory=list, max_length=6)


class HeadlineBase(BaseModel):
    @model_validator(mode="after")
    def _tagged(self, info: ValidationInfo) -> HeadlineBase:
        context = current(info)
        known: set[str] = context.get("ids", set())
        bad = [n for n, s in enumerate(self.sentences, 1)  # type: ignore[attr-defined]
               if not s.items or not set(s.items) <= known]
        if known and bad:
            raise ValueError(
                f"sentence(s) {', '.join(map(str, bad))} have no ids or ids not in <items>: every sentence needs "
                "the ids of the items it rests on, from the list only"
            )
        items: dict[str, Offered] | None = context.get("items")
        if items:  # fewer than two would be kept: ask again, with why (the code drops the others; the pass
            # keeps whichever answer keeps more, so a worse re-ask costs nothing but its tokens)
            persons = context.get("persons")
            reasons = [(n, check(" ".join(s.text.split()), list(dict.fromkeys(s.items)), items, persons)[1])
                       for n, s in enumerate(self.sentences, 1)]  # type: ignore[attr-defined]
            rejected = [(n, reason) for n, reason in reasons if reason]
            if rejected and len(reasons) - len(rejected) < MIN_KEPT:
                raise ValueError("too few sentences state what the items they cite say: " + "; ".join(
                    f"sentence {n} {reason}" for n, reason in rejected) + ". Write each sentence from the items whose "
                    "ids it lists")
        return self


@lru_cache(maxsize=None)
def headline_model(lang_name: str) -> type[HeadlineBase]:
    key = lang_key(lang_name)
    sentence = create_model("HeadlineSentenceDraft", __base__=_SentenceBase,
                            text=(str, Field(max_length=300, alias=f"text_{key}")))
    return create_model(  # type: ignore[return-value]
        "HeadlineDraft", __base__=HeadlineBase,
        sentences=(list[sentence], Field(min_length=MIN_SENTENCES, max_length=MAX_SENTENCES)),  # type: ignore[valid-type]
    )


def spread(decisions: list, limit: int) -> list:
    """Up to ``limit`` key developments for the headline, in the digest's order: every one that several sources
    report, then the others taken in turn from each source, so that one source's many (or its recent) items do
    not fill the headline alone."""
    chosen = [d for d in decisions if d.count > 1][:limit]
    queues: dict[str, list] = {}
    for d in decisions:
        if d.count <= 1:
            queues.setdefault(d.articles[0], []).append(d)
    while len(chosen) < limit and any(queues.values()):
        for queue in queues.values():
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    ids = {d.id for d in chosen}
    return [d for d in decisions if d.id in ids]


class Offered(NamedTuple):
    """An item the model may cite: its text as shown to the model, its articles, for a development the kind
    of event its description reports (:func:`~summarize.text.event_kinds.event_kind`), and the words a
    sentence resting on it must share one of (None: those of its text)."""

    text: str
    articles: list[str]
    kind: str | None = None
    words: frozenset[str] | None = None
    claims: frozenset[str] | None = None  # a divergence's: the words of what its sources say, not of its topic
    people: frozenset[str] = frozenset()  # a development's: the digest's actors its decider and description name

    def content(self) -> set[str] | frozenset[str]:
        return self.words if self.words is not None else _words(self.text)


def offered(digest: Digest) -> dict[str, Offered]:
    """Item id -> :class:`Offered`, for the items the model may cite. A development's, divergence's or
    weapon's words leave out the digest's actors' names: "Trump" is in most items, and a sentence about
    Trump's Tomahawk decision that shares only his name with the planned meeting does not rest on it."""
    names = {w.casefold() for a in digest.actors for name in (a.name, *a.names_as_written) for w in _WORD.findall(name)}
    persons = persons_of(digest)

    def without_names(text: str) -> frozenset[str]:
        return frozenset(_words(text) - names)

    out: dict[str, Offered] = {}
    for d in spread(digest.decisions, MAX_ITEMS["D"]):
        status = f" ({d.statuses[0]})" if len(d.statuses) == 1 else ""  # mixed labels: a model writes "considered by some"
        text = f"{d.who}: {d.what}{status} | \"{quote(d.support[0].quote)}\""
        out[d.id] = Offered(text, d.articles, event_kind(d.what), without_names(text),
                            people=people_in(f"{d.who} {d.what}", persons))
    for x in digest.divergences[: MAX_ITEMS["X"]]:
        claims = _claims_text(x.claims)
        text = f"sources differ on the {x.aspect} of \"{x.topic.replace(': ', ' ', 1)}\": {claims}"
        out[x.id] = Offered(text, x.articles, words=without_names(text),
                            claims=without_names(claims) - _words(x.topic))
    for w in digest.weapons[: MAX_ITEMS["W"]]:
        text = f"{w.name} ({w.category}; {', '.join(w.statuses)}; written {', '.join(w.names_as_written)})"
        out[w.id] = Offered(text, w.articles, words=without_names(text))
    for a in digest.actors[: MAX_ITEMS["A"]]:
        roles = f"; {', '.join(a.roles)}" if a.roles else ""
        out[a.id] = Offered(f"{a.name} ({a.kind}{roles}; written {', '.join(a.names_as_written)})", a.articles)
    return out


MAX_NAMED = 3  # sources named with a claim; more are counted ("8 sources say taken")


def _claims_text(claims: list) -> str:
    """What the sources say, one clause per distinct claim, the most sources first: "8 sources say taken, h37
    says considered", not thirteen "hNN says ..." that a model copies into an unreadable sentence."""
    by_says: dict[str, list[str]] = {}
    for c in claims:
        by_says.setdefault(quote(c.says, 80), []).append(c.article_id.split("_")[0])
    ranked = sorted(by_says.items(), key=lambda kv: -len(kv[1]))  # stable: ties keep the claims' order

    def who(ids: list[str]) -> str:
        if len(ids) > MAX_NAMED:
            return f"{len(ids)} sources say"
        if len(ids) == 1:
            return f"{ids[0]} says"
        return f"{', '.join(ids[:-1])} and {ids[-1]} say"

    return ", ".join(f"{who(ids)} {says}" for says, ids in ranked)


def items_text(items: dict[str, Offered], tags: dict[str, str]) -> str:
    """One line per item: its id, its sources (named up to :data:`MAX_NAMED`, else counted) and its text."""
    def sources(articles: list[str]) -> str:
        return ",".join(tags.get(a, a) for a in articles) if len(articles) <= MAX_NAMED else f"{len(articles)} sources"
    return "\n".join(f"{i} [{sources(item.articles)}] {item.text}" for i, item in items.items())


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOP


Persons = dict[str, str]  # the last word of a person's name (casefolded) -> the digest person it names


def persons_of(digest: Digest) -> Persons:
    """The digest's persons by the last word of their name and of each name as written ("trump", "selenskyj"),
    a word two persons share going to the one more sources name (Donald Trump, not Melania Trump). Persons
    only: a state or an organisation is named in many ways ("US", "Washington", "Kremlin")."""
    out: dict[str, tuple[int, str]] = {}
    for a in digest.actors:
        if a.kind != "person":
            continue
        for name in (a.name, *a.names_as_written):
            words = _WORD.findall(name)
            if not words:
                continue
            word = words[-1].casefold()
            if word not in out or len(a.articles) > out[word][0]:
                out[word] = (len(a.articles), a.id)
    return {word: actor for word, (_, actor) in out.items()}


def people_in(text: str, persons: Persons) -> frozenset[str]:
    """The ids of the persons ``text`` names by their last name ("Trump", "Selenskyj", "Putin")."""
    return frozenset(actor for w in _WORD.findall(text) if (actor := persons.get(w.casefold())) is not None)


def one_event(resting: list[str], items: dict[str, Offered], named: frozenset[str]) -> list[str]:
    """The cited ids a sentence rests on as one event: a call, meeting or talks with someone the sentence
    does not name while naming another of its people is another event ("Trump held a phone call with Putin"
    does not rest on Trump's call with Zelensky); and of developments of one kind between the same people
    (the digest keeps July's call apart from October's), the first cited stands for the event."""
    out: list[str] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for i in resting:
        item = items[i]
        if item.kind in INTERACTIONS and item.people:
            if named and item.people & named and item.people - named:
                continue
            if (item.kind, item.people) in seen:
                continue
            seen.add((item.kind, item.people))
        out.append(i)
    return out


def check(text: str, ids: list[str], items: dict[str, Offered],
          persons: Persons | None = None) -> tuple[list[str], str | None]:
    """The cited ids the sentence really rests on (those sharing a content word with it, as one event:
    :func:`one_event`, with the ``persons`` it names), and why the sentence is rejected (None when it is
    kept)."""
    if not ids:
        return [], "no item ids"
    unknown = [i for i in ids if i not in items]
    if unknown:
        return [], f"ids not in the digest: {', '.join(unknown)}"
    words = _words(text)
    resting = [i for i in ids if words & items[i].content()]
    if not resting:
        return [], "shares no content word with the items it cites"
    # a divergence is rested on by what its sources say, not by its topic alone: "Sources differ on the date of
    # Donald Trump plans to meet Vladimir Putin" tells a reader nothing the development does not
    resting = [i for i in resting if items[i].claims is None or words & items[i].claims]
    if not resting:
        return [], "says that sources differ, not what they say"
    resting = one_event(resting, items, people_in(text, persons or {}))
    if not resting:
        return [], "names other people than the calls or meetings it cites"
    cited = " ".join(items[i].text for i in resting)
    numbers = set(_NUMBER.findall(text)) - set(_NUMBER.findall(cited))
    if numbers:
        return [], f"states numbers the cited items do not: {', '.join(sorted(numbers))}"
    said, told = event_kind(text), [items[i].kind for i in resting if i.startswith("D")]
    if said in INTERACTIONS and told and None not in told and not any(same_kind(said, kind) for kind in told):
        return [], f"says a {said} where the developments it cites report a {' or '.join(dict.fromkeys(told))}"  # type: ignore[arg-type]
    return resting, None


def headline_from(answer: Answer, items: dict[str, Offered], model: str, persons: Persons | None = None) -> Headline:
    kept: list[HeadlineSentence] = []
    rejected: list[str] = []
    for entry in (answer.data.get("sentences") or [])[:MAX_SENTENCES]:
        if not isinstance(entry, dict):
            continue
        text = next((v for k, v in entry.items() if k.startswith("text") and isinstance(v, str)), "")
        text = " ".join(text.split())
        if not text:
            continue
        raw = entry.get("items")
        ids = list(dict.fromkeys(i.strip() for i in raw if isinstance(i, str))) if isinstance(raw, list) else []
        ids, reason = check(text, ids, items, persons)
        if reason is not None:
            rejected.append(f"{text} ({reason})")
            continue
        articles = sorted({a for i in ids for a in items[i].articles})
        kept.append(HeadlineSentence(text=text, items=ids, articles=articles))
    if not kept:
        why = "; ".join(rejected) or "no sentences"
        raise ModelOutputError(f"the headline pass kept no sentence: {why}")
    return Headline(sentences=kept, rejected=rejected, model=model, usage=answer.usage)


def _prepare(digest: Digest, settings: Settings,
             tags: dict[str, str]) -> tuple[dict[str, Any], dict[str, Offered], Persons]:
    items, persons = offered(digest), persons_of(digest)
    if not items:
        raise ModelOutputError("the digest has no items to write a headline from")
    model = headline_model(language_name(settings.lang))
    context = {"ids": set(items), "items": items, "persons": persons}
    return request(settings, "headline", model, items_text(items, tags), context), items, persons


def _best(answer: Answer, items: dict[str, Offered], model: str, persons: Persons) -> Headline:
    """The headline of whichever usable answer keeps the most sentences (the last one on a tie): a re-ask
    asked for more kept sentences, and when it keeps fewer, the answer before it stands."""
    best: Headline | None = None
    error: ModelOutputError | None = None
    for data in (answer.data, *answer.earlier):
        try:
            headline = headline_from(Answer(data, answer.calls, answer.usage), items, model, persons)
        except ModelOutputError as exc:
            error = error or exc
            continue
        if best is None or len(headline.sentences) > len(best.sentences):
            best = headline
    if best is None:
        raise error  # type: ignore[misc]
    return best


def _finish(answer: Answer, items: dict[str, Offered], model: str,
            persons: Persons) -> tuple[Headline | None, PassReport]:
    try:
        headline = _best(answer, items, model, persons)
    except ModelOutputError as exc:  # the tokens were spent all the same: report them
        return None, PassReport(name="headline", status="failed", message=str(exc), llm_calls=answer.calls,
                                usage=answer.usage)
    return headline, PassReport(name="headline", status="ok", llm_calls=answer.calls, usage=headline.usage,
                                message=f"{len(headline.sentences)} sentences kept, {len(headline.rejected)} rejected")


async def awrite_headline(client: AsyncClient, digest: Digest, settings: Settings,
                          tags: dict[str, str]) -> tuple[Headline | None, PassReport]:
    """The headline (None when no sentence survives the checks) and the pass report."""
    req, items, persons = _prepare(digest, settings, tags)
    return _finish(await acall(client, req, "headline"), items, settings.model, persons)
