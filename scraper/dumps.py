"""Saved pages in: HTML files (optionally gzipped), folders of them, and WARC files.

Yields RawPage for every page and Skipped for every input that is not one, with the reason;
a broken input never stops the walk."""
from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from typing import Iterable, Iterator

from cleaners.records import RawPage

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_READ_BYTES = 64 * 1024 * 1024   # past this a file is not read into memory at all


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str      # "read_error", "not_html", "too_large", "not_response"
    detail: str = ""


class InputError(Exception):
    """An input named on the command line does not exist or cannot be used at all."""


def check_inputs(paths: Iterable[str]) -> None:
    for p in paths:
        if not os.path.exists(p):
            raise InputError(f"no such input: {p}")
        if os.path.isfile(p) and not p.lower().endswith(HTML_SUFFIXES + WARC_SUFFIXES):
            raise InputError(f"not an HTML or WARC file (by its name): {p}")


def walk_files(paths: Iterable[str]) -> Iterator[str]:
    """Input files in a stable order: as given, folders walked recursively and sorted."""
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                for name in sorted(filenames):
                    if name.lower().endswith(HTML_SUFFIXES + WARC_SUFFIXES):
                        yield os.path.join(dirpath, name)
        else:
            yield p


def iter_pages(paths: Iterable[str], max_bytes: int = MAX_READ_BYTES) -> Iterator[RawPage | Skipped]:
    for path in walk_files(paths):
        if path.lower().endswith(WARC_SUFFIXES):
            yield from iter_warc(path)
        else:
            yield read_html_file(path, max_bytes)


def read_html_file(path: str, max_bytes: int = MAX_READ_BYTES) -> RawPage | Skipped:
    try:
        if os.path.getsize(path) > max_bytes:
            return Skipped(path, "too_large", "file size")
        with open(path, "rb") as fh:
            return read_html_stream(fh, path, max_bytes)
    except OSError as err:
        return Skipped(path, "read_error", str(err))


def read_html_stream(fh, name: str, max_bytes: int = MAX_READ_BYTES) -> RawPage | Skipped:
    """One saved page from an open binary file (local or fsspec), gunzipped when its name ends in .gz."""
    try:
        stream = gzip.GzipFile(fileobj=fh) if name.lower().endswith(".gz") else fh
        body = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as err:
        return Skipped(name, "read_error", str(err))
    if len(body) > max_bytes:
        return Skipped(name, "too_large", "decompressed size")
    return RawPage(body=body, source=name, url=None, headers={}, fetched_at=None)


def iter_warc(path: str) -> Iterator[RawPage | Skipped]:
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield Skipped(path, "read_error", str(err))
        return
    with fh:
        yield from iter_warc_stream(fh, path)


def iter_warc_stream(fh, name: str) -> Iterator[RawPage | Skipped]:
    """Response records with an HTML content type are pages; every other record is counted.
    Sources are name@offset of the record."""
    # imported here: warcio pulls in fsspec and asyncio (~0.3 s) when they are installed, which every
    # `scrape fetch` from cron would pay for nothing
    from warcio.archiveiterator import ArchiveIterator
    records = ArchiveIterator(fh, arc2warc=True)
    while True:
        try:
            record = next(records)
            # the body must be read before asking for the offset: warcio skips to the
            # record's end to find it, which empties an unread content stream
            item = _warc_item(record)
            source = f"{name}@{records.get_record_offset()}"
        except StopIteration:
            return
        except Exception as err:  # warcio raises many kinds on a broken record
            # a broken record ends what can be read from this file; what came before is kept
            yield Skipped(f"{name}@{_safe_offset(records)}", "read_error", f"{type(err).__name__}: {err}"[:200])
            return
        if isinstance(item, Skipped):
            yield Skipped(source, item.reason, item.detail)
        else:
            yield RawPage(body=item.body, source=source, url=item.url, headers=item.headers,
                          fetched_at=item.fetched_at)


def _safe_offset(records) -> int | str:
    try:
        return records.get_record_offset()
    except Exception:
        return "?"


def _warc_item(record) -> RawPage | Skipped:
    """The page in one WARC record (source filled in by the caller), or why it is not one."""
    if record.rec_type != "response":
        return Skipped("", "not_response", record.rec_type)
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http else "") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return Skipped("", "not_html", content_type[:80])
    body = record.content_stream().read(MAX_READ_BYTES + 1)
    if len(body) > MAX_READ_BYTES:
        return Skipped("", "too_large", "record size")
    headers = {k.lower(): v for k, v in http.headers} if http else {}
    return RawPage(body=body, source="", url=record.rec_headers.get_header("WARC-Target-URI"),
                   headers=headers, fetched_at=record.rec_headers.get_header("WARC-Date"))

