"""The data model every other module imports: article -> briefing -> digest.

Two families live here:

* the **output** models (``Article``, ``Briefing``, ``Digest`` and their items), whose spans and
  quotes are set by the code after grounding, never by the model;
* nothing model-facing: what the LLM is asked to fill lives in ``summarize.briefing.drafts``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .redact import redact

SCHEMA_VERSION = "1.1"

ActorKind = Literal["person", "state", "organisation", "other"]
DecisionStatus = Literal["announced", "taken", "considered", "rejected", "paused", "other"]
WeaponStatus = Literal["requested", "delivered", "paused", "discussed", "used", "other"]
Alignment = Literal["exact", "normalised", "fuzzy"]
ItemKind = Literal["actor", "decision", "weapon", "open_question"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A located quote: ``article.text[start:end] == quote``, always."""

    quote: str = Field(description="The article's own text of the span, verbatim.")
    start: int = Field(ge=0, description="Start offset (inclusive) in the article text, in characters.")
    end: int = Field(ge=0, description="End offset (exclusive) in the article text, in characters.")
    alignment: Alignment = Field(description="How the model's quote was located in the article.")
    score: float = Field(ge=0, le=100, description="Alignment score: 100 for exact and normalised matches.")

    @model_validator(mode="after")
    def _span_ordered(self) -> Evidence:
        if self.end <= self.start:
            raise ValueError(f"evidence span [{self.start}, {self.end}) is empty or reversed")
        return self


class _Grounded(_Model):
    evidence: list[Evidence] = Field(min_length=1, description="At least one located, supporting quote.")


class Actor(_Grounded):
    name: str = Field(description="Canonical name, in English (e.g. 'Volodymyr Zelensky').")
    name_as_written: str = Field(description="The name as the article writes it (e.g. 'Wolodymyr Selenskyj').")
    kind: ActorKind = Field(description="What the actor is: a person, a state, an organisation or other.")
    role: str | None = Field(default=None, description="Role as stated in the article, in the output language.")


class Decision(_Grounded):
    who: str = Field(description="Who decided or announced (the first of the participants), canonical name.")
    participants: list[str] = Field(default_factory=list, description="Everyone the article names as deciding or "
                                    "taking part (e.g. both sides of a call), canonical names.")
    what: str = Field(description="What was decided, in the output language.")
    status: DecisionStatus = Field(description="Where the decision stands, as the article reports it.")
    date: str | None = Field(default=None, description="Date as stated in the article, if any.")


class Weapon(_Grounded):
    name: str = Field(description="Canonical system name (e.g. 'Patriot', 'Tomahawk').")
    name_as_written: str = Field(description="The name as the article writes it.")
    category: str = Field(description="e.g. 'air defence', 'cruise missile', 'drone'.")
    status: WeaponStatus = Field(description="What the article says of it.")


class OpenQuestion(_Grounded):
    question: str = Field(description="An unresolved question the article raises, in the output language.")


class Article(_Model):
    """One input article, with what can be read off its text without a model."""

    id: str = Field(description="File stem, e.g. '003_217b1643d8ffb68b'.")
    path: str | None = Field(default=None, description="The file it was read from; None for text given in memory.")
    text: str = Field(repr=False, description="The full article text; evidence offsets index into it.")
    sha256: str = Field(description="SHA-256 of the text (hex); the briefing cache key.")
    title: str | None = Field(default=None, description="Headline, when the input gives or starts with one.")
    source: str | None = Field(default=None, description="Site or source name, when the text names it.")
    published: dt.date | None = Field(default=None, description="Publication date, when the text states it.")
    language: str | None = Field(default=None, description="ISO 639-1 code guessed from the text.")
    url: str | None = Field(default=None, description="Where the article was published, when the input says so.")
    author: str | None = Field(default=None, description="The author as the page's metadata names them (never an "
                               "actor: a byline is page chrome).")
    format: Literal["text", "markdown", "html", "json"] = Field(default="text", description="The input file's format.")
    encoding: str = Field(default="utf-8", description="The encoding the file was decoded with.")
    copies: list[str] = Field(default_factory=list, description="Other files (or ids) with exactly this text: "
                              "briefed once, as this article, and counted as one source.")
    near_copy_of: str | None = Field(default=None, description="Id of an earlier article of the run whose text is "
                                     "nearly the same (the same wire story under another header): counted as one "
                                     "source with it in corroboration.")


