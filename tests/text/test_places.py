"""Places written in English (summarize.text.places): a city's or a country's name that an English field copied
from a German article. HAND-MADE strings."""

from __future__ import annotations

from summarize.text.places import english_places


def test_a_german_name_of_a_city_or_country_in_an_english_field_is_written_in_english() -> None:
    assert english_places("denied responsibility for stopping weapon deliveries to Kiew", "de") == (
        "denied responsibility for stopping weapon deliveries to Kyiv")
    assert english_places("met at the summit in Den Haag with Ungarn and Polen", "de") == (
        "met at the summit in The Hague with Hungary and Poland")
    assert english_places("talks in Wien and Moskau between Russland and Vereinigte Staaten", "de") == (
        "talks in Vienna and Moscow between Russia and United States")


def test_only_whole_names_change_and_english_words_and_texts_stay() -> None:
    assert english_places("the Kiewer mayor and the Kiew-based office", "de") == "the Kiewer mayor and the Kiew-based office"
    assert english_places("attack on Snake Island", "de") == "attack on Snake Island"  # "Island" is Iceland in German
    assert english_places("deliveries to Kiew", "en") == "deliveries to Kiew"  # an English article's own words
    assert english_places("deliveries to Kiew", None) == "deliveries to Kiew"
    assert english_places(None, "de") is None and english_places("", "de") == ""
    assert english_places("deliveries to Kiew", "xx") == "deliveries to Kiew"  # a language with no names known
    # a language the table does not list is not read from CLDR alone: French "Maurice" is Mauritius and a name
    assert english_places("met Maurice Dupont in Chine", "fr") == "met Maurice Dupont in Chine"
