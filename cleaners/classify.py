"""Is this page one article, or a listing / other page that should give no record?

Small boosted decision trees over generic page-shape features (cleaners/page_features.py): schema.org
types (JSON-LD and microdata) and Open Graph types, publish date and byline, URL shape, teaser cards, link
density, code, prices; and what the words of its title, address and headings say (cleaners/page_words.py).
The model scores every page type of the dev corpus (article, documentation, forum, listing, service, shop)
against the others; the page is kept when the article's share is above the threshold. The trees are data
(cleaners/page_kind_model.json), refitted by bench/fit_page_kind.py; walking them takes plain
Python, so the cleaner needs no machine-learning package."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement

from .blocks import BlockStats
from .metadata import PageMeta, search_page_date
from .page_features import page_features
from .page_words import shares
from .segment import Segments

SIGNALS_SHOWN = 6
ARTICLE = "article"
MODEL_PATH = Path(__file__).with_name("page_kind_model.json")


@lru_cache(maxsize=1)
def load_model() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def _linked(feature: list, threshold: list, left: list, right: list, value: list, node: int = 0):
    """A tree as nested tuples, (feature, threshold, left, right, push if left, push if right) with None
    for a leaf: a walk of 1,800 trees per page is then a few tuple unpackings each, not list lookups."""
    if left[node] < 0:
        return None
    l, r = left[node], right[node]
    return (feature[node], threshold[node], _linked(feature, threshold, left, right, value, l),
            _linked(feature, threshold, left, right, value, r), value[l] - value[node], value[r] - value[node])


@lru_cache(maxsize=1)
def _linked_trees(model_id: int) -> list[tuple[str, list]]:
    model = load_model()
    return [(kind, [_linked(*tree) for tree in trees]) for kind, trees in zip(model["classes"], model["trees"])]


def class_pushes(features: dict[str, float]) -> dict[str, dict[str, float]]:
    """For each page type, each feature's push on its score (log-odds scale): along each tree's path, the
    change in the node's value at a split is put down to the split's feature."""
    model = load_model()
    names = model["features"]
    x = [features.get(name, 0.0) for name in names]
    out = {}
    for kind, trees in _linked_trees(id(model)):
        pushes = [0.0] * len(names)
        for node in trees:
            while node is not None:
                feature, threshold, left, right, push_left, push_right = node
                if x[feature] <= threshold:
                    pushes[feature] += push_left
                    node = left
                else:
                    pushes[feature] += push_right
                    node = right
        out[kind] = {names[i]: push for i, push in enumerate(pushes) if push}
    return out


def class_scores(pushes: dict[str, dict[str, float]]) -> dict[str, float]:
    """Each page type's score: its prior and every tree's root value (the bias), plus its pushes."""
    model = load_model()
    return {kind: bias + sum(pushes[kind].values()) for kind, bias in zip(model["classes"], model["bias"])}


def article_pushes(pushes: dict[str, dict[str, float]], scores: dict[str, float]) -> dict[str, float]:
    """Each feature's push towards 'article' against the other types, in log-odds: its push on the article's
    score less its pushes on the others, each weighed by that type's share among them (to first order,
    the change it makes to log(p(article) / p(not article)))."""
    others = shares({kind: s for kind, s in scores.items() if kind != ARTICLE})
    out = dict(pushes[ARTICLE])
    for kind, weight in others.items():
        for name, push in pushes[kind].items():
            out[name] = out.get(name, 0.0) - weight * push
    return out


def verdict(features: dict[str, float]) -> tuple[dict[str, float], dict[str, float], dict[str, dict[str, float]]]:
    """The page types' probabilities, their scores and each feature's pushes on them."""
    pushes = class_pushes(features)
    scores = class_scores(pushes)
    return shares(scores), scores, pushes


def page_kind(tree: HtmlElement, root: HtmlElement, stats: dict[HtmlElement, BlockStats], meta: PageMeta,
              segments: Segments) -> tuple[str, float, dict[str, float], tuple[str, float]]:
    """('article', p, signals, likeliest) or the skip reason ('listing' or 'not_article') with the article's
    probability, the features that pushed the verdict most (log-odds, strongest first) and the likeliest
    other page type with its probability, for `scrape explain`.
    A page whose date is still to be searched for in its text is searched only when the verdict
    depends on it (or the page is kept): on a page rejected either way, p is the higher of the two."""
    model = load_model()
    threshold = model["threshold"]
    features = page_features(tree, root, stats, meta, segments, model.get("words"))
    if meta.date_search_pending:
        # the trees walked once for each value the date feature can take; the search settles which one stands
        verdicts = {v: verdict({**features, "date": v}) for v in (0.0, 1.0)}
        if max(p[ARTICLE] for p, _, _ in verdicts.values()) >= threshold:
            search_page_date(tree, meta)
            features["date"] = float(bool(meta.date_publish))
        else:
            features["date"] = max(verdicts, key=lambda v: verdicts[v][0][ARTICLE])
        probabilities, scores, pushes = verdicts[features["date"]]
    else:
        probabilities, scores, pushes = verdict(features)
    p = probabilities[ARTICLE]
    towards_article = article_pushes(pushes, scores)
    signals = dict(sorted(((k, round(v, 2)) for k, v in towards_article.items() if abs(v) >= 0.05),
                          key=lambda kv: -abs(kv[1]))[:SIGNALS_SHOWN])
    likeliest = max((kind for kind in probabilities if kind != ARTICLE), key=probabilities.get)
    guess = (likeliest, probabilities[likeliest])
    if p >= threshold:
        return ARTICLE, p, signals, guess
    return ("listing" if likeliest == "listing" or segments.cards >= 8 else "not_article"), p, signals, guess
