"""Reports of one statement joined across sources by the words they quote: two articles that quote the same
speaker with the same run of words ("Treasury is prepared to take further action if necessary" and "ready
“to take further action if necessary”") report one statement, however the model worded each decision
("prepared to take further action", "described the move as one of the largest sanctions").

:func:`~summarize.digest.event_join.join_events` joins reports by the kind of event their descriptions name
and the people taking part; a statement's descriptions often name no kind, or each another, so it leaves
them apart. This pass, run after it, joins buckets of different articles when:

* a run of at least :data:`MIN_WORDS` words, :data:`MIN_CONTENT` of them no function words, stands inside
  quotation marks in a quote of one (the speaker's words, not the reporter's) and in a quote of the other,
  marked or not (a sentence inside a quotation that began in the sentence before has no mark of its own);
* the same speaker decided both (after entity resolution);
* their descriptions name no kind of event, or one of them a label put on something ("called the move
  “...”"): reports of a call, a meeting, a halt are :func:`~summarize.digest.event_join.join_events`' to
  join, and the call and the meeting announced in it quote one sentence but are two developments;
* their days (stated, else the day the article speaks from) are at most
  :data:`~summarize.digest.days.JOIN_MAX_DAYS` apart, or, undated, their articles share a story
  (:class:`~summarize.digest.links.StoryLinks`).

Only quoted runs are indexed (a bucket's few quotations), and only the quotes of a speaker someone quoted are
read word by word against them; joined groups are kept as a union-find, so each join costs next to nothing.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text.event_kinds import event_kind
from ..text.normalise import fold
from .buckets import Bucket
from .clusters import DecisionClusters
from .days import JOIN_MAX_DAYS, report_day
from .links import StoryLinks

MIN_WORDS = 4  # a quoted run this long, shared word for word
MIN_CONTENT = 3  # ... with this many words that are not function words ("stop where they are" is not enough)
_SAID = (None, "label")  # the kinds of a statement's description: none, or a label put on something ("called it “...”")

# text inside double quotation marks of any typography („…“, “…”, "…", »…«, «…»); single marks are apostrophes too
_QUOTED = re.compile(r"[„“”\"»«‹›]([^„“”\"»«‹›]{8,600})[“”\"«»‹›]")
_MARKS = re.compile(r"[„“”\"»«‹›]")
_FUNCTION = frozenset(fold(w) for w in """
a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those
he she they we you i me him her them us our your their his my not no do does did have has had will would can could
should may might must shall so than then there here what which who whom when where why how all any some very just
der die das den dem des ein eine einen einem einer eines und oder aber wenn von zu im in am an auf mit für aus als ist
sind war waren sein wird werden hat haben hatte es er sie wir ihr ich du uns man nicht kein keine so wie was wer wo
auch noch nur schon sehr dass über nach vor bei
""".split())


def quoted_runs(quote: str) -> list[tuple[str, ...]]:
    """The word sequences inside quotation marks in ``quote``, folded (:func:`~summarize.text.normalise.fold`:
    "didn’t" -> "didn t", "über" -> "uber"), each of at least :data:`MIN_WORDS` words."""
    runs = []
    for found in _QUOTED.finditer(quote):
        words = tuple(fold(found.group(1)).split())
        if len(words) >= MIN_WORDS:
            runs.append(words)
    return runs


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The runs of :data:`MIN_WORDS` words that hold :data:`MIN_CONTENT` content words."""
    out = set()
    for i in range(len(words) - MIN_WORDS + 1):
        run = words[i:i + MIN_WORDS]
        if sum(1 for w in run if len(w) > 1 and w not in _FUNCTION and not w.isdigit()) >= MIN_CONTENT:
            out.add(run)
    return out


def join_quoted(buckets: list[Bucket], clusters: DecisionClusters, reference: dict[str, dt.date | None],
                links: StoryLinks) -> list[Bucket]:
    """``buckets`` with those that quote one speaker's same words joined (see the module): each group into its
    first bucket, in input order. A run quoted in one bucket may stand unmarked in the other's quote (a
    sentence inside a quotation that began in the sentence before)."""
    quoted: dict[tuple[str, tuple[str, ...]], list[int]] = {}  # (speaker, run of MIN_WORDS words) -> positions
    for n, bucket in enumerate(buckets):
        runs = [run for item in bucket.members for ev in item.evidence  # type: ignore[union-attr]
                if _MARKS.search(ev.quote) for run in quoted_runs(ev.quote)]
        if runs:
            speaker = clusters.who_key(bucket.members[0].who)  # type: ignore[union-attr]
            for shingle in {s for run in runs for s in _shingles(run)}:
                quoted.setdefault((speaker, shingle), []).append(n)
    if not quoted:
        return buckets
    speakers = {speaker for speaker, _ in quoted}
    groups: dict[int, _Group] = {}  # root position -> the group it heads

    def group_of(n: int) -> _Group:
        if n not in groups:
            bucket = buckets[n]
            days = [d for a, item in bucket.pairs() if (d := report_day(item, reference.get(a))[0]) is not None]  # type: ignore[arg-type]
            groups[n] = _Group(n, event_kind(bucket.members[0].what), set(bucket.articles), days)  # type: ignore[union-attr]
        return groups[n]

    parent = list(range(len(buckets)))  # union-find over bucket positions: a group's root is its first bucket

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = n = parent[parent[n]]
        return n

    for n, bucket in enumerate(buckets):
        speaker = clusters.who_key(bucket.members[0].who)  # type: ignore[union-attr]
        if speaker not in speakers:
            continue
        for item in bucket.members:
            for ev in item.evidence:  # type: ignore[union-attr]
                words = tuple(fold(ev.quote).split())
                for i in range(len(words) - MIN_WORDS + 1):
                    for other in quoted.get((speaker, words[i:i + MIN_WORDS]), ()):
                        a, b = group_of(root(n)), group_of(root(other))
                        if a is not b and a.fits(b, links):
                            first, second = (a, b) if a.first < b.first else (b, a)
                            first.take(second)
                            parent[second.first] = first.first
    out: dict[int, Bucket] = {}
    for n, bucket in enumerate(buckets):
        if (r := root(n)) == n:
            out[n] = bucket
        else:
            out[r].extend(bucket)
    return list(out.values())


class _Group:
    """Buckets being joined: the first's position, the kind of event their descriptions name (None: none),
    their articles and days."""

    def __init__(self, first: int, kind: str | None, articles: set[str], days: list[dt.date]) -> None:
        self.first, self.kind, self.articles, self.days = first, kind, articles, days

    def fits(self, other: _Group, links: StoryLinks) -> bool:
        """Whether ``other`` can report the same statement: no article in common, descriptions that name no
        kind of event, or one of them a label put on something (:data:`_SAID`; two reports of one kind
        were :func:`~summarize.digest.event_join.join_events`' to join), their days at most JOIN_MAX_DAYS apart
        or, undated, their articles of one story."""
        if not self.articles.isdisjoint(other.articles):
            return False
        if self.kind not in _SAID or other.kind not in _SAID or (self.kind is not None and self.kind == other.kind):
            return False
        if self.days and other.days:
            return abs((min(self.days) - min(other.days)).days) <= JOIN_MAX_DAYS
        return any(links.linked(x, y) for x in self.articles for y in other.articles)

    def take(self, other: _Group) -> None:
        self.articles |= other.articles
        self.days += other.days
