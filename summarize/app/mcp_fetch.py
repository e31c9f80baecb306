"""What the MCP server fetches (:class:`ServedWeb`): http(s) URLs, only when its operator allows it.

``summarize mcp`` fetches nothing by default: a URL given to ``brief_article`` or ``build_digest`` is refused,
before any request, with an error naming ``--allow-fetch``. With it, pages and RSS/Atom feeds are fetched as
``summarize digest`` fetches them (:mod:`summarize.article.fetch`: a user agent, timeouts, size and redirect
caps, content types checked, conditional requests through a page cache), but never an address on this
machine or a private network (checked for the first request and every redirect hop, after resolving the host
name) unless ``--allow-private-fetch`` is given too. A URL counts against the server's files cap, and so does
each article a feed lists; a fetched text is held to the same size cap as a file (``Settings.max_chars``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..article.feeds import looks_like_feed
from ..article.fetch import FEED_TYPES, PAGE_TYPES, FetchError, FetchPolicy, PageCache, fetch, is_url
from ..article.load import article_from_html
from ..article.remote import Remote, from_urls, url_id
from ..errors import UsageError
from ..models import Article, Digest, Failure
from .mcp_roots import too_many

_PRIVATE = "on this machine or a private network"  # the words of fetch.py's refusal of such an address
_PRIVATE_FIX = (" (the server's operator can allow such addresses: restart it with "
                "`summarize mcp --allow-fetch --allow-private-fetch`)")


def split_urls(givens: Sequence[str]) -> tuple[list[str], list[str]]:
    """``givens`` as (URLs, paths), each in its order."""
    urls = [g for g in givens if is_url(g.strip())]
    return [u.strip() for u in urls], [g for g in givens if not is_url(g.strip())]


class ServedWeb:
    """The server's fetching: none without ``policy``; else within it, pages cached in ``cache``."""

    def __init__(self, policy: FetchPolicy | None, cache: PageCache | None = None,
                 max_chars: int | None = None) -> None:
        self.policy = policy
        self.cache = cache
        self.max_chars = max_chars

    def describe(self) -> str:
        if self.policy is None:
            return "It fetches no URLs (the operator can allow it: `summarize mcp --allow-fetch`)."
        if self.policy.allow_private:
            return "It fetches http(s) URLs of pages and RSS/Atom feeds, on any address."
        return ("It fetches http(s) URLs of pages and RSS/Atom feeds on public addresses (not this machine or a "
                "private network).")

    def check(self, urls: Sequence[str], max_files: int | None = None) -> FetchPolicy:
        """The policy to fetch ``urls`` with; refused, naming the flag, when the server may not fetch, and
        naming the cap when there are more than ``max_files`` of them."""
        if self.policy is None:
            raise UsageError(
                f"{urls[0]}: this server does not fetch URLs. Pass an article file or its text instead, or ask "
                "the server's operator to restart it with `summarize mcp --allow-fetch` (and "
                "`--allow-private-fetch` for addresses on this machine or a private network)."
            )
        if max_files is not None and len(urls) > max_files:
            raise too_many(max_files)
        return self.policy

    def article(self, url: str) -> Article:
        """The article of one page (a feed is a mistake named as such). Raises :class:`UsageError`."""
        policy = self.check([url])
        try:
            page = fetch(url, accept=PAGE_TYPES | FEED_TYPES, policy=policy, cache=self.cache)
        except FetchError as exc:
            raise self._explained(exc) from None
        if looks_like_feed(page.content_type, page.body):
            raise UsageError(f"{url}: is a feed, not an article page. Pass it to build_digest to brief its articles, "
                             "or pass one of its articles' URLs here.")
        return article_from_html(page.text(), id=url_id(url), path=url, max_chars=self.max_chars)

    def articles(self, urls: Sequence[str], max_articles: int) -> tuple[list[Article], list[Failure], list[str]]:
        """The articles of pages and feeds, the failures (named per URL) and notes. Raises
        :class:`UsageError` for a feed with more articles than ``max_articles`` leaves room for."""
        remote: Remote = from_urls(urls, policy=self.check(urls), cache=self.cache, max_chars=self.max_chars,
                                   max_articles=max_articles)
        if remote.over_limit:
            feed, entries = remote.over_limit[0]
            raise UsageError(
                f"{feed}: the feed lists {entries} articles, more than this call has room for ({max_articles} "
                "after the other paths; each file, URL and article of a feed counts). Pass fewer paths, or "
                "restart the server with a higher cap: `summarize mcp --max-files N`."
            )
        failures = [Failure(article_id=url_id(url), error_kind="FetchError",
                            message=message + (_PRIVATE_FIX if _PRIVATE in message else ""))
                    for url, message in remote.failures]
        return remote.articles, failures, remote.notes

    def sources(self, urls: list[str], files: list[Path], max_files: int) -> tuple[list[Path | Article], list[Failure]]:
        """``files`` and the articles fetched from ``urls`` (at most ``max_files`` in all), and the fetch
        failures. Raises :class:`UsageError` past the cap, or when no article is left (naming why each URL
        failed)."""
        if not urls:
            return list(files), []
        articles, failures, _notes = self.articles(urls, max_files - len(files))
        if len(files) + len(articles) > max_files:
            raise too_many(max_files)
        if not files and not articles:
            raise UsageError("no article could be fetched: " + "; ".join(f.message for f in failures))
        return [*files, *articles], failures

    @staticmethod
    def _explained(exc: FetchError) -> FetchError:
        if _PRIVATE in str(exc):
            return FetchError(f"{exc}{_PRIVATE_FIX}", path=exc.path)
        return exc


def with_failures(digest: Digest, failures: list[Failure]) -> Digest:
    """``digest`` with the URLs that could not be fetched among its failures and counted among its inputs."""
    if not failures:
        return digest
    meta = digest.meta.model_copy(update={"articles_total": digest.meta.articles_total + len(failures)})
    return digest.model_copy(update={"failures": [*failures, *digest.failures], "meta": meta})
