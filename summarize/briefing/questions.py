"""What makes a model's open question no open question: the article answers it, it names nothing that is
undecided, or it asks about an actor or weapon its sentence does not name (the model put it to the wrong
sentence). Each check gives the reason the briefing lists for the dropped question."""

from __future__ import annotations

import re

from collections.abc import Callable

from ..models import DroppedItem, Evidence, OpenQuestion
from ..text.negation import NEGATIONS
from ..text.normalise import QUOTATION_MARKS, fold
from ..text.same_question import asks_the_same
from .aliases import alias_forms
from .cues import cue_pattern, ends_as_question, open_cue_words, open_date_or_place, speaks_for_self
from .mentions import mentions
from .numbered import Sentences, is_heading
from .plausible import GENERIC_WEAPONS


def why_not_open(question: OpenQuestion, named: list, text: str, english: bool = False) -> str | None:
    """The reason ``question`` is no open question, or None. ``named``: the briefing's actors and weapons;
    ``text``: the article as published (the question's quote offsets point into it); ``english``: the article
    and the question are both in English (the one language whose words :func:`_off_its_sentence` compares)."""
    if _answered_by_quotation(question):
        return "it asks what was said, and its sentence quotes it"
    if _asks_what_was_said_of_no_silence(question):
        return "it asks what was said, and its sentence says nothing was left unsaid or unclear"
    if _WHAT_WAS_SAID.match(question.question) and _WHAT_WAS_SAID.match(question.evidence[0].quote):
        return "its sentence is a subheading that asks what was said, and the text under it tells it"
    if _answered_yes_or_no(question.evidence[0].quote):
        return "its sentence reports a question put to someone and the answer, yes or no"
    if _past_and_only_speculated(question):
        return "it asks what happened, and its sentence only says what could have"
    if _done_in_its_sentence(question):
        return "it asks whether it will happen, and its sentence reports that it did"
    if _reason_in_its_sentence(question):
        return "it asks why, and its sentence gives the reason"
    if _why_of_a_state_for_now(question):
        return "it asks why, and its sentence leaves open only how long a state holds ('vorerst', 'for now')"
    if _asks_if_said_what_was_said(question):
        return "it asks whether someone will say what its sentence reports said; only what was said is hedged"
    if _asked_in_speech(question.evidence[0], text):
        return "its sentence is a question a speaker asks in a quotation (mostly rhetorical), not one the article leaves open"
    if _VAGUE.match(question.question):
        return "it names nothing that is undecided ('What is the significance of ...?', 'Is the call still uncertain?')"
    if (name := _absent_name(question, named, text)) is not None:
        return f"it asks about {name!r}, whom its sentence does not name"
    if english and _off_its_sentence(question, named):
        return "it shares no word with its sentence but names: the question is of another sentence"
    return None


# The words any question has, and the titles by which it refers to someone its sentence names: no sign that a
# question is about its sentence.
_ANY_QUESTION = frozenset("""what which who whom whose when where why how will would could can should shall may
might must do does did is are was were be been being have has had the and for with about from not any some this that
these those its their his her they she you current status nature aim purpose reason central topic discussion focus
still again next new further more other such able happen president minister secretary chancellor leader spokesman
spokeswoman spokesperson official officials government""".split())


