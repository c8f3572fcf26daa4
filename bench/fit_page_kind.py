#!/usr/bin/env python3
"""Refit the page-kind model (cleaners/page_kind_model.json) from the dev corpora.

    pip install scikit-learn && python bench/fit_page_kind.py [--corpora ../shared/corpora]

Features come from cleaners/page_features.py on every page of wcxb_dev (its page types, product and
collection pages put together as "shop") and trafilatura_eval (content pages count as articles), and from
the words model (cleaners/page_words.py), fitted first on the same pages: the trees learn from its
probabilities for pages it was not fitted on (5-fold by site), as it will score pages it has not seen.
The model scores each page type against the others; the cleaner keeps a page when the article's share is
above the threshold, the one that rejects --article-rejection of the article pages in 5-fold
cross-validation by site. The model written is fitted on all pages. scikit-learn is needed here only:
the cleaner walks the exported trees itself."""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def features_of(task):
    from cleaners.blocks import measure
    from cleaners.decode import decode_html
    from cleaners.metadata import page_metadata
    from cleaners.page_features import page_features
    from cleaners.page_words import HEADINGS, page_words
    from cleaners.parse import parse_html
    from cleaners.segment import find_segments
    logging.disable(logging.CRITICAL)
    path, kind = task
    body = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    tree = parse_html(decode_html(body)[0])
    root = tree.find("body") if tree.find("body") is not None else tree
    stats = measure(root)
    meta = page_metadata(tree, None)
    return kind, page_features(tree, root, stats, meta, find_segments(root, stats)), \
        page_words(tree, meta, root.iter(HEADINGS))   # the headings page_features finds: those under root


# chosen by the cross-validation below (8 shuffles, the same folds for each setting). One score per page
# type, not article against the rest: non-article pages accepted 28.5% -> 25.7%, as the trees can learn
# what a forum or a service page looks like on its own instead of all of them at once
TREE_SETTINGS = {"max_depth": 2, "n_estimators": 300, "learning_rate": 0.05, "subsample": 0.8,
                 "min_samples_leaf": 30, "random_state": 0}
# trafilatura_eval's pages at full weight: at 0.5 (the binary model's) the types' trees accept 23.8% of
# non-article pages but reject 1.6% of trafilatura_eval pages; at 1.0, 25.7% and 1.3% (binary: 1.2%)
CONTENT_WEIGHT = 1.0
# product and collection pages share their markers (prices, carts, product types)
PAGE_TYPES = {"content": "article", "product": "shop", "collection": "shop"}


# the words model's strength of regularisation: scikit-learn's default
WORDS_C = 1.0


def fit_words(docs: list[list[str]], y):
    """tf-idf over the page's words (each word in 3 pages or more), then a multinomial logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    vectorizer = TfidfVectorizer(analyzer=lambda words: words, min_df=3, sublinear_tf=True)
    model = LogisticRegression(C=WORDS_C, max_iter=3000).fit(vectorizer.fit_transform(docs), y)
    return vectorizer, model


def word_columns(docs, y, groups, train, test):
    """The words model's probabilities as tree features: for the training pages from models fitted without
    their site (5-fold by site), for the test pages from a model fitted on all training pages."""
    import numpy as np
    from sklearn.model_selection import GroupKFold
    columns = np.zeros((len(docs), len(set(y))))

    def score(fit_on, score_on):
        vectorizer, model = fit_words([docs[i] for i in fit_on], y[fit_on])
        columns[score_on] = model.predict_proba(vectorizer.transform([docs[i] for i in score_on]))

    for inner_train, inner_test in GroupKFold(n_splits=5).split(train, groups=groups[train]):
        score(train[inner_train], train[inner_test])
    if len(test):
        score(train, test)
    return columns


def export_words(vectorizer, model) -> dict:
    """The words model as data: classes, intercepts, and per word its idf then one weight per class."""
    idf = vectorizer.idf_
    return {"classes": [str(c) for c in model.classes_],
            "intercept": [round(float(b), 6) for b in model.intercept_],
            "vocabulary": {word: [round(float(idf[i]), 6)] + [round(float(c), 6) for c in model.coef_[:, i]]
                           for word, i in sorted(vectorizer.vocabulary_.items())}}


def fit(X, y, w):
    from sklearn.ensemble import GradientBoostingClassifier
    return GradientBoostingClassifier(**TREE_SETTINGS).fit(X, y, sample_weight=w)


def article_share(model, X):
    return model.predict_proba(X)[:, list(model.classes_).index("article")]


def export(model, X) -> tuple[list[str], list[float], list[list[list[list]]]]:
    """The fitted trees as plain lists (cleaners/classify.py walks them), one list per page type: per tree,
    for every node, the feature index (-1 on a leaf), threshold, left and right child, and value in
    log-odds. Inner nodes get the weighted mean of their leaves, so a path's steps add up to the leaf (each
    step is one feature's push). A type's bias is its prior plus its trees' root values."""
    lr = model.learning_rate
    init = model._raw_predict_init(X[:1])[0]
    classes, biases, per_class = [str(c) for c in model.classes_], [], []
    for k in range(len(classes)):
        trees = _export_trees(model.estimators_[:, k], lr)
        per_class.append(trees)
        biases.append(round(float(init[k]) + sum(tree[4][0] for tree in trees), 6))
    return classes, biases, per_class


