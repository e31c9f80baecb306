"""Tests of ``summarize.article.clean`` on the five real seed pages and on hand-made pages."""

from __future__ import annotations

from collections import OrderedDict

import inspect
import random
import time
from pathlib import Path

import pytest

from summarize.article import clean as clean_module
from summarize.article.clean import RULES, CleanedText, classify, clean, find_date, parse_dateline

SEEDS = Path(__file__).parent.parent.parent / "seeds"
PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
SEED_IDS = ("000", "001", "002", "003", "004")


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def removed_rules(text: str) -> dict[str, str]:
    """Stripped line -> rule, for every removed line."""
    return {line.text.strip(): line.rule for line in classify(text) if line.rule is not None}


def _keeps_only(text: str, article: list[str], chrome: list[str]) -> None:
    """Cleaning ``text`` keeps every line of ``article`` and none of ``chrome``."""
    kept = clean(text).text
    for line in article:
        assert line in kept, line
    for line in chrome:
        assert line not in kept, line


def kept_lines(cleaned: CleanedText) -> list[str]:
    return cleaned.text.split("\n")


# A paragraph that no rule may touch, for building small hand-made pages around a test line.
PARA_DE = "Die Gespräche dauerten zwei Stunden und endeten ohne Ergebnis, berichteten Diplomaten in Kiew."
PARA_EN = "The talks lasted two hours and ended without a result, diplomats in Kyiv said on Friday."
TITLE_DE = "Trump und Selenskyj beraten über Luftabwehr"


def page(*lines: str) -> str:
    """A hand-made page: a title, a paragraph, the given lines, a closing paragraph."""
    return "\n".join((TITLE_DE, PARA_DE, *lines, PARA_EN)) + "\n"


# --------------------------------------------------------------------------- seeds: what survives

MUST_SURVIVE: dict[str, list[str]] = {
    "000": [
        "Trump und Selenskyj verhandeln über Waffenlieferungen – "
        "während Russland Kiew mit Rekord-Drohnenangriff überzieht",
        "In einem 40-minütigen Telefonat erörterten US-Präsident Donald Trump",
        "Zeitpunkt der Gespräche wirft Fragen auf",
        "Patriot-Systeme im Fokus der Verhandlungen",
        "Deutschland springt in die Bresche",
        "Die Realität des Krieges duldet keinen Aufschub",
        "mit unabsehbaren Folgen für die europäische Sicherheitsarchitektur und die Glaubwürdigkeit des Westens.",
    ],
    "001": [
        "Wolodymyr Selenskyj: Gespräch mit Donald Trump beim Nato-Gipfel – Überraschende Wendung in Sicht",
        "Beim Nato-Gipfel in Den Haag kam es zu einem bemerkenswerten Gespräch",
        '"Wir können uns gegenseitig stärken", betonte Wolodymyr Selenskyj nach dem Treffen auf X.',
        "Erstes direktes Treffen von Wolodymyr Selenskyj und Donald Trump seit Monaten",
        "Hoffnung, Strategie – und politische Realität",
        "Keine Einladung zum Bündnis: Nato-Tür bleibt für Ukraine vorerst zu",
        "Das Treffen zwischen Wolodymyr Selenskyj und Donald Trump markiert einen neuen Anlauf",
    ],
    "002": [
        "USA setzen Militärhilfen aus – Gespräche über Frieden, aber auch klare Drohungen aus Moskau",
        "Russland weitet Invasion aus, während die USA ihre Prioritäten überdenken",
        "Am 4. Juli 2025, dem amerikanischen Unabhängigkeitstag,",
        "In einer Erklärung sagte Anna Kelly, Sprecherin des Weißen Hauses:",
        "Fazit: Frieden rückt nicht näher – Fronten bleiben verhärtet",
        "Trumps Gesprächsdiplomatie zeigt zwar Bewegung, doch keine konkreten Ergebnisse.",
    ],
    "003": [
        'Trump nach Telefonat mit Putin: "Es ist ein großer Fortschritt gemacht worden"',
        "Einen konkreten Termin nannte er nicht.",
        '"Ein großer Fortschritt"',
        "Deutschlands Verteidigungsminister Boris Pistorius und sein britischer Amtskollege John Healey",
        "Europäische Rüstungshilfe ausgeweitet",
        "Indien will russisches Öl nicht mehr abnehmen",
        'Ungarns Ministerpräsident Viktor Orban erklärte auf X: "Wir sind bereit"',
        "Russland hat dem Vorschlag laut Kreml bereits zugestimmt.",
    ],
    "004": [
        "Trump-Putin-Anruf überrascht Selenskyj vor USA-Besuch",
        "Ein Anruf zwischen Trump und Putin überrascht Kyjiw vor Selenskyjs Besuch in Washington.",
        "berichtet Renewz.de mit Verweis auf BBC.",
        "Innerhalb von 24 Stunden hatte Russland erneut Dutzende Raketen und mehr als 300 Drohnen",
        "„Einem Menschen wie Putin kann man nicht trauen.“",
        "Das geplante Treffen in Ungarn, das ohne erkennbare Gegenleistung angeboten wur",
    ],
}

