"""A small fake news world on 127.0.0.1 for crawler tests: each site is its own threaded HTTP
server (its own port, so its own host for politeness), with robots.txt, an RSS feed, an Atom
feed, sitemaps (urlset, gzipped, index, Google News), a start page and article pages.

Faults are scripted per path (site.faults[path] = Fault(...)); every request is logged with a
server-side monotonic timestamp (world.log), so tests can measure gaps between requests."""
from __future__ import annotations

import gzip
import hashlib
import random
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

WORDS = ("harbour council tide ferry lighthouse survey budget fishermen quay storm gulls net engine winter vote "
         "river bridge school market teacher mayor station rain museum festival tram archive").split()
PUBLISHED = datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)


def paragraph(seed: int, words: int = 60) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def article_html(base: str, slug: str, version: int) -> str:
    seed = zlib.crc32(f"{slug}/{version}".encode())
    paragraphs = "".join(f"<p>{paragraph(seed + i)}</p>\n" for i in range(5))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{slug} | Ledger</title>
<link rel="canonical" href="{base}/2024/05/{slug}/"><meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-01T10:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/tag/harbour/">Harbour</a></nav></header>
<article><h1>Story {slug}</h1><p class="byline">By Ann Writer</p>
{paragraphs}</article><footer>Ledger, all rights reserved</footer></body></html>"""


@dataclass
class Fault:
    status: int | None = None          # answer this status instead of the page
    times: int | None = None           # ... for the first N requests only (None: always)
    retry_after: str | Callable[[], str] | None = None   # a callable is asked when the answer is sent
    delay: float = 0.0                 # before the response
    trickle: float | None = None       # send the body one byte per this many seconds
    reset: bool = False                # promise a body, send half, reset the connection
    redirect: str | None = None        # Location (absolute or path)
    content_type: str | None = None
    body: bytes | None = None
    encoding: str | None = None        # Content-Encoding to declare for `body`
    hits: int = 0


_BOMBS: dict[str, bytes] = {}


def bomb(kind: str, size: int = 64 * 1024 * 1024) -> bytes:
    """A small body that decodes to `size` zero bytes."""
    if kind not in _BOMBS:
        zeros = bytes(size)
        _BOMBS[kind] = gzip.compress(zeros, 9) if kind == "gzip" else brotli.compress(zeros, quality=5)
    return _BOMBS[kind]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>%(base)s/2024/05/laugh/</link></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "%(base)s/xxe-probe">
<!ENTITY %% dtd SYSTEM "%(base)s/evil.dtd"> %%dtd;]>
<rss version="2.0"><channel><title>x</title>
<item><title>&secret;&remote;</title><link>%(base)s/2024/05/xxe-&secret;/</link></item>
<item><title>ok</title><link>%(base)s/2024/05/plain/</link></item></channel></rss>"""


@dataclass
class Request:
    site: str
    at: float              # time.monotonic() on arrival (server side)
    method: str
    path: str
    headers: dict


class FakeSite:
    def __init__(self, world: "FakeWorld", name: str, articles: int):
        self.world, self.name = world, name
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.site = self
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.robots: str | None = "User-agent: *\nDisallow: /private/\n"
        self.robots_status = 200
        self.faults: dict[str, Fault] = {}
        self.extra_links: list[str] = []         # more links on the start page
        self.latency = 0.0                       # added to every response
        now = time.time()
        # slug -> [version, lastmod (epoch seconds)]
        self.articles: dict[str, list] = {f"{name}-{i:03d}": [0, now - 3600] for i in range(articles)}
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def article_path(self, slug: str) -> str:
        return f"/2024/05/{slug}/"

    def change(self, slug: str) -> None:
        self.articles[slug][0] += 1
        self.articles[slug][1] = time.time()

    def requests(self) -> list[Request]:
        return [r for r in self.world.log if r.site == self.name]

    def paths(self) -> list[str]:
        return [r.path for r in self.requests()]

    # ---- documents --------------------------------------------------------------------
    def _iso(self, epoch: float) -> str:
        return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def document(self, path: str) -> tuple[int, str, bytes, float] | None:
        """(status, content type, body, last modified) for a generated path, None if unknown."""
        slugs = list(self.articles)
        newest = max((v[1] for v in self.articles.values()), default=0.0)
        if path == "/robots.txt":
            if self.robots is None:
                return None
            return self.robots_status, "text/plain", self.robots.encode(), newest
        if path == "/feed/":
            items = "".join(f"<item><title>{s}</title><link>{self.base}{self.article_path(s)}?utm_source=rss&amp;"
                            f"utm_medium=feed</link><pubDate>{format_datetime(PUBLISHED)}</pubDate></item>"
                            for s in slugs)
            return 200, "application/rss+xml", f'<?xml version="1.0"?><rss version="2.0"><channel>' \
                                              f'<title>{self.name}</title>{items}</channel></rss>'.encode(), newest
        if path == "/atom.xml":
            entries = "".join(f'<entry><title>{s}</title><link rel="alternate" href="{self.article_path(s)}"/>'
                              f"<updated>{self._iso(self.articles[s][1])}</updated></entry>" for s in slugs)
            return 200, "application/atom+xml", f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" ' \
                                               f'xml:base="{self.base}/">{entries}</feed>'.encode(), newest
        if path in ("/sitemap.xml", "/sitemap-posts.xml.gz"):
            chosen = slugs if path == "/sitemap.xml" else slugs[::2]
            urls = "".join(f"<url><loc>{self.base}{self.article_path(s)}</loc>"
                           f"<lastmod>{self._iso(self.articles[s][1])}</lastmod></url>" for s in chosen)
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' \
                   f'{urls}</urlset>'.encode()
            if path.endswith(".gz"):
                return 200, "application/gzip", gzip.compress(body, mtime=0), newest
            return 200, "application/xml", body, newest
        if path == "/news-sitemap.xml":
            urls = "".join(f"<url><loc>{self.base}{self.article_path(s)}</loc><news:news><news:publication>"
                           f"<news:name>{self.name}</news:name><news:language>en</news:language></news:publication>"
                           f"<news:publication_date>{self._iso(self.articles[s][1])}</news:publication_date>"
                           f"<news:title>{s}</news:title></news:news></url>" for s in slugs[1::2])
            return 200, "application/xml", (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>").encode(), newest
        if path == "/sitemap_index.xml":
            return 200, "application/xml", (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.base}/sitemap-posts.xml.gz</loc></sitemap>"
                f"<sitemap><loc>{self.base}/news-sitemap.xml</loc></sitemap></sitemapindex>").encode(), newest
        if path == "/":
            links = "".join(f'<li><a href="{self.article_path(s)}#comments">{s}</a></li>' for s in slugs)
            links += "".join(f'<li><a href="{href}">more</a></li>' for href in self.extra_links)
            links += '<li><a href="/tag/harbour/">tag</a></li><li><a href="/private/secret/">secret</a></li>'
            links += '<li><a href="http://example.invalid/2024/05/elsewhere/">elsewhere</a></li>'
            return 200, "text/html; charset=utf-8", (
                f"<!doctype html><html><head><title>{self.name}</title></head><body><h1>{self.name}</h1>"
                f"<ul>{links}</ul></body></html>").encode(), newest
        for slug, (version, lastmod) in self.articles.items():
            if path == self.article_path(slug):
                return 200, "text/html; charset=utf-8", article_html(self.base, slug, version).encode(), lastmod
        if path.startswith(("/tag/", "/private/")):
            return 200, "text/html", b"<!doctype html><html><body><p>listing</p></body></html>", newest
        return None


