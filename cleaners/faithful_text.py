"""What trafilatura's plain text leaves out that a reader of the page sees; faithful_text() puts it back.

- Ordered lists keep their numbers ("1. Preheat the oven"): trafilatura writes "- " before every list item
  in plain text (it numbers an <ol>'s items in Markdown only) and drops the list's start, reversed
  and type attributes on the way. Here they are numbered as a browser does: from the start, down in a
  reversed list, in letters or roman numerals as the type says.
- An inline quotation (<q>) stays in its sentence, between the quotation marks a browser draws for the
  page's language: trafilatura makes it a block of its own, which breaks the sentence in three paragraphs.
- A table cell that reads "LinkedIn", "Google" or "Email" stays: trafilatura drops every element whose
  text is only such a name (a share button's label), which empties the rows of a comparison table.
Only the cleaner's own extractions run inside faithful_text(): trafilatura used elsewhere in the process
(bench/'s baselines) stays as published."""
from __future__ import annotations

from contextlib import contextmanager

from lxml.html import HtmlElement
from trafilatura import htmlprocessing
from trafilatura import xml as trafilatura_xml

from . import rules
from .blocks import TABLE_CELLS, within

ORDERED = "ol"
original_convert_list = htmlprocessing.CONVERSIONS[ORDERED]
original_list_marker = trafilatura_xml._list_marker


def first_number(start: str | None, count: int, counting_down: bool) -> int:
    """The number a browser shows before an ordered list's first item."""
    try:
        return int((start or "").strip())
    except ValueError:   # no start, or not a number: the browser's default
        return count if counting_down else 1


ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
LIST_TYPES = {"1", "a", "A", "i", "I"}   # <ol type>: decimal, letters, roman numerals


def counter(number: int, kind: str = "1") -> str:
    """How a browser writes an item's number in a list of this type (decimal where a type has no
    such number: below 1, or a roman numeral past 3999)."""
    if kind in ("a", "A") and number >= 1:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 1 <= number <= 3999:
        roman = ""
        for value, digits in ROMAN:
            while number >= value:
                roman, number = roman + digits, number - value
        return roman.upper() if kind == "I" else roman
    return str(number)


def numbered(number: int, text: str, kind: str = "1") -> str:
    """The marker before an item of this text: its number, unless the item writes it already, alone in a
    box or before a stop ("1." "1)" "1:"): a list whose style hides the browser's numbers and sets its own."""
    head = text.strip()[:12]
    label = counter(number, kind)
    if head.startswith(label) and head[len(label):len(label) + 1] in ("", ".", ")", ":"):
        return ""
    return f"{label}. "


def first_text(item) -> str:
    """The item's first piece of text: a number in a box of its own stays whole ("1", not "1Look for")."""
    return next((t for t in item.itertext() if t.strip()), "")


def numbered_items(ol: HtmlElement, items: list[tuple[HtmlElement, str]]) -> list[str]:
    """An <ol>'s items (each <li> with its text) as lines, each after its number."""
    return [ordered_marker(ol, i, len(items), first_text(li)) + text for i, (li, text) in enumerate(items)]


def ordered_marker(ol: HtmlElement, index: int, count: int, text: str) -> str:
    """The marker of the item at this index of an <ol> of count items, as numbered() writes it."""
    kind = ol.get("type") if ol.get("type") in LIST_TYPES else "1"
    return _marker(index, count, ol.get("start"), "reversed" in ol.attrib, kind, text)


def _marker(index: int, count: int, start: str | None, counting_down: bool, kind: str, text: str) -> str:
    """The marker of the item at this index of an ordered list of count items (only a reversed list's
    numbers depend on the count)."""
    first = first_number(start, count, counting_down)
    return numbered(first - index if counting_down else first + index, text, kind)


class ItemMarkers:
    """The markers of list items met in page order, for text that lost them (trafilatura's baseline): "- " in
    a bulleted list, the number in an ordered one (each list's items counted once)."""

    def __init__(self) -> None:
        self.positions: dict[HtmlElement, dict[HtmlElement, int]] = {}

    def __call__(self, li: HtmlElement) -> str:
        ol = li.getparent()
        if ol is None or ol.tag != ORDERED:
            return "- "
        order = self.positions.get(ol)
        if order is None:
            order = self.positions[ol] = {item: i for i, item in enumerate(ol.iterchildren("li"))}
        return ordered_marker(ol, order[li], len(order), first_text(li))


