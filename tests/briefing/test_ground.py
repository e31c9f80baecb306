"""Tests for summarize.briefing.ground: locating quotes, sentence bounds, name mentions.

Seed articles (real scraped German text) are read from ``seeds/``; strings written for a test are
marked "hand-made".
"""

from __future__ import annotations

import random
import re
import statistics
import time
import unicodedata
from pathlib import Path

import pytest

from summarize.briefing.ground import (
    FUZZY_THRESHOLD,
    MIN_QUOTE_CHARS,
    Located,
    locate,
    normalise,
    sentence_bounds,
)
from summarize.briefing.mentions import mentions

SEEDS_DIR = Path(__file__).parent.parent.parent / "seeds"
SEEDS: dict[str, str] = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}

S000 = SEEDS["000"]  # Trump/Selenskyj phone call, Patriot systems, Merz
S002 = SEEDS["002"]  # "Am 4. Juli 2025", „…“ quotation marks, Anna Kelly statement
S003 = SEEDS["003"]  # Tomahawks, "auf X."
S004 = SEEDS["004"]  # Tomahawk-Marschflugkörper, Trump-Putin-Telefonat

# Sentences of seed 000, verbatim.
TELEFONAT = (
    "In einem 40-minütigen Telefonat erörterten US-Präsident Donald Trump und sein ukrainischer "
    "Amtskollege Wolodymyr Selenskyj am Freitag die Stärkung der ukrainischen Luftabwehr."
)
GESPRAECHE = "Die Gespräche zwischen Washington und Kiew über weitere Waffenlieferungen nehmen wieder Fahrt auf."
HEADLINE = (
    "Trump und Selenskyj verhandeln über Waffenlieferungen – während Russland Kiew mit "
    "Rekord-Drohnenangriff überzieht"
)


def span(text: str, loc: Located | None) -> str:
    assert loc is not None
    return text[loc.start : loc.end]


def test_seeds_are_present() -> None:
    assert len(SEEDS) >= 5
    for needle in (TELEFONAT, GESPRAECHE, HEADLINE):
        assert needle in S000


# ---------------------------------------------------------------------------------------------------
# exact
# ---------------------------------------------------------------------------------------------------


def test_exact() -> None:
    loc = locate(TELEFONAT, S000)
    assert loc == Located(S000.index(TELEFONAT), S000.index(TELEFONAT) + len(TELEFONAT), "exact", 100.0)
    assert span(S000, loc) == TELEFONAT


def test_exact_strips_surrounding_whitespace() -> None:
    loc = locate(f"  \n{GESPRAECHE}\t ", S000)
    assert loc is not None and loc.alignment == "exact"
    assert span(S000, loc) == GESPRAECHE


def test_exact_returns_first_occurrence() -> None:
    # Seed 004 repeats its headline; the first occurrence wins.
    headline = "Trump-Putin-Anruf überrascht Selenskyj vor USA-Besuch"
    assert S004.count(headline) >= 2
    loc = locate(headline, S004)
    assert loc is not None and loc.alignment == "exact"
    assert loc.start == S004.index(headline)


def test_exact_quote_that_includes_the_articles_own_quotation_marks() -> None:
    quote = '"Wir brauchen es, Amerika braucht es."'
    loc = locate(quote, S000)
    assert loc is not None and loc.alignment == "exact"
    assert span(S000, loc) == quote


@pytest.mark.parametrize(
    "wrapped",
    [
        '"Im Zentrum der Gespräche standen die dringend benötigten Patriot-Luftabwehrsysteme."',
        "„Im Zentrum der Gespräche standen die dringend benötigten Patriot-Luftabwehrsysteme.“",
        "«Im Zentrum der Gespräche standen die dringend benötigten Patriot-Luftabwehrsysteme.»",
        " 'Im Zentrum der Gespräche standen die dringend benötigten Patriot-Luftabwehrsysteme.' ",
    ],
)
def test_exact_with_model_added_quotation_marks(wrapped: str) -> None:
    sentence = "Im Zentrum der Gespräche standen die dringend benötigten Patriot-Luftabwehrsysteme."
    loc = locate(wrapped, S000)
    assert loc is not None and loc.alignment == "exact" and loc.score == 100.0
    assert span(S000, loc) == sentence