class ArticleRef(_Model):
    id: str = Field(description="The article's id: its file stem, or the id given with its text.")
    title: str | None = Field(default=None, description="Headline, when the input gives or starts with one.")
    source: str | None = Field(default=None, description="Site or source name, when the text names it.")
    published: dt.date | None = Field(default=None, description="Publication date, when the text states it.")
    url: str | None = Field(default=None, description="Where the article was published (a fetched page's URL, "
                            "or what the input states).")
    author: str | None = Field(default=None, description="The author, when the page's metadata names them.")
    language: str | None = Field(default=None, description="ISO 639-1 code guessed from the text.")
    sha256: str = Field(description="SHA-256 of the article text (hex), to tell versions of an article apart.")
    copies: list[str] = Field(default_factory=list, description="Other files (or ids) with exactly this text: "
                              "briefed once, as this article, and counted as one source.")
    near_copy_of: str | None = Field(default=None, description="Id of an earlier article of the run whose text is "
                                     "nearly the same (the same wire story under another header): counted as one "
                                     "source with it in corroboration.")


class CleaningReport(_Model):
    chars_in: int = Field(description="Characters of the article text before cleaning.")
    chars_kept: int = Field(description="Characters left for the model after cleaning.")
    chars_removed: int = Field(description="Characters removed as page chrome (chars_in - chars_kept).")
    lines_removed: int = Field(description="Lines removed as page chrome, all rules together.")
    removed_by_rule: dict[str, int] = Field(default_factory=dict, description="Lines removed, per rule name.")


class Usage(_Model):
    """Tokens of every model answer, re-asks and split halves included."""

    prompt_tokens: int = Field(default=0, description="Prompt (input) tokens, as the provider counted them.")
    completion_tokens: int = Field(default=0, description="Completion (output) tokens, as the provider counted them.")
    cached_tokens: int = Field(default=0, description="Prompt tokens the provider served from its prompt cache.")

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
        )


class DroppedItem(_Model):
    kind: ItemKind = Field(description="Which list the item would have gone to.")
    label: str = Field(description="What the model proposed (name, question, ...).")
    reason: str = Field(description="Why the code rejected it after the re-ask.")
    evidence: Evidence | None = Field(default=None, description="The located quote it cited, when it had one.")


class BriefingMeta(_Model):
    prompt_version: str = Field(description="Version of the prompt templates (prompts/VERSION) the briefing was made with.")
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this output format.")
    model: str = Field(description="The model that was asked.")
    mode: str = Field(description="Structured output mode of the requests: json_schema, tools or json.")
    lang: str = Field(description="Language of the descriptive fields (quotes stay in the article's language).")
    chunks: int = Field(description="Parts the cleaned article was split into, one model call each.")
    llm_calls: int = Field(description="Requests made, re-asks included.")
    reasks: int = Field(default=0, description="Re-asks sent because items failed validation or grounding.")
    truncated_chunks: int = Field(default=0, description="Parts whose answer hit max_tokens and stayed cut off.")
    split_chunks: int = Field(default=0, description="Parts split in two after a cut-off answer, each half asked once.")
    usage: Usage = Field(default_factory=Usage, description="Tokens of every request for this briefing.")
    cleaning: CleaningReport = Field(description="What cleaning removed before the model saw the text.")
    cached: bool = Field(default=False, description="Read from the briefing cache; no model call was made.")


class Briefing(_Model):
    article: ArticleRef = Field(description="The article this briefing is about.")
    summary: str = Field(description="2-3 sentences in the output language.")
    actors: list[Actor] = Field(default_factory=list, description="People, states and organisations that act in the article.")
    decisions: list[Decision] = Field(default_factory=list, description="Decisions and announcements the article reports.")
    weapons: list[Weapon] = Field(default_factory=list, description="Weapons and military systems the article mentions.")
    open_questions: list[OpenQuestion] = Field(default_factory=list, description="Questions the article leaves open.")
    dropped_items: int = Field(default=0, ge=0, description="Items rejected by grounding after one re-ask.")
    dropped: list[DroppedItem] = Field(default_factory=list, description="Each item grounding rejected, and why.")
    meta: BriefingMeta = Field(description="How the briefing was made: prompt, model, calls, tokens, cleaning.")


