"""clean_page: raw page -> decoded text -> tree -> segments -> pruned segments -> text -> records.

Each step is a small function in its own module; this one only wires them in order and
decides when a page gives no record (and says why)."""
from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Callable
from itertools import islice
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .blocks import LONG_PARAGRAPH, as_read, measure, word_key
from .classify import page_kind
from .collapsed import collapsed_prose, show
from .dates import iso_date
from .decode import decode_html
from .extract import (FastPass, extract_body, keep_prose_boxes, keep_quotations, keep_text_after_boxes,
                      segment_document, split_on_blocks, with_list_markers)
from .metadata import (PageMeta, byline_authors, names_only_the_site, page_metadata, printed_byline_authors,
                       search_page_date)
from .mojibake import looks_double_encoded, repair_tree
from .paragraphs import clean_paragraphs
from .post_meta import post_metadata
from .parse import MAX_ELEMENTS, TooDeep, UnparsablePage, count_elements, parse_html
from .prune import Pruner, open_boxes, unname_heading_anchors
from .recipe import with_ingredients
from .records import Article, PageResult, RawPage, Removal
from .recover import recover_dropped, with_lead
from .segment import find_segments
from .sniff import looks_binary
from .streamed import place_streamed_parts

MAX_PAGE_BYTES = 10 * 1024 * 1024
MIN_TEXT_CHARS = 80
FALLBACK_SHARE = 0.5   # below this share of the measured main text, trafilatura's fallbacks are tried
PAGE_FALLBACK_SHARE = 0.1   # ... or below this share of all the page's non-link text (main block not found)
ARTICLE_BODY_RATIO = 3   # a declared articleBody this many times the extracted text replaces it
MARKUP_IN_TEXT = re.compile(r"<[a-zA-Z/!][^>]*>|\[#?image:|^#{1,6} |\|\|\|", re.M)   # HTML or a CMS's markup
WORD = re.compile(r"\w+")
# one word per ideograph or kana: CJK text has no spaces to count
CJK_OR_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def content_hash(text: str) -> str:
    return hashlib.sha256(word_key(text).encode("utf-8")).hexdigest()


def article_id(page: RawPage, url: str | None, index: int) -> str:
    key = f"{url or page.source}#{index}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def clean_page(page: RawPage, max_bytes: int = MAX_PAGE_BYTES) -> PageResult:
    """One page's articles, or the reason it gave none. Python's cyclic garbage collector waits until the
    page is done: measuring a tree makes an object per element, which set it off dozens of times a page
    (3% of cleaning time) while freeing almost nothing (reference counting frees a page's objects)."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _clean_page(page, max_bytes)
    finally:
        if paused:
            gc.enable()


def _clean_page(page: RawPage, max_bytes: int) -> PageResult:
    result = PageResult(source=page.source)
    if not page.body.strip():
        result.skip_reason = "empty"
        return result
    if len(page.body) > max_bytes:
        result.skip_reason = "too_large"
        return result
    if looks_binary(page.body):
        result.skip_reason = "not_html"
        return result
    text, _ = decode_html(page.body, page.headers)
    try:
        tree = parse_html(text, result.repairs)
    except TooDeep:
        result.skip_reason = "too_deep"
        return result
    except UnparsablePage:
        result.skip_reason = "not_html"
        return result
    if count_elements(tree) > MAX_ELEMENTS:
        result.skip_reason = "too_large"
        return result
    if looks_double_encoded(page.body):
        repair_tree(tree)
    result.repairs += place_streamed_parts(tree, text)
    result.repairs += unname_heading_anchors(tree)
    meta = page_metadata(tree, page.url, search_text=False)   # the text search waits for page_kind
    body = tree.find("body")
    root = body if body is not None else tree
    stats = measure(root)
    segments = find_segments(root, stats)
    main = None   # the block holding the article's paragraphs, found by the pruning of a single article
    if segments.posts:
        search_page_date(tree, meta)   # the post the page is about takes the page's date
        drafts = [_segment_draft(post, meta, page) for post in segments.posts]
    elif segments.teaser_feed:   # posts whose summaries all link to their stories: a listing, whatever else it has
        result.skip_reason, result.page_rule = "listing", "teaser-feed"
        return result
    else:
        kind, result.article_probability, result.article_signals, result.likeliest_other_kind = page_kind(
            tree, root, stats, meta, segments)
        if kind != "article":
            result.skip_reason = kind
            return result
        pruner = Pruner(root, stats)
        result.repairs += pruner.read_layout_tables()
        if pruner.main is not None:   # before the pruning: an accordion's buttons are its headings
            result.repairs += show(collapsed_prose(pruner.main, stats))
        result.removals += pruner.run()
        if pruner.main is not None:
            result.repairs += keep_quotations(pruner.main)
            result.repairs += keep_prose_boxes(pruner.main, stats)
        result.repairs += keep_text_after_boxes(root)   # the whole page: trafilatura may pick another container
        if not meta.authors:
            meta.authors = byline_authors(root)
        elif names_only_the_site(meta.authors, meta.site_name, meta.url):
            # the CMS names the site; a byline printed on the page names the person (trafilatura's byline
            # markup rules are not asked here: on such pages they find category lists and "Full Bio" links)
            meta.authors = printed_byline_authors(root) or meta.authors
        expected_chars = pruner.main_text
        page_prose = stats[root].text - stats[root].link_text
        main = pruner.main
        drafts = [(tree, meta)]
    for index, (doc, seg_meta) in enumerate(drafts):
        removals: list[Removal] = []
        if doc is not tree:
            pruner = Pruner(doc.find("body"))
            removals += pruner.run()
            expected_chars, page_prose = pruner.main_text, 0
        body_text = _extract(doc, seg_meta.url, expected_chars, page_prose, pruner.swallowing_boxes, result.repairs)
        if doc is tree and _hidden_body(body_text, meta.article_body):
            result.repairs.append(f"took the page's JSON-LD articleBody ({len(meta.article_body)} characters): "
                                  f"its HTML shows {len(body_text)}")
            body_text = meta.article_body
        body_text = split_on_blocks(body_text, doc)
        if doc is tree:
            body_text, took = with_ingredients(body_text, meta.recipe_ingredients, meta.recipe_steps)
            result.repairs += [took] if took else []
            if main is not None:   # the list items trafilatura took as plain paragraphs (its wild-text pass, fallbacks)
                body_text = with_list_markers(body_text, main)
            body_text = with_lead(recover_dropped(body_text, main, stats), meta.lead)
        titles = [seg_meta.title, meta.headline if doc is tree else None]
        paragraphs = clean_paragraphs(body_text, titles, seg_meta.authors, seg_meta.topics, removals)
        if doc is tree and meta.standfirst and not seg_meta.description:
            seg_meta.description = meta.standfirst
        if doc is tree and meta.shown_headline:
            seg_meta.title = meta.shown_headline   # after the text's clean-up, which drops repeats of either title
        result.removals += removals
        article_text = "\n\n".join(paragraphs)
        if len(article_text) < MIN_TEXT_CHARS and not segments.posts:
            result.skip_reason = "no_text"
            return result
        if article_text:
            result.articles.append(_article(page, seg_meta, article_text, index))
    for i, art in enumerate(result.articles):
        art.page_articles, art.page_index = len(result.articles), i
    if not result.articles:
        result.skip_reason = "no_text"
    return result


def _extract(doc: HtmlElement, url: str | None, expected_chars: int, page_prose: int,
             swallowing_boxes: Callable[[], list[HtmlElement]], repairs: list[str]) -> str:
    """trafilatura's fast extraction; where it missed much of the text our measure found, two more
    tries, the longest text kept: with the boxes that swallowed the article opened (changing the tree),
    then with trafilatura's fallback extractors (readability, justext)."""
    memo = FastPass()   # the fallback try runs trafilatura's main extractor again: on the tree of the last fast try
    text = extract_body(doc, url, memo=memo)
    if not (len(text) < FALLBACK_SHARE * expected_chars or len(text) < PAGE_FALLBACK_SHARE * page_prose):
        return text
    swallowing = swallowing_boxes()   # looked for only here: most pages never come back short
    if swallowing:
        repairs += open_boxes(swallowing)
        text = max(text, extract_body(doc, url, memo=memo), key=len)
    fuller = extract_body(doc, url, fast=False, memo=memo)
    return _with_missed_opening(text, fuller, doc) if len(fuller) > len(text) else text


