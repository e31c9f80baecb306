"""One item per name and one decision per event (summarize/briefing/dedupe.py), on HAND-MADE strings: which
reports of one article are one call or meeting, which stay two, and which reading of a sentence is kept."""

from __future__ import annotations

from summarize.briefing.dedupe import one_per_event, same_interaction
from summarize.briefing.interactions import unreported as _unreported
from summarize.models import Actor
from summarize.text.event_kinds import event_kind

from ..support.briefing_helpers import _decision, _ev


TEXT = ("Beim Nato-Gipfel trafen sich Selenskyj und Trump. Es war das erste Treffen der beiden seit Monaten. "
        "Im April waren sie sich in Rom flüchtig begegnet. Die beiden vereinbarten ein weiteres Treffen.")  # HAND-MADE


def test_one_articles_reports_of_one_meeting_become_one_decision() -> None:
    both = ["Selenskyj", "Donald Trump"]
    summit = _decision(TEXT, "Beim Nato-Gipfel trafen sich Selenskyj und Trump.", "met with Trump at the NATO summit",
                       who="Selenskyj", participants=both)
    again = _decision(TEXT, "Es war das erste Treffen der beiden seit Monaten.", "met Trump for the first time in months",
                      who="Selenskyj", participants=both)
    april = _decision(TEXT, "Im April waren sie sich in Rom flüchtig begegnet.", "met Trump in April in Rome",
                      who="Selenskyj", participants=both)
    planned = _decision(TEXT, "Die beiden vereinbarten ein weiteres Treffen.", "agreed to meet again",
                        who="Selenskyj", participants=both, status="announced")
    assert same_interaction(summit, again)
    assert not same_interaction(summit, april)  # a date tells them apart
    assert not same_interaction(summit, planned)  # an agreement to meet is not the meeting
    out = one_per_event([summit, again, april, planned])
    assert len(out) == 3
    assert [e.quote for e in out[0].evidence] == [summit.evidence[0].quote, again.evidence[0].quote]


def test_one_participant_is_not_enough_to_join_two_meetings() -> None:
    alone = _decision(TEXT, "Beim Nato-Gipfel trafen sich Selenskyj und Trump.", "met at the NATO summit", who="Selenskyj")
    other = _decision(TEXT, "Es war das erste Treffen der beiden seit Monaten.", "met for the first time", who="Selenskyj")
    assert not same_interaction(alone, other)


def test_an_act_about_a_meeting_by_one_who_is_no_side_of_it_is_no_report_of_it() -> None:
    """HAND-MADE: "Orbán: ready to host the meeting between Trump and Putin" is his own act, not a report of
    Trump's planned meeting with Putin; a decider who tells himself a side ("held a phone call with ...") is
    joined as before, even where the other's report lists him not."""
    text = "Trump schlug vor, Putin in Budapest zu treffen. Orbán erklärte, Ungarn sei bereit, das Treffen auszurichten."
    pair = ["Donald Trump", "Vladimir Putin"]
    trump = _decision(text, "Trump schlug vor, Putin in Budapest zu treffen.", "plans to meet Vladimir Putin in Budapest",
                      participants=pair, status="announced")
    orban = _decision(text, "Orbán erklärte, Ungarn sei bereit, das Treffen auszurichten.",
                      "announced that his country is ready to host the meeting between Trump and Putin",
                      who="Viktor Orbán", participants=["Viktor Orbán", *pair], status="announced")
    assert event_kind(orban.what) == event_kind(trump.what) == "meeting"
    assert not same_interaction(trump, orban)
    call = "Trump telefonierte mit Putin, Selenskyj war auf dem Weg nach Washington."
    trumps = _decision(call, call, "held a phone call with Vladimir Putin", participants=pair)
    side = _decision(call, call, "held a phone call with Donald Trump and Vladimir Putin", who="Volodymyr Zelensky",
                     participants=["Volodymyr Zelensky", *pair])
    assert same_interaction(trumps, side)