def test_model_added_german_marks_around_a_straight_quoted_passage() -> None:
    # The article has "Wir brauchen es, Amerika braucht es." in straight quotes; the model uses „…“.
    loc = locate("„Wir brauchen es, Amerika braucht es.“", S000)
    assert loc is not None and loc.alignment == "exact"
    assert span(S000, loc) == "Wir brauchen es, Amerika braucht es."


# ---------------------------------------------------------------------------------------------------
# normalised
# ---------------------------------------------------------------------------------------------------


def test_normalised_straight_quotes_for_german_quotation_marks() -> None:
    # Seed 002 writes „offen und konstruktiv“.
    loc = locate('vom Kreml als "offen und konstruktiv" bezeichnet', S002)
    assert loc is not None and loc.alignment == "normalised" and loc.score == 100.0
    assert span(S002, loc) == "vom Kreml als „offen und konstruktiv“ bezeichnet"


def test_normalised_whitespace_across_a_line_break() -> None:
    # In seed 002 a line break separates the speaker from the statement.
    quote = "sagte Anna Kelly, Sprecherin des Weißen Hauses: „Diese Entscheidung wurde getroffen"
    loc = locate(quote, S002)
    assert loc is not None and loc.alignment == "normalised"
    assert span(S002, loc) == (
        "sagte Anna Kelly, Sprecherin des Weißen Hauses:\n„Diese Entscheidung wurde getroffen"
    )


def test_normalised_hyphen_for_en_dash() -> None:
    quote = "Paradigmenwechsel hin - weg von reinen Waffenlieferungen"
    loc = locate(quote, S000)
    assert loc is not None and loc.alignment == "normalised"
    assert span(S000, loc) == "Paradigmenwechsel hin – weg von reinen Waffenlieferungen"


def test_normalised_case_and_whitespace() -> None:
    quote = "DIE GESPRÄCHE zwischen  washington und kiew\nüber weitere waffenlieferungen"
    loc = locate(quote, S000)
    assert loc is not None and loc.alignment == "normalised"
    assert span(S000, loc) == "Die Gespräche zwischen Washington und Kiew über weitere Waffenlieferungen"


def test_normalised_sharp_s_upper_case() -> None:
    # "ß".upper() is "SS"; case folding maps both to "ss", and the span maps back to "ß".
    loc = locate("DEN GRÖSSTEN DROHNENANGRIFF SEIT KRIEGSBEGINN", S000)
    assert loc is not None and loc.alignment == "normalised"
    assert span(S000, loc) == "den größten Drohnenangriff seit Kriegsbeginn"


def test_normalised_invisible_characters_and_nbsp() -> None:
    # hand-made article text: NBSP, soft hyphen, zero-width space, ellipsis, curly apostrophe
    text = "Vorspann. Der Minister sagte:\u00a0„Wir liefern\u00a0Luft\u00adabwehr\u200b…“ Er ging’s an."
    loc = locate('Wir liefern Luftabwehr..." Er ging\'s an', text)
    assert loc is not None and loc.alignment == "normalised"
    assert span(text, loc) == "Wir liefern\u00a0Luft\u00adabwehr\u200b…“ Er ging’s an"


def test_normalised_decomposed_umlauts() -> None:
    # hand-made: the article arrives in NFD (u + combining diaeresis); the model writes NFC.
    text = unicodedata.normalize("NFD", "Vorher. Die Gespräche über Waffenlieferungen laufen. Nachher.")
    loc = locate("Die Gespräche über Waffenlieferungen laufen.", text)
    assert loc is not None and loc.alignment == "normalised"
    assert span(text, loc) == unicodedata.normalize("NFD", "Die Gespräche über Waffenlieferungen laufen.")


# ---------------------------------------------------------------------------------------------------
# fuzzy
# ---------------------------------------------------------------------------------------------------


def _assert_fuzzy(loc: Located | None, text: str, expected: str) -> None:
    assert loc is not None
    assert loc.alignment == "fuzzy"
    assert FUZZY_THRESHOLD <= loc.score < 100.0
    assert span(text, loc) == expected


