"""Hand one article segment's tree to trafilatura and get its body text back, one block per line."""
from __future__ import annotations

from copy import deepcopy

from lxml.html import HtmlElement, document_fromstring
from trafilatura import bare_extraction


def segment_document(segment: HtmlElement) -> HtmlElement:
    """A document holding only this segment, so trafilatura cannot wander into its neighbours."""
    doc = document_fromstring("<html><body></body></html>")
    doc.find("body").append(deepcopy(segment))
    return doc


def extract_body(tree: HtmlElement, url: str | None, fast: bool = True) -> str:
    # trafilatura copies the tree it is given, so the caller's tree stays as it was
    doc = bare_extraction(tree, url=url, fast=fast, include_comments=False, include_tables=True,
                          with_metadata=False, deduplicate=False)
    return (doc.text or "") if doc is not None else ""
