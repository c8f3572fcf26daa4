"""Records out as JSON Lines, in files that appear whole or not at all."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime


def default_output(clean_dir: str = "data/clean") -> str:
    return os.path.join(clean_dir, datetime.now().strftime("clean-%Y%m%d-%H%M%S.jsonl"))


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class AtomicJsonlWriter:
    """Write to a temporary file beside the target; flush, fsync and rename on success.

    `-` streams to stdout. On an exception the temporary file is removed and the target,
    if it existed, is left as it was."""

    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self._tmp: str | None = None
        self._fh = None

    def __enter__(self) -> "AtomicJsonlWriter":
        if self.path == "-":
            self._fh = sys.stdout
            return self
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix="." + os.path.basename(self.path) + ".", suffix=".tmp", dir=folder)
        self._fh = os.fdopen(fd, "w", encoding="utf-8")
        return self

    def write(self, record: dict) -> None:
        self._fh.write(dumps(record) + "\n")
        self.count += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path == "-":
            self._fh.flush()
            return
        if exc_type is not None:
            self._fh.close()
            os.unlink(self._tmp)
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self._tmp, self.path)
        dir_fd = os.open(os.path.dirname(os.path.abspath(self.path)), os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
