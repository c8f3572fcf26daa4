"""Generic page-shape features for telling one article from other pages (listings, products,
forums, docs, service pages). Markup semantics and shape only: no site names."""
from __future__ import annotations

import math
import re
from collections import Counter
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .blocks import BlockStats, link_density, text_content, values_matching
from .rules import LISTING_TITLE_WORDS
from .metadata import ARTICLE_TYPES, PageMeta
from .page_words import HEADINGS, page_words, word_features
from .prune import find_main
from .segment import Segments

OTHER_TYPES = {"product", "productgroup", "offer", "aggregateoffer", "discussionforumposting", "qapage",
               "collectionpage", "itemlist", "searchresultspage", "softwareapplication", "service", "event",
               "profilepage", "store", "localbusiness", "course", "jobposting", "product.group", "contactpage",
               "aboutpage", "ebay-objects:item", "itempage"}
URL_DATE = re.compile(r"/(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]|$)|/(19|20)\d\d(0[1-9]|1[0-2])\d\d")
URL_TOKENS = {
    "url_listing": re.compile(r"/(category|categories|tag|tags|topics?|archives?|page/\d+|search|author|section|latest|news/?$|blog/?$)(/|$)", re.I),
    "url_product": re.compile(r"/(products?|shop|store|p|dp|item|items|collections?|catalog|buy|pricing|plans?)(/|$)", re.I),
    "url_forum": re.compile(r"/(forums?|threads?|t|topic|topics|community|questions|discussions?|board|r/\w+/comments)(/|$)", re.I),
    "url_docs": re.compile(r"/(docs?|documentation|reference|api|manual|guides?|wiki|help|support|kb|learn|tutorials?)(/|$)", re.I),
}
URL_SERVICE = re.compile(r"/(services?|solutions?|pricing|features|about(-us)?|contact(-us)?|careers|industries|"
                         r"platform|products?|company|team|locations?|book|demo|get-started|signup|login)(/|$)", re.I)
# CTA, DOCS_PHRASES and CART are matched against lower-cased text: Python's re is several times
# slower with re.I on patterns like these (no fast scan for the first character)
CTA = re.compile(r"get started|contact us|request a (demo|quote)|book a (demo|call|consultation)|get a (quote|demo)|"
                 r"free trial|start your|schedule a|talk to (sales|an expert)|shop now|learn more|sign up free")
PRICE_TEXT = re.compile(r"[$€£¥]\s?\d|\d\s?(€|eur|usd)\b", re.I)
# a price needs one of these in the lower-cased text ("ſ": re.I matches it for "s"): half the pages have none,
# and a few substring searches cost less than the pattern's scan of every character
PRICE_NEEDS = ("$", "€", "£", "¥", "eur", "usd", "ſ")
WE_OUR_WORDS = ("we", "our", "us")   # as \w+ words: "we're" and "we've" count as "we"
# a service page talks to its reader ("your business", "you can"); a report talks about others (English only:
# measured on the dev corpora by site-held-out cross-validation, bench/fit_page_kind.py)
YOU_YOUR_WORDS = ("you", "your", "yours")
WORDS = re.compile(r"\w+")
USER_MARK_WORDS = ("avatar", "username", "user-name", "userinfo", "user-info", "postbit", "poster", "post-author",
                   "message-user", "reputation", "joined")
USER_MARK = re.compile(r"(?<![a-z])(" + "|".join(USER_MARK_WORDS) + r")(?![a-z])")   # lower case: re.I made it 2x slower
DOCS_PHRASES = re.compile(r"on this page|edit this page|edit on github|table of contents|was this page helpful|"
                          r"next steps|prerequisites")
COUNTED_TAGS = ("pre", "h1", "h2", "h3", "time", "article", "form", "input", "select", "table")
PRICE_PROPS = {"price", "offers", "pricecurrency", "lowprice", "availability"}
# attribute values as plain strings: no Python object for each element that carries one
ITEMPROPS = etree.XPath("descendant::*/@itemprop", smart_strings=False)
ITEMTYPES = etree.XPath("descendant::*/@itemtype", smart_strings=False)
CLASSES = etree.XPath("descendant-or-self::*/@class", smart_strings=False)
CART = re.compile(r"add[ -]to[ -](cart|basket|bag)|in den warenkorb|ajouter au panier|añadir al carrito|buy now")


def microdata_types(tree: HtmlElement) -> set[str]:
    """The schema.org types the page's microdata declares ("https://schema.org/DiscussionForumPosting" as
    "discussionforumposting"): forum software and shops mark their posts and offers so, where JSON-LD is rarer.
    Read here, not with the page's metadata, as only the page-kind verdict asks for them."""
    return {url.rstrip("/").rsplit("/", 1)[-1].lower() for value in ITEMTYPES(tree) for url in value.split()
            if "schema.org/" in url}


def user_marks(classes: list[str]) -> int:
    """How many elements' class names mark a forum post's user box (any case)."""
    return user_marks_lower([c.lower() for c in classes])


def user_marks_lower(classes: list[str]) -> int:
    """user_marks of class values already lower-cased."""
    return len(values_matching(USER_MARK, classes, USER_MARK_WORDS))