def _words(text: str, ignored: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """The first four letters of each word of three or more letters ("meeting" and "meet" share "meet")."""
    return {w[:4] for w in re.findall(r"[^\W\d_]{3,}", text.casefold()) if w not in ignored}


def _off_its_sentence(question: OpenQuestion, named: list) -> bool:
    """A question that shares no word with its sentence but the names of the briefing's actors and weapons and
    the words every question has: the model put it to another sentence ("Will the U. S. president meet Putin in
    Hungary?" on "“Hopefully they won’t need [Tomahawks],” Trump told reporters."). Not a question of when or
    where (the code's own, and a sentence may say "no date has been set" of a meeting it calls "talks"), of what
    was said (its sentence says only that nothing was: "He gave no further details."), nor one of a sentence that
    is itself a question (the model rewords the article's own question)."""
    quote = question.evidence[0].quote
    if re.match(r"\s*(?:when|where)\b", question.question, re.IGNORECASE) or _WHAT_WAS_SAID.match(question.question) \
            or ends_as_question(quote):
        return False
    names = {w for item in named if item.name != GENERIC_WEAPONS  # "weapons" of no kind are a word, not a name
             for name in (item.name, item.name_as_written or "") for w in _words(name)}
    asked = _words(question.question, _ANY_QUESTION) - names
    return bool(asked) and asked.isdisjoint(_words(quote))


_WHAT_WAS_SAID = re.compile(r"\s*what (?:did|does|do)\b.*\b(?:say|tell|answer|reply|write)\b|\s*what\s+(?:is|was|are|were)\s+[^?]{0,40}?"
                            r"\b(?:opinion|view|views|position|stance|assessment)\b", re.IGNORECASE)


# A question that asks what something means or leads to, not what is undecided: "What is the significance of
# this meeting?", "What could be the consequences of the deal?", "What will happen at the meeting?", "What is
# happening?"; or only
# whether something is uncertain, naming nothing about it that is: "Is the telephone call still uncertain?"
_VAGUE = re.compile(r"\s*what\b.{0,30}?\b(?:significance|consequences?|implications?|meaning)\b|\s*what\s+(?:will|would|could)"
                    r"\s+happen\b|\s*what\s+(?:is|was)\s+(?:happening|going\s+on)\b|\s*what\s+happens\s*\?|\s*(?:is|are|was|were)\b[^?]{0,80}?\b(?:uncertain|unclear|open|undecided|unknown)\s*\?\s*$",
                    re.IGNORECASE)


# The cues by which a sentence says something was left unsaid, not given or unclear ("He gave no further details",
# "Das Weisse Haus bestätigte auf Anfrage keine Details", "an unclear stance from Trump"): only of such a sentence
# is what someone said, or their position, an open question.
_UNSAID = ("gave no", "did not", "would not", "declined to", "refus", "keine", "nicht", "no details", "nannte",
           "ließ", "unbestätigt", "unconfirmed", "unclear", "unklar", "unknown", "unbekannt", "confus", "verwirr")


def _asks_what_was_said_of_no_silence(question: OpenQuestion) -> bool:
    """"What did Zelensky say about Trump's comments?" on "... Zelenskyy himself publicly let his optimism show":
    a question for someone's words or position whose sentence's cues say nothing was left unsaid or unclear."""
    if not _WHAT_WAS_SAID.match(question.question):
        return False
    cued = open_cue_words(question.evidence[0].quote)
    return bool(cued) and not any(word.startswith(_UNSAID) for word in cued)


def _asked_in_speech(evidence: Evidence, text: str) -> bool:
    """A question sentence inside a quotation its paragraph opened before it and has not closed: "„Ehrlich gesagt
    müsste ich vielleicht mit Russland über Tomahawks sprechen. Wollen sie, dass Tomahawks in ihre Richtung
    fliegen? Ich glaube nicht.“" (an odd number of quotation marks from the paragraph's start to the sentence)."""
    if not evidence.quote.rstrip().endswith("?") or not 0 <= evidence.start <= len(text):
        return False
    paragraph = text.rfind("\n", 0, evidence.start) + 1
    return sum(text.count(mark, paragraph, evidence.start) for mark in QUOTATION_MARKS) % 2 == 1


def _answered_by_quotation(question: OpenQuestion) -> bool:
    """"What did Trump say to Putin?" or "What is Ushakov's opinion on ...?" on a sentence that quotes what
    he said ("... : »Ich sagte: Nein«"): the article answers it; nothing is open."""
    return bool(_WHAT_WAS_SAID.match(question.question)) and any(mark in question.evidence[0].quote for mark in QUOTATION_MARKS)


# "Why are stocks being held back?" on "... stocks were too low on some items, so pending shipments won't be
# sent": a question for a reason whose sentence states one (a causal word) is answered there. A sentence
# that says the reason is not known ("unklar, warum", "did not say why") leaves it open.
_WHY = re.compile(r"\s*(?:why|warum|weshalb|wieso|weswegen|for what reason)\b", re.IGNORECASE)
_BECAUSE = re.compile(r",\s+so\s|,\s+um\s[^.;:]{1,100}?\szu\s|(?<!\w)(?:because|due to|owing to|as a result|therefore|thus|"
                      r"in order to|weil|denn|deshalb|daher|deswegen|darum|wegen|aufgrund|auf Grund|infolge)(?!\w)",
                      re.IGNORECASE)  # ", um mit Trump ... zu reden": a purpose is the reason asked for
_WHY_UNKNOWN = re.compile(r"(?<!\w)(?:why|warum|weshalb|wieso|weswegen|reasons?|Gr(?:u|ü)nde?)(?!\w)", re.IGNORECASE)


# "Auf eine Frage, ob Macron ... signalisiert habe, ..., antwortet er mit Nein", '"Nein, ich habe keine Fortschritte
# erzielt", sagte Trump auf die Frage eines Reporters, ob ...': a question put to someone that the sentence reports
# answered with a plain yes or no is no longer open. An evasive answer ("Sie werden sie brauchen") leaves it open.
_ASKED = re.compile(r"(?<!\w)(?:(?:nach)?frage\w*\b[^.;:?!]{0,60}?,?\s+ob|gefragt,?\s+ob|asked\s+(?:\w+\s+){0,3}?(?:whether|if)|"
                    r"question\s+(?:of\s+)?whether)(?!\w)", re.IGNORECASE)
_YES_OR_NO = re.compile(r"(?<!\w)(?:mit|with)\s+(?:(?:einem|a)\s+)?(?:klaren\s+|clear\s+|knappen\s+|flat\s+)?(?:Nein|Ja|no|yes)(?!\w)|"
                        r"(?:^|[\"„“”»«‚‘’'(]\s*)(?:Nein|Ja|No|Yes)(?:[,.!:]|\s*[\"“”«»])|(?<!\w)(?:verneinte|bejahte|"
                        r"said no|said yes|answered no|answered yes|replied no|replied yes)(?!\w)")


def _answered_yes_or_no(quote: str) -> bool:
    return bool(_ASKED.search(quote)) and bool(_YES_OR_NO.search(quote))


# "What was the outcome of the August meeting?" on "They last met in August, but the session ended without results,
# a disappointment for Trump, who had hoped his rapport could pave the way": a question about what happened
# whose sentence holds no cue but a speculative word ("could", "hoped", "möglich") asks what the sentence
# reports; only a sentence that says what happened is unknown ("unclear", "did not say", "ob") leaves it open.
_PAST_QUESTION = re.compile(r"\s*(?:(?:what|who|how|why|when|where)\s+(?:was|were|did)|did|was|were)\b", re.IGNORECASE)
_SPECULATIVE_CUES = frozenset(("könnte", "könnten", "möglicherweise", "vielleicht", "might", "may", "could", "possibl",
                               "hoff", "hope", "erhoff", "mögliche", "prospect of", "prospects of", "aussicht", "a potential",
                               "the potential"))

_HEDGED = re.compile(r"(?<!\w)(?:appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|apparently|reportedly|offenbar|"
                     r"anscheinend|scheinbar|scheint|schien|angeblich|mutmaßlich)(?!\w)", re.IGNORECASE)


def _past_and_only_speculated(question: OpenQuestion) -> bool:
    if not _PAST_QUESTION.match(question.question):
        return False
    quote = question.evidence[0].quote
    if quote.rstrip().endswith("?") or _HEDGED.search(quote):
        return False  # "appears to have altered his stance": the sentence doubts what happened
    return _only_hedged(question)


# "Will Russia claim that the war will end if ...?" on "Russland behauptet immer wieder, dass der Krieg enden
# könnte, wenn ...", "Will the Kremlin warn about Tomahawk missiles?" on "According to Putin's adviser, the move
# could provoke a nuclear response": a question whether someone will say something, of a sentence that reports
# it said and whose only cues of something open are the hedges of what was said (could, hope, possible). The
# words are said; what is uncertain is what they are about, which the question does not ask. A sentence that
# says something is open ("unklar", "noch nicht", "zurückhaltend") keeps its question.
_WILL_SAY = re.compile(r"\s*will\s+(?:[\w.'’-]+\s+){1,4}?(?:say|tell|claim|warn|state|argue|insist|admit|stress|repeat)(?!\w)",
                       re.IGNORECASE)
_REPORTS_WORDS = re.compile(
    r"(?<!\w)(?:said|says|told|tells|warned|warns|claimed|claims|argued|argues|insisted|insists|stated|stressed|"
    r"according\s+to|sagte|sagt|gesagt|erklärte|erklärt|behauptet\w*|warnte|warnt|gewarnt|betonte|betont|laut|zufolge)(?!\w)",
    re.IGNORECASE)


def _asks_if_said_what_was_said(question: OpenQuestion) -> bool:
    """Whether ``question`` asks whether someone will say what its sentence reports said (see above)."""
    quote = question.evidence[0].quote
    if not _WILL_SAY.match(question.question) or not _REPORTS_WORDS.search(quote):
        return False
    return _only_hedged(question)


def one_per_question(questions: list[OpenQuestion]) -> tuple[list[OpenQuestion], list[DroppedItem]]:
    """One question per thing asked (:func:`summarize.text.same_question.asks_the_same`, the digest's rule):
    "Will the USA deliver Tomahawks?" of "bleibt unklar, ob die USA liefern werden" and "Will Trump deliver
    Tomahawks?" of "Er hoffe, den Krieg beenden zu können, ohne an Tomahawks zu denken" are one. The question
    kept is the one whose sentence says more than a hedge ("could", "hope") that it is open, else the first;
    the other is listed as dropped."""
    kept: list[OpenQuestion] = []
    dropped = []
    for question in questions:
        folded = fold(question.question)
        twin = next((k for k in kept if asks_the_same(fold(k.question), folded)), None)
        if twin is None:
            kept.append(question)
            continue
        if _only_hedged(twin) and not _only_hedged(question):  # the plainer one takes the earlier one's place
            kept[kept.index(twin)] = question
            question, twin = twin, question
        dropped.append(DroppedItem(kind="open_question", label=question.question[:120], evidence=question.evidence[0],
                                   reason=f"it asks what {twin.question!r} asks"))
    return kept, dropped


def _only_hedged(question: OpenQuestion) -> bool:
    """Whether the only cues of ``question``'s sentence are hedges ("could", "hofft", "possible")."""
    cued = open_cue_words(question.evidence[0].quote)
    return bool(cued) and cued <= _SPECULATIVE_CUES


def _reason_in_its_sentence(question: OpenQuestion) -> bool:
    quote = question.evidence[0].quote
    return bool(_WHY.match(question.question)) and bool(_BECAUSE.search(quote)) and not _WHY_UNKNOWN.search(quote)


def _why_of_a_state_for_now(question: OpenQuestion) -> bool:
    """"Why did Ukraine receive a diplomatic 'curve ball' instead of Tomahawks?" on "Statt Tomahawks hat die
    Ukraine – vorerst – eine diplomatische „Kurvenbombe“ erhalten.": the sentence's only cue is that a state
    holds for now, so what it leaves open is how long, not why."""
    cued, for_now = open_cue_words(question.evidence[0].quote), cue_pattern("for_now")  # summarize/data/cues.json
    return bool(_WHY.match(question.question)) and bool(cued) and all(for_now.fullmatch(c) for c in cued)


def _absent_name(question: OpenQuestion, named: list, text: str) -> str | None:
    """An actor or weapon of the briefing the question names but its quote (with the sentence before) does
    not: the model put a question to the wrong sentence ("Will Putin warn ...?" on Medvedev's words)."""
    ev = question.evidence[0]
    start, end = ev.start, ev.end
    for _ in range(2):  # back to the start of the sentence before the quote
        start = max(text.rfind(stop, 0, max(start - 1, 0)) for stop in (". ", "! ", "? ", "\n")) + 1
    if speaks_for_self(ev.quote):  # a quotation's speaker is named in its attribution, often after it
        end = min([k for k in (text.find(stop, ev.end + 1) for stop in (". ", "\n")) if k >= 0] or [len(text)])
    for item in named:
        forms = [f for f in {item.name, item.name_as_written} if len(f) >= 4]
        if any(mentions(f, question.question, 0, len(question.question)) for f in forms) and not any(
                mentions(f, text, start, end) for f in (*forms, *alias_forms("actors", item.name),
                                                      *alias_forms("weapons", item.name))):
            return item.name
    return None


# "Will Zelensky discuss weapons purchases with the USA?" on "..., dass ... Waffenkäufe diskutiert worden
# seien": the question asks about what its sentence reports done. Each verb of the question with the forms by
# which a sentence reports it done (German and English); a sentence that negates ("noch nicht", "not yet")
# or hedges its report leaves it open.
_DONE_FORMS = {
    "discuss": r"diskutiert|besprochen|erörtert|beraten|discussed",
    "meet": r"getroffen|traf|trafen|met",
    "talk": r"gesprochen|sprach|sprachen|spoke|talked",
    "speak": r"gesprochen|sprach|sprachen|spoke|talked",
    "call": r"telefoniert|telefonierte|telefonierten|angerufen|called|phoned",
    "phone": r"telefoniert|telefonierte|telefonierten|angerufen|called|phoned",
    "agree": r"vereinbart|vereinbarten|geeinigt|einigten|agreed",
    "sign": r"unterzeichnet|unterzeichnete|unterschrieben|signed",
    "visit": r"besucht|besuchte|visited",
}
_WILL_DO = re.compile(r"\s*will\s+(?:[\w.'’-]+\s+){1,4}?(" + "|".join(_DONE_FORMS) + r")\b", re.IGNORECASE)
_DONE = {verb: re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.IGNORECASE) for verb, forms in _DONE_FORMS.items()}
# "Will Putin praise ...?" on "Putin praised ...": any other verb of the question in its regular English past
_WILL_VERB = re.compile(r"\s*will\s+[\w.'’-]+((?:\s+[\w.'’-]+){1,4})", re.IGNORECASE)
_NOT_DONE = re.compile(rf"(?<!\w)(?:{NEGATIONS}|yet|noch|will|would|could|könnte\w*|werden|soll\w*|"
                       r"may|might)(?!\w)", re.IGNORECASE)  # a negation or a modal: "möglichen" before a topic hedges the topic
