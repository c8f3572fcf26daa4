"""Is this page one article, or a listing / other page that should give no record?

Signals are markup semantics and page shape, not site names: schema.org and Open Graph types,
a publish date, teaser cards, linked headlines, and how much of the text sits in paragraphs."""
from __future__ import annotations

from lxml.html import HtmlElement

from .blocks import BlockStats
from .metadata import ARTICLE_TYPES, PageMeta
from .segment import Segments

LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage", "website", "product", "productgroup",
                 "offer", "faqpage", "qapage", "discussionforumposting", "profilepage", "store", "event"}


def page_kind(tree: HtmlElement, root: HtmlElement, stats: dict[HtmlElement, BlockStats], meta: PageMeta,
              segments: Segments, url: str | None) -> str:
    """'article', or the skip reason: 'listing'."""
    s = stats[root]
    article_marked = bool(meta.types & ARTICLE_TYPES)
    long_paragraphs = s.paragraphs
    teaser_heavy = segments.teasers >= 4 or segments.headline_links >= 6
    if teaser_heavy and not article_marked and long_paragraphs < 3 + segments.teasers // 2:
        return "listing"
    return "article"
