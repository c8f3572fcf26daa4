"""Clean pages in worker processes: streaming, in input order, each page bounded in time and memory.

One page at a time goes to each worker, so the parent always knows which page a worker is on and
since when: a page past its time cap has its worker killed and replaced, and is skipped as "timeout";
a worker that dies (segfault, os._exit, OOM kill) costs only its page ("worker_died").
Memory: each worker runs under RLIMIT_AS, so an exploding page raises MemoryError inside the
worker and clean_one turns it into the skip "too_large"; past the limit in C code the worker may
die instead, which is the "worker_died" case above.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import signal
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator

from cleaners.records import PageResult, RawPage

from .clean_run import clean_one
from .dumps import Skipped

log = logging.getLogger("scrape.workers")

DEFAULT_TIMEOUT = 30.0
DEFAULT_MEMORY_LIMIT = 3 * 1024 ** 3    # address space per worker; trafilatura peaks ~1 GB on a 50 MB page
# Pages read ahead per worker. It bounds the parent's memory (a few MB for usual pages; 16 x the 10 MB page
# cap per worker at worst) and, as results come out in input order, how far the other workers can run on
# while one slow page holds the line: 4 per worker gave 2 workers 1.78x one, 16 gave 2.07x (bench/speed.py).
WINDOW_PER_WORKER = 16
# Workers fork from a server that has already imported the cleaner, so replacing a killed one is cheap.
PRELOAD = ["scraper.clean_run"]

Clean = Callable[[RawPage], PageResult]


def _worker_main(conn: Connection, clean: Clean, memory_limit: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle; it stops us
    if memory_limit:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        seq, page = task
        del task
        try:
            result = clean(page)
        except MemoryError:
            result = PageResult(source=page.source, skip_reason="too_large")
        except BaseException as err:  # clean_one never raises, but an injected `clean` may
            log.warning("error cleaning %s: %s: %s", page.source, type(err).__name__, err)
            result = PageResult(source=page.source, skip_reason="error")
        if isinstance(result, PageResult):
            result.removals = []   # explain-only detail; not worth shipping between processes
        del page
        try:
            conn.send((seq, result))
        except MemoryError:
            conn.send((seq, PageResult(source=result.source, skip_reason="too_large")))


class _Worker:
    """One worker process, its pipe, and the page it is on (if any)."""

    def __init__(self, ctx, clean: Clean, memory_limit: int | None):
        self.conn, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child_end, clean, memory_limit), daemon=True)
        self.process.start()
        child_end.close()
        self.seq: int | None = None
        self.source: str | None = None
        self.started = 0.0

    def assign(self, seq: int, page: RawPage) -> None:
        self.seq, self.source, self.started = seq, page.source, time.monotonic()
        self.conn.send((seq, page))

    def idle(self) -> bool:
        return self.seq is None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()

    def ask_to_stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            self.process.kill()

    def join(self) -> None:
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


def parallel_results(items: Iterable[RawPage | Skipped], workers: int, timeout: float | None = DEFAULT_TIMEOUT, *,
                     memory_limit: int | None = DEFAULT_MEMORY_LIMIT, window: int | None = None,
                     clean: Clean = clean_one) -> Iterator[PageResult]:
    """PageResults for `items` in input order, cleaned in `workers` processes (at least one).

    Reads at most `window` (default WINDOW_PER_WORKER x workers) items ahead of the last result yielded.
    `timeout` is wall-clock seconds per page (None: no cap); `memory_limit` bytes of address
    space per worker (None: no cap); `clean` must be a picklable top-level function."""
    workers = max(1, int(workers))
    window = window or WINDOW_PER_WORKER * workers
    ctx = mp.get_context("forkserver")   # fork is unsafe once threads exist (tqdm, dask, lxml)
    ctx.set_forkserver_preload(PRELOAD)
    source = iter(items)
    exhausted = False
    next_read = 0          # seq of the next item to read
    next_yield = 0         # seq of the next result to yield
    queued: deque[tuple[int, RawPage]] = deque()
    done: dict[int, PageResult] = {}
    pool = [_Worker(ctx, clean, memory_limit) for _ in range(workers)]

    def replace(worker: _Worker, reason: str) -> None:
        log.warning("page %s: %s; replacing its worker", worker.source, reason)
        done[worker.seq] = PageResult(source=worker.source, skip_reason=reason)
        worker.kill()
        pool[pool.index(worker)] = _Worker(ctx, clean, memory_limit)

    try:
        while True:
            # read ahead while the window allows; Skipped inputs need no worker
            while not exhausted and next_read - next_yield < window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, Skipped):
                    done[next_read] = PageResult(source=item.source, skip_reason=item.reason)
                else:
                    queued.append((next_read, item))
                next_read += 1
            for worker in pool:
                if worker.idle() and queued:
                    worker.assign(*queued.popleft())
            if next_yield in done:
                while next_yield in done:
                    yield done.pop(next_yield)
                    next_yield += 1
                continue   # the window has room again: read before waiting
            if exhausted and next_yield == next_read:
                return
            # the next result due is queued or on a worker, and every worker is busy or it would be assigned
            _collect([w for w in pool if not w.idle()], timeout, done, replace)
    finally:
        for worker in pool:
            if worker.idle():
                worker.ask_to_stop()
            else:
                worker.process.kill()   # a consumer that stops early does not wait for a slow page
        for worker in pool:
            worker.join()


def _collect(busy: list[_Worker], timeout: float | None, done: dict[int, PageResult], replace) -> None:
    """Wait until a busy worker answers, dies or passes its deadline; record what happened."""
    wait_for = None
    if timeout is not None:
        now = time.monotonic()
        wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
    by_handle = {}
    for w in busy:
        by_handle[w.conn] = w
        by_handle[w.process.sentinel] = w
    ready = wait(list(by_handle), wait_for)
    handled = set()
    for handle in ready:
        worker = by_handle[handle]
        if id(worker) in handled:
            continue
        handled.add(id(worker))
        try:
            if worker.conn.poll():
                seq, result = worker.conn.recv()
                done[seq] = result
                worker.seq = worker.source = None
                continue
        except (EOFError, OSError):
            pass
        replace(worker, "worker_died")
    if timeout is not None:
        now = time.monotonic()
        for worker in busy:
            if id(worker) not in handled and now - worker.started >= timeout:
                replace(worker, "timeout")
