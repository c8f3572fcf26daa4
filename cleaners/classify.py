"""Is this page one article, or a listing / other page that should give no record?

Small boosted decision trees over generic page-shape features (cleaners/page_features.py): schema.org
types (JSON-LD and microdata) and Open Graph types, publish date and byline, URL shape, teaser cards, link
density, code, prices. The trees are data (cleaners/page_kind_model.json), refitted by
bench/fit_page_kind.py; walking them takes plain Python, so the cleaner needs no machine-learning package."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement

from .blocks import BlockStats
from .metadata import PageMeta, search_page_date
from .page_features import page_features
from .segment import Segments

SIGNALS_SHOWN = 6
MODEL_PATH = Path(__file__).with_name("page_kind_model.json")


@lru_cache(maxsize=1)
def load_model() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def contributions(features: dict[str, float]) -> dict[str, float]:
    """Each feature's push towards 'article' (positive) or away from it (negative), in log-odds: along
    each tree's path, the change in the node's value at a split is put down to the split's feature."""
    model = load_model()
    names = model["features"]
    x = [features.get(name, 0.0) for name in names]
    pushes = [0.0] * len(names)
    for feature, threshold, left, right, value in model["trees"]:
        node = 0
        while left[node] >= 0:
            child = left[node] if x[feature[node]] <= threshold[node] else right[node]
            pushes[feature[node]] += value[child] - value[node]
            node = child
    return {names[i]: push for i, push in enumerate(pushes) if push}


def _probability(pushes: dict[str, float]) -> float:
    model = load_model()
    # the bias is the log-odds before any split: the prior plus every tree's root value
    z = model["bias"] + sum(tree[4][0] for tree in model["trees"]) + sum(pushes.values())
    return 1 / (1 + math.exp(-max(min(z, 50), -50)))


def page_kind(tree: HtmlElement, root: HtmlElement, stats: dict[HtmlElement, BlockStats], meta: PageMeta,
              segments: Segments) -> tuple[str, float, dict[str, float]]:
    """('article', p, signals) or the skip reason ('listing' or 'not_article') with the model's probability
    and the features that pushed the verdict most (log-odds, strongest first), for `scrape explain`.
    A page whose date is still to be searched for in its text is searched only when the verdict
    depends on it (or the page is kept): on a page rejected either way, p is the higher of the two."""
    features = page_features(tree, root, stats, meta, segments)
    if meta.date_search_pending:
        # the trees walked once for each value the date feature can take; the search settles which one stands
        pushes_if = {v: contributions({**features, "date": v}) for v in (0.0, 1.0)}
        verdicts = {v: _probability(pushes) for v, pushes in pushes_if.items()}
        if max(verdicts.values()) >= load_model()["threshold"]:
            search_page_date(tree, meta)
            features["date"] = float(bool(meta.date_publish))
        else:
            features["date"] = max(verdicts, key=verdicts.get)
        pushes = pushes_if[features["date"]]
    else:
        pushes = contributions(features)
    p = _probability(pushes)
    signals = dict(sorted(((k, round(v, 2)) for k, v in pushes.items() if abs(v) >= 0.05),
                          key=lambda kv: -abs(kv[1]))[:SIGNALS_SHOWN])
    if p >= load_model()["threshold"]:
        return "article", p, signals
    listing_push = sum(v for k, v in pushes.items()
                       if k in ("cards", "teasers", "headline_links", "card_text_share", "url_listing"))
    return ("listing" if listing_push < -0.5 or segments.cards >= 8 else "not_article"), p, signals
