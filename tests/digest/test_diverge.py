"""Divergences and question merging, on HAND-MADE briefings (not model output): every rule of
``summarize/digest/diverge.py`` is shown to fire on its case and to stay quiet on the near miss."""

from __future__ import annotations

import datetime as dt

from summarize.digest.diverge import counted, leaning_words, tone_words, load_tone
from summarize.digest.merge import EventHints, merge
from summarize.render.markdown import render
from summarize.models import ArticleRef, Briefing, BriefingMeta, CleaningReport, Decision, Evidence, OpenQuestion, Weapon


def _ev(quote: str, start: int = 0) -> list[Evidence]:
    return [Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=100)]


def _briefing(article_id: str, *, decisions=(), weapons=(), questions=(), published=None, source=None) -> Briefing:  # noqa: ANN001
    return Briefing(
        article=ArticleRef(id=article_id, title=f"Title {article_id}", sha256="0" * 64, published=published, source=source),
        summary="s.", decisions=list(decisions), weapons=list(weapons), open_questions=list(questions),
        meta=BriefingMeta(prompt_version="p", model="m", mode="json_schema", lang="en", chunks=1, llm_calls=1,
                          cleaning=CleaningReport(chars_in=1, chars_kept=1, chars_removed=0, lines_removed=0)),
    )


def _d(who: str, what: str, quote: str, status: str = "taken", date: str | None = None) -> Decision:
    return Decision(who=who, what=what, status=status, date=date, evidence=_ev(quote))  # type: ignore[arg-type]


CALL = "held a phone call with Vladimir Putin about the war"  # a model's words: the code's bare "held a phone call with X" alike in undated sources is no sign of one call


def test_same_event_with_different_outcomes_is_a_status_divergence_with_both_claims() -> None:
    digest = merge([
        _briefing("001_a", decisions=[_d("Trump", "paused weapons deliveries to Ukraine", "Trump stoppte die Lieferungen.", "taken")], source="Site A"),
        _briefing("002_b", decisions=[_d("Donald Trump", "paused the weapons deliveries to Ukraine", "Trump erwägt einen Stopp der Lieferungen.", "considered")]),
    ])
    assert len(digest.decisions) == 1
    [x] = digest.divergences
    assert (x.id, x.item, x.aspect, x.found_by) == ("X1", "D1", "status", "rules")
    assert [(c.article_id, c.says) for c in x.claims] == [("001_a", "taken"), ("002_b", "considered")]
    assert x.claims[0].source == "Site A" and x.claims[1].quote == "Trump erwägt einen Stopp der Lieferungen."
    md = render(digest)
    assert "## Divergences" in md and "erwägt einen Stopp" in md and "stoppte die Lieferungen" in md


def test_agreeing_outcomes_are_not_a_divergence() -> None:
    digest = merge([
        _briefing("001_a", decisions=[_d("Trump", "paused weapons deliveries to Ukraine", "Trump stoppte die Lieferungen.", "taken")]),
        _briefing("002_b", decisions=[_d("Trump", "paused weapons deliveries to Ukraine", "Trump kündigte den Stopp an.", "announced")]),
    ])
    assert digest.divergences == []
    assert "## Divergences" not in render(digest)


def test_different_dates_of_one_event_diverge_resolved_against_publication() -> None:
    digest = merge([
        _briefing("001_a", decisions=[_d("Trump", CALL, "Trump telefonierte am Donnerstag mit Putin.")],
                  published=dt.date(2025, 10, 17)),  # a Friday: Thursday = 2025-10-16
        _briefing("002_b", decisions=[_d("Trump", CALL, "Trump telefonierte am 14. Oktober 2025 mit Putin.")]),
    ])
    [x] = digest.divergences
    assert x.aspect == "date"
    assert [c.says for c in x.claims] == ["2025-10-16 (Donnerstag)", "2025-10-14 (14. Oktober 2025)"]


def test_a_month_and_a_day_inside_it_do_not_diverge() -> None:
    digest = merge([
        _briefing("001_a", decisions=[_d("Trump", CALL, "Im Oktober 2025 telefonierte Trump mit Putin.")]),
        _briefing("002_b", decisions=[_d("Trump", CALL, "Trump telefonierte am 14. Oktober 2025 mit Putin.")]),
    ])
    assert [x.aspect for x in digest.divergences] == []


def test_different_numbers_of_the_same_thing_diverge() -> None:
    w1 = Weapon(name="Patriot", name_as_written="Patriot-Systeme", category="air defence", status="requested",
                evidence=_ev("Kiew bat um 25 Patriot-Systeme."))
    w2 = Weapon(name="Patriot", name_as_written="Patriot", category="air defence", status="requested",
                evidence=_ev("Kyiv asked for 20 Patriot systems."))
    digest = merge([_briefing("001_a", weapons=[w1]), _briefing("002_b", weapons=[w2])])
    [x] = digest.divergences
    assert (x.item, x.aspect) == ("W1", "number")
    assert [c.says for c in x.claims] == ["25 Patriot-Systeme", "20 Patriot"]
    # a count of the weapon in another situation is no other count of the same thing
    paused = Weapon(name="Patriot", name_as_written="Patriot", category="air defence", status="paused",
                    evidence=_ev("Betroffen waren rund 30 Patriot-Raketen."))
    assert merge([_briefing("001_a", weapons=[w1]), _briefing("003_c", weapons=[paused])]).divergences == []


def test_numbers_skip_years_and_dates_and_need_the_same_unit() -> None:
    assert counted("Am 17. Oktober 2025 lieferten die USA drei Panzer") == {"panzer": (3.0, "drei Panzer")}
    assert counted("1.500 Soldaten und 2 Schiffe") == {"soldat": (1500.0, "1.500 Soldaten"), "schiff": (2.0, "2 Schiffe")}
    w1 = Weapon(name="Patriot", name_as_written="Patriot", category="x", status="requested", evidence=_ev("Patriot: 3 Batterien"))
    w2 = Weapon(name="Patriot", name_as_written="Patriot", category="x", status="requested", evidence=_ev("Patriot: 300 Raketen"))
    assert merge([_briefing("1", weapons=[w1]), _briefing("2", weapons=[w2])]).divergences == []


