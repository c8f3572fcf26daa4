"""trafilatura's hottest XPath selectors, written as Python walks that select the same elements.

Their `re:test()` predicates make libxml2 call back into Python once per element and regex: a tenth of
all cleaning time. Here each candidate element's attributes are read once and tested with the very
regexes trafilatura wrote (taken from its own token tuples). A selector replaces its XPath only while
the XPath's text is the one these walks were written against (SELECTORS keys it by a hash of the text),
so a later trafilatura with other rules keeps its own XPaths. tests/test_trafilatura_selectors.py runs
both on the same trees.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from itertools import islice

from lxml import etree
from trafilatura import settings
from trafilatura import xpaths as X

Selector = Callable[[etree._Element], list]


def _first(items: list[tuple[str, str]], names: tuple[str, ...]) -> str:
    """XPath's string(@a|@b): the value of whichever of the attributes comes first in the source."""
    for key, value in items:
        if key in names:
            return value
    return ""


def _matches(tags: tuple[str, ...] | None, keep: Callable[[etree._Element, dict[str, str], list], bool],
             tree: etree._Element) -> Iterator:
    """The descendants with one of the tags (any tag: None) that keep() accepts, in document order. An
    element with no attributes matches none of these predicates."""
    for el in tree.iterdescendants(*tags) if tags else tree.iterdescendants(etree.Element):
        items = el.items()
        if items and keep(el, dict(items), items):
            yield el


def _walk(tags: tuple[str, ...] | None, keep) -> Selector:
    """`.//*[self::tag or ...][keep]`."""
    return lambda tree: list(_matches(tags, keep, tree))


ID_CLASS = ("id", "class")
ID_STYLE = ("id", "style")
BLOCKS = ("div", "item", "list", "p", "section", "span")

# OVERALL_DISCARD_XPATH[0]
_COOKIE = re.compile(X._alt(X._CONSENT_ID_CLASS_TOKENS))
_DISCARD_ID = re.compile(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_ID_TOKENS))
_DISCARD_CLASS = re.compile(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_CLASS_TOKENS))


def _overall_discard(el, a, items) -> bool:
    return ("data-lp-replacement-content" in a or "nav" in a.get("role", "").replace("N", "n")
            or "MostPopularStories" in a.get("data-component", "")
            or bool(_COOKIE.search(_first(items, ID_CLASS))) or bool(_DISCARD_ID.search(a.get("id", "")))
            or bool(_DISCARD_CLASS.search(a.get("class", ""))))


# OVERALL_DISCARD_XPATH[1]
_HIDDEN = re.compile("hidden")
_READER_ID = re.compile("reader-comments|akismet")
_HIDE_CLASS = re.compile("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print"
                         "| hidden| hide|noprint|notloaded")


def _hidden_or_reply(el, a, items) -> bool:
    style = a.get("style", "")
    return (a.get("class") == "comments-title" or _first(items, ID_CLASS).startswith("reply-")
            or bool(_HIDDEN.search(_first(items, ID_STYLE))) or "display:none" in style or "display: none" in style
            or bool(_READER_ID.search(a.get("id", ""))) or bool(_HIDE_CLASS.search(a.get("class", "")))
            or a.get("aria-hidden") == "true")


