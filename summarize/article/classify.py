"""Which rule removes each line: the cleaner's passes over an article (see :mod:`summarize.article.clean`).

The passes run in order and a line keeps the first rule that claims it: one line at a time (injection,
boilerplate, bullet, hashtag, dateline, explicit byline), captions and newsletter boxes around such a line,
runs of short lines (menu), position (a lone
name as a byline, short fragments), then exact repeats, the teasers under a box of other stories at the page's
end (counted once the repeats and fragments among them are gone), and last what follows the story's closing
copyright line (readers' comments).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

from ..text.dates import parse_dateline
from ..text.months import MONTH_NAMES
from ..text.territories import is_territory
from .boilerplate import boilerplate_kind, is_injection
from .lines import Features, Line, split_lines, words_of
from .shapes import BULLET, HASHTAGS, MARKDOWN_HEADING, explicit_byline, intrinsic_fragment, menu_like, name_like

__all__ = ["classify"]


class _Pass:
    """The lines of one article, their features and the rule each has got so far (``None``: kept)."""

    def __init__(self, text: str) -> None:
        self.raw, self.teasers = _inline_teasers(split_lines(text)) if "(" in text else (split_lines(text), set())
        self.feats = [Features.of(line) for _, line in self.raw]
        self.rules: list[str | None] = [None] * len(self.raw)
        self.details: list[str | None] = [None] * len(self.raw)
        self.nonblank = [i for i, f in enumerate(self.feats) if f.stripped]

    def kept(self, i: int) -> bool:
        return self.rules[i] is None

    def neighbour(self, pos: int, step: int) -> int | None:
        """Index (into ``feats``) of the nearest non-blank line before/after ``nonblank[pos]``."""
        k = pos + step
        return self.nonblank[k] if 0 <= k < len(self.nonblank) else None

    def kept_paragraph_next_to(self, pos: int, step: int) -> bool:
        """Whether the nearest kept non-blank line before/after ``nonblank[pos]`` is a paragraph."""
        k = pos + step
        while 0 <= k < len(self.nonblank) and not self.kept(self.nonblank[k]):
            k += step
        return 0 <= k < len(self.nonblank) and self.feats[self.nonblank[k]].paragraph

    def lines(self) -> list[Line]:
        return [Line(start, line, self.rules[i], self.details[i]) for i, (start, line) in enumerate(self.raw)]


# A link to another story set in parentheses after a paragraph's last sentence ("... in ihre Richtung fliegen“.
# (Russland warnt Ukraine vor Einsatz von Langstreckenraketen für Terroranschlag unter falscher Flagge)"): a
# headline of six or more words, capitalised, with no sentence or clause end of its own inside.
_INLINE_TEASER = re.compile(r"(?<=[.!?…\"“”»«’])\s+(?P<teaser>\([A-ZÄÖÜ][^().!?:;…]*\))\s*$")
INLINE_TEASER_MIN_WORDS = 6


def _inline_teasers(raw: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], set[int]]:
    """The lines, with a teaser that closes a kept paragraph split off as a line of its own (the whole line
    stays one when a rule removes it anyway, as a caption whose credit is in parentheses), and the indices of
    those teaser lines. Only a matching line is split: every other line is the original's."""
    out: list[tuple[int, str]] = []
    teasers: set[int] = set()
    for start, line in raw:
        m = _INLINE_TEASER.search(line) if line.rstrip().endswith(")") else None
        if (m is None or len(words_of(m.group("teaser"))) < INLINE_TEASER_MIN_WORDS
                or _one_line_rule(Features.of(line))[0] is not None):
            out.append((start, line))
            continue
        out.append((start, line[:m.start()]))
        teasers.add(len(out))
        out.append((start + m.start("teaser"), line[m.start("teaser"):]))
    return out, teasers


