"""Deterministic removal of page chrome before the model sees an article.

Scraped news pages carry more than the article: share buttons, "read also" teasers, photo credits,
newsletter and webinar ads, menus, tickers, bylines. ``clean`` drops such lines with plain regular
expressions and string tests (no model, no network, a few milliseconds per page), and keeps a map
from the cleaned text back to the original so that quotes found in the cleaned text can be cited
with offsets into the article as published.

The unit of work is the line. A line is either kept whole and byte-identical, or removed whole.
Blank (whitespace-only) lines are dropped from the clean text without being counted as removed
content. The kept lines are joined with ``"\\n"``.

Rules
-----
Every removed line is counted under exactly one rule name in ``CleaningReport.removed_by_rule``
(see ``RULES``). The rules run in passes, and a line keeps the first rule that claims it:

1. one line at a time: ``boilerplate``, ``bullet_teaser``, ``hashtag``, ``dateline``, then the
   explicit form of ``byline`` (``Von ...`` / ``By ...``);
2. runs of lines: ``menu``;
3. position: the lone-name form of ``byline``, then ``short_fragment``;
4. ``duplicate``.

A line is *protected* when it has 15 or more words or two or more sentences: a protected line is
only ever removed by ``boilerplate`` (a clear share/credit/call-to-action pattern) or ``duplicate``
(an exact repeat of a kept line, so no content is lost). A *paragraph* is a protected line, or a
line of six or more words ending in ``.``, ``!``, ``?``, ``…`` or ``:``.

``injection``
    A line addressed to an AI model instead of the reader, or markup smuggled into the text: "ignore
    (all) previous instructions" / "Ignoriere alle vorherigen Anweisungen", "you are now ..." /
    "Du bist jetzt ...", a fake role turn (``SYSTEM: ...``), chat-template tokens (``<|im_start|>``),
    ``<article>``-style delimiter tags, a line of Markdown images only, a line that is a single HTML tag
    (``<img ...>``, ``<script>``). Removed whatever the line's length: such lines carry instructions,
    never news. The prompt, which marks the article as untrusted data, is the second line of defence.
``boilerplate``
    Share, follow, read-also, newsletter, cookie, photo-credit, reader-tip, advertising and other
    call-to-action patterns, in German and English. Examples: ``Artikel teilen:``,
    ``Folgen Sie ... bei WhatsApp, Facebook``, ``Lesen Sie auch: ...``, ``Auch lesenswert:``,
    ``Mehr zum Thema``, ``Foto: Max Muster/Reuters``, ``... Bild: picture alliance/dpa``,
    ``Quelle: dpa``, ``Du hast einen Hinweis für uns?``, ``Herzlichen Dank für deine Zusendung.``,
    ``Keine Kreditkarte erforderlich``, ``Erfahren Sie hier mehr über die journalistischen
    Standards``, ``Immer informiert``, ``Anzeige``; ``Read also: ...``, ``Share this article``,
    ``Facebook``, ``Follow us on X``, ``Sign up for our newsletter``, ``Photo: Jane Doe/AP``,
    ``Advertisement``, ``All rights reserved``.
``bullet_teaser``
    A bullet list line (``- ...``, ``• ...``, ``* ...``, indented or not). On news pages these are
    teasers, tags and menus, not article prose. Example: ``  • Mehr Luftabwehr für die
    Ukraine im Gespräch``.
``hashtag``
    A line of hashtags only. Example: ``#Energie``.
``dateline``
    A line that is only a date (optionally with a weekday, a time, or a "Published/Veröffentlicht"
    label). Examples: ``Oktober 17, 2025``, ``17.10.2025``, ``17 October 2025``, ``2025-10-17``,
    ``Veröffentlicht am 17. Oktober 2025, 14:30 Uhr``.
``menu``
    A run of three or more consecutive short, non-prose lines (blank lines do not break a run):
    menus, tickers, category and speaker lists. A line is short when it has at most three words
    and does not end a sentence; a four-word line counts when it ends with ``:``, starts in lower
    case, or holds an abbreviation/ordinal (``Prof. Dr. A. Beispiel``, ``ab 1. Juli 2025``), so
    that a four-word headline next to a ticker is not swallowed. Examples: ``(BTC)`` / ``(ETH)``
    / ``(LTC)``; a webinar ad listing its speakers' names.
``byline``
    A line naming the author: ``Von Max Mustermann``, ``By Jane Doe and John Roe``,
    ``Jane Doe | 17 October 2025`` anywhere; or a lone line of two to four capitalised name words
    (``Erika Musterfrau``) next to a dateline, between the title and the first paragraph, or after
    the last paragraph. Between two paragraphs such a line is taken as a section heading and kept.
``short_fragment``
    A one- or two-word line without sentence punctuation (``Politik``, ``Themen``), unless the
    nearest kept lines before and after it are paragraphs (a short section heading); and,
    wherever it is, a one- or two-word line that cannot be prose: a parenthesised tag
    (``(EXAMPLE.AT)``), a path or domain (``/nav/example.de``, ``example.com``), a lower-case token
    (``crossmenu``) or a line without letters. Markdown headings (``## Hintergrund``) are kept.
``duplicate``
    A line identical (ignoring surrounding whitespace) to an earlier kept line, e.g. a title the
    page prints twice.

What is kept: prose paragraphs, the title, and section headings (a short line between prose).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import CleaningReport

__all__ = [
    "DOMAIN",
    "RULES",
    "CleanedText",
    "Line",
    "classify",
    "clean",
    "find_date",
    "parse_dateline",
]

RULES: tuple[str, ...] = (
    "injection",
    "boilerplate",
    "bullet_teaser",
    "hashtag",
    "dateline",
    "menu",
    "byline",
    "short_fragment",
    "duplicate",
)
"""Every rule name that can appear in ``CleaningReport.removed_by_rule``, in the order tried."""

# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class CleanedText:
    """The kept lines of an article, and the map back to the original text.

    ``segments`` holds one ``(clean_start, orig_start, length)`` triple per kept line:
    ``text[clean_start:clean_start + length] == original[orig_start:orig_start + length]``.
    ``removed_before`` holds, per kept line, how many non-blank lines were removed before it in the
    original; two consecutive kept lines were adjacent in the original (only line breaks and blank
    lines between them) exactly when their counts are equal. When it is left empty, every join is
    treated as crossing removed content (only spans inside one line map).
    """

    text: str
    segments: tuple[tuple[int, int, int], ...]
    report: CleaningReport
    removed_before: tuple[int, ...] = field(default=(), repr=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.removed_before and len(self.removed_before) != len(self.segments):
            raise ValueError("removed_before needs one entry per segment")
        object.__setattr__(self, "_starts", tuple(seg[0] for seg in self.segments))

    def _segment_at(self, pos: int) -> int:
        """Index of the kept line holding clean offset ``pos`` (a join counts with the line before)."""
        return max(bisect_right(self._starts, pos) - 1, 0)

    def _adjacent(self, first: int, last: int) -> bool:
        """Whether kept lines ``first..last`` were consecutive in the original (no removed line)."""
        if first == last:
            return True
        if not self.removed_before:
            return False
        return self.removed_before[first] == self.removed_before[last]

    def to_original(self, start: int, end: int) -> tuple[int, int] | None:
        """Map the span ``[start, end)`` of ``text`` to the original text, in O(log n).

        Returns ``None`` when the span runs across the join between two kept lines that were not
        adjacent in the original (a removed line lay between them). A span inside one line maps to
        the identical characters of the original; a span across adjacent lines maps to the
        original stretch from its first to its last character, blank lines included.
        Raises ``ValueError`` for a reversed span or one outside ``text``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is reversed or outside the text (0..{len(self.text)})")
        if not self.segments:
            return None
        first = self._segment_at(start)
        last = self._segment_at(end - 1) if end > start else first
        if not self._adjacent(first, last):
            return None
        clean_first, orig_first, _ = self.segments[first]
        clean_last, orig_last, _ = self.segments[last]
        return orig_first + (start - clean_first), orig_last + (end - clean_last)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the original text and what ``clean`` decided about it.

    ``start`` is the offset of the line in the original, ``text`` the line without its line break,
    ``rule`` the rule that removed it (``None``: kept, or blank), ``detail`` a finer label for
    ``boilerplate`` lines (``"share"``, ``"credit"``, ``"read_also"``, ...).
    """

    start: int
    text: str
    rule: str | None = None
    detail: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def kept(self) -> bool:
        return self.rule is None and not self.blank


# --------------------------------------------------------------------------- line features

_NEWLINE = re.compile(r"\r\n|\r|\n")
_CLOSERS = "\"'“”„»«’‘)]"
_ENDS_SENTENCE = re.compile(rf"[.!?…][{re.escape(_CLOSERS)}]*\s*$")
_ENDS_CLAUSE = re.compile(rf"[.!?…:][{re.escape(_CLOSERS)}]*\s*$")
_TERMINATOR = re.compile(rf"([.!?…]+)[{re.escape(_CLOSERS)}]*(?=\s|$)")
_ABBREVIATIONS = frozenset(
    """prof dr mr mrs ms st nr no bzw ca vs jr sr inc co ltd gen sen rep gov hr fr abs vgl usw etc evtl
    ggf inkl mio mrd ehem bspw sog zt tel jan feb mär mrz apr jun jul aug sep sept okt oct nov dez
    dec mo di mi do sa so""".split()
)


_WORD = re.compile(r"\S*[^\W_]\S*")
_ALNUM = re.compile(r"[^\W_]")


def _words(line: str) -> list[str]:
    """Whitespace-separated tokens that hold a letter or digit ("–", "•", "&" do not count)."""
    return _WORD.findall(line)


def _sentences(line: str) -> int:
    """Rough sentence count: terminators not after an abbreviation, initial or ordinal, + a tail."""
    count = 0
    tail_from = 0
    for m in _TERMINATOR.finditer(line):
        word = line[line.rfind(" ", 0, m.start()) + 1 : m.start()].strip(_CLOSERS + "(")
        if m.group(1) == ".":
            bare = word.lower()
            if bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
                continue
            if bare.isdigit() and len(bare) <= 2:  # "17. Oktober", "1. Juli"
                continue
            if "." in bare:  # "z.B", "U.S", "15.000"
                continue
        count += 1
        tail_from = m.end()
    if _ALNUM.search(line, tail_from):
        count += 1
    return count


@dataclass(frozen=True, slots=True)
class _Features:
    text: str
    stripped: str
    words: tuple[str, ...]
    n_words: int
    ends_sentence: bool
    protected: bool
    paragraph: bool

    @classmethod
    def of(cls, text: str) -> _Features:
        stripped = text.strip()
        words = tuple(_words(stripped))
        n_words = len(words)
        ends_sentence = bool(_ENDS_SENTENCE.search(stripped))
        protected = n_words >= 15 or _sentences(stripped) >= 2
        paragraph = protected or (n_words >= 6 and bool(_ENDS_CLAUSE.search(stripped)))
        return cls(text, stripped, words, n_words, ends_sentence, protected, paragraph)


# --------------------------------------------------------------------------- boilerplate patterns

_SOCIAL = (
    r"whatsapp|facebook|twitter|instagram|telegram|youtube|tiktok|linkedin|xing|pinterest|reddit|"
    r"threads|bluesky|mastodon|flipboard|google news|snapchat|x"
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A boilerplate pattern, matched against the lower-cased, stripped line.

    ``max_words``: only lines with at most this many words are tested. ``needles``: the line is
    only searched when it contains one of these substrings (a cheap pre-test that keeps long
    paragraphs fast); patterns anchored with ``^`` need none.
    """

    detail: str
    regex: re.Pattern[str]
    max_words: int | None = None
    needles: tuple[str, ...] = ()

    def matches(self, lowered: str, n_words: int) -> bool:
        if self.max_words is not None and n_words > self.max_words:
            return False
        if self.needles and not any(needle in lowered for needle in self.needles):
            return False
        return self.regex.search(lowered) is not None


