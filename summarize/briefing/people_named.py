"""Which people of a briefing a sentence names, and where: by their names as the briefing gives them, as the
article writes them, or as the alias table knows them ("Selenskyj" is Volodymyr Zelensky), each at the word
that names them. Of two people of one surname ("Donald Trump", "Melania Trump") the one whose first name the
sentence gives. The calls and meetings the code finds (:mod:`.interactions`) are between such people and
those a sentence's pronouns refer to (:func:`with_referents`); who tells a sentence (:func:`speaker`), or
speaks a quotation's "I" (:func:`quote_speaker`), is one of them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Actor
from .aliases import alias_forms
from .cues import speaks_for_self
from .mentions import mentioned_in, mentions, word_start
from .numbered import Sentences
from .plausible import office_word
from ..text.normalise import QUOTATION_MARKS

__all__ = ["PRONOUN_SUBJECT", "named_at", "people_of", "quote_speaker", "speaker", "surname_in", "told_before", "with_referents", "word_start_in",
           "written_at"]


def word_start_in(prefix: str, text: str) -> int:
    """Where a word of ``text`` starts with ``prefix`` (case-insensitive), or -1."""
    return word_start(prefix.casefold(), text.casefold())


def surname_in(name: str, sentence: str) -> str:
    """The start of the word by which the sentence names a person (its first five letters)."""
    found = written_at(name, sentence)
    return found[0] if found else (name.split()[-1][:5] if name.split() else name)


def written_at(name: str, text: str) -> tuple[str, int] | None:
    """(the first five letters, where) of the word by which ``text`` names a person: the last word of the
    name or of one of its alias table forms; None when it names them by none."""
    for form in (name, *alias_forms("actors", name)):
        last = form.split()[-1] if form.split() else ""
        if len(last) >= 4 and (at := word_start_in(last[:5], text)) >= 0:
            return last[:5], at
    return None


def people_of(actors: list[Actor]) -> tuple[tuple[str, str], ...]:
    """The briefing's people as :func:`named_at` looks for them: (name, name as written)."""
    return tuple((a.name, a.name_as_written) for a in actors if a.kind == "person")


def pronoun_referent(sentences: Sentences, n: int, actors: list[Actor]) -> str | None:
    """The person a pronoun ("he", "er") of sentence ``n`` refers to: the first person named in the two
    sentences before."""
    people = people_of(actors)
    for k in range(n - 1, max(0, n - 3), -1):
        if named := named_at(people, sentences.sentence(k)):
            return next(iter(named))
    return None


@lru_cache(maxsize=1 << 12)  # the calls and the further reports read each sentence of an article
def named_at(people: tuple[tuple[str, str], ...], sentence: str) -> dict[str, int]:
    """The people the sentence names (by the briefing's names), in the order it names them, each with where
    (the dict is shared: not to be changed)."""
    at: dict[str, int] = {}
    folded = sentence.casefold()
    for name, written in people:
        for form in (written, name, *alias_forms("actors", name)):
            last = form.split()[-1].casefold() if form.split() else ""
            if len(form) >= 4 and last[:3] in folded and mentions(form, sentence, 0, len(sentence)):
                hit = word_start_in(last[:5], sentence)
                at.setdefault(name, hit if hit >= 0 else len(sentence))
                break
    return dict(sorted(_one_per_surname(at, people, sentence).items(), key=lambda item: item[1]))


def _one_per_surname(at: dict[str, int], people: tuple[tuple[str, str], ...], sentence: str) -> dict[str, int]:
    """Of two people of one surname found at one place ("Donald Trump" and "Melania Trump" at "Trump"), the one
    whose first name the sentence gives; else the one the alias table knows by that name, else the first the
    briefing lists. An office before the surname ("Kremlchef Putin") is no first name."""
    places: dict[int, list[str]] = {}
    for name, hit in at.items():
        places.setdefault(hit, []).append(name)
    for names in places.values():
        if len(names) > 1:
            given = [n for n in names if _given_names(n) and any(
                len(f.split()) >= 2 and mentioned_in(f, sentence, whole=True) for f in (n, *alias_forms("actors", n)))]
            known = [n for n in names if list(alias_forms("actors", n)[:1]) == [n]]
            for other in names:
                if other not in (given or known or names)[:1]:
                    del at[other]
    return at


