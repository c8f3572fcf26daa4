"""Hand one article segment's tree to trafilatura and get its body text back, one block per line."""
from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement, document_fromstring
from trafilatura import bare_extraction

from . import rules, trafilatura_patch
from .blocks import TABLE_CELLS, BlockStats, link_density, visible_text
from .faithful_text import ItemMarkers, faithful_text, page_language
from .trafilatura_patch import FastPass, fast_pass
from .trafilatura_selectors import dropped_for_its_name

trafilatura_patch.apply()


def segment_document(segment: HtmlElement) -> HtmlElement:
    """A document holding only this segment, so trafilatura cannot wander into its neighbours."""
    doc = document_fromstring("<html><body></body></html>")
    doc.find("body").append(deepcopy(segment))
    lang = page_language(segment)
    if lang:   # the page's language, which sets the quotation marks drawn around a <q> (faithful_text)
        doc.set("lang", lang)
    return doc


def extract_body(tree: HtmlElement, url: str | None, fast: bool = True, memo: FastPass | None = None) -> str:
    """With a memo, a fast extraction keeps in it what the full one (fast=False) of the same tree, given the
    memo next, can take instead of finding it again: the same text, less work (see FastPass)."""
    # trafilatura copies the tree it is given, so the caller's tree stays as it was
    with fast_pass(memo, recording=fast), faithful_text():
        doc = bare_extraction(tree, url=url, fast=fast, include_comments=False, include_tables=True,
                              with_metadata=False, deduplicate=False)
    return (doc.text or "") if doc is not None else ""


WALL_CHARS = 300     # a line this long with no break may be trafilatura's baseline (the page's text in one line);
                     # a real single paragraph has no block inside to break at, so it stays whole
SEARCH_AHEAD = 20_000  # characters past the last block found in which the next block's text is looked for
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd",
              "figcaption", "div", "section", "article", "header", "footer", "aside", "nav", "main", "form", "table")


def split_on_blocks(text: str, tree: HtmlElement) -> str:
    """Put back the block breaks that trafilatura's baseline extractor (or a JSON-LD articleBody) leaves out:
    each innermost block of the tree whose text stands in the wall in page order starts a new line (a
    table's row, not each cell), a list item's after its marker ("- ", or its number in an ordered list, as
    the main extractor writes them). The words stay as extracted; only line breaks and markers are added."""
    if "\n" in text or len(text) < WALL_CHARS:
        return text
    return _split_wall(text, _innermost_blocks(tree))


MARKED = re.compile(r"\s*(?:- |\d+\. |[a-zA-Z]{1,4}\. )")   # a line that starts with a list marker


def with_list_markers(text: str, tree: HtmlElement) -> str:
    """Put back the markers of list items that trafilatura wrote as plain lines (its wild-text pass takes an
    item's paragraphs as paragraphs; its fallback extractors write no markers): a line that is the whole text
    of a list item of the tree gets "- ", or its number in an ordered list, as the main extractor writes them.
    No word changes."""
    items = list(tree.iter("li"))
    lines = text.split("\n")
    if len(items) <= sum(1 for line in lines if MARKED.match(line)):
        return text   # as many marked lines as items (most pages): none to look for
    by_text: dict[str, list[HtmlElement]] = {}
    for li in items:
        if next(li.iterdescendants("li", "ul", "ol", "table"), None) is not None:
            continue   # an item holding a list stays as it is
        words = "".join(li.text_content().split())
        links = sum(len("".join(a.text_content().split())) for a in li.iter("a"))
        if 2 * links < len(words):   # a link (a table of contents' entry) reads like the heading it points to
            by_text.setdefault(words, []).append(li)
    item_marker = ItemMarkers()
    for i, line in enumerate(lines):
        found = by_text.get("".join(line.split())) if line.strip() and not MARKED.match(line) else None
        if found:
            lines[i] = item_marker(found.pop(0)) + line.strip()
    return "\n".join(lines)


def _innermost_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """The blocks holding no other block, in page order; a table cell stands for its row (once)."""
    blocks = list(tree.iter(BLOCK_TAGS))
    outer: set[HtmlElement] = set()      # blocks holding another block; each ancestor is marked once
    for el in blocks:
        for ancestor in el.iterancestors():
            if ancestor in outer:
                break
            outer.add(ancestor)
    innermost: list[HtmlElement] = []
    for el in blocks:
        if el in outer:
            continue
        row = el.getparent() if el.tag in TABLE_CELLS else None
        if row is not None and row.tag == "tr":
            if innermost and innermost[-1] is row:
                continue   # the row stands already for an earlier cell of it (its cells looked at once)
            if not any(cell in outer for cell in row.iter(*TABLE_CELLS)):
                el = row   # a row of plain cells is one line, as trafilatura writes a table
        innermost.append(el)
    return innermost


def _split_wall(text: str, blocks: list[HtmlElement]) -> str:
    # compare with all whitespace removed: inline markup and the extractor space words differently
    compact_at = [i for i, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[i] for i in compact_at)
    cuts, cursor = set(), 0
    markers: dict[int, str] = {}   # where a list item's line starts -> its marker
    item_marker = ItemMarkers()
    for el in blocks:
        piece = "".join(el.text_content().split())
        if len(piece) < 2:
            continue
        # a block whose text is not in the wall (trafilatura left it out) costs a bounded look ahead
        at = compact.find(piece, cursor, cursor + len(piece) + SEARCH_AHEAD)
        if at == -1:
            continue
        cuts.add(compact_at[at])
        if el.tag == "li":
            markers[compact_at[at]] = item_marker(el)
        cursor = at + len(piece)
        if cursor < len(compact_at):
            cuts.add(compact_at[cursor])
    bounds = sorted(cuts | {0, len(text)})
    lines = ((a, text[a:b].strip()) for a, b in zip(bounds, bounds[1:]))
    return "\n".join(markers.get(a, "") + line for a, line in lines if line)