MUST_GO: dict[str, list[str]] = {
    "000": [
        "- Themen:",
        "- #Energie",
        "FINANZIELLE SELBSTVERTEIDIGUNG",
        "Keine Kreditkarte erforderlich",
        "Ihre Experten im Webinar:",
        "Thilo Sarrazin",
        "Ernst Wolff",
        "Florian Homm",
        "Thorsten Schulte",
        "Prof. Dr. R. Werner",
        "Paul Brandenburg",
        "AMLA & Kontrolle",
        "15.000€ Gold",
        "Kettner Edelmetalle News",
    ],
    "001": [
        "Bild: picture alliance",
        "Artikel teilen:",
        "Ukraine plant gemeinsame Drohnenproduktion mit den USA",
        "Auch lesenswert:",
        "Folgen Sie News.de schon bei WhatsApp",
        "/gom/news.de",
        "Erfahren Sie hier mehr über die journalistischen Standards",
    ],
    "002": [],
    "003": [
        "(VOL.AT)",
        "Du hast einen Hinweis für uns?",
        "Einfach das Formular unten ausfüllen",
        "Zum WhatsApp Chat",
        "Herzlichen Dank für deine Zusendung.",
    ],
    "004": [
        "(BTC)",
        "(ETH)",
        "(LTC)",
        "RENEWZ.de",
        "Finde, was zählt. Immer informiert",
        "Oktober 17, 2025",
        "James Whitmore",
        "Foto: Kevin Lamarque/Reuters",
        "Lesen Sie auch: ZDF ändert Programm",
        "crossmenu",
    ],
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_article_sentences_survive(seed: str) -> None:
    text = clean(seed_text(seed)).text
    missing = [sentence for sentence in MUST_SURVIVE[seed] if sentence not in text]
    assert missing == []


@pytest.mark.parametrize("seed", SEED_IDS)
def test_chrome_is_removed(seed: str) -> None:
    text = clean(seed_text(seed)).text
    left = [chrome for chrome in MUST_GO[seed] if chrome in text]
    assert left == []


@pytest.mark.parametrize("seed", SEED_IDS)
def test_no_long_article_line_is_lost(seed: str) -> None:
    """Every removed line of 15+ words must be removed by a boilerplate pattern, never by shape."""
    for line in classify(seed_text(seed)):
        if line.rule is not None and len(line.text.split()) >= 15:
            assert line.rule == "boilerplate", line.text


def test_webinar_ad_of_seed_000_is_gone() -> None:
    text = clean(seed_text("000")).text
    for name in ("Sarrazin", "Wolff", "Homm", "Schulte", "Werner", "Brandenburg", "Webinar", "Gold"):
        assert name not in text
    assert text.endswith("die Glaubwürdigkeit des Westens.")


def test_seed_004_title_kept_once_and_header_chrome_attributed() -> None:
    original = seed_text("004")
    cleaned = clean(original)
    title = "Trump-Putin-Anruf überrascht Selenskyj vor USA-Besuch"
    assert original.count(title) == 2
    assert cleaned.text.count(title) == 1
    assert cleaned.text.startswith(title + "\n")
    rules = removed_rules(original)
    assert rules["(BTC)"] == rules["(ETH)"] == rules["(LTC)"] == "menu"
    assert rules["Oktober 17, 2025"] == "dateline"
    assert rules["James Whitmore"] == "byline"
    assert rules["Foto: Kevin Lamarque/Reuters"] == "boilerplate"
    assert cleaned.report.removed_by_rule["duplicate"] == 1


def test_rule_attribution_on_seeds() -> None:
    seed_000 = removed_rules(seed_text("000"))
    assert seed_000["Thilo Sarrazin"] == "menu"
    assert seed_000["- Finanzen"] == "bullet_teaser"
    seed_001 = removed_rules(seed_text("001"))
    assert seed_001["Politik"] == "short_fragment"
    assert seed_001["Themen"] == "short_fragment"
    assert seed_001["• Kauf amerikanischer Luftabwehrsysteme im Gespräch"] == "bullet_teaser"
    assert seed_001["Auch lesenswert:"] == "boilerplate"
    seed_003 = removed_rules(seed_text("003"))
    assert seed_003["(VOL.AT)"] == "short_fragment"
    assert seed_003["Herzlichen Dank für deine Zusendung."] == "boilerplate"


def test_seed_headings_between_paragraphs_are_kept() -> None:
    lines = kept_lines(clean(seed_text("003")))
    for heading in ("Putin warnt vor US-Waffenlieferungen", "Vorbereitungen für Budapest laufen"):
        assert heading in lines


# --------------------------------------------------------------------------- seeds: report and map


@pytest.mark.parametrize("seed", SEED_IDS)
def test_report_is_consistent(seed: str) -> None:
    original = seed_text(seed)
    cleaned = clean(original)
    report = cleaned.report
    assert report.chars_in == len(original)
    assert report.chars_kept == len(cleaned.text)
    assert report.lines_removed == sum(report.removed_by_rule.values())
    assert set(report.removed_by_rule) <= set(RULES)
    assert all(count > 0 for count in report.removed_by_rule.values())
    # every non-blank original character is either kept or removed; the clean text adds one "\n" per join
    nonblank = [line for line in original.splitlines() if line.strip()]
    joins = len(cleaned.segments) - 1
    assert report.chars_kept - joins + report.chars_removed == sum(len(line) for line in nonblank)
    assert len(cleaned.segments) + report.lines_removed == len(nonblank)


@pytest.mark.parametrize("seed", ("000", "001", "003", "004"))
def test_chrome_is_removed_from_every_page_with_chrome(seed: str) -> None:
    report = clean(seed_text(seed)).report
    assert report.chars_removed > 0
    assert report.chars_kept < report.chars_in


def test_clean_page_is_left_alone() -> None:
    """Seed 002 has no page chrome at all (no blank lines either): cleaning must not change it."""
    original = seed_text("002")
    cleaned = clean(original)
    assert cleaned.report.chars_removed == 0
    assert cleaned.report.lines_removed == 0
    assert cleaned.text == original


@pytest.mark.parametrize("seed", SEED_IDS)
def test_segments_point_at_identical_text(seed: str) -> None:
    original = seed_text(seed)
    cleaned = clean(original)
    for clean_start, orig_start, length in cleaned.segments:
        assert length > 0
        assert cleaned.text[clean_start : clean_start + length] == original[orig_start : orig_start + length]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_to_original_inside_a_line_returns_identical_text(seed: str) -> None:
    original = seed_text(seed)
    cleaned = clean(original)
    rng = random.Random(seed)
    for clean_start, _, length in cleaned.segments:
        spans = [(clean_start, clean_start + length)]
        for _ in range(20):
            a, b = sorted(rng.randrange(clean_start, clean_start + length + 1) for _ in range(2))
            spans.append((a, b))
        for start, end in spans:
            mapped = cleaned.to_original(start, end)
            assert mapped is not None
            assert original[mapped[0] : mapped[1]] == cleaned.text[start:end]


def test_to_original_across_lines() -> None:
    original = seed_text("004")
    cleaned = clean(original)
    text = cleaned.text

    # lead and next paragraph: only a blank line between them in the original -> maps
    a = text.index("Thema: Waffenhilfe")
    b = text.index("Die Nachricht über ein Telefongespräch") + len("Die Nachricht")
    mapped = cleaned.to_original(a, b)
    assert mapped is not None
    quoted = original[mapped[0] : mapped[1]]
    assert quoted.startswith("Thema: Waffenhilfe") and quoted.endswith("\n\nDie Nachricht")

    # across the removed photo credit -> None
    a = text.index("den Durchbruch bringen")
    b = text.index("Trotzdem würde die Lieferung") + len("Trotzdem")
    assert "Foto:" in original[original.index("den Durchbruch bringen") : original.index("Trotzdem würde")]
    assert cleaned.to_original(a, b) is None

    # ending on the join character itself still belongs to the first line
    end_of_lead = text.index("Machtspiele.") + len("Machtspiele.")
    assert text[end_of_lead] == "\n"
    mapped = cleaned.to_original(text.index("Machtspiele."), end_of_lead + 1)
    assert mapped is not None and original[mapped[0] : mapped[1]] == "Machtspiele.\n"


def test_to_original_rejects_bad_spans() -> None:
    cleaned = clean(seed_text("002"))
    with pytest.raises(ValueError):
        cleaned.to_original(10, 5)
    with pytest.raises(ValueError):
        cleaned.to_original(0, len(cleaned.text) + 1)
    assert cleaned.to_original(7, 7) == (7, 7)


def test_to_original_handles_crlf_and_indentation() -> None:
    """Hand-made fixture: Windows line breaks, an indented paragraph, a removed line between."""
    original = "Politik\r\n" + TITLE_DE + "\r\n\r\n   " + PARA_DE + "\r\nAnzeige\r\n" + PARA_EN + "\r\n"
    cleaned = clean(original)
    assert "\r" not in cleaned.text
    assert cleaned.text.split("\n") == [TITLE_DE, "   " + PARA_DE, PARA_EN]
    for clean_start, orig_start, length in cleaned.segments:
        assert original[orig_start : orig_start + length] == cleaned.text[clean_start : clean_start + length]
    # title -> indented paragraph: adjacent (blank line only)
    mapped = cleaned.to_original(0, len(TITLE_DE) + 6)
    assert mapped is not None and original[mapped[0] : mapped[1]] == TITLE_DE + "\r\n\r\n   Di"
    # indented paragraph -> English paragraph: "Anzeige" lies between
    start = cleaned.text.index("Diplomaten in Kiew.")
    assert cleaned.to_original(start, cleaned.text.index("talks")) is None


def test_cleaned_text_without_adjacency_only_maps_inside_lines() -> None:
    cleaned = clean(seed_text("002"))
    bare = CleanedText(cleaned.text, cleaned.segments, cleaned.report)
    assert bare.to_original(0, 5) == (0, 5)
    first_line_end = cleaned.segments[1][0]
    assert bare.to_original(0, first_line_end + 3) is None
    assert cleaned.to_original(0, first_line_end + 3) == (0, first_line_end + 3)


def test_clean_is_fast() -> None:
    texts = [seed_text(seed) for seed in SEED_IDS]
    for text in texts:
        best = min(_timed(text) for _ in range(5))
        assert best < 0.005, f"clean() took {best * 1000:.1f} ms"


def _timed(text: str) -> float:
    start = time.perf_counter()
    clean(text)
    return time.perf_counter() - start


# --------------------------------------------------------------------------- hand-made pages


def test_english_page() -> None:
    """Hand-made fixture tests/fixtures/pages/en_wire_story.txt: an English wire story with chrome."""
    original = (PAGES / "en_wire_story.txt").read_text(encoding="utf-8")
    cleaned = clean(original)
    assert kept_lines(cleaned) == [
        "Zelensky and Trump discuss air defence ahead of White House visit",
        "Ukrainian President Volodymyr Zelensky spoke with US President Donald Trump on Friday about new "
        "deliveries of air defence systems. Both sides called the conversation productive.",
        "The call came a day after Russia launched one of its largest drone attacks on Kyiv since the start "
        "of the war. Officials in Kyiv said more than 300 drones and dozens of missiles were fired overnight.",
        "Talks on joint production",
        "Zelensky said the two leaders discussed joint production of drones and the purchase of American "
        'weapons. "We need it, America needs it," he said.',
        "Kyiv Responds",
        "Germany is in talks to buy Patriot systems for Ukraine, according to officials familiar with the "
        "discussions. The White House did not comment on the details.",
    ]
    rules = removed_rules(original)
    assert rules["Read also: Five things to know about the Patriot missile system"] == "boilerplate"
    assert rules["Share this article"] == "boilerplate"
    assert rules["Photo: John Smith/AP"] == "boilerplate"
    assert rules["By Jane Doe"] == "byline"
    assert rules["October 17, 2025"] == "dateline"
    assert rules["Sign up for our newsletter to get the latest news in your inbox."] == "boilerplate"
    assert rules["Advertisement"] == "boilerplate"
    assert rules["Follow us on X and Facebook"] == "boilerplate"
    assert rules["World"] == rules["Politics"] == "menu"
    assert rules["examplewire.com"] == "short_fragment"


BOILERPLATE_LINES = [
    "Artikel teilen:",
    "Jetzt teilen",
    "Folgen Sie uns bei WhatsApp, Facebook und Instagram!",
    "Lesen Sie auch: Was die neuen Sanktionen bedeuten",
    "Auch lesenswert:",
    "Mehr zum Thema",
    "Das könnte Sie auch interessieren",
    "Bild: picture alliance/dpa | Michael Kappeler",
    # HAND-MADE after two real pages: a caption its credit closes in brackets, a broadcaster's line under a report
    "Der Präsident telefonierte mit seinem Amtskollegen in Washington. (picture alliance / Newscom / Press Office)",
    "Trump called his conversation with Putin “very productive” in a post on Thursday evening. (AFP)",
    # HAND-MADE after a real page: a caption whose credit in brackets is an outlet of summarize/data/media.json
    "Jane Doe answers questions during an exclusive appearance on an evening show. (Fox News)",
    "Diese Nachricht wurde am 04.07.2025 im Programm Deutschlandfunk gesendet.",
    # HAND-MADE after a real page: the source's line with the story's age, the site's notice of its AI, a caption
    # that opens with where its subject is
    "Examplenews2 days ago",
    "vor 3 Stunden",
    "Examplenews AI is in beta. Translations may contain inaccuracies—please refer to the original content.",
    "Left: President Jane Doe speaks to reporters in the Oval Office of the White House, May 23, 2025, in Washington.",
    "Foto: Kevin Lamarque/Reuters",
    "Quelle: dpa",
    "dpa/AFP",
    "Du hast einen Hinweis für uns? Dann melde dich bei uns.",
    "Herzlichen Dank für deine Zusendung.",
    "Einfach das Formular unten ausfüllen und schon landet dein Tipp bei uns.",
    "Erfahren Sie hier mehr über die journalistischen Standards und die Redaktion.",
    "Keine Kreditkarte erforderlich • Keine versteckten Kosten",
    "Jetzt kostenlos anmelden",
    "Newsletter abonnieren",
    "Anzeige",
    "Immer informiert",
    "Read also: Five things to know about Patriot missiles",
    "Read more",
    "Share this article",
    "Follow us on X",
    "Sign up for our newsletter",
    "Photo: Jane Doe/AP",
    "Jane Doe/AP/dpa Die beiden Präsidenten beim letzten Treffen in Anchorage (16.8.2025)",
    "ab mit dpa/afp",
    "Image: Getty Images",
    "Advertisement",
    "We use cookies to improve your experience. Accept all cookies or manage your privacy settings.",
    # a consent notice whose verb comes first, and a publisher's wall against ad blockers (in the words of a real
    # German regional site's; hand-made lines)
    "Um Ihnen ein besseres Nutzererlebnis zu bieten, verwenden wir Cookies.",
    "Durch Nutzung unserer Dienste stimmen Sie unserer Verwendung von Cookies zu.",
    "Weitere Informationen",
    "Für die Finanzierung unseres Angebots sind wir auf die Anzeigen unserer Werbepartner angewiesen.",
    "Deaktivieren Sie die Werbeblockierung für diese Seite.",
    "Lesen Sie wie gewohnt mit aktiviertem Ad-Blocker",
    "Jetzt für nur 0,99€ im ersten Monat testen",
    "Unbegrenzter Zugang zu allen Berichten und Exklusiv-Artikeln",
    "Sie sehen dieses Banner trotzdem? Bitte aktualisieren Sie die Seite.",
    "© 2025 Example Media. All rights reserved.",
    "Facebook Twitter E-Mail",
    "Stay informed",
    "Related articles",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_boilerplate_lines(line: str) -> None:
    """Hand-made fixture: each chrome line between two paragraphs."""
    cleaned = clean(page(line))
    assert removed_rules(page(line)) == {line: "boilerplate"}
    assert line not in cleaned.text


def test_a_line_that_opens_like_a_caption_or_ends_like_a_timestamp_in_prose_is_kept() -> None:
    """Hand-made fixture: prose that starts with a direction word without a colon, or names days ago mid-sentence."""
    prose = ("Left with no choice, the government said two days ago that it would buy the missiles from Germany, "
             "a spokesman told reporters on Monday.")
    assert removed_rules(page(prose)) == {}


def test_caption_with_credit_is_removed_but_long_prose_with_credit_word_is_kept() -> None:
    """Hand-made fixture: a caption ending in a credit vs. prose that merely mentions photos."""
    caption = "Selenskyj und Trump beim Treffen in Den Haag. Foto: Kay Nietfeld/dpa"
    prose = (
        "Das Foto: ein Beleg dafür, dass die beiden Präsidenten sich trafen, sagte ein Sprecher "
        "der Regierung am Montag in Kiew."
    )
    rules = removed_rules(page(caption, prose))
    assert rules == {caption: "boilerplate"}
    # a credit in brackets closes a caption; in a sentence's middle it is the report's source
    sourced = "Moskau (AFP) Der Kreml hat die Gespräche mit Washington als konstruktiv bezeichnet, sagte ein Sprecher."
    assert removed_rules(page(sourced)) == {}


def test_a_headline_in_parentheses_closing_a_paragraph_is_split_off_as_a_teaser() -> None:
    """Hand-made fixture after a real page: a link to another story in parentheses after a paragraph's last
    sentence goes, and the paragraph stays with offsets into the original; a short aside, one with a sentence
    of its own, and a caption whose credit is in parentheses are left as they were."""
    prose = "Trump sagte, er müsse mit Putin sprechen, um zu sehen, ob er wolle, dass „die Tomahawks fliegen“."
    teaser = "(Russland warnt Ukraine vor Einsatz von Langstreckenraketen unter falscher Flagge)"
    text = page(f"{prose} {teaser}")
    assert removed_rules(text) == {teaser: "boilerplate"}
    cleaned = clean(text)
    assert prose in kept_lines(cleaned) and "Russland warnt" not in cleaned.text
    start = cleaned.text.index(prose)
    span = cleaned.to_original(start, start + len(prose))
    assert span is not None and text[span[0]:span[1]] == prose
    # the paragraph and the next line were not adjacent: a quote cannot run across the removed teaser
    assert cleaned.to_original(start, start + len(prose) + 5) is None
    for kept in (f"{prose} (laut Kreml)", f"{prose} (Der Kreml bestätigte das später. Er schwieg.)",
                 f"{prose} (wie der Kreml bestätigte, der gestern noch schwieg)"):
        assert removed_rules(page(kept)) == {}, kept
    caption = "Trump und Selenskyj im Weißen Haus. (Photo by Andrew Harnik/Getty Images)"
    assert removed_rules(page(caption)) == {caption: "boilerplate"}


def test_a_caption_with_its_credit_glued_on_goes_but_a_model_word_before_a_colon_stays() -> None:
    """Hand-made fixture after a real page (a caption and its credit in two elements of the page, joined with no
    space: "... Wladimir PutinBild: Kevin Dietsch/Getty Images/AFP")."""
    caption = ("US-Präsident Donald Trump äußert sich vor Journalisten zum Gespräch mit Russlands Präsident "
               "Wladimir PutinBild: Max Muster/Example Images/AFP")
    assert removed_rules(page(caption)) == {caption: "boilerplate"}
    prose = "Sein politisches Vorbild: der frühere Präsident Ronald Reagan, sagte er den Reportern am Montag"
    assert removed_rules(page(prose)) == {}


def test_a_newsletter_box_goes_with_its_title_and_tagline_but_not_the_paragraph_above() -> None:
    """Hand-made fixture: a sign-up box of three lines right under a paragraph; a short line of the article
    with a blank line before the box stays, and so does prose that only names a person and an agency."""
    box = ["Hauptstadt Inside von Jane Doe, Chefredakteurin der Beispiel-Redaktion",
           "Hinter den Kulissen der Politik - meinungsstark, exklusiv, relevant.",
           "Mit meiner Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu."]
    rules = removed_rules(page(*box))
    assert rules == {line: "boilerplate" for line in box}
    short = "Der Krieg dauert an."
    assert short not in removed_rules(page(short, "", box[2]))
    prose = "Jane Doe sagte der AP, die Gespräche seien gut verlaufen."
    assert removed_rules(page(prose)) == {}


@pytest.mark.parametrize(
    "line",
    [
        "- Ukraine plant gemeinsame Drohnenproduktion",
        "• Kauf amerikanischer Luftabwehrsysteme im Gespräch",
        "  • Donald Trump: \"Putin will aus dem Krieg raus\"",
        "* More on the war in Ukraine",
    ],
)
def test_bullet_teasers(line: str) -> None:
    """Hand-made fixture."""
    assert removed_rules(page(line)) == {line.strip(): "bullet_teaser"}


def test_long_bullet_is_prose_and_kept() -> None:
    """Hand-made fixture: a 15+ word bullet is protected."""
    bullet = (
        "- Die Regierung kündigte an, dass sie in den kommenden Wochen weitere Systeme liefern werde, "
        "sagte ein Sprecher."
    )
    assert bullet in kept_lines(clean(page(bullet)))


@pytest.mark.parametrize("line", ["#Energie", "#Ukraine #Krieg", "#news, #politics"])
def test_hashtags(line: str) -> None:
    """Hand-made fixture."""
    assert removed_rules(page(line)) == {line: "hashtag"}


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Oktober 17, 2025", (2025, 10, 17)),
        ("17.10.2025", (2025, 10, 17)),
        ("17 October 2025", (2025, 10, 17)),
        ("October 17th, 2025", (2025, 10, 17)),
        ("17. Oktober 2025", (2025, 10, 17)),
        ("2025-10-17", (2025, 10, 17)),
        ("2025-10-17T14:30:00Z", (2025, 10, 17)),
        ("Freitag, 17. Oktober 2025", (2025, 10, 17)),
        ("Veröffentlicht am 17.10.2025, 14:30 Uhr", (2025, 10, 17)),
        ("Updated: March 3, 2024 at 9:15 am", (2024, 3, 3)),
        ("Stand: 4. Juli 2025", (2025, 7, 4)),
        ("July 8, 2025 / 3:52 PM", (2025, 7, 8)),  # the time after a slash
        ("3:09 PM – Friday, October 17, 2025", (2025, 10, 17)),  # the time first
        ("18:06 17.10.2025", (2025, 10, 17)),
    ],
)
def test_datelines(line: str, date: tuple[int, int, int]) -> None:
    """Hand-made fixture."""
    parsed = parse_dateline(line)
    assert parsed is not None and (parsed.year, parsed.month, parsed.day) == date
    assert removed_rules(page(line)) == {line: "dateline"}