def test_delivered_against_paused_diverges_but_talk_does_not() -> None:
    def w(status: str, quote: str) -> Weapon:
        return Weapon(name="Patriot", name_as_written="Patriot", category="x", status=status, evidence=_ev(quote))  # type: ignore[arg-type]
    split = merge([_briefing("1", weapons=[w("delivered", "Patriot geliefert")]), _briefing("2", weapons=[w("paused", "Patriot gestoppt")])])
    assert [x.aspect for x in split.divergences] == ["status"]
    talk = merge([_briefing("1", weapons=[w("delivered", "Patriot geliefert")]), _briefing("2", weapons=[w("requested", "Patriot erbeten")])])
    assert talk.divergences == []
    # one side fires what it has while a supplier holds back more: no contradiction (nor between two sides' "missiles")
    fired = merge([_briefing("1", weapons=[w("used", "Patriot abgefeuert")]), _briefing("2", weapons=[w("paused", "Patriot gestoppt")])])
    assert fired.divergences == []


def test_a_call_called_disappointing_and_constructive_is_a_characterisation_divergence() -> None:
    digest = merge([
        _briefing("001_a", decisions=[_d("Trump", CALL, "Trump nannte das Gespräch enttäuschend.")]),
        _briefing("002_b", decisions=[_d("Trump", CALL, "Trump said the call was open and constructive.")]),
        _briefing("003_c", decisions=[_d("Trump", CALL, "Trump telefonierte mit Putin.")]),
    ])
    [x] = digest.divergences
    assert x.aspect == "characterisation"
    assert [(c.article_id, c.says) for c in x.claims] == [("001_a", "enttäuschend"), ("002_b", "constructive")]
    assert digest.decisions[0].count == 3  # the divergence is shown, the event stays one item


def test_tone_words_allow_inflection_but_not_other_words() -> None:
    positive, negative = load_tone()
    assert tone_words("ein konstruktives Gespräch", positive) == ["konstruktives"]
    assert tone_words("ein Gutachten", positive) == []
    assert tone_words("zutiefst enttäuscht", negative) == ["enttäuscht"]
    assert tone_words("Das Telefonat überschattete den Besuch", negative) == ["überschattete"]
    assert tone_words("the call overshadowed the visit", negative) == ["overshadowed"]


def test_one_scan_finds_the_words_of_both_lists() -> None:
    tone = load_tone()
    assert leaning_words("ein konstruktives, aber enttäuschendes Gespräch; nicht gut", tone) == (
        ["konstruktives"], ["enttäuschendes"])  # "gut" after a negation counts for neither
    assert leaning_words("productive talks, a setback, no progress", tone) == (["productive"], ["setback"])
    assert leaning_words("kühl, kühle und kühlen Worte", tone) == ([], ["kühl", "kühle", "kühlen"])
    assert leaning_words("ein Gutachten", tone) == ([], [])
    assert leaning_words("good and bad", ((), ("bad",))) == ([], ["bad"])  # an empty list matches nothing
    assert leaning_words("good and bad", (("good",), ())) == (["good"], [])


def test_one_source_is_never_a_divergence() -> None:
    digest = merge([_briefing("1", decisions=[
        _d("Trump", CALL, "Gespräch enttäuschend", "taken"), _d("Trump", CALL, "Gespräch konstruktiv", "considered")])])
    assert digest.divergences == []


def test_model_hints_join_events_of_different_deciders_and_flag_divergences_by_id() -> None:
    briefings = [
        _briefing("001_a", decisions=[_d("Trump", "held a productive phone call with Putin", "Trump lobte das Telefonat.")]),
        _briefing("002_b", decisions=[_d("Yuri Ushakov", "said the Putin-Trump call was frank", "Uschakow nannte das Telefonat offen.")]),
    ]
    plain = merge(briefings)
    assert len(plain.decisions) == 2 and plain.divergences == []
    ids = [d.id for d in plain.decisions]
    joined = merge(briefings, hints=EventHints(groups=[ids]))
    assert len(joined.decisions) == 1 and joined.decisions[0].count == 2 and joined.decisions[0].id == "D1"
    assert joined.divergences == []
    flagged = merge(briefings, hints=EventHints(differ=[(ids, "characterisation")]))
    [x] = flagged.divergences
    assert (x.found_by, x.aspect, x.item) == ("model", "characterisation", "D1")
    assert {c.quote for c in x.claims} == {"Trump lobte das Telefonat.", "Uschakow nannte das Telefonat offen."}


def test_hints_with_unknown_ids_change_nothing() -> None:
    briefings = [_briefing("1", decisions=[_d("Trump", CALL, "q1")]), _briefing("2", decisions=[_d("Merz", "visited Kyiv", "q2")])]
    assert merge(briefings, hints=EventHints(groups=[["D1", "D99"]], differ=[(["D42"], "date")])) == merge(briefings)


def _q(text: str, quote: str = "Ob das gelingt, ist offen.") -> OpenQuestion:
    return OpenQuestion(question=text, evidence=_ev(quote))


def test_open_questions_that_ask_the_same_merge_short_ones_only_when_equal() -> None:
    digest = merge([
        _briefing("001_a", questions=[_q("Will the US deliver Tomahawks to Ukraine?"), _q("What next?")]),
        _briefing("002_b", questions=[_q("Will the US deliver Tomahawk missiles to Ukraine?"), _q("Who pays?")]),
        _briefing("003_c", questions=[_q("Will Germany deliver Taurus missiles to Ukraine?"), _q("what next")]),
    ])
    by_text = {q.question: q.articles for q in digest.open_questions}
    assert by_text["Will the US deliver Tomahawks to Ukraine?"] == ["001_a", "002_b"]
    assert by_text["Will Germany deliver Taurus missiles to Ukraine?"] == ["003_c"]
    assert by_text["What next?"] == ["001_a", "003_c"]
    assert by_text["Who pays?"] == ["002_b"]


# ----------------------------------------------------------------------------- one event, worded differently


def _p(participants: list[str], what: str, quote: str) -> Decision:
    return Decision(who=participants[0], participants=participants, what=what, status="taken",
                    evidence=_ev(quote))


def test_the_same_call_worded_differently_by_two_sources_is_one_development() -> None:
    a = _briefing("a", decisions=[_p(["Donald Trump", "Vladimir Putin"], "held a disappointing phone call with Putin",
                                     "Trump hatte ein enttäuschendes Telefonat mit Putin geführt.")],
                  published=dt.date(2025, 7, 4))
    b = _briefing("b", decisions=[_p(["Vladimir Putin", "Donald Trump"], "spoke with Trump about the war",
                                     "Putin telefonierte mit Trump, das Gespräch sei konstruktiv gewesen.")],
                  published=dt.date(2025, 7, 4))
    d = merge([a, b])
    assert len(d.decisions) == 1 and d.decisions[0].articles == ["a", "b"] and d.decisions[0].count == 2
    assert [x.aspect for x in d.divergences] == ["characterisation"]  # "enttäuschend" against "konstruktiv"