def _p(detail: str, pattern: str, max_words: int | None = None, needles: tuple[str, ...] = ()) -> _Pattern:
    return _Pattern(detail, re.compile(pattern), max_words, needles)


_READ_ALSO = (
    r"(?:lesen sie (?:auch|mehr|hier|dazu)|lies auch|auch lesenswert|ebenfalls lesenswert|"
    r"mehr zum thema|mehr zu diesem thema|weitere (?:artikel|nachrichten|news|beiträge) zum thema|"
    r"das könnte (?:sie|dich) (?:auch )?interessieren|empfehlungen der redaktion|passend zum thema|"
    r"verwandte (?:artikel|themen|beiträge)|zum weiterlesen|"
    r"read (?:also|more|next)|also read|see also|more on this (?:story|topic)|"
    r"you (?:may|might) also like|recommended (?:for you|reading|stories)|continue reading|"
    r"related (?:articles?|stories|coverage|content|news|reading))\b"
)
_READ_ALSO_NEEDLES = (
    "lesen", "lies auch", "zum thema", "diesem thema", "interessieren", "empfehlungen", "verwandte",
    "read", "see also", "more on", "also like", "recommended", "related",
)  # fmt: skip
_READ_ALSO_COLON = r"(?:mehr dazu|zum thema|weiterlesen|related|more|siehe auch|auch interessant)\s*:"
_READ_ALSO_COLON_NEEDLES = ("mehr dazu", "zum thema", "weiterlesen", "related", "more", "siehe auch", "interessant")
# After a sentence: "Bleiben Sie informiert! Lesen Sie auch: ..."
_AFTER_SENTENCE = r"[.!?]\s+[^\w\s]*\s*"

