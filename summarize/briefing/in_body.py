"""An actor's evidence from the article's body, not from a heading inside it.

A line in the middle of a page that reads like a heading is often another story's: a related article's title
whose "Read also" label the copy lost ("US sanctions Russia’s two largest oil companies and calls on Moscow to
agree to immediate ceasefire", "Chaos in sky: Hegseth halts Ukraine’s weapons flights without Trump’s order").
A small model cites it for the people and states it names as readily as a sentence of the report. Such a
line cannot be told from a subheading by its words, but a quote of the body says what the actor does there:
an actor's evidence at a heading that stands after the body began (:func:`~summarize.text.sentences.is_heading`
, with a sentence of the body before it) is dropped when another evidence of the actor remains, and otherwise
replaced by the first sentence of the body that names the actor (by its name as written, else by its
canonical name or an alias, which is then the name as written: "Deutschland" -> "Berlin"); when none does, the
actor is another story's and is dropped (listed with the reason). Headings at the top (the title, a kicker) are
the article's own and stay.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models import Actor, DroppedItem, Evidence
from ..text.sentences import is_heading
from .aliases import alias_forms
from .mentions import mentioned_in
from .numbered import Sentences

__all__ = ["in_body"]


def in_body(actors: list[Actor], sentences: Sentences, evidence: Callable[[int, int], Evidence | str],
            ) -> tuple[list[Actor], list[DroppedItem]]:
    """``actors`` with their evidence at headings inside the body dropped or moved to the body (see the
    module), and those only such a heading names, dropped. ``evidence(n, n)``: sentence ``n``'s located
    evidence."""
    body_from = next((n for n in range(1, len(sentences) + 1) if not is_heading(sentences.sentence(n))), None)
    if body_from is None:
        return actors, []

    spans = [(found.start, found.end) for n in range(body_from + 1, len(sentences) + 1)
             if is_heading(sentences.sentence(n)) and isinstance(found := evidence(n, n), Evidence)]
    if not spans:
        return actors, []

    def inner_heading(ev: Evidence) -> bool:  # its quote lies within one of the headings (offsets of the article)
        return any(start <= ev.start and ev.end <= end for start, end in spans)

    dropped: list[DroppedItem] = []
    for actor in actors:
        if not any(inner_heading(ev) for ev in actor.evidence):
            continue
        kept = [ev for ev in actor.evidence if not inner_heading(ev)]
        written = actor.name_as_written
        if not kept:  # the first sentence of the body that names it: by the name as written, else by another form
            surname = actor.name.split()[-1:] if actor.kind == "person" else []  # "Merz" of "Friedrich Merz"
            for form in (f for f in dict.fromkeys((written, actor.name, *alias_forms("actors", actor.name), *surname))
                         if len(f) >= 2):  # each as a whole: "amerikanische Regierung" is not "Regierungschef"
                at = next((n for n in range(body_from, len(sentences) + 1) if not is_heading(line := sentences.sentence(n))
                           and mentioned_in(form, line, whole=True)), None)
                if at is not None and isinstance(found := evidence(at, at), Evidence):
                    kept, written = [found], form
                    break
        if kept:
            actor.evidence, actor.name_as_written = kept, written
        else:
            dropped.append(DroppedItem(kind="actor", label=actor.name, evidence=actor.evidence[0], reason=(
                f"only a heading inside the page names {actor.name_as_written!r} ({actor.evidence[0].quote[:60]!r}), "
                "no sentence of the body: another story's title")))
    gone = {d.label for d in dropped}
    return [a for a in actors if a.name not in gone], dropped
