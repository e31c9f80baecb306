"""Is an item what the model says it is? Cheap checks on the kind of thing, after grounding.

A small model lists common nouns of the article as actors ("Sicherheit", "Zivilisten", "Friedensabkommen",
kind "state") and things that are no weapons as weapons ("Krieg", "Stromnetz", "Energiehandel"). Grounding
cannot catch them: the article does name them. These checks use what an English name tells and two word
lists, never an article's particular sentences:

* an actor's English ``name`` starts with a capital letter (proper names do; "truth", "missiles" do not);
* a **person** has a name of two words or more, or one the alias table knows ("Putin");
* a **state** is a country or territory (CLDR names in English and German, via Babel), or one the alias
  table knows (capitals used for their governments: "Moskau", "Washington");
* a website's name ("RENEWZ.de") is the page's chrome or a citation, not an actor, and so is a news
  outlet's ("Reuters", "BBC": ``summarize/data/media.json``);
* a **weapon** is known to the alias table, or its name or category holds a weapon word
  (``summarize/data/weapon_words.json``: "missile", "Rakete", "Drohne", "air defence", ...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Container, Sequence
from functools import lru_cache
from pathlib import Path

from babel import Locale
from rapidfuzz import fuzz

from .._data import media_names
from .drafts import ActorDraft, WeaponDraft
from .aliases import alias_forms, alias_table
from ..text.lexicon import LANGUAGES, has_word, not_in_english
from ..models import Decision
from ..text.normalise import QUOTATION_MARKS, normalise, strip_accents
from ..text.sentences import sentences
from ..text.territories import TERRITORY_LOCALES, territory_names

WEAPON_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "weapon_words.json"
OFFICES_FILE = Path(__file__).resolve().parent.parent / "data" / "offices.json"
NEWS_TERMS_FILE = Path(__file__).resolve().parent.parent / "data" / "news_terms_en.json"
WEAPON_TERMS_FILE = Path(__file__).resolve().parent.parent / "data" / "weapon_terms_en.json"
_DOMAIN = re.compile(r"\w\.(?:de|com|at|ch|org|net|uk|ua|ru|eu|info|news)\b", re.IGNORECASE)


def _fold(text: str) -> str:
    return strip_accents(normalise(text))


@lru_cache(maxsize=2)
def _weapon_words(specific: bool = False) -> re.Pattern[str]:
    """The weapon stems of the word file as one pattern; ``specific``: only those that name a kind (all but
    "weapon" and "Waffe" themselves)."""
    data = json.loads(WEAPON_WORDS_FILE.read_text(encoding="utf-8"))
    generic = {"weapon", "waffe"} if specific else set()
    start = "|".join(re.escape(_fold(s)) for s in data["word_start"] if s not in generic)
    anywhere = "|".join(re.escape(_fold(s)) for s in data["anywhere"] if s not in generic)
    return re.compile(rf"(?<![a-z])(?:{start})|(?:{anywhere})")


@lru_cache(maxsize=1)
def _news_outlets() -> frozenset[str]:
    return frozenset(_fold(n) for n in media_names())


def is_news_outlet(name: str) -> bool:
    """Whether ``name`` is a news agency, broadcaster or paper (``summarize/data/media.json``)."""
    return _fold(name.strip()) in _news_outlets()


def has_weapon_word(text: str) -> bool:
    """Whether ``text`` (folded) holds a weapon stem of ``summarize/data/weapon_words.json``."""
    return _weapon_words().search(text) is not None


# The model's own role for an organisation that is where news appeared, not who acted: "News agency",
# "Social Media Platform", "Media" (for "X", "T-Online", "Medienberichten zufolge").
_SOURCE_ROLE = re.compile(r"(?<!\w)(?:news|newspaper|broadcaster|media|platform|portal|magazine|tv channel|television "
                          r"channel|radio station|messenger|social network)(?!\w)", re.IGNORECASE)
# Last words of a name that make it a thing given or done, not a body that acts: "U.S. Military Assistance",
# "Military Support", "Militärhilfe" is one word and no organisation either way.
_NOT_BODIES = frozenset(_fold(w) for w in "support assistance aid help hilfe unterstützung policy politik strategy "
                        "strategie line linie".split())
# Lower-case words a person's name may hold ("Ursula von der Leyen", "Mohammed bin Salman")
_NAME_PARTICLES = frozenset("von van der den de da di du la le zu bin al el ibn y".split())


def _common_noun_in_name(name: str) -> bool:
    """A lower-case word after the first, other than a particle: "European officials", "Red line"."""
    return any(word[:1].islower() and word not in _NAME_PARTICLES for word in name.split()[1:])


def actor_problem(actor: ActorDraft) -> str | None:
    """Why the item is not a plausible actor of its kind, or None."""
    name = actor.name.strip() or actor.name_as_written.strip()
    if not name[:1].isupper() and not alias_forms("actors", name):
        return f"{name!r} is not a proper name"
    if _DOMAIN.search(name) or _DOMAIN.search(actor.name_as_written):
        return f"{name!r} is a website (the page's own, or one it cites), not an actor"
    if is_news_outlet(name) or is_news_outlet(actor.name_as_written):
        return f"{name!r} is a news outlet (the article's source, or one it cites), not an actor"
    if actor.kind == "organisation" and actor.role and _SOURCE_ROLE.search(actor.role):
        return f"{name!r} is where the news was published or said ({actor.role}), not an actor"
    if actor.kind == "organisation" and _fold(name.split()[-1]) in _NOT_BODIES and not alias_forms("actors", name):
        return f"{name!r} names a thing given or done, not an organisation"
    known = bool(alias_forms("actors", name) or alias_forms("actors", actor.name_as_written))
    if actor.kind == "person" and not known and len(name.split()) < 2 and len(actor.name_as_written.split()) < 2:
        return f"{name!r} is not a person's name"
    if actor.kind == "person" and not known and (_common_noun_in_name(name) or any(c.isdigit() for c in name)):
        return f"{name!r} is not a person's name"  # "European officials"; "August 15", a day
    if actor.kind == "person" and not known and _only_titles(name):
        return f"{name!r} is an office, not a person's name"
    if actor.kind == "state" and not known and not ({_fold(name), _fold(actor.name_as_written)} & territory_names()):
        return f"{name!r} is not a state"
    return None


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """The alias table's words of titles, offices and nationalities ("president", "ukrainian", "us")."""
    return frozenset(_fold(t) for t in alias_table().get("titles", []))


