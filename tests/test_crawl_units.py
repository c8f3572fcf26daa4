"""Unit tests of the crawler's parts: URLs, safety, config, feeds/sitemaps, robots, Retry-After, lock."""
from __future__ import annotations

import gzip
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from scraper.config import ConfigError, load_config
from scraper.crawl_cli import RunLock
from scraper.discover import NotAFeed, follows, parse_listing, site_hosts
from scraper.http import FetchResult, parse_retry_after
from scraper.robots import rules_from
from scraper.safety import UnsafeURL, check_url
from scraper.urls import BadURL, canonical_url

from fakeworld import BILLION_LAUGHS, XXE

UA = "newsbot/1.0 (+mailto:ops@example.org)"


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.COM:80/a/./b/../c?utm_source=x&b=2&a=1&fbclid=z#frag", "http://example.com/a/c?a=1&b=2"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com:8443/x?gclid=1&utm_campaign=y", "https://example.com:8443/x"),
    ("http://example.com/%7Euser/a%2fb", "http://example.com/~user/a%2Fb"),
    ("http://example.com/a/../../b/", "http://example.com/b/"),
    ("http://example.com/news?id=5&mc_cid=abc&msclkid=1", "http://example.com/news?id=5"),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost"])
def test_canonical_url_refuses_other_schemes(url):
    with pytest.raises(BadURL):
        canonical_url(url)


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/",
                                 "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/", "http://172.16.0.5/",
                                 "http://[fe80::1]/", "http://100.64.0.1/", "file:///etc/passwd", "gopher://127.0.0.1/"])
def test_safety_refuses_private_even_with_allow_private(url):
    for allow in (False, True):
        with pytest.raises(UnsafeURL):
            check_url(url, allow_private=allow)


def test_safety_loopback_only_with_switch():
    with pytest.raises(UnsafeURL):
        check_url("http://127.0.0.1:8080/", allow_private=False)
    check_url("http://127.0.0.1:8080/", allow_private=True)


def test_parse_retry_after_both_forms():
    assert parse_retry_after("120") == 120.0
    when = datetime.now(timezone.utc) + timedelta(seconds=90)
    assert 85 <= parse_retry_after(format_datetime(when, usegmt=True)) <= 91
    assert parse_retry_after("soon") is None
    assert parse_retry_after(format_datetime(datetime(2000, 1, 1, tzinfo=timezone.utc), usegmt=True)) == 0.0


@pytest.mark.parametrize("status, outcome, verdict", [
    (200, "ok", "rules"), (404, "http_4xx", "allow_all"), (403, "http_4xx", "allow_all"),
    (429, "http_429", "unreachable"), (503, "http_5xx", "unreachable"), (None, "connection", "unreachable"),
])
def test_robots_status_semantics(status, outcome, verdict):
    result = FetchResult(url="http://h/robots.txt", outcome=outcome, status=status,
                         body=b"User-agent: *\nDisallow: /\nCrawl-delay: 3\n")
    rules = rules_from(result, UA)
    assert rules.verdict == verdict
    assert rules.allowed("http://h/a", UA) is (verdict == "allow_all")   # the body says Disallow: /
    if verdict == "rules":
        assert rules.crawl_delay == 3.0


def test_robots_error_page_never_parsed_as_rules():
    # a 500 page that happens to contain an Allow line must not open the site
    rules = rules_from(FetchResult(url="u", outcome="http_5xx", status=500, body=b"User-agent: *\nAllow: /\n"), UA)
    assert not rules.allowed("http://h/a", UA)


BASE = "http://news.example"


