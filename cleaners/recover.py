"""Put back the bulleted lists of the article that the extractor left out.

On a page whose article sits in no container trafilatura knows (many site builders), it falls back to
"wild text" recovery, which takes paragraphs, quotes, code and tables but no lists: the bullets of a
how-to or a "key points" box vanish while the paragraphs around them stay. A list inside our main block,
with few links (not a menu or a related list: the pruning already took those), whose items are missing
from the text, goes back in after the block that precedes it in the page.
"""
from __future__ import annotations

import re

from lxml.html import HtmlElement

from .blocks import BlockStats, link_density

WORD = re.compile(r"\w+")
MAX_LINK_DENSITY = 0.3
MIN_ITEMS = 2
ANCHOR_CHARS = 60   # how much of the preceding block's text must be found in the extracted text
NOT_PROSE = ("script", "style", "form", "input", "select", "button", "textarea")
BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "figure")
ANCHOR_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table")


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _item_lines(lst: HtmlElement) -> list[str]:
    items = (" ".join(" ".join(li.itertext()).split()) for li in lst if li.tag == "li")
    return [item for item in items if item]


def _neighbour(lst: HtmlElement, main: HtmlElement, preceding: bool) -> str | None:
    """The text of the nearest block before (or after) the list, inside the main block."""
    node = lst
    while node is not None and node is not main:
        for sib in node.itersiblings(preceding=preceding):
            if not isinstance(sib.tag, str):
                continue
            blocks = [sib] if sib.tag in ANCHOR_TAGS else list(sib.iter(*ANCHOR_TAGS))
            for block in (reversed(blocks) if preceding else blocks):
                text = " ".join(block.text_content().split())
                if len(text) >= 20:
                    return text
        node = node.getparent()
    return None


def _line_of(text: str | None, folded_lines: list[str]) -> int | None:
    key = _words(text[:ANCHOR_CHARS]) if text else ""
    return next((i for i, line in enumerate(folded_lines) if key and key in line), None)


def recover_lists(body_text: str, main: HtmlElement | None, stats: dict[HtmlElement, BlockStats]) -> str:
    if main is None or not body_text:
        return body_text
    lines = body_text.split("\n")
    folded_lines = [_words(line) for line in lines]
    folded_body = "\n".join(folded_lines)
    for lst in main.iter("ul", "ol"):
        if any(a.tag in ("ul", "ol", "li") for a in lst.iterancestors() if a is not main):
            continue   # a nested list comes back with its parent
        s = stats.get(lst)
        if s is None or link_density(s) >= MAX_LINK_DENSITY:
            continue
        if next(lst.iter(*NOT_PROSE), None) is not None or next(lst.iter(*BLOCKS), None) is not None:
            # a form's options, a script's text: no bullets of the article; items built of headings and
            # paragraphs (product cards, FAQ accordions) are the extractor's to judge, block by block
            continue
        items = _item_lines(lst)
        if len(items) < MIN_ITEMS:
            continue
        missing = [item for item in items if _words(item) not in folded_body]
        if len(missing) * 2 < len(items):
            continue   # the extractor kept the list (or most of it)
        # kept text on both sides: the list stands inside the article, not after its end (where comments,
        # pingbacks and related lists are); with no place to put it, it is better left out
        at = _line_of(_neighbour(lst, main, preceding=True), folded_lines)
        after = _line_of(_neighbour(lst, main, preceding=False), folded_lines)
        if at is None or after is None or after <= at:
            continue
        block = [f"- {item}" for item in items]
        lines[at + 1:at + 1] = block
        folded_lines[at + 1:at + 1] = [_words(b) for b in block]
        folded_body = "\n".join(folded_lines)
    return "\n".join(lines)
