"""The page-kind trees: walked in plain Python, each feature's push adding up to the verdict."""
from __future__ import annotations

import math

import pytest

from cleaners import classify

# one tree: split on "cards" at 2.5; below it on "date" at 0.5. Values in log-odds; inner nodes hold the
# weighted mean of their leaves, as bench/fit_page_kind.py exports them
TINY = {"threshold": 0.5, "bias": 0.0, "features": ["cards", "date"],
        "trees": [[[0, 1, -1, -1, -1], [2.5, 0.5, -2, -2, -2], [1, 3, -1, -1, -1], [2, 4, -1, -1, -1],
                   [0.0, 1.0, -3.0, 0.5, 1.5]]]}


@pytest.fixture
def tiny_model(monkeypatch):
    monkeypatch.setattr(classify, "load_model", lambda: TINY)


@pytest.mark.parametrize("features, pushes, log_odds", [
    ({"cards": 12, "date": 1}, {"cards": -3.0}, -3.0),             # many teaser cards: a listing
    ({"cards": 0, "date": 0}, {"cards": 1.0, "date": -0.5}, 0.5),
    ({"cards": 0, "date": 1}, {"cards": 1.0, "date": 0.5}, 1.5),    # few cards and a date: an article
    ({"cards": 0}, {"cards": 1.0, "date": -0.5}, 0.5),            # a missing feature counts as 0
])
def test_tree_walk_and_pushes(tiny_model, features, pushes, log_odds):
    got = classify.contributions(features)
    assert got == pytest.approx(pushes)
    assert classify._probability(got) == pytest.approx(1 / (1 + math.exp(-log_odds)))


def leaf_log_odds(model: dict, features: dict[str, float]) -> float:
    """The verdict the plain way: the prior plus the leaf each tree lands in."""
    x = [features.get(name, 0.0) for name in model["features"]]
    total = model["bias"]
    for feature, threshold, left, right, value in model["trees"]:
        node = 0
        while left[node] >= 0:
            node = left[node] if x[feature[node]] <= threshold[node] else right[node]
        total += value[node]
    return total


@pytest.mark.parametrize("features", [
    {},
    {"cards": 3.0, "teasers": 2.0, "main_paragraphs": 0.5, "homepage": 1.0},
    {"article_type": 1.0, "date": 1.0, "authors": 1.0, "main_text": 8.5, "main_paragraphs": 2.5, "slug_words": 0.6},
    {"price": 1.5, "cart": 1.0, "main_text": 5.0},
])
def test_shipped_model_pushes_add_up_to_its_leaves(features):
    model = classify.load_model()
    assert set(classify.contributions(features)) <= set(model["features"])
    assert classify._probability(classify.contributions(features)) == pytest.approx(
        1 / (1 + math.exp(-leaf_log_odds(model, features))), rel=1e-6)


def test_shipped_model_tells_an_article_from_a_listing():
    article = {"article_type": 1.0, "date": 1.0, "authors": 1.0, "main_text": 8.5, "main_paragraphs": 2.5,
               "slug_words": 0.6, "url_depth": 0.5, "main_share": 0.6, "title_words": 0.5, "h1": 1 / 3}
    listing = {"cards": 3.0, "teasers": 3.0, "headline_links": 3.0, "card_text_share": 0.7, "main_paragraphs": 0.0,
               "homepage": 1.0, "page_link_density": 0.6, "listing_title": 1.0, "title_words": 0.1}
    threshold = classify.load_model()["threshold"]
    assert classify._probability(classify.contributions(article)) >= threshold
    assert classify._probability(classify.contributions(listing)) < threshold
