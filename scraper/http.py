"""One bounded HTTP fetch: safety-checked redirects, timeouts and a deadline, a size cap
counted after decompression, HTML-only pages, conditional GET. Bytes out, decoded by nobody.

Retries are not done here: the scheduler re-queues a retryable result, so a retry waits its
turn under the host's delay instead of sleeping on a worker thread."""
from __future__ import annotations

import logging
import re
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable
from urllib.parse import urljoin, urlsplit

import brotli
import requests
from requests.adapters import HTTPAdapter

from cleaners.sniff import looks_binary

from .safety import UnsafeURL, check_url, connect_clock, guarded_pool_classes

log = logging.getLogger("scrape.fetch")

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
HTML_MARKUP = re.compile(rb"<(!doctype\s+html|html|head|body|title|meta|div|p|article|section|main|h1)[\s>/]", re.I)
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str
    allow_private: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0          # wall clock for one response, headers to last byte
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    pool_size: int = 16


@dataclass
class FetchResult:
    url: str                          # as requested
    outcome: str                      # "ok", "not_modified", or why there is no page (see OUTCOMES)
    final_url: str = ""
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)         # response, lower-case names
    request_headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    fetched_at: str = ""              # ISO 8601 UTC, when the final response arrived
    retryable: bool = False           # 429, 5xx, connection trouble
    retry_after: float | None = None  # seconds the server asked us to wait
    detail: str = ""
    last_request_at: float = 0.0      # monotonic start of the last request sent to the host

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


OUTCOMES = ("ok", "not_modified", "unsafe", "robots", "redirect_loop", "too_many_redirects", "not_html",
            "too_large", "deadline", "timeout", "connection", "http_4xx", "http_5xx", "http_429", "undecodable")