# --------------------------------------------------------------------------- digest


class Support(_Model):
    """One article's backing for a digest item."""

    article_id: str = Field(description="Id of the supporting article.")
    quote: str = Field(description="The article's own text that backs the item, verbatim.")
    start: int = Field(ge=0, description="Start offset (inclusive) of the quote in that article's text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the quote in that article's text.")


class _Merged(_Model):
    id: str = Field(default="", description="Stable id within the digest: A1.. actors, D1.. decisions (key developments), "
                    "W1.. weapons, Q1.. open questions. Headlines and divergences refer to items by it.")
    articles: list[str] = Field(description="Ids of the articles that support this item.")
    count: int = Field(ge=1, description="Number of supporting sources: articles that are near copies of one "
                       "another (see ArticleRef.near_copy_of) count once.")
    support: list[Support] = Field(min_length=1, description="The located quotes that back the item, per article.")
    since: Literal["new", "continuing", "undated"] | None = Field(
        default=None, description="In a daily briefing: 'new' since the previous briefing, 'continuing' a story "
                                  "it had (same entity or event), or 'undated' (not in the previous briefing, but "
                                  "only undated articles report it, so it is not known to be new); unset outside "
                                  "daily briefings.")
    previous_id: str | None = Field(default=None, description="Id of the matching item in the previous briefing.")
    previous_date: dt.date | None = Field(default=None, description="In a daily briefing, when the match is further "
                                          "back than the previous briefing (within the look-back window): the day "
                                          "of the briefing previous_id is from.")


class DigestActor(_Merged):
    name: str = Field(description="Canonical name, in English, after entity resolution across the sources.")
    kind: ActorKind = Field(description="What the actor is: a person, a state, an organisation or other.")
    names_as_written: list[str] = Field(description="Every spelling the articles use for it.")
    roles: list[str] = Field(description="The roles the articles state, in the output language.")
    by_source: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Article id -> how that article writes the actor, each with the role it "
                                          "states, e.g. 'US-Präsident Donald Trump (US President)'.")


class DigestDecision(_Merged):
    who: str = Field(description="Who decided or announced (the resolved actor), in the output language.")
    what: str = Field(description="What was decided, in the output language.")
    statuses: list[DecisionStatus] = Field(description="Every status the sources give it.")
    dates: list[str] = Field(description="The dates as the articles state them, if any.")


class DigestWeapon(_Merged):
    name: str = Field(description="Canonical system name after entity resolution across the sources.")
    category: str = Field(description="e.g. 'air defence', 'cruise missile', 'drone'.")
    names_as_written: list[str] = Field(description="Every spelling the articles use for it.")
    statuses: list[WeaponStatus] = Field(description="Everything the sources say of it.")
    by_source: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Article id -> how that article writes the system, each with what it says "
                                          "of it, e.g. 'Patriot-Raketen (paused)'.")


class TimelineEvent(_Model):
    """A dated decision: the date as stated, normalised against the article's publication date."""

    date: str = Field(description="ISO date, or YYYY-MM / YYYY for month or year precision.")
    precision: Literal["day", "month", "year"] = Field(description="How precise `date` is.")
    stated: list[str] = Field(description="The dates as the articles state them.")
    who: str = Field(description="Who decided or announced, in the output language.")
    what: str = Field(description="What was decided, in the output language.")
    articles: list[str] = Field(description="Ids of the articles that report it.")
    count: int = Field(ge=1, description="Number of supporting articles.")
    support: list[Support] = Field(min_length=1, description="The located quotes that back it, per article.")


class DigestQuestion(_Merged):
    question: str = Field(description="An unresolved question the sources raise, in the output language.")


DivergenceAspect = Literal["status", "date", "number", "characterisation"]