class FakeWorld:
    def __init__(self):
        self.sites: list[FakeSite] = []
        self.log: list[Request] = []
        self.lock = threading.Lock()

    def add_site(self, name: str, articles: int = 4) -> FakeSite:
        site = FakeSite(self, name, articles)
        self.sites.append(site)
        return site

    def close(self) -> None:
        for site in self.sites:
            site.server.shutdown()
            site.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"      # keep-alive, so connection reuse is visible

    def log_message(self, *args):      # quiet test output
        pass

    def setup(self):
        super().setup()
        # headers and body go out in separate writes; without this Nagle adds ~40 ms per response
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):
        site: FakeSite = self.server.site
        arrived = time.monotonic()
        path = self.path.split("?")[0]
        with site.world.lock:
            site.world.log.append(Request(site.name, arrived, "GET", self.path, dict(self.headers)))
        if site.latency:
            time.sleep(site.latency)
        fault = site.faults.get(path)
        if fault is not None and (fault.times is None or fault.hits < fault.times):
            fault.hits += 1
            return self._fault(site, fault)
        doc = site.document(path)
        if doc is None:
            return self._send(404, "text/html", b"<html><body>not found</body></html>")
        status, ctype, body, lastmod = doc
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        last_modified = format_datetime(datetime.fromtimestamp(int(lastmod), timezone.utc), usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, None, b"", {"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": last_modified}
        if "gzip" in (self.headers.get("Accept-Encoding") or "") and ctype.startswith("text/html") and len(body) > 512:
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        self._send(status, ctype, body, headers)

    def _send(self, status: int, ctype: str | None, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def _fault(self, site: FakeSite, fault: Fault) -> None:
        if fault.delay:
            time.sleep(fault.delay)
        if fault.redirect:
            location = fault.redirect if "://" in fault.redirect else site.base + fault.redirect
            return self._send(fault.status or 302, "text/html", b"", {"Location": location})
        if fault.status:
            retry_after = fault.retry_after() if callable(fault.retry_after) else fault.retry_after
            headers = {"Retry-After": retry_after} if retry_after else {}
            return self._send(fault.status, "text/html", b"<html><body>error</body></html>", headers)
        body = fault.body if fault.body is not None else article_html(site.base, "fault", 0).encode()
        ctype = fault.content_type or "text/html"
        if fault.trickle is not None or fault.reset:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            if fault.reset:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                # RST instead of FIN: SO_LINGER with a zero timeout
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            end = time.monotonic() + 30
            try:
                for byte in body:
                    if time.monotonic() > end:
                        break
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(fault.trickle)
            except OSError:
                pass
            self.close_connection = True
            return
        headers = {"Content-Encoding": fault.encoding} if fault.encoding else {}
        self._send(200, ctype, body, headers)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value + "'" if "'" not in value else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


TEST_OPTIONS = dict(user_agent="testbot/1.0 (+mailto:ops@example.org)", delay=0.02, allow_private=True,
                    backoff=0.02, max_backoff=0.1, retry_after_cap=3.0, connect_timeout=2.0, read_timeout=2.0,
                    deadline=1.5, max_bytes=2 * 1024 * 1024, retries=2, workers=8)


def config_text(data_dir: str, sites: list[dict], **options) -> str:
    """A sites.toml for the fake world, with test-sized delays and timeouts."""
    lines = [f"data_dir = {toml_value(str(data_dir))}"]
    lines += [f"{k} = {toml_value(v)}" for k, v in {**TEST_OPTIONS, **options}.items()]
    for site in sites:
        lines.append("\n[[sites]]")
        lines += [f"{k} = {toml_value(v)}" for k, v in site.items()]
    return "\n".join(lines) + "\n"
