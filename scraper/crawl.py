"""One scheduled run: discover -> fetch -> archive -> clean -> dedupe -> write records.

Commit order, per batch of pages (what makes kill -9 at any moment safe):
  1. the WARC file is made whole under its final name (data/raw/crawl-RUN-N.warc.gz);
  2. the records file appears whole (data/clean/crawl-RUN-N.jsonl, temporary name + rename);
  3. one SQLite transaction records the batch: URL rows, record ids, content hashes, and
     the batch name. Conditional-GET state of feeds, sitemaps and pages whose links were
     followed is only committed at the end of a finished run, so a killed run never
     leaves a 304 hiding entries it had not fetched yet.
At start (under the lock): temporary files of dead runs are removed, and any crawl records
file that the state does not list is absorbed (its ids and hashes added), so its records
are neither lost (the file stays) nor written again (their hashes are now known)."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from cleaners.records import PageResult, RawPage

from .archive import TEMP_PREFIX, WarcBatch, read_page, warc_records
from .config import CrawlConfig, SiteConfig
from .discover import Entry, NotAFeed, follows, ignored, page_links, parse_date, parse_listing, site_hosts
from .http import Fetcher, FetchPolicy, FetchResult, utc_now
from .jsonl import AtomicJsonlWriter
from .robots import rules_from
from .safety import UnsafeURL, check_url
from .scheduler import Host, Scheduler
from .state import State
from .urls import BadURL, canonical_url, host_key

log = logging.getLogger("scrape.crawl")

RECORDS_PREFIX = "crawl-"
# outcomes worth trying again in this run (backoff) and, failing that, in the next one
TRANSIENT = {"connection", "timeout", "http_5xx", "http_429"}


@dataclass
class Task:
    url: str
    kind: str                  # "robots", "feed", "sitemap", "page"
    site: SiteConfig
    depth: int = 1
    attempt: int = 0
    parent: str | None = None  # sitemap index that listed this sitemap
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass
class Done:
    fetch: FetchResult
    cleaned: PageResult | None = None
    body_hash: str | None = None
    warc: bytes = b""                 # the page's WARC records, ready to append


@dataclass
class CrawlSummary:
    sites: int = 0
    fetched: int = 0
    not_modified: int = 0
    skipped: Counter = field(default_factory=Counter)
    new: int = 0
    updated: int = 0
    errors: int = 0
    seconds: float = 0.0

    def line(self, command: str) -> str:
        reasons = " ".join(f"{r}={n}" for r, n in sorted(self.skipped.items())) or "none"
        return (f"scrape {command}: {self.sites} sites, {self.fetched} pages fetched, {self.not_modified} not modified, "
                f"{sum(self.skipped.values())} skipped ({reasons}), {self.new} new and {self.updated} updated "
                f"articles, {self.errors} errors, {self.seconds:.1f} s")


class Batch:
    """Pages since the last commit: their WARC file, records and state changes."""

    def __init__(self, name: str, raw_dir: str):
        self.name, self.raw_dir = name, raw_dir
        self.warc: WarcBatch | None = None
        self.records: list[dict] = []
        self.record_rows: list[tuple] = []
        self.url_updates: list[dict] = []
        self.ids: set[str] = set()
        self.hashes: set[str] = set()
        self.pages = 0

    @property
    def warc_name(self) -> str:
        return self.name + ".warc.gz"

    def archive(self, records: bytes) -> int:
        if self.warc is None:
            self.warc = WarcBatch(self.raw_dir, self.warc_name)
        return self.warc.add(records)


def clean_leftovers(data_dir: str) -> int:
    """Temporary files of a run that died; only ours (a `scrape clean` may be running beside us)."""
    removed = 0
    for sub in ("raw", "clean"):
        folder = os.path.join(data_dir, sub)
        for name in os.listdir(folder):
            if name.startswith(TEMP_PREFIX) and name.endswith(".tmp"):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed


def reconcile(state: State, clean_dir: str) -> int:
    """Absorb records files that appeared but whose batch commit never happened."""
    committed = state.committed()
    absorbed = 0
    for name in sorted(os.listdir(clean_dir)):
        if not (name.startswith(RECORDS_PREFIX) and name.endswith(".jsonl")) or name[:-6] in committed:
            continue
        rows = []
        with open(os.path.join(clean_dir, name), encoding="utf-8") as fh:
            for line in fh:   # the file appeared by rename, so every line is whole
                record = json.loads(line)
                rows.append((record["id"], record["content_hash"], record.get("url"), name,
                             record.get("date_download")))
        state.commit_batch(name[:-6], utc_now(), [], rows, how="absorbed")
        log.warning("absorbed %d records of an interrupted run from %s", len(rows), name)
        absorbed += 1
    return absorbed


class Crawl:
    def __init__(self, config: CrawlConfig, clean: bool):
        self.config, self.clean = config, clean
        if clean:   # the cleaner's imports take ~0.3 s that `scrape fetch` does not need
            from scraper.clean_run import clean_one
            self.clean_one = clean_one
        self.raw_dir = os.path.join(config.data_dir, "raw")
        self.clean_dir = os.path.join(config.data_dir, "clean")
        self.summary = CrawlSummary(sites=len(config.sites))
        self.scheduler = Scheduler(config.workers)
        self.fetcher = Fetcher(FetchPolicy(
            user_agent=config.user_agent, allow_private=config.allow_private,
            connect_timeout=config.connect_timeout, read_timeout=config.read_timeout, deadline=config.deadline,
            max_bytes=config.max_bytes, max_redirects=config.max_redirects, pool_size=config.workers))
        self.started = datetime.now(timezone.utc)
        # time and pid name the run; the random part keeps two runs in one second apart
        self.run_name = f"{RECORDS_PREFIX}{self.started.strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}-{secrets.token_hex(3)}"
        self.batch_seq = 0
        self.batch: Batch | None = None
        self.final_updates: list[dict] = []    # conditional-GET state of link sources, committed last
        self.seen: set[str] = set()
        self.site_pages: Counter = Counter()
        self.host_safety: dict[str, str | None] = {}
        self.state: State | None = None
        self.last_runs: dict = {}

    # ---- the run -------------------------------------------------------------------
    def run(self, state: State) -> CrawlSummary:
        self.state = state
        start = time.monotonic()
        self.batch = self._new_batch()
        try:
            if self.clean:
                self._clean_backlog()
            for site in self.config.sites:
                self._seed(site)
            self.scheduler.run(self._execute, self._handle, self._admit)
            self._commit(final=True)
        finally:
            if self.batch and self.batch.warc:
                self.batch.warc.abandon()
            self.fetcher.close()
            self.summary.seconds = time.monotonic() - start
        return self.summary

    def _seed(self, site: SiteConfig) -> None:
        for row in self.state.pending(site.name):
            self._enqueue(Task(row["url"], "page", site, depth=1))
        for url in site.feeds:
            self._enqueue(Task(url, "feed", site))
        for url in site.sitemaps:
            self._enqueue(Task(url, "sitemap", site))
        for url in site.start_urls:
            self._enqueue(Task(url, "page", site, depth=0))

    def _enqueue(self, task: Task) -> None:
        try:
            task.url = canonical_url(task.url)
        except BadURL:
            self.summary.skipped["bad_url"] += 1
            return
        if task.url in self.seen:
            return
        self.seen.add(task.url)
        key = host_key(task.url)
        if key not in self.host_safety:
            try:
                check_url(task.url, self.config.allow_private)
                self.host_safety[key] = None
            except UnsafeURL as err:
                self.host_safety[key] = str(err)
                log.info("refusing host %s: %s", key, err)
        if self.host_safety[key]:
            self.summary.skipped["unsafe"] += 1
            return
        host, new = self.scheduler.host(key, task.site.delay)
        if host.closed:
            self._postpone(task, host.closed)
            return
        if new:
            self.scheduler.add(host, Task(key + "/robots.txt", "robots", task.site))
        if task.kind in ("feed", "sitemap") and host.queue:
            # discovery before pages, but never before the host's robots.txt
            host.queue.insert(1 if host.queue[0].kind == "robots" else 0, task)
        else:
            self.scheduler.add(host, task)

    def _wanted(self, entry: Entry, site: SiteConfig) -> bool:
        """Whether a discovered URL is worth a request this run."""
        row = self.state.url(entry.url)
        if row is None or row["last_fetch"] is None:
            if row is not None:
                return True     # seen but never fetched: pending, failed or refused before
            if site.name not in self.last_runs:
                self.last_runs[site.name] = parse_date(self.state.last_run(site.name))
            last_run = self.last_runs[site.name]
            return last_run is None or entry.date is None or entry.date > last_run
        last_fetch = parse_date(row["last_fetch"])
        if entry.date is not None and last_fetch is not None and entry.date > last_fetch:
            return True          # changed since we fetched it: conditional GET
        revisit = timedelta(hours=site.revisit_hours)
        return last_fetch is None or datetime.now(timezone.utc) - last_fetch >= revisit

    # ---- dispatch (calling thread) ------------------------------------------------------
    def _admit(self, host: Host, task: Task) -> bool:
        if task.kind == "robots":
            return True
        if not host.robots.allowed(task.url, self.config.user_agent):
            self.summary.skipped["robots"] += 1
            self.batch.url_updates.append({"url": task.url, "site": task.site.name, "kind": task.kind,
                                           "status": "robots"})
            return False
        if task.kind == "page" and task.attempt == 0:
            if self.site_pages[task.site.name] >= task.site.max_pages:
                self._postpone(task, "budget")
                return False
            self.site_pages[task.site.name] += 1
        if task.attempt == 0:
            row = self.state.url(task.url)
            if row is not None:
                task.etag, task.last_modified, task.body_hash = row["etag"], row["last_modified"], row["body_hash"]
                if task.kind == "page" and row["last_fetch"] is None:
                    task.etag = task.last_modified = None   # its links were never followed: want the body
        return True

    # ---- work (worker threads: no state access here) ------------------------------------
    def _execute(self, task: Task) -> Done:
        try:
            if task.kind == "robots":
                return Done(self.fetcher.fetch(task.url, want="any"))
            host = self.scheduler.hosts[host_key(task.url)]
            want = "html" if task.kind == "page" else "any"
            result = self.fetcher.fetch(task.url, want=want, etag=task.etag, last_modified=task.last_modified,
                                        hop_delay=host.delay,
                                        allowed=lambda u: host.robots.allowed(u, self.config.user_agent))
            done = Done(result)
            if task.kind == "page" and result.ok:
                done.body_hash = hashlib.sha256(result.body).hexdigest()
                if done.body_hash != task.body_hash:
                    done.warc = warc_records(result)
                if self.clean and done.body_hash != task.body_hash:
                    done.cleaned = self.clean_one(RawPage(body=result.body, source=result.final_url,
                                                          url=result.final_url, headers=result.headers,
                                                          fetched_at=result.fetched_at))
            return done
        except Exception as err:   # a bug on one URL must not stop the run
            log.warning("error fetching %s: %s: %s", task.url, type(err).__name__, err)
            return Done(FetchResult(url=task.url, outcome="error", detail=str(err)[:200]))

    # ---- results (calling thread) --------------------------------------------------------
    def _handle(self, host: Host, task: Task, done: Done) -> None:
        result = done.fetch
        if task.kind == "robots":
            return self._handle_robots(host, task, result)
        if result.retryable:
            return self._handle_failure(host, task, result)
        host.failures = 0
        if task.kind in ("feed", "sitemap"):
            self._handle_listing(task, result)
        else:
            self._handle_page(task, done)

    def _handle_robots(self, host: Host, task: Task, result: FetchResult) -> None:
        rules = rules_from(result, self.config.user_agent)
        host.robots = rules
        if rules.verdict == "unreachable":
            log.info("%s: %s; nothing fetched from this host this run", host.key, rules.reason)
            self.summary.errors += 1
            for queued in self.scheduler.close(host, "robots_unreachable"):
                self._postpone(queued, "robots_unreachable")
            return
        if rules.crawl_delay:
            cap = max(t.site.max_crawl_delay for t in list(host.queue) or [task])
            host.delay = max(host.delay, min(rules.crawl_delay, cap))
            host.next_start = max(host.next_start, result.last_request_at + host.delay)

    def _handle_failure(self, host: Host, task: Task, result: FetchResult) -> None:
        config = self.config
        host.failures += 1
        if result.retry_after is not None and result.retry_after > config.retry_after_cap:
            log.info("%s asks to wait %.0f s (cap %.0f s): deferred to the next run", host.key,
                     result.retry_after, config.retry_after_cap)
            for queued in [task] + self.scheduler.close(host, "deferred"):
                self._postpone(queued, "deferred")
            return
        if host.failures >= config.breaker_failures:
            log.info("%s failed %d times in a row: dropped for this run", host.key, host.failures)
            self.summary.errors += 1
            for queued in [task] + self.scheduler.close(host, "circuit_open"):
                self._postpone(queued, "circuit_open")
            return
        if task.attempt < config.retries:
            backoff = min(config.max_backoff, config.backoff * 2 ** task.attempt * random.uniform(0.5, 1.5))
            task.attempt += 1
            self.scheduler.retry(host, task, max(backoff, result.retry_after or 0.0))
            return
        self.summary.errors += 1
        log.info("giving up on %s: %s %s", task.url, result.outcome, result.detail)
        self.batch.url_updates.append({"url": task.url, "site": task.site.name, "kind": task.kind,
                                       "status": result.outcome, "http_status": result.status})

    def _postpone(self, task: Task, reason: str) -> None:
        """Not fetched this run, through no fault of the URL: try it first next run."""
        self.summary.skipped[reason] += 1
        if task.kind == "page":
            self.batch.url_updates.append({"url": task.url, "site": task.site.name, "kind": "page",
                                           "status": "pending"})

    def _handle_listing(self, task: Task, result: FetchResult) -> None:
        update = {"url": task.url, "site": task.site.name, "kind": task.kind, "status": result.outcome,
                  "http_status": result.status, "parent": task.parent}
        if result.outcome == "not_modified":
            self.summary.not_modified += 1
            for child in self.state.children(task.url):
                self._enqueue(Task(child, "sitemap", task.site, parent=task.url))
            self.final_updates.append({**update, "last_fetch": result.fetched_at or utc_now()})
            return
        if not result.ok:
            self.summary.skipped[f"{task.kind}_{result.outcome}"] += 1
            self.batch.url_updates.append(update)
            return
        try:
            listing = parse_listing(result.body, result.final_url, self.config.max_bytes)
        except NotAFeed as err:
            log.info("%s: %s", task.url, err)
            self.summary.errors += 1
            self.batch.url_updates.append({**update, "status": "not_a_feed"})
            return
        for child in listing.sitemaps:
            self._enqueue(Task(child.url, "sitemap", task.site, parent=task.url))
        for entry in listing.entries:
            if ignored(entry.url, task.site.ignore):
                continue
            if entry.url not in self.seen and self._wanted(entry, task.site):
                self._enqueue(Task(entry.url, "page", task.site, depth=1))
        self.final_updates.append({**update, "etag": result.headers.get("etag"),
                                   "last_modified": result.headers.get("last-modified"),
                                   "last_fetch": result.fetched_at})

    def _handle_page(self, task: Task, done: Done) -> None:
        result, site = done.fetch, task.site
        update = {"url": task.url, "site": site.name, "kind": "page", "status": result.outcome,
                  "http_status": result.status, "last_fetch": result.fetched_at or utc_now()}
        link_source = task.depth < site.depth
        if result.outcome == "not_modified":
            self.summary.not_modified += 1
            (self.final_updates if link_source else self.batch.url_updates).append(update)
            return
        if not result.ok:
            self.summary.skipped[result.outcome] += 1
            self.batch.url_updates.append(update)
            return
        self.seen.add(_canonical_or(result.final_url))
        conditional = {"etag": result.headers.get("etag"), "last_modified": result.headers.get("last-modified")}
        if done.body_hash == task.body_hash:
            self.summary.not_modified += 1    # served whole but unchanged: nothing to archive or clean
        else:
            self.summary.fetched += 1
            offset = self.batch.archive(done.warc)
            update.update(body_hash=done.body_hash, warc_file=self.batch.warc_name, warc_offset=offset,
                          cleaned=int(self.clean))
            if self.clean:
                update["record_ids"] = self._record(done.cleaned, f"raw/{self.batch.warc_name}@{offset}")
        if link_source:
            # the page's own row now; its conditional-GET state only when the run finishes
            self.batch.url_updates.append({**update, "last_fetch": None})
            self.final_updates.append({"url": task.url, **conditional, "last_fetch": update["last_fetch"]})
            hosts = site_hosts(site.start_urls or site.feeds or site.sitemaps)
            for link in page_links(result.body, result.final_url):
                if link not in self.seen and follows(link, hosts, site.follow, site.ignore) \
                        and self._wanted(Entry(link), site):
                    self._enqueue(Task(link, "page", site, depth=task.depth + 1))
        else:
            self.batch.url_updates.append({**update, **conditional})
        self.batch.pages += 1
        if self.batch.pages >= self.config.batch_pages:
            self._commit(final=False)

    def _record(self, cleaned: PageResult | None, source: str) -> list[str]:
        """Write the page's articles that are new or changed; returns the ids of all its articles."""
        if cleaned is None:
            return []
        if cleaned.skip_reason and not cleaned.articles:
            self.summary.skipped[cleaned.skip_reason] += 1
        ids = []
        batch = self.batch
        for article in cleaned.articles:
            ids.append(article.id)
            h = article.content_hash
            if h in batch.hashes or self.state.has_hash(h):
                continue                                   # the same text is already recorded
            if article.id in batch.ids or self.state.has_record(article.id):
                self.summary.updated += 1                  # same article, new text: same id, newer date
            else:
                self.summary.new += 1
            article.source = source
            batch.records.append(article.to_dict())
            batch.record_rows.append((article.id, h, article.url, batch.name + ".jsonl", article.date_download))
            batch.ids.add(article.id)
            batch.hashes.add(h)
        return ids

    def _clean_backlog(self) -> None:
        """Pages archived by `scrape fetch` and not cleaned yet."""
        for row in self.state.uncleaned():
            page = read_page(os.path.join(self.raw_dir, row["warc_file"]), row["warc_offset"])
            update = {"url": row["url"], "cleaned": 1}
            if page is not None:
                update["record_ids"] = self._record(self.clean_one(page), f"raw/{row['warc_file']}@{row['warc_offset']}")
            self.batch.url_updates.append(update)

    # ---- commit ----------------------------------------------------------------------------
    def _new_batch(self) -> Batch:
        self.batch_seq += 1
        return Batch(f"{self.run_name}-{self.batch_seq:04d}", self.raw_dir)

    def _commit(self, final: bool) -> None:
        batch = self.batch
        if batch.warc is not None:
            batch.warc.commit()                                           # 1. raw pages whole
        if batch.records:
            with AtomicJsonlWriter(os.path.join(self.clean_dir, batch.name + ".jsonl")) as writer:
                for record in batch.records:                              # 2. records whole
                    writer.write(record)
        updates = batch.url_updates + (self.final_updates if final else [])
        site_runs = {s.name: self.started.strftime("%Y-%m-%dT%H:%M:%SZ") for s in self.config.sites} if final else None
        self.state.commit_batch(batch.name, utc_now(), updates, batch.record_rows,  # 3. state, one transaction
                                site_runs=site_runs)
        self.batch = None if final else self._new_batch()


def _canonical_or(url: str) -> str:
    try:
        return canonical_url(url)
    except BadURL:
        return url