def _only_titles(name: str) -> bool:
    """Whether every word of ``name`` is a title's ("Ukrainian President", "US-Präsident"): an office, which
    the alias table's people or the article's names fill, is no name of its own."""
    initials = re.sub(r"(?<!\w)(\w)\.\s*(\w)\.", r"\1\2", _fold(name))  # "U. S. President", "U.S. President": us
    words = [w for w in re.split(r"[\s-]+", initials) if w]
    return bool(words) and all(w in _titles() for w in words)


# Words of organisations: an unknown "state" whose name holds one is an organisation, not junk.
_ORGANISATION_WORDS = ("unternehmen", "industrie", "konzern", "regierung", "ministerium", "behörde", "agentur",
                       "partei", "bank", "armee", "streitkräfte", "company", "companies", "industry", "corporation",
                       "government", "ministry", "agency", "party", "council", "army", "forces", "administration")


def looks_like_organisation(actor: ActorDraft) -> bool:
    text = _fold(f"{actor.name} {actor.name_as_written}")
    return any(_fold(word) in text for word in _ORGANISATION_WORDS)




GENERIC_WEAPONS = "weapons"  # the alias table's entry for weapons of no kind ("Waffen", "arms")
DELIVERY_STATUSES = ("paused", "delivered")  # the statuses that keep weapons of no kind (weapon_problem)


