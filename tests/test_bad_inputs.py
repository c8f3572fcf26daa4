"""Bad inputs are generated here at run time (nothing big is committed).

Each bad page must be skipped with a named reason while the run goes on: records from good pages before
and after it are written, the exit code is 0 and the stderr summary line counts the skips as
`reason=count`. Reasons: empty, not_html, read_error (truncated gzip, broken WARC record), too_large,
too_deep. A missing input or an unwritable -o is a usage error: non-zero exit and a message.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOOD_A = FIXTURES / "en-wp-bridge-closure.html"
GOOD_Z = FIXTURES / "de-landstrom-hafen.html"
WARC_GOOD_URL = "https://www.example-news.test/2024/02/01/good-record-before-the-break"
BIG_BYTES = 50 * 1024 * 1024 + 4096


def _good_warc_record() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    body = GOOD_A.read_bytes().replace(
        b"https://www.riversidecourier.com/news/local/harbour-street-bridge-to-close-for-six-weeks-of-repairs/",
        WARC_GOOD_URL.encode())
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                          protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(WARC_GOOD_URL, "response", payload=io.BytesIO(body), length=len(body),
                                        http_headers=hh))
    return buf.getvalue()


def make_bad(kind: str, d: Path) -> Path:
    """Write one bad input of the given kind into d; return its path."""
    if kind == "empty":
        p = d / "empty.html"
        p.write_bytes(b"")
    elif kind == "binary":
        p = d / "junk.html"
        p.write_bytes(random.Random(7).randbytes(64 * 1024))
    elif kind == "pdf":
        p = d / "report.html"
        p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                      + random.Random(3).randbytes(20000) + b"\n%%EOF\n")
    elif kind == "truncated_gz":
        p = d / "cut.html.gz"
        data = gzip.compress(GOOD_A.read_bytes() * 4, mtime=0)
        p.write_bytes(data[: len(data) // 2])
    elif kind == "huge":
        p = d / "huge.html"
        para = b"<p>" + b"Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 16 + b"</p>\n"
        with p.open("wb") as f:
            f.write(b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Huge</title></head><body><article>\n")
            written = 0
            while written < BIG_BYTES:
                f.write(para * 1000)
                written += len(para) * 1000
            f.write(b"</article></body></html>\n")
    elif kind == "deep":
        p = d / "deep.html"
        n = 100_000
        p.write_bytes(b"<!DOCTYPE html><html><head><title>Deep</title></head><body>" + b"<div>" * n
                      + b"<p>bottom of the well</p>" + b"</div>" * n + b"</body></html>")
    elif kind == "broken_warc":
        p = d / "broken.warc.gz"
        good = _good_warc_record()
        p.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n"
                      + random.Random(11).randbytes(3000))
    else:
        raise ValueError(kind)
    return p


REASON = {"empty": "empty", "binary": "not_html", "pdf": "not_html", "truncated_gz": "read_error",
          "huge": "too_large", "deep": "too_deep", "broken_warc": "read_error"}


def run_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "scraper.cli", "clean", "--no-progress", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def summary_line(stderr: str) -> str:
    lines = [l for l in stderr.splitlines() if re.search(r"\b\w+=\d+", l)]
    assert lines, f"no summary line with reason=count on stderr:\n{stderr[-2000:]}"
    return lines[-1]


def read_jsonl(p: Path) -> list[dict]:
    return [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


def good_pair(d: Path) -> tuple[Path, Path]:
    a, z = d / "a_good.html", d / "z_good.html"
    shutil.copy(GOOD_A, a)
    shutil.copy(GOOD_Z, z)
    return a, z


@pytest.mark.parametrize("kind", ["empty", "binary", "pdf", "truncated_gz", "deep", "broken_warc"])
def test_bad_input_skipped_run_goes_on(kind, tmp_path):
    a, z = good_pair(tmp_path)
    bad = make_bad(kind, tmp_path)
    out = tmp_path / "out.jsonl"
    cp = run_cli(str(a), str(bad), str(z), "-o", str(out))
    assert cp.returncode == 0, f"exit {cp.returncode}\n{cp.stderr[-2000:]}"
    line = summary_line(cp.stderr)
    assert re.search(rf"\b{REASON[kind]}=1\b", line), f"{kind}: summary {line!r} lacks {REASON[kind]}=1"
    recs = read_jsonl(out)
    sources = [r["source"] for r in recs]
    assert str(a) in sources and str(z) in sources, f"{kind}: good pages missing from output: {sources}"
    if kind == "broken_warc":
        assert WARC_GOOD_URL in [r["url"] for r in recs], "record before the broken WARC record was not written"
    else:
        assert not [s for s in sources if s.startswith(str(bad))], f"{kind}: bad page produced records"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_50mb_page_is_too_large(tmp_path):
    a, z = good_pair(tmp_path)
    bad = make_bad("huge", tmp_path)
    assert bad.stat().st_size > 50 * 1024 * 1024
    out = tmp_path / "out.jsonl"
    cp = run_cli(str(a), str(bad), str(z), "-o", str(out))
    assert cp.returncode == 0, cp.stderr[-2000:]
    assert re.search(r"\btoo_large=1\b", summary_line(cp.stderr)), summary_line(cp.stderr)
    sources = [r["source"] for r in read_jsonl(out)]
    assert str(a) in sources and str(z) in sources and str(bad) not in sources


def test_all_bad_inputs_in_one_run(tmp_path):
    a, z = good_pair(tmp_path)
    kinds = ["empty", "binary", "pdf", "truncated_gz", "deep", "broken_warc"]
    bads = [make_bad(k, tmp_path) for k in kinds]
    out = tmp_path / "out.jsonl"
    cp = run_cli(str(a), *map(str, bads), str(z), "-o", str(out))
    assert cp.returncode == 0, cp.stderr[-2000:]
    line = summary_line(cp.stderr)
    for reason, n in {"empty": 1, "not_html": 2, "read_error": 2, "too_deep": 1}.items():
        assert re.search(rf"\b{reason}={n}\b", line), f"summary {line!r} lacks {reason}={n}"
    recs = read_jsonl(out)
    sources = [r["source"] for r in recs]
    assert sources[0] == str(a), f"first record should come from the first good page: {sources}"
    assert str(z) in sources


def test_iter_pages_never_raises(tmp_path):
    from scraper.dumps import iter_pages
    a, z = good_pair(tmp_path)
    kinds = ["empty", "binary", "pdf", "truncated_gz", "deep", "broken_warc"]
    bads = [make_bad(k, tmp_path) for k in kinds]
    items = list(iter_pages([str(a), *map(str, bads), str(z)]))
    sources = [getattr(it, "source", None) for it in items]
    assert sources[0] == str(a) and sources[-1] == str(z), sources
    pages = [it for it in items if hasattr(it, "body")]
    assert str(a) in [p.source for p in pages] and str(z) in [p.source for p in pages]
    reasons = {getattr(it, "source", ""): getattr(it, "reason", None) for it in items if not hasattr(it, "body")}
    assert reasons.get(str(tmp_path / "cut.html.gz")) == "read_error", reasons
    assert any(r == "read_error" and s.startswith(str(tmp_path / "broken.warc.gz")) for s, r in reasons.items()), reasons


def test_missing_input_is_an_error(tmp_path):
    cp = run_cli(str(tmp_path / "does-not-exist.html"), "-o", str(tmp_path / "out.jsonl"))
    assert cp.returncode != 0
    assert "does-not-exist.html" in cp.stderr, cp.stderr


@pytest.mark.parametrize("where", ["under_a_file", "a_directory"])
def test_unwritable_output_is_an_error(where, tmp_path):
    a, _ = good_pair(tmp_path)
    if where == "under_a_file":
        blocker = tmp_path / "plainfile"
        blocker.write_text("x")
        out = blocker / "sub" / "out.jsonl"
    else:
        out = tmp_path / "outdir"
        out.mkdir()
    cp = run_cli(str(a), "-o", str(out))
    assert cp.returncode != 0, cp.stderr
    assert cp.stderr.strip(), "no message on stderr"
    assert str(out) in cp.stderr or "output" in cp.stderr.lower(), cp.stderr
