"""Robustness figure: many generated inputs through clean_page, each under the per-page time cap.

Inputs (all from one seed): random tag soup, and mutations of corpus pages: truncated, bytes flipped,
NULs inserted, 100,000-deep nesting, a 5 MB attribute, a 5 MB word, 500,000 elements, and text encoded
in one charset while another is declared. Each input goes through parallel_results (time and memory
caps), where `probe` calls cleaners.pipeline.clean_page directly: a raise is counted as an uncaught
exception with its traceback (must be 0), separately from timeouts and dead workers.

    .venv/bin/python bench/robustness.py [--inputs 10000] [--seed 1] [--workers 2] [--timeout 30]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import statistics
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaners.pipeline import clean_page  # noqa: E402
from cleaners.records import PageResult, RawPage  # noqa: E402
from scraper.workers import parallel_results  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_DIRS = [CORPORA / "wcxb_dev" / "html", CORPORA / "trafilatura_eval" / "html"]
RESULTS = ROOT / "bench" / "results" / "robustness.json"

TAGS = ["html", "head", "body", "title", "meta", "div", "p", "span", "a", "b", "i", "em", "strong", "article",
        "section", "nav", "header", "footer", "aside", "main", "h1", "h2", "h3", "ul", "ol", "li", "table",
        "tr", "td", "th", "tbody", "script", "style", "noscript", "iframe", "form", "input", "button", "img",
        "br", "hr", "pre", "code", "blockquote", "figure", "figcaption", "time", "svg", "math", "template",
        "select", "option", "textarea", "frameset", "frame", "object", "embed", "font", "center", "x-custom"]
ATTRS = ["class", "id", "href", "src", "itemprop", "itemtype", "rel", "lang", "dir", "content", "property",
         "name", "datetime", "style", "hidden", "aria-hidden", "role", "data-x", "charset", "http-equiv"]
WORDS = ["article", "content", "comment", "share", "related", "author", "byline", "post", "entry", "menu",
         "footer", "sidebar", "ad", "news", "date", "2024-02-30T25:61", "http://", "javascript:void(0)",
         "../../x", "//evil", "http://[::1", "", " ", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "&bogus;", "\u202e", "\u0000",
         "Schrödinger", "日本語のテキスト", "العربية", "😀" * 3, "\ud800", "Ω≈ç√", "'\"<>", "]]>", "-->"]
CHARSETS = ["utf-8", "windows-1252", "iso-8859-1", "shift_jis", "euc-jp", "gb2312", "big5", "koi8-r",
            "windows-1251", "utf-16", "utf-16-le", "utf-32", "utf-7", "iso-2022-jp", "cp500", "x-user-defined",
            "bogus-charset", "", "utf-8\x00", "' onload='"]
MUTATIONS = ["truncated", "bytes_flipped", "nuls", "deep_nesting", "attr_5mb", "word_5mb", "many_elements",
             "wrong_encoding", "bad_url"]
HEAVY_MUTATIONS = ["deep_nesting", "attr_5mb", "word_5mb", "many_elements"]   # megabytes each, seconds to clean
HEAVY_WEIGHT = 0.08   # relative to 1 for each cheap kind: ~1% of inputs each, so 10,000 inputs take minutes
GOOD_URLS = [None, "https://news.example.test/2024/05/a-story.html"]
BAD_URLS = ["http://[::1", "not a url", "http://", "javascript:alert(1)", "http://exa mple.test/\x00", "//no-scheme/x",
            "http://a:b@c:99999/", "https://xn--/", "http://\u2603.test/\ud800", "ftp://files.test/page.html"]


# --- generators --------------------------------------------------------------------------------

def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) if rng.random() < 0.4 else "lorem ipsum dolor" for _ in range(rng.randint(0, 30)))


def _attrs(rng: random.Random) -> str:
    out = []
    for _ in range(rng.choice([0, 0, 1, 2, 4])):
        value = rng.choice(WORDS + [_text(rng)])
        quote = rng.choice(['"', "'", ""])
        out.append(f" {rng.choice(ATTRS)}={quote}{value}{quote}" if rng.random() < 0.9 else f" {rng.choice(ATTRS)}")
    return "".join(out)


def _soup(rng: random.Random, depth: int, budget: list[int]) -> str:
    parts = []
    while budget[0] > 0 and rng.random() < 0.8:
        budget[0] -= 1
        r = rng.random()
        if r < 0.3:
            parts.append(_text(rng))
        elif r < 0.35:
            parts.append(rng.choice(["<!-- c -->", "<!--", "<![CDATA[x]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>",
                                     "</div>", "</p></p>", "<", ">", "&", "<p", "<a href='x", "</>", "<br/>"]))
        else:
            tag = rng.choice(TAGS)
            inner = _soup(rng, depth + 1, budget) if depth < 40 else ""
            close = f"</{tag}>" if rng.random() < 0.85 else ""
            parts.append(f"<{tag}{_attrs(rng)}>{inner}{close}")
    return "".join(parts)


def tag_soup(rng: random.Random) -> bytes:
    head = rng.choice(["", "<!DOCTYPE html>", "<html>", "<?xml version='1.0' encoding='utf-8'?>", "\ufeff"])
    text = head + _soup(rng, 0, [rng.randint(1, 400)])
    return text.encode("utf-8", "surrogatepass")   # lone surrogates become invalid UTF-8, as in real dumps


def mutate(rng: random.Random, kind: str, body: bytes) -> tuple[bytes, dict[str, str]]:
    """One corpus page changed in one way; returns (bytes, headers)."""
    headers: dict[str, str] = {}
    if kind == "truncated":
        body = body[:rng.randint(0, len(body))]
    elif kind == "bytes_flipped":
        data = bytearray(body)
        for _ in range(rng.randint(1, 200)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        body = bytes(data)
    elif kind == "nuls":
        data = bytearray(body)
        for _ in range(rng.choice([1, 3, 20, 1000])):
            data.insert(rng.randint(0, len(data)), 0)
        body = bytes(data)
    elif kind == "deep_nesting":
        tag = rng.choice([b"div", b"b", b"span", b"table", b"li", b"blockquote", b"font"])
        closing = (b"</" + tag + b">") * rng.choice([0, 100_000])   # closed, or left open to the end
        well = (b"<" + tag + b">") * 100_000 + b"deep text" + closing
        body = _insert_in_body(rng, body, well)
    elif kind == "attr_5mb":
        value = rng.choice([b"x", b"article content ", b"&amp;", b"\xe2\x82\xac"]) * (5_000_000 // 4)
        body = _insert_in_body(rng, body, b'<div class="' + value + b'">attribute</div>')
    elif kind == "word_5mb":
        body = _insert_in_body(rng, body, b"<p>" + b"a" * 5_000_000 + b"</p>")
    elif kind == "many_elements":
        body = _insert_in_body(rng, body, rng.choice([b"<p>a</p>", b"<br>", b"<a href=#>x</a>"]) * 500_000)
    elif kind == "wrong_encoding":
        text = body.decode("utf-8", "replace")
        actual = rng.choice([c for c in CHARSETS if c and "\x00" not in c and "'" not in c and c != "bogus-charset"
                             and c != "x-user-defined"])
        declared = rng.choice(CHARSETS)
        body = (f'<meta charset="{declared}">' + text).encode(actual, "replace")
        if rng.random() < 0.5:
            headers["content-type"] = f"text/html; charset={rng.choice(CHARSETS)}"
    elif kind == "bad_url":
        pass   # the page as it is; generate() gives it a malformed URL, as a WARC target URI can be
    else:
        raise ValueError(kind)
    return body, headers


def _insert_in_body(rng: random.Random, body: bytes, blob: bytes) -> bytes:
    at = body.find(b"<body")
    at = body.find(b">", at) + 1 if at >= 0 else rng.randint(0, len(body))
    return body[:at] + blob + body[at:]


def generate(n: int, seeds: list[bytes], seed: int = 1, soup_share: float = 0.4,
             mutations: list[str] = MUTATIONS, heavy_weight: float = HEAVY_WEIGHT) -> Iterator[RawPage]:
    """n inputs, lazily: tag soup with probability soup_share, otherwise a seed page mutated by one of
    `mutations`. The source names the kind and number, e.g. "nuls#1234", so an input can be regenerated."""
    rng = random.Random(seed)
    weights = [heavy_weight if kind in HEAVY_MUTATIONS else 1.0 for kind in mutations]
    for i in range(n):
        if not seeds or rng.random() < soup_share:
            yield RawPage(body=tag_soup(rng), source=f"tag_soup#{i}", url=rng.choice(GOOD_URLS))
        else:
            kind = rng.choices(mutations, weights)[0]
            body, headers = mutate(rng, kind, rng.choice(seeds))
            url = rng.choice(BAD_URLS) if kind == "bad_url" else rng.choice(GOOD_URLS)
            yield RawPage(body=body, source=f"{kind}#{i}", headers=headers, url=url)


# --- probe, run in the worker processes --------------------------------------------------------

@dataclass
class Outcome:
    source: str
    seconds: float
    skip_reason: str | None = None
    error: str | None = None        # traceback when clean_page raised
    max_rss_kb: int = 0             # the worker's peak so far


def probe(page: RawPage) -> Outcome:
    start = time.perf_counter()
    try:
        result = clean_page(page)
        outcome = Outcome(page.source, 0.0, skip_reason=result.skip_reason)
    except BaseException:  # every raise is a finding, MemoryError and RecursionError included
        outcome = Outcome(page.source, 0.0, error=traceback.format_exc(limit=-8))
    outcome.seconds = time.perf_counter() - start
    outcome.max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return outcome


def run(inputs, workers: int, timeout: float) -> dict:
    kinds, raised, capped, seconds = Counter(), [], Counter(), []
    by_kind: dict[str, list[float]] = {}
    worker_rss = 0
    for res in parallel_results(inputs, workers, timeout, clean=probe):
        kind = res.source.split("#")[0]
        kinds[kind] += 1
        if isinstance(res, PageResult):      # the worker was stopped: timeout, worker_died
            capped[res.skip_reason] += 1
            seconds.append(timeout)
            by_kind.setdefault(kind, []).append(timeout)
            continue
        seconds.append(res.seconds)
        by_kind.setdefault(kind, []).append(res.seconds)
        worker_rss = max(worker_rss, res.max_rss_kb)
        if res.error:
            raised.append((res.source, res.error))
    seconds.sort()
    return {"inputs": sum(kinds.values()), "kinds": dict(kinds), "uncaught_exceptions": len(raised),
            "exceptions": raised, "timeouts": capped.get("timeout", 0), "worker_died": capped.get("worker_died", 0),
            "p50_s": statistics.median(seconds) if seconds else 0.0,
            "p99_s": seconds[min(len(seconds) - 1, int(len(seconds) * 0.99))] if seconds else 0.0,
            "max_s": seconds[-1] if seconds else 0.0, "peak_worker_rss_mb": worker_rss / 1024,
            "max_s_by_kind": {k: max(v) for k, v in sorted(by_kind.items())}}


def group_exceptions(raised: list[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    """Sources by (last line of the traceback, innermost frame in the project's code)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for source, tb in raised:
        lines = tb.rstrip().splitlines()
        frames = [l.strip() for l in lines if l.strip().startswith("File ") and "/cleaners/" in l]
        where = frames[-1].split("/cleaners/")[-1] if frames else "?"
        groups.setdefault((lines[-1][:120], where), []).append(source)
    return groups


def load_seeds(sample: int, seed: int) -> list[bytes]:
    paths = sorted(p for d in CORPUS_DIRS for p in d.iterdir() if p.is_file())
    paths = random.Random(seed).sample(paths, min(sample, len(paths)))
    return [gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes() for p in paths]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seed-pages", type=int, default=300, help="corpus pages to mutate (default 300)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--heavy-weight", type=float, default=HEAVY_WEIGHT,
                    help="weight of each multi-megabyte mutation against 1 for each cheap one")
    args = ap.parse_args(argv)
    from speed import TreePeakRSS   # same meter as the speed bench

    seeds = load_seeds(args.seed_pages, args.seed)
    start = time.monotonic()
    with TreePeakRSS() as meter:
        report = run(generate(args.inputs, seeds, args.seed, heavy_weight=args.heavy_weight), args.workers,
                     args.timeout)
    report.update(seconds=time.monotonic() - start, peak_tree_rss_mb=meter.peak / 1e6, seed=args.seed,
                  workers=args.workers, timeout=args.timeout)
    rows = [("inputs", report["inputs"]), ("uncaught exceptions (clean_page raised)", report["uncaught_exceptions"]),
            ("timeouts", report["timeouts"]), ("workers died", report["worker_died"]),
            ("p50 time per page", f"{report['p50_s'] * 1000:.1f} ms"),
            ("p99 time per page", f"{report['p99_s'] * 1000:.1f} ms"),
            ("max time per page", f"{report['max_s']:.2f} s"),
            ("peak RSS, process tree", f"{report['peak_tree_rss_mb']:.0f} MB"),
            ("peak RSS, one worker", f"{report['peak_worker_rss_mb']:.0f} MB"),
            ("wall time", f"{report['seconds']:.0f} s")]
    for label, value in rows:
        print(f"{label:<42}{value}")
    print("by kind (inputs, max time): " + ", ".join(f"{k}={n} ({report['max_s_by_kind'][k]:.1f} s)"
                                                      for k, n in sorted(report["kinds"].items())))
    for (error, where), sources in group_exceptions(report["exceptions"]).items():
        kinds = Counter(src.split("#")[0] for src in sources)
        tail = next(tb for src, tb in report["exceptions"] if src == sources[0]).rstrip().splitlines()[-8:]
        print(f"\n--- {len(sources)}x {error} at {where} ({', '.join(f'{k}={n}' for k, n in kinds.items())}; "
              f"e.g. {', '.join(sources[:3])}):\n" + "\n".join(tail))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    return 1 if report["uncaught_exceptions"] else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    sys.exit(main())
