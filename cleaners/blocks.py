"""Measure a tree once, bottom-up: text length, link text and link count for every element.

The pruning rules read these figures instead of calling text_content() on each candidate,
which keeps a page's cost linear in its size."""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

WORD = re.compile(r"\w+")
LONG_PARAGRAPH = 80   # characters of a <p> that count as article prose


@dataclass(slots=True)
class BlockStats:
    text: int = 0        # characters of visible text (whitespace collapsed per node)
    link_text: int = 0   # characters inside <a>
    links: int = 0       # number of <a href>
    paragraphs: int = 0  # <p> elements with LONG_PARAGRAPH+ characters of text


INVISIBLE = {"script", "style", "noscript", "template", "svg"}


def measure(root: HtmlElement) -> dict[HtmlElement, BlockStats]:
    elements = list(root.iter(etree.Element))   # elements only (no comments, PIs), picked in C
    stats: dict[HtmlElement, BlockStats] = {}
    get = stats.get
    # the hottest loop of the cleaner (every element of every page): locals, no helper calls
    for el in reversed(elements):
        tag = el.tag
        own = el.text
        text = len(own.strip()) if own and tag not in INVISIBLE else 0
        link_text = links = paragraphs = 0
        if len(el):   # half the elements are leaves: no iterator made for them
            for child in el:
                tail = child.tail
                if tail:
                    text += len(tail.strip())
                cs = get(child)
                if cs is not None:
                    text += cs.text
                    link_text += cs.link_text
                    links += cs.links
                    paragraphs += cs.paragraphs
        if tag == "a":
            link_text = text
            links += 1
        elif tag == "p" and text >= LONG_PARAGRAPH:
            paragraphs += 1
        stats[el] = BlockStats(text, link_text, links, paragraphs)
    return stats


TABLE_CELLS = ("td", "th")


def next_element(el: HtmlElement) -> HtmlElement | None:
    """The next sibling that is an element (comments and processing instructions passed over)."""
    sib = el.getnext()
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getnext()
    return sib


def previous_element(el: HtmlElement) -> HtmlElement | None:
    """The previous sibling that is an element."""
    sib = el.getprevious()
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getprevious()
    return sib


def within(el: HtmlElement, tags) -> bool:
    """The element or one of its ancestors has one of these tags (a word in a table cell, say)."""
    return el.tag in tags or any(a.tag in tags for a in el.iterancestors())


def link_density(s: BlockStats) -> float:
    return s.link_text / s.text if s.text else 0.0


def visible_text(el: HtmlElement) -> str:
    """The element's text with its whitespace collapsed: words one space apart, none at the ends."""
    return collapse_space(text_content(el))


def text_content(el: HtmlElement) -> str:
    """el.text_content(). A leaf (no child element, comment or PI) holds only its own text: read without
    text_content()'s XPath call (most blocks the pruner reads, most links, are leaves)."""
    if len(el) or not isinstance(el.tag, str):
        return el.text_content()   # (which refuses a comment or a PI)
    return el.text or ""


def collapse_space(text: str) -> str:
    r"""re.sub(r"\s+", " ", text).strip(), at a third of the cost: str.split() splits on exactly the
    characters \s matches (tests/test_speed_equivalence.py checks every code point)."""
    return " ".join(text.split())


# characters a browser never shows: a soft hyphen (shown only where a word breaks), zero-width space, word
# joiner, byte-order mark. trafilatura drops them from the text it extracts; the lines we add ourselves lose
# them too, so "Über\xadle\xadbens" is found by a search for "Überlebens" in every part of a record.
INVISIBLE_CHARS = re.compile("[\u00ad\u200b\u2060\ufeff]")


def as_read(text: str) -> str:
    """The text as a reader has it: in Unicode's composed form (NFC: "é" one character, whichever way the page
    wrote it; trafilatura's own extract() returns it so) and without the characters a browser never shows."""
    text = unicodedata.normalize("NFC", text)   # a quick check in C first: most texts come back as they are
    # most texts have none: four substring scans in C cost less than one pass of the pattern
    if "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text:
        return INVISIBLE_CHARS.sub("", text)
    return text


def leading_text(el: HtmlElement, chars: int) -> str:
    """visible_text(el) cut to at least `chars` characters (the whole text when shorter), without
    collecting the rest of a long block."""
    parts: list[str] = []
    seen = 0
    for chunk in el.itertext():
        parts.append(chunk)
        seen += len(chunk)
        if seen > chars:
            text = collapse_space("".join(parts))
            if len(text) > chars:
                return text
    return collapse_space("".join(parts))


HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_hidden(el: HtmlElement) -> bool:
    """Hidden by its own markup (an inline style, the hidden attribute, aria-hidden)."""
    style = el.get("style")
    return (style is not None and HIDING_STYLE.search(style) is not None) or el.get("hidden") is not None \
        or el.get("aria-hidden") == "true"


def alternation(words) -> str:
    """A regular-expression alternation of the words, escaped, longest first (so "read more" wins over "read")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def phrase_key(text: str) -> str:
    """Case-folded text with the decoration pages put around button labels stripped."""
    return folded_phrase_key(text.casefold())


def folded_phrase_key(folded: str) -> str:
    """phrase_key of a text already case-folded."""
    return folded.strip(" \t\n:：.…»›→>|-–—·•*()[]!?¿¡").strip()


ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)


def unescape_text(value: str | None) -> str | None:
    """Markup often carries titles escaped twice ("Tips &amp;#038; Tricks" in JSON-LD): decode what is left."""
    for _ in range(2):
        if not value or not ENTITY.search(value):
            break
        value = html.unescape(value)
    return value


def word_key(text: str) -> str:
    """The text's words, case-folded, one space apart: what two copies of a text share whatever their markup,
    punctuation or line breaks."""
    return " ".join(WORD.findall(text.casefold()))


def values_matching(pattern: re.Pattern, values: list[str], needles: Sequence[str] = ()) -> list[int]:
    """Indices of the values the pattern finds something in (attribute values, say), in order. A page
    repeats its class names (every menu item, every card): each distinct value is searched once.
    needles: strings of which every match holds one (the words of an alternation); on most pages none
    stands anywhere in the values, and a few substring scans spare the pattern's slower one."""
    distinct = list(dict.fromkeys(values))
    hits = {distinct[i] for i in _lines_matching(pattern, distinct, needles)}
    return [i for i, value in enumerate(values) if value in hits] if hits else []


def _lines_matching(pattern: re.Pattern, values: list[str], needles: Sequence[str] = ()) -> list[int]:
    """values_matching in one scan of them all, a line each, rather than a search apiece (the per-call
    cost dominates on short values). A line break inside a value becomes a space, so a match cannot span
    two values and the pattern's lookarounds see the same boundaries as on each value alone."""
    joined = "\n".join(value.replace("\n", " ") for value in values)
    if needles and not any(needle in joined for needle in needles):
        return []
    found: list[int] = []
    line, counted_to = 0, 0
    for match in pattern.finditer(joined):
        line += joined.count("\n", counted_to, match.start())
        counted_to = match.start()
        if not found or found[-1] != line:
            found.append(line)
    return found