def _with_missed_opening(first: str, fuller: str, doc: HtmlElement) -> str:
    """The fuller text of the fallback extractors, with the lines of the first try it lacks put in front
    when they all stand before its opening on the page and are mostly prose: readability and justext pick
    the body's largest block and can leave out the intro above it."""
    fuller_key = word_key(fuller)
    missed = [line for line in first.split("\n") if line.strip() and word_key(line) not in fuller_key]
    if not missed:
        return fuller
    page_key = word_key(doc.text_content())
    opening = page_key.find(word_key(next(line for line in fuller.split("\n") if line.strip())))
    at = [page_key.find(word_key(line)) for line in missed]
    if opening < 0 or any(a < 0 or a >= opening for a in at):
        return fuller
    if 2 * sum(len(line) for line in missed if len(line) >= LONG_PARAGRAPH) < sum(map(len, missed)):
        return fuller   # mostly short lines: a subscription offer's price list, not an intro
    return "\n".join(missed) + "\n" + fuller


def _hidden_body(shown: str, declared: str | None) -> bool:
    """The page's JSON-LD articleBody is several times what its HTML shows: the text sits behind a paywall
    overlay or a script, and the declared text is the article -- when it is plain text (some CMSs put their
    HTML or their own markup there)."""
    return bool(declared) and len(declared) >= ARTICLE_BODY_RATIO * max(len(shown), MIN_TEXT_CHARS) \
        and not MARKUP_IN_TEXT.search(declared)


def _segment_draft(post: HtmlElement, page_meta: PageMeta, page: RawPage) -> tuple[HtmlElement, PageMeta]:
    return segment_document(post), post_metadata(post, page_meta, page.url or page_meta.url)


def _opening(text: str) -> list[str]:
    """The first 12 words (WORD.findall(...)[:12]), without finding the rest of the article's."""
    return [match.group() for match in islice(WORD.finditer(text.casefold()), 12)]


def _article(page: RawPage, meta: PageMeta, text: str, index: int) -> Article:
    url = meta.url
    try:
        domain = urlsplit(url or page.url or "").hostname
    except ValueError:
        domain = None
    description = meta.description and as_read(meta.description)
    opening = _opening(text)
    if description and _opening(description) == opening and not (meta.standfirst and _opening(meta.standfirst) == opening):
        description = None   # only the first paragraph again (a standfirst is the page's own summary: it stays)
    return Article(
        id=article_id(page, url, index), url=url, source=page.source,
        source_domain=domain.removeprefix("www.") if domain else None,
        site_name=meta.site_name and as_read(meta.site_name),
        title=meta.title and as_read(meta.title), authors=[as_read(a) for a in meta.authors],
        date_publish=meta.date_publish, date_modify=meta.date_modify,
        date_download=iso_date(page.fetched_at) if page.fetched_at else None, language=meta.language,
        description=description, text=text, topics=[as_read(t) for t in meta.topics], image_url=meta.image_url,
        word_count=len(CJK_OR_WORD.findall(text)), content_hash=content_hash(text), page_articles=1, page_index=0)