def test_dates_in_sentences_are_not_datelines() -> None:
    assert parse_dateline("ab 1. Juli 2025") is None
    assert parse_dateline("Am 4. Juli 2025 sprach Trump.") is None
    assert parse_dateline("31.02.2025") is None
    assert parse_dateline("3:09 PM Trump spoke with Putin on Friday, October 17, 2025") is None
    assert parse_dateline("Um 14:30 Uhr, am 17.10.2025, begann das Treffen.") is None
    found = find_date("Am 4. Juli 2025 sprach Trump.")
    assert found is not None and found[0].isoformat() == "2025-07-04"
    assert find_date("15.000€ Gold") is None


def test_menu_run_with_blank_lines() -> None:
    """Hand-made fixture: a speaker list broken up by blank lines, between two paragraphs."""
    speakers = ["Ihre Referenten:", "", "Anna Beispiel", "", "Bernd Muster", "", "Dr. C. Probe", "Karl Test"]
    rules = removed_rules(page(*speakers))
    assert rules == {line: "menu" for line in speakers if line}


def test_four_word_headline_after_ticker_is_kept() -> None:
    """Hand-made fixture: a ticker, then a four-word headline that must not join the run."""
    text = "(BTC)\n(ETH)\n(LTC)\nPutin warnt vor Waffenlieferungen\n\n" + PARA_DE + "\n"
    cleaned = clean(text)
    assert kept_lines(cleaned) == ["Putin warnt vor Waffenlieferungen", PARA_DE]
    assert cleaned.report.removed_by_rule == {"menu": 3}