def test_rss_atom_and_sitemaps_parse_with_dates():
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><item><link>/a?utm_source=x</link>'
           b"<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item><item><guid>http://news.example/b</guid></item>"
           b"</channel></rss>")
    listing = parse_listing(rss, BASE + "/feed/")
    assert [e.url for e in listing.entries] == [BASE + "/a", BASE + "/b"]
    assert listing.entries[0].date == datetime(2024, 5, 1, 10, tzinfo=timezone.utc)
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="http://news.example/c"/>'
            b"<updated>2024-05-02T00:00:00+02:00</updated></entry></feed>")
    entry = parse_listing(atom, BASE).entries[0]
    assert entry.url == BASE + "/c" and entry.date == datetime(2024, 5, 1, 22, tzinfo=timezone.utc)
    news = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://news.example/d</loc>'
            b"<news:news><news:publication_date>2024-05-03</news:publication_date></news:news></url></urlset>")
    entry = parse_listing(gzip.compress(news), BASE).entries[0]   # gzipped as served for .xml.gz
    assert entry.url == BASE + "/d" and entry.date.day == 3
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml.gz</loc>'
             b"</sitemap></sitemapindex>")
    assert [s.url for s in parse_listing(index, BASE).sitemaps] == [BASE + "/s1.xml.gz"]
    with pytest.raises(NotAFeed):
        parse_listing(b"<html><body>hi</body></html>", BASE)


def test_billion_laughs_is_inert():
    start = time.monotonic()
    try:
        listing = parse_listing(BILLION_LAUGHS % {b"base": BASE.encode()}, BASE)
        assert all(len(e.url) < 200 for e in listing.entries)
    except NotAFeed:
        pass   # refusing the document is as good as not expanding it
    assert time.monotonic() - start < 1.0


def test_xxe_entities_not_resolved():
    listing = parse_listing(XXE % {b"base": BASE.encode()}, BASE)
    assert all("root:" not in e.url and "passwd" not in e.url for e in listing.entries)
    assert BASE + "/2024/05/plain/" in [e.url for e in listing.entries]


def test_follow_and_ignore_on_path_within_site():
    import re
    hosts = site_hosts(["https://www.ledger.example/"])
    follow, ignore = [re.compile(r"/20\d\d/\d\d/")], [re.compile("/tag/")]
    assert follows("https://ledger.example/2024/05/story/", hosts, follow, ignore)
    assert not follows("https://ledger.example/about/", hosts, follow, ignore)
    assert not follows("https://ledger.example/tag/2024/05/", hosts, follow, ignore)
    assert not follows("https://other.example/2024/05/story/", hosts, follow, ignore)


GOOD = """data_dir = "data"
user_agent = "newsbot/1.0 (+mailto:ops@example.org)"
delay = 1.0

[[sites]]
name = "coastal"
start_urls = ["https://coastal.example/"]
follow = ['/20\\d\\d/']
max_pages = 10
"""


def _config_error(tmp_path, text) -> ConfigError:
    path = tmp_path / "sites.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    assert info.value.path == str(path)
    return info.value


