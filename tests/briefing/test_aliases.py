"""The alias table (summarize/briefing/aliases.py): one name for the spellings of a weapon or an organisation
(HAND-MADE names)."""

from __future__ import annotations


def test_a_kind_is_named_by_all_its_words_not_by_its_last() -> None:
    from summarize.briefing.aliases import canonical_weapon

    assert canonical_weapon("missiles", generic=True) == "missiles"  # not "air defence" (by "air defence missile")
    assert canonical_weapon("cruise missiles", generic=True) == "cruise missiles"
    assert canonical_weapon("long-range missiles", generic=True) == "missiles"
    assert canonical_weapon("air defense systems", generic=True) == "air defence"
    assert canonical_weapon("Flugabwehrraketen", generic=True) == "air defence"
    assert canonical_weapon("Patriot-Raketen") == "Patriot"
    # precision munitions are a kind of their own, not "missiles" nor the Patriot's
    assert canonical_weapon("precision-guided munitions", generic=True) == "precision munitions"
    assert canonical_weapon("Präzisionsmunition", generic=True) == "precision munitions"


def test_the_alias_table_knows_the_systems_of_this_war_by_their_designations() -> None:
    """HAND-MADE names: a designation and the system's name, German compounds and English plurals are one
    weapon of the alias table (so a digest shows one row for "AGM-114 Hellfire" and "Hellfire")."""
    from summarize.briefing.aliases import canonical_weapon

    for written, name in (("AGM-114 Hellfire", "Hellfire"), ("Hellfire", "Hellfire"), ("Stinger-Flugabwehrraketen", "Stinger"),
                          ("FIM-92", "Stinger"), ("AMRAAM", "AIM-120"), ("AIM-120", "AIM-120"), ("GMLRS", "GMLRS"),
                          ("Storm Shadow", "Storm Shadow"), ("SCALP", "Storm Shadow"), ("Shahed-Drohnen", "Shahed"),
                          ("Geran-2", "Shahed"), ("Kinschal", "Kinzhal"), ("Leopard-2-Panzer", "Leopard 2")):
        assert canonical_weapon(written) == name, written
    assert canonical_weapon("AIM-7") != canonical_weapon("AIM-120")


def test_the_eu_commission_is_the_european_commission() -> None:
    from summarize.briefing.aliases import alias_forms

    assert alias_forms("actors", "EU-Kommission")[:1] == ("European Commission",)


def test_the_us_treasury_is_named_in_english_and_german() -> None:
    """The body that imposes sanctions, as an English description names it and a German article writes it."""
    from summarize.briefing.aliases import alias_forms
    from summarize.briefing.grounder import deciders

    assert alias_forms("actors", "US Finance Ministry")[0] == "US Treasury"
    assert alias_forms("actors", "Treasury Department")[0] == "US Treasury"
    assert "US-Finanzministerium" in deciders(["US Treasury"])
    assert alias_forms("actors", "Treasury") == ()  # a bare "Treasury" may be another country's
