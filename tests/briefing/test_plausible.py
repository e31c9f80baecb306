"""The plausibility checks of a briefing's items (summarize/briefing/plausible.py), on HAND-MADE strings: what is
no actor, no person's name or no weapon, a role the sentences do not state, and German words left in English
fields put in English."""

from __future__ import annotations

from summarize.briefing.drafts import ActorDraft
from summarize.models import Decision

from ..support.briefing_helpers import _ev


def test_a_word_an_english_field_kept_from_a_german_article_is_found() -> None:
    from summarize.briefing.plausible import untranslated
    from summarize.text.lexicon import has_word

    assert has_word("de", "Gipfel") and not has_word("en", "Gipfel") and has_word("en", "summit")
    assert not has_word("xx", "summit")  # a language without a word list knows no word
    article = {"gipfel", "zugesagte", "kiew", "merz", "nato", "also", "trump", "wladimir", "budapest"}
    assert untranslated("did not attend the Gipfel", "de", article, set()) == ["Gipfel"]
    assert untranslated("would not deliver some zugesagte missiles to Kiew", "de", article, set()) == ["zugesagte", "Kiew"]
    # English too ("also", "Budapest"), a person of the alias table ("Merz"), a name the briefing lists as
    # written ("Wladimir"), capitals ("NATO"), a word in quotation marks and one the article lacks: none
    assert untranslated('also met Merz and Wladimir Putin in Budapest, NATO, a “Gipfel”', "de", article, {"wladimir"}) == []
    assert untranslated("met at the Oval Office", "de", article, set()) == []
    assert untranslated("did not attend the Gipfel", "en", article, set()) == []  # an English article's words
    assert untranslated("did not attend the Gipfel", None, article, set()) == []


def test_german_words_of_news_left_in_english_fields_are_put_in_english() -> None:
    """HAND-MADE descriptions: "Gipfeltreffen", "US-Verteidigungsminister", "Ukraine-Hilfe" (a noun, capitalised,
    with its German ending, alone or as the last part of a compound) are written in English; English words that
    look alike ("munitions") and lower-case words are left."""
    from summarize.briefing.plausible import english_terms

    assert english_terms("voted for Budapest as the location for the Gipfeltreffen") == (
        "voted for Budapest as the location for the summit")
    assert english_terms("the new US-Verteidigungsminister has stopped Ukraine-Hilfe") == (
        "the new US defence minister has stopped Ukraine aid")
    assert english_terms("agreed on a Waffenruhe after talks with the Außenministern") == (
        "agreed on a ceasefire after talks with the foreign minister")
    assert english_terms("sent GMLRS munitions and Tomahawk-Marschflugkörper") == (
        "sent GMLRS munitions and Tomahawk cruise missiles")
    assert english_terms("a krieg in lower case") == "a krieg in lower case"
    assert english_terms("will prepare the summit of the Staatschefs") == "will prepare the summit of the heads of state"
    assert english_terms("met the Staatschef of Hungary") == "met the head of state of Hungary"


def test_a_pseudo_english_past_of_a_german_verb_its_quote_holds_is_put_in_english() -> None:
    """HAND-MADE: "betoned" of "betonte", "dented reports" of "dementiert Berichte"; "dented" of a quote
    without the German word is English ("the strike dented the hull"), and "congratulated" is left whole."""
    from summarize.briefing.plausible import english_verbs

    assert english_verbs("betoned that the aid matters", ["Der Minister betonte, dass die Hilfe zählt."]) == (
        "stressed that the aid matters")
    assert english_verbs("Dented reports of a halt", ["Der Minister dementiert Berichte über einen Stopp."]) == (
        "denied reports of a halt")
    assert english_verbs("dented the hull", ["The strike dented the hull."]) == "dented the hull"
    assert english_verbs("congratulated the minister", ["Er gratulierte dem Minister."]) == "congratulated the minister"


