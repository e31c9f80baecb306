"""Fetching pages and feeds politely and within bounds.

One GET per URL, by rules a site operator and a security reviewer would both accept:

* only ``http`` and ``https``; a user agent that names the tool;
* a timeout per request, a cap on the body's size (read as a stream, cut off past the cap), and a cap on
  redirects (each hop checked again, a loop is named as one);
* the content type must be one the caller accepts (a page: HTML or text; a feed: RSS/Atom/XML);
* addresses on this machine or a private network only when the policy allows them (the CLI does; the MCP
  server does not unless its operator says so), checked for every hop after resolving the host name, and
  the connection then goes to the checked address (no second lookup: DNS rebinding cannot slip through);
* conditional requests: a page cached with its ``ETag`` / ``Last-Modified`` is asked for again with
  ``If-None-Match`` / ``If-Modified-Since``, and a ``304`` is answered from the cache, so a rerun of the same
  feed transfers nothing new.

A URL that cannot be fetched raises :class:`FetchError` (a named failure; the caller goes on with the rest).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
import socket
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..errors import InputError
from ..text.files import write_atomic

if TYPE_CHECKING:  # the HTTP client is imported when a page is fetched: a run over local files never loads it
    import httpx2

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                        "application/rdf+xml", "application/feed+json", "text/x-opml", "text/x-opml+xml"})


class FetchError(InputError):
    """A URL could not be fetched, or did not hold what was asked for. ``path`` is the URL."""


@dataclass(frozen=True)
class FetchPolicy:
    """How a fetch is bounded. ``allow_private``: may a URL name this machine or a private network?"""

    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = True
    user_agent: str = "summarize/0.1 (news briefing tool; +https://pypi.org/project/summarize/)"
    resolve: Callable[[str], list[str]] = field(default=lambda host: _resolve(host), repr=False, compare=False)
    # Whether an address counts as private (injectable so a test can treat a local server as public).
    is_private: Callable[[str], bool] = field(default=lambda address: _is_private(address), repr=False, compare=False)


@dataclass(frozen=True)
class Page:
    """What a fetch returned. ``url`` was asked for; ``final_url`` answered (after redirects)."""

    url: str
    final_url: str
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    from_cache: bool = False  # True when the server said 304 Not Modified

    def text(self) -> str:
        return self.body.decode(_charset(self.content_type) or "utf-8", errors="replace")


class PageCache:
    """Fetched pages by URL: the body as fetched (``<hash>.body``) and what a conditional request needs
    (``<hash>.json``: URL, final URL, content type, ETag, Last-Modified)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _files(self, url: str) -> tuple[Path, Path]:
        stem = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{stem}.json", self.folder / f"{stem}.body"

    def get(self, url: str) -> Page | None:
        meta, body = self._files(url)
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            return Page(url=data["url"], final_url=data["final_url"], content_type=data["content_type"],
                        body=body.read_bytes(), etag=data.get("etag"), last_modified=data.get("last_modified"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # none, or unreadable: fetched anew

    def put(self, page: Page) -> None:
        meta, body = self._files(page.url)
        data = {"url": page.url, "final_url": page.final_url, "content_type": page.content_type,
                "etag": page.etag, "last_modified": page.last_modified}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            body.write_bytes(page.body)
            write_atomic(meta, json.dumps(data, ensure_ascii=False))  # last: a half-written body has no meta
        except OSError:
            pass  # a page cache that cannot be written costs a refetch, nothing else


def is_url(source: object) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def as_url(source: object) -> object:
    """``source`` as a URL string when it is one, also when a ``Path`` has folded its ``//`` into ``/``
    (``Path("https://example.com/a")`` is ``https:/example.com/a``); else ``source`` unchanged."""
    if isinstance(source, os.PathLike) and not isinstance(source, str):
        text = os.fspath(source)
        repaired = re.sub(r"^(https?):/(?!/)", r"\1://", text, flags=re.IGNORECASE)
        return repaired if repaired != text else source
    return source


def fetch(
    url: str,
    *,
    accept: Collection[str] = PAGE_TYPES,
    policy: FetchPolicy = FetchPolicy(),
    cache: PageCache | None = None,
    client: httpx2.Client | None = None,
) -> Page:
    """GET ``url`` within ``policy``; see the module docstring. Raises :class:`FetchError`."""
    import httpx2

    cached = cache.get(url) if cache is not None else None
    headers = {"user-agent": policy.user_agent, "accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
    if cached is not None and cached.etag:
        headers["if-none-match"] = cached.etag
    if cached is not None and cached.last_modified:
        headers["if-modified-since"] = cached.last_modified
    own = client is None
    http = client or httpx2.Client(timeout=policy.timeout, follow_redirects=False)
    try:
        current, seen = url, [url]
        for _ in range(policy.max_redirects + 1):
            target, pinned, extensions = _pinned(current, url, policy)
            try:
                with http.stream("GET", target, headers={**headers, **pinned}, extensions=extensions) as response:
                    if response.is_redirect and response.headers.get("location"):
                        nxt = urljoin(current, response.headers["location"])
                        if nxt in seen:
                            raise FetchError(f"{url}: a redirect loop ({' -> '.join([*seen, nxt])})", path=url)
                        seen.append(nxt)
                        current = nxt
                        continue
                    if response.status_code == 304 and cached is not None:
                        return Page(cached.url, cached.final_url, cached.content_type, cached.body, cached.etag,
                                    cached.last_modified, from_cache=True)
                    page = _read(url, current, response, accept, policy)
            except httpx2.TimeoutException:
                raise FetchError(f"{url}: no answer within {policy.timeout:g}s", path=url) from None
            except httpx2.HTTPError as exc:
                raise FetchError(f"{url}: could not be fetched ({type(exc).__name__}: {exc})", path=url) from None
            if cache is not None and (page.etag or page.last_modified):
                cache.put(page)
            return page
        raise FetchError(f"{url}: more than {policy.max_redirects} redirects ({' -> '.join(seen[:4])} ...)", path=url)
    finally:
        if own:
            http.close()


def _read(url: str, current: str, response: httpx2.Response, accept: Collection[str], policy: FetchPolicy) -> Page:
    if response.status_code >= 400:
        raise FetchError(f"{url}: the server answered {response.status_code} {response.reason_phrase}", path=url)
    content_type = response.headers.get("content-type", "")
    kind = content_type.split(";")[0].strip().lower()
    if kind not in accept:
        raise FetchError(f"{url}: content type {kind or 'unknown'!r} is not one of {', '.join(sorted(accept))}",
                         path=url)
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"{url}: {int(declared):,} bytes, over the limit of {policy.max_bytes:,}", path=url)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"{url}: more than {policy.max_bytes:,} bytes; not read further", path=url)
        chunks.append(chunk)
    return Page(url, current, content_type, b"".join(chunks), response.headers.get("etag"),
                response.headers.get("last-modified"))


def _pinned(current: str, asked: str, policy: FetchPolicy) -> tuple[str, dict[str, str], dict[str, object]]:
    """Where to connect for ``current``: the URL itself when private addresses are allowed; else the URL with
    its host replaced by the address that was checked (with the ``Host`` header and, for https, the TLS server
    name of the real host), so the connection goes to exactly that address. A name that resolves to a public
    address for the check and to a private one for the connection (DNS rebinding) cannot slip through."""
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{asked}: only http(s) URLs are fetched, not {current!r}", path=asked)
    if policy.allow_private:
        return current, {}, {}
    address = _checked_address(parts.hostname, asked, policy)
    host = f"[{address}]" if ":" in address else address
    netloc = host + (f":{parts.port}" if parts.port else "")
    target = urlunsplit(parts._replace(netloc=netloc))
    extensions: dict[str, object] = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
    return target, {"host": parts.netloc.rsplit("@", 1)[-1]}, extensions


def _checked_address(hostname: str, asked: str, policy: FetchPolicy) -> str:
    """The first address of ``hostname``, after checking that none of them is private (else FetchError)."""
    try:
        addresses = policy.resolve(hostname)
    except OSError as exc:
        raise FetchError(f"{asked}: the host {hostname} cannot be resolved ({exc})", path=asked) from None
    for address in addresses:
        if policy.is_private(address):
            raise FetchError(
                f"{asked}: {hostname} is on this machine or a private network ({address}); "
                "fetching such addresses is not allowed here", path=asked,
            )
    if not addresses:
        raise FetchError(f"{asked}: the host {hostname} has no address", path=asked)
    return addresses[0]


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified


def _resolve(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return None
