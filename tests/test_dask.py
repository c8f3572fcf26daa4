"""scrape clean on Dask: a LocalCluster with two worker processes gives the records of a local run
(same ids, same sources), one part per partition; a rerun skips every partition (resume)."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from scraper.clean_run import results
from scraper.dask_run import partition_pages, plan_partitions, read_parts, run_on_dask
from scraper.dumps import iter_pages

distributed = pytest.importorskip("distributed")
import dask  # noqa: E402  (present whenever distributed is)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def write_warc(path: Path) -> None:
    """A small WARC: two HTML responses from the fixtures, a non-HTML response and a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, name in enumerate(["en-jsonld-seagrass.html", "fr-no-charset-cours-oasis.html", None]):
            body = (FIXTURES / name).read_bytes() if name else b"%PDF-1.4 not a page"
            ctype = "text/html; charset=utf-8" if name else "application/pdf"
            hh = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                  protocol="HTTP/1.1")
            url = f"https://news.example.test/2024/story-{i}"
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                http_headers=hh))


def local_records(inputs: list[str]) -> list[dict]:
    return [a.to_dict() for r in results(iter_pages(inputs)) for a in r.articles]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    # Workers start elsewhere than the client's directory, as on real machines; non-daemonic so each
    # partition runs under the per-page time cap (see scraper/dask_run.py).
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("worker_cwd"))
    try:
        with dask.config.set({"distributed.worker.daemon": False}):
            with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                          dashboard_address=None) as cl:
                os.chdir(here)
                yield cl
    finally:
        os.chdir(here)


@pytest.mark.slow
def test_dask_run_gives_the_local_records_and_resumes(cluster, tmp_path, monkeypatch):
    warc = tmp_path / "small.warc.gz"
    write_warc(warc)
    monkeypatch.chdir(ROOT)   # relative inputs: sources must stay as given, as in a local run
    inputs = ["tests/fixtures", "data/raw/sample-pages.warc.gz", str(warc)]
    outdir = tmp_path / "parts"
    partitions = plan_partitions(inputs, html_batch=4)
    assert len(partitions) >= 6   # 15 fixture pages in batches of 4, and two WARC files

    summary = run_on_dask(cluster.scheduler_address, inputs, str(outdir), html_batch=4)
    expected = local_records(inputs)
    assert len(expected) > 15
    got = list(read_parts(str(outdir), partitions))
    assert got == expected   # parts in partition order are the local run, record for record
    key = lambda r: (r["source"], r["page_index"])
    assert sorted(got, key=key) == sorted(expected, key=key)
    assert sorted(p.name for p in outdir.iterdir()) == sorted(p.part_name for p in partitions)
    assert summary.partitions == len(partitions) and summary.partitions_skipped == 0
    assert summary.partitions_uncapped == 0
    assert summary.articles == len(expected)
    assert summary.pages == sum(1 for _ in iter_pages(inputs))
    assert summary.skipped["not_response"] > 0 and summary.skipped["not_html"] > 0
    assert summary.line().startswith(f"scrape clean: {summary.pages} pages read, {len(expected)} articles written")

    before = {p.name: p.stat().st_mtime_ns for p in outdir.iterdir()}
    again = run_on_dask(cluster.scheduler_address, inputs, str(outdir), html_batch=4)
    assert again.partitions_skipped == len(partitions) and again.pages == 0
    assert {p.name: p.stat().st_mtime_ns for p in outdir.iterdir()} == before

    # a lost part is redone alone, identical
    lost = outdir / partitions[1].part_name
    old = lost.read_bytes()
    lost.unlink()
    third = run_on_dask(cluster.scheduler_address, inputs, str(outdir), html_batch=4)
    assert third.partitions_skipped == len(partitions) - 1 and lost.read_bytes() == old


def test_fsspec_url_reads_the_same_pages_as_a_path(tmp_path):
    pytest.importorskip("fsspec")
    warc = tmp_path / "small.warc.gz"
    write_warc(warc)
    page = tmp_path / "page.html"
    page.write_bytes((FIXTURES / "en-wp-bridge-closure.html").read_bytes())
    by_path = [(type(p).__name__, getattr(p, "body", None), p.source)
               for part in plan_partitions([str(tmp_path)]) for p in partition_pages(part)]
    by_url = [(type(p).__name__, getattr(p, "body", None), p.source.removeprefix("file://"))
              for part in plan_partitions([f"file://{tmp_path}"]) for p in partition_pages(part)]
    assert len(by_path) == 7 and sum(kind == "RawPage" for kind, _, _ in by_path) == 3
    assert by_url == by_path
    names = [name for part in plan_partitions([f"file://{tmp_path}"]) for name, _ in part.inputs]
    assert names == [f"file://{page}", f"file://{warc}"]


def test_partitions_read_what_iter_pages_reads(tmp_path, monkeypatch):
    # dask_run reads through fsspec, so it keeps its own copy of the reading; it must not drift from dumps
    warc = tmp_path / "small.warc.gz"
    write_warc(warc)
    monkeypatch.chdir(ROOT)
    inputs = ["tests/fixtures", "data/raw/sample-pages.warc.gz", str(warc)]
    as_read = lambda items: [(type(p).__name__, p.source, getattr(p, "reason", None), getattr(p, "body", None),
                              getattr(p, "url", None), getattr(p, "headers", None), getattr(p, "fetched_at", None))
                             for p in items]
    expected = as_read(iter_pages(inputs))
    assert sum(1 for kind, *_ in expected if kind == "RawPage") > 15
    assert as_read(p for part in plan_partitions(inputs, html_batch=4) for p in partition_pages(part)) == expected