def test_two_meetings_whose_descriptions_name_different_other_sides_are_two() -> None:
    # HAND-MADE: the model listed everyone of the article as taking part in each meeting
    text = "Trump traf Putin in Alaska. Am Freitag soll Trump Selenskyj im Weißen Haus treffen."
    everyone = ["Donald Trump", "Vladimir Putin", "Volodymyr Zelensky"]
    putin = _decision(text, "Trump traf Putin in Alaska.", "met with Putin", participants=everyone[:2])
    zelensky = _decision(text, "Am Freitag soll Trump Selenskyj im Weißen Haus treffen.", "met with Zelensky",
                         participants=everyone)
    assert not same_interaction(putin, zelensky)
    # one call told from both sides is one: Trump's "with Putin", Putin's "with Trump"
    call = "Trump telefonierte mit Putin."
    trumps = _decision(call, call, "held a phone call with Vladimir Putin", participants=everyone[:2])
    putins = _decision(call, call, "held a phone call with Donald Trump", who="Vladimir Putin",
                       participants=everyone[1::-1])
    assert same_interaction(trumps, putins)


def test_one_item_per_final_name_with_each_sentence_as_evidence() -> None:
    from summarize.briefing.dedupe import one_per_name
    from summarize.models import Weapon

    text = "Kiew will Patriots. Die Patriot-Systeme fehlen. Drohnen greifen an."  # HAND-MADE
    patriots = Weapon(name="Patriot", name_as_written="Patriots", category="air defence", status="requested",
                      evidence=[_ev(text, "Kiew will Patriots.")])
    systems = Weapon(name="Patriot", name_as_written="Patriot-Systeme", category="air defence", status="other",
                     evidence=[_ev(text, "Die Patriot-Systeme fehlen.")])
    drones = Weapon(name="drones", name_as_written="Drohnen", category="drones", status="used",
                    evidence=[_ev(text, "Drohnen greifen an.")])
    out = one_per_name([patriots, systems, drones])
    assert [w.name for w in out] == ["Patriot", "drones"]
    assert [e.quote for e in out[0].evidence] == ["Kiew will Patriots.", "Die Patriot-Systeme fehlen."]


def _person(text: str, name: str, written: str, sentence: str) -> Actor:
    """A person the model named ``name`` (written ``written``), cited to ``sentence`` of ``text``."""
    return Actor(name=name, name_as_written=written, kind="person", evidence=[_ev(text, sentence)])


def test_one_actor_per_person_under_the_alias_tables_english_name() -> None:
    from summarize.briefing.deciders import Canonical
    from summarize.briefing.dedupe import one_per_name

    text = "Trump sprach. Donald Trump flog. Melania Trump blieb. Wladimir Putin schwieg. Merz kam."  # HAND-MADE
    actors = one_per_name([
        _person(text, "Trump", "Trump", "Trump sprach."), _person(text, "Donald Trump", "Donald Trump", "Donald Trump flog."),
        _person(text, "Melania Trump", "Melania Trump", "Melania Trump blieb."),
        _person(text, "Wladimir Putin", "Wladimir Putin", "Wladimir Putin schwieg."), _person(text, "Merz", "Merz", "Merz kam."),
    ])
    assert [a.name for a in actors] == ["Donald Trump", "Melania Trump", "Vladimir Putin", "Friedrich Merz"]
    assert [e.quote for e in actors[0].evidence] == ["Trump sprach.", "Donald Trump flog."]
    assert Canonical([])("Selenskyj") == "Volodymyr Zelensky"  # a decider gets the table's English name too


def test_a_name_written_with_an_office_is_the_alias_tables_person_whatever_first_name_the_model_gave() -> None:
    """HAND-MADE: the model named "Bundeskanzler Merz" "Gerhard Merz" (a first name the article never writes) and
    "Kremlchef Putin" by the written words; the name as written, without the words of its office or lower-case
    words before it, is the alias table's person. "Melania Trump" keeps her name: her first name is no office."""
    from summarize.briefing.dedupe import one_per_name

    text = "Auch Bundeskanzler Merz telefonierte. Merz sprach. Kremlchef Putin schwieg. Melania Trump blieb."
    actors = one_per_name([
        _person(text, "Gerhard Merz", "Bundeskanzler Merz", "Auch Bundeskanzler Merz telefonierte."),
        _person(text, "Friedrich Merz", "Merz", "Merz sprach."),
        _person(text, "Kremlchef Putin", "Kremlchef Putin", "Kremlchef Putin schwieg."),
        _person(text, "Melania Trump", "Melania Trump", "Melania Trump blieb."),
    ])
    assert [a.name for a in actors] == ["Friedrich Merz", "Vladimir Putin", "Melania Trump"]
    assert len(actors[0].evidence) == 2


