"""Run the cleaner on a file the same way in every test (and in tests/regen_golden.py)."""
from __future__ import annotations

import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fold(s: str | None) -> str:
    """Collapse all whitespace (incl. no-break spaces) to single spaces."""
    return " ".join((s or "").split())


@functools.lru_cache(maxsize=None)
def clean_file(rel_path: str):
    """clean_page on ROOT/rel_path with source = rel_path (relative, as given); cached per session."""
    from cleaners.pipeline import clean_page
    from cleaners.records import RawPage

    body = (ROOT / rel_path).read_bytes()
    return clean_page(RawPage(body=body, source=rel_path, url=None, headers={}, fetched_at=None))


def records_of(rel_path: str) -> list[dict]:
    return [a.to_dict() for a in clean_file(rel_path).articles]