def test_two_short_lines_are_not_a_menu() -> None:
    """Hand-made fixture: a heading and a subheading are only two short lines."""
    text = page("Neue Lage", "Drohnenangriffe in der Nacht")
    assert "Drohnenangriffe in der Nacht" in kept_lines(clean(text))


@pytest.mark.parametrize(
    "line",
    ["Von Max Mustermann", "By Jane Doe and John Roe", "Von Anna Beispiel, 17.10.2025", "Jane Doe | 17 October 2025",
     "Published by Jane Alicia Doe 7 de julio, 2025", "Posted by John Roe | 3 hours ago",
     "by Jane Doe July 4, 2025 4:47 PM  (Updated: ) 2 min read", "Example Courier - 04 Juli 2025 20:27",
     "Erika Musterfrau | 17.10.2025, 08:15 Uhr", "By Jane Doe, The Associated Press", "Von Max Mustermann, dpa"],
)
def test_explicit_bylines(line: str) -> None:
    """Hand-made fixture: a date the date reader does not know ("7 de julio, 2025") or a time and reading
    time after the names do not hide a byline; nor does a time after the date of a "Name - date" line."""
    assert removed_rules(page(line)) == {line: "byline"}


@pytest.mark.parametrize("line", ["By 2025, Russia will have lost much of its air force.",
                                  "Published by the Pentagon on Monday, the list names 12 systems.",
                                  "By Monday, The White House had agreed."])