def test_a_summary_in_german_keeps_its_english_sentences_else_is_written_from_the_decisions() -> None:
    """HAND-MADE summaries, as the 1.5B model answered twice for a held-out page (its German lead copied)."""
    from summarize.briefing.plausible import english_summary

    text = "Hegseth stoppte die Lieferungen. Der Kongress kritisierte ihn."
    decisions = [Decision(who="Pete Hegseth", what="stalled planned ammunition deliveries to Ukraine", status="taken",
                          evidence=[_ev(text, "Hegseth stoppte die Lieferungen.")]),
                 Decision(who="US Congress", what="criticized Hegseth for misleading the public.", status="taken",
                          evidence=[_ev(text, "Der Kongress kritisierte ihn.")])]
    german = "US-Verteidigungsminister Pete Hegseth steht wegen seiner Rolle unter Druck. Hegseth hatte den Lieferstopp begründet."
    assert english_summary(german, decisions) == ("Pete Hegseth stalled planned ammunition deliveries to Ukraine. "
                                                  "US Congress criticized Hegseth for misleading the public.")
    mixed = "Hegseth is under pressure from his party. Er hatte den Lieferstopp mit der Erschöpfung der Vorräte begründet."
    assert english_summary(mixed, decisions) == "Hegseth is under pressure from his party."
    english = "Hegseth is under pressure. The Pentagon paused some deliveries."
    assert english_summary(english, decisions) is english
    assert english_summary(german, []) == german  # nothing better to give


def test_weapons_of_no_kind_are_no_item() -> None:
    from summarize.briefing import gazetteer
    from summarize.briefing.drafts import WeaponDraft
    from summarize.briefing.numbered import Sentences
    from summarize.briefing.plausible import GENERIC_WEAPONS, weapon_problem

    def problem(written: str, english: str) -> str | None:
        return weapon_problem(WeaponDraft(name_as_written=written, s=1, name=english, category="x", status="other"))

    assert problem("Waffenlieferungen", "weapons") == "'weapons' names no weapon system or kind"
    assert problem("arms", "arms") is not None
    assert problem("Flugabwehrwaffen", "weapons") is None  # the written word names a kind: air defence
    assert problem("Patriot", "Patriot") is None and problem("Drohnen", "drones") is None
    assert problem("Druck", "pressure") == "'pressure' is not a weapon"
    # the gazetteer finds "Waffenlieferungen" as the table's entry of no kind; the plan does not add it
    found = gazetteer.weapons(Sentences.of("Die Waffenlieferungen an Kiew wurden gestoppt. Patriot-Systeme fehlen."))
    assert GENERIC_WEAPONS in found and "Patriot" in found


def test_a_news_outlet_is_a_source_not_an_actor() -> None:
    from summarize.briefing.drafts import ActorDraft
    from summarize.briefing.plausible import actor_problem

    for name in ("Reuters", "BBC", "Fox News", "Deutsche Presse-Agentur"):
        draft = ActorDraft(name_as_written=name, s=1, name=name, kind="organisation")
        assert "news outlet" in (actor_problem(draft) or ""), name
    assert actor_problem(ActorDraft(name_as_written="Pentagon", s=1, name="Pentagon", kind="organisation")) is None


def test_an_office_alone_is_no_persons_name_however_its_initials_are_written() -> None:
    from summarize.briefing.drafts import ActorDraft
    from summarize.briefing.plausible import actor_problem

    for name in ("Ukrainian President", "U.S. President", "U. S. President", "US-Präsident"):
        assert "not a person" in (actor_problem(ActorDraft(name_as_written=name, s=1, name=name, kind="person")) or ""), name
    assert actor_problem(ActorDraft(name_as_written="U.S. Grant", s=1, name="U. S. Grant", kind="person")) is None


def test_a_day_is_no_persons_name() -> None:
    """HAND-MADE: "August 15" (the day two leaders last met) read as a person; "August Meyer" is a name."""
    from summarize.briefing.drafts import ActorDraft
    from summarize.briefing.plausible import actor_problem

    assert "not a person" in (actor_problem(ActorDraft(name_as_written="August 15", s=1, name="August 15",
                                                       kind="person")) or "")
    assert actor_problem(ActorDraft(name_as_written="August Meyer", s=1, name="August Meyer", kind="person")) is None