def test_a_first_name_lent_by_another_known_person_is_the_model_s_and_the_surname_says_who() -> None:
    """HAND-MADE: the article writes "Uschakow" and "Sergej Lawrow"; the model named Ushakov "Sergej Uschakow"
    beside its own "Yuri Ushakov" (one person), and Zelensky "Wladimir Selenskyj" (Putin's first name). A
    first name of no one in the alias table ("Melania Trump") or the person's own keeps the name."""
    from summarize.briefing.aliases import borrowed_first_name
    from summarize.briefing.dedupe import one_per_name

    text = "Uschakow sprach. Sergej Lawrow schwieg. Selenskyj kam. Melania Trump blieb."
    actors = one_per_name([
        _person(text, "Yuri Ushakov", "Uschakow", "Uschakow sprach."),
        _person(text, "Sergej Uschakow", "Sergej Uschakow", "Uschakow sprach."),
        _person(text, "Sergey Lavrov", "Sergej Lawrow", "Sergej Lawrow schwieg."),
        _person(text, "Wladimir Selenskyj", "Wladimir Selenskyj", "Selenskyj kam."),
        _person(text, "Melania Trump", "Melania Trump", "Melania Trump blieb."),
    ])
    assert [a.name for a in actors] == ["Yuri Ushakov", "Sergey Lavrov", "Volodymyr Zelensky", "Melania Trump"]
    assert borrowed_first_name("Sergej Uschakows") == "Yuri Ushakov"  # a genitive "s" aside
    assert borrowed_first_name("Juri Uschakow") is None  # his own first name: the alias table's form decides
    from summarize.briefing.deciders import Canonical

    assert Canonical([])("Sergej Uschakow") == "Yuri Ushakov"  # a decider so named is the person too


def test_a_first_name_no_quote_writes_is_invented_and_the_known_surname_says_who() -> None:
    """HAND-MADE: "Nach Angaben Uschakows ..." -- the model named the speaker "Maxus Uschakows", a first name
    of no one in the table that the article never writes. A first name the article writes stays the model's,
    in whichever sentence ("Melania Trump" cited where the article says "the First Lady")."""
    from summarize.briefing.aliases import borrowed_first_name
    from summarize.briefing.dedupe import one_per_name

    text = ("Juri Uschakow sprach. Nach Angaben Uschakows ging es auch um Iran. Melania Trump kam. "
            "Die First Lady blieb.")
    actors = one_per_name([
        _person(text, "Yuri Ushakov", "Juri Uschakow", "Juri Uschakow sprach."),
        _person(text, "Maxus Uschakows", "Maxus Uschakows", "Nach Angaben Uschakows ging es auch um Iran."),
        _person(text, "Melania Trump", "First Lady", "Die First Lady blieb."),
    ], text)
    assert [a.name for a in actors] == ["Yuri Ushakov", "Melania Trump"]
    assert len(actors[0].evidence) == 2
    assert borrowed_first_name("Maxus Uschakows") is None  # without the text: no one's first name, kept
    assert borrowed_first_name("Maxus Uschakows", text) == "Yuri Ushakov"
    assert borrowed_first_name("Maxus Uschakows", text + " Maxus Uschakow lachte.") is None  # the article writes it


CALL_TEXT = ("Ein Anruf zwischen Trump und Putin überrascht Kyjiw. Das lange Telefonat zwischen Trump und Putin fand "
             "statt, während Selenskyj unterwegs war. Trump und Merz telefonierten ebenfalls.")  # HAND-MADE


def test_a_third_person_named_as_context_does_not_make_another_call() -> None:
    pair = ["Donald Trump", "Vladimir Putin"]
    first = _decision(CALL_TEXT, "Ein Anruf zwischen Trump und Putin überrascht Kyjiw.", "called Kyiv to meet them",
                      who="Donald Trump", participants=pair)
    context = _decision(CALL_TEXT, "Das lange Telefonat zwischen Trump und Putin fand statt, während Selenskyj unterwegs war.",
                        "had a long phone call with Putin while Zelensky travelled", who="Donald Trump",
                        participants=[*pair, "Volodymyr Zelensky"])
    other = _decision(CALL_TEXT, "Trump und Merz telefonierten ebenfalls.", "spoke with Merz by phone",
                      who="Donald Trump", participants=["Donald Trump", "Friedrich Merz"])
    assert same_interaction(first, context)  # "to meet" plans a meeting, not this call; Zelensky is context
    assert not same_interaction(first, other)  # one person in common: another call
    agreed = _decision(CALL_TEXT, "Ein Anruf zwischen Trump und Putin überrascht Kyjiw.", "agreed to call Putin again",
                       who="Donald Trump", participants=pair)
    assert not same_interaction(first, agreed)  # an agreement to call is not the call


