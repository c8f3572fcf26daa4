"""A few hundred generated inputs (the bench/robustness.py generators, seeded) through clean_page
itself: it must never raise. One test per kind of input, so a failure names the kind; the message
carries the traceback. A hypothesis test adds shrunk tag soup on top."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import robustness  # noqa: E402

from cleaners.pipeline import clean_page  # noqa: E402
from cleaners.records import PageResult, RawPage  # noqa: E402
from scraper.workers import parallel_results  # noqa: E402

SEEDS = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").glob("*.html"))]
# inputs per kind: many cheap ones, a couple of each multi-megabyte one
PLAN = {"tag_soup": 150, "truncated": 25, "bytes_flipped": 25, "nuls": 25, "wrong_encoding": 25, "bad_url": 25,
        "deep_nesting": 2, "attr_5mb": 2, "word_5mb": 2, "many_elements": 2}


def inputs_of(kind: str, n: int):
    if kind == "tag_soup":
        return robustness.generate(n, SEEDS, seed=7, soup_share=1.0)
    return robustness.generate(n, SEEDS, seed=7, soup_share=0.0, mutations=[kind])


@pytest.mark.parametrize("kind", list(PLAN))
def test_clean_page_never_raises(kind):
    outcomes = list(parallel_results(inputs_of(kind, PLAN[kind]), 2, timeout=60, clean=robustness.probe))
    assert len(outcomes) == PLAN[kind]
    assert all(o.source.startswith(kind + "#") for o in outcomes)
    stopped = [(o.source, o.skip_reason) for o in outcomes if isinstance(o, PageResult)]
    assert not stopped, f"pages stopped by the caps: {stopped}"
    raised = [(o.source, o.error) for o in outcomes if o.error]
    assert not raised, f"clean_page raised on {len(raised)} of {len(outcomes)} {kind} inputs, first:\n" \
                       f"{raised[0][0]}\n{raised[0][1]}"


def test_probe_sees_a_raise():
    # the harness itself: a page that makes clean_page raise must be counted, not swallowed
    fine = robustness.probe(RawPage(body=(ROOT / "tests" / "fixtures" / "en-wp-bridge-closure.html").read_bytes(),
                                    source="good#0"))
    assert fine.error is None and fine.skip_reason is None and fine.seconds > 0
    broken = robustness.probe(RawPage(body=None, source="none#0"))   # type: ignore[arg-type]
    assert broken.error and "Traceback" in broken.error


TAGS = st.sampled_from(robustness.TAGS)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
ATTR = st.tuples(st.sampled_from(robustness.ATTRS), st.sampled_from(robustness.WORDS) | TEXT)
NODE = st.recursive(
    TEXT | st.sampled_from(["<!--", "-->", "</div>", "<p", "&#0;", "&bogus;", "<![CDATA[", "]]>"]),
    lambda inner: st.builds(lambda tag, attrs, kids, closed: f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs)
                            + ">" + "".join(kids) + (f"</{tag}>" if closed else ""),
                            TAGS, st.lists(ATTR, max_size=3), st.lists(inner, max_size=5), st.booleans()),
    max_leaves=40)


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(NODE, min_size=1, max_size=6), st.sampled_from(robustness.GOOD_URLS))
def test_clean_page_never_raises_on_hypothesis_tag_soup(nodes, url):
    clean_page(RawPage(body="".join(nodes).encode("utf-8", "surrogatepass"), source="hypothesis", url=url))