def test_by_and_a_number_in_prose_is_not_a_byline(line: str) -> None:
    """Hand-made fixture."""
    assert line in kept_lines(clean(page(line)))


def test_an_embedded_post_with_its_picture_link_and_attribution_is_chrome() -> None:
    """Hand-made fixture: the fallback text of an embedded X/Twitter post (its words, the picture link, "— Name
    (@handle) Month D, YYYY") is the embed's, not the article's; a sentence that mentions a handle stays."""
    embed = 'NOW - Minister on aid: "We will send more."pic.twitter.com/AbC123xyz — Example News (@examplenews) July 8, 2025'
    bare = "— Jane Doe (@janedoe) October 17, 2025"
    prose = "The minister (@minister on X) wrote on July 8, 2025 that more aid would follow soon, officials said."
    text = "\n".join((TITLE_DE, PARA_EN, embed, bare, prose, PARA_EN + " Again."))
    assert removed_rules(text) == {embed: "boilerplate", bare: "boilerplate"}


def test_lone_name_is_a_byline_in_the_header_but_a_heading_between_paragraphs() -> None:
    """Hand-made fixture: "James Whitmore" under the title goes; "Kyiv Responds" between paragraphs stays."""
    text = "\n".join((TITLE_DE, "James Whitmore", PARA_DE, "Kyiv Responds", PARA_EN, "Erika Musterfrau"))
    cleaned = clean(text)
    assert kept_lines(cleaned) == [TITLE_DE, PARA_DE, "Kyiv Responds", PARA_EN]
    assert cleaned.report.removed_by_rule == {"byline": 2}


def test_von_followed_by_prose_is_not_a_byline() -> None:
    """Hand-made fixture."""
    line = "Von Berlin aus reiste er weiter nach Kiew."
    assert line in kept_lines(clean(page(line)))


@pytest.mark.parametrize(
    "line", ["Politik", "Themen", "crossmenu", "/nav/example.de", "(EXAMPLE.AT)", "12", "Mehr Nachrichten"]
)
def test_short_fragments(line: str) -> None:
    """Hand-made fixture: fragments after the last paragraph."""
    text = "\n".join((TITLE_DE, PARA_DE, PARA_EN, line))
    assert removed_rules(text) == {line: "short_fragment"}


@pytest.mark.parametrize("label", ["The United States", "The United Arab Emirates", "Bosnien und Herzegowina"])
def test_a_place_name_alone_above_the_title_is_a_section_label(label: str) -> None:
    """Hand-made fixture: a site's section label of three words or more ("The United States" above the
    headline; one or two words were fragments already) goes; the headline, a sentence naming the place and the
    same name as a heading between paragraphs stay."""
    text = "\n".join((label, TITLE_DE, PARA_DE, PARA_EN))
    assert removed_rules(text) == {label: "short_fragment"}
    assert label in kept_lines(clean(page(label)))  # a heading between two paragraphs
    for line in ("The United States and Ukraine", "The United States will pause deliveries",
                 "Trump-Putin Call Puts Tomahawk Deliveries to Ukraine into Doubt"):
        assert line in kept_lines(clean("\n".join((line, PARA_DE, PARA_EN))))


@pytest.mark.parametrize("heading", ["Hintergrund", "Europäische Reaktionen", "Warum?", "## Hintergrund"])
def test_short_headings_between_paragraphs_are_kept(heading: str) -> None:
    """Hand-made fixture."""
    assert heading in kept_lines(clean(page(heading)))


def test_fragment_rules_do_not_keep_lowercase_or_tags_between_paragraphs() -> None:
    """Hand-made fixture: a tag or a lower-case token is chrome even between two paragraphs."""
    assert removed_rules(page("(VOL.AT)")) == {"(VOL.AT)": "short_fragment"}
    assert removed_rules(page("crossmenu")) == {"crossmenu": "short_fragment"}


def test_duplicates() -> None:
    """Hand-made fixture: a repeated heading and a repeated paragraph (no content is lost)."""
    text = "\n".join((TITLE_DE, "", TITLE_DE, PARA_DE, PARA_DE + "  ", PARA_EN))
    cleaned = clean(text)
    assert kept_lines(cleaned) == [TITLE_DE, PARA_DE, PARA_EN]
    assert cleaned.report.removed_by_rule == {"duplicate": 2}


