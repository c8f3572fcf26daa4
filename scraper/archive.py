"""Raw pages into data/raw/ as WARC files: a response and a request record per page.

File names come from the run (time, process id, batch number), never from URL text. A file
is written under a hidden temporary name and renamed when complete, so data/raw/ only ever
holds whole WARC files that `scrape clean data/raw/` can read back."""
from __future__ import annotations

import base64
import gzip
import hashlib
import os
import uuid
from http.client import responses
from urllib.parse import urlsplit

from cleaners.records import RawPage

from .http import FetchResult

TEMP_PREFIX = ".crawl-"
# the body is stored decoded, so headers describing the wire form would mislead a reader
WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def fsync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class WarcBatch:
    def __init__(self, raw_dir: str, name: str):
        os.makedirs(raw_dir, exist_ok=True)
        self.raw_dir, self.name = raw_dir, name
        self.path = os.path.join(raw_dir, name)
        self._tmp = os.path.join(raw_dir, "." + name + ".tmp")
        self._fh = open(self._tmp, "wb")
        self.count = 0

    def add(self, records: bytes) -> int:
        """Append one page's records (from warc_records); returns the offset of its response record."""
        offset = self._fh.tell()
        self._fh.write(records)
        self.count += 1
        return offset

    def commit(self) -> str | None:
        """Make the file whole under its final name; None (and no file) when nothing was archived."""
        if self.count == 0:
            self.abandon()
            return None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.path)
        fsync_dir(self.raw_dir)
        return self.name

    def abandon(self) -> None:
        if not self._fh.closed:
            self._fh.close()
        if os.path.exists(self._tmp):
            os.unlink(self._tmp)


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _head(first_line: str, fields: list[tuple[str, str]]) -> bytes:
    """A header block (WARC or HTTP). Values are folded onto one line: a server's odd line breaks
    must not end the block early."""
    lines = [first_line] + [f"{k}: {' '.join(str(v).split())}" for k, v in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "replace")


def _record(kind: str, url: str, date: str | None, block: bytes, payload: bytes,
            extra: list[tuple[str, str]]) -> tuple[bytes, str]:
    record_id = f"<urn:uuid:{uuid.uuid4()}>"
    fields = [("WARC-Date", date)] if date else []
    fields += extra + [("WARC-Type", kind), ("WARC-Record-ID", record_id), ("WARC-Target-URI", url),
                       ("WARC-Payload-Digest", _digest(payload)), ("WARC-Block-Digest", _digest(block)),
                       ("Content-Type", f"application/http; msgtype={kind}"), ("Content-Length", str(len(block)))]
    # one gzip member per record, as WARC readers expect, so a record can be read from its offset
    return gzip.compress(_head("WARC/1.0", fields) + block + b"\r\n\r\n", compresslevel=6, mtime=0), record_id


def warc_records(result: FetchResult) -> bytes:
    """A response record and its request record, each its own gzip member, as bytes. Built on the worker
    thread that fetched the page and appended in order later. Written by hand rather than with warcio's
    writer, which cost a third of the crawler's CPU per page (bench/fetch.py); warcio reads them back."""
    body = result.body
    headers = [(k, v) for k, v in result.headers.items() if k not in WIRE_HEADERS]
    headers += [(f"x-archive-orig-{k}", v) for k, v in result.headers.items() if k in WIRE_HEADERS]
    headers.append(("content-length", str(len(body))))
    status = result.status or 200
    http_head = _head(f"HTTP/1.1 {status} {responses.get(status, 'OK')}", headers)
    response, response_id = _record("response", result.final_url, result.fetched_at, http_head + body, body, [])
    parts = urlsplit(result.final_url)
    target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
    request_head = _head(f"GET {target} HTTP/1.1", [("Host", parts.netloc)] + list(result.request_headers.items()))
    request, _ = _record("request", result.final_url, result.fetched_at, request_head, b"",
                         [("WARC-Concurrent-To", response_id)])
    return response + request


def read_page(path: str, offset: int) -> RawPage | None:
    """The page archived at path@offset, read back for cleaning; None if that is no response record."""
    from warcio.archiveiterator import ArchiveIterator   # only `scrape run` reads back (see dumps.py)
    with open(path, "rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        if record.rec_type != "response":
            return None
        headers = {k.lower(): v for k, v in record.http_headers.headers} if record.http_headers else {}
        return RawPage(body=record.content_stream().read(), source=f"{path}@{offset}",
                       url=record.rec_headers.get_header("WARC-Target-URI"), headers=headers,
                       fetched_at=record.rec_headers.get_header("WARC-Date"))
