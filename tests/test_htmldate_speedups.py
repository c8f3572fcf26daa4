"""The digit-led search finds what re.findall finds, for each htmldate pattern it stands in for."""
from __future__ import annotations

import random
import re

import htmldate.core as htmldate_core
import pytest
from htmldate import find_date

import cleaners.metadata  # noqa: F401 (importing the metadata step installs the speed-up)
from cleaners.htmldate_speedups import CORES, digit_led_findall, pattern_hash

PATTERNS = {name: value for name, value in vars(htmldate_core).items()
            if isinstance(value, re.Pattern) and pattern_hash(value) in CORES}

TEXTS = [
    "", "1", "a1", "2020-01-01", "x2020-01-01y2021-02-02z",   # back to back: the shared \D is used once
    "w3.org/2020/ a 2021 b", "\u06632020-01-01x",              # an Arabic-Indic digit is \d, not [0-9]
    "a19991231b20000101c", "12/12/99 1.1.20 3.04.21 ", "x" + "9" * 50 + "x", "\n2019/07\n07/2019\n",
    "<time>31.12.2019</time><span>1/2/2020</span>", "©2018-2021 Example", "2021-13-01 2021-12-32 1989-01-01",
]


def _random_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    alphabet = "0123456789-/.  ax\n\u0663"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(count)]


def test_every_pattern_is_there():
    assert len(PATTERNS) == len(CORES) == 7


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_same_matches_as_findall(name):
    pattern = PATTERNS[name]
    core = CORES[pattern_hash(pattern)]
    for text in TEXTS + _random_texts(3000):
        assert digit_led_findall(pattern, core, text) == pattern.findall(text), text


def test_installed_and_the_date_found_is_the_same(monkeypatch):
    page = ("<html><body><p>Posted on 03.04.2019 by the editors, revised 2019/07 and again in 07/2020.</p>"
            "<p>Copyright 2021</p></body></html>")
    ours = find_date(page, extensive_search=True, original_date=True)
    original = htmldate_core.plausible_year_filter.original   # AttributeError if not installed
    monkeypatch.setattr(htmldate_core, "plausible_year_filter", original)
    assert find_date(page, extensive_search=True, original_date=True) == ours == "2019-04-03"


# --- regex_parse on the runs that can hold a date ---------------------------------------------------------

import sys  # noqa: E402

import htmldate.extractors as htmldate_extractors  # noqa: E402

from cleaners.htmldate_speedups import LONG_TEXT, NOT_IN_DATE, year_runs  # noqa: E402

LONG_TEXTS = [
    "", "March 5, 2020", "<p>Smarch 5, 2020</p> <b>5 Mars 2021</b>",   # an unknown month word, then a date
    "x_March 5 2020", "12345 March 2020 and 3 June 2019",                  # a day past 31: on to the next
    "1st of May, 2021", "posted 31st of February 2020; 2 April 2020",      # an impossible day: on from its end
    "Ocak\n12, 2020", "12. Ekim 2021", "İstanbul, 3 Şubat 2022", "ſeptember 1ſt, 2020", "Kelvin 5 \u212aab 2020",
    "<a href='/5-May-2020'>May 5,2020</a> May 6, 2020", "June 7 2020<br>", "2020 June 7, 2020", "mai 2020",
    "Januar 1, 1989 January 1, 2040 January 1, 2039", "x" * 5000 + " 3 June 2019", "3 June 2019" + "-" * 30,
    "abc 3 June" + "\x00 2019", "\u0663 June 2020 04 June 2020", "MarchApril 5, 2020", "SmithMarch 4, 2021",
]


