"""Decisions that report no act (summarize/briefing/empty.py), on HAND-MADE strings: words, a question, a
weapon or a news outlet as decider, what was done to the decider."""

from __future__ import annotations

from ..support.briefing_helpers import _decision


def test_a_decision_cited_to_a_question_reports_no_act() -> None:
    from summarize.briefing.empty import EMPTY_DECISIONS

    def empty(quote: str) -> bool:
        text = f"{quote} Eine Antwort blieb er schuldig."
        d = _decision(text, quote, "warned about an escalation of the war")
        return any(says_nothing(d) for says_nothing, _ in EMPTY_DECISIONS)

    assert empty("Liefert Donald Trump der Ukraine die erhofften Tomahawks?")
    assert not empty("Donald Trump warnte vor einer Eskalation des Krieges.")


def test_a_meeting_cited_to_a_sentence_that_tells_of_no_meeting_call_or_talk_is_no_act() -> None:
    """HAND-MADE: "met with Putin" on a sentence of social media words, or of a call, is no meeting; on a
    sentence of a meeting (also in the German present, "trifft sich heute mit") or a talk it stays for the
    rules after it."""
    from summarize.briefing.empty import why_empty as empty_reason

    def why_empty(quote: str, what: str = "met with Vladimir Putin") -> str | None:
        return empty_reason(_decision(quote, quote, what))

    assert "tells of no meeting" in (why_empty("“Moscow is rushing to resume dialogue,” Trump said on social media.") or "")
    for quote in ("Trump trifft sich heute mit Putin im Weißen Haus.", "Trump und Putin waren sich im April begegnet.",
                  "Trump met Putin in Alaska.", "Trump spoke with Putin on Thursday."):
        assert why_empty(quote) is None, quote
    assert why_empty("“Moscow is rushing to resume dialogue,” Trump said.", "warned about an escalation") is None
    # a call is no meeting: the code reports the call itself
    assert "no meeting or talk" in (why_empty("Trump detailed his call with Putin in a post.") or "")


def test_a_description_copied_from_the_words_its_sentence_quotes_is_no_act() -> None:
    """HAND-MADE: "need it, America needs it" copied from '"We need it, America needs it."' is the speaker's
    words; a description that opens with a verb in the past tells an act of the speaker's own ("We discussed
    air defence and agreed to ..."), and one not inside the quotation marks is the model's."""
    from summarize.briefing.empty import why_empty as empty_reason

    def why_empty(quote: str, what: str) -> str | None:
        return empty_reason(_decision(quote, quote, what, who="Volodymyr Zelensky"))

    assert "copies words" in (why_empty('“We need it, America needs it,” Zelensky said.', "need it, America needs it") or "")
    assert "copies words" in (why_empty('We need it, America needs it.”', "need it, America needs it") or "")
    assert why_empty('“We discussed air defence and agreed to work on it,” Zelensky said.',
               "discussed air defence and agreed to work on it") is None
    assert why_empty("Zelensky asked Washington for more Patriot systems.", "asked Washington for more Patriot systems") is None


def test_a_weapon_is_no_decider() -> None:
    """HAND-MADE: "Patriot-Raketen, Haubitzen und Raketensysteme: were considered essential" has weapons as
    its decider; a state or a person is one."""
    from summarize.briefing.empty import why_empty

    quote = "Bereits zugesagt waren Patriot-Raketen, Haubitzen und Raketensysteme."
    assert "decider is a weapon" in (why_empty(_decision(quote, quote, "were promised to Ukraine",
                                                          who="Patriot-Raketen, Haubitzen und Raketensysteme")) or "")
    assert why_empty(_decision(quote, quote, "promised missiles to Ukraine", who="United States")) is None


def test_putting_a_question_to_someone_is_an_act_its_question_sentence_reports() -> None:
    """HAND-MADE: a sentence that ends in a quoted question reports no act, unless the description is the
    asking itself ("directly asked Putin whether ..." of "Er habe Putin direkt gefragt: «Wie wäre es, ...?»")."""
    from summarize.briefing.empty import why_empty

    quote = "Er habe Putin direkt gefragt: «Wie wäre es, wenn ich der Ukraine ein paar Tausend Raketen gebe?»"
    assert why_empty(_decision(quote, quote, "directly asked Putin whether he would mind missiles for Ukraine")) is None
    assert why_empty(_decision(quote, quote, "asked Putin about missiles for Ukraine")) is None
    assert "asks a question" in (why_empty(_decision(quote, quote, "will give Ukraine thousands of missiles")) or "")


