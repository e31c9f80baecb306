"""The table of page-chrome patterns (the ``boilerplate`` rule) and the lines addressed to a model (``injection``).

Each pattern is matched against the lower-cased, stripped line; its ``detail`` names the kind of chrome
(``share``, ``follow``, ``read_also``, ``newsletter``, ``cta``, ``slogan``, ``reader_tip``, ``credit``, ``ad``,
``cookie``, ``nav``), which ``CleaningReport`` and the loader's source heuristic read. See
:mod:`summarize.article.clean` for what each rule removes, with examples.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from .._data import media_names
from .lines import Features

__all__ = ["boilerplate_kind", "is_injection"]

_OUTLETS = "|".join(map(re.escape, sorted(media_names(), key=len, reverse=True)))  # "fox news" before "fox"
_SOCIAL = (
    r"whatsapp|facebook|twitter|instagram|telegram|youtube|tiktok|linkedin|xing|pinterest|reddit|"
    r"threads|bluesky|mastodon|flipboard|google news|snapchat|x"
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A boilerplate pattern, matched against the lower-cased, stripped line.

    ``max_words``: only lines with at most this many words are tested. ``needles``: the line is
    only searched when it contains one of these substrings (a cheap pre-test that keeps long
    paragraphs fast; the regex cannot match without one of them); patterns anchored with ``^`` need none.
    ``anchored`` and ``regex_first`` are worked out by :func:`_p` and only make the test cheaper.
    """

    detail: str
    regex: re.Pattern[str]
    max_words: int | None = None
    needles: tuple[str, ...] = ()
    anchored: bool = False  # every alternative starts with "^": it can only match at the line's start
    regex_first: bool = False  # the regex is cheaper to run than the needles (see matches)

    def matches(self, lowered: str) -> bool:
        """Whether the line (lower-cased, stripped, of at most ``max_words`` words) holds a needle and the regex.
        The cheaper test goes first: the regex when it starts with a character or a class (``[.!?]``,
        ``\\(``), which ``re`` skips to; the needles when it starts with a word boundary, tried everywhere."""
        if self.regex_first:
            return self.regex.search(lowered) is not None and self._has_needle(lowered)
        return self._has_needle(lowered) and self.regex.search(lowered) is not None

    def _has_needle(self, lowered: str) -> bool:
        if not self.needles:
            return True
        for needle in self.needles:
            if needle in lowered:
                return True
        return False


_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]")


def _anchored(pattern: str) -> bool:
    """Whether every top-level alternative of ``pattern`` starts with ``^``."""
    bare = _ESCAPE_OR_CLASS.sub("_", pattern)  # escapes and [classes] hold no group and no alternative
    depth, starts = 0, [0]
    for i, ch in enumerate(bare):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            starts.append(i + 1)
    return all(bare.startswith("^", start) for start in starts)


def _p(detail: str, pattern: str, max_words: int | None = None, needles: tuple[str, ...] = ()) -> _Pattern:
    regex = re.compile(pattern)
    anchored = not needles and regex.groups == 0 and _anchored(pattern)
    regex_first = not pattern.startswith((r"\b", r"(?:\b"))
    return _Pattern(detail, regex, max_words, needles, anchored, regex_first)


