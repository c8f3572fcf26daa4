"""Markup broken in ways that hide the article: content after "</html>", and a boilerplate box left
unclosed so the parser nests the whole page in it. Each case is checked at its step and end to end."""
from __future__ import annotations

import pytest

import cleaners.pipeline as pipeline
from cleaners.blocks import measure
from cleaners.parse import parse_html
from cleaners.prune import Pruner
from cleaners.records import RawPage

PARAGRAPHS = "".join(f"<p>Paragraph {i} of the report on the harbour wall repairs, which the council approved on "
                     f"Tuesday after a long debate about the cost of the stone.</p>" for i in range(6))
ARTICLE = f"<article><h1>Harbour wall repairs approved</h1>{PARAGRAPHS}</article>"
HEAD = "<head><title>Harbour wall repairs approved</title><meta property='og:type' content='article'></head>"


def test_markup_after_the_end_of_the_document_moves_into_the_body():
    repairs: list[str] = []
    tree = parse_html(f"<html>{HEAD}<body><nav><a href='/'>Home</a></nav></body></html>{ARTICLE}", repairs)
    assert repairs == ["markup after the end of the document moved into the body (1 element)"]
    body = tree.find("body")
    assert "Paragraph 5 of the report" in body.text_content()
    assert all(len(sibling) == 0 for sibling in tree.itersiblings())   # nothing left beside the root
    assert body[0].tag == "nav" and body[-1].tag == "article"           # page order kept


def test_a_page_without_trailing_markup_is_left_as_parsed():
    repairs: list[str] = []
    tree = parse_html(f"<html>{HEAD}<body>{ARTICLE}</body></html>", repairs)
    assert repairs == [] and [el.tag for el in tree.find("body")] == ["article"] and next(tree.itersiblings(), None) is None


def _boxes(html: str) -> list[str]:
    root = parse_html(html).find("body")
    pruner = Pruner(root, measure(root))
    pruner.run()
    return [f"{el.tag}.{el.get('class')}" for el in pruner.swallowing_boxes()]


SIDEBAR = "<div class='sidebar'><h3>Popular</h3><ul>" + "".join(
    f"<li><a href='/p{i}'>Another story about the town number {i}</a></li>" for i in range(8)) + "</ul></div>"


@pytest.mark.parametrize("body, boxes", [
    # a popup never closed: the whole page sits in it
    (f"<aside class='popup-overlay'><div class='popup'><p>Join us</p><div>{ARTICLE}", ["aside.popup-overlay"]),
    # a menu never closed
    (f"<nav class='menu'><ul><li><a href='/'>Home</a><div>{ARTICLE}</div>", ["nav.menu"]),
    # an ordinary page: nothing around the article calls itself boilerplate
    (f"<div class='wrap'>{ARTICLE}{SIDEBAR}</div>", []),
    # a name only trafilatura's rules drop (its class starts with "comment")
    (f"<div class='commentOnSelection'>{ARTICLE}</div>{SIDEBAR}", ["div.commentOnSelection"]),
    # a footer holding some long paragraphs but not most of the page is a footer, not a swallowing box
    (f"<div>{PARAGRAPHS[:400]}</div><footer class='site-footer'>{PARAGRAPHS}{PARAGRAPHS}{PARAGRAPHS}</footer>"
     f"<div>{PARAGRAPHS * 4}</div>", []),
])
def test_swallowing_boxes(body, boxes):
    assert _boxes(f"<html>{HEAD}<body>{body}</body></html>") == boxes


def _clean(html: str):
    return pipeline.clean_page(RawPage(body=html.encode(), source="page.html"))


def test_an_article_swallowed_by_a_popup_is_extracted():
    result = _clean(f"<html>{HEAD}<body><aside class='newsletter-popup'><div><p>Join us</p><div>{ARTICLE}</body></html>")
    assert len(result.articles) == 1 and "Paragraph 5 of the report" in result.articles[0].text
    assert result.repairs == ['opened <aside class="newsletter-popup">, marked sidebar: it held the article']


def test_an_article_in_a_box_trafilatura_drops_by_name_is_extracted():
    result = _clean(f"<html>{HEAD}<body><div class='commentOnSelection'><div>{ARTICLE}</div></div>{SIDEBAR}</body></html>")
    assert len(result.articles) == 1 and "Paragraph 5 of the report" in result.articles[0].text
    assert result.repairs == ['opened <div class="commentOnSelection">, marked by a name trafilatura drops: '
                              'it held the article']


def test_boxes_are_opened_only_when_the_extractor_came_back_short(monkeypatch):
    opened = []
    monkeypatch.setattr(pipeline, "open_boxes", lambda boxes: opened.append(boxes))
    # the article box's class names a share bar, but trafilatura finds the text anyway: left as it is
    long_article = ARTICLE.replace(PARAGRAPHS, PARAGRAPHS * 3)
    result = _clean(f"<html>{HEAD}<body><div class='entry-content no-share'>{long_article}</div>{SIDEBAR}</body></html>")
    assert len(result.articles) == 1 and "Paragraph 5 of the report" in result.articles[0].text
    assert opened == []


def test_a_fragment_whose_parts_lxml_left_beside_its_root_is_read_whole():
    """lxml returns a fragment's first element as the root and leaves the rest beside it (found by
    bench/robustness.py: tag soup); the rest moves into that root, no <body> is made up."""
    tree = parse_html("Intro <b>bold</b></body><p>After the closing body tag</p>")
    assert "After the closing body tag" in tree.text_content() and tree.find(".//body") is None
    result = _clean("Intro <b>bold</b></body><p>After the closing body tag</p>")
    assert result.skip_reason is not None or result.articles   # cleaned without raising


def test_swallowing_boxes_stop_at_the_root_the_pruner_measured():
    tree = parse_html(f"<html>{HEAD}<body><div class='menu'><div id='inner'>{ARTICLE}</div></div></body></html>")
    inner = tree.find(".//div[@id='inner']")
    pruner = Pruner(inner, measure(inner))
    assert pruner.swallowing_boxes() == []   # the menu above the measured root is not looked up