def test_a_kind_named_with_its_type_goes_with_the_system() -> None:
    from summarize.briefing.dedupe import kinds_of_systems
    from summarize.models import Weapon

    quote = "Im Zentrum stehen Marschflugkörper vom Typ Tomahawk und weitere Drohnen."

    def weapon(name: str, written: str) -> Weapon:
        return Weapon(name=name, name_as_written=written, category=name, status="discussed", evidence=[_ev(quote, quote)])

    tomahawk, kind, drones = weapon("Tomahawk", "Tomahawk"), weapon("cruise missiles", "Marschflugkörper"), weapon("drones", "Drohnen")
    assert kinds_of_systems([tomahawk, kind, drones]) == [(kind, "Tomahawk")]
    # HAND-MADE after a real page: a kind listed after a system is another weapon, not the system's kind
    quote = "Betroffen sind Patriot-Batterien sowie präzisionsgelenkte Artilleriemunition und Patriot-Raketen."
    patriot = weapon("Patriot", "Patriot-Batterien")
    shells = weapon("precision munitions", "präzisionsgelenkte Artilleriemunition")
    missiles = weapon("missiles", "Raketen")
    assert kinds_of_systems([patriot, shells, missiles]) == [(missiles, "Patriot")]


def test_a_call_and_a_meeting_of_one_sentence_stay_two_and_an_untyped_report_takes_the_event() -> None:
    text = ("Donald Trump is set to host Volodymyr Zelensky on Friday, after a call with Vladimir Putin. "
            "Trump announced a summit following a phone call with Putin; he described it as productive.")
    first, second = text.split(". ")[0] + ".", text.split(". ")[1]
    meeting = _decision(text, first, "plans to meet Volodymyr Zelensky", participants=["Donald Trump", "Volodymyr Zelensky"],
                        status="announced")
    call = _decision(text, first, "held a phone call with Vladimir Putin", participants=["Donald Trump", "Vladimir Putin"])
    assert [d.what for d in one_per_event([meeting, call])] == [meeting.what, call.what]
    # a call and an act of another kind on one sentence are two events too (h70: the call, and a doubtful delivery);
    # a report of no kind is the call's content and joins it
    doubt = ("A phone call between Donald Trump and Vladimir Putin on Thursday has cast fresh uncertainty over "
             "whether Washington will deliver Tomahawk missiles.")
    thursday = _decision(doubt, doubt, "held a phone call with Vladimir Putin", participants=["Donald Trump", "Vladimir Putin"])
    delivery = _decision(doubt, doubt, "plans to deliver Tomahawk missiles to Ukraine")
    assert [d.what for d in one_per_event([delivery, thursday])] == [delivery.what, thursday.what]
    content = _decision(doubt, doubt, "discussed the Tomahawk missiles")
    assert len(one_per_event([content.model_copy(deep=True), thursday.model_copy(deep=True)])) == 1
    said = _decision(text, second, "described it as productive")
    found = _decision(text, second, "held a phone call with Vladimir Putin", participants=["Donald Trump", "Vladimir Putin"])
    assert _unreported([found], [said]) == []
    assert said.what == "held a phone call with Vladimir Putin and described it as productive"
    assert said.participants == ["Donald Trump", "Vladimir Putin"]
    someone_else = _decision(text, second, "praised the call", who="Volodymyr Zelensky")
    assert _unreported([found], [someone_else]) == [] and someone_else.what == "praised the call"
    assert _unreported([found], []) == [found]


def test_a_meeting_held_and_one_planned_of_one_sentence_stay_two() -> None:
    text = ("Zelenskyy arrived in Washington and has already held a number of meetings with senior U.S. officials. "
            "He is scheduled to meet Trump on Friday.")  # HAND-MADE, after h43; the model cites both sentences
    held = _decision(text, text, "held a number of meetings with senior U.S. officials", who="Volodymyr Zelensky")
    planned = _decision(text, text, "scheduled to meet Trump on Friday", who="Volodymyr Zelensky",
                        participants=["Volodymyr Zelensky", "Donald Trump"])
    assert [d.what for d in one_per_event([held, planned])] == [held.what, planned.what]
    again = _decision(text, text, "met senior U.S. officials in Washington", who="Volodymyr Zelensky")
    assert len(one_per_event([held.model_copy(deep=True), again])) == 1  # two held meetings of one sentence: one


