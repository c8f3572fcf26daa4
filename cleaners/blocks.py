"""Measure a tree once, bottom-up: text length, link text and link count for every element.

The pruning rules read these figures instead of calling text_content() on each candidate,
which keeps a page's cost linear in its size."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class BlockStats:
    text: int = 0        # characters of visible text (whitespace collapsed per node)
    link_text: int = 0   # characters inside <a>
    links: int = 0       # number of <a href>
    paragraphs: int = 0  # <p> elements with 80+ characters of text


def _length(s: str | None) -> int:
    return len(s.strip()) if s and not s.isspace() else 0


INVISIBLE = {"script", "style", "noscript", "template", "svg"}


def measure(root: HtmlElement) -> dict[HtmlElement, BlockStats]:
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    stats: dict[HtmlElement, BlockStats] = {}
    for el in reversed(elements):
        s = BlockStats(text=0 if el.tag in INVISIBLE else _length(el.text))
        for child in el:
            s.text += _length(child.tail)
            cs = stats.get(child)
            if cs is not None:
                s.text += cs.text
                s.link_text += cs.link_text
                s.links += cs.links
                s.paragraphs += cs.paragraphs
        if el.tag == "a":
            s.link_text = s.text
            s.links += 1
        elif el.tag == "p" and s.text >= 80:
            s.paragraphs += 1
        stats[el] = s
    return stats


def link_density(s: BlockStats) -> float:
    return s.link_text / s.text if s.text else 0.0


def visible_text(el: HtmlElement) -> str:
    return SPACE.sub(" ", el.text_content()).strip()


def phrase_key(text: str) -> str:
    """Case-folded text with the decoration pages put around button labels stripped."""
    return text.casefold().strip(" \t\n:：.…»›→>|-–—·•*()[]!").strip()
