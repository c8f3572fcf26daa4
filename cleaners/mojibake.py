"""Repair page text that was UTF-8 read once too often as windows-1252 before it reached the page
("isnâ€™t", "Â£5"): the page's own bytes hold the damage, so no choice of charset can undo it.

The repair runs on the parsed tree, text node by text node, before anything reads it: later steps
drop the C1 control characters that the repair needs ("â\\x80\\x9d" is a closing quote, "â€" alone
is nothing). Pages are picked by a byte count that costs microseconds; ftfy, which judges whether
a piece of text really is mojibake, only sees the nodes that carry the signature."""
from __future__ import annotations

import re

import ftfy
from lxml.html import HtmlElement

# UTF-8 bytes of "â€", "â" + C1, "Ã" + Latin-1 and "Â" + Latin-1: what double-encoded UTF-8 looks like on disk
BYTE_SIGNS = re.compile(rb"\xc3(?:[\x82\x83\xa2]\xc2|\xa2\xe2\x82\xac)")
# the same, as decoded text: a UTF-8 lead byte read as windows-1252, then a continuation byte read alike
SIGNATURE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
CODE_TAGS = {"script", "style"}
MIN_SIGNS = 3   # one or two are more likely quoted on purpose (an article about mojibake) than damage


def looks_double_encoded(body: bytes) -> bool:
    for seen, _ in enumerate(BYTE_SIGNS.finditer(body), 1):
        if seen >= MIN_SIGNS:
            return True
    return False


def _fixed(value: str | None) -> str | None:
    if value and SIGNATURE.search(value):
        fixed = ftfy.fix_encoding(value)
        if fixed != value:
            return fixed
    return None


def _code(el: HtmlElement) -> bool:
    """A script or style whose text nobody reads as prose. JSON-LD is read (titles, authors, dates), so it
    is repaired; a megabyte of JavaScript is not, since ftfy's judgement costs time in proportion to it."""
    return el.tag in CODE_TAGS and "json" not in (el.get("type") or "").lower()


def repair_tree(root: HtmlElement) -> int:
    """Fix the text nodes (and <meta content>, where titles and descriptions also live) that carry
    the signature; returns how many changed."""
    changed = 0
    for el in root.iter():
        for attr in ("tail",) if _code(el) else ("text", "tail"):
            fixed = _fixed(getattr(el, attr))
            if fixed is not None:
                setattr(el, attr, fixed)
                changed += 1
        if el.tag == "meta":
            fixed = _fixed(el.get("content"))
            if fixed is not None:
                el.set("content", fixed)
                changed += 1
    return changed
