"""split_on_blocks: a wall of text from trafilatura's baseline gets its block breaks back, words untouched."""
from __future__ import annotations

import pytest
from lxml.html import fromstring

from cleaners.extract import WALL_CHARS, split_on_blocks

SENTENCE = "The ferry board met on Tuesday and agreed the new timetable for the northern crossings. "


def _para(i: int) -> str:
    return f"Paragraph {i}: " + SENTENCE * 6


PARAS = [_para(i) for i in range(5)]
PAGE = ("<html><body><h1>Ferry timetable agreed</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) +
        "<ul><li>Monday <b>early</b> sailing</li><li>Friday late sailing</li></ul></body></html>")
WALL = " ".join(["Ferry timetable agreed", *PARAS, "Monday early sailing", "Friday late sailing"])


def test_wall_is_split_where_the_page_has_blocks():
    assert len(WALL) >= WALL_CHARS and "\n" not in WALL
    lines = split_on_blocks(WALL, fromstring(PAGE)).split("\n")
    assert lines == ["Ferry timetable agreed", *[p.strip() for p in PARAS], "Monday early sailing",
                     "Friday late sailing"]


@pytest.mark.parametrize("text", [
    "A short text stays as it is. " * 3,                      # too short to be a wall
    WALL.replace("Paragraph 2:", "\nParagraph 2:"),            # already has breaks
])
def test_text_that_is_no_wall_is_left_alone(text):
    assert split_on_blocks(text, fromstring(PAGE)) == text


def test_words_are_never_changed_and_text_not_in_the_tree_stays():
    # the extractor spaced the inline <b> differently and added a line the tree does not have
    wall = WALL.replace("Monday early", "Monday  early") + " A line only the extractor had, from JSON-LD."
    out = split_on_blocks(wall, fromstring(PAGE))
    assert out.split() == wall.split()
    assert out.endswith("Friday late sailing\nA line only the extractor had, from JSON-LD.")