BOX_TAGS = ("div", "section", "figure", "aside", "header")
MIN_TAIL_CHARS = 20   # shorter text after a box is punctuation or a stray word


def keep_text_after_boxes(root: HtmlElement) -> list[str]:
    """Text that runs on after a box of blocks (an image box with its caption, a heading box) up to a line
    break, as in pages whose body is text split by <br>: trafilatura's main extractor drops it with the box,
    often the article's first paragraph. It moves behind a <br> of its own, where trafilatura reads it as the
    lines that follow. Text that runs into a box or a block instead is a teaser's or a card's, and stays put.
    Returns what changed, for scrape explain."""
    moved = []
    for box in list(root.iter(BOX_TAGS)):
        tail = box.tail
        if not tail or len(tail.strip()) < MIN_TAIL_CHARS or not any(child.tag in BLOCK_TAGS for child in box):
            continue
        run_end = box.getnext()   # the inline markup that carries the run on, up to what ends it
        while run_end is not None and isinstance(run_end.tag, str) and run_end.tag != "br" \
                and run_end.tag not in BLOCK_TAGS:
            run_end = run_end.getnext()
        if run_end is None or run_end.tag != "br":
            continue
        br = box.makeelement("br", {})
        br.tail, box.tail = tail, None
        box.addnext(br)
        moved.append(len(tail.strip()))
    return [f"kept the text after {len(moved)} boxes ({sum(moved)} characters)"] if moved else []


EMBED_NAME = re.compile(r"embed|tweet|instagram|tiktok|social", re.I)   # a post from another site, shown in place


def keep_quotations(main: HtmlElement) -> list[str]:
    """A <figure> holding a <blockquote> becomes a <div>: trafilatura drops every figure as an image
    box (it rescues only those holding a table), and with them the quotations an article sets in one.
    An embedded social post (a tweet's blockquote) stays a figure. Returns what changed, for scrape explain."""
    kept = []
    for figure in list(main.iter("figure")):
        quote = figure.find(".//blockquote")
        if quote is None or EMBED_NAME.search(f"{figure.get('class', '')} {quote.get('class', '')}"):
            continue
        figure.tag = "div"
        kept.append(f"kept a quotation set in a <figure> ({len(visible_text(quote))} characters)")
    return kept


PROSE_BOX_PARAGRAPHS = 2   # long paragraphs (blocks.LONG_PARAGRAPH) that make a box article text;
# one does for an "embed" box: a tweet or a player holds none, and sites set each section of a guide in one
PROSE_BOX_MAX_LINK_DENSITY = 0.3
TABLE_ROWS = 3   # a table of this many rows (a header and two) in an "embed" box is the article's
CONTENT_BOX_WORDS = frozenset(rules.CONTENT_BOX_WORDS)


def keep_prose_boxes(main: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> list[str]:
    """trafilatura drops a box whose class holds one of its boilerplate words anywhere, even inside another
    word: "embed" in a Webflow "w-embed" box that holds the article's tables (and, when its HTML leaves a
    tag open, the rest of the article), "bar" in a Statamic "bard" text block. A box in or around the main
    block that holds the article's text (and then an "embed" box elsewhere that holds a table) loses such words
    (any with "embed", and rules.CONTENT_BOX_WORDS), so the extractor reads it; its other names stay
    (trafilatura finds the body by names such as "entry-content"). The article's text: long, link-poor
    paragraphs, two of them, or in an "embed" box one, or a table of several rows. A tweet or a video player
    holds neither, and a comments box keeps its name.
    Returns what changed, for scrape explain."""
    kept = []
    near = [*main.iterancestors(), *main.iter()]   # the main block may itself sit inside such a box
    for box in near:
        holds = _content_box(box, stats, prose=True)
        if holds:
            kept.append(holds)
    if kept:   # a page built of such boxes (Webflow: its text in one "w-embed", each table in another)
        near_set = set(near)
        kept += filter(None, (_content_box(box, stats, prose=False)
                              for box in EMBED_BOXES(main) if box not in near_set))
    return kept


def _content_box(box: HtmlElement, stats: dict[HtmlElement, BlockStats], prose: bool) -> str | None:
    """Unnames the box if it is one trafilatura misreads that holds the article's prose (when asked) or a
    table; returns what was kept, or None."""
    words = (box.get("class") or "").split() if isinstance(box.tag, str) else []
    misread = [w for w in words if "embed" in w.lower() or w.lower() in CONTENT_BOX_WORDS]
    if not misread or not dropped_for_its_name(box):
        return None
    box_stats = stats.get(box)
    if box_stats is None or link_density(box_stats) > PROSE_BOX_MAX_LINK_DENSITY:
        return None
    embed = all("embed" in w.lower() for w in misread)
    holds = (f"{box_stats.paragraphs} paragraphs of prose"
             if prose and box_stats.paragraphs >= (1 if embed else PROSE_BOX_PARAGRAPHS) else
             "a table" if embed and _table_rows(box) >= TABLE_ROWS else None)
    if holds is None:
        return None
    box.set("class", " ".join(w for w in words if w not in misread))
    return f"kept <{box.tag}> named {' '.join(misread)!r}, which trafilatura drops: it holds {holds}"


EMBED_BOXES = etree.XPath("/descendant::*[contains(@class, 'embed') or contains(@class, 'Embed')]")


def _table_rows(box: HtmlElement) -> int:
    table = next(box.iter("table"), None)
    return 0 if table is None else sum(1 for _ in table.iter("tr"))