def test_different_kinds_or_other_people_or_distant_days_stay_apart() -> None:
    call = _p(["Donald Trump", "Vladimir Putin"], "held a phone call with Putin", "Trump telefonierte mit Putin.")
    meeting = _p(["Donald Trump", "Vladimir Putin"], "agreed to meet in Budapest", "Trump und Putin wollen sich treffen.")
    other_call = _p(["Friedrich Merz", "Emmanuel Macron"], "held a phone call", "Merz telefonierte mit Macron.")
    assert len(merge([_briefing("a", decisions=[call]), _briefing("b", decisions=[meeting])]).decisions) == 2
    # without dates, two sources' words must be nearly the same (or the same two people) to be one event
    vague = _p(["Donald Trump"], "had a private conversation with Putin", "Trump sprach mit Putin.")
    longer = _p(["Donald Trump"], "followed a longer phone conversation with Putin", "Trump telefonierte lange.")
    assert len(merge([_briefing("a", decisions=[vague]), _briefing("b", decisions=[longer])]).decisions) == 2
    assert len(merge([_briefing("a", decisions=[call]), _briefing("b", decisions=[other_call])]).decisions) == 2
    july = _briefing("a", decisions=[call], published=dt.date(2025, 7, 4))
    october = _briefing("b", decisions=[call.model_copy()], published=dt.date(2025, 10, 17))
    assert len(merge([july, october]).decisions) == 2  # the same words, months apart: two calls
    same_week = _briefing("b", decisions=[call.model_copy()], published=dt.date(2025, 7, 5))
    assert len(merge([july, same_week]).decisions) == 1


def _with_weapon(briefing: Briefing, name: str) -> Briefing:
    weapon = Weapon(name=name, name_as_written=name, category="cruise missile", status="requested",
                    evidence=_ev(f"{name} im Gespräch."))
    return briefing.model_copy(update={"weapons": [weapon]})


TRUMP_PUTIN_CALL = (["Donald Trump", "Vladimir Putin"], "spoke with Putin by phone", "Trump und Putin telefonierten.")


def test_an_undated_report_joins_the_one_dated_event_its_article_is_linked_to() -> None:
    undated = _briefing("u", decisions=[_p(*TRUMP_PUTIN_CALL)])
    dated = _briefing("d", decisions=[_p(["Donald Trump", "Vladimir Putin"], "held a long call",
                                         "Das Telefonat zwischen Trump und Putin dauerte lange.")],
                      published=dt.date(2025, 10, 17))
    # no sign of one event: kind and people alone do not join an undated report to a dated one
    assert len(merge([undated, dated]).decisions) == 2
    # both articles name a Tomahawk, which no other article of the run names: one call, two sources
    d = merge([_with_weapon(undated, "Tomahawk"), _with_weapon(dated, "Tomahawk")])
    assert len(d.decisions) == 1 and d.decisions[0].count == 2


def test_an_undated_report_that_fits_calls_of_two_different_days_joins_neither() -> None:
    undated = _with_weapon(_briefing("u", decisions=[_p(*TRUMP_PUTIN_CALL)]), "Tomahawk")
    july = _with_weapon(_briefing("j", decisions=[_p(*TRUMP_PUTIN_CALL)], published=dt.date(2025, 7, 4)), "Tomahawk")
    october = _with_weapon(_briefing("o", decisions=[_p(*TRUMP_PUTIN_CALL)], published=dt.date(2025, 10, 17)), "Tomahawk")
    d = merge([undated, july, october])
    assert [x.count for x in d.decisions] == [1, 1, 1]
    # its article names August as past: the July call cannot be the one it reports, the October call can
    august = _p(["Donald Trump", "Vladimir Putin"], "met in Alaska", "Bereits im August trafen sich Trump und Putin.")
    later = _with_weapon(_briefing("u", decisions=[_p(*TRUMP_PUTIN_CALL), august]), "Tomahawk")
    d = merge([later, july, october])
    joined = [x for x in d.decisions if x.count == 2]
    assert len(joined) == 1 and sorted(joined[0].articles) == ["o", "u"]


def test_an_undated_report_that_fits_calls_of_two_different_days_joins_the_one_of_its_story() -> None:
    # July's and October's calls both fit an undated Thursday call; only October's article shares its story
    # (a Tomahawk, which July's does not name): it joins October's call
    undated = _with_weapon(_briefing("u", decisions=[_p(*TRUMP_PUTIN_CALL)]), "Tomahawk")
    july = _with_weapon(_briefing("j", decisions=[_p(*TRUMP_PUTIN_CALL)], published=dt.date(2025, 7, 4)), "Patriot")
    october = _with_weapon(_briefing("o", decisions=[_p(*TRUMP_PUTIN_CALL)], published=dt.date(2025, 10, 17)), "Tomahawk")
    d = merge([undated, july, october])
    assert sorted((x.count, sorted(x.articles)) for x in d.decisions) == [(1, ["j"]), (2, ["o", "u"])]


def test_calls_with_another_person_on_the_other_side_are_two_events() -> None:
    """A call of Trump with Putin on Thursday and one of Zelensky with Trump on Friday share one person and
    the model's words ("held a phone call with ..."): two events, not one. A third source whose report of
    Thursday's call lists all three people joins that call, and does not open it to Friday's."""
    putin = _briefing("a", decisions=[_p(["Donald Trump", "Vladimir Putin"], "held a phone call with Vladimir Putin",
                                         "Am 3. Juli 2025 telefonierte Trump mit Putin.")])
    zelensky = _briefing("b", decisions=[_p(["Volodymyr Zelensky", "Donald Trump"], "held a phone call with Donald Trump",
                                            "Am 4. Juli 2025 telefonierte Selenskyj mit Trump.")])
    assert sorted(x.count for x in merge([putin, zelensky]).decisions) == [1, 1]
    all_three = _briefing("c", decisions=[_p(["Donald Trump", "Vladimir Putin", "Volodymyr Zelensky"],
                                             "held a phone call with Putin before calling Zelensky",
                                             "Am 3. Juli 2025 telefonierte Trump mit Putin, einen Tag vor Selenskyj.")])
    d = merge([putin, all_three, zelensky])
    assert sorted((x.count, sorted(x.articles)) for x in d.decisions) == [(1, ["b"]), (2, ["a", "c"])]
    # one side named alone ("Trump held a phone call") is no other side: it joins by its words, as before
    alone = _briefing("e", decisions=[_p(["Donald Trump"], "held a phone call with Vladimir Putin",
                                         "Am 3. Juli 2025 telefonierte Trump.")])
    assert [x.count for x in merge([putin, alone]).decisions] == [2]


