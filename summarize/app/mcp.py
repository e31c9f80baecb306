"""An MCP server over the library: ``summarize mcp`` (stdio transport, official MCP Python SDK).

Tools:

* ``brief_article(text | path)`` -> a :class:`~summarize.models.Briefing` (``schemas/briefing.schema.json``)
  as structured content; the text content is its gist (summary and items, no quotes);
* ``build_digest(paths, detail)`` -> a :class:`DigestResult`: by default the compact form (summaries, key
  developments with their sources, counts, article ids, failures); with ``detail="full"`` also the whole
  :class:`~summarize.models.Digest` (``schemas/digest.schema.json``) in its ``digest`` field;
* ``get_schema(name)`` -> the JSON Schema of ``briefing`` or ``digest``.

The tools return structured content: each tool's ``outputSchema`` is its Pydantic model's schema. Mistakes
the caller can fix (a path it may not read, both or neither of ``text`` and ``path``, too many files, no
model configured) and briefing failures (``ReplayMiss``, a model error) come back as tool errors
(``isError``) whose message names the fix; the server keeps serving.

What the server reads (:class:`ServedRoots`): only article files inside the root folders it serves (the
working directory it was started in, or each ``--root DIR``). Every path is resolved, symlinks included,
and refused when it lands outside the roots, has a hidden component (``.name``) below its root, is not a
regular file, or does not end in an article suffix; folders are walked with the same checks for every
file and sub-folder, and never followed out of the roots. All this happens before any byte of an article is
read and before any model call. A missing path and a refused one get the same message, so a client cannot
probe which files exist. Relative paths start at the first root. ``build_digest`` takes at most
``max_files`` files per call.

Nothing but the protocol goes to stdout: the SDK points file descriptor 1 at stderr while it serves, the
library never prints, and logs go to stderr.
"""

import asyncio
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..render import json_schema as schemas
from ..article.load import FORMATS, article_from_text, load_article
from ..briefing.brief import abrief
from ..run.cache import BriefingCache
from ..run.pipeline import DEFAULT_CONCURRENCY, Progress, arun
from ..errors import BriefingError, ConfigurationError, UsageError
from ..models import ArticleRef, Briefing, Digest, Failure
from ..redact import redact
from ..settings import Settings, resolve_settings

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


# --------------------------------------------------------------------------- what the server may read

DEFAULT_MAX_FILES = 50
"""Article files one ``build_digest`` call may name (``summarize mcp --max-files N``)."""

_SUFFIXES = ", ".join(FORMATS)


def _hidden(parts: Sequence[str]) -> bool:
    return any(part.startswith(".") for part in parts)


