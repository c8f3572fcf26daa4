"""`scrape clean --dask ADDRESS INPUT... -o OUTDIR`: the same cleaning on a Dask distributed cluster.

One partition per WARC file or per batch of HTML files; each partition becomes one JSONL part in
OUTDIR, written whole (temporary name, fsync, rename) and named by a hash of its input list, so a
rerun skips the partitions whose part exists. Records are those of a local run: every page keeps
the `source` the local run gives it (the input as named on the command line), wherever it is read.

dask[distributed] and fsspec are optional (`pip install .[dask]`) and imported only when used.
Each partition is cleaned through parallel_results with one worker process, so the per-page time and
memory caps hold on the cluster too — when the Dask worker may start processes: Dask's default is
daemonic workers, which may not; start them with DASK_DISTRIBUTED__WORKER__DAEMON=False (or
`dask worker --no-nanny`). Otherwise pages are cleaned in the Dask worker itself, without time cap.
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import multiprocessing
import os
import time
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from cleaners.records import RawPage

from .clean_run import RunSummary, results
from .dumps import HTML_SUFFIXES, MAX_READ_BYTES, WARC_SUFFIXES, Skipped, iter_warc_stream, read_html_stream, walk_files
from .jsonl import AtomicJsonlWriter
from .workers import DEFAULT_TIMEOUT, parallel_results

log = logging.getLogger("scrape.dask")

HTML_BATCH = 500          # HTML files per partition: big enough to amortise a task, small enough to retry


@dataclass(frozen=True)
class Partition:
    inputs: tuple[tuple[str, str], ...]   # (source name as in a local run, location to read it from)

    @property
    def part_name(self) -> str:
        names = json.dumps([name for name, _ in self.inputs], ensure_ascii=False)
        return "part-" + hashlib.sha256(names.encode("utf-8")).hexdigest()[:24] + ".jsonl"


@dataclass
class DaskSummary(RunSummary):
    partitions: int = 0
    partitions_skipped: int = 0     # already done by an earlier run
    partitions_uncapped: int = 0    # cleaned in a daemonic Dask worker: no per-page time cap

    def partitions_line(self) -> str:
        return (f"scrape clean: {self.partitions} partitions, {self.partitions_skipped} already done (skipped), "
                f"{self.partitions - self.partitions_skipped} cleaned")


def is_url(path: str) -> bool:
    return "://" in path


def input_files(inputs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name, location) per input file, in a local run's order. Local locations are made absolute,
    because a Dask worker's working directory is not the client's."""
    for given in inputs:
        if is_url(given):
            yield from _url_files(given)
        else:
            for path in walk_files([given]):
                yield path, os.path.abspath(path)


def _url_files(url: str) -> Iterator[tuple[str, str]]:
    from fsspec.core import url_to_fs
    fs, path = url_to_fs(url)
    if fs.isdir(path):
        found = sorted(p for p in fs.find(path) if p.lower().endswith(HTML_SUFFIXES + WARC_SUFFIXES))
        for p in found:
            full = fs.unstrip_protocol(p)
            yield full, full
    else:
        yield url, url


def plan_partitions(inputs: Iterable[str], html_batch: int = HTML_BATCH) -> list[Partition]:
    """A partition per WARC file; consecutive HTML files in batches of html_batch."""
    partitions: list[Partition] = []
    batch: list[tuple[str, str]] = []
    for name, location in input_files(inputs):
        if name.lower().endswith(WARC_SUFFIXES):
            if batch:
                partitions.append(Partition(tuple(batch)))
                batch = []
            partitions.append(Partition(((name, location),)))
        else:
            batch.append((name, location))
            if len(batch) >= html_batch:
                partitions.append(Partition(tuple(batch)))
                batch = []
    if batch:
        partitions.append(Partition(tuple(batch)))
    return partitions


def _open(location: str):
    if is_url(location):
        import fsspec
        return fsspec.open(location, "rb").open()
    return open(location, "rb")


def read_html(name: str, location: str, max_bytes: int = MAX_READ_BYTES) -> RawPage | Skipped:
    try:
        with _open(location) as raw:
            return read_html_stream(raw, name, max_bytes)
    except OSError as err:
        return Skipped(name, "read_error", str(err))


def iter_warc(name: str, location: str) -> Iterator[RawPage | Skipped]:
    try:
        fh = _open(location)
    except OSError as err:
        yield Skipped(name, "read_error", str(err))
        return
    with fh:
        yield from iter_warc_stream(fh, name)


def partition_pages(partition: Partition) -> Iterator[RawPage | Skipped]:
    for name, location in partition.inputs:
        if name.lower().endswith(WARC_SUFFIXES):
            yield from iter_warc(name, location)
        else:
            yield read_html(name, location)


def clean_partition(partition: Partition, outdir: str, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """Runs on a Dask worker: clean one partition into its part file; returns its counts."""
    target = os.path.join(outdir, partition.part_name)
    if os.path.exists(target):
        return {"pages": 0, "articles": 0, "skipped": {}, "already_done": True, "page_caps": True}
    pages = partition_pages(partition)
    page_caps = not multiprocessing.current_process().daemon
    # a daemonic Dask worker may not start the worker process that bounds each page; see module doc
    stream = parallel_results(pages, 1, timeout) if page_caps else results(pages)
    counts = {"pages": 0, "articles": 0, "skipped": Counter(), "already_done": False, "page_caps": page_caps}
    with AtomicJsonlWriter(target) as writer:
        for result in stream:
            counts["pages"] += 1
            if result.skip_reason:
                counts["skipped"][result.skip_reason] += 1
            for article in result.articles:
                writer.write(article.to_dict())
                counts["articles"] += 1
    counts["skipped"] = dict(counts["skipped"])
    return counts


def run_on_dask(address, inputs: list[str], outdir: str, *, timeout: float = DEFAULT_TIMEOUT,
                html_batch: int = HTML_BATCH) -> DaskSummary:
    """Clean `inputs` on the Dask scheduler at `address` into part files in `outdir`.

    Partitions whose part file exists are not submitted. Counts in the summary are for the
    partitions cleaned by this run."""
    from distributed import Client, as_completed

    start = time.monotonic()
    os.makedirs(outdir, exist_ok=True)
    outdir = os.path.abspath(outdir)
    partitions = plan_partitions(inputs, html_batch)
    summary = DaskSummary(partitions=len(partitions))
    todo = [p for p in partitions if not os.path.exists(os.path.join(outdir, p.part_name))]
    summary.partitions_skipped = len(partitions) - len(todo)
    if todo:
        with Client(address) as client:
            futures = client.map(clean_partition, todo, outdir=outdir, timeout=timeout, pure=False)
            for future in as_completed(futures):
                counts = future.result()
                summary.partitions_skipped += counts["already_done"]   # done meanwhile by another run
                summary.pages += counts["pages"]
                summary.articles += counts["articles"]
                summary.skipped.update(counts["skipped"])
                summary.partitions_uncapped += not counts["page_caps"]
    if summary.partitions_uncapped:
        log.warning("%d partitions ran without the per-page time cap: start Dask workers with "
                    "DASK_DISTRIBUTED__WORKER__DAEMON=False", summary.partitions_uncapped)
    summary.seconds = time.monotonic() - start
    return summary


def read_parts(outdir: str, partitions: list[Partition]) -> Iterator[dict]:
    """The records of all parts in partition order: the order of a local run."""
    for partition in partitions:
        with io.open(os.path.join(outdir, partition.part_name), encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