class Claim(_Model):
    """What one source says about an event, with its own words."""

    article_id: str = Field(description="Id of the article making the claim.")
    source: str | None = Field(default=None, description="Site or source name of the article, when known.")
    says: str = Field(description="The value in question as this source gives it: a status, a date, a number, "
                                  "or the source's own description.")
    quote: str = Field(description="The article's own text that backs the claim, verbatim.")
    start: int = Field(ge=0, description="Start offset (inclusive) of the quote in that article's text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the quote in that article's text.")


class Divergence(_Model):
    """Sources that describe the same digest item differently, shown side by side and never resolved."""

    id: str = Field(description="X1, X2, ... within the digest.")
    item: str = Field(description="Id of the digest item the sources disagree about (a D.. decision or W.. weapon).")
    topic: str = Field(description="What the item is, e.g. 'Donald Trump: paused weapons deliveries'.")
    aspect: DivergenceAspect = Field(description="What differs: the status or outcome, the date, a number, or "
                                                 "how the sources characterise it.")
    claims: list[Claim] = Field(min_length=2, description="One claim per source and distinct value.")
    articles: list[str] = Field(description="Ids of the articles whose claims differ.")
    found_by: Literal["rules", "model"] = Field(
        default="rules", description="'rules': deterministic comparison; 'model': flagged by the clustering pass "
                                     "by item ids, with the claims still the articles' own quotes.")


class HeadlineSentence(_Model):
    text: str = Field(description="One sentence of the headline, in the output language.")
    items: list[str] = Field(min_length=1, description="Ids of the digest items the sentence rests on.")
    articles: list[str] = Field(min_length=1, description="Source tags: the articles behind those items.")


class Headline(_Model):
    """A 3-5 sentence synthesis written by the model from digest items only; every sentence is tagged."""

    sentences: list[HeadlineSentence] = Field(min_length=1, description="The kept sentences, each tagged with its items.")
    rejected: list[str] = Field(default_factory=list,
                                description="Sentences the model wrote that were dropped (no or unknown tags).")
    model: str = Field(description="The model that wrote it.")
    usage: Usage = Field(default_factory=Usage, description="Tokens of the headline request.")


class Failure(_Model):
    article_id: str = Field(description="Id of the article that could not be briefed (its file stem).")
    error_kind: str = Field(description="Stable public error class, e.g. 'ReplayMiss', 'ModelOutputError', "
                            "'APIConnectionError', 'AuthenticationError'; never an internal library class.")
    message: str = Field(description="What went wrong and how to fix it; anything shaped like an API key is redacted.")

    @field_validator("message")
    @classmethod
    def _no_secrets(cls, message: str) -> str:
        """Last guard: the messages are redacted where they are made, with the run's key; this catches
        anything key-shaped that got past (see summarize.redact)."""
        return redact(message)


class PassReport(_Model):
    """One digest-level model pass (``events``: clustering by item ids; ``headline``: the synthesis)."""

    name: Literal["events", "headline"] = Field(description="'events': clustering by item ids; 'headline': the synthesis.")
    status: Literal["ok", "failed"] = Field(description="'failed': the digest was written without this pass.")
    message: str | None = Field(default=None, description="What the pass did, or why it failed.")
    llm_calls: int = Field(default=0, ge=0, description="Requests made, re-asks included.")
    usage: Usage = Field(default_factory=Usage, description="Tokens this pass used, failed attempts included.")


