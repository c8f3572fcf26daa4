"""Bulleted lists the extractor left out go back in, between the paragraphs they stood between."""
from __future__ import annotations

import pytest
from lxml.html import fromstring

from cleaners.blocks import measure
from cleaners.pipeline import clean_page
from cleaners.records import RawPage
from cleaners.recover import recover_dropped

INTRO = "Cloud computing delivers storage, processing and databases over the internet instead of on site."
BEFORE = "The benefits of moving a small firm's servers to a cloud provider come down to three things."
AFTER = "Each of these benefits depends on choosing a provider whose data centres are close to your customers."
ITEMS = ["Cost efficiency: no upfront hardware and lower maintenance bills.",
         "Scalability: resources grow or shrink with demand.",
         "Accessibility: staff reach their files from anywhere."]


def main_block(list_html: str, after: str = f"<p>{AFTER}</p>"):
    html = f"<div id='m'><p>{INTRO}</p><p>{BEFORE}</p>{list_html}{after}</div>"
    root = fromstring(html)
    return root, measure(root)


BULLETS = "<ul>" + "".join(f"<li>{i}</li>" for i in ITEMS) + "</ul>"
EXTRACTED = f"{INTRO}\n{BEFORE}\n{AFTER}"


@pytest.mark.parametrize("list_html, after, recovered", [
    (BULLETS, f"<p>{AFTER}</p>", True),
    (BULLETS.replace("<li>", "<li><b>").replace("</li>", "</b></li>"), f"<p>{AFTER}</p>", True),
    # bold label, then its colon: the item reads as written ("Cost efficiency: ...", no space before the colon)
    (BULLETS.replace("<li>Cost efficiency:", "<li><strong>Cost efficiency</strong>:")
            .replace("<li>Scalability:", "<li><strong>Scalability</strong>:"), f"<p>{AFTER}</p>", True),
    # a link list is a menu or related links, not bullets of the article
    ("<ul>" + "".join(f"<li><a href='/{n}'>{i}</a></li>" for n, i in enumerate(ITEMS)) + "</ul>",
     f"<p>{AFTER}</p>", False),
    # after the last kept paragraph: comments, pingbacks and related lists live there
    (BULLETS, "", False),
    # a form's options
    ("<ul>" + "".join(f"<li><input type='checkbox'> {i}</li>" for i in ITEMS) + "</ul>", f"<p>{AFTER}</p>", False),
    # items made of headings and paragraphs are the extractor's to judge
    ("<ul>" + "".join(f"<li><h3>Item</h3><p>{i}</p></li>" for i in ITEMS) + "</ul>", f"<p>{AFTER}</p>", False),
])
def test_a_dropped_list_goes_back_between_its_neighbours(list_html, after, recovered):
    root, stats = main_block(list_html, after)
    text = recover_dropped(EXTRACTED, root, stats)
    lines = text.split("\n")
    if recovered:
        assert lines == [INTRO, BEFORE] + [f"- {i}" for i in ITEMS] + [AFTER]
    else:
        assert text == EXTRACTED


def test_a_list_the_extractor_kept_is_not_doubled():
    root, stats = main_block(BULLETS)
    kept = f"{INTRO}\n{BEFORE}\n" + "\n".join(f"- {i}" for i in ITEMS) + f"\n{AFTER}"
    assert recover_dropped(kept, root, stats) == kept


def test_bullets_of_a_page_builder_article_reach_the_record():
    """No container trafilatura knows (a site builder's class names): its wild-text pass takes no lists."""
    paras = "".join(f"<p>{p} {p}</p>" for p in (INTRO, BEFORE))
    body = (f"<html><head><title>Why small firms move to the cloud</title>"
            f"<meta property='article:published_time' content='2024-03-01T09:00:00Z'>"
            f"<meta property='og:type' content='article'></head>"
            f"<body><div class='w-layout-grid'>"
            f"<div class='post-blog-richtext w-richtext'><h1>Why small firms move to the cloud</h1>{paras}"
            f"{BULLETS}<p>{AFTER} {AFTER}</p></div></div></body></html>").encode()
    text = clean_page(RawPage(body=body, source="builder.html")).articles[0].text
    for item in ITEMS:
        assert f"- {item}" in text
    assert text.index(ITEMS[0]) < text.index(AFTER)


@pytest.mark.parametrize("heading, after, recovered", [
    ("<h2>What a cloud provider costs</h2>", f"<p>{AFTER}</p>", True),
    # its words stand in the text only inside longer ones ("close to your customers"): still missing
    ("<h2>Close to your customer</h2>", f"<p>{AFTER}</p>", True),
    # a card's or a logo's heading: too short, or over a short text
    ("<h3>Zoom</h3>", f"<p>{AFTER}</p>", False),
    ("<h3>What a cloud provider costs</h3>", f"<p>From nine dollars a month for small teams.</p><p>{AFTER}</p>",
     False),
])
def test_a_dropped_section_heading_goes_back(heading, after, recovered):
    root, stats = main_block(heading, after)
    text = recover_dropped(EXTRACTED, root, stats)
    title = fromstring(heading).text_content()
    assert (text.split("\n") == [INTRO, BEFORE, title, AFTER]) is recovered
    assert (title in text) is recovered


@pytest.mark.parametrize("lead, body, prepended", [
    (INTRO, f"{BEFORE}\n{AFTER}", True),
    (INTRO, f"{INTRO}\n{BEFORE}", False),                         # the extractor kept it
    # a short page marked up as one "teaser": the lead holds the text's own paragraphs, already split
    (f"{BEFORE} Most firms save. {AFTER}", f"{BEFORE}\n{AFTER}", False),
    (f"{INTRO} {BEFORE}", f"{BEFORE.replace('three', '3')}\n{AFTER}", True),   # only alike: it stays
])
def test_the_lead_goes_first_unless_the_text_holds_it(lead, body, prepended):
    from cleaners.recover import with_lead
    assert with_lead(body, lead) == (f"{lead}\n{body}" if prepended else body)
