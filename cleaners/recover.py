"""Put back the parts of the article that the extractor left out: its lead, bulleted lists and section headings.

A standfirst standing between the headline and the body (metadata._standfirst) opens the text: extractors
drop leads marked "teaser" or kept in the page's header.

On a page whose article sits in no container trafilatura knows (many site builders), it falls back to
"wild text" recovery, which takes paragraphs, quotes, code and tables but no lists and no headings: the
bullets of a how-to and the headings between its sections vanish while the paragraphs around them stay.
A list inside our main block with few links (not a menu or a related list: the pruning already took
those), or a heading over a body paragraph, whose text is missing goes back in after the nearest block
before it that the text kept, provided kept text also follows it (the article goes on past it).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, islice

from lxml.html import HtmlElement

from .blocks import LONG_PARAGRAPH, BlockStats, link_density, word_key
from .faithful_text import numbered_items

MAX_LINK_DENSITY = 0.3
MIN_ITEMS = 2
ANCHOR_CHARS = 60   # how much of the preceding block's text must be found in the extracted text
NOT_PROSE = ("script", "style", "form", "input", "select", "button", "textarea")
BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "figure")
ANCHOR_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "li")
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
HEADING_CHARS = (12, 150)   # a section heading stands over a long paragraph (blocks.LONG_PARAGRAPH)
LEAD_PART_CHARS = 40   # a line of the text this long found inside the lead is one of the lead's own
NEIGHBOURS = 12   # blocks looked at on each side (the items of a dropped list before this one count singly)


def with_lead(body_text: str, lead: str | None) -> str:
    """The lead goes first in the text when the extractor left it out -- unless the text's own paragraphs
    stand inside it: then the "lead" is the article itself (a short page marked up as one teaser), and
    the text already holds it, split into paragraphs."""
    if not lead:
        return body_text
    key = word_key(lead)
    if key in word_key(body_text):
        return body_text
    for line in body_text.splitlines():
        if len(line) >= LEAD_PART_CHARS and word_key(line) in key:
            return body_text
    return lead + "\n" + body_text


# the text pieces of an item are joined with spaces (two links must not run together), which puts one
# before the punctuation that follows inline markup ("<b>Cost efficiency</b>: ..."): taken out again
SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[,.;:!?%)\]])")


def _items(lst: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The list's items with text, each with its words as one line."""
    items = ((li, SPACE_BEFORE_PUNCTUATION.sub("", " ".join(" ".join(li.itertext()).split())))
             for li in lst if li.tag == "li")
    return [(li, text) for li, text in items if text]


def _neighbours(block: HtmlElement, main: HtmlElement, preceding: bool):
    """The texts of the blocks before (or after) this one inside the main block, nearest first."""
    node = block
    while node is not None and node is not main:
        for sib in node.itersiblings(preceding=preceding):
            if not isinstance(sib.tag, str):
                continue
            blocks = [sib] if sib.tag in ANCHOR_TAGS else list(sib.iter(*ANCHOR_TAGS))
            for anchor in (reversed(blocks) if preceding else blocks):
                text = " ".join(anchor.text_content().split())
                if len(text) >= 20:
                    yield text
        node = node.getparent()


def _kept_line(neighbours: Iterable[str], folded_lines: list[str]) -> int | None:
    """The line of the nearest of these neighbours that the text kept (a neighbour that was itself dropped,
    or was a card, is passed over)."""
    for text in neighbours:
        key = word_key(text[:ANCHOR_CHARS])
        at = next((i for i, line in enumerate(folded_lines) if key and key in line), None)
        if at is not None:
            return at
    return None


def recover_dropped(body_text: str, main: HtmlElement | None, stats: dict[HtmlElement, BlockStats]) -> str:
    if main is None or not body_text:
        return body_text
    lines = body_text.split("\n")
    folded_lines = [word_key(line) for line in lines]
    folded_body = _body_key(folded_lines)
    for block in main.iter("ul", "ol", *HEADINGS):
        lines_of_block = _recoverable(block, main, stats, folded_body)
        if not lines_of_block:
            continue
        following = islice(_neighbours(block, main, preceding=False), NEIGHBOURS)
        nearest_after = next(following, "")
        if block.tag in HEADINGS and len(nearest_after) < LONG_PARAGRAPH:
            continue   # a heading over a short text is a card's or a logo's, not a section's
        # kept text on both sides: the list stands inside the article, not after its end (where comments,
        # pingbacks and related lists are); with no place to put it, it is better left out
        at = _kept_line(islice(_neighbours(block, main, preceding=True), NEIGHBOURS), folded_lines)
        after = _kept_line(chain((nearest_after,), following), folded_lines)
        if at is None or after is None or after <= at:
            continue
        lines[at + 1:at + 1] = lines_of_block
        folded_lines[at + 1:at + 1] = [word_key(b) for b in lines_of_block]
        folded_body = _body_key(folded_lines)
    return "\n".join(lines)


def _body_key(folded_lines: list[str]) -> str:
    """The lines' words with a space at both ends of each line, so a block's words are looked for as whole
    words: the heading "A New Benchmark" is not in "a new benchmarking framework"."""
    return " " + " \n ".join(folded_lines) + " "


def _recoverable(block: HtmlElement, main: HtmlElement, stats: dict[HtmlElement, BlockStats],
                 folded_body: str) -> list[str]:
    """The lines a dropped list or heading would give back; none when it was kept or is no article text."""
    s = stats.get(block)
    if s is None or link_density(s) >= MAX_LINK_DENSITY or next(block.iter(*NOT_PROSE), None) is not None:
        return []   # links are menus and related lists; a form's options, a script's text no article text
    if any(a.tag in ("ul", "ol", "li") for a in block.iterancestors() if a is not main):
        return []   # a nested list comes back with its parent; a heading in a list is a card's
    if block.tag in HEADINGS:
        text = " ".join(block.text_content().split())
        low, high = HEADING_CHARS
        return [text] if low <= len(text) <= high and f" {word_key(text)} " not in folded_body else []
    if next(block.iter(*BLOCKS), None) is not None:
        return []   # items built of headings and paragraphs (cards, FAQ accordions): the extractor's to judge
    items = _items(block)
    if len(items) < MIN_ITEMS:
        return []
    missing = [text for _, text in items if f" {word_key(text)} " not in folded_body]
    if len(missing) * 2 < len(items):
        return []   # the extractor kept the list (or most of it)
    return numbered_items(block, items) if block.tag == "ol" else [f"- {text}" for _, text in items]
