"""Our Python walks select what trafilatura's XPaths select, element for element and in the same order."""
from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest
from lxml.html import document_fromstring
from trafilatura import settings, xpaths
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor

import cleaners.extract  # noqa: F401 (importing the extractor installs the walks)
import cleaners.metadata  # noqa: F401 (and the metadata step htmldate's faster search)
from cleaners.decode import decode_html
from cleaners.parse import parse_html
from cleaners.trafilatura_patch import ORIGINAL_XPATHS, baseline, trafilatura_as_published
from cleaners.trafilatura_selectors import BASIC_CLEAN, SELECTORS, basic_clean, dropped_for_its_name, text_hash

FIXTURES = sorted(Path(__file__).with_name("fixtures").glob("*.html"))

# each predicate's corners: attribute order, case, missing or empty attributes, tags renamed by trafilatura
SNIPPETS = {
    "no attributes": "<div><p>text</p><span>x</span></div>",
    "class before id": "<div class='cookie-x' id='main'>a</div><div id='main' class='cookie-x'>b</div>",
    "reply- on id or class, first wins": "<p class='reply-box' id='x'>a</p><p id='x' class='reply-box'>b</p>",
    "hidden in id or style": "<span style='hidden' id='a'>a</span><span id='a' style='hidden'>b</span>"
                             "<div style='display:none'>c</div><div style='display: none'>d</div>",
    "aria and exact class": "<div aria-hidden='true'>a</div><div class='comments-title'>b</div>"
                            "<div class='comments-title x'>c</div><div aria-hidden='false'>d</div>",
    "role nav any N": "<div role='Navigation'>a</div><div role='NAV'>b</div><section role='banner'>c</section>",
    "data attributes": "<div data-lp-replacement-content=''>a</div><div data-component='MostPopularStories'>b</div>",
    "discard tokens": "<div class='share-bar'>a</div><span class=' ad '>b</span><p id='ad-top'>c</p>"
                      "<section class='Footer'>d</section><div id='Nav'>e</div><div class='related'>f</div>",
    "tags outside the set": "<article class='sidebar'>a</article><aside class='menu'>b</aside><ul class='nav'><li>c</li></ul>",
    "comments": "<div id='comments'>a</div><ul class='comment-list'><li>b</li></ul><ol id='commentary'>c</ol>"
                "<section id='disqus_thread'>d</section><ul id='disqus_thread'>e</ul><details class='post-comments'>f</details>",
    "appended articles": "<div class='mvp-post-add-box'><h1>t</h1></div><section id='infinite-scroll'>a</section>"
                         "<aside class='infinitescroll'><h1>b</h1></aside><div class='elementor-share-buttons x'>s</div>",
    "teasers and captions": "<div id='Teaser'>a</div><p class='TEASER'>b</p><span class='wp-caption'>c</span>",
    "body containers, first among siblings": "<main><div class='x'><div class='post'>1</div><div class='entry'>2</div>"
                                             "</div><section itemprop='articleBody'>3</section>"
                                             "<div id='articleContent'>4</div><div class='post-content'>5</div></main>",
    "story containers": "<div class='Fulltext'>a</div><div role='article'>b</div><div id='primary'>c</div>"
                        "<section class='cell'>d</section><div class='article body'>e</div>",
    "main containers": "<div id='Main-Content'>a</div><div class='Page-Content'>b</div><div class='content'>c</div>"
                       "<div id='content-main'>d</div>",
    "basic cleaning": "<aside>a</aside><div id='x' class='page-footer'>b</div><div class='y' id='footer'>c</div>"
                      "<span class='Cookie-Banner'>d</span><p id='onetrust-x'>e</p><template>f</template><svg></svg>",
}


def _trees(html: str):
    tree = document_fromstring(f"<html><body>{html}</body></html>")
    options = Extractor(tables=True, comments=False)
    # trafilatura calls them on the page as parsed and after its cleaning, where <ul> is <list> and <li> <item>
    return tree, convert_tags(tree_cleaning(deepcopy(tree), options), options)


def _check_all(html: str) -> int:
    selected = 0
    for tree in _trees(html):
        for key, (_, walk) in SELECTORS.items():
            theirs = list(ORIGINAL_XPATHS[key](tree))
            assert list(walk(tree)) == theirs, key
            selected += len(theirs)
        theirs = list(settings.BASIC_CLEAN_XPATH(tree))
        assert basic_clean(tree) == theirs
        selected += len(theirs)
    return selected


@pytest.mark.parametrize("name", SNIPPETS)
def test_walks_select_what_the_xpaths_select(name):
    assert _check_all(SNIPPETS[name]) > 0 or name == "no attributes"


@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.stem)
def test_walks_on_the_fixture_pages(page):
    text, _ = decode_html(page.read_bytes(), {})
    tree = parse_html(text)
    for key, (_, walk) in SELECTORS.items():
        assert list(walk(tree)) == list(ORIGINAL_XPATHS[key](tree)), key


def test_walks_are_written_for_this_trafilatura():
    """If trafilatura's rules change, the walks stand down (and this says they need rewriting)."""
    for key, (written_for, walk) in SELECTORS.items():
        assert text_hash(ORIGINAL_XPATHS[key]) == written_for, key
        assert getattr(xpaths, key[0])[key[1]] is walk
    assert text_hash(settings.BASIC_CLEAN_XPATH) == BASIC_CLEAN[0]
    assert baseline.BASIC_CLEAN_XPATH is basic_clean and baseline.basic_cleaning.__globals__ is vars(baseline)


def test_published_trafilatura_gets_its_xpaths_back():
    import htmldate.core as htmldate_core
    faster = htmldate_core.plausible_year_filter
    with trafilatura_as_published():
        assert all(getattr(xpaths, name)[index] is ORIGINAL_XPATHS[name, index] for name, index in SELECTORS)
        assert baseline.BASIC_CLEAN_XPATH is settings.BASIC_CLEAN_XPATH
        assert htmldate_core.plausible_year_filter is faster.original
    assert htmldate_core.plausible_year_filter is faster
    assert all(getattr(xpaths, name)[index] is SELECTORS[name, index][1] for name, index in SELECTORS)


@pytest.mark.parametrize("box, dropped", [
    ("<div class='commentOnSelection'>", True),     # comment rules: class starts with "comment"
    ("<section id='comments-list'>", True),
    ("<div class='c-layout-sidebar-left'>", True),  # the overall discard rules
    ("<div class='cookie-banner'>", True),
    ("<div class='entry-content'>", False),
    ("<ul class='comments'>", True),
    ("<article class='comment'>", False),           # a tag those rules do not look at
    ("<div>", False),
])
def test_dropped_for_its_name_is_what_the_xpaths_drop(box, dropped):
    tag = box[1:].split()[0].rstrip(">")
    tree = document_fromstring(f"<html><body><main>{box}<p>text</p></{tag}></main></body></html>")
    el = tree.find("body/main")[0]
    by_xpath = any(el in ORIGINAL_XPATHS[key](tree) for key in
                   (("OVERALL_DISCARD_XPATH", 0), ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0)))
    assert dropped_for_its_name(el) is dropped is by_xpath