class DigestMeta(_Model):
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this output format.")
    prompt_version: str | None = Field(default=None, description="Prompt version of the briefings, when there were any.")
    model: str | None = Field(default=None, description="The model of the briefings, when there were any.")
    lang: str = Field(description="Language of the descriptive fields.")
    articles_total: int = Field(description="Articles found in the inputs.")
    articles_briefed: int = Field(description="Articles briefed (the rest are in `failures`).")
    sources: int | None = Field(default=None, description="Distinct sources among the briefed articles: near "
                                "copies of one article count once (the M of 'N of M sources').")
    copies: int = Field(default=0, description="Files with exactly the text of a briefed article, not briefed again "
                        "(listed in that article's `copies`).")
    dropped_items: int = Field(default=0, description="Items grounding rejected, over all briefings.")
    usage: Usage = Field(default_factory=Usage, description="All tokens behind this digest: `spent` + `reused`.")
    spent: Usage = Field(default_factory=Usage, description="Tokens of the requests this run made: briefings made "
                         "now and the digest passes.")
    reused: Usage = Field(default_factory=Usage, description="Tokens of briefings served from the cache, as counted "
                          "when they were made; not spent again by this run.")
    passes: list[PassReport] = Field(default_factory=list, description="Digest-level model passes that ran.")
    cost_estimate: float | None = Field(
        default=None, description="Estimated cost of the tokens this run spent (`spent`), in `cost_currency`: from "
        "the --prices table, else from the maintained price table (genai-prices) for a known model and provider."
    )
    cost_currency: str | None = Field(default=None, description="Currency of `cost_estimate` (e.g. USD).")

    def tokens_line(self) -> str:
        """One line for a run's summary: tokens spent, and those reused from the cache apart."""
        s, r = self.spent, self.reused
        line = f"{s.prompt_tokens} prompt ({s.cached_tokens} cached) + {s.completion_tokens} completion tokens spent"
        reused = r.prompt_tokens + r.completion_tokens
        return line + (f", {reused} reused from the cache" if reused else "")


Dating = Literal["published", "stated", "file time", "undated"]
UndatedPolicy = Literal["skip", "include", "file-time"]


class DailyInfo(_Model):
    """What makes a digest a daily briefing: its day, the articles chosen and the previous briefing."""

    date: dt.date = Field(description="The day briefed.")
    chosen_by: dict[str, Dating] = Field(
        default_factory=dict, description="Article id -> how it was found to be of this day: 'published' (its "
                                          "publication date, from metadata or the header), 'stated' (the latest "
                                          "full date its text states, not after the file was saved), 'file time' "
                                          "(only with --undated file-time) or 'undated' (only with --undated include).")
    stated: dict[str, str] = Field(default_factory=dict, description="Article id -> the date as its text states it, "
                                   "for articles dated 'stated'.")
    undated: UndatedPolicy = Field(default="skip", description="What was done with undated articles: 'skip' (left "
                                   "out, listed in `skipped_undated`), 'include' (on this page, marked undated) or "
                                   "'file-time' (dated by their file's modification time).")
    skipped_undated: list[str] = Field(default_factory=list, description="Articles left out because nothing dates "
                                       "them (file paths, or ids).")
    previous_date: dt.date | None = Field(default=None, description="Day of the previous briefing in the folder, if any.")
    previous_file: str | None = Field(default=None, description="File name of the previous briefing (JSON).")
    new: int = Field(default=0, ge=0, description="Items new since the previous briefing.")
    continuing: int = Field(default=0, ge=0, description="Items continuing a story of the previous briefing.")
    window_days: int | None = Field(default=None, description="How many days back 'new' and 'continuing' look "
                                    "(the previous briefing always counts, however old).")
    compared: list[dt.date] = Field(default_factory=list, description="Days of the earlier briefings in the output "
                                    "folder that items were compared with, oldest first.")


class Digest(_Model):
    articles: list[ArticleRef] = Field(description="The briefed articles, in input order.")
    summaries: dict[str, str] = Field(default_factory=dict, description="Article id -> its briefing summary.")
    actors: list[DigestActor] = Field(default_factory=list, description="One entry per real-world actor across the sources.")
    decisions: list[DigestDecision] = Field(
        default_factory=list, description="One entry per real event, by corroboration, then recency."
    )
    weapons: list[DigestWeapon] = Field(default_factory=list, description="One entry per weapon or system; named systems first.")
    open_questions: list[DigestQuestion] = Field(default_factory=list, description="Open questions the sources raise.")
    timeline: list[TimelineEvent] = Field(
        default_factory=list, description="Dated decisions in time order; undated ones are not guessed."
    )
    divergences: list[Divergence] = Field(
        default_factory=list, description="Items the sources describe differently, claims side by side."
    )
    headline: Headline | None = Field(default=None, description="Optional synthesis pass (--headline).")
    daily: DailyInfo | None = Field(default=None, description="Set in daily briefings (summarize daily).")
    failures: list[Failure] = Field(default_factory=list, description="Articles that could not be briefed, and why.")
    meta: DigestMeta = Field(description="How the digest was made: counts, model, tokens, cost estimate.")