def test_long_prose_mentioning_chrome_words_is_kept() -> None:
    """Hand-made fixture: prose that talks about newsletters, sharing and photos stays."""
    lines = [
        "Der Newsletter des Ministeriums wurde eingestellt, wie eine Sprecherin am Montag mitteilte "
        "und dabei betonte, dass es Ersatz gebe.",
        "Die Regierung will Daten mit den Partnern teilen, sagte der Minister. Details nannte er nicht.",
        "Getty Images und andere Agenturen verklagten das Unternehmen im vergangenen Jahr wegen der "
        "Nutzung ihrer Fotos ohne Lizenz.",
        "Der Präsident sagte dem Sender (Fox News) am Freitag, er werde bald über die Lieferungen entscheiden.",
    ]
    assert kept_lines(clean(page(*lines)))[2:6] == lines


def test_empty_and_blank_text() -> None:
    for text in ("", "\n\n  \n"):
        cleaned = clean(text)
        assert cleaned.text == ""
        assert cleaned.segments == ()
        assert cleaned.report.chars_removed == 0 and cleaned.report.lines_removed == 0
        assert cleaned.to_original(0, 0) is None


# --------------------------------------------------------------------------- the module itself


def test_docstring_lists_every_rule_with_an_example() -> None:
    doc = clean_module.__doc__ or ""
    for rule in RULES:
        assert f"``{rule}``\n    " in doc, rule


def test_rules_name_no_seed_specific_site_or_person() -> None:
    from summarize.article import boilerplate, classify as classify_module, lines, shapes

    source = "".join(inspect.getsource(m) for m in (clean_module, classify_module, lines, boilerplate, shapes)).lower()
    for name in ("sarrazin", "news.de", "renewz", "vol.at", "kettner", "whitmore", "selenskyj", "trump"):
        assert name not in source, name


def test_photo_captions_and_agency_update_tags_are_chrome() -> None:
    """HAND-MADE page: captions say where people stand in the picture, what kind of picture it is, or end in
    the photographer's credit; one is given twice, bare and credited; an agency tag names what it updated.
    None of it is the article, and the article's own sentences stay."""
    body = "Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte."
    captions = [
        "Kanzlerin Erika Muster (l.) und Präsident Max Beispiel sprechen vor dem Treffen miteinander.",
        "President Jane Doe, left, greets Prime Minister John Roe at the summit, Friday, Oct. 17, 2025",
        "President Jane Doe, left, greets Prime Minister John Roe at the summit, Friday, Oct. 17, 2025 AP Photo",
        "Ein Soldat an der Front bei Charkiw (Symbolbild) (Photo by Jane Doe/Getty Images)",
        "A destroyer launches a cruise missile in the Mediterranean Sea, 7 April, 2017",
        "A destroyer launches a cruise missile in the Mediterranean Sea, 7 April, 2017 AP Photo",
        "Two presidents held a phone call, where one of them pressed for more air defence missiles. / Example News",
        "President Jane Doe meeting her counterpart John Roe at the summit in Valen on June 25, 2025. (Jane Doe/Telegram)",
        "President Jane Doe with Prime Minister John Roe. (Right) Cruise missiles | X",
        "(Neu: Ukraine, Einzelheiten)",
    ]
    text = "\n\n".join([captions[-1], captions[0], body, *captions[1:-1], body.replace("Dienstag", "Mittwoch")])
    kept = clean(text).text
    assert body in kept and body.replace("Dienstag", "Mittwoch") in kept
    for caption in captions:
        assert caption not in kept, caption
    # brackets and slashes in the article's own sentences are not a credit
    prose = ("Die Allianz (Nato/EU) kündigte am Dienstag neue Hilfen an. "
             "Der Minister sprach (rechts im Bild ist nichts) von einem Durchbruch, sagte ein Sprecher.")
    assert prose in clean(f"{prose}\n\n{body}").text


def test_an_authors_note_of_experience_and_a_channel_to_join_are_chrome() -> None:
    """HAND-MADE page, after the pattern of a real one (h99): the note on the story's author and the call to join
    the site's channel on a messenger, between the teaser and the story, are page chrome; a sentence of the story
    that counts years, or that joins talks, stays."""
    body = "Washington - The president said on Monday his country would send more weapons, mostly defensive ones."
    years = "The senator, a former reporter, has served for 12 years on the committee."
    note = "Example.ng journalist, Jane Doe, has over 9 years of experience covering global affairs."
    join = "Don't miss out! Join Example.ng's Sports News channel on WhatsApp now!"
    joined = "The minister said he would join the talks on Telegram security next week."  # prose: stays
    kept = clean("\n\n".join([note, join, body, years, joined])).text
    assert body in kept and years in kept and joined in kept
    assert "Jane Doe" not in kept and "WhatsApp" not in kept


def test_wire_style_captions_gallery_counters_and_trailing_credits_are_chrome() -> None:
    """HAND-MADE page: captions in the agencies' style (a position in capitals, "(L)", with the caption's present
    tense after it or the picture's day at its end), a gallery's counter and licence link, a credit after the
    caption's last sentence ("Photo by ...", a web address). Party labels, dates and photos in the article's own
    sentences stay."""
    body = "The government announced a new aid package for Ukraine on Tuesday, a spokesman said."
    captions = [
        "Minister Jane Doe (L) listens while President John Roe speaks during Tuesday's meeting at the palace.",
        "President John Roe (2nd R) shakes hands with Minister Jane Doe at the summit in Valen.",
        "President John Roe meets with Minister Jane Doe (L) in the Cabinet Room in Valen on October 17, 2025.",
        "1 of 6 | Minister Jane Doe at the palace. | License Photo",
        "Minister Jane Doe arrives at the palace on Tuesday. Photo by Max Muster/Example",
        "President John Roe and Minister Jane Doe shaking hands, Valen, August 15th 2025.  Example.ru",
    ]
    text = "\n\n".join([body, *captions, body.replace("Tuesday", "Wednesday")])
    _keeps_only(text, [body, body.replace("Tuesday", "Wednesday")], captions)
    prose = [
        "Senator John Roe (R) says the package will pass the Senate next week, his office said.",
        "Senator John Roe (R) was among those who voted for the package on Tuesday, his office said.",
        "Senator John Roe (R) has called the package a waste of money in a statement on Tuesday.",
        "Senator John Roe (R-Valen) met Minister Jane Doe on October 17, 2025, to discuss the package.",
        "The agency published a photo by Max Muster showing the damaged bridge in Valen.",
        "Minister Jane Doe called the aid package a turning point for the whole region of Valen.",
    ]
    for line in prose:
        assert line in clean(f"{body}\n\n{line}\n\n{body}").text, line


def test_a_translation_notice_and_a_screenshot_caption_are_chrome() -> None:
    """HAND-MADE page: a site's notice that the text is a machine translation, and the caption of a screenshot
    of the original; an article sentence about translation and one that opens with "Screenshots" stay."""
    body = "Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte."
    chrome = [
        "Das ist eine maschinelle Übersetzung eines Artikels des Onlineportals Beispiel.net. Die Übersetzung wurde "
        "weder überprüft noch redaktionell bearbeitet.",
        "This article was machine-translated from Ukrainian and has not been edited.",
        "Bildschirmfoto des Originalartikels auf beispiel.net",
    ]
    prose = ["Die Regierung prüft, ob eine maschinelle Übersetzung der Verträge zulässig ist.",
             "Screenshots zeigten, dass die Raketen bereits geliefert worden waren."]
    _keeps_only("\n\n".join([*chrome, body, *prose]), [body, *prose], chrome)


