"""Tables used for layout, not for data: old sites and e-mail-like pages set the whole page in a <table>,
the article in one cell. trafilatura writes a table as rows of cells ("| cell | cell |"), so such an article
came back as one line with pipes, its paragraphs run together and out of reach of every line rule.
A table around the main block whose cells hold a page column (long paragraphs, another table) becomes plain
blocks before the pruning; a data table (short values in rows and columns) stays a table."""
from __future__ import annotations

from lxml.html import HtmlElement

from .blocks import TABLE_CELLS, BlockStats, measure

TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")
# what a cell of running text holds besides its words: it reads as one paragraph
INLINE = {"a", "b", "i", "u", "s", "em", "strong", "font", "span", "small", "big", "sup", "sub", "br", "img", "abbr",
          "cite", "q", "code", "tt", "mark", "strike", "label", "time", "wbr"}
LAYOUT_CELL = "data-layout-cell"   # marks a former cell of a layout table
LAYOUT_CELL_PARAGRAPHS = 2   # long paragraphs (blocks.LONG_PARAGRAPH) in one cell: a column of a page
LAYOUT_CELL_CHARS = 1000     # or this much text in one cell, however it is broken (<br>, <div>)


def is_layout_table(table: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> bool:
    """A declared presentation table, one holding another table, or one with a cell that holds a page
    column: two long paragraphs, or a thousand characters and more."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    for cell in table.iter(*TABLE_CELLS):
        s = stats.get(cell)
        if s is None:
            continue
        if s.paragraphs >= LAYOUT_CELL_PARAGRAPHS or s.text >= LAYOUT_CELL_CHARS:
            return True
        if next(cell.iter("table"), None) is not None:
            return True
    return False


def unlayout_tables(root: HtmlElement, stats: dict[HtmlElement, BlockStats], main: HtmlElement | None) -> list[str]:
    """Turn the layout tables around the main block into blocks: rows and cells become <div>s, a cell of
    running text a <p>; in a cell that also holds blocks, each run of loose text becomes a <p> of its own
    (trafilatura skips the loose text of a <div>). New paragraphs are measured into `stats`. Returns the
    repairs made."""
    if main is None:
        return []
    layout = [t for t in main.iterancestors("table") if is_layout_table(t, stats)]
    # each table's own rows and cells: a data table nested in a layout cell stays a table
    parts = [el for table in layout for el in table.iter(*TABLE_PARTS)
             if el is table or (el.tag != "table" and next(el.iterancestors("table"), None) is table)]
    for el in parts:
        if el.tag not in TABLE_CELLS:
            el.tag = "div"
            continue
        el.set(LAYOUT_CELL, "")   # a column of the page: the pruner reads a column of links as a menu
        if all(child.tag in INLINE for child in el):
            el.tag = "p"
        else:
            el.tag = "div"
            for paragraph in _wrap_loose_text(el):
                stats.update(measure(paragraph))
    return [f"read {len(layout)} layout table(s) as blocks"] if layout else []


def _wrap_loose_text(box: HtmlElement) -> list[HtmlElement]:
    """Put each run of text and inline elements among the box's blocks into a <p> (what a browser shows as
    an anonymous block); returns the new paragraphs."""
    children: list[HtmlElement] = []
    new: list[HtmlElement] = []
    run: HtmlElement | None = None

    def open_run() -> HtmlElement:
        nonlocal run
        if run is None:
            run = box.makeelement("p", {})
            children.append(run)
            new.append(run)
        return run

    def add_text(text: str) -> None:
        if run is None and not text.strip():
            return   # the whitespace between two blocks
        paragraph = open_run()
        if len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + text
        else:
            paragraph.text = (paragraph.text or "") + text

    text, box.text = box.text, None
    if text:
        add_text(text)
    for child in list(box):
        tail, child.tail = child.tail, None
        box.remove(child)
        if isinstance(child.tag, str) and child.tag in INLINE:
            open_run().append(child)
        else:
            children.append(child)
            run = None
        if tail:
            add_text(tail)
    box.extend(children)
    return new
