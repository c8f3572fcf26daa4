"""The words model of the page kind: which words a page gives it, and how it scores them (as scikit-learn
does: bench/fit_page_kind.py checks the shipped model against it on 200 corpus pages)."""
from __future__ import annotations

import math

import pytest
from lxml.html import fromstring

from cleaners.classify import load_model
from cleaners.metadata import page_metadata
from cleaners.page_words import page_words, word_features, word_probabilities


def _words(html: str, url: str | None = None) -> list[str]:
    tree = fromstring(html)
    return page_words(tree, page_metadata(tree, url))


@pytest.mark.parametrize("html, url, words", [
    ("<html><head><title>Pricing Plans 2025</title></head><body><h1>Plans</h1><p>Text</p></body></html>",
     "https://example.com/pricing/", ["t:pricing", "t:plans", "u:pricing", "h:plans"]),
    # the page's text, its numbers, an <svg>'s title and headings below h3 are no words of it
    ("<html><head><title>Über uns</title></head><body><svg><title>Logo</title></svg><h2>Team 42</h2>"
     "<h4>Small print</h4><p>Lots of words here</p></body></html>",
     "https://example.de/ueber-uns/2024/", ["t:über", "t:uns", "u:ueber", "u:uns", "h:team"]),
    ("<html><body><h3>Reply <b>to</b> thread</h3></body></html>", None, ["h:reply", "h:to", "h:thread"]),
    ("<html><body><p>No title, no headings</p></body></html>", "not a url", []),
])
def test_page_words(html, url, words):
    assert _words(html, url) == words


TWO_TYPES = {"classes": ["article", "service"], "intercept": [0.5, -0.5],
             "vocabulary": {"t:news": [2.0, 1.0, -1.0], "t:pricing": [3.0, -2.0, 2.0], "h:contact": [1.0, 0.0, 1.0]}}


def _softmax(scores: list[float]) -> list[float]:
    exps = [math.exp(s) for s in scores]
    return [e / sum(exps) for e in exps]


@pytest.mark.parametrize("words, scores", [
    ([], [0.5, -0.5]),                                         # no known word: the intercepts alone
    (["t:unknown", "h:unknown"], [0.5, -0.5]),
    (["t:news"], [1.5, -1.5]),                                 # one word: unit length, its weights
    (["t:pricing", "t:pricing"], [-1.5, 1.5]),                 # a repeated word is still the only one
    # two words: tf-idf 2 and 3 * (1 + ln 1), scaled to unit length
    (["t:news", "t:pricing"], [0.5 + (2 * 1 - 3 * 2) / math.sqrt(13), -0.5 + (2 * -1 + 3 * 2) / math.sqrt(13)]),
    # a word twice counts 1 + ln 2 times its idf
    (["t:news", "t:news", "h:contact"],
     [0.5 + (2 * (1 + math.log(2)) * 1) / math.hypot(2 * (1 + math.log(2)), 1),
      -0.5 + (2 * (1 + math.log(2)) * -1 + 1) / math.hypot(2 * (1 + math.log(2)), 1)]),
])
def test_word_probabilities(words, scores):
    probabilities = word_probabilities(words, TWO_TYPES)
    assert [probabilities["article"], probabilities["service"]] == pytest.approx(_softmax(scores))


def test_word_features_are_named_by_type_and_absent_without_a_model():
    assert set(word_features(["t:news"], TWO_TYPES)) == {"words_article", "words_service"}
    assert word_features(["t:news"], None) == {}


@pytest.mark.parametrize("html, url, kind", [
    ("<html><head><title>Pricing | Acme</title></head><body><h2>Plans for every team</h2><h2>Contact sales</h2>"
     "</body></html>", "https://acme.com/pricing", "service"),
    ("<html><head><title>Forum: Threads</title></head><body><h2>Replies</h2></body></html>",
     "https://forum.example/threads/123", "forum"),
    ("<html><head><title>Installation | Documentation</title></head><body><h1>Installation</h1></body></html>",
     "https://example.org/docs/install", "documentation"),
])
def test_shipped_words_model_tells_other_pages_from_a_report(html, url, kind):
    words = load_model()["words"]
    assert set(words["classes"]) == set(load_model()["classes"])
    other = word_probabilities(_words(html, url), words)
    report = word_probabilities(
        _words("<html><head><title>Flood waters rise as storm hits coast, officials say</title></head><body>"
               "<h1>Flood waters rise as storm hits coast, officials say</h1></body></html>",
               "https://news.example/2025/03/01/flood-waters-rise-storm-coast"), words)
    assert report["article"] > other["article"]
    assert other[kind] > report[kind]


def test_a_title_of_megabytes_gives_only_its_first_words():
    words = _words("<html><head><title>" + "pricing " * 200_000 + "</title></head><body><h1>Plans</h1></body></html>")
    assert words.count("t:pricing") == 2000 // len("pricing ")
    assert words[-1] == "h:plans"