def test_a_caption_that_opens_with_a_title_above_a_bare_credit_is_chrome() -> None:
    """HAND-MADE page: a caption of a title and a sentence, then the photographer's credit on its own line."""
    body = "Der Verteidigungsminister reist am Montag nach Washington, um über den Kauf von Flugabwehrsystemen zu sprechen."
    caption = ("Muster vor Patriots. Der Minister hat sich vergangenes Jahr ein Bild von der Ausbildung ukrainischer "
               "Soldaten gemacht.")
    kept = clean("\n\n".join(["zum Hauptinhalt", caption, "© dpa/Erika Muster", body, body.replace("Montag", "Dienstag")])).text
    assert caption not in kept and body in kept
    # an article paragraph before a credit opens with a sentence that has a verb: it stays
    paragraph = "Der Minister traf seinen Amtskollegen. Beide sprachen über die Lieferungen."
    kept = clean("\n\n".join([body, paragraph, "© dpa/Erika Muster", body.replace("Montag", "Dienstag")])).text
    assert paragraph in kept



def test_a_caption_that_only_names_people_above_photographers_between_bars_is_chrome() -> None:
    """HAND-MADE page: a caption naming who is in the picture, the photographers and the agency between bars,
    a counter of views and a disclaimer about machine translation; none of it is the article's."""
    body = "Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte."
    chrome = ["Prime Minister Erika Muster and President John Roe.", "Jane Doe | John Roe | Via Reuters",
              "8413 Aufrufe 4 Kommentare(a)",
              "Haftungsausschluss: Die Übersetzungen werden größtenteils durch einen KI-Übersetzer durchgeführt."]
    kept = clean("\n\n".join([TITLE_DE, *chrome, body, body.replace("Dienstag", "Mittwoch")])).text
    assert body in kept and not any(line in kept for line in chrome), kept
    # a headline above a credit ends with no period, and prose has a verb: both stay
    headline, prose = "Prime Minister Erika Muster And President John Roe", "Erika Muster met John Roe in Rome."
    for line in (headline, prose):
        kept = clean("\n\n".join([TITLE_DE, body, line, "Jane Doe | Via Reuters", body.replace("Dienstag", "Mittwoch")])).text
        assert line in kept, line

def test_readers_comments_after_the_storys_closing_copyright_are_chrome() -> None:
    """HAND-MADE page: the story ends with its agency's copyright, readers' comments follow (a name, a comment)."""
    body = ["Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte.",
            "Das Paket umfasst Munition und Luftabwehr, die in den kommenden Wochen geliefert werden sollen, hieß es.",
            "Die Opposition kritisierte, das Paket komme zu spät.© Beispiel Agentur 2025."]
    comments = ["Wanderfalke", "Das war zu erwarten. Mehr Geld für Waffen.", "Lesergast", "Endlich!"]
    kept = clean("\n\n".join([TITLE_DE, *body, *comments])).text
    assert all(line in kept for line in body) and not any(c in kept.splitlines() for c in comments), kept
    # a copyright near the top (a photo's) ends nothing; nor does one without a year
    top = clean("\n\n".join([TITLE_DE, "Foto: Beispiel.© Beispiel Agentur 2025.", *body[:2], *comments])).text
    assert "Das war zu erwarten. Mehr Geld für Waffen." in top
    no_year = clean("\n\n".join([TITLE_DE, *body[:2], "Die Opposition kritisierte das.© Beispiel Agentur.",
                                  *comments])).text
    assert "Das war zu erwarten. Mehr Geld für Waffen." in no_year

def test_recommendation_and_read_below_lines_are_chrome() -> None:
    """HAND-MADE lines a site puts around its article: a recommendation heading, a category link and a line
    that points to the text below."""
    body = "Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte."
    chrome = ["Das könnte Dir auch gefallen", "Lies mehr aus der Kategorie Ukraine",
              "Read below for the main topics and outcomes of the meeting, as reported by Example News."]
    kept = clean("\n\n".join([body, chrome[2], body.replace("Dienstag", "Mittwoch"), *chrome[:2]])).text
    assert body in kept and all(line not in kept for line in chrome)


def test_the_teasers_under_a_box_of_other_stories_at_the_pages_end_are_chrome() -> None:
    """HAND-MADE: "Das könnte Dir auch gefallen" and the few short lines after it at the end of the page (a
    quote, a headline, a summary of another story) are chrome; after "Read More", or with more than a few
    lines after the box, the lines are the article's."""
    body = "Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte."
    teasers = ["Der Krieg sei zurück, sagt Beispiel, «das kann man nicht negieren».",
               "Beispiel fordert Wehrpflicht - doch er war einst Verweigerer",
               "Der Historiker Max Beispiel (77) fordert die Wiedereinführung der Wehrpflicht."]
    page = "\n\n".join([TITLE_DE, body, "Das könnte Dir auch gefallen", "Lies mehr aus der Kategorie Ukraine", *teasers])
    cleaned = clean(page)
    assert body in cleaned.text and not any(t in cleaned.text for t in teasers)
    assert cleaned.report.removed_by_rule == {"boilerplate": 5}
    more = "\n\n".join([TITLE_DE, body, "Read More", *teasers])
    assert all(t in clean(more).text for t in teasers)
    longer = "\n\n".join([TITLE_DE, body, "Das könnte Dir auch gefallen", *teasers, PARA_DE, PARA_EN])
    assert all(t in clean(longer).text for t in teasers)
    # a "MORE ABOUT" list: each teaser under its time, its headline twice
    listed = ["15:06 17.10.2025", "Delegation explores LNG cooperation", "Delegation explores LNG cooperation",
              "14:36 17.10.2025", "Kremlin says the meeting could take place within two weeks",
              "Kremlin says the meeting could take place within two weeks", "14:24 17.10.2025"]
    assert "cooperation" not in clean("\n\n".join([TITLE_DE, body, "MORE ABOUT", *listed])).text


def test_a_dated_teaser_card_at_the_pages_end_is_chrome() -> None:
    """HAND-MADE: after the story's paragraphs, a line that is only a date (a month and year, a magazine issue's
    label, or a full date) with one or two lines under it to the page's end is another story's teaser card. A
    date line above the story, or one of several dated entries in a ticker or a chronology, stays."""
    body = [TITLE_DE, PARA_DE, PARA_EN, PARA_EN.replace("Friday", "Monday")]
    card = ["Example Streaming, which has been in India for a decade, has struck a balance between premium content "
            "and prices that attract a range of customers, the company said."]
    for date in ("January 2026", "Januar 2026", "17.10.2025"):
        cleaned = clean("\n\n".join([*body, date, *card])).text
        assert PARA_EN in cleaned and card[0] not in cleaned and date not in cleaned
    assert card[0] in clean("\n\n".join([*body, "January 2026", *card, PARA_EN.replace("Friday", "Sunday"),
                                        PARA_EN.replace("Friday", "Tuesday")])).text  # three lines: the article's
    chronology = [TITLE_DE, "Januar 2022", PARA_DE, "Februar 2022", PARA_EN, PARA_EN.replace("Friday", "Monday"),
                  "März 2022", *card]
    assert card[0] in clean("\n\n".join(chronology)).text
    assert card[0] in clean("\n\n".join([TITLE_DE, "January 2026", PARA_DE, *card])).text  # the story's own date