def test_good_config_loads(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(GOOD)
    config = load_config(str(path))
    assert config.data_dir == str(tmp_path / "data")
    assert config.sites[0].max_pages == 10 and config.sites[0].delay == 1.0


@pytest.mark.parametrize("old, new, line, key", [
    ("max_pages = 10", "max_pages = 'ten'", 9, "sites[0].max_pages"),
    ("follow = ['/20\\d\\d/']", "follow = ['/20(\\d\\d/']", 8, "sites[0].follow"),
    ("delay = 1.0", "delay = -1", 3, "delay"),
    ("max_pages = 10", "max_pagez = 10", 9, "sites[0].max_pagez"),
    ('start_urls = ["https://coastal.example/"]', 'start_urls = ["ftp://coastal.example/"]', 7, "sites[0].start_urls"),
    ('user_agent = "newsbot/1.0 (+mailto:ops@example.org)"', 'user_agent = "newsbot"', 2, "user_agent"),
    ("delay = 1.0", "delay = 1.0 1", 3, "(syntax)"),
])
def test_bad_config_names_file_line_and_key(tmp_path, old, new, line, key):
    err = _config_error(tmp_path, GOOD.replace(old, new))
    assert (err.line, err.key) == (line, key)
    assert str(err).startswith(f"{tmp_path / 'sites.toml'}:{line}: {key}: ")


def test_run_lock_is_exclusive(tmp_path):
    first, second = RunLock(str(tmp_path)), RunLock(str(tmp_path))
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


@pytest.mark.parametrize("body, binary", [
    (b"%PDF-1.4 x", True), (b"\x89PNG\r\n", True), (b"  \x1f\x8b\x08\x00", True), (b"<html>" + bytes(500), True),
    (b"<p>plain text</p>" * 50, False), ("<p>caf\u00e9 \u4e2d\u6587</p>".encode() * 20, False),
    (b"<p>tab\tand\r\nnewlines</p>", False)])
def test_binary_sniff_shared_by_fetcher_and_cleaner(body, binary):
    from cleaners.sniff import looks_binary
    assert looks_binary(body) is binary


def test_shipped_example_config_is_valid():
    import os
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    config = load_config(os.path.join(root, "sites.example.toml"))
    assert [s.name for s in config.sites] == ["coastal", "harbour"]
    assert config.sites[1].delay == 5.0 and config.sites[0].delay == 1.0 and not config.allow_private


def test_scheduler_paces_each_host_start_to_start_and_runs_hosts_side_by_side():
    import threading
    import time

    from scraper.scheduler import Scheduler

    starts: dict[str, list[float]] = {"a": [], "b": []}
    lock = threading.Lock()

    class Sent:   # what the fetcher reports: when the request really went out
        def __init__(self, task, at):
            self.task, self.last_request_at = task, at

    def execute(task):
        with lock:
            at = time.monotonic()
            starts[task[0]].append(at)
        time.sleep(0.01)
        return Sent(task, at)

    handled = []
    scheduler = Scheduler(workers=4)
    for key, delay in (("a", 0.1), ("b", 0.05)):
        host, new = scheduler.host(key, delay)
        assert new
        for i in range(4):
            scheduler.add(host, (key, i))
    began = time.monotonic()
    scheduler.run(execute, lambda host, task, result: handled.append(result.task), lambda host, task: True)
    elapsed = time.monotonic() - began
    assert sorted(handled) == [(k, i) for k in "ab" for i in range(4)]
    for key, delay in (("a", 0.1), ("b", 0.05)):
        gaps = [y - x for x, y in zip(starts[key], starts[key][1:])]
        assert min(gaps) >= delay, (key, gaps)     # handed over early, never started before its turn
    assert elapsed < 0.3 + 0.25, elapsed                     # the hosts did not wait for each other


def test_warc_records_pass_warcio_digest_checks_and_read_back_at_their_offset(tmp_path):
    import io

    from warcio.archiveiterator import ArchiveIterator

    from scraper.archive import WarcBatch, read_page, warc_records
    from scraper.http import FetchResult

    pages = []
    for i, body in enumerate(["<html><p>caf\u00e9</p></html>".encode(), b"<html>" + bytes(range(256)) + b"</html>"]):
        r = FetchResult(url=f"http://site.test/{i}", outcome="ok", final_url=f"http://site.test/{i}?q=\u00e9")
        r.body, r.status, r.fetched_at = body, 200, "2024-05-01T10:00:00Z"
        # a header value holding a line break must not end the header block
        r.headers = {"content-type": "text/html", "content-encoding": "gzip", "x-odd": "a\r\nb: c"}
        r.request_headers = {"User-Agent": "bot"}
        pages.append(r)
    data = b"".join(warc_records(r) for r in pages)
    records = list(ArchiveIterator(io.BytesIO(data), check_digests="raise"))
    assert [rec.rec_type for rec in records] == ["response", "request"] * 2
    assert records[1].rec_headers.get_header("WARC-Concurrent-To") == records[0].rec_headers.get_header("WARC-Record-ID")
    assert records[0].http_headers.get_header("x-archive-orig-content-encoding") == "gzip"
    assert records[0].http_headers.get_header("x-odd") == "a b: c"

    batch = WarcBatch(str(tmp_path), "batch.warc.gz")
    offsets = [batch.add(warc_records(r)) for r in pages]
    assert batch.commit() == "batch.warc.gz"
    for r, offset in zip(pages, offsets):
        page = read_page(str(tmp_path / "batch.warc.gz"), offset)
        assert page.body == r.body and page.url == r.final_url and page.fetched_at == "2024-05-01T10:00:00Z"
        assert page.headers["content-type"] == "text/html"
