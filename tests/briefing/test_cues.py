"""The cue words of summarize/briefing/cues.py: the fast yes-or-no search of them (a trie) against the cue patterns
it stands in for; and, on HAND-MADE strings, what says something is open, what only reports words rather than an
act, what states a condition or a possession, and what is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.briefing.cues import cue_kinds, cue_pattern, has_cue, is_open
from summarize.briefing.described import reports_words_only, states_a_condition
from summarize.briefing.deciders import informative
from summarize.text.sentences import split

ROOT = Path(__file__).resolve().parents[2]


def _sentences() -> list[str]:
    out = []
    for path in sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("benchmarks/heldout/h*.txt")]):
        text = path.read_text(encoding="utf-8")
        starts, ends = split(text)
        out += [text[s:e] for s, e in zip(starts, ends)]
    return out


@pytest.mark.parametrize("kind", sorted(cue_kinds()))
def test_the_trie_finds_a_cue_exactly_where_the_cue_pattern_does(kind: str) -> None:
    sentences = _sentences()
    assert len(sentences) > 1000  # the seeds' and held-out articles' real sentences
    differ = [s for s in sentences if has_cue(kind, s) != (cue_pattern(kind).search(s) is not None)]
    assert differ == []


def test_the_trie_keeps_wildcards_sharp_s_word_starts_and_case() -> None:  # HAND-MADE phrases
    assert has_cue("open", "Ich weiß also nicht, was wir tun können.")  # "weiß * nicht": "ß" is no "ss"
    assert has_cue("open", "Der Termin ist noch OFFEN.")
    assert not has_cue("open", "Die Gespräche waren offenbar konstruktiv.")  # "offen" is no cue inside "offenbar"
    assert has_cue("open", "It remains unclear when they meet.") and not has_cue("open", "Everything went as planned.")


def test_a_speaker_telling_of_their_own_call_or_meeting_reports_an_event() -> None:
    assert not reports_words_only("said he had a disappointing call with Russian President Vladimir Putin")
    assert not reports_words_only("said that they held talks in Ankara")
    assert reports_words_only("said he had a feeling that Putin was stalling")  # a view, not a call
    assert reports_words_only("said the call was good")  # about a call, not that he had one


def test_a_speaker_stating_their_own_feeling_or_a_review_takes_a_position() -> None:
    """HAND-MADE: "said he was very disappointed" is a stated frustration, a position taken in public like
    "expressed frustration", and so is a criticism or an accusation (the gold's rule for reported
    statements); "said the US would check whether ..." announces a review. What the speaker thinks of
    something else stays a statement."""
    assert not reports_words_only("said he was very disappointed with the conversation")
    assert not reports_words_only("said that they were frustrated with the talks")
    assert not reports_words_only("said the US would check if the weapons were needed by the Pentagon")
    assert not reports_words_only("criticized Hegseth for misleading the public")  # a criticism of a named actor
    assert not reports_words_only("criticized that too many weapons had been delivered")
    assert not reports_words_only("accused Russia of stalling")
    assert reports_words_only("said he was not happy")  # no feeling of the list
    assert reports_words_only("said that the talks were productive")  # a view of the talks
    assert reports_words_only("said the allies were disappointed")  # someone else's feeling, told


def test_a_description_that_only_reports_words_is_a_statement() -> None:
    assert reports_words_only("said that the war is back in Europe")
    # (calling a named actor's actions "cynical" criticises them: a position, see the condemnation test)
    assert not reports_words_only("described Russia's actions as cynical")
    assert reports_words_only("described Russia's actions as expected")
    assert reports_words_only("has repeatedly emphasized that the US also needs Tomahawks")
    assert not reports_words_only("said he would meet Putin in Budapest")  # a commitment
    assert not reports_words_only("suggested a trade-off deal with the US")  # a proposal
    assert not reports_words_only("announced a pause of weapons deliveries")
    assert not reports_words_only("agreed to hold talks")
    # others' view of the decider's own act is a report of that act, of a state it is not
    assert not reports_words_only("is believed to be negotiating the purchase of air defence systems")
    assert reports_words_only("is believed to be angry")
    # asking for something is an act (the gold lists requests as decisions); "requests for comment" is not one
    assert not reports_words_only("is expected to make a direct appeal for long-range weapons")
    assert not reports_words_only("said Kyiv had requested more Patriot systems")
    assert reports_words_only("said it had not responded to requests for comment")


def test_a_forecast_about_someone_else_or_a_lookalike_word_is_no_act() -> None:
    # "will"/"would" commit the speaker only: of another subject they are a forecast or a view
    assert reports_words_only("said that Putin would not win")
    assert reports_words_only("noted that the stationing would take years")
    # ... but what another's act would bring on is a warning (test_a_statement_of_what_an_act_would_bring_on...)
    assert not reports_words_only("noted that the stationing would be considered a provocation")
    assert not reports_words_only("declared that it will use sanctions")
    assert not reports_words_only("said he also would meet Putin")
    # act words are word starts that begin no other word: "sign" would match "a sign of", "signaled"
    assert reports_words_only("saw a sign of growing frustration in the Kremlin")
    assert reports_words_only("explained that India signaled a change")
    assert not reports_words_only("said they signed the agreement")


def test_an_act_in_a_that_clause_is_the_speakers_only_when_the_speaker_is_its_subject() -> None:
    assert reports_words_only("added that every decision that strengthens us brings us closer to the end")
    assert reports_words_only("explained that India's government signed a deal with Moscow")
    assert not reports_words_only("explained that they would not deliver some air defence missiles")
    assert not reports_words_only("said that he ordered a pause of the deliveries")
    assert not reports_words_only("confirmed the meeting in Budapest")  # no clause: the meeting is the object


def test_asking_someone_to_act_is_a_request() -> None:
    assert not reports_words_only("asked Washington to sell it more air defence missiles")
    assert not reports_words_only("has been asking its allies to send more shells")
    assert reports_words_only("asked him to be patient")


def test_a_state_or_a_view_is_no_decision_but_an_intent_is() -> None:
    assert reports_words_only("demonstrated his willingness to escalate the conflict")
    assert reports_words_only("remains unclear about the situation")
    assert reports_words_only("claiming the technology is effective")
    assert reports_words_only("confirmed that there are no nuclear Tomahawks")
    assert not reports_words_only("confirmed the meeting in Budapest")  # an act word: the meeting
    assert not reports_words_only("showing interest in US air defence systems")  # an intent, not a view
    # an evaluation or a relation, not an act
    assert reports_words_only("marked a significant shift in American policy")
    assert reports_words_only("maintained close ties to Russia despite the invasion")
    assert not reports_words_only("marketed the new drones")  # a word that only starts with "mark"
    assert not reports_words_only("cut ties with Moscow")  # an act on a relation
    assert reports_words_only("did not comment on the content")
    # how a meeting will be is announced by who arranges it; how a war will end is a forecast
    assert not reports_words_only("mentioned that the meeting would be bilateral")
    assert not reports_words_only("said that the summit will take place in Budapest")
    assert reports_words_only("said that the war would end soon")
    assert reports_words_only("declined to comment on the report")
    assert not reports_words_only("did not deliver the missiles")
    # words not given are no act either: no response, no explanation, no confirmation
    assert reports_words_only("has not officially responded to the US decision")
    assert reports_words_only("did not explain his motives for the actions")
    assert reports_words_only("declined to confirm the details")
    # a view with no verb of speech before it
    assert reports_words_only("regarded political changes as the rule")
    assert reports_words_only("viewed the Patriot systems as key to its defence")
    assert not reports_words_only("reviewed the ammunition stocks")  # a word that only ends in "viewed"


def test_open_means_open_not_frank_nor_apparent_nor_an_offensive() -> None:
    assert is_open("Der genaue Ort ist noch offen.")
    assert is_open("Offen ist, ob die Lieferung erfolgt.")
    assert not is_open("Das Gespräch sei offen und konstruktiv gewesen.")
    assert not is_open("Die Lieferung wurde offenbar gestoppt.")
    assert not is_open("Russland setzt seine Offensive fort.")
    assert not is_open("They asked for offensive weapons.")
    # what is still to be set or settled, as English "yet to be decided" is; what was set is not
    assert is_open("Der Ort dafür müsse noch festgelegt werden.") and is_open("Das muss noch geklärt werden.")
    assert not is_open("Der Ort war bereits festgelegt worden.")


def test_questions_raised_and_what_was_not_revealed_are_open_in_english_as_in_german() -> None:
    """HAND-MADE: the English twins of "wirft Fragen auf" and "nannte * nicht" / "keine Angaben"; questions
    asked of someone are no cue, nor is what was revealed."""
    assert is_open("The halt also raises legal questions about the notice.")
    assert is_open("The pause has cast a shadow, prompting questions about the strategy.")
    assert is_open("Die Pause wirft Fragen auf.")
    assert is_open("However, he did not reveal the exact date for the meeting.")
    assert is_open("There was no indication of the date of the meeting.")
    assert is_open("The advisers will meet next week at an undisclosed location.")
    assert is_open("The ministers will hold talks to determine the format and date of the summit.")  # "will determine"
    assert not is_open("He answered questions from reporters about the meeting.")
    assert not is_open("He revealed the date of the meeting.")


def test_hesitation_and_what_is_only_possible_are_open() -> None:
    assert is_open("Trump zögert bei Tomahawk-Freigabe nach Putin-Telefonat")
    assert is_open("Akut ist vor allem der mögliche Kauf von Patriot-Abwehrraketen.")
    assert is_open("Its biggest ally appears to be wavering.")
    assert is_open("However, Trump has remained non-committal.")
    assert is_open("Selenskyj erhofft sich von Trump die Freigabe.")
    assert not is_open("Das ermöglicht neue Lieferungen.")  # a word that only contains "möglich"
    assert not is_open("Ein Dialog sei nur auf Basis militärischer Stärke möglich.")  # a condition, not a possibility
    assert not is_open("Trump hat die Lieferung freigegeben.")
    # "could hardly be more" says nothing is open; "could" alone may
    assert not is_open("Der Zeitpunkt des Gesprächs könnte kaum brisanter sein.")
    assert not is_open("The timing could hardly be more delicate.")
    assert is_open("Die Gespräche könnten einen Wendepunkt markieren.")
    # "potential" as the adjective of what may happen, not the noun of what one has
    assert is_open("His stance changed, particularly regarding the potential delivery of Tomahawk missiles.")
    assert is_open("Officials discussed a potential summit in Budapest.")
    assert not is_open("They discussed Ukraine's defense industry potential and joint production.")
    assert not is_open("Officials stressed the potential of drones to change the war.")
    # prospects harmed ("den Aussichten ... Schaden zufügen", in the dative) are no cue; a prospect that recedes is
    assert not is_open("Gleichzeitig würde dies den Beziehungen und den Aussichten auf eine friedliche Lösung Schaden zufügen.")
    assert is_open("Die Aussicht auf eine Waffenruhe rückte in weite Ferne.")
    # English: prospects dimmed or of something are uncertain; prospects for something are chances opened or harmed
    assert is_open("Putin's call appeared to dim prospects that Trump would approve the missiles.")
    assert is_open("The prospect of a ceasefire is now greater than before.")
    assert not is_open("Ending the conflict would open up enormous prospects for developing economic cooperation.")
    assert not is_open("It will damage relations, not to mention the prospects for a peaceful settlement.")


def test_a_hope_in_the_past_perfect_contracted_is_no_cue_for_a_cited_sentence() -> None:
    """HAND-MADE: "as we’d hoped" is "as we had hoped": a hope held before, whose outcome the sentence tells."""
    from summarize.briefing.cues import says_open

    assert not says_open("“He has not come to the table as we’d hoped,” she said.")
    assert not says_open("He did not come, as I'd hoped he would.")
    assert says_open("We hope he will come to the table.") and says_open("She’d hope for a deal, she said.")  # would


def test_an_ultimatum_or_a_deadline_declared_is_an_act_not_words() -> None:
    """HAND-MADE descriptions: a deadline set or an ultimatum declared is an act, whatever verb of speech
    opens it; what was said of it stays words only when no act is in it."""
    assert not reports_words_only("declared an ultimatum to Russia")
    assert not reports_words_only("announced a 50-day deadline for a peace deal")
    assert reports_words_only("said the war had gone on far too long")


def test_what_is_pending_left_open_or_held_only_for_now_is_open() -> None:
    """HAND-MADE: details still pending, a place still to be agreed, a possibility left open, a "maybe", a
    hesitance, and a state held only for now (its end is open)."""
    assert is_open("Genaue Details zu dem Treffen stehen noch aus.")
    assert is_open("Nächste Woche soll es ein Treffen an einem noch zu verabredenden Ort geben.")
    assert is_open("Trump suggested the possibility remained open.")
    assert is_open("Asked about more deliveries, he said: “Yes, maybe.”")
    assert is_open("Trump has expressed hesitance in supplying the missiles.") and is_open("He signalled hesitancy.")
    assert is_open("Keine Raketen in die Ukraine, zumindest vorerst.") and is_open("No missiles. For now.")
    assert is_open("The weapons will be withheld for the time being.")
    assert not is_open("The weapons were delivered now.") and not is_open("Die Details wurden bekannt gegeben.")


def test_a_concession_and_the_month_may_are_no_cue_but_the_verb_may_is() -> None:
    """HAND-MADE: "egal ob ... oder ..." and "regardless of whether" leave nothing open; "May" with a capital inside
    a sentence is the month (or a name); the verb opens a sentence or is written small."""
    assert not is_open("Jeder Verstoß - egal ob beabsichtigt oder unbeabsichtigt - kann geahndet werden.")
    assert not is_open("Every breach, regardless of whether it was intended, is punished.")
    assert is_open("Unklar ist, ob der Verstoß geahndet wird.")
    assert not is_open("Despite peace talks in May and June, no ceasefire has been reached.")
    assert not is_open("Trump speaks in the Oval Office, May 23, 2025.")
    assert is_open("The delay may extend if supplies are too low.")
    assert is_open("May the talks bring peace.") and is_open("“May be,” he said.")


def test_a_promise_a_superlative_yet_dashed_hopes_and_a_speakers_question_are_not_open() -> None:
    """HAND-MADE: a sentence cited for an open question: "in Aussicht stellen" is to promise; "the biggest push
    yet to end" is a superlative, "has yet to" is open; hopes "dashed" are gone; a question in a speaker's
    direct speech is the speaker's. The prompt's hint (is_open) still names such sentences."""
    from summarize.briefing.cues import says_open

    assert not says_open("Trump hatte die Lieferung vor ein paar Tagen in Aussicht gestellt.")
    assert says_open("Die Aussicht auf eine Einigung ist ungewiss.")
    assert not says_open("It is his most ambitious push yet to end the war.")
    assert says_open("A date has yet to be set.")
    assert says_open("The White House is yet to confirm the date.")
    assert not says_open("The attack further dashed hopes for a breakthrough.")
    assert says_open("Officials voiced hope for a breakthrough.")
    assert not says_open('"What do you think he is going to say, please sell them?')
    assert says_open("Did the threat push Putin to call?")
    # a hope in the past perfect is one held before what the article reports; a hope now is a cue
    assert not says_open("Selenskyj hatte daher große Hoffnungen auf seine Reise nach Washington gesetzt.")
    assert not says_open("Nach dem Gipfel hatte man in Kyjiw gehofft, dass Trumps Geduld schwinde.")
    assert not says_open("He had been hoping for a deal.")
    assert says_open("Kyjiw hofft, dass Trumps Geduld schwindet.")
    assert says_open("Sie hatten die Hoffnung, doch ob es klappt, ist unklar.")
    assert is_open("It is his most ambitious push yet to end the war.")  # a candidate for the model all the same


def test_what_nobody_named_is_open_whoever_did_not_name_it() -> None:
    """A cue with "*" stands for one or two words: "nannte * nicht" is open with a name, a pronoun or "die Diplomaten" between."""
    assert is_open("Einen genauen Zeitpunkt für das Treffen nannte Trump nicht.")
    assert is_open("Einen Termin nannte er nicht.")
    assert is_open("Einen Ort nannten die Diplomaten nicht.")
    assert is_open("A date for the summit has not been set.")
    assert not is_open("Trump nannte den Termin am Freitag.")
    # not knowing, what is still to be determined, and "if any" leave something open too
    assert is_open("Ich weiß also nicht, was wir da tun können.")
    assert is_open("The diplomats will determine the time and place of the summit.")
    assert is_open("He would check which weapons, if any, had been put on hold.")
    assert not is_open("Sie wissen, was sie tun.")
    assert not is_open("Die Namen nannte die Zeitung.")


def test_a_sentence_speculates_by_its_main_clause_not_by_a_clause_after_it_or_the_sentence_before() -> None:
    from summarize.briefing.cues import is_speculative, main_clause

    assert is_speculative(main_clause("Die Lieferung könnte den Krieg verändern, sagte Trump."))
    assert not is_speculative(main_clause("The Kremlin confirmed talks were planned, suggesting the meeting "
                                          "might take place later."))
    assert not is_speculative(main_clause("Er werde Putin möglicherweise treffen. Dem ging ein langes "
                                          "Telefongespräch voraus."))


def test_what_someone_has_is_no_decision_unless_it_is_a_commitment_or_an_event() -> None:
    from summarize.briefing.described import states_a_possession

    assert states_a_possession("has diplomatic discussions but no concrete results")
    assert states_a_possession("has strong reservations against the deliveries")
    assert not states_a_possession("has agreed to send tanks")  # a participle: an act
    assert not states_a_possession("has no plans to deliver Tomahawks")  # a commitment
    assert not states_a_possession("has a deal with Kyiv")
    assert not states_a_possession("had a productive telephone conversation with Putin")  # a call


def test_a_view_a_finding_a_forecast_or_a_copied_quotation_is_no_decision() -> None:
    assert reports_words_only("said he thought Putin would make a deal")  # a view of what may happen
    assert reports_words_only("expressed hope that the talks would bring peace")
    assert reports_words_only("determined that stocks were too low on some items previously pledged")
    assert reports_words_only("predicted a return of war to Europe")
    assert reports_words_only("“Putin doesn’t want it,” he said.")
    assert not reports_words_only("determined that they would halt the deliveries")  # the finder's own act
    assert not reports_words_only("said he would make a deal")
    assert not reports_words_only("asked Trump for more Patriot missiles")  # a request
    assert reports_words_only("Now all they have to do is get along a little bit")  # a copied sentence
    assert reports_words_only("suspected political motives behind the stop")  # the stop is not the suspects' act
    assert not reports_words_only("expected additional Tomahawk missile launchers")  # a hope may ask for something
    assert states_a_condition("were not informed about the stop")
    assert not informative("announced that the meeting", ["Donald Trump"])  # unfinished
    assert informative("downplayed the chances of that happening", ["Donald Trump"])
    assert reports_words_only("asked about the weapons")


def test_what_someone_is_or_became_is_no_decision_but_what_leads_to_an_act_is() -> None:
    assert states_a_condition("was initially clear about supporting Ukraine")
    assert states_a_condition("has been silent about possible weapon deliveries")
    assert states_a_condition("was the chief who pulled the strings")
    assert not states_a_condition("was forced to halt deliveries")  # a participle: something was done
    assert not states_a_condition("was sent to Kyiv")
    assert not states_a_condition("is ready to deliver Patriots")
    assert not states_a_condition("is in talks to buy Patriots")
    assert not states_a_condition("announced a pause")  # no copula
    # a participle of a feeling is a state, not something done to someone
    assert states_a_condition("became more frustrated with Putin")
    assert states_a_condition("was disappointed by the call")
    assert not states_a_condition("was invited to the White House")


def test_the_modal_of_an_offers_terms_is_no_cue() -> None:
    """HAND-MADE: "a proposal in which A could provide ..., while B would ...": the modal says what is offered;
    another cue of the sentence, or a modal of no offer, still says something is open."""
    from summarize.briefing.cues import says_open

    assert not says_open("He presented a “proposition” in which one side could provide drones, while the other "
                         "would sell it missiles.")
    assert not says_open("She made a proposal suggesting the city could host the talks.")
    assert not says_open("Er legte einen Vorschlag vor, wonach die Stadt die Gespräche ausrichten könnte.")
    assert says_open("He made a proposal in which the city could host the talks, but it is unclear who agrees.")
    assert says_open("A scenario in which the talks could fail worries the mediators.")


def test_a_statement_of_what_an_act_would_bring_on_is_a_warning() -> None:
    """HAND-MADE descriptions: a speaker's "... would cause significant damage", "... would be considered a
    serious provocation" is a warning, kept and told as one; a view of what will happen ("said the war would
    last long") and a speculation ("could cause delays") stay words."""
    from summarize.briefing.described import as_warning

    for what in ("emphasized that any move to supply Tomahawks would cause significant damage to relations",
                 "noted that the stationing of the missiles would be considered a serious provocation",
                 "declared that the delivery would not change the course of the war, but would harm relations"):
        assert not reports_words_only(what), what
        assert as_warning(what).startswith("warned that ") and as_warning(what).split()[2] in ("any", "the"), what
    for what in ("said the war would last long", "said that the talks could cause delays"):
        assert reports_words_only(what) and as_warning(what) == what, what
    assert as_warning("agreed to meet Putin in Budapest") == "agreed to meet Putin in Budapest"


