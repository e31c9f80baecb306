"""An MCP server over the library: ``summarize mcp`` (stdio transport, official MCP Python SDK).

Tools:

* ``brief_article(text | path)`` -> a :class:`~summarize.models.Briefing` (``schemas/briefing.schema.json``);
* ``build_digest(paths)`` -> a :class:`~summarize.models.Digest` (``schemas/digest.schema.json``), with the
  articles that could not be briefed in its ``failures``;
* ``get_schema(name)`` -> the JSON Schema of ``briefing`` or ``digest``.

The tools return structured content: each tool's ``outputSchema`` is its Pydantic model's schema, and the
content is the model dumped as JSON (what ``summarize brief`` prints). Mistakes the caller can fix (a
missing file, both or neither of ``text`` and ``path``, no model configured) and briefing failures
(``ReplayMiss``, a model error) come back as tool errors (``isError``) whose message names the fix; the
server keeps serving. Relative paths are resolved against the server's working directory.

Nothing but the protocol goes to stdout: the SDK points file descriptor 1 at stderr while it serves, the
library never prints, and logs go to stderr.
"""

import asyncio
from pathlib import Path
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import Field

from . import __version__
from . import schema as schemas
from .article.load import article_from_text, load_article
from .briefing.brief import abrief
from .cache import BriefingCache
from .digest.build import DEFAULT_CONCURRENCY, Progress, arun
from .errors import BriefingError, ConfigurationError, UsageError
from .models import Briefing, Digest
from .settings import Settings, resolve_settings

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
    env: dict[str, str] | None = None,
) -> Settings:
    """Settings as the other commands build them: arguments over the replay manifest over the environment.

    Unlike the CLI commands, a missing API key is not an error here: the server starts, and each tool call
    answers with an error that names the fix (see :meth:`Settings.check_reachable`). A ``replay`` folder that
    does not exist is an error (:class:`ConfigurationError`), since the server could never answer."""
    return resolve_settings(model=model, base_url=base_url, mode=mode, lang=lang, replay=replay, env=env)


def _tool_error(exc: Exception) -> ToolError:
    if isinstance(exc, ConfigurationError) and "no LLM configured" in str(exc):
        return ToolError(f"ConfigurationError: {exc}{_CONFIG_HINT}")
    return ToolError(f"{type(exc).__name__}: {exc}")


def create_server(
    settings: Settings,
    *,
    cache: BriefingCache | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> MCPServer:
    """The MCP server, with its tools bound to ``settings``. Run it with ``.run("stdio")``.

    ``cache`` (optional) is used by ``build_digest`` as in ``summarize digest``: briefings found there are
    reused, new ones stored. As with any SDK ``MCPServer``, creating one sets up root logging (to stderr,
    level WARNING) unless the process has configured logging already."""
    server = MCPServer(
        name=SERVER_NAME,
        title="summarize: grounded news briefings",
        instructions=INSTRUCTIONS,
        version=__version__,
        log_level="WARNING",
    )
    read_only = ToolAnnotations(read_only_hint=True, open_world_hint=settings.replay_dir is None)

    @server.tool(annotations=read_only)
    async def brief_article(
        text: Annotated[
            str | None, Field(description="The article's text. Give exactly one of text and path.")
        ] = None,
        path: Annotated[
            str | None,
            Field(description="Path of one article file on the server's machine (.txt, .md, .html, .htm or "
                              ".json), absolute or relative to the server's working directory. Give exactly "
                              "one of text and path."),
        ] = None,
        article_id: Annotated[
            str | None,
            Field(description="Id for an article given as text (default 'article'); a file's id is its name "
                              "without the extension."),
        ] = None,
    ) -> Briefing:
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
                article = load_article(Path(path).expanduser())
            else:
                article = article_from_text(text or "", id=article_id or "article")
            settings.check_reachable()
            return await abrief(article, settings=settings)
        except (UsageError, BriefingError) as exc:
            raise _tool_error(exc) from exc

    @server.tool(annotations=read_only)
    async def build_digest(
        paths: Annotated[
            list[str],
            Field(min_length=1, description="Article files and/or folders on the server's machine (folders are "
                                            "read recursively for .txt, .md, .html, .htm and .json files)."),
        ],
        ctx: Context,
    ) -> Digest:
        """Brief every article in `paths` and merge the briefings into one cross-source digest: actors and
        weapons resolved across sources, decisions clustered per real event with their corroboration, a
        timeline, divergences between sources, and each source's summary. Articles that could not be
        briefed are listed in `failures`; the digest is built from the rest."""
        try:
            settings.check_reachable()
            pending: list[asyncio.Task[None]] = []

            def progress(p: Progress) -> None:
                if p.status == "start":
                    return
                pending.append(asyncio.ensure_future(
                    ctx.report_progress(p.index, p.total, f"{p.article_id}: {p.status}")
                ))

            result = await arun(
                [Path(p).expanduser() for p in paths], settings=settings, cache=cache, concurrency=concurrency,
                on_progress=progress,
            )
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
            return result.digest
        except (UsageError, BriefingError) as exc:
            raise _tool_error(exc) from exc

    @server.tool(annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False))
    def get_schema(
        name: Annotated[Literal["briefing", "digest"], Field(description="Which result: briefing or digest.")],
    ) -> dict[str, Any]:
        """The JSON Schema (draft 2020-12) of a briefing or a digest, every field described."""
        return schemas.schema(name)

    return server


def serve(settings: Settings, *, cache: BriefingCache | None = None, concurrency: int = DEFAULT_CONCURRENCY) -> None:
    """Serve over stdio until the client closes the connection."""
    create_server(settings, cache=cache, concurrency=concurrency).run("stdio")
