"""Split a page into article segments: one per full post, none for a page of teaser cards.

A "post" is a container marked as one (<article>, schema.org Article types, hentry/post
classes). Posts with several long paragraphs are full posts; short ones are teaser cards."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from .blocks import BlockStats
from .prune import in_marked_box

POST_CLASS = re.compile(r"(?<![a-z0-9])(hentry|type-post|post|blog-post|entry|article|story|news-item)(?![a-z0-9-])")
ARTICLE_ITEMTYPE = re.compile(r"schema\.org/(News|Blog|Reportage|Analysis|Opinion)?(Article|Posting)\b", re.I)
FULL_POST_PARAGRAPHS = 2
FULL_POST_CHARS = 300
POST_WEIGHT_RATIO = 0.25   # the second-largest post holds at least this share of the largest one's text
POST_COVERAGE = 0.6        # and the posts hold this share of the page's long paragraphs
POST_BOXES = {"div", "section", "li"}   # the tags a post class makes a post container
COMMENT_MARK = re.compile(r"(?<![a-z])(comments?|comment-\w+|replies|reply|respond|responses|usercomment)(?![a-z])", re.I)


CARD_MIN_GROUP = 4
CARD_MAX_CHARS = 700


@dataclass
class Segments:
    posts: list[HtmlElement]      # full posts, in page order; empty means "the page is one article"
    teasers: int                  # post containers that are only teaser cards
    headline_links: int           # headings that are links to other pages (teaser titles)
    cards: int = 0                # repeated sibling blocks, each a link with a little text
    card_paragraphs: int = 0      # long paragraphs inside those cards
    card_text: int = 0            # visible text inside those cards
    teaser_feed: bool = False     # the page's posts are all teasers whose summaries link to the story


def _signature(el: HtmlElement) -> tuple[str, str]:
    classes = (el.get("class") or "").split()
    return el.tag, classes[0] if classes else ""


def find_cards(root: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> list[HtmlElement]:
    """Teaser cards: runs of 4+ siblings of one shape, each a link with a short text."""
    cards: list[HtmlElement] = []
    for parent in root.iter(etree.Element):   # elements only, picked in C
        if len(parent) < CARD_MIN_GROUP:
            continue
        groups: dict[tuple[str, str], list[HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                groups.setdefault(_signature(child), []).append(child)
        for members in groups.values():
            good = [m for m in members
                    if stats[m].links >= 1 and 15 <= stats[m].text <= CARD_MAX_CHARS and stats[m].paragraphs <= 1
                    and stats[m].link_text < stats[m].text + 1]
            if len(good) >= CARD_MIN_GROUP and len(good) >= 0.7 * len(members):
                cards += good
    return _outermost(cards)


def _is_post_container(el: HtmlElement) -> bool:
    if el.tag == "article":
        return True
    itemtype = el.get("itemtype")
    if itemtype and ARTICLE_ITEMTYPE.search(itemtype):
        return True
    if el.tag in POST_BOXES:
        value = el.get("class") or ""
        return _remembered_post_class(value) if len(value) <= REMEMBERED_CHARS else _post_class(value)
    return False


def _post_class(value: str) -> bool:
    return bool(POST_CLASS.search(value.lower()))


# pages repeat their class names (every card, every menu item): a name is searched once; only short ones
# are remembered, so huge attribute values cannot fill the memory
REMEMBERED_CHARS = 200
_remembered_post_class = lru_cache(maxsize=8192)(_post_class)


def _post_candidates(root: HtmlElement) -> list[HtmlElement]:
    """The elements _is_post_container can accept, in document order: an <article>, an element with an
    itemtype, a div, section or li with a class. (A walk in Python: the XPath saying the same costs more.)"""
    found = []
    for el in root.iter(etree.Element):   # elements only: a PI's get() would read its pseudo-attributes
        tag = el.tag
        if tag == "article" or (tag in POST_BOXES and el.get("class") is not None) or el.get("itemtype") is not None:
            found.append(el)
    return found


def _comparable_posts(posts: list[HtmlElement], root: HtmlElement, stats) -> bool:
    """Several posts of one page, or one article with short related items beside it? Real multi-post pages
    (tag pages, infinite scroll) show posts of similar weight that together hold most of the page's prose."""
    sizes = sorted((stats[p].text for p in posts), reverse=True)
    if sizes[1] < POST_WEIGHT_RATIO * sizes[0]:
        return False
    covered = sum(stats[p].paragraphs for p in posts)
    return covered >= POST_COVERAGE * stats[root].paragraphs


