"""The page-kind trees: walked in plain Python, one score per page type, each feature's push adding up
to its type's score."""
from __future__ import annotations

import math

import pytest

from cleaners import classify
from cleaners.page_words import word_features


def words_say_nothing(features: dict[str, float]) -> dict[str, float]:
    """The features with the words model's probabilities for a page without a known word: its priors."""
    return {**word_features([], classify.load_model().get("words")), **features}

# one tree per type. The article's: split on "cards" at 2.5; below it on "date" at 0.5. The forum's: split
# on "user_marks" at 1.5. Values in log-odds; inner nodes hold the weighted mean of their leaves, as
# bench/fit_page_kind.py exports them; a type's bias holds its prior and its root values
ARTICLE_TREE = [[0, 1, -1, -1, -1], [2.5, 0.5, -2, -2, -2], [1, 3, -1, -1, -1], [2, 4, -1, -1, -1],
                [0.0, 1.0, -3.0, 0.5, 1.5]]
FORUM_TREE = [[2, -1, -1], [1.5, -2, -2], [1, -1, -1], [2, -1, -1], [0.0, -1.0, 2.0]]
TINY = {"threshold": 0.5, "features": ["cards", "date", "user_marks"], "classes": ["article", "forum"],
        "bias": [0.0, 0.0], "trees": [[ARTICLE_TREE], [FORUM_TREE]]}


@pytest.fixture
def tiny_model(monkeypatch):
    monkeypatch.setattr(classify, "load_model", lambda: TINY)


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


@pytest.mark.parametrize("features, article, forum, log_odds", [
    ({"cards": 12, "date": 1}, {"cards": -3.0}, {"user_marks": -1.0}, -2.0),      # many teaser cards
    ({"cards": 0, "date": 0}, {"cards": 1.0, "date": -0.5}, {"user_marks": -1.0}, 1.5),
    ({"cards": 0, "date": 1}, {"cards": 1.0, "date": 0.5}, {"user_marks": -1.0}, 2.5),   # few cards and a date
    ({"cards": 0, "date": 1, "user_marks": 3}, {"cards": 1.0, "date": 0.5}, {"user_marks": 2.0}, -0.5),  # posters
    ({"cards": 0}, {"cards": 1.0, "date": -0.5}, {"user_marks": -1.0}, 1.5),      # a missing feature counts as 0
])
def test_tree_walk_and_pushes(tiny_model, features, article, forum, log_odds):
    pushes = classify.class_pushes(features)
    assert pushes["article"] == pytest.approx(article)
    assert pushes["forum"] == pytest.approx(forum)
    probabilities, _, _ = classify.verdict(features)
    assert probabilities["article"] == pytest.approx(sigmoid(log_odds))
    assert sum(probabilities.values()) == pytest.approx(1.0)
    # with two types the pushes towards the article are exact: the article's less the forum's
    towards = classify.article_pushes(pushes, classify.class_scores(pushes))
    assert sum(towards.values()) == pytest.approx(log_odds)
    assert towards.get("user_marks", 0.0) == pytest.approx(-forum["user_marks"])


def test_pushes_against_several_types_are_weighed_by_their_shares():
    pushes = {"article": {"date": 1.0}, "forum": {"user_marks": 2.0}, "listing": {"cards": 2.0}}
    scores = {"article": 1.0, "forum": math.log(3.0), "listing": 0.0}   # the forum 3 times as likely as a listing
    towards = classify.article_pushes(pushes, scores)
    assert towards == pytest.approx({"date": 1.0, "user_marks": -1.5, "cards": -0.5})


def leaf_scores(model: dict, features: dict[str, float]) -> dict[str, float]:
    """Each type's score the plain way: its prior plus the leaf each of its trees lands in."""
    x = [features.get(name, 0.0) for name in model["features"]]
    scores = {}
    for kind, bias, trees in zip(model["classes"], model["bias"], model["trees"]):
        total = bias
        for feature, threshold, left, right, value in trees:
            node = 0
            while left[node] >= 0:
                node = left[node] if x[feature[node]] <= threshold[node] else right[node]
            total += value[node] - value[0]   # the bias holds the root values
        scores[kind] = total
    return scores


@pytest.mark.parametrize("features", [
    {},
    {"cards": 3.0, "teasers": 2.0, "main_paragraphs": 0.5, "homepage": 1.0},
    {"article_type": 1.0, "date": 1.0, "authors": 1.0, "main_text": 8.5, "main_paragraphs": 2.5, "slug_words": 0.6},
    {"price": 1.5, "cart": 1.0, "main_text": 5.0},
])
def test_shipped_model_pushes_add_up_to_its_leaves(features):
    model = classify.load_model()
    pushes = classify.class_pushes(features)
    assert set(pushes) == set(model["classes"])
    assert all(set(p) <= set(model["features"]) for p in pushes.values())
    assert classify.class_scores(pushes) == pytest.approx(leaf_scores(model, features), rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("features, words, likeliest", [
    ({"cards": 3.0, "teasers": 3.0, "headline_links": 3.0, "card_text_share": 0.7, "main_paragraphs": 0.0,
      "homepage": 1.0, "page_link_density": 0.6, "listing_title": 1.0, "title_words": 0.1},
     ["t:latest", "t:news", "h:latest"], "listing"),
    ({"price": 1.5, "cart": 1.0, "other_type": 1.0, "url_product": 1.0, "main_text": 5.0},
     ["u:products", "t:shop", "h:add", "h:to", "h:cart"], "shop"),
    ({"other_type": 1.0, "user_marks": 2.5, "url_forum": 1.0, "main_text": 7.0, "main_paragraphs": 1.0},
     ["u:forum", "u:threads", "t:forum", "h:replies"], "forum"),
    ({"code_blocks": 2.0, "code_inline": 3.0, "url_docs": 1.0, "docs_phrases": 1.5, "main_text": 7.5},
     ["u:docs", "t:documentation", "h:installation"], "documentation"),
])
def test_shipped_model_names_the_kind_of_non_article_page(features, words, likeliest):
    model = classify.load_model()
    probabilities, _, _ = classify.verdict({**features, **word_features(words, model["words"])})
    assert probabilities["article"] < model["threshold"]
    assert max(probabilities, key=probabilities.get) == likeliest
    # the words say the same: without them the article's probability is higher
    without_words, _, _ = classify.verdict(words_say_nothing(features))
    assert without_words["article"] > probabilities["article"]


def test_shipped_model_keeps_an_article():
    article = {"article_type": 1.0, "date": 1.0, "authors": 1.0, "main_text": 8.5, "main_paragraphs": 2.5,
               "slug_words": 0.6, "url_depth": 0.5, "main_share": 0.6, "title_words": 0.5, "h1": 1 / 3}
    words = ["t:storm", "t:hits", "t:coast", "u:storm", "u:hits", "u:coast", "h:storm", "h:hits", "h:coast"]
    for features in (words_say_nothing(article), {**article, **word_features(words, classify.load_model()["words"])}):
        probabilities, _, _ = classify.verdict(features)
        assert probabilities["article"] >= classify.load_model()["threshold"]
