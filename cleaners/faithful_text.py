"""What trafilatura's plain text leaves out that a reader of the page sees; faithful_text() puts it back.

- Ordered lists keep their numbers ("1. Preheat the oven"): trafilatura writes "- " before every list item
  in plain text (it numbers an <ol>'s items in Markdown only) and drops the list's start and reversed
  attributes on the way. Here they are numbered as a browser does, from the start, down in a reversed list.
- A table cell that reads "LinkedIn", "Google" or "Email" stays: trafilatura drops every element whose
  text is only such a name (a share button's label), which empties the rows of a comparison table.
Only the cleaner's own extractions run inside faithful_text(): trafilatura used elsewhere in the process
(bench/'s baselines) stays as published."""
from __future__ import annotations

from contextlib import contextmanager

from lxml.html import HtmlElement
from trafilatura import htmlprocessing
from trafilatura import xml as trafilatura_xml

ORDERED = "ol"
original_convert_list = htmlprocessing.CONVERSIONS[ORDERED]
original_list_marker = trafilatura_xml._list_marker


def first_number(start: str | None, count: int, counting_down: bool) -> int:
    """The number a browser shows before an ordered list's first item."""
    try:
        return int((start or "").strip())
    except ValueError:   # no start, or not a number: the browser's default
        return count if counting_down else 1


def numbered(number: int, text: str) -> str:
    """The marker before an item of this text: its number, unless the item writes it already, alone in a
    box or before a stop ("1." "1)" "1:"): a list whose style hides the browser's numbers and sets its own."""
    head = text.strip()[:12]
    digits = str(number)
    if head.startswith(digits) and head[len(digits):len(digits) + 1] in ("", ".", ")", ":"):
        return ""
    return f"{number}. "


def first_text(item) -> str:
    """The item's first piece of text: a number in a box of its own stays whole ("1", not "1Look for")."""
    return next((t for t in item.itertext() if t.strip()), "")


def numbered_items(ol: HtmlElement, items: list[tuple[HtmlElement, str]]) -> list[str]:
    """An <ol>'s items (each <li> with its text) as lines, each after its number."""
    step = -1 if "reversed" in ol.attrib else 1
    first = first_number(ol.get("start"), len(items), step < 0)
    return [numbered(first + step * i, first_text(li)) + text for i, (li, text) in enumerate(items)]


def _convert_list(elem) -> None:
    """trafilatura's conversion of <ol> to <list rend="ol">, the start and direction kept in the rend
    (the one attribute trafilatura carries over to the list it extracts)."""
    start, counting_down = elem.get("start"), "reversed" in elem.attrib
    original_convert_list(elem)
    if counting_down:
        elem.set("rend", f"{ORDERED} reversed")
    if start is not None:
        elem.set("rend", f"{elem.get('rend')} start={''.join(start.split())}")


def _list_marker(item, include_formatting: bool = True) -> str:
    parent = item.getparent()
    words = (parent.get("rend") or "").split() if parent is not None else []
    plain = original_list_marker(item, False)   # indent + "- "
    if not words or words[0] != ORDERED:
        return plain
    index = sum(1 for _ in item.itersiblings("item", preceding=True))
    start = next((w.removeprefix("start=") for w in words if w.startswith("start=")), None)
    if "reversed" in words:
        count = index + 1 + sum(1 for _ in item.itersiblings("item"))
        number = first_number(start, count, True) - index
    else:
        number = first_number(start, 0, False) + index
    return plain[:-2] + numbered(number, first_text(item))


original_textfilter = htmlprocessing.textfilter
CELLS = {"td", "th", "cell"}   # a cell before and after trafilatura converts it


def _textfilter(elem) -> bool:
    """trafilatura's filter of empty texts and share-button labels, the labels kept in a table cell."""
    if not original_textfilter(elem):
        return False
    text = elem.tail if elem.text is None else elem.text
    if not text or text.isspace():
        return True
    return not (elem.tag in CELLS or any(a.tag in CELLS for a in elem.iterancestors()))


@contextmanager
def faithful_text():
    htmlprocessing.CONVERSIONS[ORDERED] = _convert_list
    trafilatura_xml._list_marker = _list_marker
    htmlprocessing.textfilter = _textfilter
    try:
        yield
    finally:
        htmlprocessing.CONVERSIONS[ORDERED] = original_convert_list
        trafilatura_xml._list_marker = original_list_marker
        htmlprocessing.textfilter = original_textfilter