def _export_trees(estimators, lr) -> list[list[list]]:
    trees = []
    for est in estimators:
        t = est.tree_
        value = [float(v) * lr for v in t.value[:, 0, 0]]
        weight = list(t.weighted_n_node_samples)
        for node in reversed(range(t.node_count)):   # children come after their parent in sklearn's order
            left, right = t.children_left[node], t.children_right[node]
            if left >= 0:
                total = weight[left] + weight[right]
                value[node] = (value[left] * weight[left] + value[right] * weight[right]) / total
        trees.append([[int(f) if l >= 0 else -1 for f, l in zip(t.feature, t.children_left)],
                      [round(float(x), 6) for x in t.threshold],
                      [int(x) for x in t.children_left], [int(x) for x in t.children_right],
                      [round(v, 6) for v in value]])
    return trees


def check_words(words: dict, vectorizer, model, docs) -> None:
    """The cleaner's scoring of the exported words model (cleaners/page_words.py) gives scikit-learn's
    probabilities, to the rounding of the export."""
    import numpy as np
    from cleaners.page_words import word_probabilities
    ours = np.array([[word_probabilities(d, words)[c] for c in words["classes"]] for d in docs])
    theirs = model.predict_proba(vectorizer.transform(docs))
    gap = float(np.abs(ours - theirs).max())
    if gap > 1e-4:
        raise SystemExit(f"the exported words model scores {gap:.2g} away from scikit-learn's")


def main(argv=None) -> int:
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--article-rejection", type=float, default=0.018,
                    help="share of article pages the cross-validated threshold may reject")
    ap.add_argument("--out", type=Path, default=ROOT / "cleaners" / "page_kind_model.json")
    args = ap.parse_args(argv)
    meta = json.loads((args.corpora / "wcxb_dev" / "metadata.json").read_text())
    meta = meta.get("files", meta)
    wcxb = sorted((args.corpora / "wcxb_dev" / "html").glob("*.html.gz"))
    teval = sorted((args.corpora / "trafilatura_eval" / "html").iterdir())
    tasks = [(str(p), meta[p.name.split(".")[0]]["page_type"]) for p in wcxb] + [(str(p), "content") for p in teval]
    # pages of one site share a template: they stay in one fold, so the CV figures are for unseen sites
    groups = [meta[p.name.split(".")[0]]["domain"] for p in wcxb] + [p.name.split(".")[0] for p in teval]
    with Pool() as pool:
        rows = pool.map(features_of, tasks, chunksize=8)
    shape_names = sorted(rows[0][1])
    X_shape = np.array([[f[n] for n in shape_names] for _, f, _ in rows])
    docs = [words for _, _, words in rows]
    kinds = np.array([k for k, _, _ in rows])
    y = np.array([PAGE_TYPES.get(k, k) for k in kinds])
    groups = np.array(groups)
    # the words model's columns, in the order of its classes (scikit-learn sorts them)
    names = shape_names + [f"words_{c}" for c in sorted(set(y))]
    w = np.where(kinds == "content", CONTENT_WEIGHT, 1.0)
    art, content = kinds == "article", kinds == "content"
    other = ~art & ~content
    runs = []
    for seed in (1, 2, 3):
        P = np.zeros(len(rows))
        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed).split(X_shape, y == "article", groups)
        for train, test in folds:
            X = np.column_stack([X_shape, word_columns(docs, y, groups, train, test)])
            P[test] = article_share(fit(X[train], y[train], w[train]), X[test])
        th = float(np.quantile(P[art], args.article_rejection))
        runs.append((th, P))
    threshold = round(float(np.mean([th for th, _ in runs])), 3)
    rates = np.mean([(np.mean(P[art] < threshold), np.mean(P[other] >= threshold), np.mean(P[content] < threshold))
                     for _, P in runs], axis=0)
    print(f"threshold {threshold}: 5-fold CV by site (3 shuffles): articles rejected {rates[0]:.3f}, "
          f"non-articles accepted {rates[1]:.3f}, trafilatura_eval pages rejected {rates[2]:.3f}")
    everything = np.arange(len(rows))
    X = np.column_stack([X_shape, word_columns(docs, y, groups, everything, everything[:0])])
    model = fit(X, y, w)
    classes, biases, trees = export(model, X)
    vectorizer, words_model = fit_words(docs, y)
    words = export_words(vectorizer, words_model)
    check_words(words, vectorizer, words_model, docs[:200])
    model_json = {
        "about": (
            "Boosted decision trees: is a page one article? One score per page type (softmax); generic page-shape "
            "features (cleaners/page_features.py) and the words model's probabilities (cleaners/page_words.py, "
            "its 'words' part: title, address and headings); fitted by bench/fit_page_kind.py on wcxb_dev (its page types) "
            f"and trafilatura_eval (content pages as articles, weight {CONTENT_WEIGHT}). 5-fold CV by site at this threshold "
            f"on the article's share: {rates[0]:.1%} of article pages rejected, {rates[1]:.0%} of non-article "
            f"pages accepted, {rates[2]:.1%} of trafilatura_eval pages rejected."),
        "threshold": threshold, "features": names, "classes": classes, "bias": biases,
        "trees": trees, "words": words}
    args.out.write_text(json.dumps(model_json, separators=(",", ":")) + "\n")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