_READ_ALSO = (
    r"(?:lesen sie (?:auch|mehr|hier|dazu)|lies (?:auch|mehr)|auch lesenswert|ebenfalls lesenswert|alles zum thema|"
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
_AFTER_SENTENCE = r"[.!?]\s+[^\w\s]*\s*"  # after a sentence: "Bleiben Sie informiert! Lesen Sie auch: ..."

_BOILERPLATE: tuple[_Pattern, ...] = (
    # --- read also / related teasers
    _p("read_also", r"^[^\w\s]*\s*" + _READ_ALSO),
    _p("read_also", _AFTER_SENTENCE + _READ_ALSO, needles=_READ_ALSO_NEEDLES),
    _p("read_also", r"^[^\w\s]*\s*" + _READ_ALSO_COLON),
    _p("read_also", _AFTER_SENTENCE + _READ_ALSO_COLON, needles=_READ_ALSO_COLON_NEEDLES),
    _p("read_also", r"^\W*(?:mehr dazu|weiterlesen|mehr lesen|more stories|top stories|most read|meistgelesen|more about|"
                    r"mehr über|mehr zu)\W*$"),
    # --- share / follow
    _p("share", r"\b(?:artikel|beitrag|seite|inhalt)\s+(?:teilen|versenden|drucken|merken|empfehlen)\b", 8,
       ("teilen", "versenden", "drucken", "merken", "empfehlen")),
    _p("share", r"^\W*(?:jetzt |per e-?mail |auf \w+ )?teilen\b", 6),
    _p("share", r"^\W*share(?: this| on| via| the| to)?(?: article| story| page| post| link)?\b", 8),
    _p("share", rf"^\W*(?:(?:{_SOCIAL}|e-?mail|mail|messenger|drucken|print|link kopieren|copy link)\W*)+$"),
    _p("follow", rf"^\W*(?:(?:folgen sie|folge|folgt|follow)\b.{{0,80}}\b(?:{_SOCIAL})\b|follow us\b)"),
    _p("follow", rf"\b(?:join|tritt|treten sie)\b.{{0,60}}\b(?:channel|community|group|kanal|gruppe)\b.{{0,20}}\b(?:{_SOCIAL})\b|"  # "Join X's
       rf"\b(?:join|tritt|treten sie)\b.{{0,30}}\b(?:{_SOCIAL})[- ](?:channel|kanal)\b", 20, ("join", "tritt", "treten sie")),  # channel on WhatsApp"
    # --- newsletter / subscription / call to action
    _p("newsletter", r"\b(?:sign up|subscribe|abonnieren|anmelden|bestellen|registrieren)\b.{0,40}\bnewsletter"
                     r"|\bnewsletter\b.{0,40}\b(?:abonnieren|anmelden|bestellen|sign up|subscribe)\b", needles=("newsletter",)),
    _p("newsletter", r"\bnewsletter\b", 12, ("newsletter",)),
    _p("cta", r"\b(?:keine kreditkarte|no credit card) (?:erforderlich|nötig|notwendig|required|needed)\b",
       needles=("kreditkarte", "credit card")),
    _p("cta", r"\bkeine versteckten kosten\b|\bno hidden (?:fees|costs)\b", needles=("versteckten", "hidden")),
    _p("cta", r"\bjetzt (?:kostenlos |gratis )?(?:anmelden|registrieren|abonnieren|testen|sichern|bestellen)\b",
       needles=("jetzt",)),
    _p(
        "cta",
        r"\b(?:hier klicken|click here|mehr erfahren|learn more|jetzt lesen|read now)\b",
        12,
        ("hier klicken", "click here", "mehr erfahren", "learn more", "jetzt lesen", "read now"),
    ),
    _p("cta", r"^\W*(?:erfahren sie (?:hier )?mehr|learn more about|download on the app store|get it on google play"
              r"|laden im app store)\b"),  # and an app store's badge
    _p(
        "cta",
        r"\b(?:über|about) (?:die |unsere |our |the )?(?:journalistischen|redaktionellen|editorial|journalistic)"
        r" (?:standards|grundsätze|guidelines|richtlinien)\b",
        needles=("journalistic", "editorial", "redaktionellen"),
    ),
    _p("cta", r"^\W*(?:jetzt |hier )?(?:abonnieren|abonniere|subscribe|abo abschließen)\b", 6),
    _p("slogan", r"\b(?:immer|stets|bestens|top|gut) informiert\b", 8, (" informiert",)),
    _p("slogan", r"^\W*bleib(?:en sie|t)? (?:informiert|auf dem laufenden)\b", 8),
    _p("slogan", r"\b(?:stay|keep|always) (?:informed|up to date|in the know)\b", 8,
       (" informed", " up to date", " in the know")),
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
        r"(?:\b(?:bild|foto|fotos|photo|image|picture|credit|bildquelle|fotoquelle)\s*:|©|\(c\))\s*[^.!?]{0,120}$"
        r"|[a-zäöüß](?:bild|foto)\s*:\s*[^.!?/]{2,60}/[^.!?]{2,60}$",  # glued to the caption: "... PutinBild: K. D./AFP"
        needles=("bild", "foto", "photo", "image", "picture", "credit", "©", "(c)"),
    ),
    _p("credit", r"\b(?:picture alliance|getty images|imago images|shutterstock|istockphoto|zuma (?:press|wire))\b", 14,
       ("picture alliance", "getty images", "imago images", "shutterstock", "istockphoto", "zuma ")),
    # a caption whose credit closes it in brackets: "... mit seinem Amtskollegen. (picture alliance / Newscom / ...)",
    # "... with Bret Baier. (Fox News)": a picture agency or an outlet of summarize/data/media.json
    _p("credit", rf"[.!?]\s*\((?:picture alliance|getty images|imago|epa|keystone|anadolu|{_OUTLETS})\b"
       r"[^()]{0,80}\)\s*$", needles=("(",)),
    # a broadcaster's line under a report: "Diese Nachricht wurde am 04.07.2025 im Programm Deutschlandfunk gesendet."
    _p("credit", r"^\W*(?:diese|die) (?:nachricht|meldung|sendung) wurde am\b.{0,60}\b(?:gesendet|ausgestrahlt)\W*$", 16),
    # a caption whose credit follows a slash after its last sentence: "... pressed for more missiles. / bne IntelliNews"
    _p("credit", r"[.!?]\s+/\s+[^/.!?]{2,40}$", needles=(" / ",)),
    # a caption ending in its photographer's credit, in brackets or after its last sentence: "... bei einem
    # Treffen (Photo by Jane Doe/Getty Images)", "... at the White House. Photo by Jane Doe/UPI"
    _p(
        "credit",
        r"(?:\((?:photo|foto|bild|image|picture)s?\s+(?:by|von)\b[^()]{0,80}\)\s*"
        r"|[.!?]\s+(?:photos?|fotos?|bild|images?|pictures?)\s+(?:by|von)\s+[^.!?|]{2,60})$",
        needles=("photo", "foto", "bild", "image", "picture"),
    ),
    # ... or the agency and the photographer (a name of one to three words) after it: "... 2025. REUTERS/Jane Doe/File Photo"
    _p("credit", r"[.!?]\s+(?:reuters|ap|afp|epa|dpa|anadolu|xinhua|tass|pool)\s*/\s*[^/.!?\s]{2,30}(?:\s+[^/.!?\s]+){0,2}"
                 r"(?:/\s*(?:file photo|pool|handout))?\s*$", needles=("/",)),
    _p("credit", r"\b(?:ap|afp|epa|reuters|dpa|getty|anadolu|xinhua|tass)(?:\s*/\s*\w+)?\s+(?:photos?|images?|fotos?|pictures?)"
                 r"\s*$", needles=("photo", "image", "foto", "picture")),  # ... or in the agency's words: "... AP Photo"
    # a caption: where the people stand in the picture ("Jane Doe (l.) und ...", "Doe, left, greets ..."),
    # or what kind of picture it is ("(Symbolbild)", "(file photo)"); article prose never says so
    _p(
        "credit",
        r"\((?:l|r|li|re|m|mi|v\.\s?l\.|v\.\s?r\.)\.\)|,\s(?:left|right|center|centre)\s*,\s"
        r"|\((?:symbolbild|archivbild|archivfoto|symbolfoto|file photo|archive photo|stock photo)\)",
        needles=(".)", "left", "right", "center", "centre", "bild", "foto", "photo"),
    ),
    # a caption in the wire agencies' style: where a person stands in the picture, in capitals without a stop,
    # with the caption's present tense after it ("Marco Rubio (L) listens while ...", "(2nd R) shakes hands") or
    # the picture's day at its end ("... Zelensky (L) in the Cabinet Room ... on October 17, 2025."); "Ted Cruz
    # (R) says" or "(R) was" is a party, not a place in a picture: only the verbs of what a picture shows count
    _p(
        "credit",
        r"\((?:l|r|c|\d(?:st|nd|rd|th)\s?(?:l|r|from\s+(?:left|right)))\)(?:\s+(?:listens|greets|speaks|shakes"
        r"|meets|attends|arrives|gestures|looks|walks|waves|talks|poses|holds|sits|stands|smiles|departs|chats|reacts"
        r"|addresses|applauds|leaves|enters|and)\b|[^()]*\b"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"(?:,?\s+in\s+[^.!?()]{2,40})?\.?\s*$)",
        needles=("l)", "r)", "c)", "left)", "right)"),
    ),
    # a picture gallery's counter and licence link: "1 of 6 | Secretary of State ... | License Photo"
    _p("credit", r"^\W*\d{1,2}\s+(?:of|von)\s+\d{1,2}\s*\|"),
    _p("credit", r"\|\s*license photo\W*$", needles=("license photo",)),
    _p("credit", r"\b(?:journalist|reporter|correspondent|editor|writer|author|analyst)\b.{0,80}\bhas (?:over |more than |"  # an author's
       r"nearly |almost |about |some )?\d+\+? years of (?:experience|expertise)\b", 30, ("years of exp",)),  # note, "has over 9 years of ..."
    # a caption whose last sentence is followed by its credit, a web address: "... August 15th 2025.  Kremlin.ru"
    _p(
        "credit",
        r"[.!?]\s+(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|ua|com|org|net|gov|int|eu|de|at|ch|uk)\W*$",
        needles=(".ru", ".ua", ".com", ".org", ".net", ".gov", ".int", ".eu", ".de", ".at", ".ch", ".uk"),
    ),
    # a caption whose last sentence is followed by its credit in brackets, a name and a source with a slash:
    # "... in The Hague on June 25, 2025. (Volodymyr Zelensky/Telegram)"
    _p("credit", r"[.!?]\s+\((?:[^\W\d_][\w.'’-]*\s+){0,4}[^\W\d_][\w.'’-]*\s*/\s*[^()/]{2,40}\)\s*$", needles=("/",)),
    # a caption: where something is in the picture, in brackets ("(Right) Tomahawk missiles", "(links)")
    _p("credit", r"\((?:left|right|top|bottom|centre|center|links|rechts|oben|unten|mitte)\)", needles=("(",)),
    # a caption that opens with where its subject is: "Left: The president speaks to reporters in ..."
    _p("credit", r"^\W*(?:left|right|top|bottom|above|below|pictured|links|rechts|oben|unten|im bild)\s*:\s", 60),
    # a caption that opens with its credit: "Jane Doe/AP/dpa Die beiden Präsidenten beim letzten Treffen ..."
    _p(
        "credit",
        r"^\W*(?:[^\W\d_][\w.'’-]*\s+){1,3}[^\W\d_][\w.'’-]*\s*/\s*(?:ap|afp|dpa|epa|reuters|getty images|imago|anadolu"
        r"|picture alliance|xinhua|tass|keystone|apa|sputnik|efe|ansa|pool)(?:\s*/\s*[\w.-]+){0,3}(?!\w)",
    ),
    # an agency's update tag above the text: "(Neu: Ungarn, EU, Einzelheiten)", "(Updates with ...)"
    _p("credit", r"^\W*\(\s*(?:neu|new|update|updates|updated|aktualisiert)\b[^()]{0,80}\)\W*$", 12),
    _p("credit", r"^\W*(?:quelle|quellen|source|sources)\s*:", 8),
    # a wire report's credit line in brackets, its reporters and editors: "(Bericht von Jane Doe, redigiert von
    # John Roe)", "(Reporting by Jane Doe; Editing by John Roe)", "(Additional reporting by ...)"
    _p("credit", r"^\s*\(\s*(?:bericht|berichterstattung|mitarbeit|recherche|redigiert|redaktion|reporting"
                 r"|additional reporting|writing|editing|compiled)\s+(?:von|by)\b", 40),
    _p(
        "credit",
        r"^\W*\(?\s*(?:dpa|afp|ap|reuters|kna|epd|apa|sda|ddp|sid|ots|dts|rtr)"
        r"(?:\s*[/,|]\s*[\w.-]{1,12}){0,4}\s*\)?\W*$",
    ),
    _p("credit", r"^\W*(?:©|\(c\)|copyright)", 12),
    # an embedded post as the page's text gives it when the embed does not load: the post's words, its
    # picture link and its attribution, "... pic.twitter.com/nOtdtT5MIf — Disclose.tv (@disclosetv) July 8, 2025"
    _p("credit", r"(?:pic\.twitter\.com/\w+|—\s*[^()—]{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2}, \d{4})\W*$",
       needles=("pic.twitter.com/", "(@")),
    # a translation notice above the text: "Das ist eine maschinelle Übersetzung eines Artikels des Onlineportals
    # ...", "This article was machine-translated ..."; and the caption of a screenshot of the original
    _p(
        "credit",
        r"^\W*(?:(?:das|dies) ist eine (?:maschinelle|automatische|automatisierte) übersetzung"
        r"|(?:dieser|der) (?:artikel|text|beitrag) wurde (?:maschinell|automatisch) übersetzt"
        r"|(?:this|the) (?:article|text|story|page|content) (?:was|has been|is) (?:machine[- ]translated"
        r"|automatically translated|translated automatically)"  # and a site's notice of its AI: "Newsweek AI is in beta."
        r"|(?:[\w.-]+\s+){0,2}ai is in beta|translations? (?:may|might|can) contain (?:errors|inaccuracies))\b",
        60,
    ),
    _p("credit", r"^\W*(?:bildschirmfoto|screenshot)\s*(?::|des\b|der\b|von\b|of\b|from\b)", 12),
    # a disclaimer above or below the text ("Haftungsausschluss: Die Übersetzungen werden größtenteils durch einen
    # KI-Übersetzer durchgeführt ...", "Disclaimer: ..."): no news report opens a line so
    _p("credit", r"^\W*(?:haftungsausschluss|disclaimer)\s*:", 60),
    # photographers' names and the agency, between bars: "Jane Doe | John Roe | Via Reuters"
    _p(
        "credit",
        r"^\W*(?:[^\W\d_][\w.'’-]*\s+){0,3}[^\W\d_][\w.'’-]*(?:\s*\|\s*(?:[^\W\d_][\w.'’-]*\s+){0,3}[^\W\d_][\w.'’-]*)*"
        r"\s*\|\s*(?:via\s+)?(?:reuters|ap|afp|dpa|epa|getty images|imago|anadolu|xinhua|tass|picture alliance|keystone"
        r"|apa|sputnik|efe|ansa|pool)\W*$",
        needles=("|",),
    ),
    # a site's counter of the war's days above the text: "1237 Tag seit der barbarischen Invasion in die Ukraine",
    # "Day 1237 of the war", "Tag 1237 des Krieges"
    _p("nav", r"^\W*(?:(?:tag|day)\s+\d{1,5}|\d{1,5}\.?\s+(?:tag|tage|days?))\s+(?:seit|since|des|der|of)\b", 12),
    # a source's line with the story's age: "Newsweek2 days ago", "vor 3 Stunden"
    _p("nav", r"^\W*(?:[\w.-]+\s*)?(?:\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|vor\s+\d{1,3}\s+"
              r"(?:minuten|stunden|tagen|wochen))\W*$", 6),
    # a page's counters of views and comments: "8413 Aufrufe 4 Kommentare(a)", "1.2K views"
    _p("share", r"^\W*\d[\d.,]*\s*k?\s+(?:aufrufe|views|leser|reads)\b", 8),
    _p("credit", r"\b(?:alle rechte vorbehalten|all rights reserved)\b", 12,
       ("alle rechte vorbehalten", "all rights reserved")),
    # --- advertising, cookies, navigation
    _p("ad", r"^\W*(?:anzeige|werbung|advertisement|advertising|sponsored(?: content)?|gesponsert|promotion|ad"
             r"|paid content)\W*$"),
    # a breadcrumb ("Home » World: ..."); an appeal for money ("Support The Daily Example!", "Unterstützen Sie uns")
    _p("nav", r"^\W*(?:startseite|home)\s*[»›>]"),
    _p("cta", r"^\W*(?:support|unterstützen sie|unterstütze)\s+(?:us|uns|the|our|unser\w*|independent|unabhängig\w*)\b", 6),
    _p("cookie", r"\bcookies?\b.{0,100}\b(?:akzeptieren|zustimmen|einwilligung|einverstanden|datenschutz|accept|consent"
                 r"|privacy|settings|einstellungen)\b|\b(?:verwenden|nutzen|setzen|use|uses)\s+(?:wir\s+)?cookies\b"  # "verwenden
                 r"|\b(?:stimmen|akzeptieren|agree|accept|consent)\b.{0,80}\bcookies?\b", needles=("cookie",)),  # wir Cookies"
    # a publisher's wall against ad blockers and its offer: "deaktivieren Sie die Werbeblockierung", "Jetzt für nur
    # 0,99€ im ersten Monat testen", "Sie haben das Produkt bereits gekauft und sehen dieses Banner trotzdem?"
    _p("ad", r"\bad-?blocker|\bwerbe-?block|\badblock|\bwerbepartner\w*\b.{0,40}\bangewiesen\b|\bdieses banner\b|"
             r"\bim ersten monat\b.{0,20}\btesten\b|\bzugang zu allen (?:berichten|artikeln|inhalten)\b|\b(?:gratis|kostenlos) weiterlesen\b",
       needles=("block", "werbepartner", "banner", "monat", "zugang", "weiterlesen")),
    _p(
        "nav",
        r"^\W*(?:startseite|home|menü|menu|suche|search|login|log in|anmelden|abmelden|registrieren|sign in"
        r"|sign up|zurück|back|nach oben|back to top|mehr anzeigen|show more|load more|alle artikel"
        r"|all articles|zur übersicht|zur startseite|zum artikel|weitere informationen|more information)\W*$",
    ),
    _p(
        "nav",
        r"^\W*(?:\d+\s+)?(?:kommentare?|comments?|kommentieren|diskutieren sie mit|join the discussion"
        r"|leave a comment)\W*$",
    ),
    _p("nav", r"^\W*(?:lesezeit|reading time)\b|^\W*\d+\s*min(?:\.|uten)?\s*(?:lesezeit|read)\b", 6),
)