def test_fuzzy_dropped_word() -> None:
    quote = GESPRAECHE.replace("weitere ", "")
    _assert_fuzzy(locate(quote, S000), S000, GESPRAECHE)


def test_fuzzy_dropped_word_at_the_start_keeps_the_first_word() -> None:
    # Dropping "40-minütigen" right after "In einem": the span must still start at "In".
    quote = TELEFONAT.replace("40-minütigen ", "")
    _assert_fuzzy(locate(quote, S000), S000, TELEFONAT)


def test_fuzzy_dropped_word_after_a_short_first_word_keeps_it() -> None:
    # Without "ukrainische", a span that also drops "Der" has the higher ratio; the span must
    # still begin where the quote begins.
    sentence = "Der ukrainische Präsident hält sich derzeit zu Gesprächen in den USA auf."
    quote = sentence.replace("ukrainische ", "")
    _assert_fuzzy(locate(quote, S003), S003, sentence)


def test_fuzzy_changed_inflection() -> None:
    quote = TELEFONAT.replace("der ukrainischen Luftabwehr", "der ukrainische Luftabwehr")
    _assert_fuzzy(locate(quote, S000), S000, TELEFONAT)


def test_fuzzy_changed_inflection_and_lower_case() -> None:
    quote = "im zentrum der gespräche stand die dringend benötigten patriot-luftabwehrsystem"
    expected = "Im Zentrum der Gespräche standen die dringend benötigten Patriot-Luftabwehrsysteme"
    _assert_fuzzy(locate(quote, S000), S000, expected)


def test_fuzzy_dropped_quotation_marks_include_the_closing_mark() -> None:
    quote = "Selenskyj bezeichnete die Attacke als bewusst massiv und zynisch."
    _assert_fuzzy(locate(quote, S000), S000, 'Selenskyj bezeichnete die Attacke als "bewusst massiv und zynisch".')


def test_fuzzy_span_is_trimmed_to_words() -> None:
    quote = "Trump habe Selenskyj zugesagt zu prüfen welche für die Ukraine bestimmten US-Waffen zurückgehalten"
    loc = locate(quote, S000)
    assert loc is not None and loc.alignment == "fuzzy"
    text = span(S000, loc)
    assert text == (
        "Trump habe Selenskyj zugesagt, zu prüfen, welche für die Ukraine bestimmten US-Waffen derzeit "
        "zurückgehalten"
    )
    assert not S000[loc.start - 1].isalnum() and not S000[loc.end].isalnum()


def test_fuzzy_threshold_parameter() -> None:
    quote = GESPRAECHE.replace("weitere ", "")
    loc = locate(quote, S000)
    assert loc is not None and loc.score < 99.0
    assert locate(quote, S000, fuzzy_threshold=99.0) is None
    with pytest.raises(ValueError):
        locate(quote, S000, fuzzy_threshold=0.0)
    with pytest.raises(ValueError):
        locate(quote, S000, fuzzy_threshold=101.0)


# ---------------------------------------------------------------------------------------------------
# missing: the quote is not in the article
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        # invented sentences
        "Merz verspricht der Ukraine weitere Patriot-Systeme noch in diesem Jahr.",
        "Putin bot an, die Angriffe auf Kiew sofort einzustellen.",
        # English translations of sentences of seed 000
        "The talks between Washington and Kyiv about further arms deliveries are picking up speed again.",
        "In a 40-minute phone call, US President Donald Trump and his Ukrainian counterpart Volodymyr "
        "Zelensky discussed strengthening Ukrainian air defence on Friday.",
        "We need it, America needs it.",
        # paraphrases: words substituted, not dropped
        "Die beiden Präsidenten vereinbarten, ihre Teams zu einem Treffen zusammenzubringen, um die "
        "Luftverteidigung zu stärken.",
        "Dies markiert eine erstaunliche Wende in der amerikanischen Ukraine-Politik",
        "Dies markiert eine bemerkenswerte Wende in der amerikanischen Russland-Politik",
        # a different actor in an otherwise verbatim sentence
        "Putin habe Selenskyj zugesagt, zu prüfen, welche für die Ukraine bestimmten US-Waffen derzeit "
        "zurückgehalten würden.",
        # a changed number
        "In einem 30-minütigen Telefonat erörterten US-Präsident Donald Trump",
        # a dropped negation
        "Putin demonstrierte einmal mehr, dass er sich von diplomatischen Bemühungen beeindrucken lässt",
    ],
)
def test_missing(quote: str) -> None:
    assert locate(quote, S000) is None


