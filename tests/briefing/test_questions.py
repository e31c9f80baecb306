"""The checks that drop a model's open question (summarize/briefing/questions.py): a question put to a sentence
that shares no word with it, one its sentence answers or that names nothing open, one of a speaker's words; one
question per thing asked; and the questions the code asks of a date or place still open. HAND-MADE strings."""

from __future__ import annotations

from summarize.briefing.questions import why_not_open
from summarize.models import Actor, OpenQuestion

from ..support.briefing_helpers import _ev


def _question(question: str, sentence: str) -> OpenQuestion:
    return OpenQuestion(question=question, evidence=[_ev(sentence, sentence)])


def _actors(text: str, *names: str) -> list[Actor]:
    return [Actor(name=n, name_as_written=n, kind="person", evidence=[_ev(text, n.split()[-1])]) for n in names]


def test_a_question_that_shares_no_word_but_names_with_its_sentence_is_of_another_sentence() -> None:
    """HAND-MADE: the model put "meet ... in Hungary" to a sentence about Tomahawks; names and titles ("U. S.
    president") and the words of any question do not tie a question to its sentence."""
    text = "Putin called. “Hopefully they won’t need Tomahawks,” Trump told reporters."
    sentence = text[text.index("“"):]
    named = _actors(text, "Donald Trump", "Vladimir Putin")
    question = OpenQuestion(question="Will the U. S. president meet Putin in Hungary?", evidence=[_ev(text, sentence)])
    assert "shares no word" in why_not_open(question, named, text, english=True)
    # a word in common, as a prefix ("meeting" and "meet"), ties them: the question stays
    other = "When asked about a possible meeting between Putin and Zelenskyy in Hungary, Trump said: “We'll see.”"
    assert why_not_open(_question("Will Putin and Zelenskyy meet in Hungary?", other),
                        _actors(other, "Vladimir Putin", "Volodymyr Zelenskyy", "Donald Trump"), other, True) is None


def test_a_question_of_when_where_or_what_was_said_and_one_of_a_question_stay() -> None:
    """HAND-MADE: a date or place the sentence leaves open names its event in other words ("talks"), a
    question of what was said is of a sentence that says nothing was, and the article's own question is
    reworded by the model."""
    talks = "Both sides confirmed talks within two weeks, though no date has been set."
    assert why_not_open(_question("When will the summit take place?", talks), [], talks, True) is None
    said = "He gave no further details."
    assert why_not_open(_question("What did Orbán say about the summit?", said), [], said, True) is None
    asked = "Policy Shift or Political Misstep?"
    assert why_not_open(_question("What is the reason for the halt of weapons?", asked), [], asked, True) is None


def test_only_an_english_question_of_an_english_sentence_is_compared() -> None:
    """HAND-MADE: an English question of a German sentence shares no word with it and is not dropped for that."""
    german = "Der Kreml hält sich zurück, die Frage bleibt offen."
    question = _question("Will Russia accept the proposal?", german)
    assert why_not_open(question, [], german, english=False) is None
    english = "The Kremlin held back, and the matter remains open."
    assert why_not_open(_question("Will Russia accept the proposal?", english), [], english, True) is not None


def why(question: str, sentence: str) -> str | None:
    """Why ``question``, cited to ``sentence`` (the whole text), is no open question, or None."""
    return why_not_open(OpenQuestion(question=question, evidence=[_ev(sentence, sentence)]), [], sentence)


def test_a_question_that_only_asks_whether_something_is_uncertain_names_nothing_open() -> None:
    """HAND-MADE: "Is the call still uncertain?" restates the doubt; "Is it unclear whether ...?" and a
    question about the thing itself name what is open."""
    from summarize.briefing.questions import why_not_open
    from summarize.models import OpenQuestion

    text = "Ob die Lieferung kommt, ist unklar."
    ev = _ev(text, text)
    vague = OpenQuestion(question="Is the Trump-Putin telephone call still uncertain?", evidence=[ev])
    assert "names nothing" in (why_not_open(vague, [], text) or "")
    for fine in ("Is it unclear whether the delivery will come?", "Will the delivery come?",
                 "Is the delivery of Patriot systems open to Germany?"):
        assert why_not_open(OpenQuestion(question=fine, evidence=[ev]), [], text) is None, fine