_AGAIN = re.compile(r"(?<!\w)(?:again|another|next|new|further|more|erneut|wieder)(?!\w)", re.IGNORECASE)


# The irregular English pasts of the verbs a news question asks with ("Will Putin say ...?" on "Putin said ...")
_IRREGULAR = dict(pair.split(":") for pair in (
    "say:said tell:told give:gave send:sent sell:sold hold:held make:made take:took go:went buy:bought keep:kept "
    "lose:lost win:won leave:left speak:spoke begin:began bring:brought seek:sought lead:led find:found "
    "write:wrote choose:chose fight:fought break:broke build:built pay:paid become:became come:came").split())


def _past_forms(verb: str) -> re.Pattern[str]:
    """The English past of ``verb``: irregular, or regular with a final consonant doubled after a short vowel
    ("admit": "admitted", "stop": "stopped") or not ("visit": "visited")."""
    verb = verb.casefold()
    if verb in _IRREGULAR:
        return re.compile(rf"(?<!\w){_IRREGULAR[verb]}(?!\w)", re.IGNORECASE)
    stem = verb[:-1] + "i" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else verb.removesuffix("e")
    doubled = f"|{re.escape(stem + stem[-1])}" if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", stem) else ""
    return re.compile(rf"(?<!\w)(?:{re.escape(stem)}{doubled})ed(?!\w)", re.IGNORECASE)