def _given_names(name: str) -> list[str]:
    """The words of a person's name before the surname that are no office ("Donald" of "Donald Trump"; none of
    "Kremlchef Putin")."""
    return [w for w in name.split()[:-1] if len(w) >= 3 and not office_word(w)]


# who tells a sentence: "Trump said", "Selenskyj betonte", "laut Trump", "According to Zelensky", "Trump zufolge"
# the verbs by which a sentence names who tells it
_SAID = (r"(?:said|says|added|announced|stated|confirmed|wrote|told|noted|revealed|described|declared|admitted|confessed|"
         r"insisted|posted|sagte|sagt|erklärte|betonte|kündigte|fügte|schrieb|teilte|bestätigte|berichtete|erzählte|"
         r"ergänzte|räumte)")
_SPEECH_AFTER = re.compile(rf"\s+(?:\w+\s+){{0,3}}?{_SAID}(?!\w)")
_SPEECH_BEFORE = re.compile(r"(?<!\w)(?:laut|according to|nach Angaben von|so)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# a pronoun that opens a sentence as its subject ("Er fügte hinzu, ...", "He said ...")
PRONOUN_SUBJECT = re.compile(r"\W{0,3}(?:He|She|Er|Sie)\s")
# a preposition right before a name: its object, not who tells ("with Trump", "mit dem Präsidenten Putin")
_OBJECT_BEFORE = re.compile(r"(?<!\w)(?:with|to|mit|zu|gegenüber)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_OPENING = 40  # characters: a name this early in a sentence is its subject ("The US President said that Putin ...": no)
_REPORTED = re.compile(r"(?<!\w)(?:that|dass)\s", re.IGNORECASE)


def speaker(sentence: str, people: tuple[tuple[str, str], ...], sentences: Sentences, n: int,
            referents: bool = True) -> str | None:
    """Who tells what sentence ``n`` reports: the person named as its speaker ("Trump said", "laut Trump");
    else, with a pronoun or a "we" as its subject, the person named as the subject that opens one of the two
    sentences before (unless ``referents`` is false); else the first person it names. No one named as a
    preposition's object ("with Trump") tells it."""
    named = _subjects(people, sentence)
    if (name := _named_speaker(sentence, named)) is not None:
        return name
    if referents and (PRONOUN_SUBJECT.match(sentence) or speaks_for_self(sentence) or re.match(r"\W{0,3}(?:We|Wir)\s", sentence)):
        for k in range(n - 1, max(0, n - 3), -1):  # the subject that opens a sentence before
            earlier = sentences.sentence(k)
            if subject := next((name for name, at in _subjects(people, earlier).items()
                                if at <= _OPENING and not _REPORTED.search(earlier, 0, at)), None):
                return subject
    return next(iter(named), None)


def _subjects(people: tuple[tuple[str, str], ...], sentence: str) -> dict[str, int]:
    """The people a sentence names, but those named as the object of a preposition ("his discussion with
    Trump", "his first call with Putin"), who neither tell nor are what a pronoun after it refers to."""
    return {name: at for name, at in named_at(people, sentence).items()
            if not _OBJECT_BEFORE.search(sentence, max(0, at - 40), at)}


def _told_in(people: tuple[tuple[str, str], ...], sentence: str, after_quotation: bool = False) -> str | None:
    """The person of ``people`` the sentence names as its speaker (:func:`_named_speaker` of its subjects)."""
    return _named_speaker(sentence, _subjects(people, sentence), after_quotation)


def _named_speaker(sentence: str, named: dict[str, int], after_quotation: bool = False) -> str | None:
    """The person of ``named`` (as :func:`_subjects` gives them) whom the sentence names as its speaker ("Trump
    said", "laut Trump", "..., added Trump"); with ``after_quotation``, only one named right after a quotation
    closes ("..., and much more,” added Trump", "...,” Trump wrote")."""
    for name, at in named.items():
        rest = sentence[at:]
        word = re.match(r"[\w.'’-]+", rest)
        if word is None:
            continue
        if after_quotation:
            if _AFTER_QUOTATION.search(sentence, 0, at) or (_QUOTATION_CLOSED.search(sentence, 0, at)
                                                             and _SPEECH_AFTER.match(rest, word.end())):
                return name
        elif (_SPEECH_AFTER.match(rest, word.end()) or _SPEECH_BEFORE.search(sentence, 0, at) or _INVERTED.search(sentence, 0, at)
              or _AFTER_QUOTATION.search(sentence, 0, at) or _COLON_QUOTATION.match(rest, word.end())):
            return name
    return None


# "I" as a subject: "President Zelenskyy and I will be meeting tomorrow", "I had a good ... call with Putin",
# „Präsident Putin und ich werden uns ... treffen" (not "World War I")
_FIRST_PERSON_SUBJECT = re.compile(r"(?<!\w)(?<!War )(?:I(?=\s+[a-z’'])|[Ii]ch(?=\s))")
# the attribution right after a quotation closes: "...,” added Trump", "...“, sagte Selenskyj"
_AFTER_QUOTATION = re.compile(rf"[{QUOTATION_MARKS}]\s*,?\s*{_SAID}\s+(?:[\w.-]+\s+){{0,4}}$")
_QUOTATION_CLOSED = re.compile(rf"[{QUOTATION_MARKS}]\s*,?\s*(?:[\w.-]+\s+){{0,3}}$")  # "...,” Trump wrote"
# the verb of speech before the speaker: "..., erzählte Trump", "sagte US-Präsident Trump", "said Trump" (not "said that Trump")
_INVERTED = re.compile(rf"(?<!\w){_SAID}\s+(?:(?!that\s|dass\s)[\w.-]+\s+){{0,2}}$")
_COLON_QUOTATION = re.compile(rf"\s*:\s*[{QUOTATION_MARKS}]")  # "Trump: „Wir brauchen Tomahawks selbst“"
# the attribution after a quotation, by whoever: '...,” a spokesman said', '...,” the president said'
_TOLD_BY = re.compile(rf"[{QUOTATION_MARKS}]\s*,?\s*((?:[\w.-]+\s+){{1,4}}?){_SAID}(?!\w)")
_REFERS_BACK = re.compile(r"(?:he|she|er|sie|(?:the|der|die)\s+(?:[\w.-]+\s+)?(?:president|präsident|leader|chancellor|"
                          r"kanzler)\w*)\s+$", re.IGNORECASE)  # "the president", "der US-Präsident": one named before
# a pronoun telling what follows: "He added: “President Putin and I ...", "Er sagte:"
_PRONOUN_TELLS = re.compile(rf"\W{{0,3}}(?:He|She|Er|Sie)\s+(?:\w+\s+){{0,2}}?{_SAID}(?!\w)")


def quote_speaker(people: tuple[tuple[str, str], ...], sentences: Sentences, n: int) -> str | None:
    """Who speaks the first-person sentence ``n`` of a quotation: the person named as its speaker in it; else
    in a sentence after it that the quotation runs on to ("... and much more. I believe great progress was
    made,” added Trump."); else in one of the two sentences before it ("Trump said Thursday that ...",
    "Trump wrote:"), or the person a pronoun telling it there refers to ("He added: “..."). None when no one
    is named so."""
    sentence = sentences.sentence(n)
    if (name := _told_in(people, sentence)) is not None:
        return name
    if _PRONOUN_TELLS.match(sentence):  # "..., erzählte Trump. ... Er sagte: „Wir brauchen ..."
        return told_before(people, sentences, n) or speaker(sentence, people, sentences, n)
    if (told := _TOLD_BY.search(sentence)) and not _REFERS_BACK.match(told.group(1)):
        return None  # '...,” a spokesman said': told by one the briefing does not list
    for k in range(n + 1, min(n + 2, len(sentences)) + 1):  # the quotation runs on to its attribution
        later = sentences.sentence(k)
        if not any(mark in later for mark in QUOTATION_MARKS):
            break
        if (name := _told_in(people, later, after_quotation=True)) is not None:
            return name
    for k in range(n - 1, max(0, n - 3), -1):
        earlier = sentences.sentence(k)
        if (name := _told_in(people, earlier)) is not None:
            return name
        if _PRONOUN_TELLS.match(earlier):
            return told_before(people, sentences, k) or speaker(earlier, people, sentences, k)
    return None


def told_before(people: tuple[tuple[str, str], ...], sentences: Sentences, n: int) -> str | None:
    """The person named as the speaker of one of the two sentences before sentence ``n`` ("..., sagte Trump"):
    who tells a quotation's "I", or goes on telling a sentence in reported speech that names no one."""
    return next((name for k in range(n - 1, max(0, n - 3), -1) if (name := _told_in(people, sentences.sentence(k))) is not None),
                None)


# A pronoun as the subject: "Vor allem telefonierte er am Donnerstag ... mit Wladimir Putin", "He then met Orbán"
_PRONOUN_IN_SENTENCE = re.compile(r"(?<!\w)(?:[Ee]r|[Hh]e|[Ss]he)(?!\w)")  # "He is scheduled to meet Trump"


def _with_referent(positions: dict[str, int], people: tuple[tuple[str, str], ...], sentences: Sentences,
                   n: int) -> dict[str, int]:
    """``positions`` of a sentence that names one person, with the one its subject pronoun ("er", "he")
    refers to, at the pronoun: the person named last in the sentence before (else the one before that) who
    is not the one named. Unchanged when there is no pronoun or no one to refer to."""
    sentence = sentences.sentence(n)
    pronoun = _PRONOUN_IN_SENTENCE.search(sentence)
    if pronoun is None:
        return positions
    for k in range(n - 1, max(0, n - 3), -1):
        earlier = [name for name in named_at(people, sentences.sentence(k)) if name not in positions]
        if earlier:
            return dict(sorted({earlier[-1]: pronoun.start(), **positions}.items(), key=lambda item: item[1]))
    return positions


def with_referents(positions: dict[str, int], people: tuple[tuple[str, str], ...], sentences: Sentences,
                   n: int) -> dict[str, int]:
    """The people sentence ``n`` names (``positions``, of :func:`named_at`) with those its pronouns refer to:
    the speaker of a quotation's "I" (:func:`quote_speaker`); with one person named, the one "he"/"er" refers
    to; with no one named, the two "the two" refers to."""
    positions = _with_teller(positions, people, sentences, n)
    if len(positions) == 1:
        return _with_referent(positions, people, sentences, n)
    return positions or _both_referent(people, sentences, n)


def _with_teller(positions: dict[str, int], people: tuple[tuple[str, str], ...], sentences: Sentences,
                 n: int) -> dict[str, int]:
    """``positions`` with the speaker of a quotation whose "I" is a subject ("President Zelenskyy and I will
    be meeting tomorrow", "I had a good ... call with Putin"; :func:`quote_speaker`), at the "I",
    or first of "X and I"."""
    first = _FIRST_PERSON_SUBJECT.search(sentence := sentences.sentence(n))
    if first is None or (teller := quote_speaker(people, sentences, n)) in (None, *positions):
        return positions
    at = first.start()
    if re.search(r"(?<!\w)(?:and|und)\s+$", sentence[:at]):
        at = max((p for p in positions.values() if p < at), default=at)
    return dict(sorted({teller: at, **positions}.items(), key=lambda item: item[1]))


# "the two" as the subject: "Vorher hatten die beiden lange telefoniert", "Both leaders spoke for an hour", or as
# the two sides: "ein Telefongespräch zwischen den beiden Staatschefs", "das Telefonat der beiden Präsidenten"; not
# "die beiden Länder" or "both countries" (two states, not the two people)
_BOTH = re.compile(r"(?<!\w)(?:[Dd](?:ie|en|er) beiden|[Bb]eide|[Tt]he two|[Bb]oth)(?:\s+(?:Präsidenten|Staatschefs|leaders|presidents|men))?"
                   r"(?=\s+[a-zäöüß]|\s*[,.;:])")


def _both_referent(people: tuple[tuple[str, str], ...], sentences: Sentences, n: int) -> dict[str, int]:
    """The positions of a sentence that names no one and has "the two" as its subject: the two people named
    last in the sentence before (else the one before that), both at "the two"; empty otherwise."""
    both = _BOTH.search(sentences.sentence(n))
    if both is None:
        return {}
    for k in range(n - 1, max(0, n - 3), -1):
        earlier = list(named_at(people, sentences.sentence(k)))
        if len(earlier) >= 2:
            return {earlier[-2]: both.start(), earlier[-1]: both.start()}
    return {}