def test_what_is_happening_and_a_quoted_view_leave_nothing_open() -> None:
    """HAND-MADE: "What is happening?" names nothing undecided; "What is Ushakov's opinion on ...?" asks what
    its sentence quotes him saying; the same question on a sentence without his words stays."""
    from summarize.briefing.questions import why_not_open
    from summarize.models import OpenQuestion

    quoted = "„Von Fortschritten kann keine Rede sein“, sagte Uschakow."
    plain = "Uschakow äußerte sich bislang nicht zu den Aussichten."
    assert "names nothing" in (why_not_open(OpenQuestion(question="What is happening?", evidence=[_ev(plain, plain)]), [], plain) or "")
    view = "What is Ushakov's opinion on the prospects for peace?"
    assert "quotes it" in (why_not_open(OpenQuestion(question=view, evidence=[_ev(quoted, quoted)]), [], quoted) or "")
    assert why_not_open(OpenQuestion(question=view, evidence=[_ev(plain, plain)]), [], plain) is None
    fine = "What happens to the deal if Russia refuses?"
    assert why_not_open(OpenQuestion(question=fine, evidence=[_ev(plain, plain)]), [], plain) is None


def test_a_question_about_what_its_sentence_reports_done_is_answered() -> None:
    """HAND-MADE: "Will they discuss ...?" on a sentence that reports the discussion held is answered; a
    sentence that negates it or only plans it leaves it open."""
    done = "Sie erklärte, dass neben einer möglichen Produktion auch Waffenkäufe diskutiert worden seien."
    assert "reports that it did" in (why("Will the ministers discuss weapons purchases?", done) or "")
    assert "reports that it did" in (why("Will the leaders meet in Valen?", "The leaders met in Valen on Friday.") or "")
    for sentence in ("Die Minister haben die Käufe noch nicht diskutiert.", "The leaders could discuss it on Friday.",
                     "Diese Themen sollen später diskutiert werden.", "Ob sie die Käufe diskutieren, ist offen."):
        assert why("Will the ministers discuss weapons purchases?", sentence) is None, sentence


def test_a_question_put_to_someone_and_answered_yes_or_no_is_answered() -> None:
    """HAND-MADE: a reporter's question the sentence reports answered "Nein"/"No" is closed; an evasive answer
    leaves it open."""
    for sentence in ("Auf eine Frage, ob der Minister Zugeständnisse signalisiert habe, antwortete er mit Nein.",
                     '"Nein, wir haben keine Fortschritte erzielt", sagte sie auf die Frage eines Reporters, ob man '
                     'einer Einigung näher sei.',
                     'Asked whether the talks had made progress, the envoy said: "No, none at all."'):
        assert "yes or no" in (why("Did the talks make progress?", sentence) or ""), sentence
    for sentence in ('Auf die Frage, ob die USA weitere Raketen liefern, sagte er: "Sie werden sie brauchen."',
                     'Asked whether more systems would be sent, he replied: "They will need them."',
                     "Nein, sagte er, und ging."):
        assert why("Will more systems be sent?", sentence) is None, sentence


def test_a_question_about_what_happened_on_a_sentence_that_only_speculates_is_answered() -> None:
    """HAND-MADE: "What was the outcome ...?" on a sentence reporting the outcome, with only "could" and "hoped"
    as cues, asks what the sentence says; a sentence that says it is unclear, or hedges ("appears to have"),
    or a question about what will happen, stays."""
    reported = "They last met in May, but the session ended without results; he had hoped it could bring a deal."
    assert "only says what could" in (why("What was the outcome of the May meeting?", reported) or "")
    assert "only says what could" in (why("Did the May meeting bring a deal?", reported) or "")
    assert why("Will the next meeting bring a deal?", reported) is None
    assert why("What was the outcome of the May meeting?", "What the May meeting achieved is unclear, it could "
                                                           "bring a deal.") is None
    assert why("Did the call alter his stance?", "The call appears to have altered his stance on a potential "
                                                   "delivery.") is None


def test_a_question_about_what_its_sentence_reports_in_the_past_tense_is_answered() -> None:
    """HAND-MADE: "Will X praise ...?" on "X praised ..., expressing hope that it would continue": the modal of a
    later clause does not make the praise open; one in its own clause, or "again", does."""
    praised = "The minister praised the relief work, expressing hope that it would continue."
    assert "reports that it did" in (why("Will the minister praise the relief work?", praised) or "")
    assert "reports that it did" in (why("Will the ministry confirm the talks?", "The ministry confirmed the talks "
                                                                                 "on Friday.") or "")
    assert why("Will the minister praise the relief work again?", praised) is None
    assert why("Will the ministry confirm the talks?", "The ministry has not confirmed the talks.") is None
    assert why("Will the ministry confirm the talks?", "The talks could be confirmed soon.") is None


