"""What to fetch: entries of RSS/Atom feeds and sitemaps (with their dates), links of pages.

XML is parsed with entity expansion, DTD loading and network access off and huge trees
refused, so billion-laughs and XXE documents are inert: entities stay unexpanded."""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from .urls import BadURL, canonical_url


@dataclass(frozen=True)
class Entry:
    url: str
    date: datetime | None = None       # published/updated/lastmod, UTC; None when not given


@dataclass
class Listing:
    kind: str                           # "rss", "atom", "urlset", "sitemapindex" or "unknown"
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[Entry] = field(default_factory=list)   # children of a sitemap index


class NotAFeed(ValueError):
    pass


def safe_xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           dtd_validation=False, recover=False, remove_comments=True)


def gunzip_bounded(body: bytes, max_bytes: int) -> bytes:
    """A gzipped sitemap (.xml.gz served as-is), decompressed no further than max_bytes."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(body, max_bytes + 1)
    if len(out) > max_bytes:
        raise NotAFeed(f"gzipped document over {max_bytes} bytes")
    return out


def parse_date(text: str | None) -> datetime | None:
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(text)     # RSS uses RFC 822 dates
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(el, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def _find_text(el, name: str) -> str | None:
    for sub in el.iter():
        if _local(sub.tag) == name and sub.text and sub.text.strip():
            return sub.text.strip()
    return None


def parse_listing(body: bytes, base_url: str, max_bytes: int = 50 * 1024 * 1024) -> Listing:
    if body[:2] == b"\x1f\x8b":
        body = gunzip_bounded(body, max_bytes)
    try:
        root = etree.fromstring(body.lstrip(), parser=safe_xml_parser())
    except etree.XMLSyntaxError as err:
        raise NotAFeed(f"not XML: {err}") from None
    if root is None:
        raise NotAFeed("empty document")
    kind = _local(root.tag)
    listing = Listing(kind=kind if kind in ("rss", "feed", "urlset", "sitemapindex", "rdf") else "unknown")
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":                                   # RSS 2.0 and RSS 1.0 (RDF)
            link = _child_text(el, "link")
            guid = next((c for c in el if _local(c.tag) == "guid"), None)
            if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
                link = (guid.text or "").strip()
            if not link:
                link = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            date = _child_text(el, "pubdate", "date", "updated", "modified")
            _add(listing.entries, link, date, base_url)
        elif name == "entry" and kind == "feed":             # Atom
            link = None
            for child in el:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate" and child.get("href"):
                    link = child.get("href")
                    break
            _add(listing.entries, link, _child_text(el, "updated", "published"), base_url)
        elif name == "url" and kind == "urlset":             # sitemap, incl. Google News
            date = _find_text(el, "publication_date") or _child_text(el, "lastmod")
            _add(listing.entries, _child_text(el, "loc"), date, base_url)
        elif name == "sitemap" and kind == "sitemapindex":
            _add(listing.sitemaps, _child_text(el, "loc"), _child_text(el, "lastmod"), base_url)
    if listing.kind == "unknown" and not listing.entries:
        raise NotAFeed(f"not a feed or sitemap (root element {kind!r})")
    return listing


def _add(entries: list[Entry], link: str | None, date: str | None, base_url: str) -> None:
    if not link:
        return
    try:
        url = canonical_url(urljoin(base_url, link.strip()))
    except BadURL:
        return
    entries.append(Entry(url, parse_date(date)))


def page_links(body: bytes, page_url: str) -> list[str]:
    """Canonical http(s) links of an HTML page, in page order, without repeats."""
    from cleaners.decode import decode_html
    text, _ = decode_html(body, {})
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    base = tree.find(".//base[@href]")
    base_url = urljoin(page_url, base.get("href")) if base is not None else page_url
    links: dict[str, None] = {}
    for a in tree.iterfind(".//a[@href]"):
        href = a.get("href", "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        try:
            links[canonical_url(urljoin(base_url, href))] = None
        except (BadURL, ValueError):
            continue
    return list(links)


def site_hosts(urls: list[str]) -> set[str]:
    """Host names a site lives on, with and without 'www.'."""
    hosts = set()
    for url in urls:
        host = (urlsplit(url).hostname or "").lower()
        if host:
            hosts |= {host, host.removeprefix("www."), "www." + host.removeprefix("www.")}
    return hosts


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def ignored(url: str, ignore: list[re.Pattern]) -> bool:
    path = _path(url)
    return any(p.search(path) for p in ignore)


def follows(url: str, hosts: set[str], follow: list[re.Pattern], ignore: list[re.Pattern]) -> bool:
    """Whether a link found on a page is worth queueing: within the site, matching a follow
    pattern (when there are any), matching no ignore pattern. Patterns apply to the path."""
    if (urlsplit(url).hostname or "") not in hosts or ignored(url, ignore):
        return False
    return not follow or any(p.search(_path(url)) for p in follow)
