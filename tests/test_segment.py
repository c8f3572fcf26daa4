"""find_segments: full posts of a page become records; posts whose summaries are links to the story are a feed of
teasers (a listing), even when each carries a long image caption."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cleaners.blocks import measure
from cleaners.segment import find_segments

CAPTION = ("A photograph of the harbour at dawn, with the ferry leaving the pier and gulls over the breakwater, "
           "taken from the roof of the old customs house.")
SUMMARY = ("The council voted on Tuesday to keep the night ferry running through the winter, after a petition "
           "signed by more than four thousand residents.")
SECOND = "Operators said the cost would be met from the harbour fund until the spring timetable is agreed."


def post(i: int, summary_linked: bool, second_paragraph: bool) -> str:
    summary = f'<a href="/story-{i}">{SUMMARY}</a>' if summary_linked else SUMMARY
    more = f"<p>{SECOND}</p>" if second_paragraph else ""
    return (f'<article class="post"><figure><img src="/{i}.jpg"><figcaption><p>{CAPTION}</p></figcaption></figure>'
            f'<h2><a href="/story-{i}">Ferry story number {i} of the week</a></h2><p>{summary}</p>{more}</article>')


def segments_of(summary_linked: bool, second_paragraph: bool, posts: int = 4):
    page = "<html><body><h1>Harbour</h1>" + "".join(post(i, summary_linked, second_paragraph)
                                                    for i in range(posts)) + "</body></html>"
    root = lxml_html.document_fromstring(page).find("body")
    return find_segments(root, measure(root))


@pytest.mark.parametrize("summary_linked, second_paragraph, posts, feed", [
    (True, False, 4, True),     # caption + a linked summary: teaser cards
    (True, True, 4, False),     # a linked summary, then prose of its own: full posts
    (False, False, 4, False),   # caption + summary in plain text: two paragraphs of the post's own prose
    (True, False, 1, False),    # one teaser is no feed
])
def test_posts_whose_summaries_are_links_are_a_teaser_feed(summary_linked, second_paragraph, posts, feed):
    seg = segments_of(summary_linked, second_paragraph, posts)
    assert seg.teaser_feed is feed
    if feed:
        assert seg.posts == []


def test_full_posts_are_segments_and_no_feed():
    seg = segments_of(summary_linked=False, second_paragraph=True)
    assert len(seg.posts) == 4 and not seg.teaser_feed
