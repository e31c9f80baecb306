"""Briefing and digest quality against a gold annotation (``benchmarks/gold/``), with the naive baseline.

    python benchmarks/quality.py seeds                 # replays tests/recordings/seeds + the naive baseline's
    python benchmarks/quality.py heldout               # replays benchmarks/recordings/heldout + naive
    python benchmarks/quality.py seeds --out DIR       # scores an existing output folder (digest.json, briefings/)
    python benchmarks/quality.py seeds --json          # the figures as JSON as well

Per category (actors, decisions, weapons, open questions): recall over the gold's required items,
precision over everything the briefing lists (an item is correct when it matches a required or an optional
gold entry). Also: items taken from page chrome, located quotes that do not support their item,
uninformative items (a decision that is a bare verb or repeats the name), the weapons' statuses against the
gold's, descriptive fields (summary sentences too) in the article's language instead of English, items lost
between the model's answers and the briefing, and the cross-source facts of the digest. The matching rules are
in ``benchmarks/gold/README.md``. The scorer keeps its own text primitives (folding, matching, splitting a
summary into sentences): it does not score the package with the package's own readings.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": {"articles": ROOT / "seeds", "gold": ROOT / "benchmarks/gold/seeds",
              "recordings": ROOT / "tests/recordings/seeds", "naive": ROOT / "benchmarks/recordings/naive-seeds"},
    "heldout": {"articles": ROOT / "benchmarks/heldout", "gold": ROOT / "benchmarks/gold/heldout",
                "recordings": ROOT / "benchmarks/recordings/heldout",
                "naive": ROOT / "benchmarks/recordings/naive-heldout"},
}
CATEGORIES = ("actor", "decision", "weapon", "question")
PLURAL = {"actor": "actors", "decision": "decisions", "weapon": "weapons", "question": "open_questions"}


# --------------------------------------------------------------------------- matching


def fold(text: str) -> str:
    text = text.casefold().replace("ß", "ss").replace("\u2010", "-").replace("\u2011", "-")  # typographic hyphens
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def has_term(text: str | None, terms: list[str]) -> bool:
    """A term matches at the start of a word, as a prefix (a short one as a whole word), case and diacritics
    folded."""
    if not text:
        return False
    # a term of three letters or fewer ("US", "EU") is a whole word: "US" is not "Ushakov"; a hyphen is a space
    # ("air-defense" is "air defense")
    folded = fold(text).replace("-", " ")
    return any(re.search(r"(?<!\w)" + re.escape(fold(t).replace("-", " ")) + (r"(?!\w)" if len(t.strip()) <= 3 else ""),
                         folded) for t in terms if t.strip())


def same_entity(name: str, terms: list[str]) -> bool:
    """Whether ``name`` is the entity one of ``terms`` names by the alias table's canonical names: a gold's
    "US" or "US-Regierung" is the briefing's "United States", its "Kreml" the "Kremlin" (a language variant
    or an alias, not a looser match: the canonical names must be equal)."""
    own = _canonical(name)
    return own is not None and any(_canonical(t) == own for t in terms)


@lru_cache(maxsize=None)
def _canonical(name: str) -> str | None:
    from summarize.briefing.aliases import alias_forms

    forms = alias_forms("actors", name.strip())
    return forms[0] if forms else None


_SENTENCE_END = re.compile(r"[.!?…](?:[\"“”»«']*)\s+|\n+")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end): from the previous sentence end to the next one."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    return lo, (m.start() + 1 if m else len(text))


def evidence_spans(text: str, strings: list[str]) -> list[tuple[int, int]]:
    spans = []
    for s in strings:
        pos = text.find(s)
        if pos < 0:
            raise SystemExit(f"gold evidence not in the article: {s!r}; fix the gold file")
        spans.append(sentence_span(text, pos, pos + len(s)))
    return spans


def _covered(span: tuple[int, int], chrome: list[tuple[int, int]]) -> float:
    """How much of a quote lies in page chrome: a sentence that starts "Details:" or "WASHINGTON —" is news,
    a photo caption or a teaser is not."""
    inside = sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in chrome)
    return inside / max(1, span[1] - span[0])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Item:
    """One briefing item, reduced to what scoring needs; ``quotes`` are (start, end) in the article."""

    kind: str
    label: str
    names: list[str] = field(default_factory=list)  # actor/weapon names; decision deciders
    text: str = ""  # decision what / question text
    quotes: list[tuple[int, int]] = field(default_factory=list)
    quote_text: str = ""
    descriptive: list[str] = field(default_factory=list)  # fields that must be in the output language
    status: str = ""  # a weapon's status


def items_of_briefing(b: dict) -> list[Item]:
    out: list[Item] = []
    for a in b.get("actors", []):
        out.append(Item("actor", a["name"], [a["name"], a["name_as_written"]],
                        quotes=[(e["start"], e["end"]) for e in a["evidence"]],
                        quote_text=" ".join(e["quote"] for e in a["evidence"]),
                        descriptive=[a.get("role") or ""]))
    for d in b.get("decisions", []):
        who = [d["who"], *d.get("participants", [])]
        out.append(Item("decision", f"{d['who']}: {d['what']}", who, d["what"],
                        [(e["start"], e["end"]) for e in d["evidence"]],
                        " ".join(e["quote"] for e in d["evidence"]), [d["what"]]))
    for w in b.get("weapons", []):
        out.append(Item("weapon", w["name"], [w["name"], w["name_as_written"]],
                        quotes=[(e["start"], e["end"]) for e in w["evidence"]],
                        quote_text=" ".join(e["quote"] for e in w["evidence"]), descriptive=[w["category"]],
                        status=w["status"]))
    for q in b.get("open_questions", []):
        out.append(Item("question", q["question"], text=q["question"],
                        quotes=[(e["start"], e["end"]) for e in q["evidence"]],
                        quote_text=" ".join(e["quote"] for e in q["evidence"]), descriptive=[q["question"]]))
    if b.get("summary"):  # not an item of any category: its sentences count only as fields in the output language
        out.append(Item("summary", "summary", descriptive=re.split(r"(?<=[.!?])\s+", b["summary"].strip())))
    return out


def items_of_naive(b: dict) -> list[Item]:
    """The naive schema has strings only: names are the strings, a decision's decider is looked for in it."""
    out = [Item("actor", s, [s]) for s in b["actors"]]
    out += [Item("decision", s, [s], s, descriptive=[s]) for s in b["decisions"]]
    out += [Item("weapon", s, [s]) for s in b["weapons"]]
    out += [Item("question", s, text=s, descriptive=[s]) for s in b["open_questions"]]
    return out


