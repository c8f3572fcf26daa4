"""What earlier runs did, in SQLite (WAL): per canonical URL its fetch state and raw copy,
every record written and every content hash seen, and which batches are committed.

A batch is committed in one transaction *after* its WARC and records files are in place;
`batches` says which records files the state already accounts for (see crawl.reconcile)."""
from __future__ import annotations

import json
import sqlite3
from typing import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,          -- canonical URL
    site TEXT, kind TEXT,          -- kind: page, feed, sitemap
    status TEXT,                   -- ok, not_modified, pending, or the reason there was no page
    http_status INTEGER, etag TEXT, last_modified TEXT,
    body_hash TEXT,                -- sha256 of the body as archived
    last_fetch TEXT,               -- ISO 8601 UTC
    warc_file TEXT, warc_offset INTEGER,   -- raw copy, relative to data_dir/raw
    cleaned INTEGER NOT NULL DEFAULT 0,    -- 0: archived by `scrape fetch`, not yet cleaned
    record_ids TEXT,               -- JSON list of the record ids the page gave
    parent TEXT                    -- the sitemap index that listed this sitemap
);
CREATE INDEX IF NOT EXISTS urls_site_status ON urls(site, status);
CREATE INDEX IF NOT EXISTS urls_parent ON urls(parent);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY, content_hash TEXT, url TEXT, records_file TEXT, date_download TEXT);
CREATE TABLE IF NOT EXISTS content_hashes (hash TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS batches (name TEXT PRIMARY KEY, committed_at TEXT, how TEXT);
CREATE TABLE IF NOT EXISTS sites (name TEXT PRIMARY KEY, last_run TEXT);
"""
URL_COLUMNS = ("site", "kind", "status", "http_status", "etag", "last_modified", "body_hash", "last_fetch",
               "warc_file", "warc_offset", "cleaned", "record_ids", "parent")


class State:
    def __init__(self, path: str):
        self.db = sqlite3.connect(path, isolation_level=None)   # transactions are explicit
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")   # a committed batch survives power loss, not only kill -9
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def url(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM urls WHERE url = ?", (url,)).fetchone()

    def pending(self, site: str) -> list[sqlite3.Row]:
        return self.db.execute("SELECT url, kind FROM urls WHERE site = ? AND status = 'pending' ORDER BY rowid",
                               (site,)).fetchall()

    def children(self, parent: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT url FROM urls WHERE parent = ? AND kind = 'sitemap'", (parent,))]

    def uncleaned(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT url, site, warc_file, warc_offset FROM urls "
                               "WHERE cleaned = 0 AND warc_file IS NOT NULL ORDER BY warc_file, warc_offset").fetchall()

    def has_hash(self, content_hash: str) -> bool:
        return self.db.execute("SELECT 1 FROM content_hashes WHERE hash = ?", (content_hash,)).fetchone() is not None

    def has_record(self, record_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is not None

    def committed(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT name FROM batches")}

    def last_run(self, site: str) -> str | None:
        row = self.db.execute("SELECT last_run FROM sites WHERE name = ?", (site,)).fetchone()
        return row[0] if row else None

    def commit_batch(self, name: str, when: str, url_updates: Iterable[dict], records: Iterable[tuple],
                     how: str = "run", site_runs: dict[str, str] | None = None) -> None:
        """All of one batch, or nothing: URL rows, records (id, hash, url, file, date), hashes, batch row."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for update in url_updates:
                cols = [c for c in URL_COLUMNS if c in update]
                values = [json.dumps(update[c]) if c == "record_ids" else update[c] for c in cols]
                db.execute(f"INSERT INTO urls (url, {', '.join(cols)}) VALUES (?{', ?' * len(cols)}) "
                           f"ON CONFLICT(url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols)}",
                           [update["url"], *values])
            for record_id, content_hash, url, records_file, date_download in records:
                db.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                           "content_hash = excluded.content_hash, url = excluded.url, "
                           "records_file = excluded.records_file, date_download = excluded.date_download",
                           (record_id, content_hash, url, records_file, date_download))
                db.execute("INSERT OR IGNORE INTO content_hashes VALUES (?)", (content_hash,))
            if name:
                db.execute("INSERT OR REPLACE INTO batches VALUES (?, ?, ?)", (name, when, how))
            for site, last_run in (site_runs or {}).items():
                db.execute("INSERT OR REPLACE INTO sites VALUES (?, ?)", (site, last_run))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
