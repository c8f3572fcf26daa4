"""The two typed records that carry data through the pipeline: a raw page in, article records out."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class RawPage:
    """One fetched or saved page, exactly as it came: bytes plus where and when it came from."""

    body: bytes
    source: str                      # input path as given, "dump.warc.gz@1234" or the fetched URL
    url: str | None = None           # the URL the page was served at (WARC target, fetch URL)
    headers: dict[str, str] = field(default_factory=dict)   # HTTP headers, lower-case names
    fetched_at: str | None = None    # ISO 8601, from WARC-Date or the fetch clock


# Field order is the JSONL column order; the schema in cleaners/article.schema.json mirrors it.
@dataclass
class Article:
    id: str
    url: str | None
    source: str
    source_domain: str | None
    site_name: str | None
    title: str | None
    authors: list[str]
    date_publish: str | None
    date_modify: str | None
    date_download: str | None
    language: str | None
    description: str | None
    text: str
    topics: list[str]
    image_url: str | None
    word_count: int
    content_hash: str
    page_articles: int
    page_index: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Removal:
    """One block the cleaner took out, with the named rule or signal that took it."""

    reason: str        # e.g. "related-list", "comment-form", "link-density 0.82"
    text: str          # the visible text removed (shortened for reports)


@dataclass
class PageResult:
    """What cleaning one page gave: its articles, or the reason it gave none."""

    source: str
    articles: list[Article] = field(default_factory=list)
    skip_reason: str | None = None   # "listing", "empty", "not_html", "too_large", "timeout", ...
    removals: list[Removal] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)   # broken markup mended so the article could be read
    article_probability: float | None = None   # the page-kind model's verdict, when it was asked
    article_signals: dict[str, float] = field(default_factory=dict)   # its strongest pushes, in log-odds
    likeliest_other_kind: tuple[str, float] | None = None   # the page type it found likeliest after an article
    page_rule: str | None = None   # the rule that settled the page's kind without the model ("teaser-feed")
