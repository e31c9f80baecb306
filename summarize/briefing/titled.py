"""People a sentence names with a title and their full name as they speak: "Secretary of the Treasury Scott
Bessent said in a statement", "Pentagon spokesperson Sean Parnell said", "Rep. Marcy Kaptur (D-Ohio) warned",
"Sprecher Sean Parnell sagte".

A small model passes over a speaker it does not know, or gives their words to their institution ("US Treasury:
said in a statement"); yet who said what is what an analyst reads a briefing for, and the gold of every page lists
the people who speak. The alias table knows only the best-known people (:func:`.gazetteer.people`); a name the
article writes after a title and right before a verb of saying is a person's, whoever they are: the title says it
is no noun phrase ("White House officials said"), the full name (a first name and a surname, capitalised) that it
is someone named, and the verb that they speak in the story.
"""

from __future__ import annotations

import re

from .numbered import Sentences

__all__ = ["speakers"]

_TITLE = (r"(?:Secretary(?:\s+of\s+(?:the\s+)?[A-Z]\w+)?|[Ss]pokes(?:man|woman|person)|Senator|Sen\.|Rep\.|Representative"
          r"|[Mm]inister|[Aa]mbassador|[Aa]dvis[eo]r|[Cc]hancellor|(?:Presse)?[Ss]precher(?:in)?|Minister(?:in)?"
          r"|Botschafter(?:in)?|Berater(?:in)?|Senator(?:in)?|Abgeordnete[rn]?)")
_NAME = r"(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:\s+[A-ZÄÖÜ][a-zäöüß'’-]+){1,2})"
_SAID = r"(?:said|says|told|warned|added|stated|wrote|sagte|sagt|erklärte|betonte|warnte|schrieb|teilte)"
# the title, the full name (an aside in brackets after it: "(D-Ohio)"), at most one word, the verb of saying
_SPEAKER = re.compile(rf"(?<!\w){_TITLE}\s+{_NAME}(?:\s*\([^()]{{1,30}}\))?,?\s+(?:\w+\s+)?{_SAID}(?!\w)")


def speakers(sentences: Sentences) -> dict[str, tuple[int, str]]:
    """Name -> (number of the first sentence, the name as written there) of the people a sentence names with a
    title and their full name as they speak (see the module's docstring)."""
    first: dict[str, tuple[int, str]] = {}
    for n in range(1, len(sentences) + 1):
        for match in _SPEAKER.finditer(sentences.sentence(n)):
            first.setdefault(match.group("name"), (n, match.group("name")))
    return first