def _one_line_rule(f: Features) -> tuple[str | None, str | None]:
    """The rule (and boilerplate detail) that removes ``f`` judged alone, or ``(None, None)``."""
    if is_injection(f.text):
        return "injection", None
    kind = boilerplate_kind(f)
    if kind is not None:
        return "boilerplate", kind
    if f.protected:
        return None, None
    if BULLET.match(f.text):
        return "bullet_teaser", None
    if HASHTAGS.match(f.text):
        return "hashtag", None
    if parse_dateline(f.stripped) is not None:
        return "dateline", None
    if explicit_byline(f):
        return "byline", None
    return None, None


def _single_lines(p: _Pass) -> None:
    """1. rules that look at one line only."""
    for i in p.nonblank:
        p.rules[i], p.details[i] = ("boilerplate", "read_also") if i in p.teasers else _one_line_rule(p.feats[i])


def _menus(p: _Pass) -> None:
    """2. runs of 3+ short non-prose lines (blank lines do not break a run)."""
    run: list[int] = []
    for i in [*p.nonblank, -1]:
        if i >= 0 and menu_like(p.feats[i]) and not p.feats[i].protected:
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                if p.kept(j):
                    p.rules[j] = "menu"
        run = []


def _lone_bylines(p: _Pass) -> None:
    """3. lone names next to a dateline, between title and first paragraph, or after the last one."""
    paragraphs = [i for i in p.nonblank if p.kept(i) and p.feats[i].paragraph]
    first_para = paragraphs[0] if paragraphs else len(p.raw)
    last_para = paragraphs[-1] if paragraphs else len(p.raw)
    title = next((i for i in p.nonblank if p.kept(i) and p.feats[i].n_words >= 4), len(p.raw))
    for pos, i in enumerate(p.nonblank):
        f = p.feats[i]
        if not p.kept(i) or f.protected or MARKDOWN_HEADING.match(f.text) or not name_like(f.stripped.split()):
            continue
        near_date = any(
            j is not None and p.rules[j] == "dateline" for j in (p.neighbour(pos, -1), p.neighbour(pos, 1))
        )
        in_header = title < i < first_para
        in_footer = bool(paragraphs) and i > last_para
        if near_date or in_header or in_footer:
            p.rules[i] = "byline"


PLACE_LABEL_WORDS = 6  # "Democratic Republic of the Congo"; longer lines are never a place's name alone
_ARTICLE = frozenset({"the", "die", "der", "das"})


def _place_label(f: Features) -> bool:
    """A line that is only a country's or territory's name, with an article or without: a site's section label
    ("The United States" above the headline), as one or two words of a menu are. A headline says more."""
    words = f.words[1:] if f.words and f.words[0].casefold() in _ARTICLE else f.words
    return 0 < len(words) <= PLACE_LABEL_WORDS and is_territory(" ".join(words))


def _fragments(p: _Pass) -> None:
    """4. short fragments: intrinsic ones anywhere; one or two words, or a place's name alone, unless a
    heading between paragraphs."""
    for pos, i in enumerate(p.nonblank):
        f = p.feats[i]
        if not p.kept(i) or f.protected or MARKDOWN_HEADING.match(f.text):
            continue
        if intrinsic_fragment(f):
            p.rules[i] = "short_fragment"
        elif (f.n_words <= 2 or _place_label(f)) and not f.ends_sentence:
            heading = p.kept_paragraph_next_to(pos, -1) and p.kept_paragraph_next_to(pos, 1)
            if not heading:
                p.rules[i] = "short_fragment"


SIGN_UP_BOX_LINES = 2  # the title and tagline a newsletter box shows above its sign-up line
SIGN_UP_BOX_WORDS = 10  # ... each short: a longer line is the article's


