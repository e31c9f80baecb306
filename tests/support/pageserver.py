"""HAND-MADE test double: a local web site with news pages (German and English, with page chrome), feeds,
and the faults real sites have: a 404, a redirect loop, a huge page, a page that is not an article, a feed
with a broken entry. Pages carry an ETag and answer ``If-None-Match`` with 304. Every request is counted.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_DE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Kanzler sagt Kiew weitere Luftabwehr zu | Beispiel-Zeitung</title>
<meta property="og:site_name" content="Beispiel-Zeitung">
<meta property="article:published_time" content="2025-10-17T08:30:00+02:00">
<meta name="author" content="Erika Musterfrau"></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/abo">Abo</a></nav>
<article><h1>Kanzler sagt Kiew weitere Luftabwehr zu</h1>
<p class="byline">Von Erika Musterfrau</p>
<p>Bundeskanzler Friedrich Merz hat dem ukrainischen Präsidenten Wolodymyr Selenskyj am Freitag in Berlin
weitere Luftabwehrsysteme vom Typ Patriot zugesagt. Die Lieferung soll noch vor dem Winter erfolgen.</p>
<p>Ob auch Marschflugkörper vom Typ Taurus geliefert werden, ließ Merz offen. Die Entscheidung hänge von
den Gesprächen mit den Verbündeten ab, sagte er nach dem Treffen im Kanzleramt.</p>
<p>Selenskyj dankte für die Unterstützung und bat um weitere Hilfe für die Energieversorgung seines Landes.</p>
<p class="credit">Foto: Max Muster/dpa</p></article>
<aside>Lesen Sie auch: Was die Ukraine jetzt braucht</aside>
<footer>Newsletter abonnieren · Impressum · Datenschutz</footer></body></html>"""

ARTICLE_EN = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Trump and Putin to meet in Budapest | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-10-16T18:00:00Z"></head>
<body><header>Subscribe · Sign in · World · Politics</header>
<article><h1>Trump and Putin to meet in Budapest</h1>
<p>By Jane Doe</p>
<p>President Donald Trump said on Thursday that he would meet Russian President Vladimir Putin in Budapest
after a long phone call between the two leaders, a day before Ukraine's president visits the White House.</p>
<p>Trump said the call had made great progress, but it remained unclear whether Washington would send
Tomahawk cruise missiles to Kyiv, a request that Volodymyr Zelensky is expected to raise on Friday.</p>
<p>Photo: John Roe/AP</p></article>
<footer>Read also: Five things to know about Tomahawks · Share this article</footer></body></html>"""

NOT_AN_ARTICLE = """<!doctype html><html><head><title>Login</title></head>
<body><nav>Home · News · Login</nav><form><input name="user"><input name="password"></form></body></html>"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Beispiel-Zeitung Politik</title><link>{base}/</link>
<item><title>Kanzler sagt Kiew weitere Luftabwehr zu</title><link>{base}/de/luftabwehr.html</link>
<pubDate>Fri, 17 Oct 2025 08:30:00 +0200</pubDate><author>Erika Musterfrau</author></item>
<item><title>A broken entry without a link</title><description>no link here</description></item>
<item><title>Trump and Putin to meet</title><link>/en/budapest.html</link>
<pubDate>Thu, 16 Oct 2025 18:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example News</title>
<entry><title>Trump and Putin to meet</title><link href="{base}/en/budapest.html"/>
<updated>2025-10-16T18:00:00Z</updated></entry></feed>"""


class PageServer:
    """Use as a context manager; ``url`` is the site's root; ``requests`` lists (method, path, status)."""

    def __init__(self, huge_bytes: int = 6_000_000) -> None:
        self.huge_bytes = huge_bytes
        self.requests: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def routes(self) -> dict[str, tuple[int, str, bytes, dict[str, str]]]:
        html = "text/html; charset=utf-8"
        return {
            "/de/luftabwehr.html": (200, html, ARTICLE_DE.encode("utf-8"), {"etag": '"de-1"'}),
            "/en/budapest.html": (200, html, ARTICLE_EN.encode("utf-8"), {"etag": '"en-1"'}),
            "/feed.xml": (200, "application/rss+xml", rss(self.url).encode("utf-8"), {"etag": '"feed-1"'}),
            "/atom.xml": (200, "application/atom+xml", atom(self.url).encode("utf-8"), {}),
            "/login.html": (200, html, NOT_AN_ARTICLE.encode("utf-8"), {}),
            "/old.html": (301, html, b"", {"location": "/en/budapest.html"}),
            "/loop-a": (302, html, b"", {"location": "/loop-b"}),
            "/loop-b": (302, html, b"", {"location": "/loop-a"}),
            "/huge.html": (200, html, b"<p>" + b"x" * self.huge_bytes + b"</p>", {}),
            "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, {}),
        }

    def __enter__(self) -> PageServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                route = server.routes().get(self.path.split("?")[0])
                if route is None:
                    status, kind, body, headers = 404, "text/html", b"<h1>Not found</h1>", {}
                else:
                    status, kind, body, headers = route
                    if headers.get("etag") and self.headers.get("if-none-match") == headers["etag"]:
                        status, body = 304, b""
                with server._lock:
                    server.requests.append(("GET", self.path, status))
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
