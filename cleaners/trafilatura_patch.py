"""Same results from trafilatura, less work: drop-in replacements for its hot helpers.

Each replacement returns exactly what the original returns (tests/test_trafilatura_speedups.py runs both
on the same trees); only the cost changes. trafilatura is pinned in pyproject.toml, so the functions
replaced here are the ones read when writing this.
"""
from __future__ import annotations

import importlib
from contextlib import contextmanager
from contextvars import ContextVar
from copy import copy, deepcopy

import htmldate.core as htmldate_core
from lxml.html import HtmlElement
from trafilatura import core, htmlprocessing, main_extractor, settings, xpaths
from trafilatura.htmlprocessing import delete_element

from .trafilatura_selectors import BASIC_CLEAN, SELECTORS, text_hash

# the module: `from trafilatura import baseline` gives its function of that name
baseline = importlib.import_module("trafilatura.baseline")
original_prune_unwanted_nodes = htmlprocessing.prune_unwanted_nodes
# the XPaths replaced by Python walks; trafilatura's modules share these lists, so they change in place
ORIGINAL_XPATHS = {key: getattr(xpaths, key[0])[key[1]] for key in SELECTORS}


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


original_prepare_tree = core._prepare_tree
original_extract_content = core.extract_content
original_recover_wild_text = main_extractor.recover_wild_text
original_core_prune = core.prune_unwanted_nodes
original_html2txt = core.html2txt


class FastPass:
    """What trafilatura's main extractor found in a fast extraction of a tree, for the full extraction (with
    the fallback extractors) of the same, unchanged tree: that one runs the main extractor again on the same
    cleaned tree before comparing with the fallbacks. The main extractor's result depends on `fast` only
    through its recovery of wild text (run when the main pass found too little), which keeps the teaser
    blocks in fast mode and drops them otherwise (outside recall mode): a result is kept only where no
    recovery ran, where it ran in recall mode, or where the tree had no teaser block for it to drop.

    Before that, both tries prune the same copy of the tree alike (appended articles, comment sections) and
    may measure the pruned tree's text: the full try takes the fast try's pruned tree, which no step of
    either try changes (each copies what it alters), and the measure of it.

    extract_body(..., memo=it) fills it in a fast try (anew at each call) and takes what it holds in a full
    try (fast=False); between the two the tree must not change."""

    def __init__(self) -> None:
        self.found: dict[str, tuple] = {}    # trafilatura's focus ("balanced", "recall") -> (body, text)
        self.recording = False
        self.teasers_matter = False          # set by the recovery of the extraction running
        self.pruned: HtmlElement | None = None   # the raw tree after trafilatura's first prunes
        self.page_text: str | None = None        # html2txt of it


_FAST_PASS: ContextVar[FastPass | None] = ContextVar("fast_pass", default=None)


@contextmanager
def fast_pass(memo: FastPass | None, recording: bool):
    """trafilatura's extractions in this block record into memo (recording) or take what it holds."""
    if memo is None:
        yield
        return
    if recording:
        memo.found.clear()
        memo.pruned = memo.page_text = None
    memo.recording = recording
    token = _FAST_PASS.set(memo)
    try:
        yield
    finally:
        _FAST_PASS.reset(token)


def extract_content(cleaned_tree: HtmlElement, options) -> tuple:
    """trafilatura's main extractor, or its result in the fast pass on the same tree (see FastPass)."""
    memo = _FAST_PASS.get()
    if memo is None:
        return original_extract_content(cleaned_tree, options)
    if not memo.recording:
        kept = memo.found.pop(options.focus, None) if not options.fast else None
        if kept is not None:
            return deepcopy(kept[0]), kept[1]
        return original_extract_content(cleaned_tree, options)
    memo.teasers_matter = False
    body, text = original_extract_content(cleaned_tree, options)
    if options.fast and not memo.teasers_matter:
        memo.found[options.focus] = (deepcopy(body), text)
    return body, text


def recover_wild_text(tree: HtmlElement, result_body, options, *args, **kwargs):
    """trafilatura's recovery of wild text, noting for a fast pass being recorded whether its result
    could depend on `fast`: its pruning drops the teaser blocks (selected by tag and attributes alone, so
    any of them is in the unpruned tree) only outside fast mode and recall mode."""
    memo = _FAST_PASS.get()
    if memo is not None and memo.recording and options.focus != "recall" and not memo.teasers_matter:
        memo.teasers_matter = any(len(expression(tree)) for expression in main_extractor.TEASER_DISCARD_XPATH)
    return original_recover_wild_text(tree, result_body, options, *args, **kwargs)