def _sections_of_one_article(posts: list[HtmlElement]) -> bool:
    """Posts under <h2>/<h3> headings that all sit inside one article container (an <article>, an Article
    itemtype, a post class) are the sections of that article (a listicle's items, a year in review), not
    the posts of a page. Articles of an infinite scroll, even when nested that way, each have an <h1>."""
    if any(p.find(".//h1") is not None for p in posts):
        return False
    others = [set(p.iterancestors()) for p in posts[1:]]
    return any(all(w in ancestors for ancestors in others)
               for w in posts[0].iterancestors() if _is_post_container(w))


def _titled_posts(posts: list[HtmlElement]) -> bool:
    """Posts of a tag page carry a headline linking to their own page; forum posts carry user names."""
    titled = sum(1 for p in posts if p.find(".//*[@itemprop='headline']") is not None or
                 any(h.find(".//a[@href]") is not None and len((h.text_content() or "").split()) >= 3
                     for h in p.iter("h1", "h2", "h3")))
    return titled >= max(2, len(posts) // 2 + 1)


def _in_boilerplate(el: HtmlElement) -> bool:
    """A "post" inside a related/most-read box, a sidebar or a modal form is not one of the page's posts."""
    if el.find(".//input[@type='password']") is not None:   # a login or sign-up modal
        return True
    return in_marked_box(el)


def _prose_paragraphs(el: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> int:
    """Long paragraphs that are the post's own prose: a teaser card's summary is a link to the story."""
    return sum(1 for p in el.iter("p") if stats[p].paragraphs and stats[p].link_text < 0.5 * stats[p].text)


def _has_heading(el: HtmlElement) -> bool:
    return any((h.text_content() or "").strip() for h in el.iter("h1", "h2", "h3", "h4")) or \
        el.find(".//*[@itemprop='headline']") is not None


def _is_comment(el: HtmlElement) -> bool:
    """User comments are often <article>s too; they are not posts of the page."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            break
        attrs = " ".join(filter(None, (node.get("class"), node.get("id"), node.get("itemtype"))))
        if attrs and COMMENT_MARK.search(attrs):
            return True
    return False


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _innermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    nested = {a for el in elements for a in el.iterancestors() if a in chosen}
    return [el for el in elements if el not in nested]


def find_segments(root: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> Segments:
    containers = [el for el in _post_candidates(root) if _is_post_container(el)]
    candidates = [el for el in containers
                  if stats[el].paragraphs >= FULL_POST_PARAGRAPHS and stats[el].text >= FULL_POST_CHARS
                  and _has_heading(el) and not _is_comment(el) and not _in_boilerplate(el)]
    prose = {el: _prose_paragraphs(el, stats) >= FULL_POST_PARAGRAPHS for el in candidates}
    # a wrapper around several full posts is not itself a post
    full = _innermost_full([el for el in candidates if prose[el]], stats)
    linked = _innermost_full([el for el in candidates if not prose[el]], stats)
    teasers = [el for el in _innermost(containers) if el not in full and 0 < stats[el].text < FULL_POST_CHARS]
    headline_links = sum(1 for h in root.iter("h2", "h3", "h4") if h.find(".//a[@href]") is not None
                         and stats[h].link_text >= 0.8 * max(stats[h].text, 1))
    cards = find_cards(root, stats)
    return Segments(posts=full if _posts_of_the_page(full, root, stats) else [], teasers=len(teasers),
                    headline_links=headline_links, cards=len(cards),
                    card_paragraphs=sum(stats[c].paragraphs for c in cards),
                    card_text=sum(stats[c].text for c in cards),
                    teaser_feed=not full and _posts_of_the_page(linked, root, stats))


def _posts_of_the_page(posts: list[HtmlElement], root: HtmlElement, stats) -> bool:
    return len(posts) >= 2 and not _sections_of_one_article(posts) and \
        _comparable_posts(posts, root, stats) and _titled_posts(posts)


def _innermost_full(full: list[HtmlElement], stats) -> list[HtmlElement]:
    """Keep a full container unless it wraps two or more other full containers."""
    chosen = set(full)
    keep = []
    for el in full:
        inner = [d for d in el.iterdescendants() if d in chosen]
        if len(_outermost(inner)) >= 2:
            continue
        keep.append(el)
    return _outermost(keep)