# Three regexes, not one per kind of line: the two phrases share their start (a word boundary), so one search
# tests both at each word; the whole-line forms are anchored at the line's start, where alone they are tried.
_INJECTION = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:"
        # "ignore (all) previous instructions" and its German forms
        r"(?:ignore|disregard|forget|ignoriere|ignorieren|vergiss|vergessen)\b.{0,40}"
        r"\b(?:previous|prior|above|earlier|all|vorherigen|bisherigen|obigen|alle)\b.{0,40}"
        r"\b(?:instructions?|prompts?|rules|anweisungen|befehle|regeln|vorgaben)\b"
        r"|(?:you are now|from now on you|du bist (?:jetzt|nun|ab sofort)|ab sofort bist du)\b"
        r")",
        r"^\s*(?:system|assistant|developer)\s*(?:prompt)?\s*:"  # a fake role turn
        r"|^\s*</?(?:article|system|instructions?)>\s*$"  # delimiter tags on a line of their own
        r"|^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$"  # a line of Markdown images only (tracking pixels)
        r"|^\s*<(?:img|script|iframe|object|embed|link|meta|style)\b[^>]*>\s*$",  # a line that is one HTML tag
        r"<\|[a-z_]{2,40}\|>",  # chat-template control tokens such as <|im_start|>
    )
)


