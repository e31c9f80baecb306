"""Entity resolution (summarize.digest.entities), on HAND-MADE actors and weapons unless said otherwise."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest

from summarize.digest.entities import FUZZY_THRESHOLD, Resolver, load_aliases
from summarize.digest.merge import merge
from summarize.models import Actor, Evidence, Weapon

from .test_digest import _briefing

ROOT = Path(__file__).resolve().parents[1].parent


def _ev(text: str) -> list[Evidence]:
    return [Evidence(quote=text, start=0, end=len(text), alignment="exact", score=100)]


def actor(name: str, written: str | None = None, kind: str = "person", role: str | None = None) -> Actor:
    """A hand-made actor, not model output."""
    return Actor(name=name, name_as_written=written or name, kind=kind, role=role, evidence=_ev(f"... {written or name} ..."))


def weapon(name: str, written: str | None = None) -> Weapon:
    """A hand-made weapon, not model output."""
    return Weapon(name=name, name_as_written=written or name, category="x", status="discussed",
                  evidence=_ev(f"... {written or name} ..."))


@pytest.fixture
def resolver() -> Resolver:
    return Resolver()


SAME_PERSON = {
    "Volodymyr Zelensky": ["Selenskyj", "Zelensky", "Zelenskyy", "Zelenskiy", "Wolodymyr Selenskyj",
                           "Volodymyr Zelenskyy", "Präsident Selenskyj", "Ukrainian President Volodymyr Zelensky"],
    "Vladimir Putin": ["Putin", "Wladimir Putin", "Vladimir Putin", "Kremlchef Wladimir Putin", "Russian President Putin"],
    "Dmitry Medvedev": ["Medwedew", "Medvedev", "Dmitri Medwedew", "Dmitry Medvedev"],
    "Dmitry Peskov": ["Peskow", "Peskov", "Kremlsprecher Dmitri Peskow", "Kremlin spokesman Dmitry Peskov"],
    "Yuri Ushakov": ["Uschakow", "Ushakov", "Juri Uschakow", "Yuri Ushakov"],
    "Donald Trump": ["Trump", "Donald Trump", "US-Präsident Donald Trump", "US President Donald Trump"],
    "Friedrich Merz": ["Merz", "Bundeskanzler Friedrich Merz", "Chancellor Merz"],
    "Boris Pistorius": ["Pistorius", "Verteidigungsminister Boris Pistorius"],
    "Viktor Orbán": ["Orban", "Viktor Orbán", "Viktor Orban", "Premierminister Viktor Orbán"],
}


@pytest.mark.parametrize("canonical", sorted(SAME_PERSON))
def test_every_spelling_of_a_person_resolves_to_one_key(resolver: Resolver, canonical: str) -> None:
    spellings = SAME_PERSON[canonical]
    # the spelling in the model's name field and in name_as_written, both ways
    keys = {resolver.actor_key(actor(s)) for s in spellings}
    keys |= {resolver.actor_key(actor(canonical, written=s)) for s in spellings}
    assert len(keys) == 1, keys
    assert {resolver.canonical_actor(actor(s)) for s in spellings} == {canonical}


def test_people_institutions_and_states_stay_apart(resolver: Resolver) -> None:
    digest = merge([
        _briefing("1", actors=[actor("Vladimir Putin", "Putin"), actor("Kremlin", "Kreml", kind="organisation"),
                               actor("Russia", "Russland", kind="state")]),
        _briefing("2", actors=[actor("Wladimir Putin"), actor("Kremlin", kind="organisation"),
                               actor("Moscow", "Moskau", kind="state")]),
    ])
    assert [(a.name, a.kind, a.count) for a in digest.actors] == [
        ("Vladimir Putin", "person", 2), ("Kremlin", "organisation", 2), ("Russia", "state", 2)]
    assert digest.actors[2].names_as_written == ["Russland", "Moskau"]


def test_capital_cities_stand_for_the_state_only_as_states(resolver: Resolver) -> None:
    assert resolver.canonical_actor(actor("Kyiv", "Kyjiw", kind="state")) == "Ukraine"
    assert resolver.canonical_actor(actor("Washington", kind="state")) == "United States"
    assert resolver.actor_key(actor("Moskau", kind="organisation")) != resolver.actor_key(actor("Russia", kind="state"))
    assert resolver.canonical_actor(actor("Washington", kind="person")) == "Washington"  # no alias across kinds


def test_merged_person_keeps_every_spelling_and_role_per_source() -> None:
    digest = merge([
        _briefing("1", actors=[actor("Wolodymyr Selenskyj", role="Präsident der Ukraine")]),
        _briefing("2", actors=[actor("Volodymyr Zelensky", "Zelenskyy", role="Ukrainian President")]),
        _briefing("3", actors=[actor("Selenskyj")]),
    ])
    [z] = digest.actors
    assert (z.name, z.count, z.articles) == ("Volodymyr Zelensky", 3, ["1", "2", "3"])
    assert z.names_as_written == ["Wolodymyr Selenskyj", "Zelenskyy", "Selenskyj"]
    assert z.roles == ["Präsident der Ukraine", "Ukrainian President"]


def test_fuzzy_matching_joins_near_spellings_not_different_people(resolver: Resolver) -> None:
    # not in the table: a one-letter slip in a long surname meets the first spelling seen
    assert resolver.actor_key(actor("Hans Kretschmann")) == resolver.actor_key(actor("Kretschman"))
    # short surnames one letter apart are different people (ratio below the threshold)
    assert resolver.actor_key(actor("George Bush")) != resolver.actor_key(actor("Rush"))
    assert resolver.actor_key(actor("Olaf Scholz")) != resolver.actor_key(actor("Olaf Schulz"))
    assert FUZZY_THRESHOLD == 88
    # never across kinds, even with the same name
    assert resolver.actor_key(actor("Georgia", kind="state")) != resolver.actor_key(actor("Georgia", kind="person"))


def test_a_user_alias_file_adds_aliases_without_code_changes(tmp_path: Path) -> None:
    extra = tmp_path / "aliases.json"
    extra.write_text(json.dumps({
        "actors": {"Volodymyr Zelensky": {"aliases": ["Zelenskyi"]},
                   "Kaja Kallas": {"kind": "person", "aliases": ["Kallas", "EU-Außenbeauftragte Kallas"]}},
        "titles": ["aussenbeauftragte", "eu"],
        "weapons": {"Shahed": {"generic": False, "aliases": ["Shahed-136", "Geran-2"]}},
    }), encoding="utf-8")
    plain, custom = Resolver(), Resolver(load_aliases(extra))
    assert plain.canonical_actor(actor("EU-Außenbeauftragte Kallas")) != "Kaja Kallas"
    assert custom.canonical_actor(actor("EU-Außenbeauftragte Kallas")) == "Kaja Kallas"
    assert custom.actor_key(actor("Kallas")) == custom.actor_key(actor("Kaja Kallas"))
    assert custom.canonical_actor(actor("Selenskyj")) == "Volodymyr Zelensky"  # built-in aliases kept
    assert custom.weapon_key(weapon("Geran-2")) == custom.weapon_key(weapon("Shahed-Drohnen"))
    assert custom.canonical_weapon(weapon("Geran-2")) == "Shahed"
    assert "Kaja Kallas" not in load_aliases()["actors"]  # the built-in table is not changed


NAMED = {
    "Patriot": ["Patriot", "Patriot-Luftabwehrsysteme", "Patriot-Raketen", "Patriots", "PAC-3", "Patriot-Systeme"],
    "Tomahawk": ["Tomahawk", "Marschflugkörper vom Typ Tomahawk", "Tomahawk-Marschflugkörpern", "Tomahawks"],
}
GENERIC = {
    "air defence": ["air defence", "air defense", "Flugabwehr", "Luftabwehr", "Luftabwehrsysteme"],
    "drones": ["drones", "Drohnen", "Drohne"],
    "missiles": ["missiles", "Raketen", "Rakete"],
}


@pytest.mark.parametrize("canonical", sorted(NAMED) + sorted(GENERIC))
def test_every_weapon_spelling_resolves_to_one_entry(resolver: Resolver, canonical: str) -> None:
    spellings = {**NAMED, **GENERIC}[canonical]
    assert len({resolver.weapon_key(weapon(s)) for s in spellings}) == 1
    assert {resolver.canonical_weapon(weapon(s)) for s in spellings} == {canonical}
    assert {resolver.is_generic_weapon(weapon(s)) for s in spellings} == {canonical in GENERIC}


def test_generic_weapons_stay_apart_from_named_and_come_last() -> None:
    digest = merge([
        _briefing("1", weapons=[weapon("Drohnen"), weapon("Patriot-Raketen"), weapon("Flugabwehr")]),
        _briefing("2", weapons=[weapon("drones"), weapon("Raketen"), weapon("Tomahawk")]),
        _briefing("3", weapons=[weapon("Drohne"), weapon("missile", written="Patriot")]),
    ])
    assert [(w.name, w.count) for w in digest.weapons] == [
        ("Patriot", 2), ("Tomahawk", 1), ("drones", 3), ("air defence", 1), ("missiles", 1)]
    # an unknown named system is not swallowed by the generic word in its name
    r = Resolver()
    assert not r.is_generic_weapon(weapon("Shahed-Drohnen"))
    assert r.weapon_key(weapon("Shahed-Drohnen")) != r.weapon_key(weapon("Drohnen"))


def test_many_items_resolve_consistently() -> None:
    """1,000 hand-made briefings, 2,000 distinct made-up people: known names still meet, systems stay one
    entry each. (Speed is measured by benchmarks/merge_scale.py, not asserted here.)"""
    rnd = random.Random(7)

    def word(lo: int, hi: int) -> str:
        return "".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(lo, hi))).title()

    names = [f"{word(4, 9)} {word(5, 10)}" for _ in range(2000)] + ["Selenskyj", "Putin", "Wladimir Putin"]
    briefings = [_briefing(f"{n:05d}", actors=[actor(rnd.choice(names)) for _ in range(8)],
                           weapons=[weapon("Patriot-Raketen"), weapon("Drohnen")]) for n in range(1000)]
    digest = merge(briefings)
    assert [w.name for w in digest.weapons] == ["Patriot", "drones"] and digest.meta.articles_briefed == 1000
    assert sum(a.name == "Vladimir Putin" for a in digest.actors) == 1


def test_replayed_seed_digest_has_one_zelensky_row_with_every_source(tmp_path: Path) -> None:
    """On the REAL recorded model answers (seeds replayed): either spelling, one row, all its sources."""
    from typer.testing import CliRunner

    from summarize.app.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["digest", str(ROOT / "seeds"), "--replay", str(ROOT / "tests" / "recordings" / "seeds"),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    briefings = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "briefings").glob("*.json"))]
    spellings = {"Selenskyj", "Wolodymyr Selenskyj", "Volodymyr Zelensky", "Zelensky", "Zelenskyy"}
    expected = sorted(b["article"]["id"] for b in briefings
                      if any(a["name"] in spellings or a["name_as_written"] in spellings for a in b["actors"]))
    rows = [a for a in digest["actors"] if set(a["names_as_written"]) & spellings or a["name"] in spellings]
    assert [r["name"] for r in rows] == ["Volodymyr Zelensky"]
    assert rows[0]["articles"] == expected and len(expected) == 5
    weapons = {w["name"]: w for w in digest["weapons"]}
    assert weapons["Patriot"]["articles"] == [i for i in expected if i[:3] in ("000", "001")]
    assert weapons["Tomahawk"]["articles"] == [i for i in expected if i[:3] in ("003", "004")]
    assert [w["name"] for w in digest["weapons"]][:2] == ["Patriot", "Tomahawk"]
    assert len({a["name"] for a in digest["actors"]}) == len(digest["actors"])  # no duplicated display names


def test_cli_aliases_file_extends_the_table_without_code_changes(tmp_path: Path) -> None:
    """On the real recordings: a user alias file renames an actor across the digest."""
    from typer.testing import CliRunner

    from summarize.app.cli import app

    from ..conftest import RECORDINGS, SEEDS

    extra = tmp_path / "aliases.json"
    extra.write_text(json.dumps({"actors": {"Anna Kelly (White House)": {"kind": "person", "aliases": ["Anna Kelly"]}}}),
                     encoding="utf-8")
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path / "o"),
                                      "--aliases", str(extra)])
    assert result.exit_code == 0, result.output
    digest = json.loads((tmp_path / "o" / "digest.json").read_text(encoding="utf-8"))
    assert "Anna Kelly (White House)" in {a["name"] for a in digest["actors"]}
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(app, ["digest", str(SEEDS), "--replay", str(RECORDINGS), "-o", str(tmp_path / "o2"),
                                      "--aliases", str(bad)])
    assert result.exit_code == 2 and "--aliases" in result.output


def test_fuzzy_matching_is_not_capped_at_a_number_of_names_seen() -> None:
    """HAND-MADE names: past 5,000 distinct surnames a misspelling still meets its person (it used to get a key of its own)."""
    rnd = random.Random(5)
    resolver = Resolver()
    seen: dict[str, None] = {}
    while len(seen) < 6000:
        name = "".join(rnd.choice(string.ascii_lowercase) for _ in range(12)).title()
        if name not in seen:
            seen[name] = None
            resolver.actor_key(actor(f"Anna {name}"))
    last = list(seen)[-1]  # the 6,000th surname seen
    misspelt = last[:5] + last[6:]  # one letter dropped
    assert resolver.actor_key(actor(misspelt)) == resolver.actor_key(actor(last))


def test_resolution_and_clusters_take_plain_strings() -> None:
    from summarize.digest.clusters import DecisionClusters, QuestionClusters

    resolver = Resolver()
    assert resolver.resolve_actor("Zelensky", "Selenskyj", "person") == ("person:volodymyr zelensky", "Volodymyr Zelensky")
    assert resolver.resolve_weapon("Patriot", "Patriot-Raketen")[1] == "Patriot"
    assert resolver.known_actor("Wladimir Putin") == resolver.known_actor("Putin") is not None
    clusters = DecisionClusters(resolver)
    assert clusters.key_for("Selenskyj", "paused weapons deliveries to Ukraine") == clusters.key_for(
        "Volodymyr Zelensky", "stopped weapons deliveries to Ukraine")
    questions = QuestionClusters()
    assert questions.key_for("Will the US deliver Tomahawks to Ukraine?") == questions.key_for(
        "Will the US deliver Tomahawk missiles to Ukraine?")
    # one word apart, but asking for a time and for a place: two questions
    assert questions.key_for("When will the meeting take place?") != questions.key_for("Where will the meeting take place?")
    assert questions.key_for("When will the summit in Budapest take place?") == questions.key_for(
        "When will the summit in Budapest take place then?")


def test_known_actor_is_a_lookup_that_changes_no_later_key() -> None:
    """A decision's bare ``who`` is checked against the table as person, state and organisation; that check
    must not file the name as a key of those kinds (it used to: a later state actor one letter away then
    took the decider's key, and every such check grew the state and organisation indexes)."""
    names = ["Boris Karvelin", "Anna Mondoberski", "Olaf Schuwitzka"]
    later = [Actor(name=n + "n", name_as_written=n + "n", kind=k, evidence=_ev(n))
             for n in names for k in ("person", "state", "organisation")]
    fresh = Resolver()
    expected = [fresh.actor_key(a) for a in later]
    checked = Resolver()
    assert [checked.known_actor(n) for n in names] == [None, None, None]
    assert [checked.actor_key(a) for a in later] == expected
    assert checked.known_actor("Wladimir Putin") == fresh.known_actor("Putin") is not None  # table entries still found


def test_the_us_defence_industry_is_one_organisation_however_written(resolver: Resolver) -> None:
    keys = {resolver.resolve_actor(n, n, "organisation")[0]
            for n in ("US-Rüstungsindustrie", "US-Rustungsunternehmen", "US defense companies", "US arms makers")}
    assert keys == {"organisation:us defence industry"}
    assert resolver.resolve_actor("United States", "USA", "state")[0] != "organisation:us defence industry"


def test_a_shared_surname_with_another_given_name_is_another_person(resolver: Resolver) -> None:
    """HAND-MADE: "Melania Trump" and "First Lady Melania Trump" are one person, not Donald Trump; a middle
    name or an initial, and the model's mix of two given names ("Vladimir Zelenskyy"), still name the table's
    person."""
    melania = {resolver.actor_key(actor("Melania Trump", written=w)) for w in ("Melania Trump", "First Lady Melania Trump")}
    assert len(melania) == 1 and melania != {resolver.actor_key(actor("Donald Trump"))}
    assert resolver.canonical_actor(actor("Melania Trump")) == "Melania Trump"
    for name, canonical in (("Donald John Trump", "Donald Trump"), ("D. Trump", "Donald Trump"),
                            ("Vladimir Zelenskyy", "Volodymyr Zelensky"), ("Kremlin spokesman Peskov", "Dmitry Peskov")):
        assert resolver.canonical_actor(actor(name)) == canonical, name


def test_a_development_names_its_decider_as_the_actor_rows_do() -> None:
    """HAND-MADE: the model's "Kremlchef Putin" as a decider is shown as the table's "Vladimir Putin"; a decider
    the table does not know keeps the model's name."""
    from summarize.digest.merge import merge
    from summarize.models import ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision

    def briefing(article_id: str, who: str, what: str) -> Briefing:
        quote = f"{who} {what}."
        return Briefing(
            article=ArticleRef(id=article_id, title="t", sha256="0" * 64), summary="s.",
            decisions=[Decision(who=who, what=what, status="taken", evidence=_ev(quote))],
            meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                              cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)))

    digest = merge([briefing("a", "Kremlchef Putin", "warned against the deliveries"),
                    briefing("b", "Jane Roe", "resigned from the committee")])
    assert sorted(d.who for d in digest.decisions) == ["Jane Roe", "Vladimir Putin"]