def prune_raw_tree(tree: HtmlElement, nodelist: list, with_backup: bool = False) -> HtmlElement:
    """trafilatura's first prunes of the raw tree (core.trafilatura_sequence), taken from the fast try in
    the full one (see FastPass): it applies both, or neither, under the same conditions."""
    memo = _FAST_PASS.get()
    if memo is None or with_backup or not (nodelist is core.RAW_TREE_PRUNE_XPATH
                                           or nodelist is core.REMOVE_COMMENTS_AND_LISTS_XPATH):
        return original_core_prune(tree, nodelist, with_backup)
    if memo.recording:
        memo.pruned = original_core_prune(tree, nodelist)   # pruned in place: the same tree after both
        memo.page_text = None
        return memo.pruned
    if memo.pruned is None:
        return original_core_prune(tree, nodelist)
    return memo.pruned   # (the second prune gets it back, pruned already)


def html2txt(tree: HtmlElement, *args, **kwargs) -> str:
    """trafilatura's measure of the page text (whether to retry in recall mode), of the fast try's pruned
    tree taken again in the full try."""
    memo = _FAST_PASS.get()
    if memo is None or args or kwargs or tree is not memo.pruned:
        return original_html2txt(tree, *args, **kwargs)
    if memo.page_text is None:
        memo.page_text = original_html2txt(tree)
    return memo.page_text


def prepare_tree(tree: HtmlElement, options, url: str | None) -> tuple[HtmlElement, HtmlElement | None]:
    """trafilatura's _prepare_tree without the backup copy of the cleaned tree when nothing reads it: only
    the fallback extractors (not in fast mode) and comment extraction (off) use it. Where the main
    extractor's result is taken from a fast pass (see FastPass), the converted tree it would read is not
    made: it is handed the cleaned tree, which it leaves alone."""
    if options.comments:
        return original_prepare_tree(tree, options, url)
    if not options.fast:
        memo = _FAST_PASS.get()
        if memo is not None and not memo.recording and options.focus in memo.found:
            cleaned = core.tree_cleaning(copy(tree), options)
            return cleaned, cleaned
        return original_prepare_tree(tree, options, url)
    return core.convert_tags(core.tree_cleaning(copy(tree), options), options, url), None


def apply() -> None:
    # main_extractor is the only caller of the guarded form; it imported the name, so it is replaced there
    main_extractor.prune_unwanted_nodes = prune_unwanted_nodes
    main_extractor.recover_wild_text = recover_wild_text
    core._prepare_tree = prepare_tree
    core.extract_content = extract_content   # core imported these names
    core.prune_unwanted_nodes = prune_raw_tree
    core.html2txt = html2txt
    _set_selectors(walks=True)


def _set_selectors(walks: bool) -> None:
    for (name, index), (written_for, walk) in SELECTORS.items():
        original = ORIGINAL_XPATHS[name, index]
        if walks and text_hash(original) == written_for:   # a trafilatura with other rules keeps its XPaths
            getattr(xpaths, name)[index] = walk
        else:
            getattr(xpaths, name)[index] = original
    written_for, walk = BASIC_CLEAN   # baseline imported the name
    use_walk = walks and text_hash(settings.BASIC_CLEAN_XPATH) == written_for
    baseline.BASIC_CLEAN_XPATH = walk if use_walk else settings.BASIC_CLEAN_XPATH


@contextmanager
def trafilatura_as_published():
    """trafilatura without these replacements, for baselines timed beside the cleaner (bench/speed.py):
    once the cleaner is imported, a plain trafilatura.extract in the same process would run them too.
    htmldate's text searches (cleaners/htmldate_speedups.py, used by trafilatura's metadata) go back too."""
    patched = main_extractor.prune_unwanted_nodes
    year_filter = htmldate_core.plausible_year_filter
    regex_parse = htmldate_core.regex_parse
    main_extractor.prune_unwanted_nodes = original_prune_unwanted_nodes
    main_extractor.recover_wild_text = original_recover_wild_text
    core._prepare_tree = original_prepare_tree
    core.extract_content = original_extract_content
    core.prune_unwanted_nodes = original_core_prune
    core.html2txt = original_html2txt
    htmldate_core.plausible_year_filter = getattr(year_filter, "original", year_filter)
    htmldate_core.regex_parse = getattr(regex_parse, "original", regex_parse)
    _set_selectors(walks=False)
    try:
        yield
    finally:
        main_extractor.prune_unwanted_nodes = patched
        main_extractor.recover_wild_text = recover_wild_text
        core._prepare_tree = prepare_tree
        core.extract_content = extract_content
        core.prune_unwanted_nodes = prune_raw_tree
        core.html2txt = html2txt
        htmldate_core.plausible_year_filter = year_filter
        htmldate_core.regex_parse = regex_parse
        _set_selectors(walks=True)
