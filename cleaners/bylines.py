"""The byline text trafilatura's author XPaths find, read in one walk of the tree.

trafilatura (pinned) runs three XPath expressions whose `re:test` calls back into Python for every
element with a class: 6 ms a page, more than parsing it. The same three rules, evaluated here in one
pass, give the same element in the same order (tests/test_trafilatura_speedups.py compares them with
the XPaths).
"""
from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.utils import trim

# trafilatura.xpaths.AUTHOR_XPATHS, rule by rule: tags it may be, exact attribute values, substrings
# of attributes, and patterns searched in @id and @class
SPECIFIC_TAGS = {"a", "address", "div", "link", "p", "span", "strong"}
SPECIFIC_TESTIDS = ("AuthorCard", "AuthorURL")   # and @rel, @id or @class "author", @itemprop "author name"
SPECIFIC_CLASS = re.compile("author-?name|AuthorName|authorName")
GENERIC_TAGS = {"a", "div", "h3", "h4", "p", "span"}
GENERIC_CLASS_EXACT = {"byline", "username", "byl", "BBL"}
GENERIC_ID = re.compile("author|zuozhe|bianji|xiaobian")
GENERIC_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
ANY_ID = re.compile("[Aa]uthor")
ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")


# every element a rule can match has one of these (libxml2 checks them without calling Python); the
# XPath is absolute like the rules, so the whole document is read: <head>, and the second <html> root
# of a page saved twice
CANDIDATES = XPath("//*[@class or @id or @itemprop or @rel or @data-testid or @data-component or rel] | //author")


def byline_text(tree: HtmlElement, len_limit: int = 120) -> str | None:
    """trafilatura.metadata.extract_metainfo(tree, AUTHOR_XPATHS, len_limit): the text of the first element
    matched by the most specific rule that matches one with a plausible length."""
    rules: tuple[list[HtmlElement], list[HtmlElement], list[HtmlElement]] = ([], [], [])
    for el in CANDIDATES(tree):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        get = el.get
        cls, ident, itemprop = get("class"), get("id"), get("itemprop")
        if tag == "author" or (tag in SPECIFIC_TAGS and (
                ident == "author" or cls == "author" or itemprop == "author name" or get("rel") == "author"
                or get("data-testid") in SPECIFIC_TESTIDS
                or (cls is not None and SPECIFIC_CLASS.search(cls))
                or any(c.text_content() == "me" for c in el.iterchildren("rel")))):
            rules[0].append(el)
        if tag in GENERIC_TAGS and (
                cls in GENERIC_CLASS_EXACT or (itemprop is not None and "author" in itemprop)
                or (ident is not None and GENERIC_ID.search(ident)) or (cls is not None and GENERIC_CLASS.search(cls))):
            rules[1].append(el)
        if (("Byline" in (get("data-component") or "")) or (itemprop is not None and "author" in itemprop)
                or (ident is not None and ANY_ID.search(ident)) or (cls is not None and ANY_CLASS.search(cls))):
            rules[2].append(el)
    for matches in rules:
        for el in matches:
            content = trim(" ".join(el.itertext()))
            if content and 2 < len(content) < len_limit:
                return content
    return None
