"""Our stand-ins for trafilatura's hot helpers return what the originals return, on the same trees."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml.etree import XPath, tostring
from lxml.html import document_fromstring
from trafilatura.metadata import extract_metainfo
from trafilatura.utils import repair_faulty_html
from trafilatura.xpaths import AUTHOR_XPATHS, OVERALL_DISCARD_XPATH

from cleaners import trafilatura_patch
from cleaners.bylines import byline_text
from cleaners.decode import decode_html
from cleaners.extract import extract_body
from cleaners.parse import parse_html, repair_html

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


FIXTURE_PAGES = sorted(Path(__file__).with_name("fixtures").glob("*.html"))


@pytest.mark.parametrize("page", FIXTURE_PAGES[::3], ids=lambda p: p.stem)
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "with-fallbacks"])
def test_extraction_same_as_published_trafilatura(page, fast):
    """Every replacement at once (walks, guarded prune, no unread backup copy): the same text out."""
    tree = parse_html(decode_html(page.read_bytes(), {})[0])
    ours = extract_body(tree, None, fast=fast)
    with trafilatura_patch.trafilatura_as_published():
        theirs = extract_body(tree, None, fast=fast)
    assert ours == theirs


REPAIRS = [
    "", "\n", "<html/>", "<!DOCTYPE html/>x", "<!doctype html PUBLIC '-//W3C//DTD XHTML 1.0//EN'>\n<html/>\n<p>a",
    "\x00<!DOCTYPE x/y>\n<html lang=en />\n", "<!DOCTYPE html SYSTEM 'a/b'>", "ab\x01c\ufffe<!DOCTYPE/>",
    " <!DOCTYPE a/b>\r\n<html\n/>", "<!DOCTYPE html>\n<html><body><p>plain</p></body></html>",
    "<p>no doctype \x0b control</p>\n<html/>", "<!DOCTYPE html PUBLIC '//x'><html><p>one line</p></html>",
]


@pytest.mark.parametrize("text", REPAIRS)
def test_repair_html_same_as_trafilatura(text):
    assert repair_html(text) == repair_faulty_html(text, text[:50].lower())
