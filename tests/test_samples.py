"""data/raw/sample-pages.warc.gz: reproducible from tests/fixtures/make_samples.py, and cleaned as expected."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import make_samples  # noqa: E402

WARC = ROOT / "data" / "raw" / "sample-pages.warc.gz"


def fold(s):
    return " ".join((s or "").split())


def test_warc_is_reproducible(tmp_path):
    out = make_samples.build(tmp_path / "w.warc.gz")
    assert out.read_bytes() == WARC.read_bytes(), "data/raw/sample-pages.warc.gz differs from make_samples.py output"


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory):
    out = tmp_path_factory.mktemp("warc") / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cp = subprocess.run([sys.executable, "-m", "scraper.cli", "clean", "--no-progress", "data/raw/sample-pages.warc.gz",
                         "-o", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert cp.returncode == 0, cp.stderr
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines() if l.strip()]
    return recs, cp.stderr


def test_warc_non_html_skipped(cleaned):
    recs, stderr = cleaned
    assert not [r for r in recs if r["url"] in make_samples.NON_HTML_URLS]
    line = [l for l in stderr.splitlines() if re.search(r"\b\w+=\d+", l)][-1]
    assert re.search(r"\bnot_html=2\b", line), line


@pytest.mark.parametrize("url", sorted(make_samples.EXPECTED))
def test_warc_page(cleaned, url):
    recs, _ = cleaned
    exp = make_samples.EXPECTED[url]
    n = len(exp["titles"])
    mine = [r for r in recs if r["source"].startswith("data/raw/sample-pages.warc.gz")
            and (r["url"] == url or (n > 1 and r["page_articles"] == n and r["title"] in exp["titles"]))]
    assert [fold(r["title"]) for r in mine] == [fold(t) for t in exp["titles"]]
    assert [r["authors"] for r in mine] == exp["authors"]
    text = fold("\n\n".join(r["text"] for r in mine))
    paras = [p for p in "\n\n".join(r["text"] for r in mine).split("\n\n") if p.strip()]
    assert fold(paras[0]).startswith(fold(exp["first"])), paras[0]
    assert fold(paras[-1]) == fold(exp["last"]) or fold(paras[-1]).endswith(fold(exp["last"])), paras[-1]
    kept = [s for s in exp["must_not"] if fold(s) in text]
    assert not kept, kept
    assert all((r["language"] or "").startswith(exp["language"]) for r in mine)
    assert (mine[0]["date_publish"] or "").startswith(exp["date_publish"])
    assert all(r["date_download"] and r["date_download"].startswith("2024-05-14") for r in mine), \
        [r["date_download"] for r in mine]
