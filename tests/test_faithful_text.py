"""What a reader sees stays in the text: an ordered list's numbers (bullets stay "- "), an inline quotation
in its sentence, a table cell that reads like a share button's label."""
from __future__ import annotations

import pytest
import trafilatura
from lxml.html import document_fromstring, fromstring

from cleaners.blocks import measure
from cleaners.extract import extract_body, segment_document
from cleaners.blocks import as_read
from cleaners.faithful_text import counter, first_number, numbered, numbered_items
from cleaners.recover import recover_dropped

PROSE = "The seasoning of a pan is a thin layer of polymerised oil that protects the metal from rust. " * 3
AFTER = "Three or four rounds of oiling and baking give a dark, even surface that releases an egg. " * 3
ITEMS = ["Scrub the pan with hot water", "Dry it on a low flame", "Rub a thin film of oil over it"]


def extracted_items(list_html: str) -> list[str]:
    tree = document_fromstring(f"<html><body><article><p>{PROSE}</p>{list_html}<p>{AFTER}</p></article></body></html>")
    lines = extract_body(tree, None).split("\n")
    return lines[1:-1]


def items_html(tag: str, attrs: str = "", items=ITEMS) -> str:
    return f"<{tag}{attrs}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


@pytest.mark.parametrize("list_html, lines", [
    (items_html("ol"), [f"{n}. {i}" for n, i in zip((1, 2, 3), ITEMS)]),
    (items_html("ul"), [f"- {i}" for i in ITEMS]),
    # a list split by an advertisement goes on counting where the page says
    (items_html("ol", ' start="4"'), [f"{n}. {i}" for n, i in zip((4, 5, 6), ITEMS)]),
    (items_html("ol", " reversed"), [f"{n}. {i}" for n, i in zip((3, 2, 1), ITEMS)]),
    (items_html("ol", ' reversed start="10"'), [f"{n}. {i}" for n, i in zip((10, 9, 8), ITEMS)]),
    (items_html("ol", ' start="first"'), [f"{n}. {i}" for n, i in zip((1, 2, 3), ITEMS)]),   # not a number
    # letters and roman numerals, as the list's type says
    (items_html("ol", ' type="a"'), [f"{n}. {i}" for n, i in zip("abc", ITEMS)]),
    (items_html("ol", ' type="I" start="3"'), [f"{n}. {i}" for n, i in zip(("III", "IV", "V"), ITEMS)]),
    (items_html("ol", ' type="disc"'), [f"{n}. {i}" for n, i in zip((1, 2, 3), ITEMS)]),   # no list type
    # the page writes the numbers itself (its style hides the browser's): not twice
    ("<ol>" + "".join(f"<li><span class='num'>{n}</span><p>{i}</p></li>" for n, i in enumerate(ITEMS, 1)) + "</ol>",
     [f"{n} {i}" for n, i in enumerate(ITEMS, 1)]),
    (items_html("ol", items=[f"{n}) {i}" for n, i in enumerate(ITEMS, 1)]), [f"{n}) {i}" for n, i in enumerate(ITEMS, 1)]),
    # a number that only starts the item's words is not its marker
    (items_html("ol", items=["1st coat: thin", "2024 rules changed", "3 hours in the oven"]),
     ["1. 1st coat: thin", "2. 2024 rules changed", "3. 3 hours in the oven"]),
    # nested: each list counts for itself, indented under its item
    (f"<ol><li>{ITEMS[0]}<ol><li>inside one</li><li>inside two</li></ol></li><li>{ITEMS[1]}</li></ol>",
     [f"1. {ITEMS[0]}", "  1. inside one", "  2. inside two", f"2. {ITEMS[1]}"]),
])
def test_extracted_lists_show_their_numbers(list_html, lines):
    assert extracted_items(list_html) == lines


def test_trafilatura_used_outside_the_cleaner_stays_as_published():
    html = f"<html><body><article><p>{PROSE}</p>{items_html('ol')}<p>{AFTER}</p></article></body></html>"
    extract_body(document_fromstring(html), None)
    assert f"- {ITEMS[0]}" in trafilatura.extract(html)


@pytest.mark.parametrize("start, count, counting_down, first", [
    (None, 3, False, 1), ("7", 3, False, 7), (" 7 ", 3, False, 7), ("-2", 3, False, -2),
    (None, 3, True, 3), ("10", 3, True, 10), ("x", 5, True, 5),
])
def test_first_number(start, count, counting_down, first):
    assert first_number(start, count, counting_down) == first


@pytest.mark.parametrize("number, text, marker", [
    (1, "Scrub the pan", "1. "), (1, "1", ""), (1, "1. Scrub", ""), (1, "1) Scrub", ""), (2, " 2: Scrub", ""),
    (1, "12 eggs", "1. "), (1, "1st coat", "1. "), (3, "2. Scrub", "3. "), (3, "3 hours", "3. "),
])
def test_a_number_the_item_writes_itself_is_not_doubled(number, text, marker):
    assert numbered(number, text) == marker


@pytest.mark.parametrize("number, kind, label", [
    (1, "a", "a"), (26, "a", "z"), (27, "a", "aa"), (28, "A", "AB"), (0, "a", "0"),
    (4, "i", "iv"), (1994, "I", "MCMXCIV"), (4000, "i", "4000"), (-1, "I", "-1"), (7, "1", "7"),
])
def test_counters_are_written_as_a_browser_writes_them(number, kind, label):
    assert counter(number, kind) == label


