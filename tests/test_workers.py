"""parallel_results: same records as the sequential run, in the same order; a page that hangs, dies or
explodes is skipped with a reason and the run goes on; input is read lazily within a bounded window."""
from __future__ import annotations

import itertools
import os
import signal
import time
from pathlib import Path

import pytest

from cleaners.records import RawPage
from scraper.clean_run import clean_one, results
from scraper.cli import main as scrape_main
from scraper.dumps import Skipped, iter_pages
from scraper.workers import parallel_results

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
WARC = ROOT / "data" / "raw" / "sample-pages.warc.gz"
GOOD = (FIXTURES / "en-wp-bridge-closure.html").read_bytes()
INPUTS = [str(FIXTURES), str(WARC)]


# Faulty cleaners: top-level so the worker processes can unpickle them by name.
def clean_with_faults(page: RawPage):
    if b"HANG" in page.body[:20]:
        time.sleep(3600)
    if b"EXIT" in page.body[:20]:
        os._exit(3)
    if b"SEGV" in page.body[:20]:
        os.kill(os.getpid(), signal.SIGSEGV)
    if b"EXPLODE" in page.body[:20]:
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]   # 4 GiB, past the 1 GiB cap below
        return hoard
    return clean_one(page)


def page(name: str, marker: bytes = b"") -> RawPage:
    return RawPage(body=marker + GOOD, source=name)


def comparable(result):
    return result.source, result.skip_reason, [a.to_dict() for a in result.articles]


def test_same_results_in_same_order_as_sequential():
    sequential = [comparable(r) for r in results(iter_pages(INPUTS))]
    assert len(sequential) > 15 and any(r[2] for r in sequential) and any(r[1] for r in sequential)
    for workers in (1, 2):
        parallel = [comparable(r) for r in parallel_results(iter_pages(INPUTS), workers, 30)]
        assert parallel == sequential, f"workers={workers}"


def test_cli_workers_1_and_2_write_identical_jsonl(tmp_path, capsys):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        assert scrape_main(["clean", "--no-progress", "--workers", workers, *INPUTS, "-o", str(out)]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0].count(b"\n") > 10
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_hanging_page_times_out_and_run_goes_on(workers):
    items = [page("a"), page("hang", b"HANG"), page("b"), page("c"), page("d")]
    start = time.monotonic()
    got = list(parallel_results(items, workers, timeout=1.5, clean=clean_with_faults))
    assert time.monotonic() - start < 20
    assert [r.source for r in got] == ["a", "hang", "b", "c", "d"]
    assert got[1].skip_reason == "timeout" and not got[1].articles
    assert all(r.articles and r.skip_reason is None for i, r in enumerate(got) if i != 1)


def test_dead_workers_cost_only_their_page():
    items = [page("a"), page("exit", b"EXIT"), page("b"), page("segv", b"SEGV"), page("c"),
             Skipped("broken.html", "read_error"), page("d")]
    got = list(parallel_results(items, 2, timeout=30, clean=clean_with_faults))
    assert [(r.source, r.skip_reason) for r in got] == [
        ("a", None), ("exit", "worker_died"), ("b", None), ("segv", "worker_died"), ("c", None),
        ("broken.html", "read_error"), ("d", None)]
    assert all(r.articles for r in got if r.skip_reason is None)


def test_memory_cap_turns_an_exploding_page_into_too_large():
    items = [page("a"), page("boom", b"EXPLODE"), page("b")]
    got = list(parallel_results(items, 1, timeout=60, memory_limit=1024 ** 3, clean=clean_with_faults))
    assert [(r.source, r.skip_reason) for r in got] == [("a", None), ("boom", "too_large"), ("b", None)]


def test_input_is_read_lazily_within_the_window():
    read = 0

    def endless():
        nonlocal read
        for i in itertools.count():
            read += 1
            yield page(f"p{i}")

    stream = parallel_results(endless(), 2, timeout=30, window=6)
    first = list(itertools.islice(stream, 10))
    stream.close()   # must stop the workers, not drain the endless input
    assert [r.source for r in first] == [f"p{i}" for i in range(10)]
    assert read <= 10 + 6
