#!/usr/bin/env python3
"""Cleaning quality on the public corpora: `scrape clean` beside plain trafilatura, same run.

    python bench/quality.py [--corpora ../shared/corpora] [--out bench/results/quality.json]
                            [--workers 2] [--skip-baseline]

Runs `scrape clean` over each corpus's html/ folder, and trafilatura.extract with library defaults
and with favor_precision=True over the same files; scores every JSONL with ../shared/bench/score.py
(the project's yardstick, used as it is) and compares title, authors and publish date with the gold.
Prints one table and writes it as JSON."""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("trafilatura_eval", "wcxb_dev")


def read_page(path: str) -> bytes:
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as fh:
        return fh.read()


def _trafilatura_records(task: tuple[str, str]) -> dict | None:
    import trafilatura
    logging.disable(logging.CRITICAL)
    path, config = task
    body = read_page(path)
    if config == "default":
        doc = trafilatura.bare_extraction(body, with_metadata=True)
        if doc is None or not doc.text:
            return None
        return {"source": path, "text": doc.text, "title": doc.title,
                "authors": split_authors(doc.author), "date_publish": doc.date}
    text = trafilatura.extract(body, favor_precision=True)
    return {"source": path, "text": text} if text else None


def split_authors(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [a for v in value for a in split_authors(v)]
    return [p.strip() for p in re.split(r"\s*(?:;|,|\band\b|&)\s*", value) if p.strip()]


def run_baseline(files: list[str], config: str, out: Path, workers: int) -> float:
    start = time.monotonic()
    with get_context("spawn").Pool(workers) as pool, out.open("w", encoding="utf-8") as fh:
        for rec in pool.imap(_trafilatura_records, [(f, config) for f in files], chunksize=8):
            if rec:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return time.monotonic() - start


def run_ours(html_dir: Path, out: Path, workers: int) -> float:
    start = time.monotonic()
    cmd = [sys.executable, "-m", "scraper.cli", "clean", str(html_dir), "-o", str(out),
           "--workers", str(workers), "--no-progress"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"scrape clean failed: {proc.stderr[-2000:]}")
    print("   ", proc.stderr.strip().splitlines()[0], file=sys.stderr)
    return time.monotonic() - start


def score(corpus: Path, records: Path) -> dict:
    script = corpus.parent.parent / "bench" / "score.py"
    proc = subprocess.run([sys.executable, str(script), str(corpus), str(records)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def gold_metadata(corpus: Path) -> dict[str, dict]:
    """page id -> {title, authors, date} for the values the gold gives (empty ones are left out).
    On wcxb only article pages count: a listing or product page should give no record at all, so
    its gold title or date is no test of an article extractor."""
    gold = {}
    if (corpus / "annotations.json").exists():
        pages = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))["pages"]
        for pid, p in pages.items():
            gold[pid] = {"title": p.get("title"), "author": p.get("author"), "date": p.get("date")}
    else:
        meta = json.loads((corpus / "metadata.json").read_text(encoding="utf-8"))
        meta = meta.get("files", meta)
        for path in sorted((corpus / "ground-truth").glob("*.json")):
            if meta.get(path.stem, {}).get("page_type") != "article":
                continue
            gt = json.loads(path.read_text(encoding="utf-8"))["ground_truth"]
            gold[path.stem] = {"title": gt.get("title"), "author": gt.get("author"), "date": gt.get("publish_date")}
    return gold


def page_id(source: str, ids: set[str]) -> str | None:
    name = source.rstrip("/").split("/")[-1]
    for cand in (name, name.split(".")[0], name.removesuffix(".gz")):
        if cand in ids:
            return cand
    return None


def fold(s) -> str:
    return " ".join(str(s or "").split()).casefold()


def first_records(gold: dict[str, dict], records: Path) -> dict[str, dict]:
    first: dict[str, dict] = {}
    for line in records.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        pid = page_id(str(rec.get("source", "")), set(gold))
        if pid and pid not in first:
            first[pid] = rec
    return first


def metadata_score(corpus: Path, records: Path, only: set[str] | None = None) -> dict:
    """Accuracy per field over the gold pages (or only those in `only`)."""
    gold = gold_metadata(corpus)
    first = first_records(gold, records)
    out = {}
    for field in ("title", "author", "date"):
        hits = total = 0
        for pid, g in gold.items():
            if not g.get(field) or (only is not None and pid not in only):
                continue
            total += 1
            rec = first.get(pid)
            if rec is None:
                continue
            if field == "title":
                hits += fold(rec.get("title")) == fold(g["title"])
            elif field == "author":
                hits += {fold(a) for a in rec.get("authors") or []} == {fold(a) for a in split_authors(g["author"])}
            else:
                hits += str(rec.get("date_publish") or "")[:10] == str(g["date"])[:10]
        out[field] = round(hits / total, 4) if total else None
    return out


def summarise(corpus_name: str, s: dict, meta: dict) -> dict:
    if s["layout"] == "snippets":
        sn = s["snippets"]
        row = {"snippet_f1": sn["f1"], "snippet_p": sn["precision"], "snippet_r": sn["recall"]}
    else:
        b, sn, na = s["body_articles"], s["snippets_articles"], s["non_article_with_record"]
        row = {"body_f1": b["f1"], "body_p": b["precision"], "body_r": b["recall"], "snippet_f1": sn["f1"],
               "non_article_with_record": na["share"], "article_no_record": round(b["empty"] / b["pages"], 4)}
    row.update({f"{k}_acc": v for k, v in meta.items()})
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "quality.json")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--skip-baseline", action="store_true", help="only our cleaner (for quick iterations)")
    ap.add_argument("--keep", type=Path, help="keep the JSONL files in this folder")
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="quality-"))
    tmp.mkdir(parents=True, exist_ok=True)
    table: dict[str, dict[str, dict]] = {}
    timing: dict[str, float] = {}
    systems = ["ours"] + ([] if args.skip_baseline else ["trafilatura", "trafilatura_precision"])
    for name in CORPORA:
        corpus = args.corpora / name
        html = corpus / "html"
        files = sorted(str(p) for p in html.iterdir() if p.is_file())
        for system in systems:
            out = tmp / f"{system}-{name}.jsonl"
            print(f"{name}: {system} ({len(files)} pages)", file=sys.stderr)
            if system == "ours":
                secs = run_ours(html, out, args.workers)
            else:
                secs = run_baseline(files, "default" if system == "trafilatura" else "precision", out, args.workers)
            timing[f"{system}/{name}"] = round(secs, 1)
            meta = metadata_score(corpus, out) if system != "trafilatura_precision" else {}
            table.setdefault(name, {})[system] = summarise(name, score(corpus, out), meta)
    print_table(table)
    print("\ntitle/author/date: share of pages whose gold gives one (wcxb: article pages only) where the first "
          "record matches; a page with no record counts as a miss")
    same_pages = {}
    if "trafilatura" in systems:
        # the metadata readers side by side on the pages both gave a record (ours skips forum and listing
        # pages on purpose, and the figures above count each of them as a miss)
        for name in CORPORA:
            corpus = args.corpora / name
            gold = gold_metadata(corpus)
            both = set(first_records(gold, tmp / f"ours-{name}.jsonl")) & \
                set(first_records(gold, tmp / f"trafilatura-{name}.jsonl"))
            same_pages[name] = {system: metadata_score(corpus, tmp / f"{system}-{name}.jsonl", only=both)
                                for system in ("ours", "trafilatura")}
            same_pages[name]["pages"] = len(both)
        print("\nmetadata on the pages both gave a record")
        for name, rows in same_pages.items():
            print(f"  {name} ({rows['pages']} pages): " + "; ".join(
                f"{field} {rows['ours'][field]:.4f} vs {rows['trafilatura'][field]:.4f}"
                for field in ("title", "author", "date")) + "  (ours vs trafilatura)")
    total = time.monotonic() - t0
    print(f"\nrun time: {total:.0f} s on {os.cpu_count()} cores; " +
          ", ".join(f"{k} {v:.0f} s" for k, v in timing.items()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"table": table, "metadata_same_pages": same_pages, "seconds": timing, "total_seconds": round(total, 1)}, indent=2))
    print(f"written {args.out}")
    return 0


def print_table(table: dict[str, dict[str, dict]]) -> None:
    for corpus, rows in table.items():
        cols = list(dict.fromkeys(k for r in rows.values() for k in r))
        print(f"\n{corpus}")
        widths = [max(10, len(c) + 2) for c in cols]
        print(f"{'system':24}" + "".join(f"{c:>{w}}" for c, w in zip(cols, widths)))
        for system, row in rows.items():
            cells = "".join(f"{'' if row.get(c) is None else format(row[c], '.4f'):>{w}}" for c, w in zip(cols, widths))
            print(f"{system:24}{cells}")


if __name__ == "__main__":
    sys.exit(main())
