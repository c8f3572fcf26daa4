"""`scrape clean`: saved pages -> cleaner -> JSONL, with a progress bar and one summary line."""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from cleaners.pipeline import clean_page
from cleaners.records import PageResult, RawPage

from .dumps import Skipped

log = logging.getLogger("scrape.clean")


@dataclass
class RunSummary:
    pages: int = 0
    articles: int = 0
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self, command: str = "clean") -> str:
        skipped = sum(self.skipped.values())
        reasons = " ".join(f"{r}={n}" for r, n in sorted(self.skipped.items())) or "none"
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        return (f"scrape {command}: {self.pages} pages read, {self.articles} articles written, "
                f"{skipped} skipped ({reasons}), {self.seconds:.1f} s, {rate:.1f} pages/s")


def clean_one(page: RawPage) -> PageResult:
    """clean_page that never raises: an unexpected failure is a skip with a reason."""
    try:
        return clean_page(page)
    except RecursionError:
        return PageResult(source=page.source, skip_reason="too_deep")
    except MemoryError:
        return PageResult(source=page.source, skip_reason="too_large")
    except Exception as err:  # a bug on one page must not stop a million-page run
        log.warning("error cleaning %s: %s: %s", page.source, type(err).__name__, err)
        return PageResult(source=page.source, skip_reason="error")


def results(items: Iterable[RawPage | Skipped]) -> Iterator[PageResult]:
    for item in items:
        if isinstance(item, Skipped):
            yield PageResult(source=item.source, skip_reason=item.reason)
        else:
            yield clean_one(item)


def run_clean(results_iter: Iterable[PageResult], writer, progress: bool | None = None) -> RunSummary:
    summary = RunSummary()
    start = time.monotonic()
    bar = None
    if progress is None:
        progress = sys.stderr.isatty()
    if progress:
        from tqdm import tqdm
        bar = tqdm(unit=" pages", file=sys.stderr, dynamic_ncols=True)
    try:
        for result in results_iter:
            summary.pages += 1
            if result.skip_reason:
                summary.skipped[result.skip_reason] += 1
                log.info("skipped %s: %s", result.source, result.skip_reason)
            for article in result.articles:
                writer.write(article.to_dict())
                summary.articles += 1
            if bar is not None:
                bar.update(1)
                bar.set_postfix(articles=summary.articles, refresh=False)
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.monotonic() - start
    return summary
