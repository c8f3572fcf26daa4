"""Put the parts of a streamed React page where its scripts would put them.

React's streaming server render sends the page shell first, with a placeholder `<template id="B:0">`
(or `P:0`) where a part is still loading, and the part itself later, at the end of the body, as
`<div hidden id="S:0">`; an inline script (`$RC("B:0","S:0")`, `$RS("S:0","P:0")`) moves it into place.
Saved without running the scripts, the article sits hidden after the footer, and extractors drop hidden
blocks: a page came back as its first two paragraphs. The parts go where the calls say, in the calls'
order (a part can hold another part's placeholder); without the calls, the part takes the placeholder
with its number.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

# the parts and the placeholders, in one walk of the tree
PARTS_AND_PLACEHOLDERS = etree.XPath("//*[self::div[@hidden][starts-with(@id, 'S:')] or "
                                     "self::template[starts-with(@id, 'B:') or starts-with(@id, 'P:')]]")
MOVE_CALL = re.compile(r'\$R([CRS])\("([BPS]:\w+)","([BPS]:\w+)"')   # $RC/$RR(boundary, part), $RS(part, placeholder)


def place_streamed_parts(tree: HtmlElement, html: str) -> list[str]:
    """Move each hidden part into its placeholder; returns what was moved, for scrape explain. `html` is
    the page's text: most pages have no <template>, and a substring test spares them the tree search."""
    if "<template" not in html:
        return []
    found = PARTS_AND_PLACEHOLDERS(tree)
    parts = {el.get("id"): el for el in found if el.tag == "div"}
    if not parts:
        return []
    placeholders = {el.get("id"): el for el in found if el.tag == "template"}
    moves = []
    for script in tree.iter("script"):
        code = script.text or ""
        if "$R" in code:
            moves += [(first, second) if kind == "S" else (second, first) for kind, first, second in MOVE_CALL.findall(code)]
    if not moves:
        moves = [(part_id, f"{prefix}:{part_id[2:]}") for part_id in parts for prefix in "BP"]
    placed = []
    for part_id, placeholder_id in moves:
        part, placeholder = parts.get(part_id), placeholders.get(placeholder_id)
        if part is None or placeholder is None or placeholder.getparent() is None or part.getparent() is None \
                or any(a is part for a in placeholder.iterancestors()):
            continue   # a part cannot go into a placeholder it holds itself
        chars = len(part.text_content())
        _replace_with_contents(placeholder, part)
        del parts[part_id]
        placed.append(f"put a streamed part ({chars} characters of text) in its placeholder {placeholder_id}")
    return placed


def _replace_with_contents(placeholder: HtmlElement, part: HtmlElement) -> None:
    """The part's text and children stand where the placeholder stood; both elements go, and the text
    after each (their tails) stays where it was."""
    after = placeholder.tail or ""
    placeholder.tail = part.text
    part.text = None
    children = list(part)
    at = placeholder.getparent().index(placeholder)
    for offset, child in enumerate(children):   # moving a child moves its tail with it
        placeholder.getparent().insert(at + 1 + offset, child)
    last = children[-1] if children else placeholder
    last.tail = (last.tail or "") + after
    part.drop_tree()
    placeholder.drop_tree()