def matches(item: Item, gold: dict, text: str) -> bool:
    kind = item.kind
    if kind in ("actor", "weapon"):
        return any(has_term(n, gold["names"]) for n in item.names)
    spans = gold.get("_spans", [])
    grounded = bool(item.quotes)
    if grounded and spans and not any(overlaps(q, s) for q in item.quotes for s in spans):
        return False
    if kind == "decision":
        who_ok = any(has_term(n, gold["who"]) or same_entity(n, gold["who"]) for n in item.names)
        return who_ok and has_term(item.text, gold["what"])
    # question: an ungrounded (naive) question needs the `about` terms; a grounded one its evidence, and
    # the about terms when the gold gives them
    about = gold.get("about") or []
    if not grounded:
        return bool(about) and has_term(item.text, about)
    return bool(spans) and (not about or has_term(item.text + " " + item.quote_text, about))


# --------------------------------------------------------------------------- quality signals

_GERMAN = set("der die das und nicht mit für fur über uber ist wird werden zu von den dem ein eine einen sich auf "
              "auch als bei nach wurde hat haben soll sollen noch wie aus im am zum zur".split())
_STOP = set("the a an of to in on for and with by at from about as his her their its is was be has have had "
            "that this it he she they will would could should".split())
_BARE = set("received met said says spoke talked called agreed announced decided stated reported discussed "
            "no change changed increased decreased continued".split())


_OTHER_SCRIPT = re.compile(r"(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])[^\W\d_]")  # a letter of no Latin script


def foreign(text: str) -> bool:
    """A descriptive field written in German (the seeds' and held-out's non-English language), or with a letter
    of another script (a model trained on Chinese slips into it: "arms shipments to乌克兰")."""
    if _OTHER_SCRIPT.search(text):
        return True
    words = re.findall(r"[\wäöüß]+", text.casefold())
    if len(words) < 2:
        return bool(words) and (words[0] in _GERMAN or bool(re.search(r"[äöüß]", words[0])))
    german = sum(w in _GERMAN for w in words) + sum(bool(re.search(r"[äöüß]", w)) and w == w.lower() for w in words)
    return german >= 2 or german / len(words) >= 0.25


_QUOTED = re.compile(r"[\"“”„«»][^\"“”„«»]*[\"“”„«»]")  # words in quotation marks are quoted, not written