def test_irregular_pasts_and_doubled_consonants_report_it_done() -> None:
    """HAND-MADE: "Will X admit ...?" on "X admitted ...", "Will X say ...?" on "X said ...": the past of a
    verb that doubles its last consonant, or an irregular one, reports it done as a regular one does."""
    assert "reports that it did" in (why("Will the envoy admit he was wrong?", "The envoy admitted he was wrong, "
                                                                                "and the talks resumed.") or "")
    assert "reports that it did" in (why("Will the council hold a vote?", "The council held a vote on Monday.") or "")
    assert why("Will the council hold a vote?", "The council has not held a vote yet.") is None
    assert why("Will the envoy visit Paris?", "The envoy visitted Paris.") is None  # no doubled "visit"


def test_a_question_whether_someone_will_say_what_they_said_is_answered() -> None:
    """HAND-MADE: "Will X claim ...?" on a sentence that reports X's words, whose only cue is the words' own
    hedge ("could", "könnte"), asks what the sentence reports; a sentence that says something is open keeps
    it, and so does a question about an act ("Will X announce ...?")."""
    for sentence in ("Die Regierung behauptet, dass der Krieg enden könnte, wenn die Lieferungen aufhörten.",
                     "According to an adviser, the move could provoke a strong response."):
        assert "reports said" in (why("Will the government claim the war could end?", sentence) or ""), sentence
    assert why("Will the government claim the war could end?", "It is unclear whether the government said the war "
                                                                "could end.") is None
    assert why("Will the government warn about the move?", "The move could provoke a response.") is None  # no words
    assert why("Will the government announce a ceasefire?", "The minister said the government could announce "
                                                            "a ceasefire.") is None


def test_one_question_per_thing_asked_the_plainly_open_one_kept() -> None:
    """HAND-MADE: two questions of one article that the digest would merge (the same words but the subject)
    become one: the one whose sentence says plainly that it is open, not only a hedge; else the first. The
    other is listed as dropped; questions that ask different things both stay."""
    from summarize.briefing.questions import one_per_question

    text = ("The minister hopes to end the war without new rockets. It remains unclear whether the state will "
            "deliver rockets. Nobody knows when the talks resume.")
    hedged = OpenQuestion(question="Will the minister deliver the rockets?",
                          evidence=[_ev(text, "The minister hopes to end the war without new rockets.")])
    plain = OpenQuestion(question="Will the state deliver the rockets?",
                         evidence=[_ev(text, "It remains unclear whether the state will deliver rockets.")])
    other = OpenQuestion(question="When will the talks resume?", evidence=[_ev(text, "Nobody knows when the talks resume.")])
    kept, dropped = one_per_question([hedged, plain, other])
    assert kept == [plain, other]
    assert [d.label for d in dropped] == [hedged.question] and "asks what" in dropped[0].reason
    kept, dropped = one_per_question([plain, hedged])
    assert kept == [plain] and [d.label for d in dropped] == [hedged.question]
    first = OpenQuestion(question="Will the state deliver rockets soon?", evidence=plain.evidence)
    assert one_per_question([plain, first])[0] == [plain]
    assert one_per_question([other, hedged])[0] == [other, hedged]
    when = OpenQuestion(question="When will the meeting take place?", evidence=other.evidence)
    where = OpenQuestion(question="Where will the meeting take place?", evidence=plain.evidence)
    assert one_per_question([when, where])[0] == [when, where]  # a time and a place: two questions


def test_a_why_question_whose_sentence_gives_the_reason_is_answered() -> None:
    """HAND-MADE: "Why ...?" on a sentence with a causal word ("so", "weil", "because") is answered there; a
    sentence that gives no reason, or says the reason is unknown, leaves it open."""
    for sentence in ("The review found stocks too low, so pending shipments won't be sent yet.",
                     "Die Lieferungen ruhen noch, weil die Bestände zu niedrig sind.",
                     "Shipments may stop because stocks are too low.",
                     "Die Ministerin war nach Kiew gereist, um mit der Regierung über Lieferungen zu reden."):
        assert "gives the reason" in (why("Why are shipments held back?", sentence) or ""), sentence
    for sentence in ("Warum die Lieferungen ruhen, ist unklar, weil das Ministerium schweigt.",
                     "It is not yet known why the shipments stopped, so officials could not say more.",
                     "Shipments may stop soon."):
        assert why("Why are shipments held back?", sentence) is None, sentence
    assert why("Will shipments resume?", "Shipments may stop because stocks are too low.") is None