def test_a_weekday_joins_two_undated_reports_and_keeps_a_dated_one_of_another_weekday_apart() -> None:
    thursday = _briefing("a", decisions=[_p(["Donald Trump", "Vladimir Putin"], "spoke with Putin",
                                            "Am Donnerstag telefonierten Trump und Putin.")])
    thursday_evening = _briefing("b", decisions=[_p(["Vladimir Putin", "Donald Trump"], "held a long call with Trump",
                                                    "Trump hatte am Donnerstagabend mit Putin telefoniert.")])
    thursday, thursday_evening = _with_weapon(thursday, "Tomahawk"), _with_weapon(thursday_evening, "Tomahawk")
    d = merge([thursday, thursday_evening])  # articles of one story (the weapon both name)
    assert len(d.decisions) == 1 and d.decisions[0].count == 2
    monday = _briefing("c", decisions=[_p(["Donald Trump", "Vladimir Putin"], "called Putin",
                                          "Am Montag telefonierte Trump mit Putin.")])
    assert len(merge([thursday, monday]).decisions) == 2
    # a dated call on a Friday (stated) is not the undated Thursday call, even with both articles linked
    friday = _briefing("f", decisions=[_p(["Donald Trump", "Vladimir Putin"], "called Putin",
                                          "Am 17. Oktober 2025 telefonierte Trump mit Putin.")])
    assert len(merge([_with_weapon(thursday, "Tomahawk"), _with_weapon(friday, "Tomahawk")]).decisions) == 2


def test_a_weekday_alone_does_not_join_undated_reports_of_articles_of_different_stories() -> None:
    # the digest's articles link "a" and "b" (a rare weapon both name), not "a" and "c": two Thursdays of
    # unlinked articles may be two calls months apart
    call = (["Donald Trump", "Vladimir Putin"], "spoke with Putin", "Am Donnerstag telefonierten Trump und Putin.")
    other = (["Vladimir Putin", "Donald Trump"], "held a call with Trump", "Trump hatte am Donnerstag mit Putin telefoniert.")
    a = _with_weapon(_briefing("a", decisions=[_p(*call)]), "Tomahawk")
    b = _with_weapon(_briefing("b", decisions=[_p(*other)]), "Tomahawk")
    c = _with_weapon(_briefing("c", decisions=[_p(*other)]), "Patriot")
    fillers = [_with_weapon(_briefing(f"f{i}"), "Taurus") for i in range(5)]
    assert sorted(x.count for x in merge([a, b, *fillers]).decisions) == [2]
    assert sorted(x.count for x in merge([a, c, *fillers]).decisions) == [1, 1]


def test_one_partys_act_told_alike_by_two_undated_sources_is_one_development() -> None:
    """A pause has one side: two undated sources' "United States: halted ... shipments of weapons" are one
    development (words alike), and a paused status of a pause is no other outcome than "taken"; an act of
    the same kind in other words is not joined without a story link, and neither is a call with one side
    in common."""
    def act(article: str, what: str, status: str = "taken", who: str = "United States") -> Briefing:
        return _briefing(article, decisions=[_d(who, what, f"{who} {what}.", status)])

    halted = act("a", "halted some shipments of weapons to Ukraine")
    also = act("b", "halted shipments of weapons to Ukraine amid concerns about its own stockpiles", "paused")
    d = merge([halted, also])
    assert [x.count for x in d.decisions] == [2] and d.divergences == []
    other = act("c", "paused the sale of fighter jets to Taiwan")
    assert sorted(x.count for x in merge([halted, other]).decisions) == [1, 1]
    # alike enough with a story link: both name a weapon no other article of the run names
    fillers = [_with_weapon(_briefing(f"f{i}"), "Taurus") for i in range(5)]
    stopped = act("e", "stopped the shipments of weapons to Kyiv")
    assert sorted(x.count for x in merge([halted, stopped, *fillers]).decisions) == [1, 1]
    assert sorted(x.count for x in merge([_with_weapon(halted, "Patriot"), _with_weapon(stopped, "Patriot"),
                                          *fillers]).decisions) == [2]
    call = _briefing("x", decisions=[_p(["United States", "Russia"], "held a phone call with Russia", "Die USA telefonierten.")])
    call2 = _briefing("y", decisions=[_p(["United States", "China"], "held a phone call with China", "Die USA telefonierten.")])
    assert sorted(x.count for x in merge([call, call2]).decisions) == [1, 1]


def test_one_deciders_warnings_about_weapons_told_in_other_words_days_apart_are_one_development() -> None:
    """Putin's warning told by two dated sources, one day apart, in words that share little ("warned about US
    weapons deliveries", "warned that the stationing of the cruise missiles would be a provocation"), is one
    development; a warning of his about something else, or one by someone else, is not joined to it."""
    def warns(article: str, what: str, day: int, who: str = "Vladimir Putin") -> Briefing:
        return _briefing(article, decisions=[_d(who, what, f"{who} {what}.")], published=dt.date(2025, 10, day))

    first = warns("a", "warned about US weapons deliveries", 16)
    second = warns("b", "warned that the stationing of the cruise missiles would be considered a serious provocation", 17)
    assert [x.count for x in merge([first, second]).decisions] == [2]
    talks = warns("c", "warned that the talks could fail without concessions", 17)
    assert sorted(x.count for x in merge([first, talks]).decisions) == [1, 1]
    other = warns("d", "warned that the stationing of the cruise missiles would be a provocation", 17, "Dmitry Peskov")
    assert sorted(x.count for x in merge([first, other]).decisions) == [1, 1]
    later = warns("e", "warned that the stationing of the cruise missiles would be a provocation", 28)
    assert sorted(x.count for x in merge([first, later]).decisions) == [1, 1]