def _sign_up_boxes(p: _Pass) -> None:
    """1c. a newsletter box's title and tagline: the short lines right above its sign-up line, with no blank
    line between ("Hauptstadt Inside von Jane Doe, Chefredakteurin" / "Hinter den Kulissen der Politik." /
    "Mit meiner Anmeldung zum Newsletter stimme ich ... zu."). A line of more than ten words ends the box."""
    for i in p.nonblank:
        if p.details[i] != "newsletter":
            continue
        j = i - 1
        while j >= 0 and i - j <= SIGN_UP_BOX_LINES and p.feats[j].stripped and p.kept(j) and p.feats[j].n_words <= SIGN_UP_BOX_WORDS:
            p.rules[j], p.details[j] = "boilerplate", "newsletter"
            j -= 1


# A box header of other stories, not a link of this one ("Read More", "Lesen Sie auch: ..." stay with the page)
_OTHER_STORIES = re.compile(r"^\W*(?:das könnte (?:sie|dich|dir|ihnen) (?:auch )?(?:interessieren|gefallen)|you (?:may|might) "
                            r"also like|recommended (?:for you|stories|reading)|empfehlungen der redaktion|more stories|"
                            r"top stories|most read|meistgelesen|more about|mehr über|mehr zu|(?:alles|mehr) zum thema(?:\s+[^\W\d_][\w.-]*){0,4})\W*$",
                            re.IGNORECASE)  # "Alles zum Thema Energiepolitik": a topic page's box of its stories
TEASER_TAIL_LINES = 4  # the page's last lines after a "more stories" box header: about two teasers
TEASER_TAIL_CHARS = 600


def _teaser_tails(p: _Pass) -> None:
    """6. the end of a page after a box header of other stories ("Das könnte Dir auch gefallen", "You may
    also like": the header alone on its line; not "Read More", which links this story): the teasers under it (a quote, a headline,
    a summary) when they are the page's last lines and few (:data:`TEASER_TAIL_LINES`, at most
    :data:`TEASER_TAIL_CHARS`, none protected but items of a list, "- ...", the box's links). A box inside the
    article, with more of the article after it, is left alone."""
    headers = [pos for pos, i in enumerate(p.nonblank)
               if p.details[i] == "read_also" and p.feats[i].n_words <= 6 and _OTHER_STORIES.search(p.feats[i].stripped)]
    if not headers:
        return
    tail = [i for i in p.nonblank[headers[-1] + 1:] if p.kept(i)]
    if (tail and len(tail) <= TEASER_TAIL_LINES and sum(len(p.feats[i].stripped) for i in tail) <= TEASER_TAIL_CHARS
            and not any(p.feats[i].protected and not BULLET.match(p.feats[i].text) for i in tail)):
        # a protected line is the article's (see clean), but for the box's list of links ("- Ministerium reagiert ...")
        for i in tail:
            p.rules[i], p.details[i] = "boilerplate", "read_also"


_MONTH_AND_YEAR = re.compile(r"^(?:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\s+(?:19|20)\d{2}$",
                             re.IGNORECASE)
DATED_CARD_LINES = 2  # a teaser card under its date: a headline, a summary
MIN_STORY_PARAGRAPHS = 3  # a date line after fewer paragraphs is the story's own (under the headline)


def _bare_date(line: str) -> bool:
    """A line that is only a date: a dateline ("17.10.2025", "October 17, 2025") or a month and its year
    ("January 2026", a magazine issue's label)."""
    return parse_dateline(line) is not None or _MONTH_AND_YEAR.match(line) is not None