def test_two_reports_of_one_sentence_keep_the_one_that_names_an_act() -> None:
    text = ("Zelenskiy, speaking later in his nightly video address, said he and Trump had agreed to arrange a "
            "meeting between their teams.")  # HAND-MADE
    speaking = _decision(text, text, "spoke later in his nightly video address", who="Volodymyr Zelensky",
                         participants=["Volodymyr Zelensky"])
    agreed = _decision(text, text, "agreed to arrange a meeting between their teams", who="Donald Trump",
                       participants=["Donald Trump", "Volodymyr Zelensky"], status="announced")
    [one] = one_per_event([speaking, agreed])
    assert (one.who, one.what, one.status) == ("Donald Trump", agreed.what, "announced")
    assert one.participants == ["Donald Trump", "Volodymyr Zelensky"]
    [kept] = one_per_event([agreed.model_copy(deep=True), speaking.model_copy(deep=True)])  # the first names one
    assert kept.what == agreed.what


def test_a_call_held_and_what_was_agreed_in_it_are_two_decisions_and_what_was_discussed_joins_the_call() -> None:
    text = ("President Volodymyr Zelensky and U.S. President Donald Trump held a phone conversation on Friday and "
            "agreed to strengthen Ukraine's air defences.")  # HAND-MADE
    both = ["Volodymyr Zelensky", "Donald Trump"]
    held = _decision(text, text, "held a phone conversation with Donald Trump", who="Volodymyr Zelensky", participants=both)
    agreed = _decision(text, text, "agreed to strengthen Ukraine's air defences", who="Volodymyr Zelensky", participants=both)
    discussed = _decision(text, text, "discussed peace in the Middle East", who="Volodymyr Zelensky", participants=both)
    copies = lambda *ds: [d.model_copy(deep=True) for d in ds]  # noqa: E731
    # a call "held" names an act: the content does not take its place, whichever comes first
    assert [d.what for d in one_per_event(copies(held, discussed))] == [held.what]
    assert [d.what for d in one_per_event(copies(discussed, held))] == [held.what]
    assert [d.what for d in one_per_event(copies(held, agreed))] == [held.what, agreed.what]
    assert [d.what for d in one_per_event(copies(agreed, held))] == [agreed.what, held.what]


def test_a_decision_read_off_a_heading_yields_to_the_model_s_own_report_of_the_sentence_under_it() -> None:
    """HAND-MADE: the model cited the subheading for one decision (grounded in the sentence under it) and that
    sentence for another: the heading's reading goes; where the model gave the sentence under a heading no
    decision of its own, the heading's reading stays."""
    from summarize.briefing.dedupe import told_below

    text = ("Gemeinsame Produktion als neue Strategie\nSelenskyj nannte Gespräche über gemeinsame Produktion.\n"
            "Sanktionen im Blick\nMerz kündigte Sanktionen an.\n")
    own = _decision(text, "Selenskyj nannte Gespräche über gemeinsame Produktion.", "mentioned talks on joint production",
                    who="Volodymyr Zelensky")
    headed = _decision(text, "Selenskyj nannte Gespräche über gemeinsame Produktion.", "agreed on joint production",
                       who="Volodymyr Zelensky")
    alone = _decision(text, "Merz kündigte Sanktionen an.", "announced sanctions", who="Friedrich Merz")
    # a heading comes before its section: its reading first
    assert told_below([headed, own, alone], [headed, alone]) == [headed]
    assert told_below([headed, alone], [headed, alone]) == []  # nothing else reports those sentences


def test_two_positions_cited_from_one_sentence_stay_two_when_one_quotes_the_next_sentence_too() -> None:
    """HAND-MADE after a held-out page: the model cites "was still committed to Russia's goals" to one sentence
    and "was ready for further negotiations" to it and the next; the second tells of the next sentence, so
    they are two decisions. Two descriptions of one cited sentence (same quote) stay one."""
    text = ("Putin zeigte sich weiterhin entschlossen, Russlands Ziele in der Ukraine zu verfolgen. "
            "Gleichzeitig signalisierte er Bereitschaft für weitere Verhandlungen.")
    first = text.split(". ")[0] + "."
    committed = _decision(text, first, "was still committed to Russia's goals in Ukraine", who="Vladimir Putin")
    ready = _decision(text, text, "was ready for further negotiations", who="Vladimir Putin")
    assert [d.what for d in one_per_event([committed, ready])] == [committed.what, ready.what]
    again = _decision(text, first, "stayed determined to pursue Russia's goals", who="Vladimir Putin")
    assert len(one_per_event([committed, again])) == 1