@lru_cache(maxsize=None)
def _lexicon(language: str) -> Any:
    from spellchecker import SpellChecker  # pyspellchecker's word lists (OpenSubtitles frequencies)

    return SpellChecker(language=language, distance=1)


def untranslated(value: str, text: str, names: list[str]) -> list[str]:
    """Words of an English field left in German: words of three letters or more, not in capitals and not in
    quotation marks, that the article holds, that German's word list has and English's has not, and that
    are no part of a name the briefing lists ("did not attend the Gipfel", "Ukrainian Amtskollege", "Kiew")."""
    article_words = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    named = {w.casefold() for n in names for w in re.findall(r"[^\W\d_]+", n or "")}
    words = re.findall(r"[^\W\d_]{3,}", _QUOTED.sub(" ", value))
    return [w for w in words if not w.isupper() and (low := w.casefold()) in article_words and low not in named
            and low in _lexicon("de") and low not in _lexicon("en")]


def uninformative(item: Item) -> bool:
    if item.kind == "decision":
        # the decider's own name says nothing; the other side of a call or meeting ("met with Trump") does
        who_words = {fold(w) for w in re.findall(r"\w+", item.names[0])} if item.names else set()
        words = [w for w in re.findall(r"\w+", fold(item.text)) if w not in _STOP and w not in who_words]
        return len(words) < 2 or all(w in _BARE for w in words)
    if item.kind == "question":
        return len(re.findall(r"\w+", item.text)) < 4
    return False


def supports(item: Item, gold: dict, text: str) -> bool:
    """A located quote supports its (matched) item: it names the actor or weapon, or reports the fact."""
    if item.kind in ("actor", "weapon"):
        return has_term(item.quote_text, gold["names"]) or any(has_term(item.quote_text, [n]) for n in item.names[1:])
    return any(overlaps(q, s) for q in item.quotes for s in gold.get("_spans", []))


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    required: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    listed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    boilerplate: int = 0
    status_agrees: int = 0  # gold weapons with a status, found by an item of that status
    status_known: int = 0  # gold weapons with a status that an item matches
    unsupported: int = 0
    uninformative: int = 0
    foreign: int = 0
    descriptive: int = 0
    lost: int = 0
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    chrome_items: list[str] = field(default_factory=list)
    foreign_fields: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def recall(self, c: str) -> float:
        return self.found[c] / self.required[c] if self.required[c] else 1.0

    def precision(self, c: str) -> float:
        return self.correct[c] / self.listed[c] if self.listed[c] else 0.0


def load_gold(folder: Path, articles: Path) -> tuple[dict[str, dict], dict]:
    golds = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name.startswith("cross"):
            continue
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
        text = (articles / f"{gold['article']}.txt").read_text(encoding="utf-8")
        gold["_text"] = text
        for c in CATEGORIES:
            for g in gold.get(c, []):
                g["_spans"] = evidence_spans(text, g.get("evidence", []))
        chrome = gold.get("chrome", {})
        gold["_chrome_spans"] = [(m.start(), m.end()) for s in chrome.get("strings", [])
                                 for m in re.finditer(re.escape(s), text)]
        golds[gold["article"]] = gold
    # cross.toml, then the cross_<batch>.toml of each later batch: its entries are added, and one with the name
    # of an earlier entry replaces it (a later batch lists all members of an entity the earlier ones had). The
    # order is the names' (cross_h19 ... cross_h89, cross_h95): a batch's file is named by its first id, and ids
    # keep two digits (the seventeenth batch's sixth is h99a), so a name never sorts before an earlier batch's.
    cross: dict = {}
    for path in sorted(folder.glob("cross*.toml"), key=lambda p: (p.name != "cross.toml", p.name)):
        for key, value in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if not isinstance(value, list):
                cross[key] = value
                continue
            names = {e.get("name"): e for e in value if isinstance(e, dict) and e.get("name")}
            kept = [e for e in cross.get(key, []) if not (isinstance(e, dict) and e.get("name") in names)]
            cross[key] = [*kept, *value]
    return golds, cross


def _short(article: str) -> str:
    """An article's id for the lists: the name up to its first "_" ("h07", "h99a", "000"), not its first three
    characters, which would print "h99" for h99a."""
    return article.split("_", 1)[0]


