"""Meetings of the two sides' teams a sentence reports, found by the code: "Wir haben uns auch auf ein Treffen
unserer Teams geeinigt", "U.S. and Russian delegations would meet next week", "dass ein Treffen zwischen
Vertretern der USA und der Ukraine vorbereitet werde", "Nächste Woche sollen Delegationen beider Länder
vorverhandeln".

Leaders who agree in a call that their advisers, delegations or foreign ministers will meet is a step of the
story that many sources report alike; but the sentence names no two people who meet, so the code's calls and
meetings (:mod:`.interactions`) pass it over, and a small model reads it as the leaders' own meeting ("plans
to meet Volodymyr Zelensky") or not at all.

* A team is a plural group of one side's people (teams, delegations, advisers, representatives, officials,
  negotiators, foreign ministers; "Teams", "Delegationen", "Berater", "Vertreter", "Unterhändler",
  "Außenminister") whose two sides the words around it name: two countries ("US and Russian", "der USA und
  der Ukraine"), or both of them ("our", "ihrer", "beider Länder", "from the two countries"). In German, a
  meeting of a genitive group is one too ("ein Treffen hochrangiger Regierungsvertreter").
* The team meets: a word of a meeting or of talks stands within a few words of the team, in its clause.
* The decider is who tells or agrees to it (:func:`~summarize.briefing.people_named.speaker`): the person
  the sentence names as its speaker ("Trump said", "laut Trump", "Selenskyj betonte"), else its first person
  named; a sentence with a pronoun or a "we" as its subject refers to the subject that opens a sentence
  before; a German sentence in reported speech that names no one ("Das Treffen soll nächste Woche bei einem
  Treffen hochrangiger Berater beider Seiten vorbereitet werden") is told by the speaker named in one of the two
  sentences before ("..., sagte Trump"). A sentence with no one to tell it has no decision.
* The description is the code's: "agreed on a meeting of their teams", "announced a meeting of senior US and
  Russian officials next week" (advisers, delegations, representatives, negotiators and foreign ministers are
  "officials": sources that tell one meeting in different words get one description); the status
  ``announced``.
* A sentence on which a decision names a team already is left as it is; a meeting of a person there, on a
  sentence whose only meeting is the teams', is the teams' meeting misread, and takes its description.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Actor, Decision, Evidence
from ..text.event_kinds import event_kind
from .finders import cued_sentences
from .numbered import Sentences
from .people_named import people_of, speaker, told_before

# the group's noun (its stem, lower case) -> the code's word for it: "teams" as written, any other group of one
# side's people "officials" (advisers, delegations, representatives, negotiators, foreign ministers), so that
# the sources that tell one meeting in different words give it one description, which the digest joins
_NOUNS = {"team": "teams"}
_TEAM = re.compile(r"(?<!\w)(?:(?i:(?P<stem>team|delegation|advis[eo]r|representative|official|negotiator|foreign minister)s)|"
                   r"(?P<stem_de>Team|Delegation|Berater|Regierungsvertreter|Vertreter|Beamte|Unterhändler|Außenminister)"
                   r"(?:(?<=Team)s|(?<=Delegation)en|(?<=Beamte)n|(?<=er)n?))(?!\w)")  # plural: one side's "delegation" meets someone else
_MEETING = re.compile(r"(?<!\w)(?:meet|meets|meeting|meetings|convene|talks|consultations|negotiate|Treffen|treffen|trafen|"
                      r"zusammenkommen|zusammenzubringen|zusammenbringen|Zusammenkunft|verhandeln|vorverhandeln|Konsultationen|Gespräche)"
                      r"(?!\w)")
_COUNTRIES = (("US", re.compile(r"(?<!\w)(?:U\.?S\.?A?|(?:US-)?[Aa]merikan\w*|American|Washington)(?!\w)")),
              ("Russian", re.compile(r"(?<!\w)(?:Russ\w*|Moskau|Moscow|Kreml\w*|Kremlin)(?!\w)")),
              ("Ukrainian", re.compile(r"(?<!\w)(?:Ukrain\w*|Kyiv|Kiew|Kyjiw)(?!\w)")))
_BOTH = re.compile(r"(?<!\w)(?:our|their|both|two|respective|unserer|ihrer|ihre|unsere|beider|beiden|jeweiligen)(?!\w)", re.IGNORECASE)
_GENITIVE_DE = re.compile(r"Treffen\s+(?:hochrangiger\s+|ranghoher\s+)?$")  # "ein Treffen hochrangiger Regierungsvertreter"
_SENIOR = re.compile(r"(?<!\w)(?:senior|high[- ]level|top|hochrangig\w*|ranghoh\w*)(?!\w)", re.IGNORECASE)
_AGREED = re.compile(r"(?<!\w)(?:agreed|agree|agreeing|vereinbart\w*|geeinigt|einigten|verständigt\w*)(?!\w)", re.IGNORECASE)
# German reported speech: its modal or subjunctive ("soll ... vorbereitet werden", "werde", "seien")
_REPORTED_DE = re.compile(r"(?<!\w)(?:soll|sollen|werde|würden|sei|seien|habe|hätten)(?!\w)")
_NEXT_WEEK = re.compile(r"(?<!\w)(?:next week|(?:kommende|nächste)n?\s+Woche)(?!\w)", re.IGNORECASE)
_REACH = 60  # characters around a team to the words naming its sides, and to its meeting word
_CLAUSE_BREAK = re.compile(r"[;:!?]|,\s+(?:but|while|as|aber|während|doch)\s")
# a description that names a team already
_NAMES_TEAM = re.compile(r"team|delegation|advis|official|representative|negotiator|counterpart|foreign minister|envoy",
                         re.IGNORECASE)


def names_team(what: str) -> bool:
    """Whether a description names a team of one side ("agreed on a meeting of their teams", "Rubio will lead
    the delegation")."""
    return _NAMES_TEAM.search(what) is not None


def team_spans(sentence: str) -> list[tuple[int, int, str]]:
    """The teams of the two sides the sentence tells meeting: (start, end, description of the group) each,
    e.g. "senior US and Russian advisers", "their teams"."""
    found = []
    for team in _TEAM.finditer(sentence):
        start, end = _clause(sentence, team.start(), team.end())
        before, after = sentence[max(start, team.start() - _REACH): team.start()], sentence[team.end(): min(end, team.end() + _REACH)]
        meeting = [m for m in _MEETING.finditer(sentence, max(start, team.start() - _REACH), min(end, team.end() + _REACH))]
        if not meeting:
            continue
        sides = [label for label, pattern in _COUNTRIES if pattern.search(before[-40:]) or pattern.search(after[:40])]
        genitive = _GENITIVE_DE.search(sentence, 0, team.start()) is not None
        if len(sides) < 2 and not _BOTH.search(before[-25:] + " " + after[:30]) and not genitive:
            continue
        noun = _NOUNS.get((team.group("stem") or team.group("stem_de")).lower(), "officials")
        senior = "senior " if _SENIOR.search(before[-30:]) or _SENIOR.search(after[:15]) else ""
        group = (f"{senior}{' and '.join(sides[:2])} {noun}" if len(sides) >= 2 else f"{senior}{noun}" if genitive
                 else f"their {senior}{noun}")
        found.append((min(team.start(), *(m.start() for m in meeting)), max(team.end(), *(m.end() for m in meeting)), group))
    return found


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``start``-``end`` in its sentence: up to a semicolon, a colon, or a
    comma that opens a contrast (a full stop inside a sentence is an abbreviation's: "U.S. and Russian")."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(sentence, end)
    return left, right.start() if right else len(sentence)


def team_meetings(sentences: Sentences, actors: list[Actor], decisions: list[Decision],
                  evidence: Callable[[int], Evidence | str]) -> list[Decision]:
    """The meetings of the two sides' teams the sentences tell, each told by a person of the briefing, on
    sentences where no decision names a team yet (a meeting of a person there that is the teams' misread
    takes the team meeting's description, in place)."""
    people = people_of(actors)
    persons = {name for name, _ in people}
    found: list[Decision] = []
    for n, sentence in cued_sentences(sentences, lambda s: _TEAM.search(s) is not None and _MEETING.search(s) is not None):
        spans = team_spans(sentence)
        if not spans or not isinstance(ev := evidence(n), Evidence):
            continue
        on_sentence = [d for d in decisions if d.evidence[0].end == ev.end]
        if any(names_team(d.what) for d in on_sentence):
            continue
        what = ("agreed on a meeting of " if _AGREED.search(sentence) else "announced a meeting of ") + spans[0][2]
        what += " next week" if _NEXT_WEEK.search(sentence) else ""
        misread = [d for d in on_sentence if event_kind(d.what) == "meeting" and d.who in persons]
        if misread and not _other_meeting(sentence, spans):
            for d in misread:
                d.what, d.status = what, "announced"
            continue
        who = speaker(sentence, people, sentences, n)
        if who is None and _REPORTED_DE.search(sentence):  # reported speech that names no one: the teller goes on
            who = told_before(people, sentences, n)  # ("..., sagte Trump. Das Treffen soll ... vorbereitet werden.")
        if who is not None:
            found.append(Decision(who=who, participants=[who], what=what, status="announced", evidence=[ev]))
    return found


def _other_meeting(sentence: str, spans: list[tuple[int, int, str]]) -> bool:
    """Whether the sentence has a word of a meeting outside its teams' meetings (a leaders' own meeting)."""
    return any(not any(start <= m.start() < end for start, end, _ in spans) for m in _MEETING.finditer(sentence))