def test_a_sentence_that_says_a_planned_event_has_no_date_yet_asks_when_it_takes_place() -> None:
    """HAND-MADE: the code asks "When will the meeting take place?" of a sentence that says the date of a
    planned event is open; a model's question of it that asks when stays, one that asks something else is
    replaced (and listed); a sentence that does not name the event, a heading and a "when" that is a
    conjunction ask nothing."""
    from summarize.briefing.questions import when_and_where_questions
    from tests.briefing.test_grounder import _grounder, _number

    text = ("Treffen in Budapest geplant\n"
            "Merz und Macron wollen sich in Budapest treffen.\n"
            "Ein Datum für das Treffen nannte Merz nicht.\n"
            "Einen konkreten Termin nannte er nicht.\n"
            "The Kremlin said the date of the summit had not yet been set.\n"
            "Merz nodded when asked whether the meeting would happen.\n"
            "Zeitpunkt des Treffens noch offen\n"
            "Die Delegationen reisen am Montag an.\n")
    grounder, _ = _grounder(text)
    evidence = lambda n: grounder.evidence(n, n)  # noqa: E731
    german, kremlin = _number(grounder, "Ein Datum"), _number(grounder, "The Kremlin")
    asked_else = OpenQuestion(question="When did Merz call Macron?", evidence=[evidence(german)])
    asks_when = OpenQuestion(question="When will Merz and Macron meet in Budapest?", evidence=[evidence(german)])

    out, dropped = when_and_where_questions([], grounder.sentences, evidence)
    assert [(q.question, q.evidence[0].quote) for q in out] == [
        ("When will the meeting take place?", "Ein Datum für das Treffen nannte Merz nicht."),
        ("When will the summit take place?", "The Kremlin said the date of the summit had not yet been set."),
    ] and dropped == []
    out, dropped = when_and_where_questions([asked_else], grounder.sentences, evidence)
    assert [q.question for q in out] == ["When will the meeting take place?", "When will the summit take place?"]
    assert [d.label for d in dropped] == ["When did Merz call Macron?"]
    out, dropped = when_and_where_questions([asks_when], grounder.sentences, evidence)
    assert [q.question for q in out] == ["When will Merz and Macron meet in Budapest?", "When will the summit take place?"]
    assert dropped == [] and kremlin > german


def test_a_sentence_that_says_the_place_of_a_planned_event_is_open_asks_where_it_takes_place() -> None:
    """HAND-MADE: "Der Ort dafür müsse noch festgelegt werden" after a sentence of the talks asks where the talks
    take place; "A meeting location is to be determined" where the meeting does; "Orten" or a place that is not
    open ("Der Ort ist Budapest.") ask nothing, nor a place word with no event in or right before its sentence;
    the same question is asked once, of its first sentence."""
    from summarize.briefing.questions import when_and_where_questions
    from tests.briefing.test_grounder import _grounder

    text = ("Die Berater sollen sich kommende Woche treffen.\n"
            "Auf US-Seite werde Außenminister Rubio die Gespräche leiten.\n"
            "Der Ort dafür müsse noch festgelegt werden.\n"
            "Die Lage an vielen Orten bleibt unklar.\n"
            "Der Ort ist Budapest.\n"
            "A meeting location is to be determined.\n"
            "Die Preise steigen weiter.\n"
            "Ein Ort steht noch nicht fest.\n"
            "Die Berater treffen sich in Genf.\n"
            "Der genaue Ort ist noch offen.\n")
    grounder, _ = _grounder(text)
    out, dropped = when_and_where_questions([], grounder.sentences, lambda n: grounder.evidence(n, n))
    assert [(q.question, q.evidence[0].quote) for q in out] == [
        ("Where will the talks take place?", "Der Ort dafür müsse noch festgelegt werden."),
        ("Where will the meeting take place?", "A meeting location is to be determined."),
    ] and dropped == []