def score_items(per_article: dict[str, list[Item]], golds: dict[str, dict], lost: dict[str, int] | None = None) -> Score:
    s = Score()
    for article, gold in golds.items():
        items = per_article.get(article)
        if items is None:
            s.notes.append(f"{article}: no briefing")
            items = []
        text = gold["_text"]
        chrome = gold.get("chrome", {})
        for c in CATEGORIES:
            entries = gold.get(c, [])
            mine = [i for i in items if i.kind == c]
            s.listed[c] += len(mine)
            for g in entries:
                hit = [i for i in mine if matches(i, g, text)]
                if g.get("required", True):
                    s.required[c] += 1
                    if hit:
                        s.found[c] += 1
                    else:
                        s.missed.append(f"{_short(article)} {c} {g.get('key', '?')}")
                if c == "weapon" and g.get("status") and hit:  # the first matching item's status against the gold's
                    s.status_known += 1
                    s.status_agrees += hit[0].status == g["status"]
            right = [i for i in mine if any(matches(i, g, text) for g in entries)]
            # unsupported: a matched item whose quote supports none of the gold entries it matches (an actor
            # "Vladimir Putin" matches both Putin's entry and Russia's, and its quote names only Putin)
            s.unsupported += sum(1 for i in right if i.quotes and not any(
                supports(i, g, text) for g in entries if matches(i, g, text)))
            s.correct[c] += len(right)
            s.unmatched += [f"{_short(article)} {c}: {i.label[:90]} | {text[i.quotes[0][0]:i.quotes[0][1]][:60] if i.quotes else ''}"
                            for i in mine if i not in right]
        names = [n for i in items if i.kind in ("actor", "weapon") for n in i.names]  # the article's names, in any field
        for i in items:
            from_chrome = any(_covered(q, gold["_chrome_spans"]) >= 0.5 for q in i.quotes)
            if from_chrome or any(has_term(n, chrome.get("names", [])) for n in i.names if i.kind == "actor"):
                s.boilerplate += 1
                s.chrome_items.append(f"{_short(article)} {i.kind}: {i.label[:80]} | "
                                      f"{text[i.quotes[0][0]:i.quotes[0][1]][:70] if i.quotes else ''}")
            s.uninformative += uninformative(i)
            for value in i.descriptive:
                if value and value.strip():
                    s.descriptive += 1
                    left = untranslated(value, text, names)
                    if foreign(value) or left:
                        s.foreign += 1
                        s.foreign_fields.append(f"{_short(article)} {i.kind}: {value[:80]}" + (f" ({', '.join(left)})" if left else ""))
    s.lost = sum(n for article, n in (lost or {}).items() if article in golds)
    return s


def _member(ref: str) -> tuple[str, str]:
    article, _, key = ref.partition(":")
    return article, key


def _gold_entry(golds: dict, ref: str) -> tuple[str, dict] | None:
    article, key = _member(ref)
    gold = golds.get(article, {})
    for c in CATEGORIES:
        for g in gold.get(c, []):
            if g.get("key") == key:
                return c, g
    return None


def only_articles(cross: dict, articles: set[str]) -> dict:
    """The cross-source facts among ``articles`` only: each entry's members and claims of other articles
    dropped, and an entry left with fewer than two articles dropped (an event one source reports is no
    cross-source fact)."""
    out = {}
    for key, entries in cross.items():
        kept = []
        for entry in entries:
            entry = dict(entry)
            for name in ("members", "claims"):
                if name in entry:
                    entry[name] = [m for m in entry[name] if m.split(":", 1)[0] in articles]
            refs = entry.get("members", entry.get("claims", []))
            if len({m.split(":", 1)[0] for m in refs}) >= 2:
                kept.append(entry)
        out[key] = kept
    return out


def _nested(events: list[dict]) -> bool:
    """Events that share members (a call and what was agreed in it) are not a wrong join."""
    members = [set(ev["members"]) for ev in events]
    return all(a & b for i, a in enumerate(members) for b in members[i + 1:])


WRONG_JOINS: list[str] = []  # filled by score_cross, listed with --missed
ENTITY_MISSES: list[str] = []
CROSS_MISSES: list[str] = []  # events, divergences and timeline dates not shown, listed with --missed


def _longest_term(name: str, terms: list[str]) -> int:
    """The length of the longest of ``terms`` that ``name`` holds (0: none)."""
    return max((len(t) for t in terms if has_term(name, [t])), default=0)


def _other_names(golds: dict, keys: set[str]) -> list[str]:
    """The names of every gold actor and weapon entry whose key is not one of ``keys`` (another entity's)."""
    return [t for g in golds.values() for c in ("actor", "weapon") for e in g.get(c, [])
            if e.get("key") not in keys for t in e.get("names", [])]


