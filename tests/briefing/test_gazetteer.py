"""States, people, organisations and weapon systems the code finds named in a text (summarize/briefing/gazetteer.py),
on HAND-MADE strings."""

from __future__ import annotations


def test_a_known_organisation_the_text_names_acting_is_found_but_not_a_place() -> None:
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    text = ("Laut Kreml ging das Gespräch auf eine russische Initiative zurück. Beim Treffen der "
            "Nato-Verteidigungsminister gab es Zusagen. Trump empfing ihn im Weißen Haus. "
            "The Pentagon review determined that stocks were too low.")
    found = gazetteer.organisations(Sentences.of(text))
    assert {name: written for name, (_, written) in found.items()} == {"Kremlin": "Kreml", "NATO": "Nato", "Pentagon": "Pentagon"}
    assert gazetteer.organisations(Sentences.of("Sie trafen sich im Kreml. The talks at the Pentagon ended.")) == {}


def test_the_white_house_is_found_where_it_speaks_not_where_something_happens_in_it() -> None:
    """HAND-MADE: the White House, named far more often as a place, is an actor where it or its spokesperson
    speaks, German inflections ("Weißen Hauses", "Weisse Haus") included; a meeting in it, or a confirmation
    of a meeting held in it, is no act of it."""
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    def found(text: str) -> dict[str, str]:
        return {name: written for name, (_, written) in gazetteer.organisations(Sentences.of(text)).items()}

    assert found("A White House spokeswoman said the move is about priorities.") == {"White House": "White House"}
    assert found("Das sagte Anna Kelly, Sprecherin des Weißen Hauses.") == {"White House": "Weißen Hauses"}
    assert found("Das Weisse Haus bestätigte auf Anfrage keine Details.") == {"White House": "Weisse Haus"}
    assert found("Aus dem Weißen Haus hieß es jedoch, die Entscheidung sei nicht abgestimmt.") == {"White House": "Weißen Haus"}
    assert found("A meeting is possible, according to White House spokesperson Karoline Leavitt.") == {"White House": "White House"}
    assert found("Trump hat ein Treffen am Freitag im Weißen Haus bestätigt. They met at the White House.") == {}
    assert found("The White House meeting ended. Das Weiße Haus liegt in Washington.") == {}


def test_systems_of_a_suspended_compound_and_calibres_of_artillery_ammunition_are_found() -> None:
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    listed = Sentences.of("Betroffen waren Patriot-Raketen sowie Mistral-, AIM-9- und andere Raketen und 155-mm-Artilleriegeschosse.")
    assert set(gazetteer.named_systems(listed)) == {"Mistral", "AIM-9"}
    assert gazetteer.named_systems(Sentences.of("Die Vor- und Nachteile der Luft- und Raumfahrt.")) == {}
    assert gazetteer.calibres(listed) == {"155 mm artillery": (1, "155-mm-Artilleriegeschosse")}
    assert gazetteer.calibres(Sentences.of("thousands of 155 mm high-explosive munitions")) == {
        "155 mm artillery": (1, "155 mm high-explosive munitions")}
    assert gazetteer.calibres(Sentences.of("Es fielen 12 mm Regen in 155 Orten.")) == {}


def test_a_state_named_once_as_the_state_of_an_office_acts() -> None:
    """HAND-MADE: a state the text names twice is an actor; once as the state of an office holder
    ("Deutschlands Verteidigungsminister Boris Pistorius") too; once in passing ("in Deutschland") not."""
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    found = gazetteer.states(Sentences.of(
        "Deutschlands Verteidigungsminister Boris Pistorius kündigte Hilfe an. Poland's foreign minister agreed. "
        "Ungarns Ministerpräsident Viktor Orban sprach in Budapest. Die Konferenz fand in Frankreich statt."))
    assert set(found) == {"Germany", "Poland", "Hungary"}  # each named once, as an office's state
    assert found["Hungary"] == (3, "Ungarns")
    assert gazetteer.states(Sentences.of("Die Konferenz fand in Frankreich statt. Sie dauerte zwei Tage.")) == {}


def test_a_state_written_as_two_capitals_counts_and_a_dateline_is_no_evidence() -> None:
    """HAND-MADE: "US-Präsident", "the US President", "UK Prime Minister" name the state of an office, as
    written in capitals; "us" is a word; a dateline that is the name alone is its evidence only when
    nothing else names it."""
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    assert gazetteer.states(Sentences.of("US-Präsident Donald Trump empfing Selenskyj.")) == {
        "United States": (1, "US")}
    assert set(gazetteer.states(Sentences.of("The UK Prime Minister spoke. Then the US President spoke."))) == {
        "United Kingdom", "United States"}
    assert gazetteer.states(Sentences.of("Trump told us he would call. Let us wait and see. Our friends met us.")) == {}
    assert gazetteer.states(Sentences.of("Trump met the US team.")) == {}  # once, no office: in passing
    found = gazetteer.states(Sentences.of("WASHINGTON\nTrump said the US would decide. The US President spoke."))
    assert found["United States"][1] == "US"  # the sentence that is the dateline alone is not the evidence


def test_a_known_person_the_text_names_is_an_actor() -> None:
    """HAND-MADE: a person of the alias table, in any of their spellings, is found (the first sentence and
    its spelling); a person the table does not know is the model's to find."""
    from summarize.briefing import gazetteer
    from summarize.briefing.numbered import Sentences

    found = gazetteer.people(Sentences.of(
        "Trump empfing am Freitag Wolodymyr Selenskyj. Zelenskyy asked for Tomahawks. Orbán schwieg. "
        "Lena Karvelin sprach. Karvelin blieb."))
    assert found == {"Donald Trump": (1, "Trump"), "Volodymyr Zelensky": (1, "Wolodymyr Selenskyj"),
                     "Viktor Orbán": (3, "Orbán")}
    assert gazetteer.people(Sentences.of("Die Trumpfkarte blieb im Ärmel. Putins Berater schwiegen.")) == {
        "Vladimir Putin": (2, "Putin")}  # the genitive's "s" is not the name