def _dated_card_tail(p: _Pass) -> None:
    """6b. a teaser card of another story at the page's end: a line that is only a date, after the story's
    paragraphs, with at most :data:`DATED_CARD_LINES` lines (at most :data:`TEASER_TAIL_CHARS`) after it to the
    end ("January 2026" / "Netflix, which has been in India for a decade, ..."). The story's own date stands
    above its text; a ticker or a chronology has several date lines in its text, and is left alone."""
    dated = [pos for pos, i in enumerate(p.nonblank) if _bare_date(p.feats[i].stripped)]
    if not dated:
        return
    last = dated[-1]
    before = [i for i in p.nonblank[:last] if p.kept(i) and p.feats[i].paragraph]
    if len(before) < MIN_STORY_PARAGRAPHS or any(p.nonblank[pos] > before[0] for pos in dated[:-1]):
        return
    tail = [i for i in p.nonblank[last + 1:] if p.kept(i)]
    if tail and len(tail) <= DATED_CARD_LINES and sum(len(p.feats[i].stripped) for i in tail) <= TEASER_TAIL_CHARS:
        for i in (p.nonblank[last], *tail):
            if p.kept(i):
                p.rules[i], p.details[i] = "boilerplate", "read_also"


# The story's end: an agency's or publisher's copyright with its year at the end of a line ("... to bridge the
# gap.© Thomson Reuters 2025.", "(c) 2025 The Associated Press")
_COPYRIGHT_END = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s+)?[A-Z][\w.&'’ -]{1,40}?(?:\s+(?:19|20)\d{2})?\.?$",
                            re.IGNORECASE)
AFTER_COPYRIGHT_LINE_CHARS = 300  # a reader's comment, a footer line: no longer than this
AFTER_COPYRIGHT_SHARE = 0.4  # ... and all of them less than this share of the story before


def _after_the_copyright(p: _Pass) -> None:
    """7. what a page shows after the story's closing copyright line ("... to bridge the gap.© Thomson Reuters
    2025.", in the second half of the page): readers' comments and their authors ("Desert Tortoise"), a
    footer. Only short lines, far less than the story, and only when the copyright names a year."""
    total = sum(len(p.feats[i].stripped) for i in p.nonblank)
    before = 0
    for pos, i in enumerate(p.nonblank):
        before += len(p.feats[i].stripped)
        if not p.kept(i) or before < total / 2 or not _COPYRIGHT_END.search(p.feats[i].stripped):
            continue
        if not re.search(r"(?:19|20)\d{2}", p.feats[i].stripped[-60:]):
            continue
        tail = [k for k in p.nonblank[pos + 1:] if p.kept(k)]
        chars = sum(len(p.feats[k].stripped) for k in tail)
        if (tail and chars < AFTER_COPYRIGHT_SHARE * before
                and all(len(p.feats[k].stripped) <= AFTER_COPYRIGHT_LINE_CHARS for k in tail)):
            for k in tail:
                p.rules[k], p.details[k] = "boilerplate", "comments"
        return


MIN_CAPTION_CHARS = 20  # a shorter line is no caption to recognise again


def _captions(p: _Pass) -> None:
    """1b. a caption given twice, once bare and once with its credit ("... in Washington" and "... in Washington
    Copyright AP Photo"): the bare line is the credit's caption too."""
    for pos, i in enumerate(p.nonblank):
        j = p.neighbour(pos, 1)
        if j is None or not p.kept(i) or p.details[j] != "credit":
            continue
        bare, credited = p.feats[i].stripped, p.feats[j].stripped
        if (len(bare) >= MIN_CAPTION_CHARS and credited.startswith(bare) and len(credited) > len(bare)) or (
                p.feats[j].n_words <= 8 and (_titled_caption(bare) or _named_caption(bare) or _present_caption(bare))):
            p.rules[i], p.details[i] = "boilerplate", "credit"


_TITLE = re.compile(r"^([^.!?]{3,60})\.\s+\S")


def _titled_caption(line: str) -> bool:
    """A caption above a bare credit line ("© dpa/Jane Doe"): it opens with a title of a few words and no
    verb ("Pistorius vor Patriots. Der Minister hat sich ..."), which no article paragraph does. A verb is
    told by a lower-case word of four letters or more; the title has at most five words."""
    match = _TITLE.match(line)
    if match is None or line.count(". ") > 3:
        return False
    words = match.group(1).split()
    return len(words) <= 5 and not any(w[:1].islower() and len(w) >= 4 for w in words)