def _row_of(row: dict, names: list[str], others: list[str]) -> bool:
    """Whether a digest row is a row of the entity of gold ``names``: its name or a written name holds one of
    them, and its own name holds no longer name of another gold entity (``others``, :func:`_other_names`):
    "US defence industry" is the industry's row, not a second row of the United States; "Yuri Ushakov",
    written "Putin's adviser Yuri Ushakov", is Ushakov's, not Putin's."""
    if not any(has_term(n, names) for n in [row["name"], *row["names_as_written"]]):
        return False
    return _longest_term(row["name"], others) <= _longest_term(row["name"], names)


def score_cross(digest: dict, golds: dict, cross: dict) -> dict[str, tuple[int, int]]:
    """(passed, total) for entities, multi-source events, divergences and timeline dates."""
    out: dict[str, tuple[int, int]] = {}
    passed = total = 0
    for ent in cross.get("entity", []):
        total += 1
        rows = digest["actors"] if ent.get("kind", "actor") == "actor" else digest["weapons"]
        names = [n for ref in ent["members"] if (e := _gold_entry(golds, ref)) for n in e[1]["names"]]
        want = {_member(r)[0] for r in ent["members"]}
        others = _other_names(golds, {_member(r)[1] for r in ent["members"]})  # once per entity, not per row
        hits = [r for r in rows if _row_of(r, names, others)]
        if len(hits) == 1 and want <= set(hits[0]["articles"]):
            passed += 1
        else:
            ENTITY_MISSES.append(f"{ent['name']}: {len(hits)} rows " + "; ".join(
                f"{r['name']} in {','.join(_short(a) for a in r['articles'])}" for r in hits)
                + f" (wants {','.join(sorted(_short(a) for a in want))})")
    out["entities once, all sources"] = (passed, total)

    def covers(row: dict, refs: list[str]) -> set[str]:
        got = set()
        for ref in refs:
            article, _ = _member(ref)
            entry = _gold_entry(golds, ref)
            if not entry:
                continue
            spans = entry[1].get("_spans") or []
            names = entry[1].get("names") or []
            for sup in row["support"]:
                if sup["article_id"] != article:
                    continue
                if (spans and overlaps((sup["start"], sup["end"]), spans[0])) or any(
                        overlaps((sup["start"], sup["end"]), sp) for sp in spans) or (names and has_term(sup["quote"], names)):
                    got.add(article)
        return got

    passed = total = 0
    for ev in cross.get("event", []):
        total += 1
        if any(len(covers(row, ev["members"])) >= 2 for row in digest["decisions"] + digest["weapons"]):
            passed += 1
        else:
            CROSS_MISSES.append(f"event not one multi-source development: {ev['name']}")
    out["events as one multi-source development"] = (passed, total)

    # wrong joins: one development that holds a source's report of one gold event and another source's report
    # of another, and neither report is of both (a sentence that reports a call and the meeting agreed in it
    # is a report of either: joining it to the call is no wrong join)
    wrong = 0
    events = cross.get("event", [])
    for row in digest["decisions"]:
        hit = [ev for ev in events if covers(row, ev["members"])]
        reports = [(sup["article_id"], frozenset(ev["name"] for ev in hit if covers({"support": [sup]}, ev["members"])))
                   for sup in row["support"]]
        apart = any(a and b and article != other and a.isdisjoint(b)
                    for i, (article, a) in enumerate(reports) for other, b in reports[i + 1:])
        if len(hit) >= 2 and apart and not _nested(hit):
            wrong += 1
            WRONG_JOINS.append(f"{row.get('id', '?')} {row.get('who', '')}: {row.get('what', '')[:60]} joins "
                               + " + ".join(ev["name"] for ev in hit))
    out["developments joining different events (lower is better)"] = (wrong, len(digest["decisions"]))

    passed = total = 0
    shown = digest.get("divergences", [])
    matched: set[int] = set()  # shown divergences (by position) that a gold one matched
    rows = {r["id"]: r for r in digest["decisions"] + digest["weapons"] if "id" in r}
    for div in cross.get("divergence", []):
        total += 1
        want = [(a, digest_text) for a, digest_text in (c.split(":", 1) for c in div["claims"])]
        event = next((ev for ev in cross.get("event", []) if ev["name"] == div["event"]), None)
        entity = next((en for en in cross.get("entity", []) if en["name"] == div["event"]), None)
        ok = False
        for k, x in enumerate(shown):
            by_article = {c["article_id"]: c for c in x["claims"]}
            # the same aspect between the same sources (one divergence does not pass for every gold one of its
            # pair), about the gold's event: its development reports that event (the Alaska summit's
            # "status" is not the Budapest summit's)
            row = rows.get(x.get("item", ""))
            if event is not None:
                about = row is not None and bool(covers(row, event["members"]))
            elif entity is not None:
                names = [n for ref in entity["members"] if (e := _gold_entry(golds, ref)) for n in e[1].get("names", [])]
                about = row is not None and has_term(row.get("name", ""), names)
            else:
                about = True
            if x.get("aspect") == div.get("aspect") and all(a in by_article for a, _ in want) and about:
                ok = True
                matched.add(k)
                break
        passed += ok
        if not ok:
            CROSS_MISSES.append(f"divergence not shown: {div['event']} ({div.get('aspect')})")
    out["divergences shown"] = (passed, total)
    # the other way round: of the divergences the digest shows, those the gold lists (the gold lists those a
    # careful reader finds, so one it lacks is not always wrong; it is for a reader to look at, with --missed)
    out["shown divergences the gold lists"] = (len(matched), len(shown))
    CROSS_MISSES.extend(f"divergence shown, not in the gold: {x.get('id', '?')} {x.get('topic', '')[:70]} ({x.get('aspect')})"
                        for k, x in enumerate(shown) if k not in matched)

    passed = total = 0
    for ev in cross.get("event", []):
        if not ev.get("date"):
            continue
        total += 1
        if any(t["date"] == ev["date"] and covers(t, ev["members"]) for t in digest.get("timeline", [])):
            passed += 1
        else:
            dated = sorted({t["date"] for t in digest.get("timeline", []) if covers(t, ev["members"])})
            CROSS_MISSES.append(f"timeline: {ev['name']} wants {ev['date']}, shown at {', '.join(dated) or 'no date'}")
    out["timeline dates"] = (passed, total)
    return out


