"""Raw pages into data/raw/ as WARC files: a response and a request record per page.

File names come from the run (time, process id, batch number), never from URL text. A file
is written under a hidden temporary name and renamed when complete, so data/raw/ only ever
holds whole WARC files that `scrape clean data/raw/` can read back."""
from __future__ import annotations

import io
import os
from http.client import responses
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

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
        self._writer = WARCWriter(self._fh, gzip=True)
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


def warc_records(result: FetchResult) -> bytes:
    """A response record and its request record, gzipped, as bytes. Built on the worker thread
    that fetched the page (digests and compression are the costly part); appended in order later."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    body = result.body
    headers = [(k, v) for k, v in result.headers.items() if k not in WIRE_HEADERS]
    headers += [(f"x-archive-orig-{k}", v) for k, v in result.headers.items() if k in WIRE_HEADERS]
    headers.append(("content-length", str(len(body))))
    status = result.status or 200
    http_response = StatusAndHeaders(f"{status} {responses.get(status, 'OK')}", headers, protocol="HTTP/1.1")
    warc_date = {"WARC-Date": result.fetched_at} if result.fetched_at else {}
    response = writer.create_warc_record(result.final_url, "response", payload=io.BytesIO(body), length=len(body),
                                         http_headers=http_response, warc_headers_dict=dict(warc_date))
    parts = urlsplit(result.final_url)
    target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
    request_headers = [("Host", parts.netloc)] + list(result.request_headers.items())
    http_request = StatusAndHeaders(f"GET {target} HTTP/1.1", request_headers, is_http_request=True)
    request = writer.create_warc_record(
        result.final_url, "request", payload=io.BytesIO(b""), length=0, http_headers=http_request,
        warc_headers_dict={**warc_date, "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")})
    writer.write_record(response)
    writer.write_record(request)
    return buffer.getvalue()


def read_page(path: str, offset: int) -> RawPage | None:
    """The page archived at path@offset, read back for cleaning; None if that is no response record."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        if record.rec_type != "response":
            return None
        headers = {k.lower(): v for k, v in record.http_headers.headers} if record.http_headers else {}
        return RawPage(body=record.content_stream().read(), source=f"{path}@{offset}",
                       url=record.rec_headers.get_header("WARC-Target-URI"), headers=headers,
                       fetched_at=record.rec_headers.get_header("WARC-Date"))