class ServedRoots:
    """The folders the server reads articles from, and the checks every path passes before it is read.

    ``roots`` are resolved once, here. :meth:`article` and :meth:`articles` return resolved paths (no
    symlink left to follow) or raise :class:`UsageError` with :meth:`refusal`, the same message for a
    path that does not exist and one that may not be read."""

    def __init__(self, roots: Sequence[str | Path]) -> None:
        if not roots:
            raise UsageError("serve at least one root folder (summarize mcp --root DIR)")
        resolved: list[Path] = []
        for root in roots:
            path = Path(root).expanduser().resolve()
            if not path.is_dir():
                raise UsageError(f"--root {root}: not a folder. Pass an existing folder of articles.")
            if path not in resolved:
                resolved.append(path)
        self.roots: tuple[Path, ...] = tuple(resolved)

    def describe(self) -> str:
        return ", ".join(str(root) for root in self.roots)

    def refusal(self, given: str) -> UsageError:
        """One message for missing and refused paths: it names the roots and how to widen them, and says
        nothing of whether ``given`` exists."""
        return UsageError(
            f"no readable article at {given} under the served roots ({self.describe()}). The server reads "
            f"only {_SUFFIXES} files inside these folders, outside hidden files and folders; relative paths "
            f"start at {self.roots[0]}. Check the path, or serve its folder: restart the server with "
            "`summarize mcp --root DIR` (repeatable)."
        )

    def _root_of(self, path: Path) -> Path | None:
        """The served root ``path`` (resolved) lies in, if it lies in one without a hidden component."""
        for root in self.roots:
            if path == root or path.is_relative_to(root):
                return None if _hidden(path.relative_to(root).parts) else root
        return None

    def _locate(self, given: str) -> tuple[Path, bool]:
        """``given`` resolved, and whether it is a folder; refused unless it is a served file or folder."""
        try:
            path = Path(os.path.expanduser(given))
        except (RuntimeError, ValueError):
            raise self.refusal(given) from None
        if not path.is_absolute():
            path = self.roots[0] / path
        lexical = Path(os.path.normpath(path))
        for root in self.roots:  # a hidden name as written (e.g. a link named .env) is refused too
            if lexical.is_relative_to(root) and _hidden(lexical.relative_to(root).parts):
                raise self.refusal(given)
        try:
            real = path.resolve(strict=True)
            is_dir = real.is_dir()
            is_file = real.is_file()
        except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, no permission, a NUL byte
            raise self.refusal(given) from None
        if self._root_of(real) is None:
            raise self.refusal(given)
        if is_dir:
            return real, True
        if not is_file or not self._suffix_ok(lexical.name) or not self._suffix_ok(real.name):
            raise self.refusal(given)
        return real, False

    @staticmethod
    def _suffix_ok(name: str) -> bool:
        return os.path.splitext(name)[1].lower() in FORMATS

    def article(self, given: str) -> Path:
        """The article file ``given`` names, resolved; a folder is a mistake named as such."""
        path, is_dir = self._locate(given)
        if is_dir:
            raise UsageError(
                f"{given}: is a folder, not an article file. Pass one article file ({_SUFFIXES}), "
                "or use build_digest for folders."
            )
        return path

    def articles(self, givens: Sequence[str], max_files: int) -> list[Path]:
        """The article files ``givens`` name, resolved, each once, in the order ``scan`` gives them (a
        folder's files sorted by name, recursively). Every file and sub-folder met is checked as
        ``_locate`` checks a path; what fails is skipped. Raises past ``max_files`` files, before reading
        any of them."""
        found: list[Path] = []
        seen: set[Path] = set()

        def take(path: Path) -> None:
            if path in seen:
                return
            seen.add(path)
            found.append(path)
            if len(found) > max_files:
                raise UsageError(
                    f"build_digest takes at most {max_files} article files per call, and these paths hold "
                    f"more. Pass fewer files or a smaller folder, or restart the server with a higher cap: "
                    "`summarize mcp --max-files N`."
                )

        located = [(given, *self._locate(given)) for given in givens]  # refuse any bad path before walking
        for given, path, is_dir in located:
            if not is_dir:
                take(path)
                continue
            met: list[Path] = []

            def visit(file: Path) -> None:
                met.append(file)
                take(file)

            self._walk(path, visit, {path})
            if not met:
                raise UsageError(
                    f"{given}: no articles found (looked for {_SUFFIXES} files, sub-folders included; hidden "
                    "files and folders, and links out of the served roots, are skipped). Put the articles "
                    "there, or pass the files directly."
                )
        return found

    def _walk(self, folder: Path, visit: Callable[[Path], None], visited: set[Path]) -> None:
        """Call ``visit`` on each served article file under ``folder`` (resolved), sorted by name; hidden
        entries, links out of the roots and folders already walked are passed over, never opened."""
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                real = Path(entry.path).resolve(strict=True)
                is_dir = real.is_dir()
                is_file = real.is_file()
            except (OSError, RuntimeError):
                continue
            if self._root_of(real) is None:
                continue  # a link out of the roots, or to a hidden file: never followed
            if is_dir:
                if real not in visited:
                    visited.add(real)
                    self._walk(real, visit, visited)
            elif is_file and self._suffix_ok(entry.name) and self._suffix_ok(real.name):
                visit(real)


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
) -> MCPServer:
    """The MCP server, with its tools bound to ``settings``. Run it with ``.run("stdio")``.

    ``cache`` (optional) is used by ``build_digest`` as in ``summarize digest``: briefings found there are
    reused, new ones stored. ``roots`` are the folders whose article files the tools may read (default: the
    current working directory); ``max_files`` caps the files of one ``build_digest`` call. Raises
    :class:`UsageError` for a root that is not a folder or a cap below 1. As with any SDK ``MCPServer``,
    creating one sets up root logging (to stderr, level WARNING) unless the process has configured logging
    already."""
    if max_files < 1:
        raise UsageError(f"max_files={max_files}: use 1 or more (summarize mcp --max-files N)")
    served = ServedRoots(roots if roots is not None else [Path.cwd()])
    server = MCPServer(
        name=SERVER_NAME,
        title="summarize: grounded news briefings",
        instructions=f"{INSTRUCTIONS} Article files are read only inside the served folders: {served.describe()}"
                     f" (relative paths start at {served.roots[0]}); build_digest takes at most {max_files} "
                     "files per call.",
        version=__version__,
        log_level="WARNING",
    )
    read_only = ToolAnnotations(read_only_hint=True, open_world_hint=settings.replay_dir is None)
    last: dict[tuple[tuple[str, int, int], ...], Digest] = {}  # the last digest, by its files' (path, mtime, size)

    @server.tool(annotations=read_only)
    async def brief_article(
        text: Annotated[
            str | None, Field(description="The article's text. Give exactly one of text and path.")
        ] = None,
        path: Annotated[
            str | None,
            Field(description="Path of one article file inside the folders the server serves (.txt, .md, "
                              ".html, .htm or .json), absolute or relative to the first of them. Give exactly "
                              "one of text and path."),
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
            if (text is None) == (path is None):
                raise UsageError(
                    "give exactly one of `text` (the article's text) and `path` (an article file), "
                    + ("not both" if text is not None else "neither was given")
                )
            if path is not None:
                if article_id is not None:
                    raise UsageError("`article_id` is only for `text`: a file's id is its name without the extension")
                article = load_article(served.article(path))
            else:
                article = article_from_text(text or "", id=article_id or "article")
            settings.check_reachable()
            return _briefing_result(await abrief(article, settings=settings))
        except (UsageError, BriefingError) as exc:
            raise _tool_error(exc, settings.api_key) from exc

    @server.tool(annotations=read_only)
    async def build_digest(
        paths: Annotated[
            list[str],
            Field(min_length=1, description="Article files and/or folders inside the folders the server serves "
                                            "(folders are read recursively for .txt, .md, .html, .htm and .json "
                                            "files; hidden ones are skipped)."),
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
            files = served.articles(paths, max_files)
            key = tuple((str(f), (st := f.stat()).st_mtime_ns, st.st_size) for f in files)
            digest = last.get(key)
            if digest is None:
                settings.check_reachable()
                pending: list[asyncio.Task[None]] = []

                def progress(p: Progress) -> None:
                    if p.status == "start":
                        return
                    pending.append(asyncio.ensure_future(
                        ctx.report_progress(p.index, p.total, f"{p.article_id}: {p.status}")
                    ))

                result = await arun(
                    files, settings=settings, cache=cache, concurrency=concurrency, on_progress=progress,
                )
                if pending:
                    await asyncio.gather(*pending, return_exceptions=True)
                digest = result.digest
                last.clear()
                if not digest.failures:  # a call with failures is run again: they may be transient
                    last[key] = digest
            return _result(_compact(digest, full=detail == "full"))
        except (UsageError, BriefingError, OSError) as exc:
            raise _tool_error(exc, settings.api_key) from exc

    @server.tool(annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False))
    def get_schema(
        name: Annotated[Literal["briefing", "digest"], Field(description="Which result: briefing or digest.")],
    ) -> dict[str, Any]:
        """The JSON Schema (draft 2020-12) of a briefing or a digest, every field described."""
        return schemas.schema(name)

    return server


def serve(
    settings: Settings,
    *,
    cache: BriefingCache | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    roots: Sequence[str | Path] | None = None,
    max_files: int = DEFAULT_MAX_FILES,
) -> None:
    """Serve over stdio until the client closes the connection."""
    create_server(settings, cache=cache, concurrency=concurrency, roots=roots, max_files=max_files).run("stdio")