# --------------------------------------------------------------------------- producing what is scored


def run_design(articles: Path, recordings: Path, out: Path) -> None:
    from summarize.app.cli import app as cli  # the app, not main(): main() tunes the collector of its own process

    files = [str(p) for p in sorted(articles.glob("*.txt"))]  # not SOURCES.md
    argv = ["digest", *files, "--replay", str(recordings), "-o", str(out), "--no-cache"]
    if (recordings / "_digest").is_dir():  # the digest's own passes were recorded: replay them as a user runs them
        argv += ["--events", "model", "--headline"]
    old = sys.argv
    sys.argv = ["summarize", *argv]
    try:
        cli()
    except SystemExit as exc:
        if exc.code not in (0, 1, None):
            raise
    finally:
        sys.argv = old


def failed_passes(digest: dict) -> list[str]:
    """The digest passes that failed (a replay miss among them: the requests changed since the recording), so a
    figure of the events pass is never read from a digest written without it."""
    return [f"{p['name']}: {p.get('message') or 'failed'}" for p in digest.get("meta", {}).get("passes") or []
            if p.get("status") == "failed"]


def load_output(out: Path) -> tuple[dict[str, list[Item]], dict, dict[str, dict], dict[str, int]]:
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    per_article, briefings, lost = {}, {}, {}
    for path in sorted((out / "briefings").glob("*.json")):
        b = json.loads(path.read_text(encoding="utf-8"))
        per_article[b["article"]["id"]] = items_of_briefing(b)
        briefings[b["article"]["id"]] = b
        lost[b["article"]["id"]] = b.get("dropped_items", 0)
    return per_article, digest, briefings, lost


_KIND = {"actor": "actor", "decision": "decision", "weapon": "weapon", "open_question": "question"}