def _convert_list(elem) -> None:
    """trafilatura's conversion of <ol> to <list rend="ol">, the start, direction and type kept in the rend
    (the one attribute trafilatura carries over to the list it extracts)."""
    start, counting_down, kind = elem.get("start"), "reversed" in elem.attrib, elem.get("type")
    original_convert_list(elem)
    if counting_down:
        elem.set("rend", f"{ORDERED} reversed")
    if start is not None:
        elem.set("rend", f"{elem.get('rend')} start={''.join(start.split())}")
    if kind in LIST_TYPES and kind != "1":
        elem.set("rend", f"{elem.get('rend')} type={kind}")


def _list_marker(item, include_formatting: bool = True) -> str:
    parent = item.getparent()
    words = (parent.get("rend") or "").split() if parent is not None else []
    plain = original_list_marker(item, False)   # indent + "- "
    if not words or words[0] != ORDERED:
        return plain
    index = sum(1 for _ in item.itersiblings("item", preceding=True))
    start = next((w.removeprefix("start=") for w in words if w.startswith("start=")), None)
    kind = next((w.removeprefix("type=") for w in words if w.startswith("type=")), "1")
    counting_down = "reversed" in words
    count = index + 1 + sum(1 for _ in item.itersiblings("item")) if counting_down else 0
    return plain[:-2] + _marker(index, count, start, counting_down, kind, first_text(item))


QUOTATION = "q"
original_convert_quotation = htmlprocessing.CONVERSIONS[QUOTATION]
QUOTE_CHARS = set("\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f")


def _inline_quotation(elem) -> None:
    """<q>: its words as highlighted text within the sentence (trafilatura's <hi>), inside quotation marks
    unless the page sets its own around or inside it (then its style hides the browser's: „<q>…</q>“)."""
    previous, parent = elem.getprevious(), elem.getparent()
    before = (previous.tail if previous is not None else parent.text if parent is not None else None) or ""
    if before.rstrip()[-1:] not in QUOTE_CHARS and elem.text_content().lstrip()[:1] not in QUOTE_CHARS:
        opening, closing = quotation_marks(elem)
        elem.text = opening + (elem.text or "")
        if len(elem):
            elem[-1].tail = (elem[-1].tail or "") + closing
        else:
            elem.text += closing
    elem.tag = "hi"


def page_language(el: HtmlElement) -> str | None:
    """The language the page declares around this element: its nearest ancestor's lang attribute."""
    return next((a.get("lang") for a in el.iterancestors() if a.get("lang")), None)


def quotation_marks(elem) -> tuple[str, str]:
    """The marks a browser draws around a <q> in the language of the page."""
    lang = page_language(elem) or ""
    return rules.QUOTATION_MARKS.get(lang.split("-")[0].strip().lower(), rules.QUOTATION_MARKS[""])


original_textfilter = htmlprocessing.textfilter
CELLS = (*TABLE_CELLS, "cell")   # a cell before and after trafilatura converts it


def _textfilter(elem) -> bool:
    """trafilatura's filter of empty texts and share-button labels, the labels kept in a table cell."""
    if not original_textfilter(elem):
        return False
    text = elem.tail if elem.text is None else elem.text
    if not text or text.isspace():
        return True
    return not within(elem, CELLS)


@contextmanager
def faithful_text():
    htmlprocessing.CONVERSIONS[ORDERED] = _convert_list
    htmlprocessing.CONVERSIONS[QUOTATION] = _inline_quotation
    trafilatura_xml._list_marker = _list_marker
    htmlprocessing.textfilter = _textfilter
    try:
        yield
    finally:
        htmlprocessing.CONVERSIONS[ORDERED] = original_convert_list
        htmlprocessing.CONVERSIONS[QUOTATION] = original_convert_quotation
        trafilatura_xml._list_marker = original_list_marker
        htmlprocessing.textfilter = original_textfilter
