"""Layout tables (a page set in a <table>, the article in one cell) are read as blocks; data tables stay tables."""
from __future__ import annotations

import pytest
from lxml.html import fromstring

from cleaners.blocks import measure
from cleaners.layout_tables import is_layout_table, unlayout_tables
from cleaners.prune import find_main

PROSE = "The harbour board met on Tuesday and agreed the new timetable for the northern crossings. " * 2


@pytest.mark.parametrize("table, layout", [
    ('<table role="presentation"><tr><td>Menu</td><td>Text</td></tr></table>', True),
    (f"<table><tr><td><a href='/'>Home</a></td><td><p>{PROSE}</p><p>{PROSE}</p></td></tr></table>", True),
    (f"<table><tr><td>{PROSE * 6}</td></tr></table>", True),   # a thousand characters and more, broken by <br>s
    ("<table><tr><td><table><tr><td>Inner</td></tr></table></td></tr></table>", True),
    ("<table><tr><th>Year</th><th>Boats</th></tr><tr><td>2024</td><td>12</td></tr></table>", False),
    (f"<table><tr><td>Ferry</td><td>{PROSE}</td></tr></table>", False),   # one long cell: a data table's notes
])
def test_layout_or_data_table(table, layout):
    root = fromstring(f"<html><body>{table}</body></html>").find("body")
    assert is_layout_table(root.find(".//table"), measure(root)) is layout


def test_cells_become_blocks_and_a_nested_data_table_stays():
    page = fromstring(
        "<html><body><table><tr><td><a href='/a'>Home</a><br><a href='/b'>Club</a></td><td>"
        f"<h1>History</h1><font>Loose text of the cell. {PROSE}</font><p>{PROSE}</p><p>{PROSE}</p>"
        "<table><tr><th>Year</th><th>Plots</th></tr><tr><td>1952</td><td>11</td></tr></table>"
        "</td></tr></table></body></html>")
    root = page.find("body")
    stats = measure(root)
    repairs = unlayout_tables(root, stats, find_main(root, stats))
    assert repairs == ["read 1 layout table(s) as blocks"]
    assert [t.findtext(".//th") for t in root.iter("table")] == ["Year"]   # only the data table is left
    menu = root.find("div/div/p")
    assert menu is not None and menu.get("data-layout-cell") == "" and menu.findtext("a") == "Home"
    loose = [p for p in root.iter("p") if p.find("font") is not None]
    assert len(loose) == 1 and loose[0].findtext("font").startswith("Loose text of the cell.")
    assert loose[0] in stats   # measured, so the pruner can read it
    assert "".join(root.itertext()).count("Loose text of the cell.") == 1