def drop_report(briefings: dict[str, dict], per_article: dict[str, list[Item]], golds: dict[str, dict]) -> list[str]:
    """What each drop rule costs: of the dropped items that cite a located quote, per reason, how many match a
    required gold item the briefing misses (recall the rule costs), one it already has, and none (a right
    drop, as far as the gold can tell)."""
    rows: dict[tuple[str, str], list[int]] = {}
    examples: dict[tuple[str, str], list[str]] = {}
    for article, gold in golds.items():
        text, kept = gold["_text"], per_article.get(article, [])
        for d in briefings.get(article, {}).get("dropped", []):
            ev, kind = d.get("evidence"), _KIND.get(d["kind"], d["kind"])
            if not ev:
                continue
            who, _, what = d["label"].partition(": ") if kind == "decision" else ("", "", d["label"])
            item = Item(kind, d["label"], who.split(", ") if who else [d["label"]], what or d["label"],
                        [(ev["start"], ev["end"])], ev["quote"])
            reason = re.sub(r"'[^']*'|\d+", "…", d["reason"])[:70]
            row = rows.setdefault((kind, reason), [0, 0, 0])
            entries = [g for g in gold.get(kind, []) if g.get("required", True) and matches(item, g, text)]
            if not entries:
                row[2] += 1
            elif any(any(matches(k, g, text) for k in kept if k.kind == kind) for g in entries):
                row[1] += 1
            else:
                row[0] += 1
                examples.setdefault((kind, reason), []).append(f"{_short(article)} {d['label'][:80]}")
    out = [f"{'kind':9} {'reason':70} {'costs':>5} {'has':>4} {'right':>5}"]
    for (kind, reason), (cost, has, right) in sorted(rows.items(), key=lambda kv: -kv[1][0]):
        out.append(f"{kind:9} {reason:70} {cost:5} {has:4} {right:5}")
        out += [f"{'':12}{e}" for e in examples.get((kind, reason), [])]
    return out


def naive_items(articles: Path, recordings: Path, ids: list[str]) -> tuple[dict[str, list[Item]], dict]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from naive import run as naive_run  # noqa: E402

    from summarize.settings import Settings

    settings = Settings(model="qwen2.5-coder-1.5b-instruct", replay_dir=recordings)
    per_article, usage = {}, {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0}
    for article_id in ids:
        result = naive_run([articles / f"{article_id}.txt"], settings)[article_id]
        per_article[article_id] = items_of_naive(result["briefing"])
        usage["calls"] += 1
        usage["prompt_tokens"] += result["usage"]["prompt_tokens"]
        usage["completion_tokens"] += result["usage"]["completion_tokens"]
    return per_article, usage


def model_seconds(recordings: Path | None, ids: list[str]) -> float | None:
    """Seconds the model server spent (prompt + generation, llama.cpp's own ``timings``) on these articles'
    recorded requests; None when the recordings hold no timings (another server)."""
    if recordings is None or not recordings.is_dir():
        return None
    total, seen = 0.0, False
    for article_id in ids:
        for path in (recordings / article_id).glob("*.json"):
            body = json.loads(path.read_text(encoding="utf-8"))["response"].get("body") or {}
            timings = body.get("timings") if isinstance(body, dict) else None
            if timings:
                seen = True
                total += (timings.get("prompt_ms", 0) + timings.get("predicted_ms", 0)) / 1000
    return total if seen else None


def usage_of(briefings: dict[str, dict]) -> dict[str, int]:
    u = {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0}
    for b in briefings.values():
        u["calls"] += b["meta"]["llm_calls"]
        u["prompt_tokens"] += b["meta"]["usage"]["prompt_tokens"]
        u["completion_tokens"] += b["meta"]["usage"]["completion_tokens"]
    return u


# --------------------------------------------------------------------------- report


def table(name: str, rows: list[tuple[str, Score, dict[str, int] | None]], n: int) -> str:
    head = f"{'':<10}" + "".join(f"{PLURAL[c][:9]:>21}" for c in CATEGORIES) + \
        f"{'chrome':>8}{'unsupp':>8}{'uninf':>7}{'foreign':>9}{'lost':>6}{'calls/a':>9}{'compl/a':>9}{'prompt/a':>10}" \
        f"{'s/a':>6}"
    lines = [f"## {name}: {n} articles   (recall / precision, found of required)", head]
    for label, s, usage in rows:
        cells = "".join(f"{s.recall(c):>8.2f} / {s.precision(c):.2f} {s.found[c]:>3}/{s.required[c]:<3}" for c in CATEGORIES)
        u = usage or {}
        per = (lambda k: f"{u.get(k, 0) / n:.0f}" if u else "-")
        calls = f"{u.get('calls', 0) / n:.1f}" if u else "-"
        lines.append(f"{label:<10}{cells}{s.boilerplate:>8}{s.unsupported:>8}{s.uninformative:>7}"
                     f"{s.foreign:>5}/{s.descriptive:<3}{s.lost:>6}{calls:>9}{per('completion_tokens'):>9}"
                     f"{per('prompt_tokens'):>10}{per('seconds') if 'seconds' in u else '-':>6}")
    return "\n".join(lines)


