"""Same results from trafilatura, less work: drop-in replacements for its hot helpers.

Each replacement returns exactly what the original returns (tests/test_trafilatura_speedups.py runs both
on the same trees); only the cost changes. trafilatura is pinned in pyproject.toml, so the functions
replaced here are the ones read when writing this.
"""
from __future__ import annotations

from contextlib import contextmanager

from lxml.html import HtmlElement
from trafilatura import htmlprocessing, main_extractor
from trafilatura.htmlprocessing import delete_element

original_prune_unwanted_nodes = htmlprocessing.prune_unwanted_nodes


def prune_unwanted_nodes(tree: HtmlElement, nodelist: list, with_backup: bool = False) -> HtmlElement:
    """trafilatura's prune_unwanted_nodes. Its guarded form looked for a matched ancestor of each match by
    walking up to the root every time (matches x depth: a quarter of the cost of its main extractor on
    deep pages); here each ancestor is looked at once and its answer remembered."""
    if not with_backup:
        for expression in nodelist:
            for subtree in expression(tree):
                delete_element(subtree)
        return tree
    matches = dict.fromkeys(elem for expression in nodelist for elem in expression(tree))
    if not matches:
        return tree
    covered: dict[HtmlElement, bool] = {}   # non-matching element -> a match stands above it
    outer = []
    for elem in matches:
        walked = []
        above = False
        for ancestor in elem.iterancestors():
            if ancestor in matches:
                above = True
                break
            known = covered.get(ancestor)
            if known is not None:
                above = known
                break
            walked.append(ancestor)
        for ancestor in walked:
            covered[ancestor] = above
        if not above:
            outer.append(elem)
    old_len = len(tree.text_content())
    if old_len - sum(len(elem.text_content()) for elem in outer) > old_len / 7:
        for elem in outer:
            delete_element(elem)
    return tree


def apply() -> None:
    # main_extractor is the only caller of the guarded form; it imported the name, so it is replaced there
    main_extractor.prune_unwanted_nodes = prune_unwanted_nodes


@contextmanager
def trafilatura_as_published():
    """trafilatura without these replacements, for baselines timed beside the cleaner (bench/speed.py):
    once the cleaner is imported, a plain trafilatura.extract in the same process would run them too."""
    patched = main_extractor.prune_unwanted_nodes
    main_extractor.prune_unwanted_nodes = original_prune_unwanted_nodes
    try:
        yield
    finally:
        main_extractor.prune_unwanted_nodes = patched
