"""Inputs that once made clean_page raise: each must now give a result (records or a skip reason)."""
from __future__ import annotations

import pytest

from cleaners.decode import decode_html, normalise_label
from cleaners.pipeline import clean_page
from cleaners.records import RawPage

PROSE = "".join(f"<p>Paragraph {i} of a plain test article with enough words to count as prose for sure.</p>"
                for i in range(8))


@pytest.mark.parametrize("label", ["utf-8\x00", "\x00", "no-such-charset", ""])
def test_junk_charset_labels_are_ignored(label):
    assert normalise_label(label) is None
    text, encoding = decode_html(f'<meta charset="{label}"><p>héllo</p>'.encode("utf-8"))
    assert "héllo" in text and encoding == "utf-8"


@pytest.mark.parametrize("url", ["http://a.test/\ud800", "http://[::1", "javascript:alert(1)", "http://"])
def test_bad_page_urls_do_not_raise(url):
    result = clean_page(RawPage(body=f"<html><body><h1>A test headline here</h1>{PROSE}</body></html>".encode(),
                                source="edge.html", url=url))
    assert result.articles or result.skip_reason
    for art in result.articles:
        assert art.url is None or art.url.startswith(("http://", "https://"))


def test_root_element_in_htmldates_cleaning_list_does_not_raise():
    """htmldate's cleaner asserts on a tree whose root it would drop; the metadata step guards it."""
    result = clean_page(RawPage(body=b"<svg><p>x</p></svg>" * 3, source="svg.html"))
    assert result.skip_reason or result.articles is not None