def main() -> None:
    from summarize.app.command import _own_process_logging

    _own_process_logging()  # as the command: instructor's failed attempts are counted, not printed
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("--out", type=Path, help="score this output folder instead of replaying the recordings")
    parser.add_argument("--recordings", type=Path, help="replay these recordings (default: the set's); with --out, "
                        "only read for the model's seconds")
    parser.add_argument("--label", default="design")
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--missed", action="store_true", help="list the required gold items not found")
    parser.add_argument("--unmatched", action="store_true", help="list the items that match no gold entry")
    parser.add_argument("--chrome", action="store_true", help="list the items taken from page chrome")
    parser.add_argument("--foreign", action="store_true", help="list the descriptive fields not in English")
    parser.add_argument("--drops", action="store_true", help="per drop rule, the dropped items that match a missed "
                        "gold item (recall the rule costs), a found one, or none")
    parser.add_argument("--only", nargs="*", help="score only these article ids (prefixes)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cfg = SETS[args.set]
    golds, cross = load_gold(cfg["gold"], cfg["articles"])
    if args.only:
        golds = {k: v for k, v in golds.items() if any(k.startswith(p) for p in args.only)}
        cross = only_articles(cross, set(golds))
    if not golds:
        raise SystemExit(f"no gold files in {cfg['gold']}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out
        if out is None:
            out = Path(tmp) / "out"
            run_design(cfg["articles"], args.recordings or cfg["recordings"], out)
        per_article, digest, briefings, lost = load_output(out)
    design = score_items(per_article, golds, lost)
    design_usage = usage_of({k: b for k, b in briefings.items() if k in golds})
    recordings = args.recordings or (cfg["recordings"] if args.out is None else None)
    if (seconds := model_seconds(recordings, sorted(golds))) is not None:
        design_usage["seconds"] = seconds
    rows: list[tuple[str, Score, dict | None]] = [(args.label, design, design_usage)]
    naive = None
    if not args.no_naive and cfg["naive"].is_dir():
        naive_per, naive_usage = naive_items(cfg["articles"], cfg["naive"], sorted(golds))
        naive = score_items(naive_per, golds)
        if (seconds := model_seconds(cfg["naive"], sorted(golds))) is not None:
            naive_usage["seconds"] = seconds
        rows.append(("naive", naive, naive_usage))
    print(table(args.set, rows, len(golds)))
    cross_scores = score_cross(digest, golds, cross) if cross else {}
    if cross_scores:
        print("cross-source: " + " · ".join(f"{k} {p}/{t}" for k, (p, t) in cross_scores.items()))
    if args.missed:
        print("missed: " + ", ".join(design.missed))
        if ENTITY_MISSES:
            print("\n".join(["entities not once with all their sources:", *ENTITY_MISSES]))
        if WRONG_JOINS:
            print("\n".join(["developments joining different events:", *WRONG_JOINS]))
        if CROSS_MISSES:
            print("\n".join(["cross-source facts not shown:", *CROSS_MISSES]))
    if args.unmatched:
        print("\n".join(["unmatched:", *design.unmatched]))
    if args.chrome:
        print("\n".join(["from page chrome:", *design.chrome_items]))
    if args.foreign:
        print("\n".join(["not in English:", *design.foreign_fields]))
    if args.drops:
        print("\n".join(["drops:", *drop_report(briefings, per_article, golds)]))
    for note in design.notes:
        print("note:", note)
    failed = failed_passes(digest)
    for message in failed:
        print("digest pass failed:", message)
    summary = " ".join(f"{c[0].upper()} {design.recall(c):.2f}/{design.precision(c):.2f}" for c in CATEGORIES)
    versus = ""
    if naive is not None:
        better = all(design.recall(c) > naive.recall(c) for c in CATEGORIES)
        versus = f" · naive {' '.join(f'{c[0].upper()} {naive.recall(c):.2f}' for c in CATEGORIES)}" \
                 f" · recall above naive in every category: {'yes' if better else 'no'}"
    print(f"summary {args.set} {args.label}: recall/precision {summary} · chrome {design.boilerplate} · "
          f"unsupported {design.unsupported} · uninformative {design.uninformative} · "
          f"foreign {design.foreign} · lost {design.lost} · weapon status as gold "
          f"{design.status_agrees}/{design.status_known} · digest passes failed {len(failed)}{versus}")
    if args.json:
        print(json.dumps({"set": args.set, "recall": {c: design.recall(c) for c in CATEGORIES},
                          "precision": {c: design.precision(c) for c in CATEGORIES},
                          "weapon_status": [design.status_agrees, design.status_known],
                          "cross": cross_scores}, indent=1))


if __name__ == "__main__":
    main()