def test_what_the_deciders_own_state_will_do_is_the_deciders_commitment() -> None:
    """HAND-MADE: "declared that Russia would not abandon its goals" of Putin (whose state the alias table
    gives) is his commitment, as "said he would meet" is; what another state will do stays a view, and so does
    a speaker the table gives no state."""
    from summarize.briefing.aliases import state_of
    from summarize.briefing.empty import WORDS_ONLY, why_empty

    quote = "Putin erklärte, Russland werde nicht von seinen Zielen abrücken."
    assert state_of("Wladimir Putin") == "Russia" and state_of("Anna Beispiel") is None
    assert why_empty(_decision(quote, quote, "declared that Russia would not abandon its goals", who="Vladimir Putin")) is None
    assert why_empty(_decision(quote, quote, "said that the Kremlin will keep its troops in the Donbas", who="Vladimir Putin")) is None
    assert why_empty(_decision(quote, quote, "declared that Ukraine would lose the war", who="Vladimir Putin")) == WORDS_ONLY
    assert why_empty(_decision(quote, quote, "declared that Russia would not abandon its goals", who="Anna Beispiel")) == WORDS_ONLY


def test_what_was_done_to_the_decider_is_no_act_of_theirs() -> None:
    """HAND-MADE: "Ukraine: hit with a massive drone attack", "Ukraine: suffered its largest aerial attack" and
    "Zelensky: was criticized for ..." tell what others did to the decider; an act with its object, a plan and a
    meeting stay."""
    from summarize.briefing.empty import why_empty

    quote = "Kyiv was hit overnight by the largest Russian drone attack of the war, and Zelensky was criticized."
    for what in ("hit with a massive drone and missile attack overnight", "bombarded with drones and missiles",
                 "suffered its largest aerial attack since 2022", "bore the brunt of the attack",
                 "was criticized for not getting Tomahawks"):
        assert "done to its decider" in (why_empty(_decision(quote, quote, what, who="Ukraine")) or ""), what
    for what in ("hit Kyiv with drones", "criticized the decision to halt deliveries", "was set to meet Trump",
                 "is expected at the White House on Friday", "was received by Trump at the White House"):
        assert "done to" not in (why_empty(_decision(quote, quote, what, who="Russia")) or ""), what


def test_a_news_outlet_is_no_decider() -> None:
    """HAND-MADE: "NBC News: reported the decision" is the outlet reporting the story, not a party's act."""
    from summarize.briefing.empty import why_empty

    quote = "NBC News reported the decision on Tuesday."
    assert "news outlet" in (why_empty(_decision(quote, quote, "reported the decision", who="NBC News")) or "")
    assert why_empty(_decision(quote, quote, "halted the deliveries", who="Pentagon")) is None


def test_a_hedge_on_a_detail_of_the_act_is_no_speculation() -> None:
    """HAND-MADE: "would begin preparations for a new meeting, possibly in Budapest" reports the preparations; the
    hedge (set off by a comma, or in a relative clause) is about where the meeting takes place. A hedge on the act
    itself stays a speculation."""
    from summarize.briefing.empty import why_empty

    quote = "Ein Berater teilte mit, dass Moskau und Washington mit den Vorbereitungen für ein Treffen beginnen würden."

    def reason(what: str) -> str | None:
        return why_empty(_decision(quote, quote, what, who="Yuri Ushakov"))

    assert reason("announced that both sides would begin preparations for a new meeting, possibly in Budapest") is None
    assert reason("announced preparations for a new meeting, which could take place in Budapest") is None
    assert "speculates" in (reason("could begin preparations for a new meeting in Budapest") or "")
    assert "speculates" in (reason("said both sides might possibly meet in Budapest") or "")


def test_a_sentence_that_says_whether_something_happens_is_open_reports_no_act() -> None:
    """HAND-MADE: "Whether ... is an open question" and "Ob ..., ist offen" leave the matter open; a sentence
    that opens with "whether" and reports an act ("Whether or not he agreed, Trump signed the order") stays."""
    from summarize.briefing.empty import why_empty

    for quote in ("Whether Trump’s new stance is permanent, or simply a temporary phase, is an open question.",
                  "Ob die USA die Lieferungen wieder aufnehmen, ist noch offen."):
        assert "is open" in (why_empty(_decision(quote, quote, "decided on the duration of the sanctions")) or "")
    signed = "Whether or not the Pentagon agreed, Trump signed the order on Monday."
    assert why_empty(_decision(signed, signed, "signed the order")) is None
