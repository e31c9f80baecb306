"""Acts told as done in a call or a meeting take that event's day on the timeline.

"Putin bekräftigte laut seinem Berater im Telefonat mit Trump, dass ..." states no day, but the article's
report of the call does ("telefonierten am Donnerstag"), or another source's report of the same call does.
A development that no quote dates gets the day of the call or meeting its report names, when:

* the quote names the event as where the act happened: a preposition before a word of a call or a meeting
  ("im Telefonat", "beim Treffen", "in the call", "during their conversation"), or tells what was said after
  it to have been discussed or agreed ("erklärte nach dem Gespräch, dass ... diskutiert worden seien"), and
* the same article reports exactly one dated call or meeting (by the digest's timeline) that one of the
  report's people (its decider or participants) took part in.

The timeline shows what the article says and the day it stands for: "im Telefonat (2025-10-16)". Nothing is
dated from a model's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..models import Decision, Support, TimelineEvent

__all__ = ["Development", "dated_by_event", "in_event"]

_CALL = r"Telefonat\w*|Telefongespräch\w*|Anruf\w*|(?:phone |telephone )?call|phone conversation"
_MEETING = r"Treffen\w*|Gipfel\w*|meeting|summit|talks"
_EITHER = r"Gespräch\w*|conversation"
# up to two words, then the word of the event: "im (langen) Telefonat", "nach dem Gespräch", "after their call"
_EVENT_WORD = rf"\s+(?:[\w-]+\s+){{0,2}}?(?:(?P<call>{_CALL})|(?P<meeting>{_MEETING})|(?P<either>{_EITHER}))(?!\w)"
_IN_EVENT = re.compile(
    r"(?<!\w)(?:im|beim|in dem|in einem|während des|während eines|bei dem|bei einem|in the|in their|in a|in his|"
    r"during the|during their|during a|during his|on the)" + _EVENT_WORD,
    re.IGNORECASE,
)


@dataclass
class Development:
    """What this pass reads of one development: its kind (``call``, ``meeting`` or another), its people
    (canonical names), its reports (``article_ids[k]`` reported ``decisions[k]``: two parallel lists, a
    bucket's own, not a tuple per report), the timeline events already made for it, and its label (who, what)
    as the key developments name it."""

    kind: str | None
    people: set[str]
    article_ids: Sequence[str]
    decisions: Sequence[Decision]
    events: list[TimelineEvent]
    label: tuple[str, str]

    def reports(self) -> Iterator[tuple[str, Decision]]:
        """``(article id, decision)`` per report, in order."""
        return zip(self.article_ids, self.decisions)

# what someone said after a call or meeting was discussed or agreed was discussed or agreed in it: "Selenskyj
# erklärte nach dem Gespräch, dass ... Investitionen ... diskutiert worden seien", "After the call, Zelensky said
# they had discussed air defence"
_AFTER_EVENT = re.compile(
    r"(?<!\w)(?:nach dem|nach einem|nach ihrem|nach seinem|after the|after their|after a|after his|following the|"
    r"following their)" + _EVENT_WORD,
    re.IGNORECASE,
)
# ... told as done then: a German perfect or passive ("habe ... besprochen", "diskutiert worden seien"), an English
# past perfect or "they/we discussed", in one clause (not "sagt Trump, er sei „sehr unglücklich“ und diskutiert
# Sanktionen": he does so now)
_TALKED_OF = re.compile(
    r"(?<!\w)(?:(?:habe|haben|hätten|hatte|hatten|sei|seien|worden)\s(?:(?:(?!und\s)[^.;:,„“”\"»«]){0,80}?\s)?"
    r"(?:diskutiert|besprochen|erörtert|gesprochen|vereinbart|geeinigt|verständigt)"
    r"|(?:diskutiert|besprochen|erörtert|vereinbart)\s+worden"
    r"|(?:had|have|they|we|both)\s+(?:\w+\s+)?(?:discussed|agreed|talked\s+about|spoke\s+about))(?!\w)",
    re.IGNORECASE)


def in_event(quote: str) -> tuple[str, str] | None:
    """(the words, the kind: ``call``, ``meeting`` or ``either``) of the event ``quote`` tells an act was done
    in ("im Telefonat mit Trump" -> ("im Telefonat", "call")), or what was said after it to have been discussed
    or agreed there ("erklärte nach dem Gespräch, dass ... diskutiert worden seien" -> ("nach dem Gespräch",
    "either")), or None."""
    m = _IN_EVENT.search(quote)
    if m is None and (after := _AFTER_EVENT.search(quote)) is not None and _TALKED_OF.search(quote, after.end()):
        m = after
    if m is None:
        return None
    kind = next(k for k in ("call", "meeting", "either") if m.group(k))
    return " ".join(m.group(0).split()), kind


def dated_by_event(developments: Sequence[Development], name_of: Callable[[str], str],
                   sources: Callable[[list[str]], int], support: Callable[[str, Decision], Support],
                   ) -> list[TimelineEvent]:
    """Timeline events for the developments without one whose reports were done in a dated call or meeting
    of the same article (see the module's docstring). ``support(article, decision)`` gives the quote's
    support entry (shared with the development's own)."""
    dated: dict[str, list[tuple[str, set[str], str]]] = {}  # article -> (kind, people, iso) of its dated events
    for dev in developments:
        if dev.kind in ("call", "meeting") and len(dev.events) == 1 and (event := dev.events[0]).precision == "day":
            for article_id in event.articles:
                dated.setdefault(article_id, []).append((dev.kind, dev.people, event.date))
    out: list[TimelineEvent] = []
    for dev in developments:
        if dev.events:
            continue
        found: dict[str, list[tuple[str, str, Decision]]] = {}  # iso -> (article, words, report)
        for article_id, decision in dev.reports():
            said = in_event(decision.evidence[0].quote)
            if said is None:
                continue
            words, kind = said
            people = {name_of(p) for p in (decision.participants or [decision.who])}
            days = {iso for k, with_, iso in dated.get(article_id, [])
                    if (kind == "either" or k == kind) and people & with_}
            if len(days) == 1:
                found.setdefault(days.pop(), []).append((article_id, words, decision))
        if len(found) != 1:
            continue  # no day, or reports of different days: no date is made up
        iso, rows = next(iter(found.items()))
        articles = sorted({a for a, _, _ in rows})
        out.append(TimelineEvent.model_construct(
            date=iso, precision="day", stated=list(dict.fromkeys(f"{w} ({iso})" for _, w, _ in rows)),
            who=dev.label[0], what=dev.label[1], articles=articles, count=sources(articles),
            support=[support(a, d) for a, _, d in rows],
        ))
    return out