_BOILERPLATE: tuple[_Pattern, ...] = (
    # --- read also / related teasers
    _p("read_also", r"^[^\w\s]*\s*" + _READ_ALSO),
    _p("read_also", _AFTER_SENTENCE + _READ_ALSO, needles=_READ_ALSO_NEEDLES),
    _p("read_also", r"^[^\w\s]*\s*" + _READ_ALSO_COLON),
    _p("read_also", _AFTER_SENTENCE + _READ_ALSO_COLON, needles=_READ_ALSO_COLON_NEEDLES),
    _p("read_also", r"^\W*(?:mehr dazu|weiterlesen|mehr lesen|more stories|top stories|most read|meistgelesen)\W*$"),
    # --- share / follow
    _p("share", r"\b(?:artikel|beitrag|seite|inhalt)\s+(?:teilen|versenden|drucken|merken|empfehlen)\b", 8),
    _p("share", r"^\W*(?:jetzt |per e-?mail |auf \w+ )?teilen\b", 6),
    _p("share", r"^\W*share(?: this| on| via| the| to)?(?: article| story| page| post| link)?\b", 8),
    _p("share", rf"^\W*(?:(?:{_SOCIAL}|e-?mail|mail|messenger|drucken|print|link kopieren|copy link)\W*)+$"),
    _p("follow", rf"^\W*(?:folgen sie|folge|folgt|follow)\b.{{0,80}}\b(?:{_SOCIAL})\b"),
    _p("follow", r"^\W*follow us\b"),
    # --- newsletter / subscription / call to action
    _p(
        "newsletter",
        r"\b(?:sign up|subscribe|abonnieren|anmelden|bestellen|registrieren)\b.{0,40}\bnewsletter"
        r"|\bnewsletter\b.{0,40}\b(?:abonnieren|anmelden|bestellen|sign up|subscribe)\b",
        needles=("newsletter",),
    ),
    _p("newsletter", r"\bnewsletter\b", 12, ("newsletter",)),
    _p(
        "cta",
        r"\b(?:keine kreditkarte|no credit card) (?:erforderlich|nötig|notwendig|required|needed)\b",
        needles=("kreditkarte", "credit card"),
    ),
    _p("cta", r"\bkeine versteckten kosten\b|\bno hidden (?:fees|costs)\b", needles=("versteckten", "hidden")),
    _p(
        "cta",
        r"\bjetzt (?:kostenlos |gratis )?(?:anmelden|registrieren|abonnieren|testen|sichern|bestellen)\b",
        needles=("jetzt",),
    ),
    _p("cta", r"\b(?:hier klicken|click here|mehr erfahren|learn more|jetzt lesen|read now)\b", 12),
    _p("cta", r"^\W*(?:erfahren sie (?:hier )?mehr|learn more about)\b"),
    _p(
        "cta",
        r"\b(?:über|about) (?:die |unsere |our |the )?(?:journalistischen|redaktionellen|editorial|journalistic)"
        r" (?:standards|grundsätze|guidelines|richtlinien)\b",
        needles=("journalistic", "editorial", "redaktionellen"),
    ),
    _p("cta", r"^\W*(?:jetzt |hier )?(?:abonnieren|abonniere|subscribe|abo abschließen)\b", 6),
    _p("slogan", r"\b(?:immer|stets|bestens|top|gut) informiert\b", 8),
    _p("slogan", r"^\W*bleib(?:en sie|t)? (?:informiert|auf dem laufenden)\b", 8),
    _p("slogan", r"\b(?:stay|keep|always) (?:informed|up to date|in the know)\b", 8),
    # --- reader tips / contact
    _p(
        "reader_tip",
        r"^\W*(?:du hast|hast du|haben sie|habt ihr) (?:einen |eine |ein )?"
        r"(?:hinweis|tipp|info|story|frage)\w* für uns\b",
    ),
    _p("reader_tip", r"\beinfach (?:das|unser) formular\b", needles=("formular",)),
    _p(
        "reader_tip",
        r"^\W*(?:herzlichen |vielen |besten )?dank für (?:deine|ihre|eure)"
        r" (?:zusendung|einsendung|nachricht|hinweise?)\b",
    ),
    _p("reader_tip", r"\bzum (?:whatsapp|telegram|signal)[- ]?(?:chat|kanal)\b", needles=("chat", "kanal")),
    _p(
        "reader_tip",
        r"\buns\b[^.!?]{0,40}\b(?:whatsapp|telegram|signal)\b[^.!?]{0,20}\bkontaktieren\b",
        needles=("kontaktieren",),
    ),
    _p("reader_tip", r"^\W*(?:got|have you got|do you have|have) a (?:news )?tip\b"),
    _p("reader_tip", r"^\W*thanks? (?:you )?for your (?:submission|tip|message)\b"),
    _p("reader_tip", r"\b(?:send|email|message) us (?:a |your )?(?:tip|tips|photos|story)\b", needles=(" us ",)),
    # --- photo credits and agency source lines
    _p(
        "credit",
        r"^\W*(?:bild|bilder|foto|fotos|photo|photos|image|images|picture|credit|credits|bildquelle|fotoquelle"
        r"|bildnachweis|photo credit|image source|image credit)\s*:",
    ),
    # a caption ending in a credit: "... Gespräch. Bild: picture alliance/dpa | Ukraine Presidency"
    _p(
        "credit",
        r"(?:\b(?:bild|foto|fotos|photo|image|picture|credit|bildquelle|fotoquelle)\s*:|©|\(c\))\s*[^.!?]{0,120}$",
        needles=("bild", "foto", "photo", "image", "picture", "credit", "©", "(c)"),
    ),
    _p(
        "credit",
        r"\b(?:picture alliance|getty images|imago images|shutterstock|istockphoto|zuma (?:press|wire))\b",
        14,
    ),
    _p("credit", r"^\W*(?:quelle|quellen|source|sources)\s*:", 8),
    _p(
        "credit",
        r"^\W*\(?\s*(?:dpa|afp|ap|reuters|kna|epd|apa|sda|ddp|sid|ots|dts|rtr)"
        r"(?:\s*[/,|]\s*[\w.-]{1,12}){0,4}\s*\)?\W*$",
    ),
    _p("credit", r"^\W*(?:©|\(c\)|copyright)", 12),
    _p("credit", r"\b(?:alle rechte vorbehalten|all rights reserved)\b", 12),
    # --- advertising, cookies, navigation
    _p(
        "ad",
        r"^\W*(?:anzeige|werbung|advertisement|advertising|sponsored(?: content)?|gesponsert|promotion|ad"
        r"|paid content)\W*$",
    ),
    _p(
        "cookie",
        r"\bcookies?\b.{0,100}\b(?:akzeptieren|zustimmen|einwilligung|einverstanden|datenschutz|accept|consent"
        r"|privacy|settings|einstellungen)\b",
        needles=("cookie",),
    ),
    _p(
        "nav",
        r"^\W*(?:startseite|home|menü|menu|suche|search|login|log in|anmelden|abmelden|registrieren|sign in"
        r"|sign up|zurück|back|nach oben|back to top|mehr anzeigen|show more|load more|alle artikel"
        r"|all articles|zur übersicht|zur startseite|zum artikel)\W*$",
    ),
    _p(
        "nav",
        r"^\W*(?:\d+\s+)?(?:kommentare?|comments?|kommentieren|diskutieren sie mit|join the discussion"
        r"|leave a comment)\W*$",
    ),
    _p("nav", r"^\W*(?:lesezeit|reading time)\b|^\W*\d+\s*min(?:\.|uten)?\s*(?:lesezeit|read)\b", 6),
)


