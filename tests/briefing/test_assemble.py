"""How the model's drafts become the briefing's items (summarize/briefing/assemble.py), on HAND-MADE strings:
vetting, the name as written, a weapon's kind, a description's aside, a state's English name."""

from __future__ import annotations

from summarize.briefing.drafts import ActorDraft

from ..support.briefing_helpers import _ev


def test_a_weapon_takes_the_kind_its_written_word_is() -> None:
    from summarize.briefing.assemble import _weapon_name
    from summarize.briefing.drafts import WeaponDraft

    def name(written: str, english: str) -> str:
        return _weapon_name(WeaponDraft(name_as_written=written, s=1, name=english, category="x", status="other"), written)

    assert name("Drohnen", "missiles") == "drones"  # the alias table knows what "Drohnen" is
    assert name("Patriot-Raketen", "missiles") == "Patriot"  # a named system's compound is the system
    assert name("Drohnenprojekte", "Drohnenprojekte") == "drones"  # the written word copied as the name
    assert name("Haubitzen", "howitzers") == "howitzers"  # a kind the table does not know: the model's


def test_a_weapon_word_in_quotation_marks_is_a_figure_of_speech() -> None:
    from summarize.briefing.assemble import in_quotation_marks

    assert in_quotation_marks("Bombe", "Die Rede war eine politische „Bombe“ für die Regierung.")
    assert in_quotation_marks("bombshell", 'The report was a "bombshell" for the cabinet.')
    assert not in_quotation_marks("Patriot", "Berlin liefert weitere Patriot-Systeme.")
    assert not in_quotation_marks("Raketen", "„Wir brauchen Raketen“, sagte der Minister.")  # inside a quotation


def test_a_description_loses_the_aside_a_dash_opens() -> None:
    from summarize.briefing.assemble import _main_part

    assert _main_part("would not deliver some air defence missiles – out of concern for US stocks") == \
        "would not deliver some air defence missiles"
    assert _main_part("met Trump - a contrast to February, when Trump accused") == "met Trump - a contrast to February, when Trump accused"
    assert _main_part("signed the Kyiv-Washington deal") == "signed the Kyiv-Washington deal"  # a hyphen, no aside


def test_an_actor_named_as_written_must_be_plausible_by_that_name() -> None:
    """HAND-MADE: "Verteidigungsminister" given the worked example's name "Lars Berg" (nowhere in the article)
    is named as written, and a title alone is no person's name: dropped, with its sentence. A name the
    article writes stays as the model gave it."""
    from summarize.briefing.assemble import written_unless_reachable
    from summarize.briefing.drafts import ActorDraft

    text = "Verteidigungsminister reist zu Hegseth. Pete Hegseth empfängt ihn."
    ev = _ev(text, "Verteidigungsminister reist zu Hegseth.")
    merged = {
        "title": ("actors", ActorDraft(name_as_written="Verteidigungsminister", s=1, name="Lars Berg", kind="person",
                                       role_in_english="Defence Minister"), [ev]),
        "hegseth": ("actors", ActorDraft(name_as_written="Pete Hegseth", s=2, name="Pete Hegseth", kind="person",
                                         role_in_english=None), [ev]),
    }
    dropped: list = []
    written_unless_reachable(merged, dropped, lambda name: name in text)
    assert list(merged) == ["hegseth"] and merged["hegseth"][1].name == "Pete Hegseth"
    assert [(d.label, d.reason) for d in dropped] == [("Verteidigungsminister", "'Verteidigungsminister' is not a person's name")]
    assert dropped[0].evidence == ev


