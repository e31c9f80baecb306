"""An MCP server over the library: ``summarize mcp`` (stdio transport, official MCP Python SDK).

Tools:

* ``brief_article(text | path)`` -> a :class:`~summarize.models.Briefing` (``schemas/briefing.schema.json``)
  as structured content; the text content is its gist (summary and items, no quotes);
* ``build_digest(paths, detail)`` -> a :class:`DigestResult`: by default the compact form (summaries, key
  developments with their sources, counts, article ids, failures); with ``detail="full"`` also the whole
  :class:`~summarize.models.Digest` (``schemas/digest.schema.json``) in its ``digest`` field;
* ``get_schema(name)`` -> the JSON Schema of ``briefing`` or ``digest``;
* ``history(name, since)`` and ``log(limit)``: the history database, read-only (:mod:`.mcp_history`).

The tools return structured content: each tool's ``outputSchema`` is its Pydantic model's schema. Mistakes
the caller can fix (a path it may not read, both or neither of ``text`` and ``path``, too many files, no
model configured) and briefing failures (``ReplayMiss``, a model error) come back as tool errors
(``isError``) whose message names the fix; the server keeps serving.

What the server reads: only article files inside the root folders it serves, checked before any byte is
read (:class:`~summarize.app.mcp_roots.ServedRoots`). ``build_digest`` takes at most ``max_files`` files
(and URLs) per call. URLs of pages and feeds are fetched only when the operator allows it, and then never
on this machine or a private network unless allowed too (:class:`~summarize.app.mcp_fetch.ServedWeb`).

Nothing but the protocol goes to stdout: the SDK points file descriptor 1 at stderr while it serves, the
library never prints, and logs go to stderr.
"""

import asyncio
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..article.fetch import FetchPolicy, PageCache, is_url
from ..render import json_schema as schemas
from ..article.load import article_from_text, load_article
from ..briefing.brief import abrief
from ..run.cache import BriefingCache
from ..run.history import default_path
from ..run.pipeline import DEFAULT_CONCURRENCY, Progress, arun
from ..errors import BriefingError, ConfigurationError, UsageError
from ..models import ArticleRef, Briefing, Digest, Failure
from ..redact import redact
from ..settings import Settings, resolve_settings
from .mcp_fetch import ServedWeb, split_urls, with_failures
from .mcp_history import add_history_tools
from .mcp_roots import DEFAULT_MAX_FILES, ServedRoots

SERVER_NAME = "summarize"

INSTRUCTIONS = (
    "Turns news articles into source-grounded briefings (actors, decisions, weapons, open questions, each "
    "with a verbatim quote located by character offsets in the article) and merges several into one "
    "cross-source digest. Use brief_article for one article (its text, or a file path on the server's "
    "machine) and build_digest for files and folders of articles. get_schema returns the JSON Schema of "
    "the results."
)

_CONFIG_HINT = (
    " (for the MCP server: put OPENAI_API_KEY / OPENAI_BASE_URL in the server's env, or start it with "
    "`summarize mcp --base-url URL` or `summarize mcp --replay DIR`)"
)


