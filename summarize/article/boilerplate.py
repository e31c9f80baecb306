"""The table of page-chrome patterns (the ``boilerplate`` rule) and the lines addressed to a model (``injection``).

Each pattern is matched against the lower-cased, stripped line; its ``detail`` names the kind of chrome
(``share``, ``follow``, ``read_also``, ``newsletter``, ``cta``, ``slogan``, ``reader_tip``, ``credit``, ``ad``,
``cookie``, ``nav``), which ``CleaningReport`` and the loader's source heuristic read. See
:mod:`summarize.article.clean` for what each rule removes, with examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Features

__all__ = ["boilerplate_kind", "is_injection"]

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
    r"(?:lesen sie (?:auch|mehr|hier|dazu)|lies (?:auch|mehr)|auch lesenswert|ebenfalls lesenswert|"
    r"mehr zum thema|mehr zu diesem thema|weitere (?:artikel|nachrichten|news|beiträge) zum thema|"
    r"das könnte (?:sie|dich|dir|ihnen) (?:auch )?(?:interessieren|gefallen)|empfehlungen der redaktion|passend zum thema|"
    r"verwandte (?:artikel|themen|beiträge)|zum weiterlesen|"
    r"read (?:also|more|next|below)|also read|see also|more on this (?:story|topic)|"
    r"you (?:may|might) also like|recommended (?:for you|reading|stories)|continue reading|"
    r"related (?:articles?|stories|coverage|content|news|reading))\b"
)
_READ_ALSO_NEEDLES = (
    "lesen", "lies auch", "lies mehr", "gefallen", "zum thema", "diesem thema", "interessieren", "empfehlungen", "verwandte",
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
    # a caption whose credit follows a slash after its last sentence: "... pressed for more missiles. / bne IntelliNews"
    _p("credit", r"[.!?]\s+/\s+[^/.!?]{2,40}$", needles=(" / ",)),
    # a caption ending in its credit: "... bei einem Treffen (Photo by Jane Doe/Getty Images)", "... AP Photo"
    _p(
        "credit",
        r"\((?:photo|foto|bild|image|picture)s?\s+(?:by|von)\b[^()]{0,80}\)\s*$",
        needles=("photo", "foto", "bild", "image", "picture"),
    ),
    _p(
        "credit",
        r"\b(?:ap|afp|epa|reuters|dpa|getty|anadolu|xinhua|tass)(?:\s*/\s*\w+)?\s+(?:photos?|images?|fotos?|pictures?)\s*$",
        needles=("photo", "image", "foto", "picture"),
    ),
    # a caption: where the people stand in the picture ("Jane Doe (l.) und ...", "Doe, left, greets ..."),
    # or what kind of picture it is ("(Symbolbild)", "(file photo)"); article prose never says so
    _p(
        "credit",
        r"\((?:l|r|li|re|m|mi|v\.\s?l\.|v\.\s?r\.)\.\)|,\s(?:left|right|center|centre)\s*,\s"
        r"|\((?:symbolbild|archivbild|archivfoto|symbolfoto|file photo|archive photo|stock photo)\)",
        needles=(".)", "left", "right", "center", "centre", "bild", "foto", "photo"),
    ),
    # an agency's update tag above the text: "(Neu: Ungarn, EU, Einzelheiten)", "(Updates with ...)"
    _p("credit", r"^\W*\(\s*(?:neu|new|update|updates|updated|aktualisiert)\b[^()]{0,80}\)\W*$", 12),
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



def boilerplate_kind(feat: Features) -> str | None:
    """The boilerplate kind the line matches, or ``None``."""
    lowered = feat.stripped.lower()
    for pattern in _BOILERPLATE:
        if pattern.matches(lowered, feat.n_words):
            return pattern.detail
    return None