def is_injection(line: str) -> bool:
    """A line addressed to an AI model (or markup smuggled into text), not article prose. Removed even when
    long: these lines carry instructions, never news."""
    return any(p.search(line) for p in _INJECTION)


class _Table:
    """The patterns that apply to lines of ``least`` words (and more, up to the next limit), arranged to find the
    first that matches in table order with few calls. The anchored ones are joined into one regex, tried at
    the line's start only: its first alternative that matches is the first of them that does. The others
    are tried one by one, up to that one."""

    def __init__(self, least: float) -> None:
        numbered = [(i, p) for i, p in enumerate(_BOILERPLATE) if p.max_words is None or p.max_words >= least]
        starts = [f"(?P<p{i}>{p.regex.pattern})" for i, p in numbered if p.anchored]
        self.start = re.compile("|".join(starts) or "(?!)")
        self.others = [(i, p) for i, p in numbered if not p.anchored]
        # Every other pattern needs one of its needles: a line with none of them (most lines) skips them all.
        # A needle that holds a shorter one is found with it, so the shorter ones alone are looked for.
        needles = {n for _, p in self.others for n in p.needles}
        self.needles = None if any(not p.needles for _, p in self.others) else tuple(sorted(
            n for n in needles if not any(m != n and m in n for m in needles)))

    def first(self, lowered: str) -> str | None:
        m = self.start.match(lowered)
        first = int(m.lastgroup[1:]) if m is not None and m.lastgroup else len(_BOILERPLATE)
        if self.needles is not None and not any(n in lowered for n in self.needles):
            return _BOILERPLATE[first].detail if first < len(_BOILERPLATE) else None
        for i, pattern in self.others:
            if i > first:
                break
            if pattern.matches(lowered):
                return pattern.detail
        return _BOILERPLATE[first].detail if first < len(_BOILERPLATE) else None


_LIMITS = sorted({p.max_words for p in _BOILERPLATE if p.max_words is not None})


@cache  # built when first needed: a run whose articles are all known reads no line
def _table(limit: int) -> _Table:
    """The table for lines of more than ``_LIMITS[limit - 1]`` words and at most ``_LIMITS[limit]``."""
    return _Table((*_LIMITS, math.inf)[limit])


def boilerplate_kind(feat: Features) -> str | None:
    """The boilerplate kind the line matches (the first pattern of the table that does), or ``None``."""
    return _table(bisect_left(_LIMITS, feat.n_words)).first(feat.stripped.lower())