class _Stop(Exception):
    def __init__(self, outcome: str, detail: str = "", retryable: bool = False):
        super().__init__(detail)
        self.outcome, self.detail, self.retryable = outcome, detail, retryable


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait, from either form of Retry-After (delta-seconds or an HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class _Decoder:
    """Content-Encoding undone step by step, never producing more than asked for, so a
    small compressed bomb cannot grow past the size cap in memory."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = None   # zlib-wrapped or raw: decided on the first bytes
        elif encoding == "br":
            self._br = brotli.Decompressor()
        else:
            raise _Stop("undecodable", f"content-encoding {encoding!r}")
        self._pending = b""

    def feed(self, data: bytes, limit: int) -> bytes:
        """Up to `limit` bytes of output (limit = room left + 1, so overflow is visible)."""
        enc = self.encoding
        if enc in ("", "identity"):
            return data
        try:
            if enc == "br":
                out = self._br.process(data, output_buffer_limit=limit)
                while len(out) < limit and not self._br.can_accept_more_data():
                    more = self._br.process(b"", output_buffer_limit=limit - len(out))
                    if not more:
                        break
                    out += more
                return out
            if self._z is None:   # deflate
                self._z = zlib.decompressobj(zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS)
            return self._z.decompress(self._z.unconsumed_tail + data, limit)
        except (zlib.error, brotli.error) as err:
            raise _Stop("undecodable", f"{enc}: {err}") from None


class Fetcher:
    def __init__(self, policy: FetchPolicy):
        self.policy = policy
        self.session = requests.Session()
        self.session.trust_env = False   # no proxy from the environment: it would dial for us, unchecked
        adapter = _GuardedAdapter(policy.allow_private, pool_connections=max(policy.pool_size, 10),
                                  pool_maxsize=2, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def fetch(self, url: str, want: str = "html", etag: str | None = None, last_modified: str | None = None,
              hop_delay: float = 0.0, allowed: Callable[[str], bool] | None = None) -> FetchResult:
        """GET url. want="html" takes HTML pages only; "any" takes any body (feeds, robots.txt).
        Each redirect hop is safety-checked; a same-host hop waits hop_delay and asks `allowed`."""
        result = FetchResult(url=url, outcome="connection", final_url=url)
        seen = {url}
        hop_url = url
        for hop in range(self.policy.max_redirects + 1):
            if hop:
                same_host = urlsplit(hop_url).netloc == urlsplit(result.final_url).netloc
                if same_host and hop_delay:
                    time.sleep(max(0.0, result.last_request_at + hop_delay - time.monotonic()))
                if same_host and allowed is not None and not allowed(hop_url):
                    result.outcome, result.detail = "robots", f"redirect to {hop_url} disallowed by robots.txt"
                    return result
            result.final_url = hop_url
            try:
                check_url(hop_url, self.policy.allow_private)
            except UnsafeURL as err:
                result.outcome, result.detail = "unsafe", f"{hop_url}: {err}"
                log.info("refused %s: %s", hop_url, err)
                return result
            headers = {"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate, br",
                       "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" if want == "html" else "*/*"}
            if hop == 0 and etag:
                headers["If-None-Match"] = etag
            if hop == 0 and last_modified:
                headers["If-Modified-Since"] = last_modified
            result.request_headers = headers
            location = self._one_request(hop_url, headers, want, result)
            if location is None:
                return result
            next_url = urljoin(hop_url, location).split("#")[0]
            if next_url in seen:
                result.outcome, result.detail = "redirect_loop", f"{hop_url} -> {next_url}"
                return result
            seen.add(next_url)
            hop_url = next_url
        result.outcome, result.detail = "too_many_redirects", f"more than {self.policy.max_redirects}"
        return result

    def _one_request(self, url: str, headers: dict, want: str, result: FetchResult) -> str | None:
        """Send one request and fill result; return the Location to follow, if any."""
        policy = self.policy
        started = time.monotonic()
        result.last_request_at = started
        deadline_at = started + policy.deadline
        try:
            resp = self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                    timeout=(policy.connect_timeout, policy.read_timeout))
        except requests.Timeout as err:
            return self._fail(result, url, _Stop("timeout", str(err)[:200], retryable=True))
        except requests.RequestException as err:
            return self._fail(result, url, _Stop("connection", str(err)[:200], retryable=True))
        connected = getattr(connect_clock, "at", 0.0)
        if connected > started:   # a new connection: the request was sent once it was up
            result.last_request_at = connected
        result.status = resp.status_code
        result.headers = {k.lower(): v for k, v in resp.headers.items()}
        result.fetched_at = utc_now()
        reusable = False
        try:
            status = resp.status_code
            if status in REDIRECTS and resp.headers.get("Location"):
                self._read_body(resp, deadline_at, 64 * 1024)
                reusable = True
                log.info("GET %s -> %d %s", url, status, resp.headers["Location"])
                return resp.headers["Location"]
            if status == 304:
                result.outcome = "not_modified"
            elif status == 429 or status >= 500:
                result.outcome = "http_429" if status == 429 else "http_5xx"
                result.retryable = True
                result.retry_after = parse_retry_after(resp.headers.get("Retry-After"))
            elif status >= 400 or status < 200 or status in REDIRECTS:
                result.outcome = "http_4xx" if 400 <= status < 500 else f"http_{status}"
            else:
                mime = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
                if want == "html" and mime and mime not in HTML_TYPES:
                    raise _Stop("not_html", f"content-type {mime}")
                result.body = self._read_body(resp, deadline_at, policy.max_bytes)
                if want == "html" and (looks_binary(result.body) or not HTML_MARKUP.search(result.body[:4096])):
                    raise _Stop("not_html", "no HTML markup in the first bytes")
                result.outcome = "ok"
                reusable = True
            if result.outcome != "ok":
                self._read_body(resp, deadline_at, 64 * 1024)   # small error bodies are read so the connection is reused
                reusable = True
        except _Stop as stop:
            result.body = b""
            self._fail(result, url, stop)
        except requests.RequestException as err:
            result.body = b""
            self._fail(result, url, _Stop("connection", str(err)[:200], retryable=True))
        except Exception as err:   # urllib3 protocol errors (reset mid-body, short body) and socket errors
            result.body = b""
            name = type(err).__name__
            outcome = "timeout" if "Timeout" in name else "connection"
            self._fail(result, url, _Stop(outcome, f"{name}: {str(err)[:200]}", retryable=True))
        finally:
            if reusable:
                resp.raw.release_conn()
            else:
                resp.close()
        log.info("GET %s -> %s %s (%d bytes, %.0f ms)%s", url, result.status, result.outcome, len(result.body),
                 (time.monotonic() - started) * 1000, f" {result.detail}" if result.detail else "")
        return None

    @staticmethod
    def _fail(result: FetchResult, url: str, stop: _Stop) -> None:
        result.outcome, result.detail, result.retryable = stop.outcome, stop.detail, stop.retryable
        if result.status is None:
            log.info("GET %s -> %s %s", url, stop.outcome, stop.detail)
        return None

    @staticmethod
    def _read_body(resp: requests.Response, deadline_at: float, max_bytes: int) -> bytes:
        """Raw bytes as they arrive (read1 returns what one receive gives, so a trickle cannot
        hold a read open past the deadline), decoded incrementally, counted after decoding."""
        raw = resp.raw
        decoder = _Decoder(resp.headers.get("Content-Encoding", "").strip().lower())
        expected = resp.headers.get("Content-Length")
        out = bytearray()
        received = 0
        while True:
            if time.monotonic() > deadline_at:
                raise _Stop("deadline", "response took longer than the deadline", retryable=False)
            chunk = raw.read1(CHUNK, decode_content=False)
            if not chunk:
                break
            received += len(chunk)
            out += decoder.feed(chunk, max_bytes - len(out) + 1)
            if len(out) > max_bytes:
                raise _Stop("too_large", f"body over {max_bytes} bytes after decoding")
        if expected and expected.isdigit() and received < int(expected) and "chunked" not in \
                resp.headers.get("Transfer-Encoding", ""):
            raise _Stop("connection", f"body cut short: {received} of {expected} bytes", retryable=True)
        return bytes(out)


class _GuardedAdapter(HTTPAdapter):
    def __init__(self, allow_private: bool, **kwargs):
        self._pool_classes = guarded_pool_classes(allow_private)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pool_classes