def test_missing_in_every_other_seed() -> None:
    for key, text in SEEDS.items():
        if key != "000":
            assert locate(TELEFONAT, text) is None
            assert locate(GESPRAECHE, text) is None


@pytest.mark.parametrize("quote", ["", "   ", '""', "„“", "Kie", '"Kie"'])
def test_too_short_or_empty_is_never_located(quote: str) -> None:
    assert locate(quote, S000) is None


def test_short_quotes_only_exact_or_normalised() -> None:
    # 4 to 11 characters: exact and normalised matches are returned, fuzzy is not attempted.
    assert span(S000, locate("Kiew", S000)) == "Kiew"
    loc = locate("patriot-raketen", S000)
    assert loc is not None and loc.alignment == "normalised"
    assert span(S000, loc) == "Patriot-Raketen"
    # One changed letter: found fuzzily from MIN_QUOTE_CHARS (12) characters on, not below.
    assert len("Amtskollegen") == MIN_QUOTE_CHARS
    loc = locate("Amtskollegen", S000)
    assert loc is not None and loc.alignment == "fuzzy"
    assert span(S000, loc) == "Amtskollege"
    assert locate("Amtskollegx", S000, fuzzy_threshold=50.0) is None


# ---------------------------------------------------------------------------------------------------
# normalise
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # hand-made
        ("  a \n\t b\u00a0\u202fc  ", "a b c"),
        ("Luft\u00adabwehr\u200b\u200d\ufeff", "luftabwehr"),
        ("a – b — c ‒ d − e ‐ f ‑ g", "a - b - c - d - e - f - g"),
        ("„a“ “b” ‟c” «d» \"e\"", '"a" "b" "c" "d" "e"'),
        ("‹a› ‚b‘ ’c’ 'd' `e´", "'a' 'b' 'c' 'd' 'e'"),
        ("Warte…", "warte..."),
        ("Straße GROSS Größe", "strasse gross grösse"),
        (unicodedata.normalize("NFD", "Präsident"), "präsident"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def _reference_normalise(s: str) -> str:
    """The specification of normalise, written without an index map."""
    s = unicodedata.normalize("NFC", s)
    s = re.sub("[\u00ad\u200b\u200c\u200d\u2060\ufeff]", "", s)
    s = re.sub("[„“”‟«»″〝〞＂]", '"', s)
    s = re.sub("[‚‘’‛‹›′`´]", "'", s)
    s = re.sub("[‐‑‒–—―−﹘﹣－]", "-", s)
    s = s.replace("…", "...")
    return re.sub(r"\s+", " ", s).strip().casefold()


def test_normalise_matches_its_specification_on_random_strings() -> None:
    # hand-made alphabet of the characters normalisation cares about
    alphabet = [*"ab ßSÄ\n\t\u00a0\u00ad\u200b–—„“\"'’…ü", "u\u0308", "e\u0301"]
    rng = random.Random(20240704)
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert normalise(s) == _reference_normalise(s), repr(s)


def test_normalise_seeds_match_specification_and_nfd() -> None:
    for text in SEEDS.values():
        assert normalise(text) == _reference_normalise(text)
        assert normalise(unicodedata.normalize("NFD", text)) == normalise(text)


# ---------------------------------------------------------------------------------------------------
# Property-style: random substrings of the seeds
# ---------------------------------------------------------------------------------------------------


def _random_substrings(text: str, rng: random.Random, count: int) -> list[str]:
    found: list[str] = []
    while len(found) < count:
        i = rng.randrange(0, len(text) - 20)
        sub = text[i : i + rng.randint(20, 160)].strip()
        if len(sub) >= 20:
            found.append(sub)
    return found


_DASH_SWAP = {"–": "-", "-": "–", "—": "-"}
_QUOTE_SWAP = {"„": '"', "“": '"', '"': "“", "”": '"'}


def _perturb(sub: str, rng: random.Random) -> str:
    """Change whitespace, case, dashes and quotation marks, as a model copying the text might."""
    out: list[str] = []
    for word in re.split(r"(\s+)", sub):
        if word.isspace():
            out.append(rng.choice([" ", "\n", "  ", "\u00a0", word]))
            continue
        word = rng.choice([word, word.upper(), word.lower(), word.capitalize()])
        word = "".join(_DASH_SWAP.get(c, c) if rng.random() < 0.7 else c for c in word)
        word = "".join(_QUOTE_SWAP.get(c, c) if rng.random() < 0.7 else c for c in word)
        out.append(word)
    return "".join(out)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_random_substrings_are_located_exactly(key: str) -> None:
    text = SEEDS[key]
    rng = random.Random(f"exact-{key}")
    for sub in _random_substrings(text, rng, 150):
        loc = locate(sub, text)
        assert loc is not None, sub
        i = text.find(sub)
        assert (loc.start, loc.end, loc.alignment) == (i, i + len(sub), "exact"), sub


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_random_perturbed_substrings_map_to_the_same_original_span(key: str) -> None:
    text = SEEDS[key]
    rng = random.Random(f"normalised-{key}")
    changed = 0
    for sub in _random_substrings(text, rng, 150):
        quote = _perturb(sub, rng)
        changed += quote != sub
        loc = locate(quote, text)
        assert loc is not None, quote
        assert loc.alignment in ("exact", "normalised"), quote
        i = text.find(sub)
        assert (loc.start, loc.end) == (i, i + len(sub)), (quote, span(text, loc), sub)
    assert changed > 100


# ---------------------------------------------------------------------------------------------------
# sentence_bounds
# ---------------------------------------------------------------------------------------------------


def _sentence_of(text: str, needle: str) -> str:
    i = text.index(needle)
    lo, hi = sentence_bounds(text, i, i + len(needle))
    return text[lo:hi]


def test_sentence_bounds_german_ordinal_date() -> None:
    assert _sentence_of(S002, "Juli 2025") == (
        "Am 4. Juli 2025, dem amerikanischen Unabhängigkeitstag, äußerte sich Trump zum ersten Mal "
        "öffentlich zur Unterbrechung der Waffenlieferungen an Kyjiw."
    )


def test_sentence_bounds_us_praesident_and_dash() -> None:
    assert _sentence_of(S002, "US-Präsident") == (
        "Washington/Kyjiw/Moskau – US-Präsident Donald Trump hat binnen zwei Tagen sowohl mit dem "
        "ukrainischen Präsidenten Wolodymyr Selenskyj als auch mit dem russischen Präsidenten Wladimir "
        "Putin telefoniert."
    )


def test_sentence_bounds_short_word_before_period_ends_a_sentence() -> None:
    # "Fahrt auf." ends a sentence: "auf" is a word, not an abbreviation.
    assert _sentence_of(S000, "nehmen wieder") == GESPRAECHE
    assert _sentence_of(S000, "Amtskollege") == TELEFONAT


def test_sentence_bounds_headline_ends_at_newline() -> None:
    assert _sentence_of(S000, "Selenskyj verhandeln") == HEADLINE


def test_sentence_bounds_closing_quotation_mark_and_single_letter_word() -> None:
    # 'auf X.' ends a sentence (X is the platform); the closing '"' belongs to the sentence.
    assert _sentence_of(S003, "Bekanntwerden") == (
        '"Wir sehen bereits, dass Moskau sich beeilte, den Dialog zu erneuern, sobald es von den '
        'Tomahawk(-Marschflugkörpern) hörte", schrieb er nach Bekanntwerden des Trump-Putin-Telefonats auf X.'
    )
    assert _sentence_of(S000, "Amerika braucht") == (
        'Der ukrainische Präsident betonte: "Wir brauchen es, Amerika braucht es."'
    )


def test_sentence_bounds_abbreviations_hand_made() -> None:
    # hand-made
    text = (
        "Vorher war es ruhig. Prof. Dr. R. Werner sprach am 4. Juli 2025 in Berlin, z. B. über Gold, "
        "u. a. mit Donald J. Trump. Danach ging er! Kam er zurück? Ja. Im Jahr 2024. Dann nicht mehr."
    )
    assert _sentence_of(text, "Werner") == (
        "Prof. Dr. R. Werner sprach am 4. Juli 2025 in Berlin, z. B. über Gold, u. a. mit Donald J. Trump."
    )
    assert _sentence_of(text, "Danach") == "Danach ging er!"
    assert _sentence_of(text, "zurück") == "Kam er zurück?"
    assert _sentence_of(text, "Jahr") == "Im Jahr 2024."
    assert _sentence_of(text, "ruhig") == "Vorher war es ruhig."


def test_sentence_bounds_spanning_two_sentences() -> None:
    i = S000.index("Fahrt auf.")
    j = S000.index("In einem 40") + 5
    lo, hi = sentence_bounds(S000, i, j)
    assert S000[lo:hi] == GESPRAECHE + " " + TELEFONAT


def test_sentence_bounds_contains_the_span_and_rejects_bad_spans() -> None:
    rng = random.Random(7)
    for _ in range(300):
        start = rng.randrange(len(S003))
        end = min(len(S003), start + rng.randrange(0, 80))
        lo, hi = sentence_bounds(S003, start, end)
        assert lo <= start <= end <= hi
    with pytest.raises(ValueError):
        sentence_bounds(S003, 10, 5)
    with pytest.raises(ValueError):
        sentence_bounds(S003, 0, len(S003) + 1)


# ---------------------------------------------------------------------------------------------------
# mentions
# ---------------------------------------------------------------------------------------------------


def _where(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def test_mentions_opening_sentence_is_not_evidence_for_every_actor() -> None:
    # The failure this guards against: the model cites the opening sentence for every actor.
    start, end = _where(S000, HEADLINE)
    assert mentions("Donald Trump", S000, start, end)
    assert mentions("Trump", S000, start, end)
    assert mentions("Wolodymyr Selenskyj", S000, start, end)
    assert mentions("Russland", S000, start, end)
    assert not mentions("Wladimir Putin", S000, start, end)
    assert not mentions("Putin", S000, start, end)
    assert not mentions("Friedrich Merz", S000, start, end)
    assert not mentions("Merz", S000, start, end)


def test_mentions_name_absent_from_the_sentence() -> None:
    start, end = _where(S000, GESPRAECHE)
    assert not mentions("Donald Trump", S000, start, end)
    assert not mentions("Wolodymyr Selenskyj", S000, start, end)
    assert mentions("Washington", S000, start, end)
    assert mentions("Kiew", S000, start, end)


def test_mentions_uses_the_sentence_around_a_short_span() -> None:
    # The span "Stärkung der ukrainischen Luftabwehr" names nobody; its sentence names both.
    start, end = _where(S000, "die Stärkung der ukrainischen Luftabwehr")
    assert mentions("Donald Trump", S000, start, end)
    assert mentions("Wolodymyr Selenskyj", S000, start, end)
    assert not mentions("Wladimir Putin", S000, start, end)


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("Trump", "Trumps Gespräch mit Putin"),  # genitive
        ("Selenskyj", "Selenskyjs Hinweis"),
        ("Wolodymyr Selenskyj", "Selenskyjs Hinweis"),  # surname alone, inflected
        ("Patriot-Luftabwehrsysteme", "benötigten Patriot-Luftabwehrsysteme"),
        ("patriot-luftabwehrsysteme", "benötigten Patriot-Luftabwehrsysteme"),  # case-insensitive
        ("Merz", "Friedrich Merz sprach"),
        ("Friedrich Merz", "Friedrich Merz sprach"),
    ],
)
def test_mentions_positive_seed_000(name: str, needle: str) -> None:
    assert mentions(name, S000, *_where(S000, needle))


