"""`scrape explain` tells a person what was removed and why, in text and as an HTML report."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_explain_names_reasons_and_writes_report(tmp_path):
    report = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "explain", "data/raw/zox-haftar-two-posts.html",
                           "--html", str(report)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "record 1 of 2" in out and "record 2 of 2" in out
    for reason in ("[related-list]", "[continue-reading]", "[title-repeat]", "[related-heading]"):
        assert reason in out
    html = report.read_text(encoding="utf-8")
    assert "<h2>Kept</h2>" in html and "related-list" in html and "Libya’s war: Who is supporting whom" in html


def test_explain_on_a_listing_says_why_there_is_no_record():
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "explain", "data/raw/zox-category-listing.html"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert "no record: skipped as listing" in proc.stdout
    verdict = next(line for line in proc.stdout.splitlines() if "article probability" in line)
    # the features that pushed the verdict, with their signed pushes: teaser cards count against an article
    # and the page type the model finds likeliest instead
    assert re.search(r"\((\w+ [+-]\d\.\d\d, )*\w+ [+-]\d\.\d\d\); else most like: listing \d\.\d\d$", verdict)
    assert re.search(r"(cards|teasers|headline_links|card_text_share) -\d", verdict)


def test_explain_missing_file_fails_clearly(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "explain", str(tmp_path / "nope.html")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "cannot read" in proc.stderr


def test_explain_names_the_markup_it_repaired(tmp_path):
    """Mends to broken markup are shown too: a box opened because it swallowed the article, markup moved
    in from after the end of the document; a page that needed none shows no such line."""
    out = {}
    for name in ("en-unclosed-popup-orchard", "en-article-after-html-end", "en-wp-bridge-closure"):
        report = tmp_path / f"{name}.html"
        proc = subprocess.run([sys.executable, "-m", "scraper.cli", "explain", f"tests/fixtures/{name}.html",
                               "--html", str(report)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        out[name] = (proc.stdout, report.read_text(encoding="utf-8"))
    assert 'repaired: opened <aside id="newsletter-popup"' in out["en-unclosed-popup-orchard"][0]
    assert "repaired: opened &lt;aside" in out["en-unclosed-popup-orchard"][1]
    assert "repaired: markup after the end of the document moved into the body" in out["en-article-after-html-end"][0]
    assert "repaired:" not in out["en-wp-bridge-closure"][0]


def test_explain_names_the_rule_that_settled_a_listing():
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "explain", "tests/fixtures/en-podcast-episode-listing.html"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "page kind: listing by rule teaser-feed" in proc.stdout
    assert "no record: skipped as listing" in proc.stdout


def test_explain_names_the_page_type_a_rejected_page_looks_most_like():
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "explain", "tests/fixtures/en-forum-thread-microdata.html"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"page kind: article probability 0\.\d\d .*; else most like: forum 0\.\d\d", proc.stdout)
    assert "no record: skipped as not_article" in proc.stdout


def test_explain_into_a_closed_pipe_stops_without_a_traceback():
    """`scrape explain PAGE | head`: the reader is gone before the report is written (here it never reads)."""
    proc = subprocess.Popen([sys.executable, "-m", "scraper.cli", "explain", "data/raw/zox-category-listing.html"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert b"Traceback" not in err and b"BrokenPipeError" not in err