def weapon_problem(weapon: WeaponDraft, status: str | None = None) -> str | None:
    """Why the item is not a plausible weapon, or None. "Weapons" alone (as the alias table's entry of no
    kind, "Waffen", "Waffenlieferungen", "arms") names no system and no kind: an analyst learns nothing from
    it that the decision about the deliveries does not say, unless the item is that status ("paused",
    "delivered"; ``status``: as its sentence tells it, :func:`summarize.briefing.weapon_status.told_status`): a
    halt or resumption of weapons of no named kind is often the story, and the digest's weapons table then
    shows each source's status of the deliveries side by side."""
    forms = [alias_forms("weapons", n) for n in (weapon.name, weapon.name_as_written)]
    if any(f and f[0] != GENERIC_WEAPONS for f in forms):
        return None
    text = _fold(f"{weapon.name} {weapon.name_as_written}")  # not the category: "pressure" is no "weapon"
    if any(forms):  # the table's "weapons" of no kind: kept only when a word names a kind ("Flugabwehrwaffen")
        if (status or weapon.status) in DELIVERY_STATUSES:
            return None
        return None if _weapon_words(specific=True).search(text) else f"{weapon.name!r} names no weapon system or kind"
    return None if _weapon_words().search(text) else f"{weapon.name!r} is not a weapon"


_IN_QUOTATION_MARKS = re.compile(f"[{QUOTATION_MARKS}][^{QUOTATION_MARKS}]*[{QUOTATION_MARKS}]")


def untranslated(text: str | None, language: str | None, article_words: Container[str],
                 names: Container[str]) -> list[str]:
    """Words an English field kept from the article's ``language`` ("did not attend the Gipfel", "Ukrainian
    Amtskollege", "deliveries to Kiew"): words of three letters or more, not in capitals and not in quotation
    marks (those are quoted), that the article holds (``article_words``: its words, casefolded), that are no
    word of a name the briefing lists (``names``: casefolded words, "Wladimir" of "Wladimir Putin" as
    written) or of a person the alias table knows, and that ``language``'s word list has and English's has
    not (:mod:`summarize.text.lexicon`). Empty for an English article or a language without a word list;
    the lists load only for a word the article holds."""
    if not text or language is None or language == "en" or language not in LANGUAGES:
        return []
    words = re.findall(r"[^\W\d_]{3,}", _IN_QUOTATION_MARKS.sub(" ", text))
    return [w for w in words if not w.isupper() and (low := w.casefold()) in article_words and low not in names
            and low not in _person_words() and has_word(language, low) and not has_word("en", low)]


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """The words of every form of a person in the alias table ("merz", "selenskyj"): names, not words."""
    return frozenset(w.casefold() for name, entry in alias_table()["actors"].items() if entry.get("kind") == "person"
                     for form in (name, *entry.get("aliases", [])) for w in re.findall(r"[^\W\d_]+", form))


def english_summary(summary: str, decisions: Sequence[Decision], most: int = 3) -> str:
    """An English summary from one the model wrote partly or wholly in the article's German (its lead copied,
    and copied again when re-asked): its English sentences; with none, the briefing's first ``most``
    decisions as sentences ("Pete Hegseth stalled planned ammunition deliveries to Ukraine."), whose
    descriptions are English and whose quotes are located; with no decision either, the summary as given."""
    if not not_in_english(summary):
        return summary
    english = [sentence for sentence in sentences(summary) if _reads_english(sentence)]
    if english:
        return " ".join(english)
    return " ".join(as_sentences(decisions[:most])) or summary


def as_sentences(decisions: Sequence[Decision]) -> list[str]:
    """Each decision as an English sentence of a summary: "Pete Hegseth stalled planned ammunition deliveries
    to Ukraine." (its decider and its description, both English)."""
    return [f"{d.who} {d.what.rstrip('.')}." for d in decisions]


# English function words that are no German words ("in", "was", "will" are both): a sentence of a German
# summary is kept as English only with one of them and no German sign (a short German sentence may show
# none of those: "Pete Hegseth steht wegen seiner Rolle unter Druck.")
_ENGLISH_WORDS = frozenset("the a an and of to on with is were are has have had that for by at from his her their its "
                           "after would said says she they it as be been not but met".split())


def _reads_english(sentence: str) -> bool:
    words = re.findall(r"[^\W\d_]+", sentence.casefold())
    return not not_in_english(sentence) and any(w in _ENGLISH_WORDS for w in words)


# --------------------------------------------------------------------------- canonical names

