"""Politeness: many hosts at once on a thread pool, each host one request at a time and
never sooner than its delay after the previous one (measured start to start).

The dispatcher runs on the calling thread; workers only fetch (and clean). Every result
is handled on the calling thread, so crawl state needs no locks. A retry goes back to
the front of its host's queue with a not-before time instead of sleeping on a worker.

A task is handed to a worker up to LEAD seconds before its host's turn and the worker waits
for the turn itself: the send time then does not depend on how soon the busy dispatcher
thread wakes up and a worker picks the task up, which under load is several milliseconds."""
from __future__ import annotations

import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Callable

LEAD = 0.02


def _at(not_before: float, execute: Callable[[Any], Any], task: Any) -> tuple[float, Any]:
    """Run execute(task) no sooner than not_before (monotonic); returns (when it started, its result).
    A worker that wakes late starts late, and the host's next turn counts from the real start."""
    pause = not_before - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    return time.monotonic(), execute(task)


@dataclass
class Host:
    key: str
    delay: float
    queue: deque = field(default_factory=deque)
    next_start: float = 0.0          # monotonic time before which no request may start
    busy: bool = False
    closed: str | None = None        # why nothing more is fetched from it this run
    failures: int = 0                # consecutive failed attempts, for the circuit breaker
    robots: Any = None


class Scheduler:
    def __init__(self, workers: int):
        self.workers = workers
        self.hosts: dict[str, Host] = {}

    def host(self, key: str, delay: float) -> tuple[Host, bool]:
        """The host for key, and whether it is new."""
        found = self.hosts.get(key)
        if found:
            found.delay = max(found.delay, delay)
            return found, False
        self.hosts[key] = Host(key, delay)
        return self.hosts[key], True

    def add(self, host: Host, task: Any, front: bool = False) -> None:
        (host.queue.appendleft if front else host.queue.append)(task)

    def retry(self, host: Host, task: Any, wait_seconds: float) -> None:
        host.queue.appendleft(task)
        host.next_start = max(host.next_start, time.monotonic() + wait_seconds)

    def close(self, host: Host, reason: str) -> list:
        """Stop fetching from host this run; returns what was still queued for it."""
        host.closed = reason
        drained = list(host.queue)
        host.queue.clear()
        return drained

    def run(self, execute: Callable[[Any], Any], handle: Callable[[Host, Any, Any], None],
            admit: Callable[[Host, Any], bool]) -> None:
        """execute(task) on a worker; then handle(host, task, result) here. admit(host, task)
        is asked just before dispatch and may drop the task (robots, budget) without using a slot."""
        inflight: dict = {}
        with ThreadPoolExecutor(self.workers, thread_name_prefix="fetch") as pool:
            while True:
                now = time.monotonic()
                wake: float | None = None
                for host in list(self.hosts.values()):
                    while not host.busy and host.queue and host.closed is None and len(inflight) < self.workers:
                        if host.next_start > now + LEAD:
                            turn = host.next_start - LEAD
                            wake = turn if wake is None else min(wake, turn)
                            break
                        task = host.queue.popleft()
                        if not admit(host, task):
                            continue
                        host.busy = True
                        not_before = max(now, host.next_start)
                        host.next_start = not_before + host.delay
                        inflight[pool.submit(_at, not_before, execute, task)] = (host, task)
                if not inflight:
                    if wake is None:
                        return
                    time.sleep(max(0.0, wake - time.monotonic()))
                    continue
                timeout = None if wake is None else max(0.0, wake - time.monotonic())
                done, _ = wait(inflight, timeout=timeout, return_when=FIRST_COMPLETED)
                for future in done:
                    host, task = inflight.pop(future)
                    started, result = future.result()
                    host.busy = False
                    # a redirect hop may have been the last request to this host
                    last = getattr(getattr(result, "fetch", result), "last_request_at", 0.0) or 0.0
                    host.next_start = max(host.next_start, started + host.delay, last + host.delay)
                    handle(host, task, result)