def test_where_news_appeared_and_common_nouns_are_no_actors() -> None:
    from summarize.briefing.plausible import actor_problem

    def problem(name: str, kind: str, role: str | None = None) -> str | None:
        return actor_problem(ActorDraft(name_as_written=name, s=1, name=name, kind=kind, role=role))  # type: ignore[arg-type]

    # the model's own role says it is where the news appeared ("Orban erklärte auf X", "Medienberichten zufolge")
    assert "not an actor" in (problem("X", "organisation", "Social Media Platform") or "")
    assert "not an actor" in (problem("Medienberichten", "organisation", "Media") or "")
    assert "not an actor" in (problem("T-Online", "organisation", "News agency") or "")
    assert problem("IAEA", "organisation", "UN nuclear agency") is None  # an agency that acts
    assert problem("Pentagon", "organisation", "US Department of Defense") is None
    # a person's name holds no common noun; particles are part of names
    assert "not a person's name" in (problem("European officials", "person") or "")
    assert "not a person's name" in (problem("Red line", "person") or "")
    assert problem("Ursula von der Leyen", "person") is None
    assert problem("Mohammed bin Salman", "person") is None
    # a thing given or done is no organisation ("U.S. Military Assistance"); a body that gives it is
    assert "not an organisation" in (problem("Military Assistance", "organisation") or "")
    assert "not an organisation" in (problem("Red Line", "organisation") or "")
    assert problem("Agency for International Development", "organisation") is None
    assert problem("Defense Department", "organisation") is None


def test_a_role_names_an_office_only_when_the_actors_sentences_state_it() -> None:
    from summarize.briefing.plausible import role_unsupported

    adviser = ["Nach Angaben von Putins außenpolitischem Berater Juri Uschakow habe Trump ein Ende gefordert."]
    assert role_unsupported("Foreign Minister of Russia", adviser) == "minister"
    assert role_unsupported("foreign policy adviser", adviser) is None
    assert role_unsupported("Kremlin spokesman", ["Kremlsprecher Dmitri Peskow sagte, ..."]) is None  # in a compound
    assert role_unsupported("Minister of Foreign Affairs", ["Ungarns Ministerpräsident Viktor Orban"]) == "foreign"
    assert role_unsupported("Chancellor", ["Bundeskanzler Friedrich Merz sprach mit Trump."]) is None
    assert role_unsupported("Vice President", ["Trump kritisierte Biden."]) == "vice"
    assert role_unsupported("Roman Catholic leader", ["Papst Franziskus"]) is None  # no office the table knows
    assert role_unsupported(None, []) is None


def test_german_words_for_kinds_of_weapons_in_english_prose_are_put_in_english() -> None:
    from summarize.briefing.plausible import english_weapon_terms as english

    assert english("would not deliver some Flugabwehrraketen") == "would not deliver some air defence missiles"
    assert english("the delivery of Tomahawk-Marschflugkörpern") == "the delivery of Tomahawk cruise missiles"
    assert english("met representatives of US-Rüstungsunternehmen") == "met representatives of US defence companies"
    assert english("discussed Drohnenprojekte") == "discussed Drohnenprojekte"  # not a whole word of the table
    assert english("agreed to send tanks") == "agreed to send tanks"


def test_a_legislature_the_model_calls_a_state_is_kept_as_the_organisation_it_is() -> None:
    """HAND-MADE: "Kongress" given as a state is no state of the CLDR list, but the alias table knows it as
    the US Congress, an organisation: it is not dropped as "not a state"."""
    from summarize.briefing.aliases import alias_forms, alias_kind
    from summarize.briefing.plausible import actor_problem

    assert alias_forms("actors", "Kongress")[0] == "US Congress" and alias_kind("Kongress") == "organisation"
    assert actor_problem(ActorDraft(s=1, name="Kongress", name_as_written="Kongress", kind="state")) is None
    assert "is not a state" in (actor_problem(ActorDraft(s=1, name="Nordland", name_as_written="Nordland", kind="state")) or "")


def test_an_office_alone_is_no_persons_name() -> None:
    """HAND-MADE: "Ukrainian President" or "US-Präsident" as a person is an office (its holder is the alias
    table's or the article's name); a name with a title before it, or an unknown name, stays."""
    from summarize.briefing.plausible import actor_problem

    def problem(name: str) -> str | None:
        return actor_problem(ActorDraft(name=name, name_as_written=name, kind="person", s=1))

    assert "an office" in (problem("Ukrainian President") or "")
    assert "an office" in (problem("Russian Foreign Minister") or "")
    assert problem("US-Präsident") is not None  # one word: not a person's name either way
    assert problem("President Donald Trump") is None and problem("Fedir Wenislawskyi") is None


def test_a_state_by_a_name_cldr_has_replaced_is_a_state() -> None:
    """HAND-MADE: "Turkey" (CLDR's English name is now "Türkiye") and "Czech Republic" are states the news names."""
    from summarize.briefing.plausible import actor_problem

    for name in ("Turkey", "Türkei", "Czech Republic"):
        assert actor_problem(ActorDraft(s=1, name=name, name_as_written=name, kind="state")) is None
