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