_INJECTION = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # "ignore (all) previous instructions" and its German forms
        r"\b(?:ignore|disregard|forget|ignoriere|ignorieren|vergiss|vergessen)\b.{0,40}"
        r"\b(?:previous|prior|above|earlier|all|vorherigen|bisherigen|obigen|alle)\b.{0,40}"
        r"\b(?:instructions?|prompts?|rules|anweisungen|befehle|regeln|vorgaben)\b",
        r"\b(?:you are now|from now on you|du bist (?:jetzt|nun|ab sofort)|ab sofort bist du)\b",
        r"^\s*(?:system|assistant|developer)\s*(?:prompt)?\s*:",  # a fake role turn
        r"<\|[a-z_]{2,40}\|>",  # chat-template control tokens such as <|im_start|>
        r"^\s*</?(?:article|system|instructions?)>\s*$",  # delimiter tags on a line of their own
        r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$",  # a line of Markdown images only (tracking pixels)
        r"^\s*<(?:img|script|iframe|object|embed|link|meta|style)\b[^>]*>\s*$",  # a line that is one HTML tag
    )
)


def is_injection(line: str) -> bool:
    """A line addressed to an AI model (or markup smuggled into text), not article prose. Removed even when
    long: these lines carry instructions, never news."""
    return any(p.search(line) for p in _INJECTION)