def server_settings(
    *,
    model: str | None = None,
    base_url: str | None = None,
    mode: str | None = None,
    lang: str | None = None,
    replay: Path | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> Settings:
    """Settings as the other commands build them: arguments over the replay manifest over the environment.

    Unlike the CLI commands, a missing API key is not an error here: the server starts, and each tool call
    answers with an error that names the fix (see :meth:`Settings.check_reachable`). A ``replay`` folder that
    does not exist is an error (:class:`ConfigurationError`), since the server could never answer."""
    return resolve_settings(model=model, base_url=base_url, mode=mode, lang=lang, replay=replay, timeout=timeout,
                            env=env)


def _tool_error(exc: Exception, secret: str | None = None) -> ToolError:
    """The tool error a client sees: a public kind and the message, with the key and key-shaped text redacted."""
    if isinstance(exc, ConfigurationError) and "no LLM configured" in str(exc):
        return ToolError(f"ConfigurationError: {exc}{_CONFIG_HINT}")
    kind = exc.kind if isinstance(exc, BriefingError) else type(exc).__name__
    return ToolError(redact(f"{kind}: {exc}", [secret]))


# --------------------------------------------------------------------------- compact results

KEY_DEVELOPMENTS = 10
"""Key developments (the best-corroborated decisions) in a compact digest."""


class KeyDevelopment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The decision's id in the full digest (D1, D2, ...).")
    who: str = Field(description="Who decided or announced.")
    what: str = Field(description="What was decided.")
    statuses: list[str] = Field(description="Every status the sources give it.")
    dates: list[str] = Field(description="The dates as the articles state them, if any.")
    articles: list[str] = Field(description="Ids of the articles that report it (its sources).")


class DigestCounts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles_total: int = Field(description="Articles found in the inputs.")
    articles_briefed: int = Field(description="Articles briefed (the rest are in `failures`).")
    actors: int = Field(description="Actors in the full digest.")
    decisions: int = Field(description="Decisions (developments) in the full digest.")
    weapons: int = Field(description="Weapons and systems in the full digest.")
    open_questions: int = Field(description="Open questions in the full digest.")
    timeline: int = Field(description="Dated events in the full digest's timeline.")
    divergences: int = Field(description="Items the sources describe differently.")
    failures: int = Field(description="Articles that could not be briefed.")


class DigestResult(BaseModel):
    """What build_digest returns: the compact form, and the full digest only when asked for."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleRef] = Field(description="The briefed articles, in input order (ids, titles, sources).")
    headline: list[str] = Field(default_factory=list, description="The digest's synthesis sentences, when made.")
    summaries: dict[str, str] = Field(description="Article id -> its briefing summary.")
    key_developments: list[KeyDevelopment] = Field(
        description=f"The first {KEY_DEVELOPMENTS} decisions, best corroborated first, with their sources."
    )
    counts: DigestCounts = Field(description="How many items each section of the full digest holds.")
    failures: list[Failure] = Field(default_factory=list, description="Articles that could not be briefed, and why.")
    more: str = Field(description="How to get the full digest.")
    digest: Digest | None = Field(
        default=None, description="The full digest (schemas/digest.schema.json), only with detail='full'."
    )


def _compact(digest: Digest, *, full: bool) -> DigestResult:
    return DigestResult(
        articles=digest.articles,
        headline=[s.text for s in digest.headline.sentences] if digest.headline else [],
        summaries=digest.summaries,
        key_developments=[
            KeyDevelopment(id=d.id, who=d.who, what=d.what, statuses=list(d.statuses), dates=d.dates, articles=d.articles)
            for d in digest.decisions[:KEY_DEVELOPMENTS]
        ],
        counts=DigestCounts(
            articles_total=digest.meta.articles_total, articles_briefed=digest.meta.articles_briefed,
            actors=len(digest.actors), decisions=len(digest.decisions), weapons=len(digest.weapons),
            open_questions=len(digest.open_questions), timeline=len(digest.timeline),
            divergences=len(digest.divergences), failures=len(digest.failures),
        ),
        failures=digest.failures,
        more=(
            "The full digest is in structuredContent.digest."
            if full else
            "For the full digest (actors, all decisions, weapons, open questions, timeline and divergences, "
            "each with its quotes), call build_digest again with the same paths and detail='full'; the "
            "server keeps the last digest without failures, so unchanged files cost no new model call."
        ),
        digest=digest if full else None,
    )


def _briefing_result(briefing: Briefing) -> CallToolResult:
    """Structured content: the whole briefing. Text content: its gist (summary and items, without quotes),
    so the briefing is not sent twice at full size."""
    gist = {
        "article": briefing.article.model_dump(mode="json", exclude_none=True),
        "summary": briefing.summary,
        "actors": [f"{a.name} ({a.kind}{', ' + a.role if a.role else ''})" for a in briefing.actors],
        "decisions": [f"{d.who}: {d.what} ({d.status}{', ' + d.date if d.date else ''})" for d in briefing.decisions],
        "weapons": [f"{w.name} ({w.category}, {w.status})" for w in briefing.weapons],
        "open_questions": [q.question for q in briefing.open_questions],
        "dropped_items": briefing.dropped_items,
        "more": "The full briefing, each item with its verbatim quotes and their offsets, is in structuredContent.",
    }
    return CallToolResult(
        content=[TextContent(type="text", text=json.dumps(gist, ensure_ascii=False, separators=(",", ":")))],
        structured_content=briefing.model_dump(mode="json"),
    )


def _result(result: DigestResult) -> CallToolResult:
    """Structured content: the whole result. Text content (for clients that read only text): the compact
    form as JSON, never the full digest a second time."""
    text = result.model_dump_json(exclude={"digest"})
    return CallToolResult(
        content=[TextContent(type="text", text=text)], structured_content=result.model_dump(mode="json")
    )


def create_server(
    settings: Settings,
    *,
    cache: BriefingCache | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    roots: Sequence[str | Path] | None = None,
    max_files: int = DEFAULT_MAX_FILES,
    fetch: FetchPolicy | None = None,
    page_cache: PageCache | None = None,
    history: Path | None = None,
) -> MCPServer:
    """The MCP server, with its tools bound to ``settings``. Run it with ``.run("stdio")``.

    ``cache`` (optional) is used by ``build_digest`` as in ``summarize digest``: briefings found there are
    reused, new ones stored. ``roots`` are the folders whose article files the tools may read (default: the
    current working directory); ``max_files`` caps the files (and URLs) of one ``build_digest`` call. The
    tools fetch URLs only with a ``fetch`` policy (``summarize mcp --allow-fetch``; ``allow_private=True``
    with ``--allow-private-fetch``), pages kept in ``page_cache`` (default: a ``pages`` folder in ``cache``).
    ``history`` is the history database the ``history`` and ``log`` tools read (default
    :func:`~summarize.run.history.default_path`). Raises
    :class:`UsageError` for a root that is not a folder or a cap below 1. As with any SDK ``MCPServer``,
    creating one sets up root logging (to stderr, level WARNING) unless the process has configured logging
    already."""
    if max_files < 1:
        raise UsageError(f"max_files={max_files}: use 1 or more (summarize mcp --max-files N)")
    served = ServedRoots(roots if roots is not None else [Path.cwd()])
    if page_cache is None and cache is not None:
        page_cache = PageCache(cache.directory / "pages")
    web = ServedWeb(fetch, page_cache, settings.max_chars)
    server = MCPServer(
        name=SERVER_NAME,
        title="summarize: grounded news briefings",
        instructions=f"{INSTRUCTIONS} Article files are read only inside the served folders: {served.describe()}"
                     f" (relative paths start at {served.roots[0]}); build_digest takes at most {max_files} "
                     f"files or URLs per call. {web.describe()}",
        version=__version__,
        log_level="WARNING",
    )
    read_only = ToolAnnotations(read_only_hint=True, open_world_hint=settings.replay_dir is None or fetch is not None)
    _add_brief_article(server, served, web, settings, read_only)
    _add_build_digest(server, served, web, settings, read_only, cache=cache, concurrency=concurrency,
                      max_files=max_files)
    add_history_tools(server, history or default_path())

    @server.tool(annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False))
    def get_schema(
        name: Annotated[Literal["briefing", "digest"], Field(description="Which result: briefing or digest.")],
    ) -> dict[str, Any]:
        """The JSON Schema (draft 2020-12) of a briefing or a digest, every field described."""
        return schemas.schema(name)

    return server


def _add_brief_article(
    server: MCPServer, served: ServedRoots, web: ServedWeb, settings: Settings, read_only: ToolAnnotations,
) -> None:
    @server.tool(annotations=read_only)
    async def brief_article(
        text: Annotated[
            str | None, Field(description="The article's text. Give exactly one of text, path and url.")
        ] = None,
        path: Annotated[
            str | None,
            Field(description="Path of one article file inside the folders the server serves (.txt, .md, "
                              ".html, .htm or .json), absolute or relative to the first of them. Give exactly "
                              "one of text, path and url."),
        ] = None,
        url: Annotated[
            str | None,
            Field(description="An http(s) URL of an article page, fetched only if the server's operator "
                              "allows fetching. Give exactly one of text, path and url."),
        ] = None,
        article_id: Annotated[
            str | None,
            Field(description="Id for an article given as text (default 'article'); a file's id is its name "
                              "without the extension."),
        ] = None,
    ) -> Annotated[CallToolResult, Briefing]:
        """Brief one news article: a summary plus the actors, decisions, weapons and open questions it
        reports, each with verbatim quotes located by character offsets in the article text. Items the
        article does not back with a quote are dropped and listed in `dropped`."""
        try:
            given = sum(x is not None for x in (text, path, url))
            if given != 1:
                raise UsageError(
                    "give exactly one of `text` (the article's text), `path` (an article file) and `url` (an "
                    "article page), " + ({0: "none was given", 2: "not both"}.get(given, "not all three"))
                )
            if path is not None and is_url(path.strip()):
                path, url = None, path.strip()  # a URL given where a file was expected is a URL
            if article_id is not None and text is None:
                raise UsageError("`article_id` is only for `text`: a file's id is its name without the extension, "
                                 "a page's is made from its URL")
            if url is not None:
                settings.check_reachable()  # before the fetch: a page that could not be briefed is not fetched
                article = await asyncio.to_thread(web.article, url)
            elif path is not None:
                article = load_article(served.article(path), max_chars=settings.max_chars)
            else:
                article = article_from_text(text or "", id=article_id or "article")
            settings.check_reachable()
            return _briefing_result(await abrief(article, settings=settings))
        except (UsageError, BriefingError) as exc:
            raise _tool_error(exc, settings.api_key) from exc


def _add_build_digest(
    server: MCPServer, served: ServedRoots, web: ServedWeb, settings: Settings, read_only: ToolAnnotations, *,
    cache: BriefingCache | None, concurrency: int, max_files: int,
) -> None:
    last: dict[tuple[tuple[str, int, int], ...], Digest] = {}  # the last digest, by its files' (path, mtime, size)

    @server.tool(annotations=read_only)
    async def build_digest(
        paths: Annotated[
            list[str],
            Field(min_length=1, description="Article files and/or folders inside the folders the server serves "
                                            "(folders are read recursively for .txt, .md, .html, .htm and .json "
                                            "files; hidden ones are skipped), and http(s) URLs of article pages "
                                            "and RSS/Atom feeds if the server's operator allows fetching."),
        ],
        ctx: Context,
        detail: Annotated[
            Literal["compact", "full"],
            Field(description="'compact' (default): summaries, key developments with their sources, counts, "
                              "article ids and failures. 'full': also the whole digest, with every item's "
                              "quotes, in `digest`."),
        ] = "compact",
    ) -> Annotated[CallToolResult, DigestResult]:
        """Brief every article in `paths` and merge the briefings into one cross-source digest: actors and
        weapons resolved across sources, decisions clustered per real event with their corroboration, a
        timeline, divergences between sources, and each source's summary. Returns the compact form unless
        detail='full'. Articles that could not be briefed are listed in `failures`; the digest is built
        from the rest."""
        try:
            urls, local = split_urls(paths)
            if urls:
                web.check(urls, max_files)  # refused before any file is read
            files = served.articles(local, max_files, taken=len(urls)) if local else []
            key = tuple((str(f), (st := f.stat()).st_mtime_ns, st.st_size) for f in files)
            digest = None if urls else last.get(key)  # pages change: a call with URLs is run again
            if digest is None:
                settings.check_reachable()
                sources, fetch_failures = await asyncio.to_thread(web.sources, urls, files, max_files)
                pending: list[asyncio.Task[None]] = []

                def progress(p: Progress) -> None:
                    if p.status == "start":
                        return
                    pending.append(asyncio.ensure_future(
                        ctx.report_progress(p.index, p.total, f"{p.article_id}: {p.status}")
                    ))

                result = await arun(
                    sources, settings=settings, cache=cache, concurrency=concurrency, on_progress=progress,
                )
                if pending:
                    await asyncio.gather(*pending, return_exceptions=True)
                digest = with_failures(result.digest, fetch_failures)
                last.clear()
                if not digest.failures and not urls:  # a call with failures is run again: they may be transient
                    last[key] = digest
            return _result(_compact(digest, full=detail == "full"))
        except (UsageError, BriefingError, OSError) as exc:
            raise _tool_error(exc, settings.api_key) from exc