# REMOVE_COMMENTS_AND_LISTS_XPATH[0]
_COMMENTS_ID = re.compile(f"^(?:{X._COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENTS_ID_IN_LIST = re.compile(f"^(?:{X._COMMENTS_ID})")
_COMMENTS_CLASS = re.compile(X._COMMENTS_CLASS)


COMMENT_BOXES = ("div", "list", "section", "details", "ol", "ul")


def _comments(el, a, items) -> bool:
    ident, cls = a.get("id", ""), a.get("class", "")
    if not (_COMMENTS_ID.search(ident) or _COMMENTS_CLASS.search(cls)):
        return False
    return el.tag not in ("ol", "ul") or bool(_COMMENTS_ID_IN_LIST.search(ident) or _COMMENTS_CLASS.search(cls))


# RAW_TREE_PRUNE_XPATH[0] and [1]
_SCROLL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_MVP = re.compile("mvp-post-add-(?:box|wrap)")


def _appended_articles(el, a, items) -> bool:
    ident, cls = a.get("id", ""), a.get("class", "")
    if not (_SCROLL.search(ident) or _SCROLL.search(cls)):
        return False
    return next(el.iterdescendants("h1"), None) is None or bool(_MVP.search(ident) or _MVP.search(cls))


def _elementor_share(el, a, items) -> bool:
    return "elementor-share-buttons" in a.get("class", "")


# TEASER_DISCARD_XPATH[0], DISCARD_IMAGE_ELEMENTS[0]
def _teaser(el, a, items) -> bool:
    return "teaser" in a.get("id", "").replace("T", "t") or "teaser" in a.get("class", "").replace("T", "t")


def _caption(el, a, items) -> bool:
    return "caption" in a.get("id", "") or "caption" in a.get("class", "")


# BODY_XPATH[0], [2], [3]: trafilatura takes the first element each gives (in document order)
CONTAINERS = ("article", "div", "main", "section")
_ARTICLE_ID = re.compile(X._alt(X._ARTICLE_CONTENT_ID_TOKENS))
_ARTICLE_CLASS = re.compile(X._alt(X._ARTICLE_CONTENT_CLASS_TOKENS))
_STORY_ID = re.compile(X._alt(X._STORY_ID_TOKENS))
_FULLTEXT = re.compile("fulltext", re.I)
_STORY_CLASS = re.compile(X._alt(X._STORY_CLASS_TOKENS))
_MAIN_ID = re.compile(X._alt(X._MAIN_CONTENT_ID_TOKENS))
_MAIN_CLASS = re.compile(X._alt(X._MAIN_CONTENT_CLASS_TOKENS))


def _article_content(el, a, items) -> bool:
    cls, ident = a.get("class", ""), a.get("id", "")
    return (cls in ("post", "entry") or a.get("itemprop") == "articleBody" or ident == "articleContent"
            or bool(_ARTICLE_ID.search(ident)) or bool(_ARTICLE_CLASS.search(cls)))


def _story(el, a, items) -> bool:
    cls, ident = a.get("class", ""), a.get("id", "")
    return (a.get("role") == "article" or ident in ("article", "story")
            or cls in ("postarea", "art-postcontent", "text", "cell", "story") or bool(_STORY_ID.search(ident))
            or bool(_FULLTEXT.search(cls)) or bool(_STORY_CLASS.search(cls)))


def _main_content(el, a, items) -> bool:
    cls, ident = a.get("class", ""), a.get("id", "")
    return (ident == "content" or cls == "content" or bool(_MAIN_ID.search(ident)) or bool(_MAIN_CLASS.search(cls))
            or "main-content" in ident.replace("C", "c").replace("M", "m")
            or "main-content" in cls.replace("C", "c").replace("M", "m")
            or "page-content" in cls.replace("C", "c").replace("P", "p"))


def _first_among_siblings(keep) -> Selector:
    """`.//*[...][keep][1]`: each element that is the first match among its siblings, lazily (the caller
    wants only the first; the rest of the page is not walked)."""
    def select(tree: etree._Element) -> Iterator:
        parents = set()
        for el in _matches(CONTAINERS, keep, tree):
            parent = el.getparent()
            if parent not in parents:
                parents.add(parent)
                yield el
    return select


def _first_only(keep) -> Selector:
    """`(.//*[...][keep])[1]`."""
    return lambda tree: list(islice(_matches(CONTAINERS, keep, tree), 1))


# settings.BASIC_CLEAN_XPATH (what trafilatura's baseline and html2txt strip first)
_DROPPED_TAGS = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))
_COOKIE_CONSENT = re.compile(settings._COOKIE_CONSENT_RE, re.I)


def basic_clean(tree: etree._Element) -> list:
    found = []
    for el in tree.iterdescendants(etree.Element):
        if el.tag in _DROPPED_TAGS:
            found.append(el)
            continue
        items = el.items()
        if not items:
            continue
        a = dict(items)
        if (el.tag == "div" and "footer" in _first(items, ID_CLASS)
                or _COOKIE_CONSENT.search(a.get("class", "")) or _COOKIE_CONSENT.search(a.get("id", ""))):
            found.append(el)
    return found


BASIC_CLEAN = ("db6c25acd08aef99", basic_clean)

# (list name in trafilatura.xpaths, index) -> (sha256 of the XPath's text when these walks were written, the walk)
SELECTORS: dict[tuple[str, int], tuple[str, Selector]] = {
    ("OVERALL_DISCARD_XPATH", 0): ("a837e58a1b1ea116", _walk(BLOCKS, _overall_discard)),
    ("OVERALL_DISCARD_XPATH", 1): ("c1d5b70b8cd03783", _walk(None, _hidden_or_reply)),
    ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0): ("9cc18d34e6e2d258", _walk(COMMENT_BOXES, _comments)),
    ("RAW_TREE_PRUNE_XPATH", 0): ("01e7c660fd6406f2", _walk(("div", "section", "aside"), _appended_articles)),
    ("RAW_TREE_PRUNE_XPATH", 1): ("3c7afe92279543d5", _walk(("div", "section", "aside"), _elementor_share)),
    ("TEASER_DISCARD_XPATH", 0): ("ebb02f066626551d", _walk(BLOCKS, _teaser)),
    ("DISCARD_IMAGE_ELEMENTS", 0): ("cb1ab981e44913f7", _walk(BLOCKS, _caption)),
    ("BODY_XPATH", 0): ("caaa561ceca17064", _first_among_siblings(_article_content)),
    ("BODY_XPATH", 2): ("6c9b5e1fdc092943", _first_only(_story)),
    ("BODY_XPATH", 3): ("10a7ceacc0ff8cdf", _first_only(_main_content)),
}


def text_hash(xpath: etree.XPath) -> str:
    return hashlib.sha256(xpath.path.encode("utf-8")).hexdigest()[:16]


# the rules above that drop a box for its name, tested on one element
_NAME_RULES = ((BLOCKS, _overall_discard), (COMMENT_BOXES, _comments))


def dropped_for_its_name(el: etree._Element) -> bool:
    """Would trafilatura drop this box for its class or id (a comments box, a sidebar, a cookie notice)?"""
    items = el.items()
    if not items:
        return False
    a = dict(items)
    return any(el.tag in tags and keep(el, a, items) for tags, keep in _NAME_RULES)