_injection = is_injection


def _boilerplate(feat: _Features) -> str | None:
    """The boilerplate kind the line matches, or ``None``."""
    lowered = feat.stripped.lower()
    for pattern in _BOILERPLATE:
        if pattern.matches(lowered, feat.n_words):
            return pattern.detail
    return None


# --------------------------------------------------------------------------- other line shapes

_BULLET = re.compile(r"^\s*[-•*·▪◦►▸‣]\s+\S")
_HASHTAGS = re.compile(r"^\s*#[^\s#]+(?:[\s,]+#[^\s#]+)*\s*$")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_TLDS = (
    r"de|at|ch|com|org|net|eu|info|news|io|tv|fm|fr|it|es|nl|be|lu|pl|cz|co\.uk|uk|us|ca|au|ru|ua|li"
    r"|online|media|press"
)
DOMAIN = re.compile(
    rf"(?<![\w@.-])(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS}))(?![\w-])(?!\.\w)",
    re.IGNORECASE,
)
"""A domain-like token (``example.de``, ``EXAMPLE.AT``, ``www.example.co.uk``); group 1 without ``www.``."""
_FRAGMENT_CHARS = frozenset("/|@=_<>{}[]\\")
_PARTICLES = frozenset("von van der den de da di du del della la le zu ten ter al bin ibn".split())
_NOT_NAMES = frozenset(
    """der die das den dem des ein eine einer eines und oder im in am an auf aus bei mit für vor nach
    über unter zum zur vom ist sind war wie was wer warum wo neue neuer neues kein keine the a an and
    or of on at to for with by from is are was were new how why what who when where this that after
    over under about as vs mehr alle weitere aktuelle aktuell news nachrichten more latest top all
    other live video videos fotos bilder themen politik wirtschaft sport kultur meinung""".split()
)
_EXPLICIT_BYLINE = re.compile(
    r"^\W*(?:von|by|text|autor|autorin|author|written by|reporting by|ein (?:beitrag|kommentar|artikel) von)"
    r"\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_NAME_CONNECTORS = frozenset({"und", "and", "&"})


def _name_token(token: str) -> bool:
    """A capitalised name word (``Musterfrau``, ``Müller-Lüdenscheidt``, ``O'Neil``) or an initial."""
    core = token[:-1] if token.endswith(".") else token
    if token.endswith(".") and len(core) > 4:
        return False
    if not core or core.lower() in _NOT_NAMES:
        return False
    parts = re.split(r"[-'’]", core)
    return all(part and part[0].isupper() and part.isalpha() for part in parts)


def _name_like(tokens: Sequence[str], max_words: int = 4) -> bool:
    """2..max_words capitalised name words (lower-case particles like "von" allowed inside)."""
    words = [tok.rstrip(",") for tok in tokens]
    if not 2 <= len(words) <= max_words or not _name_token(words[0]) or not _name_token(words[-1]):
        return False
    return all(_name_token(tok) or tok in _PARTICLES for tok in words)


_DATE_EDGE_SEPARATORS = "|·•,–—-"


def _without_edge_date(line: str) -> str:
    """``line`` without a date at its start or end (with the separator next to it), if it has one."""
    found = find_date(line)
    if found is None:
        return line
    _, start, end = found
    before, after = line[:start].rstrip(), line[end:].lstrip()
    if not after:
        return before.rstrip(_DATE_EDGE_SEPARATORS).strip()
    if not before:
        return after.lstrip(_DATE_EDGE_SEPARATORS).strip()
    return line


def _name_groups(text: str) -> bool:
    """One to three names, separated by commas, "und", "and" or "&"."""
    groups: list[list[str]] = [[]]
    for tok in text.replace(",", " , ").split():
        if tok == "," or tok.lower() in _NAME_CONNECTORS:
            groups.append([])
        else:
            groups[-1].append(tok)
    names = [g for g in groups if g]
    return 1 <= len(names) <= 3 and all(_name_like(g) or (len(g) == 1 and _name_token(g[0])) for g in names)


def _explicit_byline(feat: _Features) -> bool:
    """``Von Max Mustermann``, ``By Jane Doe and John Roe``, ``Jane Doe | 17 October 2025``."""
    rest = _without_edge_date(feat.stripped)
    m = _EXPLICIT_BYLINE.match(rest)
    if m is not None:
        return _name_groups(m.group("names"))
    return rest != feat.stripped and _name_like(rest.split())


def _menu_like(feat: _Features) -> bool:
    """A short non-prose line that can be part of a menu run."""
    n = feat.n_words
    if n > 4 or feat.ends_sentence:
        return False
    if n <= 3:
        return True
    first_letter = next((ch for ch in feat.stripped if ch.isalpha()), "")
    return (
        feat.stripped.endswith(":")
        or first_letter.islower()
        or any(tok.endswith(".") for tok in feat.words[:-1])
    )


def _intrinsic_fragment(feat: _Features) -> bool:
    """A one- or two-word line that cannot be prose or a heading, wherever it is."""
    s = feat.stripped
    if feat.n_words > 2:
        return bool(feat.n_words <= 3 and s.startswith("(") and s.endswith(")"))
    first_letter = next((ch for ch in s if ch.isalpha()), "")
    return (
        not first_letter
        or first_letter.islower()
        or (s.startswith("(") and s.endswith(")"))
        or any(ch in _FRAGMENT_CHARS for ch in s)
        or DOMAIN.search(s) is not None
    )


# --------------------------------------------------------------------------- dates

_MONTH_NAMES = (  # German and English names and abbreviations, January first
    "januar jänner january jan",
    "februar feber february feb",
    "märz maerz march mär mrz mar",
    "april apr",
    "mai may",
    "juni june jun",
    "juli july jul",
    "august aug",
    "september sept sep",
    "oktober october okt oct",
    "november nov",
    "dezember december dez dec",
)
_MONTHS: dict[str, int] = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,?"
)
_DATE_FORMS = (
    rf"(?P<d1>\d{{1,2}})\.?\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})",  # 17. Oktober 2025, 17 October 2025
    rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})",  # October 17, 2025
    r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4}|\d{2})(?!\d)",  # 17.10.2025, 17.10.25
)
_DATE = "(?:" + "|".join(_DATE_FORMS) + ")"
_TIME = (
    r"(?:\s*(?:,\s*um|,\s*at|,|\||·|•|–|-|um|at)?\s*\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*(?:mez|mesz|cet|cest|utc|gmt|et|est|edt|pt|pst|pdt))?)?"
)
_DATE_LABEL = (
    r"(?:veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?|erstellt(?: am)?|"
    r"erschienen(?: am)?|stand|datum|published(?: on)?|updated(?: on)?|last updated(?: on)?|posted(?: on)?|date)"
)
_DATELINE = re.compile(
    rf"^\W*(?:{_DATE_LABEL}\s*:?\s*)?(?:{_WEEKDAY}\s+)?{_DATE}{_TIME}\s*$",
    re.IGNORECASE,
)
_DATE_ANYWHERE = re.compile(rf"(?<![\w.]){_DATE}(?![\w])", re.IGNORECASE)


