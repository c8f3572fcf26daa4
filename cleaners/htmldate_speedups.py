"""htmldate's search of a page's text for dates, same results, less work.

When the markup gives no date, htmldate runs a dozen regexes over the page's serialised HTML (70 KB on
average): about 30 ms where it happens. Most of them open with `\\D`, so re cannot skip ahead to a likely
start and tries the whole pattern at every character. Here such a pattern is tried only one character
before where its date-shaped core matches (a scan re does fast, the core opening with a digit), in the
order and with the overlaps re.findall would have: the same matches. A pattern is handled so only while
its text is the one this was written for (DIGIT_LED is keyed by hashes of them).
"""
from __future__ import annotations

import hashlib
import re

# htmldate patterns whose every match is one non-digit and then a match of the "core" given here, keyed
# by the sha256 (first 16 hex digits) of the pattern's text: where the core does not match one character
# on, the pattern cannot match (a core may be looser than the pattern). Each core opens with a digit that is
# not optional, so re scans for it quickly (an optional first digit, "[0-3]?[0-9]", takes it four times longer).
DIGIT_LED = {
    "99dce485636e9d1c": r"[0-9]{4}[/.-][0-9]{2}[/.-][0-9]{2}",                             # THREE_LOOSE_PATTERN
    "e03326de114b6f48": r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}",                           # SELECT_YMD_PATTERN
    "2923eed9a4676b66": r"(?:19|20)[0-9]{2}[01][0-9][0-3][0-9]",                             # DATESTRINGS_PATTERN
    "0c4faf3b8825539f": r"[0-9]{1,2}[/.][0-9]{1,2}[/.][0129][0-9]",                           # SLASHES_PATTERN
    "68fbefbd57926b5f": r"[12][0-9]{3}[/.-](?:1[0-2]|0[1-9])",                               # YYYYMM_PATTERN
    "b5235d247c68f5d5": r"[0-9]{1,2}[/.-][12][0-9]{3}",                                       # MMYYYY_PATTERN
    "55b886d7c38e626a": r"199[0-9]|20[0-3][0-9]",                                            # SIMPLE_PATTERN
}
CORES = {key: re.compile(core) for key, core in DIGIT_LED.items()}


def pattern_hash(pattern: re.Pattern) -> str:
    return hashlib.sha256(f"{pattern.pattern}\x00{pattern.flags}".encode()).hexdigest()[:16]


def _found(match: re.Match, groups: int):
    """What re.findall gives for one match."""
    if groups == 0:
        return match.group(0)
    if groups == 1:
        return match.group(1) or ""
    return tuple(g or "" for g in match.groups())


def digit_led_findall(pattern: re.Pattern, core: re.Pattern, text: str, spans: list | None = None) -> list:
    """pattern.findall(text), trying the pattern only one character before where its core matches: every
    such place from left to right, skipping those inside the last match, as findall scans. spans: the
    stretches of the text, in order and apart, that hold every match of the core (the whole text: None)."""
    found, groups = [], pattern.groups
    start = 1
    for lo, hi in spans if spans is not None else ((0, len(text)),):
        while start < hi and (hit := core.search(text, max(start, lo), hi)):
            match = pattern.match(text, hit.start() - 1)
            if match:
                found.append(_found(match, groups))
                start = match.end() + 1
            else:
                start = hit.start() + 1
    return found


# The cores of the patterns for full dates and year-months hold a digit, a separator and a digit in a row,
# and match at most SPAN_REACH characters: a match lies within SPAN_REACH characters of such a separator.
# A page (about 70 KB of HTML) is scanned once for those separators; each such pattern's core is then
# searched only near them (a core match found in a stretch is one in the whole text: no core looks around).
SEPARATED = {"99dce485636e9d1c", "e03326de114b6f48", "0c4faf3b8825539f", "68fbefbd57926b5f", "b5235d247c68f5d5"}
SEPARATOR = re.compile(r"[0-9](?=[/.-][0-9])")   # the digit before one (re finds a digit faster than a separator)
SPAN_REACH = 10


def separator_spans(text: str) -> list[list[int]]:
    """The stretches of the text within SPAN_REACH characters of a separator between digits, merged, in order."""
    spans: list[list[int]] = []
    for hit in SEPARATOR.finditer(text):
        at = hit.start() + 1
        lo, hi = at - SPAN_REACH, at + SPAN_REACH + 1
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([max(lo, 0), hi])
    return spans


class DigitLedPattern:
    """Stands in for one of those patterns where htmldate only calls findall()."""

    def __init__(self, pattern: re.Pattern, core: re.Pattern, spans=None):
        self.pattern, self.core, self.spans = pattern, core, spans

    def findall(self, text: str) -> list:
        return digit_led_findall(self.pattern, self.core, text, self.spans(text) if self.spans else None)


def faster_year_filter(plausible_year_filter):
    """htmldate's plausible_year_filter, given the stand-in for the patterns it may take. htmldate searches
    the same page for one pattern after another: its separators are found once."""
    last: list = [None, None]   # the last page and its separator spans

    def spans(text: str) -> list:
        if last[0] is not text:
            last[:] = text, separator_spans(text)
        return last[1]

    def year_filter(htmlstring, *, pattern, **bounds):
        key = pattern_hash(pattern)
        core = CORES.get(key)
        if core is not None:
            pattern = DigitLedPattern(pattern, core, spans if key in SEPARATED else None)
        return plausible_year_filter(htmlstring, pattern=pattern, **bounds)
    year_filter.original = plausible_year_filter
    return year_filter


# htmldate's regex_parse on a whole page (the last of its text searches): LONG_TEXT_PATTERN, a month word next
# to a day and a year, in two orders, tried at every character of the page's HTML (12 ms a page). A match
# holds only word characters but "_", whitespace, "," and "." (tests/test_htmldate_speedups.py checks every
# code point against each piece of the pattern), so it lies inside one run of those; and it ends with a space
# and a year. Only the runs holding a space and a year are handed to regex_parse, in page order, one NUL (no
# such character) apart: the same matches in the same order (a run's start follows a character that is no
# letter, or a NUL, alike for the pattern's look-behind), so the same date.
LONG_TEXT = "d3672f0222902e0b"   # pattern_hash of LONG_TEXT_PATTERN when this was written
NOT_IN_DATE = re.compile(r"[^\w\s,.]|_")
SPACED_YEAR = re.compile(r" (?:199[0-9]|20[0-3][0-9])")


def year_runs(text: str) -> str:
    """The runs of characters a LONG_TEXT_PATTERN match can hold that hold a space and a year, NUL-separated."""
    runs, stop, backwards, n = [], 0, None, len(text)
    for year in SPACED_YEAR.finditer(text):
        at = year.start()
        if at < stop:
            continue   # in the run already taken
        if backwards is None:
            backwards = text[::-1]
        before = NOT_IN_DATE.search(backwards, n - at)   # the nearest such character before the space
        start = n - before.start() if before else 0
        after = NOT_IN_DATE.search(text, at)
        stop = after.start() if after else n
        runs.append(text[start:stop])
    return "\x00".join(runs)


def faster_regex_parse(regex_parse, pattern: re.Pattern):
    """htmldate's regex_parse, reading only the runs that can hold a match, while its pattern is the one this
    was written for."""
    if pattern_hash(pattern) != LONG_TEXT:
        return regex_parse

    def parse(string: str):
        return regex_parse(year_runs(string))
    parse.original = regex_parse
    return parse