def _named_caption(line: str) -> bool:
    """A caption above a bare credit line that only names who is in the picture, as one sentence with its
    period: names and titles joined by a few small words ("Prime Minister Jane Doe and President John Roe.").
    A headline ends with no period, and article prose has a verb ("Jane Doe met John Roe.")."""
    words = line.rstrip(".").split()
    return (line.endswith(".") and 2 <= len(words) <= 15 and line.count(". ") <= 1
            and all(w[:1].isupper() or w.casefold() in _CAPTION_JOINERS for w in words))


# Names and titles, then a verb in the present's third person: "President Jane Doe speaks at a meeting ...",
# "Bundesminister Max Muster spricht während einer Sitzung ..."
_PRESENT_CAPTION = re.compile(r"(?:[A-ZÄÖÜ][\w.'’-]*\s+){1,8}(?:(?:and|und)\s+(?:[A-ZÄÖÜ][\w.'’-]*\s+){1,4})?"
                              r"(?:[a-z]{3,}s|[a-zäöüß]{3,}t)\s")


def _present_caption(line: str) -> bool:
    """A caption above a bare credit line that tells what the picture shows, in the present tense, in one
    sentence: names and titles, then a verb in the third person ("President Jane Doe speaks at a meeting
    alongside Vice President John Roe.", "US-Präsident John Roe spricht während einer Sitzung."). A report tells
    it in the past ("Doe spoke", "Roe sprach"), and a headline in the present has no final period ("Doe says
    she will meet Roe in Vienna")."""
    return line.endswith(".") and ". " not in line and _PRESENT_CAPTION.match(line) is not None


# The small words between the names of a caption that only names who is in the picture
_CAPTION_JOINERS = frozenset("and und & of von der des the with mit".split())


def _duplicates(p: _Pass) -> None:
    """5. exact repeats of a kept line."""
    seen: set[str] = set()
    for i in p.nonblank:
        if not p.kept(i):
            continue
        if p.feats[i].stripped in seen:
            p.rules[i] = "duplicate"
        else:
            seen.add(p.feats[i].stripped)


# Texts classified with ``keep=True`` (the loader, reading an article's metadata), each until the next
# classify of the same text takes it (the cleaner, when the article is briefed): one classifying per article
# instead of two. Bounded by the characters kept: past :data:`KEEP_CHARS` the oldest go first, so a
# long-lived host (the MCP server) that loads articles it never briefs keeps no more than that.
_KEPT: OrderedDict[str, list[Line]] = OrderedDict()
KEEP_CHARS = 4_000_000  # about 700 news articles of 6,000 characters
_kept_chars = 0
_kept_lock = threading.Lock()


def classify(text: str, *, keep: bool = False) -> list[Line]:
    """Every line of ``text`` with the rule that removes it (``None`` when kept or blank); the same lines for
    the same text (the list is shared: callers never change it). ``keep``: the text will be classified once
    more (the loader's, then the cleaner's); its lines are kept for that call, within :data:`KEEP_CHARS`."""
    global _kept_chars
    with _kept_lock:
        lines = _KEPT.pop(text, None) if _KEPT else None
        if lines is not None:
            _kept_chars -= len(text)
    if lines is None:
        p = _Pass(text)
        for step in (_single_lines, _captions, _sign_up_boxes, _menus, _lone_bylines, _fragments, _duplicates, _teaser_tails,
                     _dated_card_tail, _after_the_copyright):
            step(p)
        lines = p.lines()
    if keep and len(text) <= KEEP_CHARS:
        with _kept_lock:
            if text not in _KEPT:
                _KEPT[text] = lines
                _kept_chars += len(text)
                while _kept_chars > KEEP_CHARS:
                    oldest, _ = _KEPT.popitem(last=False)
                    _kept_chars -= len(oldest)
    return lines