def _date_from(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    for i in "1234":
        if groups.get(f"y{i}") is None:
            continue
        year = int(groups[f"y{i}"])
        if year < 100:
            year += 2000
        month_text = groups[f"m{i}"].rstrip(".").lower()
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        if month is None:
            return None
        try:
            return dt.date(year, month, int(groups[f"d{i}"]))
        except ValueError:
            return None
    return None


def parse_dateline(line: str) -> dt.date | None:
    """The date when ``line`` is only a date (weekday, time and a published-label allowed)."""
    m = _DATELINE.match(line)
    if m is None:
        return None
    inner = _DATE_ANYWHERE.search(line)
    return _date_from(inner) if inner is not None else None


def find_date(line: str) -> tuple[dt.date, int, int] | None:
    """The first valid date anywhere in ``line``, with its ``(start, end)`` offsets."""
    for m in _DATE_ANYWHERE.finditer(line):
        date = _date_from(m)
        if date is not None:
            return date, m.start(), m.end()
    return None


# --------------------------------------------------------------------------- classification


def _split_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` for every line; the break (``\\n``, ``\\r\\n`` or ``\\r``) is not part of it."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        lines.append((pos, text[pos : m.start()]))
        pos = m.end()
    lines.append((pos, text[pos:]))
    return lines


def classify(text: str) -> list[Line]:
    """Every line of ``text`` with the rule that removes it (``None`` when kept or blank)."""
    raw = _split_lines(text)
    feats = [_Features.of(line) for _, line in raw]
    rules: list[str | None] = [None] * len(raw)
    details: list[str | None] = [None] * len(raw)
    nonblank = [i for i, f in enumerate(feats) if f.stripped]

    def kept(i: int) -> bool:
        return rules[i] is None

    # 1. rules that look at one line only
    for i in nonblank:
        f = feats[i]
        kind = _boilerplate(f)
        if _injection(f.text):
            rules[i] = "injection"
        elif kind is not None:
            rules[i], details[i] = "boilerplate", kind
        elif f.protected:
            continue
        elif _BULLET.match(f.text):
            rules[i] = "bullet_teaser"
        elif _HASHTAGS.match(f.text):
            rules[i] = "hashtag"
        elif parse_dateline(f.stripped) is not None:
            rules[i] = "dateline"
        elif _explicit_byline(f):
            rules[i] = "byline"

    # 2. runs of 3+ short non-prose lines (blank lines do not break a run)
    run: list[int] = []
    for i in [*nonblank, -1]:
        if i >= 0 and _menu_like(feats[i]) and not feats[i].protected:
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                if kept(j):
                    rules[j] = "menu"
        run = []

    def neighbour(pos: int, step: int) -> int | None:
        """Index (into ``feats``) of the nearest non-blank line before/after ``nonblank[pos]``."""
        k = pos + step
        return nonblank[k] if 0 <= k < len(nonblank) else None

    def kept_paragraph_next_to(pos: int, step: int) -> bool:
        """Whether the nearest kept non-blank line before/after ``nonblank[pos]`` is a paragraph."""
        k = pos + step
        while 0 <= k < len(nonblank) and not kept(nonblank[k]):
            k += step
        return 0 <= k < len(nonblank) and feats[nonblank[k]].paragraph

    # 3. lone names next to a dateline, between title and first paragraph, or after the last one
    paragraphs = [i for i in nonblank if kept(i) and feats[i].paragraph]
    first_para = paragraphs[0] if paragraphs else len(raw)
    last_para = paragraphs[-1] if paragraphs else len(raw)
    title = next((i for i in nonblank if kept(i) and feats[i].n_words >= 4), len(raw))
    for pos, i in enumerate(nonblank):
        f = feats[i]
        if not kept(i) or f.protected or _MARKDOWN_HEADING.match(f.text) or not _name_like(f.stripped.split()):
            continue
        near_date = any(
            j is not None and rules[j] == "dateline" for j in (neighbour(pos, -1), neighbour(pos, 1))
        )
        in_header = title < i < first_para
        in_footer = bool(paragraphs) and i > last_para
        if near_date or in_header or in_footer:
            rules[i] = "byline"

    # 4. short fragments
    for pos, i in enumerate(nonblank):
        f = feats[i]
        if not kept(i) or f.protected or _MARKDOWN_HEADING.match(f.text):
            continue
        if _intrinsic_fragment(f):
            rules[i] = "short_fragment"
        elif f.n_words <= 2 and not f.ends_sentence:
            heading = kept_paragraph_next_to(pos, -1) and kept_paragraph_next_to(pos, 1)
            if not heading:
                rules[i] = "short_fragment"

    # 5. exact repeats of a kept line
    seen: set[str] = set()
    for i in nonblank:
        if not kept(i):
            continue
        if feats[i].stripped in seen:
            rules[i] = "duplicate"
        else:
            seen.add(feats[i].stripped)

    return [Line(start, line, rules[i], details[i]) for i, (start, line) in enumerate(raw)]


def clean(text: str) -> CleanedText:
    """Remove page chrome from ``text`` line by line; see the module docstring for the rules."""
    lines = classify(text)
    kept_lines: list[str] = []
    segments: list[tuple[int, int, int]] = []
    removed_before: list[int] = []
    removed = 0
    chars_removed = 0
    by_rule: Counter[str] = Counter()
    pos = 0
    for line in lines:
        if line.blank:
            continue
        if line.rule is not None:
            removed += 1
            chars_removed += len(line.text)
            by_rule[line.rule] += 1
            continue
        if kept_lines:
            pos += 1  # the "\n" joining it to the previous kept line
        segments.append((pos, line.start, len(line.text)))
        removed_before.append(removed)
        kept_lines.append(line.text)
        pos += len(line.text)
    clean_text = "\n".join(kept_lines)
    report = CleaningReport(
        chars_in=len(text),
        chars_kept=len(clean_text),
        chars_removed=chars_removed,
        lines_removed=removed,
        removed_by_rule={rule: by_rule[rule] for rule in RULES if by_rule[rule]},
    )
    return CleanedText(clean_text, tuple(segments), report, tuple(removed_before))
