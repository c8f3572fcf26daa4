"""Show the article prose a page folds away before extraction: accordions, "show more" expanders and tabs.

The page sends these sections whole and hides them with an inline style or the `hidden` attribute until
the reader opens them; extractors drop every hidden element (trafilatura's first discard rule), so a
how-to whose steps sit in accordions comes back as its intro alone. A hidden block is shown when its
markup says a control opens it (WAI-ARIA: a button's aria-controls names it, or it is a labelled region
or tab panel), it is prose (long paragraphs, few links) inside the article's main block, and it is in no
box its markup calls boilerplate. Other hidden blocks stay hidden: unused templates, the other copy of a
responsive layout, popups.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .blocks import HIDING_STYLE, BlockStats, is_hidden, link_density, visible_text
from .prune import in_marked_box

MIN_PARAGRAPHS = 2
MAX_LINK_DENSITY = 0.3
OPENED_ROLES = {"region", "tabpanel"}
CONTROLS = etree.XPath("//*[@aria-controls = $id]")
CONTROLLED_IDS = etree.XPath("//@aria-controls", smart_strings=False)
# the elements whose markup can hide them, picked in C (is_hidden reads which of them do)
MAY_HIDE = etree.XPath("descendant-or-self::*[@style or @hidden or @aria-hidden]")


def collapsed_prose(main: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> list[HtmlElement]:
    """Hidden blocks of prose in the main block, outermost first (a shown block's hidden parts are
    looked at as blocks of their own)."""
    # the boxes around the main block too: a whole page hidden until its script runs
    above = [a for a in main.iterancestors() if a.tag not in ("body", "html")]
    hidden = [el for el in (*reversed(above), *MAY_HIDE(main)) if is_hidden(el)]
    if not hidden:   # most pages: no need to collect the page's controls
        return []
    controlled = set(CONTROLLED_IDS(main.getroottree().getroot()))
    found = []
    for el in hidden:
        if not _opened_by_a_control(el, controlled):
            continue
        s = stats.get(el)
        if s is not None and s.paragraphs >= MIN_PARAGRAPHS and link_density(s) < MAX_LINK_DENSITY \
                and not in_marked_box(el):
            found.append(el)
    return found


def _opened_by_a_control(el: HtmlElement, controlled: set[str]) -> bool:
    return el.get("id") in controlled or el.get("role") in OPENED_ROLES or el.get("aria-labelledby") is not None


def show(blocks: list[HtmlElement]) -> list[str]:
    """The hiding goes (the rest of the style stays), and the buttons that open a block become plain text:
    an accordion's button is its section's heading. Returns what was shown, for scrape explain."""
    shown = []
    for el in blocks:
        style = el.get("style")
        if style is not None:
            el.set("style", HIDING_STYLE.sub("", style))
        for attr in ("hidden", "aria-hidden"):
            el.attrib.pop(attr, None)
        if el.get("id"):
            for control in CONTROLS(el, id=el.get("id")):
                if control.tag == "button":
                    control.tag = "span"
        chars = len(visible_text(el))
        shown.append(f"showed a folded section <{el.tag}> of {chars} characters")
    return shown