def test_mentions_hyphenated_compounds_and_plurals() -> None:
    span_ = _where(S004, "Tomahawk-Marschflugkörpern")
    assert mentions("Tomahawk", S004, *span_)
    assert mentions("Tomahawks", S004, *span_)  # the name's final "s" is optional
    assert not mentions("Patriot", S004, *span_)
    span_ = _where(S004, "nach dem jüngsten Trump-Putin-Telefonat")
    assert mentions("Trump", S004, *span_)
    assert mentions("Wladimir Putin", S004, *span_)
    assert not mentions("Selenskyj", S004, *span_)
    span_ = _where(S003, "Trump-Putin-Telefonats")
    assert mentions("Donald Trump", S003, *span_)
    assert mentions("Tomahawk", S003, *span_)  # "Tomahawk(-Marschflugkörpern)" in the same sentence
    assert mentions("Kreml", S003, *_where(S003, "Kremlsprecher Dmitri Peskow"))


def test_mentions_short_names_and_prefix_rule_hand_made() -> None:
    # hand-made
    text = (
        "Der Roman spielt in Merzig. Die Kiewer Regierung tagte. Let us talk. Der US-Präsident kam. "
        "Eine Ukrainerin sprach."
    )
    assert not mentions("Rom", text, *_where(text, "Roman"))  # 3-4 chars: inflections only
    assert not mentions("Merz", text, *_where(text, "Merzig"))
    assert mentions("Kiew", text, *_where(text, "Kiewer"))  # "-er" is an inflection
    assert not mentions("US", text, *_where(text, "us talk"))  # capitals: case-sensitive word
    assert mentions("US", text, *_where(text, "US-Präsident"))
    assert mentions("Ukraine", text, *_where(text, "Ukrainerin"))  # documented: prefix rule accepts it
    assert not mentions("", text, 0, 5)