# --------------------------------------------------------------------------- one classifying per article


def test_the_loader_keeps_its_lines_for_the_cleaner_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.article import classify as classify_module
    from summarize.article.load import article_from_text

    monkeypatch.setattr(classify_module, "_KEPT", OrderedDict())
    monkeypatch.setattr(classify_module, "_kept_chars", 0)
    runs = []
    original = classify_module._Pass
    monkeypatch.setattr(classify_module, "_Pass", lambda text: runs.append(text) or original(text))
    text = seed_text("001")
    article = article_from_text(text, id="a")  # reads its metadata: classifies, and keeps the lines
    assert runs == [text] and classify_module._kept_chars == len(text)
    cleaned = clean(article.text)  # the plan's clean takes them: not classified again
    assert runs == [text] and classify_module._KEPT == {} and classify_module._kept_chars == 0
    assert cleaned == clean(text)  # the same result as classifying afresh ...
    assert runs == [text, text]  # ... which it does: the lines were taken once


def test_kept_lines_stay_within_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.article import classify as classify_module

    monkeypatch.setattr(classify_module, "_KEPT", OrderedDict())
    monkeypatch.setattr(classify_module, "_kept_chars", 0)
    monkeypatch.setattr(classify_module, "KEEP_CHARS", 100)
    classify("Erste Zeile mit Text.\n" * 3, keep=True)  # 66 characters: kept
    classify("Zweite Zeile mit Text.\n" * 3, keep=True)  # 69 more: over the bound, the oldest goes
    assert list(classify_module._KEPT) == ["Zweite Zeile mit Text.\n" * 3] and classify_module._kept_chars == 69
    classify("Lang. " * 20, keep=True)  # 120 characters: more than the bound alone, never kept
    assert list(classify_module._KEPT) == ["Zweite Zeile mit Text.\n" * 3] and classify_module._kept_chars == 69


def test_a_wire_reports_credit_line_and_a_war_day_counter_are_chrome() -> None:
    """HAND-MADE page in the shapes the thirteenth held-out batch showed: a wire report's credit line in brackets
    (its reporters and editors, left unclosed where the copy breaks off) and a site's counter of the war's days
    above the text. The article's own sentences naming a report, a day or an editor stay."""
    body = "Die Regierung kündigte am Dienstag ein neues Hilfspaket für die Ukraine an, wie ein Sprecher mitteilte."
    chrome = [
        "(Bericht von Jane Doe und John Roe, redigiert von Erika Muster",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "(Additional reporting by Max Beispiel in Kyiv; Writing by Jane Doe)",
        "1237 Tag seit der barbarischen Invasion in die Ukraine",
        "Day 1237 of the war",
    ]
    text = "\n\n".join([chrome[3], body, *chrome[:3], chrome[4]])
    _keeps_only(text, [body], chrome)
    prose = [
        "Ein Bericht von Amnesty International belegt die Angriffe auf Kiew, wie die Organisation am Dienstag mitteilte.",
        "Seit 1237 Tagen führt Russland Krieg gegen die Ukraine, sagte der Präsident in seiner Rede.",
        "The report (written by two analysts) was published on Tuesday, a spokesman for the ministry said.",
    ]
    for sentence in prose:
        assert sentence in clean(f"{sentence}\n\n{body}").text, sentence


def test_a_present_tense_caption_a_breadcrumb_an_appeal_for_money_and_a_byline_with_an_initial_are_chrome() -> None:
    """HAND-MADE page in the shapes the twenty-fourth held-out batch showed: a breadcrumb above the headline, an
    appeal for money, a byline whose middle initial has no period, and a caption that tells in the present what the
    picture shows, above its bare credit line. A headline in the present above its picture's credit, and prose that
    opens with "Support", stay."""
    headline = "Doe Says She Will Meet Roe in Vienna"
    body = "The minister said on Tuesday that the talks would continue next week, a spokesman for the ministry added."
    chrome = [
        "Home » World: Doe Says She Will Meet Roe in Vienna",
        "Support The Daily Example!",
        "by Jane A Doe",
        "President Jane Doe speaks at a meeting alongside Vice President John Roe and Secretary Max Muster.",
    ]
    text = "\n\n".join([chrome[0], chrome[1], headline, "Reuters/Getty Images", chrome[2], chrome[3], "Alex Beispiel/AP", body])
    _keeps_only(text, [headline, body], chrome)
    prose = "Support for the aid package grew in the Senate on Tuesday, two senators said after the vote."
    assert prose in clean(f"{headline}\n\n{prose}\n\n{body}").text


def test_a_german_present_caption_a_topic_box_an_agency_credit_and_an_app_badge_are_chrome() -> None:
    """HAND-MADE page: a German caption in the present tense above its copyright line; a topic page's box of other
    stories ("Alles zum Thema ...") whose links are long list items at the page's end; captions with the
    agency and photographer after the last sentence ("REUTERS/Jane Doe/File Photo") or with "(L)" and the
    picture's day and place ("on July 14, 2025 in Valen, VA."); an app store's badge. The article's own
    present tense, list and agency names stay."""
    body = "Der Minister hat am Montag neue Waffenlieferungen an die Ukraine angekündigt, sagte ein Sprecher in Berlin."
    chrome = [
        "Download on the App Store",
        "Bundesminister Max Muster spricht während einer Sitzung im Kanzleramt.",
        "Copyright: picture alliance/dpa/AP | Erika Muster",
        "President John Roe and Minister Jane Doe are seen during a summit in Valen, June 25, 2025. REUTERS/Max Muster/File Photo",
        "President John Roe meets with Minister Jane Doe (L) in the Oval Office on July 14, 2025 in Valen, VA.",
    ]
    box = [
        "Alles zum Thema Max Muster",
        "- Diplomatie laut Muster „ausgeschöpft“ Roe eskaliert weiter – ein Politiker nennt den Streit „unvermeidlich“",
        "- Ministerium reagiert auf Tonaufnahme – Muster soll Roe und Doe mit harten Maßnahmen gedroht haben",
    ]
    text = "\n".join([chrome[0], body, *chrome[1:], body.replace("Montag", "Dienstag"), *box])
    _keeps_only(text, [body, body.replace("Montag", "Dienstag")], [*chrome, *box])
    # the article's own present tense (no credit under it), a list in the story and an agency in a sentence stay
    prose = [
        "Bundesminister Max Muster spricht sich seit Wochen für mehr Lieferungen aus.",
        "- Der Minister will die Lieferungen beschleunigen, und die Regierung prüft die Kosten in dieser Woche",
        "The agency said on Tuesday it had seen the letter. Reuters/Ipsos polls show broad support",
    ]
    for line in prose:
        assert line in clean(f"{body}\n\n{line}\n\n{body.replace('Montag', 'Dienstag')}").text, line