def test_a_recovered_ordered_list_keeps_its_numbers():
    intro, before, after = PROSE.strip(), "You need an afternoon and a few drops of oil for it.", AFTER.strip()
    root = fromstring(f"<div><p>{intro}</p><p>{before}</p>{items_html('ol', ' start=2')}<p>{after}</p></div>")
    text = recover_dropped(f"{intro}\n{before}\n{after}", root, measure(root))
    assert text.split("\n")[2:5] == [f"{n}. {i}" for n, i in zip((2, 3, 4), ITEMS)]
    steps = fromstring("<ol><li><span>1</span> Scrub</li><li><span>2</span> Dry</li><li>3 hours in the oven</li></ol>")
    assert numbered_items(steps, [(li, li.text_content()) for li in steps]) == ["1 Scrub", "2 Dry", "3. 3 hours in the oven"]


@pytest.mark.parametrize("html, kept, dropped", [
    # a comparison table's rows keep their first cell
    ("<table><tr><th>Platform</th><th>Cost per click</th></tr><tr><td><span>LinkedIn</span></td><td>$2.50</td></tr>"
     "<tr><td>Facebook</td><td>$0.50</td></tr><tr><td>Email</td><td>$0.10</td></tr></table>",
     ["| LinkedIn | $2.50 |", "| Facebook | $0.50 |", "| Email | $0.10 |"], []),
    # outside a table such a line is a share button's label, and goes as before
    ("<p>Facebook</p><p>Twitter</p>", [], ["Facebook", "Twitter"]),
])
def test_a_cell_named_like_a_share_button_stays(html, kept, dropped):
    tree = document_fromstring(f"<html><body><article><p>{PROSE}</p>{html}<p>{AFTER}</p></article></body></html>")
    lines = [line.strip() for line in extract_body(tree, None).split("\n")]
    assert all(line in lines for line in kept)
    assert not any(line in lines for line in dropped)


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "with-fallbacks"])
@pytest.mark.parametrize("quotation, line", [
    ("<q>we will rebuild the harbour</q>", "The mayor said \u201cwe will rebuild the harbour\u201d and left."),
    ("<q>we will <b>rebuild</b> the harbour</q>", "The mayor said \u201cwe will rebuild the harbour\u201d and left."),
    ("<q><a href='/plan'>the plan</a> stands</q>", "The mayor said \u201cthe plan stands\u201d and left."),
    # marks the page sets itself, around the quotation or inside it: not twice
    ("\u201e<q>wir bauen den Hafen neu</q>\u201c", "The mayor said \u201ewir bauen den Hafen neu\u201c and left."),
    ('"<q>the plan stands</q>"', 'The mayor said "the plan stands" and left.'),
    ("<q>\u00ab le plan tient \u00bb</q>", "The mayor said \u00ab le plan tient \u00bb and left."),
])
def test_an_inline_quotation_stays_in_its_sentence(quotation, line, fast):
    tree = document_fromstring(f"<html><body><article><p>{PROSE}</p><p>The mayor said {quotation} and left.</p>"
                               f"<p>{AFTER}</p></article></body></html>")
    assert extract_body(tree, None, fast=fast).split("\n")[1] == line


@pytest.mark.parametrize("lang, line", [
    ("de", "Er sagte \u201ewir bauen neu\u201c und ging."), ("fr-FR", "Er sagte \u00abwir bauen neu\u00bb und ging."),
    ("en-GB", "Er sagte \u201cwir bauen neu\u201d und ging."), (None, "Er sagte \u201cwir bauen neu\u201d und ging."),
])
def test_quotation_marks_are_the_pages_languages(lang, line):
    attr = f" lang='{lang}'" if lang else ""
    tree = document_fromstring(f"<html{attr}><body><article><p>{PROSE}</p><p>Er sagte <q>wir bauen neu</q> und ging.</p>"
                               f"<p>{AFTER}</p></article></body></html>")
    assert extract_body(tree, None).split("\n")[1] == line
    segment = segment_document(tree.find(".//article"))   # one post of several, in a document of its own
    assert extract_body(segment, None).split("\n")[1] == line


@pytest.mark.parametrize("written, read", [
    ("Cafe\u0301 au lait", "Caf\u00e9 au lait"),               # e + combining acute: one "é"
    ("Caf\u00e9 au lait", "Caf\u00e9 au lait"),                # composed already
    ("sa\u0323\u0302y", "s\u1eady"),                          # Vietnamese: a with dot below and circumflex
    ("\u09b8\u09be\u09dc\u09c7", "\u09b8\u09be\u09a1\u09bc\u09c7"),   # Bengali RRA: its canonical form is DDA + nukta
    ("Deutsch\u00adland\u200b", "Deutschland"),                # soft hyphen, zero-width space
    ("\ufeffIntro", "Intro"),
])
def test_text_is_kept_as_a_reader_has_it(written, read):
    assert as_read(written) == read


def test_title_authors_and_text_are_read_alike():
    """A search for "Café" or "Renée" finds the record whichever way the page composed its letters."""
    from cleaners.pipeline import clean_page
    from cleaners.records import RawPage
    body = (f"<html><head><title>Le cafe\u0301 du port</title><meta name='author' content='Rene\u0301e Marchal'></head>"
            f"<body><article><h1>Le cafe\u0301 du port</h1><p>{PROSE} Le cafe\u0301 ferme a\u0300 minuit.</p>"
            f"<p>{AFTER}</p></article></body></html>").encode()
    article = clean_page(RawPage(body=body, source="inline.html")).articles[0]
    assert article.title == "Le caf\u00e9 du port"
    assert article.authors == ["Ren\u00e9e Marchal"]
    assert "Le caf\u00e9 ferme \u00e0 minuit." in article.text
