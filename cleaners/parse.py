"""Text to tree, once per page. The tree is built the way trafilatura.load_html builds it
(same parser settings, same repairs), so trafilatura sees exactly what it expects."""
from __future__ import annotations

from lxml import etree
from lxml.html import HTMLParser, HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

# libxml2 stops at 256 levels of nesting (no huge_tree) and we skip such a page as too_deep;
# the element bound keeps a page of millions of tiny elements from eating the run.
MAX_ELEMENTS = 400_000

# trafilatura's HTML_PARSER settings. Its element class lookup is done in C here: lxml.html's default
# lookup calls Python for every element proxy (a form element gets a FormElement, which nothing in
# the cleaner, trafilatura or htmldate uses), about 6% of all cleaning time.
PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                    remove_pis=True)
PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


# the characters INVALID_XML_CHARS removes: looked for one by one (a fast scan), removed only when present
INVALID_XML = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))


def repair_html(text: str) -> str:
    """trafilatura's repair_faulty_html, same result, less copying: its doctype repair splits every page
    at its first line break and joins it again, and it scans for control characters with a regex
    (together a quarter of the parsing time)."""
    doctype = "doctype" in text[:50].lower()
    if any(ch in text for ch in INVALID_XML):
        text = INVALID_XML_CHARS.sub("", text)
    if doctype:
        at = text.find("\n")
        if at == -1:   # as trafilatura, whose split and join add a line break to a page on one line
            text = DOCTYPE_TAG.sub("", text, count=1) + "\n"
        else:
            mended = DOCTYPE_TAG.sub("", text[:at], count=1)
            if len(mended) != at:
                text = mended + text[at:]
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            text = FAULTY_HTML.sub(r"\1>", text, count=1)
            break
    return text


class UnparsablePage(ValueError):
    """The text is not an HTML document we can build a tree from."""


class TooDeep(UnparsablePage):
    """libxml2 stopped at its nesting limit: the rest of the page was never read."""


def parse_html(text: str, repairs: list[str] | None = None) -> HtmlElement:
    """repairs, if given, gets a line for each mend of the tree (for scrape explain)."""
    text = repair_html(text)
    try:
        try:
            tree = fromstring(text, parser=PARSER)
        except ValueError:
            # "Unicode strings with encoding declaration are not supported" (XHTML prolog)
            tree = fromstring(text.encode("utf-8", "surrogatepass"), parser=PARSER)
    except Exception as err:  # lxml raises ParserError/XMLSyntaxError on empty or junk text
        raise UnparsablePage(str(err)) from err
    if any("Excessive depth" in e.message for e in PARSER.error_log):
        raise TooDeep("nesting deeper than libxml2's limit of 256")
    if tree is None or tree.tag != "html" and tree.find(".//body") is None and len(tree) == 0:
        raise UnparsablePage("no HTML elements")
    moved = adopt_trailing_documents(tree)
    if moved and repairs is not None:
        plural = "s" if moved > 1 else ""
        repairs.append(f"markup after the end of the document moved into the body ({moved} element{plural})")
    return tree


def adopt_trailing_documents(tree: HtmlElement) -> int:
    """Markup after "</body></html>" (a second document pasted in, or a theme that closes the page
    too early) becomes a second <html> beside the root, which nothing walking down from the root ever
    sees; on some pages it holds the whole article. (A fragment without <html> gets the same: lxml
    returns its first element, the rest beside it.) The elements beside the root move to the end of the
    root's body, or of the root itself when it has none; a second <head> stays behind, the page's own
    comes first. The emptied sibling is left in place: lxml cannot detach a top-level node."""
    strays = [el for el in tree.itersiblings() if isinstance(el.tag, str)]
    if not strays:
        return 0
    moved = 0
    body = tree.find("body")
    if body is None:
        body = tree   # a page without a <body>: the root holds its content, and now the rest of it
    for stray in strays:
        parts = stray if stray.tag == "html" else [stray]
        for part in list(parts):
            if not isinstance(part.tag, str) or part.tag == "head":
                continue
            children = list(part) if part.tag == "body" else [part]
            body.extend(children)
            moved += len(children)
    return moved


def count_elements(tree: HtmlElement, limit: int = MAX_ELEMENTS) -> int:
    """Element count up to limit (stops early so a huge page costs little)."""
    n = 0
    for _ in tree.iter():
        n += 1
        if n > limit:
            break
    return n