def _random_long_texts(count: int, seed: int = 11) -> list[str]:
    """Dates written day first or month first, valid or not, among other words, with separators that do or
    do not end a run."""
    rng = random.Random(seed)
    months = ["March", "mai", "Juin", "Smarch", "Ekim", "Xyz", "of", "\u00e9t\u00e9"]
    days = ["1", "1st", "12", "31th", "4.", "45", "29", "x"]
    years = ["2020", "1999", "2041", "20201", "2019"]
    separators = [" ", " ", " ", " ", "\n", ", ", ". ", " of ", ",", "<", "_", "-", "/", "\x00", ""]

    def piece() -> str:
        sep = lambda: rng.choice(separators)   # noqa: E731
        if rng.random() < 0.5:
            return rng.choice(days) + sep() + rng.choice(months) + sep() + rng.choice(years)
        return rng.choice(months) + sep() + rng.choice(days) + sep() + rng.choice(years)

    return ["".join(piece() + rng.choice(separators) for _ in range(rng.randint(0, 6))) for _ in range(count)]


def test_long_text_pattern_is_the_one_written_for():
    assert pattern_hash(htmldate_extractors.LONG_TEXT_PATTERN) == LONG_TEXT


def test_no_character_of_a_long_text_match_stops_a_run():
    """Every character some piece of the pattern (case-insensitive, as it is) can take is inside a run."""
    pattern = htmldate_extractors.LONG_TEXT_PATTERN
    assert pattern.flags & re.I
    pieces = [re.compile(piece, re.I) for piece in (
        r"[^\W\d_]", r"\s", r"[0-3]", r"[0-9]", "s", "t", "n", "d", "r", "h", "o", "f", ",", r"\.", " ", "1", "9", "2", "0")]
    taken = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
             and NOT_IN_DATE.match(chr(c)) and any(p.match(chr(c)) for p in pieces)]
    assert taken == []
    assert NOT_IN_DATE.match("\x00")


def test_regex_parse_finds_the_same_date_in_the_runs():
    regex_parse = htmldate_core.regex_parse.original   # AttributeError if not installed
    found = 0
    for text in LONG_TEXTS + _random_long_texts(5000):
        date = regex_parse(text)
        assert regex_parse(year_runs(text)) == date, text
        found += date is not None
    assert found > 400
    assert htmldate_core.regex_parse("x" * 100 + "<p>5 June 2019</p>").day == 5


# --- the cores of full dates and year-months searched only near separators ---------------------------------

from cleaners.htmldate_speedups import SEPARATED, SEPARATOR, SPAN_REACH, separator_spans  # noqa: E402


def test_separated_cores_are_short_and_hold_a_separator_between_digits():
    from re import _parser
    assert SEPARATED <= set(CORES)
    for key in SEPARATED:
        core = CORES[key]
        assert core.flags & re.I == 0 and _parser.parse(core.pattern).getwidth()[1] <= SPAN_REACH
        for text in TEXTS + _random_texts(3000):
            for match in core.finditer(text):
                assert SEPARATOR.search(text, match.start(), match.end()), (core.pattern, text)


def _spaced_out(texts: list[str], seed: int = 3) -> list[str]:
    """The texts with runs of filler between them: several stretches apart, matches near their edges."""
    rng = random.Random(seed)
    return ["".join(t + rng.choice(["", "x" * rng.randint(1, 40), "9" * rng.randint(1, 30)]) for t in rng.sample(texts, 5))
            for _ in range(600)]


@pytest.mark.parametrize("name", sorted(name for name, p in PATTERNS.items() if pattern_hash(p) in SEPARATED))
def test_same_matches_near_the_separators(name):
    pattern = PATTERNS[name]
    key = pattern_hash(pattern)
    texts = TEXTS + _random_texts(3000)
    for text in texts + _spaced_out(texts):
        assert digit_led_findall(pattern, CORES[key], text, separator_spans(text)) == pattern.findall(text), text


def test_separator_spans_are_in_order_and_apart():
    text = "a1.2" + "x" * 30 + "3/4-5" + "y" * 15 + "6-7"
    spans = separator_spans(text)
    assert spans == [[0, 13], [25, 66]]   # separators at 2, 35, 37 and 55
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