def _done_in_its_sentence(question: OpenQuestion) -> bool:
    if _AGAIN.search(question.question):
        return False  # "Will they meet again?" on "They met in August": the next time is open
    quote = question.evidence[0].quote
    if (asked := _WILL_DO.match(question.question)) is not None:
        done = _DONE[asked.group(1).casefold()].search(quote)
    elif (asked := _WILL_VERB.match(question.question)) is not None:  # the subject's first word, then the verb
        done = next((found for word in asked.group(1).split() if re.fullmatch(r"[a-z]{3,}", word)
                     if (found := _past_forms(word).search(quote)) is not None), None)
    else:
        return False
    # A negation or modal in the done word's clause, or in the clause before it, leaves it open.
    return done is not None and not _NOT_DONE.search(re.split(r"[,;:]", quote[done.start():])[0]) and not _NOT_DONE.search(
        re.split(r"[,;:]", quote[: done.start()])[-1])


# A planned event as a sentence names it, and the English word of the question the code asks about it (the
# first kind a sentence names: a summit's sentence often says "meeting" too). Not a call: a sentence that
# names one with an open date is mostly about the meeting agreed in it ("in a phone call ..., with both sides
# confirming plans to meet in Budapest ..., though no date has been set")
_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (noun, re.compile(r"(?<!\w)(?:" + words + r")", re.IGNORECASE)) for noun, words in (
        ("summit", r"summit|Gipfel"),
        ("meeting", r"meeting|meet\b|Treffen|treffen sich|Begegnung|Zusammenkunft"),
        ("talks", r"talks\b|negotiations|consultations|Gespräche\b|Verhandlungen|Konsultationen"),
        ("visit", r"visit\b|Besuch"),
    ))