def test_story_links_count_only_entities_few_articles_name() -> None:
    from summarize.digest.links import StoryLinks

    links = StoryLinks([{"a", "b"}, {"a", "b", "c", "d", "e", "f", "g", "h", "i"}], n_articles=12)  # limit 3
    assert links.linked("a", "b") and links.linked("b", "a")
    assert not links.linked("a", "c")  # only the entity that 9 of 12 articles name is shared: no link
    assert not links.linked("a", "a") and not links.linked("x", "a")


def test_a_talk_joins_a_meeting_of_the_same_people_but_a_call_does_not() -> None:
    day = dt.date(2025, 10, 17)
    pair = ["Volodymyr Zelensky", "US defence industry"]
    met = _briefing("a", decisions=[_p(pair, "met the US defence industry", "Selenskyj traf die Rüstungsindustrie.")],
                    published=day)
    talked = _briefing("b", decisions=[_p(pair, "talked with the US defence industry in Washington",
                                          "Selenskyj sprach mit der Rüstungsindustrie.")], published=day)
    called = _briefing("c", decisions=[_p(pair, "phoned them to ask for faster air defence", "Selenskyj rief die Industrie an.")],
                       published=day)
    assert [d.count for d in merge([met, talked]).decisions] == [2]
    assert [d.count for d in merge([met, called]).decisions] == [1, 1]
    # a talk joined by a call is a call: the meeting stays apart
    assert sorted(d.count for d in merge([talked, called, met]).decisions) == [1, 2]


def test_an_undated_sources_weekday_is_dated_by_a_dated_source_of_the_same_development() -> None:
    pair = ["Volodymyr Zelensky", "US defence industry"]
    dated = _briefing("d", decisions=[_p(pair, "met the US defence industry", "Selenskyj traf die Rüstungsindustrie.")],
                      published=dt.date(2025, 10, 17))  # a Friday
    undated = _with_weapon(_briefing("u", decisions=[_p(pair, "met the US defence industry in Washington",
                                                        "Am Donnerstag traf Selenskyj die Rüstungsindustrie.")]),
                           "Tomahawk")
    d = merge([_with_weapon(dated, "Tomahawk"), undated])
    assert [x.count for x in d.decisions] == [2]
    # the dated source reports it without a day: it is a source of the timeline's event, with its sentence
    [event] = d.timeline
    assert (event.date, event.articles, event.stated) == ("2025-10-16", ["d", "u"], ["Donnerstag"])
    assert [s.quote for s in event.support] == ["Am Donnerstag traf Selenskyj die Rüstungsindustrie.",
                                                "Selenskyj traf die Rüstungsindustrie."]
    # alone, the undated source's Thursday is no date
    assert merge([undated]).timeline == []
    # "heute" needs the source's own day, which another source's day does not give
    today = _with_weapon(_briefing("u", decisions=[_p(pair, "met the US defence industry in Washington",
                                                      "Heute, am Donnerstag, traf Selenskyj die Rüstungsindustrie.")]),
                         "Tomahawk")
    assert merge([_with_weapon(dated, "Tomahawk"), today]).timeline == []


def test_a_source_without_a_publication_date_dates_anothers_weekday_by_the_full_date_its_quotes_state() -> None:
    """HAND-MADE: neither page prints its date; one states "Am 4. Juli 2025" (a Friday) in another report. The
    other's "am Freitag" of the same call is read against that day, as the join was; alone it dates nothing,
    and a "heute" still needs the source's own day."""
    pair = ["Donald Trump", "Volodymyr Zelensky"]
    stating = _briefing("s", decisions=[
        _p(pair, "held a phone call with Volodymyr Zelensky about air defence", "Trump telefonierte mit Selenskyj."),
        _d("Donald Trump", "announced a halt of missile aid", "Am 4. Juli 2025 kündigte Trump einen Stopp an.")])
    friday = _briefing("f", decisions=[_p(pair, "held a phone call with Volodymyr Zelensky about air defence",
                                          "Am Freitag telefonierte Trump mit Selenskyj.")])
    d = merge([_with_weapon(stating, "Patriot"), _with_weapon(friday, "Patriot")])
    assert [x.count for x in d.decisions if "Selenskyj" in x.support[0].quote] == [2]
    call = [e for e in d.timeline if e.what.startswith("held a phone call")]
    assert [(e.date, e.stated, e.articles) for e in call] == [("2025-07-04", ["Freitag"], ["f", "s"])]
    assert [e.date for e in merge([friday]).timeline] == []


def test_a_day_stated_in_a_later_sentence_of_the_same_report_dates_it() -> None:
    pair = ["Donald Trump", "Vladimir Putin"]
    call = _p(pair, "called Putin on the phone", "Ein Anruf zwischen Trump und Putin überrascht Kyjiw.")
    call.evidence += _ev("Die Nachricht über ein Telefongespräch zwischen Trump und Putin am Donnerstag.", start=100)
    d = merge([_briefing("a", decisions=[call], published=dt.date(2025, 10, 17))])
    [event] = d.timeline
    assert (event.date, event.what) == ("2025-10-16", "called Putin on the phone")
    assert [s.quote for s in event.support] == [call.evidence[1].quote]  # the sentence that states it


def test_a_meeting_of_an_earlier_month_is_not_an_undated_report_of_this_months() -> None:
    pair = ["Volodymyr Zelensky", "Donald Trump"]
    february = _briefing("o", decisions=[_p(pair, "met Donald Trump in the Oval Office",
                                            "Das Treffen im Oval Office im Februar verlief schlecht.")],
                         published=dt.date(2025, 10, 17))
    friday = _briefing("f", decisions=[_p(pair, "met with Trump", "Selenskyj trifft Trump."),
                                       _p(["Donald Trump", "Vladimir Putin"], "met Putin in Alaska",
                                          "Bereits im August hatten sich Trump und Putin getroffen.")])
    # the undated article was written after August began: February's meeting is not its Friday's
    assert [x.count for x in merge([_with_weapon(february, "Tomahawk"), _with_weapon(friday, "Tomahawk")]).decisions] == [1, 1, 1]
    # without the month, the February meeting was dated by its article's day, and the undated report joined it
    undated_month = _briefing("o", decisions=[_p(pair, "met Donald Trump in the Oval Office",
                                                 "Das Treffen im Oval Office verlief schlecht.")], published=dt.date(2025, 10, 17))
    assert [x.count for x in merge([_with_weapon(undated_month, "Tomahawk"), _with_weapon(friday, "Tomahawk")]).decisions][0] == 2