def test_a_position_taken_in_public_is_no_mere_words() -> None:
    assert not reports_words_only("expressed frustration with Putin")
    assert not reports_words_only("voiced serious doubts about the Tomahawk deliveries")
    assert not reports_words_only("has expressed second thoughts")
    assert reports_words_only("expressed his thanks to the president")  # no stance: words
    assert not reports_words_only("said he was frustrated with Putin")  # the same position, in his words


def test_a_condemnation_in_the_speakers_words_is_a_position_a_praise_is_a_comment() -> None:
    """HAND-MADE: calling an attack "massive and cynical" or saying an enemy's strategy is terror takes a
    position in public (the gold counts it as a decision); calling a call "productive" comments on it."""
    assert not reports_words_only("called the strikes “massive and cynical” and noted the timing")
    assert not reports_words_only("stated that Moscow's strategy is to use terror and exhaustion")
    assert reports_words_only("said the call was productive")
    assert reports_words_only("explained that Patriot is the key to ballistic defence")


def test_issues_discussed_are_no_open_question_and_leaders_as_a_group_refer_back() -> None:
    """HAND-MADE: "Fragen der Luftverteidigung" are the issues a call discussed and "Fragen Sie" a request, not
    something open; questions raised are ("warf Fragen auf", "stellt sich die Frage"). "Die Führungskräfte" and
    "the heads of state" refer back to the leaders named before, as "the leaders" and "die Staatschefs" do."""
    from summarize.briefing.cues import is_open, refers_back, says_open

    for sentence in ("Die Führungskräfte diskutierten auch Fragen der Rüstungsindustrie.",
                     "Wir haben über Fragen der Luftverteidigung gesprochen.",
                     "«Fragen Sie einfach den Iran», sagte die Sprecherin."):
        assert not says_open(sentence) and not is_open(sentence), sentence
    assert says_open("Sein Ton nach dem Telefonat warf Fragen über weitere Hilfen auf.")
    assert says_open("Nun stellt sich die Frage, wer die Raketen bezahlt.")
    assert refers_back("Die Führungskräfte diskutierten auch Fragen der Rüstungsindustrie.")
    assert refers_back("The heads of state agreed to meet again in March.")
    assert not refers_back("Die Rüstungsindustrie meldete neue Aufträge.")


def test_a_deadline_set_for_an_agreement_leaves_its_outcome_open() -> None:
    """HAND-MADE sentences: a deadline for a deal, a ceasefire or an agreement ("a 50-day deadline", "wenn
    innerhalb von 50 Tagen kein Waffenstillstand vereinbart wird") leaves open whether it comes; a deal made,
    or none made in the past without a condition, is no cue."""
    from summarize.briefing.cues import says_open

    for sentence in ("President Trump has given Moscow a 50-day deadline to accept a peace agreement.",
                     "Russland muss mit Abgaben rechnen, wenn innerhalb von 50 Tagen kein Waffenstillstand vereinbart wird.",
                     "Wenn es in den nächsten 50 Tagen keinen Deal gebe, würden Zölle erhoben.",
                     "The tariffs will follow if no deal is reached by September."):
        assert is_open(sentence) and says_open(sentence), sentence
    for sentence in ("Both sides signed a peace agreement in Istanbul on Monday.",
                     "Es gab bei dem Treffen keine Einigung über die Gebiete."):
        assert not is_open(sentence) and not says_open(sentence), sentence
