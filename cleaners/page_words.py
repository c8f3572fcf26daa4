"""What a page's words say about its type: the words of its <title>, its address and its headings, scored by a
linear model (tf-idf, multinomial logistic regression) for each page type of the dev corpus.

"Pricing", "Contact", "Reply", "Docs", "Shop" in a title or a heading name a page type in any layout; the
page-kind trees take the model's probabilities as six more features (`words_article`, `words_forum`, ...).
Fitted by bench/fit_page_kind.py and stored beside the trees in page_kind_model.json (its "words" part);
scoring takes a dictionary lookup per word, no machine-learning package."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .metadata import PageMeta

WORD = re.compile(r"\w+")
HEADINGS = ("h1", "h2", "h3")
MAX_HEADING_CHARS = 20000   # a page of thousands of headings says no more than its first ones
MAX_TITLE_CHARS = 2000      # nor a title of megabytes (a broken page's unclosed <title>) or such an address


def _words(text: str, prefix: str) -> list[str]:
    return [prefix + w for w in WORD.findall(text.lower()) if not w.isdigit()]


def page_words(tree: HtmlElement, meta: PageMeta, headings: Iterable[HtmlElement] | None = None) -> list[str]:
    """The page's words, each marked with where it stands: t: in the <title>, u: in the address's path,
    h: in a heading (h1-h3; pass them when a walk of the page has found them already). Numbers are left
    out: they name no page type."""
    try:
        path = urlsplit(meta.url or "").path
    except ValueError:
        path = ""
    head = tree.find("head")
    title = " ".join(t.text_content() for t in head.iter("title")) if head is not None else ""
    if headings is None:
        headings = tree.iter(HEADINGS)
    heading_text = " ".join(h.text_content() for h in headings)[:MAX_HEADING_CHARS]
    return (_words(title[:MAX_TITLE_CHARS], "t:") + _words(path[:MAX_TITLE_CHARS], "u:")
            + _words(heading_text, "h:"))


def word_probabilities(words: list[str], model: dict) -> dict[str, float]:
    """Each page type's probability from the words: sublinear tf-idf (1 + ln count, times the word's idf),
    scaled to unit length, then a linear score per type and softmax (as scikit-learn's TfidfVectorizer and
    LogisticRegression compute them; bench/fit_page_kind.py checks they agree)."""
    lookup = model["vocabulary"].get
    hits = []   # (tf-idf, the word's entry)
    for word, count in Counter(words).items():
        entry = lookup(word)
        if entry is not None:
            hits.append((entry[0] if count == 1 else (1.0 + math.log(count)) * entry[0], entry))
    norm = math.sqrt(sum(w * w for w, _ in hits)) or 1.0
    return shares({kind: b + sum(w * entry[k] for w, entry in hits) / norm
                   for k, (kind, b) in enumerate(zip(model["classes"], model["intercept"]), 1)})


def shares(scores: dict[str, float]) -> dict[str, float]:
    """Scores as probabilities (softmax): the words model's here, the page-kind trees' in classify.py."""
    top = max(scores.values())
    exps = {kind: math.exp(score - top) for kind, score in scores.items()}
    total = sum(exps.values())
    return {kind: e / total for kind, e in exps.items()}


def word_features(words: list[str], model: dict | None) -> dict[str, float]:
    """The page-kind trees' features from the words: `words_<type>` for each type (none without a model)."""
    if not model:
        return {}
    return {f"words_{kind}": p for kind, p in word_probabilities(words, model).items()}