# A model's question of such a sentence that already asks when (where) the event will be ("When will Trump and
# Putin meet?"): it stays; one that asks something else of it ("When did Trump call Putin?", "What is the status
# of the meeting?") gives way to the code's.
_ASKED_WORD = {"timing": "when", "venue": "where"}  # the cue kind (data/cues.json) -> the question's word
_ASKS = {kind: re.compile(rf"\s*{word}\s+(?:will|would|is|are|could|can|should|might|may)\b", re.IGNORECASE)
         for kind, word in _ASKED_WORD.items()}


def when_and_where_questions(questions: list[OpenQuestion], sentences: Sentences,
                             evidence: Callable[[int], Evidence | str]) -> tuple[list[OpenQuestion], list[DroppedItem]]:
    """``questions`` with the one question a sentence asks when it says that the date or the place of a planned
    event is open: "When will the meeting take place?" ("said the timing was still under discussion,
    suggesting the meeting might take place later", "Ein Datum für das Treffen nannte Trump nicht"), "Where will
    the meeting take place?" ("Der Ort des Treffens muss noch festgelegt werden", "A meeting location is to be
    determined"), asked by the code, in the article's order. A model's question of that sentence that asks when
    (where) the event will be stays; one that asks something else of it is replaced, and listed as dropped. The
    sentence must name the event for a date ("Einen konkreten Termin nannte er nicht" does not say of what, and
    follows a sentence of the date as often as one of the event); a place's word alone refers to the event the
    sentence before names ("Der Ort dafür müsse noch festgelegt werden" after "Rubio werde die Gespräche
    leiten"). The same question is asked once, of its first sentence."""
    by_start = {q.evidence[0].start: q for q in questions}
    out, dropped = list(questions), []
    for n in range(1, len(sentences) + 1):
        sentence = sentences.sentence(n)
        kind = open_date_or_place(sentence)
        if kind is None or is_heading(sentence):
            continue
        named = [sentence, sentences.sentence(n - 1)] if kind == "venue" and n > 1 else [sentence]
        noun = next((noun for text in named for noun, pattern in _EVENTS if pattern.search(text)), None)
        found = evidence(n) if noun is not None else None
        if not isinstance(found, Evidence):
            continue
        model = by_start.get(found.start)
        if model is not None and _ASKS[kind].match(model.question):
            continue
        asked = f"{_ASKED_WORD[kind].capitalize()} will the {noun} take place?"
        question = OpenQuestion(question=asked, evidence=[found])
        if any(q.question == question.question for q in out):
            continue  # asked already, of an earlier sentence: one question of the event's date (place) is enough
        if model is None:
            out.append(question)
        else:
            out[out.index(model)] = question
            dropped.append(DroppedItem(kind="open_question", label=model.question[:120], evidence=found,
                                       reason=f"its sentence says {_ASKED_WORD[kind]} the event takes place is open: the code asks that"))
        by_start[found.start] = question
    out.sort(key=lambda q: q.evidence[0].start)
    return out, dropped
