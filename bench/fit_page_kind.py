#!/usr/bin/env python3
"""Refit the page-kind model (cleaners/page_kind_model.json) from the dev corpora.

    pip install numpy && python bench/fit_page_kind.py [--corpora ../shared/corpora] [--threshold 0.11]

Features come from cleaners/page_features.py on every page of wcxb_dev (article = 1, every other
page type = 0) and trafilatura_eval (content pages = 1, weight 0.5). Prints 5-fold cross-validated
rates at several thresholds, then writes the model fitted on all pages. numpy is needed here only."""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
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
    from cleaners.parse import parse_html
    from cleaners.segment import find_segments
    logging.disable(logging.CRITICAL)
    path, kind = task
    body = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    tree = parse_html(decode_html(body)[0])
    root = tree.find("body") if tree.find("body") is not None else tree
    stats = measure(root)
    return kind, page_features(tree, root, stats, page_metadata(tree, None), find_segments(root, stats))


def fit(X, y, w, mu, sd, l2=1.0, iters=3000, lr=0.5):
    import numpy as np
    Z = (X - mu) / sd
    b, c = np.zeros(Z.shape[1]), 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(Z @ b + c)))
        g = w * (p - y)
        b -= lr * (Z.T @ g / len(y) + l2 * b / len(y))
        c -= lr * g.mean()
    return b, c


def main(argv=None) -> int:
    import numpy as np
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--threshold", type=float, default=0.11)
    ap.add_argument("--out", type=Path, default=ROOT / "cleaners" / "page_kind_model.json")
    args = ap.parse_args(argv)
    meta = json.loads((args.corpora / "wcxb_dev" / "metadata.json").read_text())
    meta = meta.get("files", meta)
    tasks = [(str(p), meta[p.name.split(".")[0]]["page_type"])
             for p in sorted((args.corpora / "wcxb_dev" / "html").glob("*.html.gz"))]
    tasks += [(str(p), "content") for p in sorted((args.corpora / "trafilatura_eval" / "html").iterdir())]
    with Pool() as pool:
        rows = pool.map(features_of, tasks, chunksize=8)
    names = sorted(rows[0][1])
    X = np.array([[f[n] for n in names] for _, f in rows])
    kinds = np.array([k for k, _ in rows])
    y = np.isin(kinds, ["article", "content"]).astype(float)
    w = np.where(kinds == "content", 0.5, 1.0)
    mu, sd = X.mean(0), X.std(0) + 1e-9
    order = list(range(len(rows)))
    random.Random(0).shuffle(order)
    folds = [order[i::5] for i in range(5)]
    P = np.zeros(len(rows))
    for fold in folds:
        test = np.array(fold)
        train = np.array(sorted(set(order) - set(fold)))
        b, c = fit(X[train], y[train], w[train], mu, sd)
        P[test] = 1 / (1 + np.exp(-(((X[test] - mu) / sd) @ b + c)))
    art, content = kinds == "article", kinds == "content"
    other = ~art & ~content
    def cv_rates(th):
        """Articles rejected, non-articles accepted, trafilatura_eval pages rejected at this threshold."""
        return np.mean(P[art] < th), np.mean(P[other] >= th), np.mean(P[content] < th)

    for th in (0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3):
        rejected, accepted, content_rejected = cv_rates(th)
        print(f"threshold {th:.2f}: articles rejected {rejected:.3f}, non-articles accepted "
              f"{accepted:.3f}, trafilatura_eval pages rejected {content_rejected:.3f}")
    b, c = fit(X, y, w, mu, sd)
    model = json.loads(args.out.read_text()) if args.out.exists() else {}
    rejected, accepted, content_rejected = cv_rates(args.threshold)
    model["about"] = (
        "Logistic model: is a page one article? Generic page-shape features (cleaners/page_features.py), "
        "standardised with mu/sd; fitted by bench/fit_page_kind.py on wcxb_dev (article=1, other page types=0) "
        "and trafilatura_eval (content pages, weight 0.5). 5-fold CV at this threshold: "
        f"{rejected:.1%} of article pages rejected, {accepted:.0%} of non-article "
        f"pages accepted, {content_rejected:.1%} of trafilatura_eval pages rejected.")
    model.update({"threshold": args.threshold, "bias": round(float(c), 4),
                  "features": {n: {"mu": round(float(m), 5), "sd": round(float(s), 5), "coef": round(float(k), 4)}
                               for n, m, s, k in zip(names, mu, sd, b)}})
    args.out.write_text(json.dumps(model, indent=1) + "\n")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
