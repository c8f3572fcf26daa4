"""`scrape run` and `scrape fetch`: config in, one summary line on stderr, an exit code for cron."""
from __future__ import annotations

import argparse
import fcntl
import os
import sys

EXIT_OK = 0
EXIT_CONFIG = 2         # the config is wrong: nothing was fetched
EXIT_CANT_WRITE = 73    # data_dir cannot be created or written (EX_CANTCREAT)
EXIT_LOCKED = 75        # another run holds the lock: try again later (EX_TEMPFAIL)

CONFIG_HELP = "the sites file (TOML); see sites.example.toml. Relative data_dir is taken from the file's folder"


class RunLock:
    """One crawl at a time per data_dir: flock on data_dir/crawl.lock, released by the kernel
    when the process ends in any way, kill -9 included, so it never goes stale."""

    def __init__(self, data_dir: str):
        self.path = os.path.join(data_dir, "crawl.lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            self._fd = None
            return False
        os.ftruncate(self._fd, 0)
        os.write(self._fd, f"{os.getpid()}\n".encode())
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def crawl_command(args: argparse.Namespace, clean: bool) -> int:
    from .config import ConfigError, load_config
    from .crawl import Crawl, clean_leftovers, reconcile
    from .state import State

    command = "run" if clean else "fetch"
    try:
        config = load_config(args.config)
    except ConfigError as err:
        print(f"scrape {command}: bad config: {err}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        for sub in ("raw", "clean"):
            os.makedirs(os.path.join(config.data_dir, sub), exist_ok=True)
    except OSError as err:
        print(f"scrape {command}: cannot create data folder {config.data_dir}: {err}", file=sys.stderr)
        return EXIT_CANT_WRITE
    lock = RunLock(config.data_dir)
    if not lock.acquire():
        print(f"scrape {command}: another run holds {lock.path}; exiting", file=sys.stderr)
        return EXIT_LOCKED
    try:
        state = State(os.path.join(config.data_dir, "state.sqlite"))
        try:
            clean_leftovers(config.data_dir)
            reconcile(state, os.path.join(config.data_dir, "clean"))
            summary = Crawl(config, clean=clean).run(state)
        finally:
            state.close()
    finally:
        lock.release()
    print(summary.line(command), file=sys.stderr)
    return EXIT_OK


def add_crawl_commands(sub) -> None:
    common = ("Reads the sites file, takes data_dir/crawl.lock (a second run exits at once with code 75), "
              "fetches feeds and sitemaps first (only entries newer than the last run, or changed since fetched), "
              "then start pages and the links on them that match 'follow' and not 'ignore', within the site, to "
              "'depth'. Each host gets one request at a time, no sooner than its delay (robots.txt Crawl-delay "
              "honoured up to max_crawl_delay); hosts are fetched concurrently. Known pages are asked for with "
              "If-None-Match / If-Modified-Since. Pages are archived as WARC files in data_dir/raw/. Prints "
              "nothing on stdout; one summary line on stderr (sites, pages fetched, not modified, skipped by "
              "reason, new and updated articles, errors, seconds); -v logs each request. Exit codes: 0 the run "
              "finished (even if some pages failed), 2 bad config (reported as file:line: key: problem, before "
              "anything is fetched), 73 data_dir not writable, 75 another run is going on.")
    run = sub.add_parser(
        "run", help="fetch new and changed articles of the configured sites, archive and clean them",
        description="Collect new articles from the sites in a sites file: discover, fetch, archive, clean, and "
                    "write the new or changed articles to data_dir/clean/crawl-RUN-N.jsonl (files appear whole). "
                    "An article already recorded (same URL or same text) is not written again; a changed one is "
                    "written again with the same id and a newer date_download. Pages archived earlier by "
                    "`scrape fetch` are cleaned too. Safe under cron: kill it at any moment and run it again. "
                    + common)
    run.add_argument("--config", required=True, metavar="SITES_TOML", help=CONFIG_HELP)
    run.set_defaults(func=lambda args: crawl_command(args, clean=True))

    fetch = sub.add_parser(
        "fetch", help="discover and archive pages of the configured sites, without cleaning",
        description="Like `scrape run` but stops after archiving: no records are written. A later `scrape run` "
                    "cleans what was archived; `scrape clean data/raw/` re-cleans the whole archive. " + common)
    fetch.add_argument("--config", required=True, metavar="SITES_TOML", help=CONFIG_HELP)
    fetch.set_defaults(func=lambda args: crawl_command(args, clean=False))