def test_an_undated_article_speaks_from_the_day_of_the_event_one_of_its_reports_joined() -> None:
    trump_putin, trump_zelensky = ["Donald Trump", "Vladimir Putin"], ["Donald Trump", "Volodymyr Zelensky"]
    july = _briefing("j", decisions=[_p(trump_zelensky, "held a phone call with Volodymyr Zelensky", "Trump telefonierte mit Selenskyj."),
                                     _p(trump_putin, "held a phone call with Vladimir Putin", "Einen Tag später telefonierte er mit Putin.")],
                     published=dt.date(2025, 7, 4))  # a Friday
    october = _briefing("o", decisions=[_p(trump_putin, "called Putin", "Trump telefonierte am Donnerstag mit Putin.")],
                        published=dt.date(2025, 10, 17))
    undated = _briefing("u", decisions=[
        _p(trump_zelensky, "held a phone call with Volodymyr Zelensky about air defence", "Am Freitag telefonierte Trump mit Selenskyj."),
        _p(trump_putin, "had a disappointing conversation with Putin", "Einen Tag zuvor hatte Trump mit Putin gesprochen.")])
    rows = [(d.what, d.articles) for d in merge([july, october, undated]).decisions]
    # Friday's call with Zelensky joins July's (the weekday is that article's day); so the undated article speaks
    # of early July, and its call with Putin is July's, not October's
    assert ("held a phone call with Volodymyr Zelensky", ["j", "u"]) in rows
    assert ("held a phone call with Vladimir Putin", ["j", "u"]) in rows
    assert ("called Putin", ["o"]) in rows


def test_the_codes_words_for_a_meeting_alike_in_two_sources_are_no_sign_of_one_meeting() -> None:
    pair = ["Donald Trump", "Vladimir Putin"]
    august = _briefing("a", decisions=[_p(pair, "met Vladimir Putin", "Nach dem Gipfel in Alaska im August hoffte Kiew.")],
                       published=dt.date(2025, 10, 17))
    undated = _briefing("u", decisions=[_p(pair, "met Vladimir Putin", "Trump nannte Budapest als Ort für das Treffen mit Putin.")])
    assert [x.count for x in merge([august, undated]).decisions] == [1, 1]
    # a model's own words alike still are a sign
    a = _briefing("a", decisions=[_p(pair, "met Putin in Alaska without a result", "Im August trafen sie sich in Alaska.")],
                  published=dt.date(2025, 10, 17))
    u = _briefing("u", decisions=[_p(pair, "met Putin in Alaska without a result", "Sie trafen sich in Alaska.")])
    assert [x.count for x in merge([a, u]).decisions] == [2]


def test_one_call_of_different_lengths_diverges_across_languages_and_forms() -> None:
    def report(article_id: str, quote: str) -> Briefing:
        return _briefing(article_id, decisions=[_p(["Donald Trump", "Vladimir Putin"], "held a phone call with Putin", quote)],
                         published=dt.date(2025, 10, 17))

    longer = report("a", "Dem ging ein mehr als zweistündiges Telefongespräch zwischen Trump und Putin voraus.")
    two = report("b", "Trump hailed great progress following his two-hour phone call with Putin on Thursday.")
    d = merge([longer, two])
    [x] = d.divergences
    assert x.aspect == "number"
    assert {c.article_id: c.says for c in x.claims} == {"a": "mehr als zweistündiges", "b": "two-hour"}
    # the same length in other words is no divergence; a time that places something is no length
    same = report("c", "Trump und Putin telefonierten am Donnerstag zwei Stunden lang.")
    later = report("d", "Zwei Stunden später telefonierte Trump mit Putin, 40 Minuten danach sprach er mit Orban.")
    assert merge([two, same]).divergences == []
    assert merge([two, later]).divergences == []


def test_an_undated_article_stating_a_day_and_month_speaks_from_that_day_in_the_year_of_the_runs_dated_ones() -> None:
    """HAND-MADE: no page prints a year for the undated one, but it states "(Oct 17)": its Thursday call is of
    October, not the call of Thursday 3 July a dated source states, and the timeline dates it in the year of
    the run's dated article. Without a dated article in the run the year, and so the day, stays unknown."""
    pair = ["Donald Trump", "Vladimir Putin"]
    july = _briefing("j", decisions=[_p(pair, "held a phone call with Putin", "Trump held a call with Putin on July 3.")],
                     published=dt.date(2025, 7, 4))
    october = _briefing("o", decisions=[
        _p(pair, "held a phone call with Putin", "Trump and Putin spoke by phone on Thursday."),
        _p(["Volodymyr Zelensky", "Donald Trump"], "met Trump at the White House",
           "Zelensky met Trump at the White House on Friday (Oct 17).")])
    july, october = _with_weapon(july, "Patriot"), _with_weapon(october, "Patriot")  # linked: one weapon named
    d = merge([july, october])
    calls = [x for x in d.decisions if "Putin" in x.what]
    assert sorted(x.articles for x in calls) == [["j"], ["o"]]
    assert sorted((e.date, e.articles) for e in d.timeline if "Putin" in e.what) == [
        ("2025-07-03", ["j"]), ("2025-10-16", ["o"])]
    assert [e.date for e in merge([october]).timeline] == []


def test_a_development_is_titled_by_the_description_most_of_its_sources_give() -> None:
    """HAND-MADE: three dated reports of one call; the first article's model read more into its sentence. The
    title is what two sources say; with every description different, the first report's stays."""
    pair, day = ["Donald Trump", "Vladimir Putin"], dt.date(2025, 10, 17)
    odd = _briefing("a", decisions=[_p(pair, "held a phone call with Putin and was worried about a capitulation",
                                       "Nach dem Telefonat mit Putin am Donnerstag wuchs in Europa die Sorge.")], published=day)
    plain = [_briefing(a, decisions=[_p(pair, "held a phone call with Putin", f"Trump telefonierte am Donnerstag mit Putin ({a}).")],
                       published=day) for a in ("b", "c")]
    [call] = merge([odd, *plain]).decisions
    assert (call.who, call.what, call.count) == ("Donald Trump", "held a phone call with Putin", 3)
    assert [(e.date, e.what) for e in merge([odd, *plain]).timeline] == [("2025-10-16", "held a phone call with Putin")]
    other = _briefing("b", decisions=[_p(pair, "spoke with Putin by phone for two hours", "Trump telefonierte.")],
                      published=day)
    [call] = merge([odd, other]).decisions
    assert call.what == "held a phone call with Putin and was worried about a capitulation"