# German spellings of Slavic names -> the English transliteration's letters ("Lawrow" ~ "Lavrov",
# "Selenskyj" ~ "Zelensky", "Tschernihiw" ~ "Chernihiv"), applied to both sides before comparing.
_TRANSLITERATION = (("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("j", "y"), ("z", "s"))
_SIMILAR = 75  # rapidfuzz ratio of two name words, after transliteration, that count as one name
# English words a weapon's generic name may use besides weapon words ("long-range cruise missiles").
_WEAPON_MODIFIERS = frozenset(
    "air defence defense long-range short-range medium-range surface-to-air anti-ship anti-tank guided attack "
    "combat unmanned heavy light self-propelled multiple systems system of and with launch".split()
)


@lru_cache(maxsize=1 << 14)
def _transliterated(word: str) -> str:
    word = _fold(word)
    for german, english in _TRANSLITERATION:
        word = word.replace(german, english)
    return word


@lru_cache(maxsize=1 << 16)  # the same names are compared for every decision of an article
def same_name(a: str, b: str) -> bool:
    """Some word of ``a`` and some word of ``b`` (four letters or more) spell one name ("Selenskyj" and
    "Zelensky", "Lawrow" and "Lavrov", "Trumps" and "Trump")."""
    words_a = [_transliterated(w) for w in re.findall(r"\w{4,}", a)]
    words_b = [_transliterated(w) for w in re.findall(r"\w{4,}", b)]
    return any(fuzz.ratio(x, y) >= _SIMILAR for x in words_a for y in words_b)


def reachable(name: str, written: str, section: str, in_article: Callable[[str], bool]) -> bool:
    """Can the model's canonical ``name`` be reached from the name as the article writes it?

    A quote that names "Merz" must not put "EVIL CORP" in the digest: the canonical name must be the written
    name, a form the alias table links to it, the state CLDR names it ("Russland" -> "Russia"), a name the
    article itself uses (``in_article``: a person's surname is enough), or the same name transliterated
    ("Selenskyj" -> "Zelensky"). A weapon's generic English name ("cruise missiles") is reachable when every
    word is a weapon word or a common modifier. ``section`` is "actors" or "weapons"."""
    key, as_written = normalise(name), normalise(written)
    if not key or key == as_written:
        return True
    if key in {normalise(f) for f in alias_forms(section, written)}:
        return True
    if section == "actors" and key == normalise(_state_names().get(as_written, "")):
        return True
    if in_article(name) or any(in_article(f) for f in alias_forms(section, name)):
        return True
    if same_name(name, written):
        return True
    if section == "weapons":
        words = re.findall(r"[\w-]+", _fold(name))
        return bool(words) and all(_weapon_words().match(w) or w in _WEAPON_MODIFIERS for w in words)
    return False


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Normalised German or English name of a country -> its English name (CLDR)."""
    english = Locale("en").territories
    out: dict[str, str] = {}
    for code, name in english.items():
        for locale in TERRITORY_LOCALES:
            form = Locale(locale).territories.get(code)
            if form:
                out[normalise(form)] = name
    return out


@lru_cache(maxsize=1)
def _offices() -> dict[str, tuple[str, ...]]:
    data = json.loads(OFFICES_FILE.read_text(encoding="utf-8"))
    return {word: tuple(forms) for word, forms in data.items() if not word.startswith("_")}


@lru_cache(maxsize=1)
def office_forms() -> frozenset[str]:
    """Every folded form of an office word (``summarize/data/offices.json``): "minist", "prasident", "kanzler"."""
    return frozenset(f for forms in _offices().values() for f in forms)


def office_word(word: str) -> bool:
    """Whether ``word`` states an office ("Kremlchef", "Präsident", "Minister"), by :func:`office_forms`."""
    folded = _fold(word)
    return any(folded.startswith(f) for f in office_forms())


def holds_office(word: str) -> bool:
    """Whether ``word`` states an office anywhere in it, compounds too ("Bundeskanzler", "US-Präsident",
    "Verteidigungsminister"), by :func:`office_forms`."""
    folded = _fold(word)
    return any(f in folded for f in office_forms())


def role_unsupported(role: str | None, quotes: list[str]) -> str | None:
    """The word of an office in ``role`` ("Foreign Minister") that none of the actor's sentences states in any
    of its forms (``summarize/data/offices.json``: "minister" is stated by "Minister", "Ministerpräsident";
    "foreign" by "Außen-", "foreign"); None when the role is supported or names no office the table knows. A
    role is what the text gives, not what the model knows or guesses."""
    if not role:
        return None
    text = _fold(" ".join(quotes))
    offices = _offices()
    for word in re.findall(r"[a-z]+", _fold(role)):
        forms = offices.get(word)
        if forms is not None and not any(f in text for f in forms):  # inside compounds too: "Kremlsprecher"
            return word
    return None


@lru_cache(maxsize=1)
def _weapon_terms() -> tuple[re.Pattern[str], dict[str, str]]:
    return _terms(WEAPON_TERMS_FILE)


@lru_cache(maxsize=1)
def _news_terms() -> tuple[re.Pattern[str], dict[str, str]]:
    return _terms(NEWS_TERMS_FILE)


def _terms(path: Path) -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    terms = {k.lower(): v for k, v in data.items() if not k.startswith("_")}  # lower, not casefold: "ß" stays
    words = "|".join(re.escape(k) for k in sorted(terms, key=len, reverse=True))
    # an optional first part of a compound ("Tomahawk-", "US-"), the term, a German ending, a whole word; the
    # term capitalised, as German writes a noun (English "munitions" is no "Munition")
    pattern = re.compile(rf"(?<![\w-])((?:[\w.]+-)*)(?=(?-i:[A-ZÄÖÜ]))({words})(?:n|en|e|s|es)?(?![\w-])", re.IGNORECASE)
    return pattern, terms


def english_weapon_terms(text: str) -> str:
    """``text`` with the German words for kinds of weapons in it put in English (``data/weapon_terms_en.json``):
    "zugesagte Flugabwehrraketen" -> "zugesagte air defence missiles", "Tomahawk-Marschflugkörpern" ->
    "Tomahawk cruise missiles". Whole words only; the rest of the text is left as it is."""
    return _english(text, *_weapon_terms())


def english_terms(text: str) -> str:
    """``text`` with the German words for weapons (:func:`english_weapon_terms`) and of news about states and
    wars (``data/news_terms_en.json``: "Gipfeltreffen" -> "summit", "US-Verteidigungsminister" -> "US defence
    minister") put in English: for the English fields a model wrote (never a name or a quote)."""
    return _english(english_weapon_terms(text), *_news_terms())


def _english(text: str, pattern: re.Pattern[str], terms: dict[str, str]) -> str:

    def english(m: re.Match[str]) -> str:
        first = m.group(1).replace("-", " ")
        return first + terms[m.group(2).lower()]

    return pattern.sub(english, text)


# The English-looking pasts a small model makes of German verbs ("Zelensky betonte" -> "betoned", "Trump
# dementiert Berichte" -> "dented reports"), each with the German stem its quote holds and the English verb:
# put right only where a quote of the item holds the German word ("dented" is English where nothing was
# "dementiert").
_PSEUDO_ENGLISH = {"betoned": ("beton", "stressed"), "bestated": ("bestätig", "confirmed"), "dented": ("dementi", "denied"),
                   "drooted": ("droh", "threatened"), "gratulated": ("gratulier", "congratulated")}
_PSEUDO_WORD = re.compile(r"(?<![\w-])(" + "|".join(_PSEUDO_ENGLISH) + r")(?![\w-])", re.IGNORECASE)


def english_verbs(text: str, quotes: list[str]) -> str:
    """``text`` (a description a model wrote) with the pseudo-English past of a German verb that ``quotes``
    hold put in English: "betoned that ..." -> "stressed that ..." of "Selenskyj betonte, dass ..."."""
    if not _PSEUDO_WORD.search(text):
        return text
    said = " ".join(quotes).casefold()

    def english(m: re.Match[str]) -> str:
        stem, verb = _PSEUDO_ENGLISH[m.group(1).casefold()]
        return verb if stem in said else m.group(1)

    return _PSEUDO_WORD.sub(english, text)