def test_a_question_for_what_was_said_is_open_only_where_its_sentence_says_it_was_left_unsaid_or_unclear() -> None:
    """HAND-MADE: "What did Zelensky say about the call?" on "Zelensky let his optimism show after speaking with
    Trump" asks for words the sentence does not withhold; on "He gave no further details." or "an unclear stance"
    the words or the position are what is open."""
    from summarize.briefing.questions import why_not_open

    def reason(question: str, quote: str) -> str | None:
        return why_not_open(OpenQuestion(question=question, evidence=[_ev(quote, quote)]), [], quote)

    assert "nothing was left unsaid" in (reason("What did Zelensky say about the call?",
                                               "Zelensky publicly let his optimism show after speaking with Trump.") or "")
    assert reason("What did Orbán say about the meeting?", "He gave no further details.") is None
    assert reason("What is Trump's stance on further aid?", "The attack comes amid an unclear stance from Trump on aid.") is None
    assert "nothing was left unsaid" in (reason("What does Zelensky say about the Tomahawks?",  # present tense alike
                                               "Hoffentlich könne man den Krieg beenden, sagte er.") or "")
    heading = "What did Trump say about continued military aid?"  # a subheading the text under it answers
    assert "subheading" in (reason(heading, heading) or "")
    assert reason("What did Trump say about continued military aid?", "Trump did not say whether aid would resume.") is None


def test_a_question_a_speaker_asks_inside_a_running_quotation_is_no_open_question() -> None:
    """HAND-MADE after a real page: the quotation opens in the sentence before the question and closes after it;
    a question of the article's own, or one after the quotation has closed, stays."""
    from summarize.briefing.questions import why_not_open
    from summarize.models import OpenQuestion

    text = ("Trump spielte mit dem Gedanken: „Vielleicht müsste ich mit Russland über Tomahawks sprechen. "
            "Wollen sie, dass Tomahawks in ihre Richtung fliegen? Ich glaube nicht.“\n"
            "Ob die Lieferung kommt? Das ist offen.")
    asked = "Wollen sie, dass Tomahawks in ihre Richtung fliegen?"
    own = "Ob die Lieferung kommt?"
    q = OpenQuestion(question="Will Russia want Tomahawks flying its way?", evidence=[_ev(text, asked)])
    assert "quotation" in (why_not_open(q, [], text) or "")
    mine = OpenQuestion(question="Will the delivery of Tomahawks come?", evidence=[_ev(text, own)])
    assert why_not_open(mine, [], text) is None


def test_a_question_of_a_quotations_speaker_named_in_the_attribution_after_it_keeps_its_speaker() -> None:
    """HAND-MADE: "„... Wir werden sehen, ob wir etwas leisten können.“ – sagte Doe": the question about Doe
    is of the sentence in Doe's words, whose attribution follows it; a question about someone the quotation and
    its attribution do not name is still of another sentence."""
    text = ("Die Lage bleibt schwierig. „Wir haben über Hilfe gesprochen. Wir werden sehen, ob wir etwas leisten "
            "können.“ – sagte Jane Doe und betonte, dass die Lage ernst sei.")
    quote = "Wir werden sehen, ob wir etwas leisten können.“"  # the sentence, with the mark that closes the quotation
    evidence = _ev(text, quote)
    named = [*_actors(text, "Jane Doe"), Actor(name="John Roe", name_as_written="John Roe", kind="person",
                                               evidence=[evidence])]
    asked = OpenQuestion(question="Will Jane Doe be able to provide support?", evidence=[evidence])
    assert why_not_open(asked, named, text) is None
    other = OpenQuestion(question="Will John Roe be able to provide support?", evidence=[evidence])
    assert "John Roe" in (why_not_open(other, named, text) or "")


def test_a_why_question_of_a_state_held_for_now_asks_what_its_sentence_does_not_leave_open() -> None:
    """HAND-MADE: a sentence whose only cue is that a state holds for now ("vorerst") leaves open how long, not
    why; a question of whether or how long stays, and so does a why on a sentence with another cue."""
    for_now = "Statt Raketen hat die Ukraine – vorerst – nur ein Versprechen erhalten."
    assert "how long" in why_not_open(_question("Why did Ukraine receive only a promise?", for_now), [], for_now)
    assert why_not_open(_question("How long will Ukraine go without the missiles?", for_now), [], for_now) is None
    unclear = "Unklar ist, warum die Lieferung vorerst ausbleibt."
    assert why_not_open(_question("Why are the deliveries held back?", unclear), [], unclear) is None