def _lower_classes(root: HtmlElement, meta: PageMeta) -> list[str]:
    """The class values of root and all under it, lower-cased: those under <body> as metadata read them."""
    if root.tag == "body" and meta.body_classes is not None:
        own = root.get("class")
        return meta.body_classes if own is None else [own.lower(), *meta.body_classes]
    return [value.lower() for value in CLASSES(root)]


def word_count(text: str, lower: str, lower_words: list[str]) -> int:
    """len(WORDS.findall(text)), given text.lower() and its words. Where lower() maps the text character for
    character (the same length), every character stays a word character or not (true of every code point,
    tests/test_speed_equivalence.py), so the words of both are as many: no second scan."""
    return len(lower_words) if len(lower) == len(text) else len(WORDS.findall(text))


def _log(x: float) -> float:
    return math.log1p(max(x, 0))


def page_features(tree: HtmlElement, root: HtmlElement, stats: dict[HtmlElement, BlockStats], meta: PageMeta,
                  segments: Segments, words_model: dict | None = None) -> dict[str, float]:
    """The page's features for the page-kind trees; with the words model, its probabilities as well
    (`words_<type>`, cleaners/page_words.py)."""
    s = stats[root]
    main = find_main(root, stats)
    ms = stats[main] if main is not None else s
    try:
        parts = urlsplit(meta.url or "")
        path = parts.path or ""
    except ValueError:
        path = ""
    segs = [p for p in path.split("/") if p]
    slug = segs[-1] if segs else ""
    price = sum(1 for prop in ITEMPROPS(root) if prop.lower() in PRICE_PROPS)
    buttons = " ".join(text_content(b)[:40] for b in root.iter("button", "a") if len(b) < 4)[:20000]
    buttons_lower = buttons.lower()
    counted = list(root.iter(*COUNTED_TAGS))   # one walk for all the counts and the headings' words
    tags = Counter(el.tag for el in counted)
    f = {
        "article_type": float(bool(meta.types & ARTICLE_TYPES)),
        "other_type": float(bool((meta.types | microdata_types(tree)) & OTHER_TYPES)),
        "date": float(bool(meta.date_publish)),
        "authors": float(bool(meta.authors)),
        "main_text": _log(ms.text),
        "main_paragraphs": _log(ms.paragraphs),
        "main_link_density": link_density(ms),
        "page_link_density": link_density(s),
        "main_share": ms.text / s.text if s.text else 0.0,
        "cards": _log(segments.cards),
        "outside_paragraphs": _log(s.paragraphs - segments.card_paragraphs),
        "card_text_share": segments.card_text / s.text if s.text else 0.0,
        "teasers": _log(segments.teasers),
        "headline_links": _log(segments.headline_links),
        "url_known": float(bool(segs) or bool(meta.url)),
        "url_date": float(bool(URL_DATE.search(path))),
        "url_depth": min(len(segs), 6) / 6,
        "slug_words": min(len(re.findall(r"[a-z0-9]+", slug.lower())) if "-" in slug or "_" in slug else 0, 12) / 12,
        "code_blocks": _log(tags["pre"]),
        "price": _log(price),
        "cart": float(bool(CART.search(buttons_lower))),
        "h1": min(tags["h1"], 3) / 3,
        "time_elements": _log(tags["time"]),
        "article_elements": _log(tags["article"]),
        "forms": _log(tags["form"]),
        "inputs": _log(tags["input"] + tags["select"]),
        "tables": _log(tags["table"]),
    }
    for name, pattern in URL_TOKENS.items():
        f[name] = float(bool(pattern.search(path)))
    main_box = main if main is not None else root
    # code inline in the prose ("call `fetch()` with…") marks documentation: 80% of its pages, 5% of articles
    f["code_inline"] = _log(sum(1 for code in main_box.iter("code") if getattr(code.getparent(), "tag", None) != "pre"))
    main_words = main_box.text_content()[:20000]
    main_lower = main_words.lower()
    lower_words = WORDS.findall(main_lower)
    n_words = max(word_count(main_words, main_lower, lower_words), 1)
    f["homepage"] = float(bool(meta.url) and len(segs) == 0)
    f["url_service"] = float(bool(URL_SERVICE.search(path)))
    f["cta"] = _log(len(CTA.findall(buttons_lower)))
    f["price_text"] = (_log(len(PRICE_TEXT.findall(main_words)))
                       if any(needed in main_lower for needed in PRICE_NEEDS) else 0.0)
    # whole words, counted on one scan of the words
    word_counts = Counter(lower_words)
    f["we_our"] = min(sum(map(word_counts.__getitem__, WE_OUR_WORDS)) / n_words * 20, 1.0)
    f["you_your"] = sum(map(word_counts.__getitem__, YOU_YOUR_WORDS)) / n_words * 20
    f["user_marks"] = _log(user_marks_lower(_lower_classes(root, meta)))
    f["docs_phrases"] = _log(len(DOCS_PHRASES.findall(buttons_lower + " " + main_words[:3000].lower())))
    title_words = WORDS.findall((meta.title or "").casefold())
    f["title_words"] = min(len(title_words), 20) / 20
    f["listing_title"] = float(len(title_words) <= 8 and any(w in LISTING_TITLE_WORDS for w in title_words))
    if words_model:
        f.update(word_features(page_words(tree, meta, (el for el in counted if el.tag in HEADINGS)), words_model))
    return f
