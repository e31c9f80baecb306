"""Weapons a supplier holds back, told by the reason its speaker gives, found by the code: its own need ("We need
Tomahawks for the United States of America too", „Wir brauchen Tomahawks auch für die Vereinigten Staaten"), the
hope of ending the war without them ("Hopefully we'll be able to get the war over without thinking about
Tomahawks", "We'd much rather have them not need Tomahawks", „den Krieg beenden zu können, ohne an Tomahawks
zu denken"), or the refusal to part with them („Trump will Tomahawks nicht abgeben").

Such a sentence is the supplier's position on the weapon, which an analyst lists and other sources report as
"reluctance"; a small model reads it for the request it answers, or as a plan to send the weapon.

* The weapon is one of the briefing's, named in the words or, for "them"/"sie", in the sentence or one of the
  two before it.
* The speaker is a person of the briefing: the one a quotation's "we"/"I" is (:func:`.people_named.quote_speaker`),
  else the one who tells the sentence (:func:`.people_named.speaker`). A need "too" or "also" alone is no
  reason to hold back (a recipient says "we also need Patriots"): the need is the speaker's own ("for the
  United States", "ourselves", „selbst", „für die USA").
* The description is the code's, in English ("expressed reluctance to give up Tomahawk, saying they are needed
  at home", "hopes to end the war without Tomahawk", "will not give up Tomahawk").
* A sentence on which a decision of the speaker already names the weapon is left to it; the same reason told
  again is one decision with both sentences as its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence, Weapon
from .cues import speaks_for_self
from .finders import add_position, cued_sentences
from .mentions import mentioned_in
from .numbered import Sentences
from .people_named import people_of, quote_speaker, speaker

_THEM = r"them|those|these|it|sie|diese|die|es"
_W = r"\[?(?P<w>[A-ZÄÖÜ][\w-]*|" + _THEM + r")\]?"
_W2 = _W.replace("(?P<w>", "(?P<w2>")  # the weapon's slot in a pattern's other branch
_OWN = (r"(?:for\s+(?:the\s+)?(?:United\s+States|U\.?S\b|US\b|America\b|ourselves|our\s+own)|ourselves|"
        r"für\s+(?:die\s+)?(?:USA|Vereinigten\s+Staaten|Amerika|uns)|selbst)")
_REASONS = (
    # its own need: "We need Tomahawks for the United States of America too", „Wir brauchen Tomahawks auch für die
    # Vereinigten Staaten", „Wir brauchen für die USA auch Tomahawks", "We need them ourselves"
    ("need", re.compile(rf"(?<!\w)(?:[Ww]e|I|[Ww]ir)\s+(?:also\s+|still\s+)?(?:need|brauchen)\s+(?:(?:auch|also)\s+)?"
                        rf"(?:(?P<own1>{_OWN})\s+(?:auch\s+|also\s+)?{_W}|{_W2}\s+(?:(?:auch|also|too)\s+)?"
                        rf"(?P<own2>{_OWN}))")),
    # the hope of not needing them: "... get the war over without thinking about Tomahawks", "... rather have them
    # not need Tomahawks", "Hopefully they won't need [Tomahawks]", „ohne an Tomahawks zu denken"
    ("hope", re.compile(rf"(?<!\w)(?:without\s+(?:thinking\s+(?:about|of)\s+|needing\s+|using\s+)|"
                        rf"(?:won[’']?t|will\s+not|not)\s+need\s+|ohne\s+an\s+){_W}")),
    # the refusal to part with them: „Trump will Tomahawks nicht abgeben", "not give up Tomahawks"
    ("keep", re.compile(rf"(?:{_W}\s+nicht\s+(?:abgeben|hergeben|herausgeben)|(?<!\w)not\s+(?:give\s+up|part\s+with)\s+"
                        rf"{_W2})")),
)
_HOPE = re.compile(r"(?<!\w)(?:hope\w*|rather|hoff\w*|lieber)(?!\w)", re.IGNORECASE)
_CUES = ("need", "brauchen", "without", "ohne an", "nicht abgeben", "nicht hergeben", "nicht herausgeben", "give up",
         "part with")
_DESCRIPTION = {"need": "expressed reluctance to give up {}, saying they are needed at home",
                "hope": "hopes to end the war without {}", "keep": "will not give up {}"}


def reluctance(sentences: Sentences, actors: list[Actor], weapons: list[Weapon], decisions: list[Decision],
               evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """The weapons held back that the sentences tell, each by a person of the briefing, on sentences where no
    decision of theirs names the weapon."""
    people = people_of(actors)
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: any(cue in s.casefold() for cue in _CUES)) if people and weapons else ():
        for reason, pattern in _REASONS:
            match = pattern.search(sentence)
            if match is None or (reason == "hope" and not _HOPE.search(sentence)):
                continue  # "without ..." is a hope only told as one ("Hopefully ...", "rather ...", „Er hoffe")
            weapon = _weapon(match.group("w") or match.group("w2") or "", weapons, sentences, n)
            who = quote_speaker(people, sentences, n) if speaks_for_self(sentence) else speaker(sentence, people, sentences, n)
            if weapon is None or who is None or not isinstance(ev := evidence(n), Evidence):
                continue
            if any(d.who == who and d.evidence[0].end == ev.end and mentioned_in(weapon, d.what) for d in [*decisions, *found]):
                continue  # the model (or an earlier reason) told the speaker's position on the weapon here
            what = _DESCRIPTION[reason].format(weapon)
            add_position(found, who, what, ev)
            break
    return found


def _weapon(word: str, weapons: list[Weapon], sentences: Sentences, n: int) -> str | None:
    """The briefing's weapon ``word`` names; for a pronoun, the one named last in the sentence or in one of the
    two before it."""
    if not re.fullmatch(_THEM, word):
        return next((w.name for w in weapons if any(len(form) >= 4 and (mentioned_in(form, word) or mentioned_in(word, form))
                                                    for form in (w.name, w.name_as_written))), None)
    for k in range(n, max(0, n - 3), -1):
        text = sentences.sentence(k)
        named = [(text.casefold().find(w.name_as_written.casefold()[:5]), w.name) for w in weapons
                 if mentioned_in(w.name_as_written, text) or mentioned_in(w.name, text)]
        if named:
            return max(named)[1]
    return None
