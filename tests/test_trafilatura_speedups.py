"""Our stand-ins for trafilatura's hot helpers return what the originals return, on the same trees."""
from __future__ import annotations

import pytest
from lxml.etree import XPath, tostring
from lxml.html import document_fromstring
from trafilatura.metadata import extract_metainfo
from trafilatura.xpaths import AUTHOR_XPATHS, OVERALL_DISCARD_XPATH

from cleaners import trafilatura_patch
from cleaners.bylines import byline_text

BOXES = XPath("//div[contains(@class, 'box')]")
PAGES = {
    "nested matches": "<div class='box'><div class='box'><p>inner</p></div><p>outer</p></div>"
                      "<p>" + "article text " * 40 + "</p>",
    # counted once, the boxes are half the page and go; counted twice they would look like all of it
    "nested box is half the page": "<div class='box'><div class='box'><p>" + "boxed " * 50 + "</p></div></div>"
                                   "<p>" + "text " * 60 + "</p>",
    "no match": "<p>" + "article text " * 40 + "</p>",
    "matches hold most of the page (guard keeps them)": "<div class='box'><p>" + "boxed " * 80 + "</p></div><p>a</p>",
    "siblings": "<div class='box'>one</div><div class='box'>two</div><p>" + "text " * 60 + "</p>",
    "deep": "<div>" * 120 + "<div class='box'>x<div class='box'>y</div></div>" + "</div>" * 120
            + "<p>" + "text " * 60 + "</p>",
    "trafilatura's own rules": "<div class='share-buttons'>Share</div><div class='comments'><p>a comment</p></div>"
                               "<nav>menu</nav><p>" + "text " * 60 + "</p><footer class='footer'>f</footer>",
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("rules", [[BOXES], OVERALL_DISCARD_XPATH], ids=["boxes", "overall-discard"])
def test_guarded_prune_same_as_trafilatura(name, rules):
    html = f"<html><body>{PAGES[name]}</body></html>"
    ours = trafilatura_patch.prune_unwanted_nodes(document_fromstring(html), rules, with_backup=True)
    theirs = trafilatura_patch.original_prune_unwanted_nodes(document_fromstring(html), rules, with_backup=True)
    assert tostring(ours) == tostring(theirs)


def test_nested_match_removed_once_with_its_box():
    html = "<html><body>" + PAGES["nested box is half the page"] + "</body></html>"
    tree = trafilatura_patch.prune_unwanted_nodes(document_fromstring(html), [BOXES], with_backup=True)
    assert "boxed" not in tree.text_content() and "text" in tree.text_content()


BYLINES = {
    "rel author link": "<p>Text</p><a rel='author' href='/a'>Jane Doe</a>",
    "head link": "<html><head><link rel='author' href='/x'></head>"
                 "<body><span class='byline'>By Bob</span></body></html>",
    "author-name class": "<div class='post-author-name'>Ann Lee</div>",
    "generic byline class": "<span class='byline'>By Tom Roe</span>",
    "specific beats generic, whatever the order": "<span class='byline'>By Tom</span><a rel='author'>Ann Lee</a>",
    "too long is skipped": "<span class='author'>" + "word " * 40 + "</span><div class='writer'>Kim Park</div>",
    "too short is skipped": "<div id='author'>X</div><span itemprop='author'>Lou Reed</span>",
    "itemprop": "<div itemprop='author'><span itemprop='name'>Mia Wong</span></div>",
    "data-component": "<div data-component='Byline'>Reporter Name</div>",
    "chinese id": "<div id='zuozhe'>Li Wei</div>",
    "child rel element": "<div><rel>me</rel> Some Person</div>",
    "author tag": "<author>Grace Hopper</author>",
    "capital class": "<p class='AuthorName'>Sam Hill</p>",
    "nothing": "<p class='story'>No byline here</p>",
    "two html roots": "<html><body><p>a</p></body></html>"
                      "<html><body><span class='byline'>By Second</span></body></html>",
}


@pytest.mark.parametrize("name", BYLINES)
def test_byline_same_as_trafilatura_xpaths(name):
    html = BYLINES[name] if BYLINES[name].startswith("<html") else f"<html><body>{BYLINES[name]}</body></html>"
    tree = document_fromstring(html)
    for start in (tree, tree.find("body")):
        assert byline_text(start, 120) == extract_metainfo(start, AUTHOR_XPATHS, 120)


def test_byline_finds_names():
    html = "<html><body><span class='byline'>By Tom</span><a rel='author'>Ann Lee</a></body></html>"
    tree = document_fromstring(html)
    assert byline_text(tree) == "Ann Lee"


def test_baselines_can_run_trafilatura_as_published():
    from trafilatura import main_extractor

    import cleaners.extract  # noqa: F401  (importing the cleaner applies the replacements)
    assert main_extractor.prune_unwanted_nodes is trafilatura_patch.prune_unwanted_nodes   # the cleaner's import
    with trafilatura_patch.trafilatura_as_published():
        assert main_extractor.prune_unwanted_nodes is trafilatura_patch.original_prune_unwanted_nodes
    assert main_extractor.prune_unwanted_nodes is trafilatura_patch.prune_unwanted_nodes
