"""Page-kind features: a short title naming a section is a listing's; a page that addresses its reader
is a service page's."""
from __future__ import annotations

import math
import re

import pytest
from lxml.html import fromstring

from cleaners.blocks import measure
from cleaners.metadata import page_metadata
from cleaners.page_features import microdata_types, page_features
from cleaners.segment import find_segments


PROSE = "<h2>Heading</h2><p>Some text of the page that is long enough to count as a paragraph of prose here.</p>"


def _features(title: str = "Page", main: str = PROSE) -> dict[str, float]:
    tree = fromstring(f"<html><head><title>{title}</title></head><body><main>{main}</main></body></html>")
    body = tree.find("body")
    stats = measure(body)
    return page_features(tree, body, stats, page_metadata(tree, None), find_segments(body, stats))


@pytest.mark.parametrize("title, listing_title, title_words", [
    ("Latest News", 1.0, 2 / 20), ("Archive", 1.0, 1 / 20), ("Topics: Climate and Energy", 1.0, 4 / 20),
    ("Aktuelles aus der Region", 1.0, 4 / 20), ("Новости", 1.0, 1 / 20),
    # an article's headline: long, or without a section word
    ("Good news for savers as the bank raises its rates again this spring", 0.0, 13 / 20),
    ("Professional Development", 0.0, 2 / 20),
    ("Ferry fares and season tickets: what changes in spring for commuters on the northern islands and beyond",
     0.0, 17 / 20),
])
def test_title_features(title, listing_title, title_words):
    f = _features(title)
    assert f["listing_title"] == listing_title
    assert f["title_words"] == pytest.approx(title_words)


@pytest.mark.parametrize("values, count", [
    ([], 0),
    (["post avatar avatar-small", "username", "content"], 2),       # two matches in one element count once
    (["navatar", "avatars", "AVATAR"], 1),                          # whole tokens only, any case
    (["x\navatar", "user-info\nposter"], 2),                       # a line break inside a value
    (["a", "b", "c"], 0),
])
def test_user_marks_count_elements(values, count):
    from cleaners.page_features import USER_MARK, user_marks
    assert user_marks(values) == count
    assert count == sum(1 for v in values if USER_MARK.search(v.lower()))


@pytest.mark.parametrize("body_class", [None, "Forum-Page", "avatar-page"])
def test_user_marks_read_from_the_classes_metadata_read(body_class):
    """The page-kind features count user boxes in the class values page_metadata lower-cased, plus the
    <body>'s own: the same count as a fresh read of the tree."""
    from cleaners.page_features import CLASSES, user_marks
    body_attr = f' class="{body_class}"' if body_class else ""
    posts = "".join(f'<div class="Post"><div class="Avatar">A</div><span class="userName">u{i}</span>'
                    f"<p>Reply {i} to the thread about the ferry timetable.</p></div>" for i in range(3))
    tree = fromstring(f"<html><head><title>Thread</title></head><body{body_attr}><main>{posts}</main></body></html>")
    body = tree.find("body")
    stats = measure(body)
    meta = page_metadata(tree, None)
    assert meta.body_classes is not None
    shared = page_features(tree, body, stats, meta, find_segments(body, stats))["user_marks"]
    meta.body_classes = None   # as if metadata had not read them: the features read the tree themselves
    fresh = page_features(tree, body, stats, meta, find_segments(body, stats))["user_marks"]
    count = user_marks(CLASSES(body))
    assert count == 6 + (body_class == "avatar-page")
    assert shared == fresh == pytest.approx(math.log1p(count))


@pytest.mark.parametrize("paragraphs, low, high", [
    # a service page addresses its reader
    (["Your business deserves a partner you can trust. We help you grow your revenue with your own data.",
      "You decide the plan; your team gets support whenever you need it, so you can focus on your clients."],
     1.5, 20.0),
    # a report talks about others; "you" inside "young" and "youth" does not count
    (["The council approved the ferry timetable on Tuesday after a long debate about the cost of the new pier.",
      "Young residents and youth groups had asked for later sailings; the mayor said they would be reviewed."],
     0.0, 0.0),
])
def test_you_your_measures_how_much_the_page_addresses_its_reader(paragraphs, low, high):
    assert low <= _features(main="".join(f"<p>{p}</p>" for p in paragraphs))["you_your"] <= high


@pytest.mark.parametrize("text, we_our, you_your", [
    # contractions count once, as the word they start with; words that only contain one do not count
    ("We're proud of our team; we've grown. You're welcome to join us, yours truly.", 4, 2),
    ("Weather and ours: usual youthful owls wear yourselves out.", 0, 0),
    ("YOU and YOUR and Yours", 0, 3),
])
def test_we_our_and_you_your_count_whole_words(text, we_our, you_your):
    f = _features(main=f"<p>{text} " + "filler " * 200 + "</p>")   # we_our is capped at 1
    words = len(re.findall(r"\w+", text)) + 200
    assert f["we_our"] * words / 20 == pytest.approx(we_our)
    assert f["you_your"] * words / 20 == pytest.approx(you_your)


@pytest.mark.parametrize("markup, types, other_type", [
    # forum software and shops declare their pages in microdata, often with no JSON-LD at all
    ('<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><p>First post</p></div>',
     {"discussionforumposting"}, 1.0),
    ('<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Mug</span></div>', {"product"}, 1.0),
    ('<div itemscope itemtype="https://schema.org/QAPage"><div itemtype="https://schema.org/Question"></div></div>',
     {"qapage", "question"}, 1.0),
    # several types in one attribute; a trailing slash
    ('<div itemscope itemtype="https://schema.org/Offer https://schema.org/Thing/">x</div>', {"offer", "thing"}, 1.0),
    # an article's microdata, its author and a comment under it: no other page kind
    ('<article itemscope itemtype="https://schema.org/NewsArticle"><span itemtype="http://schema.org/Person">A</span>'
     '<div itemtype="http://schema.org/Comment">Nice</div></article>', {"newsarticle", "person", "comment"}, 0.0),
    # another vocabulary, or none
    ('<div itemscope itemtype="http://data-vocabulary.org/Product">x</div>', set(), 0.0),
    ('<div itemscope itemtype="">x</div><p>plain</p>', set(), 0.0),
])
def test_microdata_types_mark_other_pages(markup, types, other_type):
    assert microdata_types(fromstring(f"<html><body>{markup}</body></html>")) == types
    assert _features(main=markup + PROSE)["other_type"] == other_type


@pytest.mark.parametrize("main, inline_codes", [
    ("<p>Call <code>fetch()</code> with <code>retry=3</code>; see <code>Session</code>.</p>", 3),
    # a code block is counted as a block (code_blocks), not as code in the prose
    ("<pre><code>import os\nprint(os.sep)</code></pre><p>Plain prose.</p>", 0),
    ("<pre><code>x = 1</code></pre><p>Set <code>x</code> first.</p>", 1),
    (PROSE, 0),
])
def test_code_inline_counts_code_in_the_prose(main, inline_codes):
    assert _features(main=main)["code_inline"] == pytest.approx(math.log1p(inline_codes))