def test_one_articles_two_reports_of_one_call_are_one_report_of_the_development() -> None:
    """HAND-MADE: the model words one page's call twice in two sentences (its length in one, its outcome in
    the other); another page reports it once. One development holds all three quotes, and the length the
    first page states is compared with the other's. A call in February beside Thursday's, one of another
    weekday or "their previous call" stays apart."""
    pair, day = ["Donald Trump", "Vladimir Putin"], dt.date(2025, 10, 17)
    twice = _briefing("a", decisions=[
        _p(pair, "had a productive telephone conversation with Putin", "Dem ging ein zweistündiges Telefonat voraus."),
        _p(pair, "held a phone call with Vladimir Putin and agreed to meet", "Nach dem Telefonat mit Putin am Donnerstag einigten sie sich.")],
        published=day)
    later = twice.decisions[1].evidence[0]
    twice.decisions[1].evidence[0] = later.model_copy(update={"start": 100, "end": 100 + len(later.quote)})  # the next sentence
    once = _briefing("b", decisions=[_p(pair, "held a phone call with Vladimir Putin",
                                        "Trump und Putin telefonierten am Donnerstag zweieinhalb Stunden lang.")], published=day)
    d = merge([twice, once])
    [call] = d.decisions
    assert call.articles == ["a", "b"] and len(call.support) == 3
    [x] = [x for x in d.divergences if x.aspect == "number"]
    assert sorted(c.article_id for c in x.claims) == ["a", "b"]
    reports = [_p(pair, "held a phone call with Putin about Ukraine", "Trump telefonierte am Donnerstag mit Putin."),
               _p(pair, "phoned Putin in winter", "Schon im Februar hatten Trump und Putin telefoniert."),
               _p(pair, "spoke with Putin by phone again", "Am Montag sprach Trump erneut mit Putin am Telefon."),
               _p(pair, "had a call with Putin an hour long", "In their previous call they spoke for an hour.")]
    for n, report in enumerate(reports):
        report.evidence[0] = report.evidence[0].model_copy(update={"start": 100 * n, "end": 100 * n + 40})
    apart = merge([_briefing("a", decisions=reports, published=day)]).decisions
    assert sorted(len(x.support) for x in apart) == [1, 1, 1, 1]


def test_an_act_told_as_done_in_a_dated_call_takes_the_calls_day_on_the_timeline() -> None:
    """HAND-MADE: "im Telefonat mit Trump" dates the warning by the call the same page dates ("am Donnerstag"
    against its publication day). A warning of someone who was not in that call, or one that names no call,
    stays off the timeline; no day is made up."""
    day = dt.date(2025, 10, 17)
    call = _p(["Donald Trump", "Vladimir Putin"], "held a phone call with Putin",
              "Trump und Putin telefonierten am Donnerstag.")
    warning = _d("Vladimir Putin", "warned against Tomahawk deliveries",
                 "Putin warnte im Telefonat mit Trump vor einer Lieferung von Tomahawks.")
    other = _d("Olaf Scholz", "warned against escalation", "Scholz warnte im Telefonat mit Macron vor einer Eskalation.")
    plain = _d("Dmitri Peskow", "warned against deliveries", "Peskow warnte vor Lieferungen.")
    for n, item in enumerate([warning, other, plain], 1):
        item.evidence[0] = item.evidence[0].model_copy(update={"start": 100 * n, "end": 100 * n + 40})
    d = merge([_briefing("a", decisions=[call, warning, other, plain], published=day)])
    on = {(e.date, e.who, tuple(e.stated)) for e in d.timeline}
    assert ("2025-10-16", "Vladimir Putin", ("im Telefonat (2025-10-16)",)) in on
    assert {who for _, who, _ in on} == {"Donald Trump", "Vladimir Putin"}


def test_what_was_said_after_a_dated_call_to_have_been_discussed_in_it_takes_the_calls_day() -> None:
    """HAND-MADE: "erklärte nach dem Gespräch, dass ... diskutiert worden seien" tells what was discussed in
    the call the page dates; "sagt nach dem Telefonat, er ... und diskutiert Sanktionen" tells what he does
    now, after it, and stays off the timeline."""
    from summarize.digest.during import in_event

    day = dt.date(2025, 7, 5)
    call = _p(["Donald Trump", "Volodymyr Zelensky"], "held a phone call with Zelensky",
              "Trump und Selenskyj telefonierten am Freitag.")
    discussed = _d("Volodymyr Zelensky", "discussed joint production",
                   "Selenskyj erklärte nach dem Gespräch, dass eine gemeinsame Produktion diskutiert worden sei.")
    now = _d("Volodymyr Zelensky", "weighs sanctions",
             "Nach dem Gespräch sagt Selenskyj, er sei „zufrieden“ und diskutiert Sanktionen.")
    for n, item in enumerate([discussed, now], 1):
        item.evidence[0] = item.evidence[0].model_copy(update={"start": 100 * n, "end": 100 * n + 40})
    d = merge([_briefing("a", decisions=[call, discussed, now], published=day)])
    on = {(e.date, e.what, tuple(e.stated)) for e in d.timeline}
    assert ("2025-07-04", "discussed joint production", ("nach dem Gespräch (2025-07-04)",)) in on
    assert {what for _, what, _ in on} == {"held a phone call with Zelensky", "discussed joint production"}
    assert in_event("After the call, Zelensky said they had discussed air defence.") == ("After the call", "call")
    assert in_event("After the call, Trump discussed sanctions with reporters.") is None

def test_a_type_number_and_another_weapons_count_are_no_number_of_the_weapon() -> None:
    assert "hellfi" not in counted("AGM-114 Hellfire missiles and F-16 jets")
    assert counted("over 100 Hellfire missiles")["hellfi"] == (100.0, "100 Hellfire")

    def w(name: str, quote: str) -> Weapon:
        return Weapon(name=name, name_as_written=name, category="x", status="paused", evidence=_ev(quote))
    listed = ("Withheld: Patriot interceptors, over 100 Hellfire missiles.", "Suspended: Patriot interceptors, 120 Hellfire.")
    # each quote lists the Hellfire count: the Patriot's row has no number of its own
    assert merge([_briefing("1", weapons=[w("Patriot", listed[0])]), _briefing("2", weapons=[w("Patriot", listed[1])])]).divergences == []
    [x] = merge([_briefing("1", weapons=[w("Hellfire", listed[0])]), _briefing("2", weapons=[w("Hellfire", listed[1])])]).divergences
    assert x.aspect == "number" and [c.says for c in x.claims] == ["100 Hellfire", "120 Hellfire"]
    packages = ("PAC interceptors: 3 packages were held back.", "PAC interceptors: 5 packages were held back.")
    assert merge([_briefing("1", weapons=[w("PAC", packages[0])]), _briefing("2", weapons=[w("PAC", packages[1])])]).divergences == []