def test_the_alias_tables_kind_of_the_written_name_stands_over_the_look_of_an_organisation() -> None:
    """HAND-MADE: "US-Regierung" is the United States (a state, though "Regierung" looks like an organisation);
    "Kremlin" written where the model named the Russian government is the organisation the table knows; a
    name the table does not know that looks like one ("Ministry of Defence" as a state) is an organisation."""
    from summarize.briefing.assemble import vet

    def kind(name: str, written: str, given: str) -> str:
        actor = ActorDraft(name=name, name_as_written=written, kind=given, s=1)
        merged = {"a": ("actors", actor, [_ev(written, written)])}
        vet(merged, [], english=True)
        return merged["a"][1].kind

    assert kind("US-Regierung", "US-Regierung", "state") == "state"
    assert kind("United States", "US-Regierung", "organisation") == "state"
    assert kind("Russian government", "Kremlin", "state") == "organisation"
    assert kind("Ministry of Defence", "Ministry of Defence", "state") == "organisation"


def test_a_name_credited_only_before_the_story_is_its_source_not_an_actor() -> None:
    """HAND-MADE: "(SeaPRwire) –" and "WASHINGTON (Reuters) -" credit the story's source; the same name in the
    story's own words is a party to it."""
    from summarize.briefing.assemble import credited_only, vet

    credit = "(SeaPRwire) –   Der ukrainische Präsident sagte am Freitag, er habe telefoniert."
    assert credited_only("SeaPRwire", credit)
    assert credited_only("Reuters", "WASHINGTON (Reuters) - The Pentagon halted shipments.")
    assert not credited_only("Reuters", "(Reuters) - Reuters reported that the Pentagon halted shipments.")
    assert not credited_only("Pentagon", "The Pentagon (DoD) - said nothing.")
    dropped: list = []
    merged = {"a": ("actors", ActorDraft(name="SeaPRwire", name_as_written="SeaPRwire", kind="organisation", s=1),
                    [_ev(credit, credit)])}
    vet(merged, dropped, english=True)
    assert merged == {} and "credit" in dropped[0].reason


def test_a_state_is_named_in_english_in_an_english_briefing() -> None:
    """HAND-MADE: a state the model names as the German page writes it ("Syrien") is "Syria" when the
    briefing is in English, and stays as written when it is not; a person's name is never translated."""
    from summarize.briefing.assemble import final

    text = "Die USA hatten Syrien gewarnt."

    def name(given: str, kind: str, english: bool) -> str:
        actor = final(ActorDraft(name=given, name_as_written=given, kind=kind, s=1), [_ev(text, text)], text,
                      english=english)
        return actor.name  # type: ignore[union-attr]

    assert name("Syrien", "state", True) == "Syria"
    assert name("Syrien", "state", False) == "Syrien"
    assert name("Ungarn", "person", True) == "Ungarn"


def test_a_description_cut_at_the_limit_ends_in_an_ellipsis_unless_the_clause_rules_cut_it_back() -> None:
    """HAND-MADE, after two held-out answers: a description the schema's limit cut mid-word keeps its whole words
    and "…"; one the cut leaves unfinished ("... within the next two to") is left to the decision's rules, which
    cut it back to its last finished clause (a first version marked it "…" and so kept a meeting's words in a
    call's description, and the call left its row in the digest)."""
    from summarize.briefing.assemble import final
    from summarize.briefing.drafts import MAX_TEXT, DecisionDraft

    text = "Trump called Putin. They spoke for two hours."
    head = "held a phone call and refused to agree to an immediate cease"
    cut = ("x " * MAX_TEXT)[: MAX_TEXT - len(head)] + head
    decision = final(DecisionDraft(s=1, who=["Trump"], what=cut, status="taken"), [_ev(text, text[:19])], text)
    assert decision.what.endswith("refused to agree to an immediate…")
    tail = " within the next two to"
    unfinished = ("x " * MAX_TEXT)[: MAX_TEXT - len(tail)] + tail
    assert len(unfinished) == MAX_TEXT
    decision = final(DecisionDraft(s=1, who=["Trump"], what=unfinished, status="taken"), [_ev(text, text[:19])], text)
    assert decision.what.endswith("within the next two to")
