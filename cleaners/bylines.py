"""Authors from the page's text: the byline trafilatura's author XPaths find, and bylines printed as a label
and a name ("By Jane Doe").

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

from . import rules
from .blocks import leading_text
from .dates import MONTH_NUMBER

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


# ---- a byline printed as text: a label, then the name ("By Jane Doe", "Von Max Muster und Erika Muster")

STRONG_LABELS = tuple(sorted(rules.BYLINE_LABELS_STRONG, key=len, reverse=True))
WEAK_LABELS = tuple(sorted(rules.BYLINE_LABELS_WEAK, key=len, reverse=True))
LABELS = frozenset(label.rstrip(":") for label in STRONG_LABELS + WEAK_LABELS)
LABEL_OPENINGS = tuple(LABELS)   # str.startswith takes them all at once
MAX_LABEL_CHARS = max(map(len, LABELS)) + 2
MONTH_WORDS = frozenset(MONTH_NUMBER)
NAME_ENDS = frozenset(rules.BYLINE_NAME_ENDS) | MONTH_WORDS
NAME_JOINS = frozenset(rules.BYLINE_NAME_JOINS)
NAME_PARTICLES = frozenset(rules.NAME_PARTICLES)
# what a byline prints after a name: a date, an update stamp, a job title
TRAILING_NOT_NAME = frozenset(rules.NAME_TITLES) | MONTH_WORDS | frozenset(rules.BYLINE_STAMP_WORDS)
BYLINE_TOKENS = re.compile(r"[^\s,|•·–—/;:()\[\]]+|[,|•·–—/;:()\[\]]")
# the tags a byline's label stands in (the walk skips the others in libxml2: images, line breaks, inputs, ...)
BYLINE_TAGS = ("h1", "p", "div", "span", "a", "address", "li", "strong", "b", "em", "i", "small", "font", "td",
               "section", "header", "footer", "time", "dd", "dt", "h4", "h5", "h6", "author", "cite", "figcaption")
# a name with one of these words is a title, not a person's ("Letters To The Editor"): its end stays
TITLE_WORDS = frozenset(["the", "to", "of", "for", "der", "die", "das", "des", "le", "la", "les", "el", "los"])
MAX_BYLINE_CHARS = 150
MAX_NAME_WORDS = 4
MAX_NAMES = 5


def labelled_byline(root: HtmlElement) -> list[str]:
    """The names after the first byline label that opens a short block of the page's text (the pruned page:
    comments, sidebars and related boxes gone). A label alone in its element ("<span>By</span> <a>Jane
    Doe</a>") is read with its neighbours."""
    elements = root.iter(*BYLINE_TAGS)
    if next(root.iter("h1"), None) is not None:
        # a byline stands under the headline or further on: a menu's "By Industry" stands above it
        for el in elements:
            if el.tag == "h1":
                break
    for el in elements:
        own = el.text
        if not own or el.tag == "h1":   # (walked only to find the first)
            continue
        opening = own.lstrip()[:MAX_LABEL_CHARS].casefold()
        if not opening.startswith(LABEL_OPENINGS):
            continue
        if len(el) or opening.strip().rstrip(":").strip() not in LABELS:
            text = _short_text(el)
        else:   # "<span>By</span> <a>Jane Doe</a>": the label's box, or the label and the element after it
            text = _label_with_neighbours(el)
        names = byline_names(text) if text else []
        if names:
            return names
    return []


def _label_with_neighbours(label: HtmlElement) -> str | None:
    """The text of the box a label alone in its element opens, or else the label and the element after it."""
    box = label.getparent()
    if box is not None and not (box.text or "").strip():
        text = _short_text(box)
        if text:
            return text
    after = label.getnext()
    if after is None or not isinstance(after.tag, str) or (label.tail or "").strip():
        return None
    name = _short_text(after)
    return f"{' '.join(label.text.split())} {name}" if name else None


def _short_text(el: HtmlElement) -> str | None:
    """The element's visible text, or None past MAX_BYLINE_CHARS (read no further than that: a label's
    element may hold the rest of a broken page)."""
    text = leading_text(el, MAX_BYLINE_CHARS)
    return text if len(text) <= MAX_BYLINE_CHARS else None


def byline_names(text: str) -> list[str]:
    """The names in a byline ("By Jane Doe and John Roe | May 3" gives both), or [] when the text does not
    open with a byline label and a name: one name word after a strong label ("Posted by"), two after a bare
    preposition ("By", "Von")."""
    folded = text.casefold()
    for labels, min_words in ((STRONG_LABELS, 1), (WEAK_LABELS, 2)):
        for label in labels:
            if not folded.startswith(label):
                continue
            rest = text[len(label):]
            # the label is a word: "By Jane", "By: Jane", or "ByJane" where markup set the name apart
            if rest[:1].isalnum() and not (rest[0].isupper() and text[len(label) - 1].islower()):
                continue
            names = _names(rest.lstrip(" :"))
            if names and len(names[0].split()) >= min_words:
                return names
    return []


def _names(text: str) -> list[str]:
    """The names a byline's text opens with: capitalised words (and particles: "van der"), joined by "and",
    "und", "&" or commas, up to the first word that is not a name (a date, "Updated", lower-case text)."""
    names: list[list[str]] = []
    current: list[str] = []
    for token in BYLINE_TOKENS.findall(text):
        low = token.casefold()
        if low in NAME_JOINS:
            if not current:
                break
            names.append(current)
            current = []
        elif token[0].isupper() and low.rstrip(".") not in NAME_ENDS and not any(ch.isdigit() for ch in token):
            current.append(token)
            if len(current) > MAX_NAME_WORDS:
                return []   # a title-case sentence, not a name
        elif current and token in NAME_PARTICLES:
            current.append(token)
        else:
            break
    if current:
        names.append(current)
    while names and names[-1][-1] in NAME_PARTICLES:
        names[-1].pop()
        if not names[-1]:
            names.pop()
    if not names or len(names) > MAX_NAMES:
        return []
    return [" ".join(words) for words in names]


def trimmed_name(name: str) -> str:
    """An author entry without what a byline printed after the name: a date ("Jason Bates June 3"), an update
    stamp ("Last updated"), a job title ("Contributing Writer"). Two words always stay ("Jörg Staff")."""
    words = name.split()
    if any(word.casefold() in TITLE_WORDS for word in words):
        return name   # a title, not a person: "Letters To The Editor"
    while len(words) > 2:
        last = words[-1].casefold().rstrip(".,")
        if last.isdigit() or last in TRAILING_NOT_NAME or not any(ch.isalnum() for ch in last):
            words.pop()
        else:
            break
    return " ".join(words) if len(words) < len(name.split()) else name