def test_a_statement_has_no_status_to_diverge_on_and_a_refusal_rejected_is_a_refusal_taken() -> None:
    def two(what: str, first: str, second: str) -> list:
        return merge([_briefing("1", decisions=[_d("Putin", what, "Putin sagte es am Montag.", first)]),
                      _briefing("2", decisions=[_d("Putin", what, "Putin said it on Monday.", second)])]).divergences
    assert [x.aspect for x in two("sent troops to the border", "taken", "considered")] == ["status"]
    # what someone said: a label of its content is no outcome two sources disagree on
    assert two("warned that Tomahawk deliveries would harm relations", "taken", "considered") == []
    assert two("has denied responsibility for the halt", "rejected", "taken") == []
    # a refusal or a halt labelled "rejected" was decided, as "taken" says; "considered" still differs
    assert two("declined to send Tomahawk missiles", "rejected", "taken") == []
    assert two("stopped sending weapons to Kyiv", "rejected", "taken") == []
    assert [x.aspect for x in two("declined to send Tomahawk missiles", "rejected", "considered")] == ["status"]


def test_a_negated_tone_word_counts_for_neither_side() -> None:
    positive, negative = load_tone()
    assert tone_words('Trump made "no progress" and was "not happy"', positive) == []
    assert tone_words("Das Gespräch sei nicht konstruktiv gewesen", positive) == []
    assert tone_words("a very productive call", positive) == ["productive"]
    # one list of negations for every rule (summarize.text.negation), each with its own reach and extra words
    assert tone_words("Das Telefonat war niemals konstruktiv", positive) == []
    assert tone_words("ein kaum konstruktives Gespräch", positive) == []
    # a contraction, two words between, a lack of it (HAND-MADE after held-out quotes)
    assert tone_words('Trump says he "didn\'t make any progress" on a ceasefire', positive) == []
    assert tone_words("frustration at the lack of progress toward a ceasefire", positive) == []
    assert tone_words("wegen fehlender Fortschritte", positive) == []
    assert tone_words("they made real progress, Trump said", positive) == ["progress"]
    digest = merge([
        _briefing("001_a", decisions=[_d("Trump", CALL, 'Trump made "no progress" in the call.')]),
        _briefing("002_b", decisions=[_d("Trump", CALL, "Trump called the conversation disappointing.")]),
    ])
    assert [x.aspect for x in digest.divergences] == []


def test_an_announced_decision_to_halt_rejected_is_the_halt_taken() -> None:
    def two(first: str, second: str) -> list:
        what = "announced his decision to delay Tomahawk deliveries"
        return merge([_briefing("1", decisions=[_d("Trump", what, "Trump verschob die Lieferung.", first)]),
                      _briefing("2", decisions=[_d("Trump", what, "Trump delayed the delivery.", second)])]).divergences
    assert two("rejected", "taken") == []
    assert [x.aspect for x in two("considered", "taken")] == ["status"]


def test_a_report_telling_what_was_said_in_an_event_has_no_say_on_its_outcome() -> None:
    day = dt.date(2025, 10, 17)

    def call(article: str, what: str, quote: str, status: str) -> Briefing:
        return _briefing(article, decisions=[Decision(who="Trump", participants=["Trump", "Putin"], what=what,
                                                      status=status, evidence=_ev(quote))], published=day)  # type: ignore[arg-type]
    held = "held a phone call with Vladimir Putin about the war"
    digest = merge([call("1", held, "Trump telefonierte am Donnerstag mit Putin über den Krieg.", "taken"),
                    call("2", held, "Trump called Putin on Thursday about the war.", "taken"),
                    call("3", "talked to Vladimir Putin about the war and delivering Tomahawks",
                         "Trump sprach am Donnerstag mit Putin über den Krieg und Tomahawks.", "considered")])
    [development] = digest.decisions  # the third report is of the same call
    assert development.statuses == ["taken", "considered"]
    assert [x.aspect for x in digest.divergences] == []  # its "considered" is of the Tomahawks, not of the call


def test_undated_reports_of_articles_that_speak_from_one_day_join_by_their_words_and_not_across_months() -> None:
    """HAND-MADE: two undated articles whose Friday calls joined the call of Friday 4 July speak from that day;
    their one-party reports ("Germany: in talks to buy Patriot systems"), in words less alike than a cluster's
    but in articles of one story (both name the Patriot, no other article does), are one development, as two
    undated reports are. The same words in an article whose Thursday call joined October's stay apart."""
    trump_zelensky = ["Donald Trump", "Volodymyr Zelensky"]
    call = "held a phone call with Volodymyr Zelensky"
    july = _briefing("j", decisions=[_p(trump_zelensky, call, "Trump telefonierte am 4. Juli mit Selenskyj.")],
                     published=dt.date(2025, 7, 5))
    october = _briefing("o", decisions=[_p(trump_zelensky, call, "Trump telefonierte mit Selenskyj.")],
                        published=dt.date(2025, 10, 16))  # a Thursday
    fillers = [_with_weapon(_briefing(f"f{i}"), "Taurus") for i in range(5)]

    def undated(article: str, weekday_call: str, what: str) -> Briefing:
        return _with_weapon(_briefing(article, decisions=[_p(trump_zelensky, call, weekday_call),
                                                          _d("Germany", what, f"Germany {what}.")]), "Patriot")

    a = undated("a", "Am Freitag telefonierte Trump mit Selenskyj.",
                "believed to be negotiating the purchase of Patriot systems to fill gaps")
    b = undated("b", "Am Freitag sprach Trump am Telefon mit Selenskyj.",
                "is in talks to purchase Patriot air defense systems for Ukraine")
    rows = [d.articles for d in merge([july, october, a, b, *fillers]).decisions if d.who == "Germany"]
    assert rows == [["a", "b"]]
    c = undated("c", "Am Donnerstag telefonierte Trump mit Selenskyj.",
                "is in talks to purchase Patriot air defense systems for Ukraine")
    rows = sorted(d.articles for d in merge([july, october, a, c, *fillers]).decisions if d.who == "Germany")
    assert rows == [["a"], ["c"]]