def test_a_one_word_name_is_found_where_its_pattern_finds_it_on_random_texts() -> None:
    """A name of one word of five or more letters is looked for without a regex (mentions.word_start): it
    must answer as ``(?<!\\w)name`` does, on texts of letters, digits, "_", marks and scripts that ``\\w``
    treats in its own way (combining marks, Devanagari vowel signs, superscripts, Roman numerals)."""
    from summarize.briefing.mentions import word_start

    rng = random.Random(20251130)
    alphabet = ["tromp", "trump", " ", "-", "_", "1", "²", "Ⅻ", "é", "\u0301", "\u093f", "ß", "'", "ä", "x", "\u200d"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        needle = rng.choice(["trump", "tromp", "ptrum"])
        assert (word_start(needle, text) >= 0) == (re.search(r"(?<!\w)" + re.escape(needle), text) is not None), text
    assert mentions("Selenskyj", "Selenskyjs Büro", 0, 5) and not mentions("Selenskyj", "ProSelenskyj", 0, 5)


def test_an_institutions_name_is_not_mentioned_by_its_last_word_hand_made() -> None:
    # hand-made: a person is named by the surname; "Department of Defense" is not named by "Ministry of Defense"
    text = "The Ministry of Defense reported a delay. The Bank of England raised rates. England won. Selenskyj spoke."
    assert not mentions("U. S. Department of Defense", text, *_where(text, "The Ministry of Defense"))
    assert not mentions("Bank of England", text, *_where(text, "England won"))
    assert mentions("Bank of England", text, *_where(text, "raised rates"))
    assert mentions("Ministry of Defense", text, *_where(text, "reported a delay"))
    assert mentions("Wolodymyr Selenskyj", text, *_where(text, "Selenskyj spoke"))


# ---------------------------------------------------------------------------------------------------
# Performance (generous bound; measured ~0.1 ms per call on a warm cache)
# ---------------------------------------------------------------------------------------------------


def test_locate_non_matching_quote_is_fast() -> None:
    quote = (
        "Diese Lieferung ist vollkommen erfunden und steht so nirgendwo im Artikel, egal wie man sie dreht!!!"
    )
    assert len(quote) == 100
    for text in SEEDS.values():
        timings = []
        for _ in range(30):
            t0 = time.perf_counter()
            assert locate(quote, text) is None
            timings.append(time.perf_counter() - t0)
        assert statistics.median(timings) < 0.005
