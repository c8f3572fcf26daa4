"""split_on_blocks: a wall of text from trafilatura's baseline gets its block breaks back, words untouched."""
from __future__ import annotations

import gc
import json

import pytest
from lxml.html import fromstring

import cleaners.pipeline as pipeline
from cleaners.extract import WALL_CHARS, split_on_blocks, with_list_markers
from cleaners.pipeline import _with_missed_opening, clean_page
from cleaners.records import RawPage

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
    assert lines == ["Ferry timetable agreed", *[p.strip() for p in PARAS], "- Monday early sailing",
                     "- Friday late sailing"]   # a list item after its marker, as the main extractor writes it


@pytest.mark.parametrize("text", [
    "A short text stays as it is. " * 3,                      # too short to be a wall
    WALL.replace("Paragraph 2:", "\nParagraph 2:"),            # already has breaks
])
def test_text_that_is_no_wall_is_left_alone(text):
    assert split_on_blocks(text, fromstring(PAGE)) == text


def test_a_short_wall_is_split_too():
    """trafilatura's baseline answers for short pages as well (a menu left unclosed, with the article nested
    in it, leaves its main extractor too little): two paragraphs of 170 characters come back as one line."""
    first, second = SENTENCE * 2, "Tickets for the new crossings go on sale at the harbour office from next Monday morning. " * 2
    page = f"<html><body><h1>Ferry timetable agreed</h1><p>{first}</p><p>{second}</p></body></html>"
    wall = " ".join(["Ferry timetable agreed", first.strip(), second.strip()])
    assert len(wall) < 2000
    assert split_on_blocks(wall, fromstring(page)).split("\n") == ["Ferry timetable agreed", first.strip(), second.strip()]


def test_a_wall_is_split_at_table_rows_not_at_each_cell():
    """trafilatura writes a table a row to a line: a wall holding a table gets its breaks at the rows."""
    rows = [(str(n), f"Owner {n}", "Etching with an oak tree and a river at dawn", f"{1900 + n}") for n in range(8)]
    table = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    page = fromstring(f"<html><body><h1>Works</h1><p>{SENTENCE}</p><table>{table}</table></body></html>")
    row_lines = [" ".join(row) for row in rows]
    wall = " ".join(["Works", SENTENCE.strip(), *row_lines])
    assert len(wall) >= WALL_CHARS and "\n" not in wall
    assert split_on_blocks(wall, page).split("\n") == ["Works", SENTENCE.strip(), *row_lines]


def test_words_are_never_changed_and_text_not_in_the_tree_stays():
    # the extractor spaced the inline <b> differently and added a line the tree does not have
    wall = WALL.replace("Monday early", "Monday  early") + " A line only the extractor had, from JSON-LD."
    out = split_on_blocks(wall, fromstring(PAGE))
    assert [word for word in out.split() if word != "-"] == wall.split()   # list markers added, no word changed
    assert out.endswith("Friday late sailing\nA line only the extractor had, from JSON-LD.")


@pytest.mark.parametrize("attrs, items, lines", [
    ("", ["Monday early sailing", "Friday late sailing"], ["1. Monday early sailing", "2. Friday late sailing"]),
    (" start='3'", ["Monday early sailing", "Friday late sailing"], ["3. Monday early sailing", "4. Friday late sailing"]),
    # the page numbers its items itself: not twice
    ("", ["1) Monday early sailing", "2) Friday late sailing"], ["1) Monday early sailing", "2) Friday late sailing"]),
])
def test_a_walls_ordered_list_gets_its_numbers_back(attrs, items, lines):
    prose = (SENTENCE * 2).strip()
    page = fromstring(f"<html><body><h1>Ferry timetable agreed</h1><p>{prose}</p><p>{prose}</p>"
                      f"<ol{attrs}>" + "".join(f"<li>{i}</li>" for i in items) + "</ol></body></html>")
    wall = " ".join(["Ferry timetable agreed", prose, prose, *items])
    assert len(wall) >= WALL_CHARS
    assert split_on_blocks(wall, page).split("\n")[-2:] == lines


def _article_page(paragraphs: int) -> bytes:
    body = "".join(f"<p>{_para(i)}</p>" for i in range(paragraphs))
    return f"<html><head><title>Ferry timetable agreed</title></head><body><article><h1>Ferry timetable agreed</h1>" \
           f"{body}</article></body></html>".encode()


@pytest.mark.parametrize("paragraphs, fast_keeps, fallback_expected", [
    (6, 1, True),    # the fast path found one paragraph of six: the fallbacks have a go
    (6, 6, False),   # it found them all
    (2, 2, False),   # a short body found whole: being short is no reason (measured: the fallbacks' longer
                     # text was worse more often than better on such pages)
])
def test_trafilaturas_fallback_extractors_run_when_the_fast_path_missed_the_measured_text(
        monkeypatch, paragraphs, fast_keeps, fallback_expected):
    """Where trafilatura's fast text holds under FALLBACK_SHARE of the text our measure found in the main
    block, its fallbacks (readability, justext) are tried and the longer text wins; otherwise they are skipped."""
    import cleaners.pipeline as pipeline
    from cleaners.records import RawPage

    calls = []
    real = pipeline.extract_body

    def spy(doc, url, fast=True, memo=None):
        calls.append(fast)
        text = real(doc, url, fast=fast, memo=memo)
        if fast:   # a fast path that lost the rest of the paragraphs
            return "\n".join(line for line in text.split("\n") if line.startswith(tuple(_para(i)[:40] for i in range(fast_keeps))))
        return text + "\n\nA paragraph only the fallback extractors found, long enough to count."

    monkeypatch.setattr(pipeline, "extract_body", spy)
    result = pipeline.clean_page(RawPage(body=_article_page(paragraphs), source="short.html"))
    assert (False in calls) is fallback_expected
    assert ("only the fallback extractors found" in result.articles[0].text) is fallback_expected


ARTICLE_BODY = " ".join(["The harbour board approved the new ferry timetable on Tuesday after three months of talks."] * 20)
TEASER = ("Crossings to the outer islands will run every twenty minutes from March, the harbour board decided "
          "on Tuesday after a long consultation with residents, commuters and the two operators that run services "
          "across the bay, and the last sailing of the night moves to midnight. Subscribe to read the full story.")


@pytest.mark.parametrize("declared, taken", [
    (ARTICLE_BODY, True),            # the page shows a teaser; its articleBody is the article
    (ARTICLE_BODY[:300], False),     # not several times what the page shows
])
def test_a_declared_article_body_replaces_a_teaser_the_page_shows(declared, taken):
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry timetable approved",
                     "articleBody": declared})
    body = (f'<html><head><title>Ferry timetable approved</title><script type="application/ld+json">{ld}</script>'
            f'</head><body><article><h1>Ferry timetable approved</h1><p>{TEASER}</p></article></body></html>').encode()
    result = clean_page(RawPage(body=body, source="paywall.html"))
    assert (result.articles[0].text == ARTICLE_BODY) is taken
    assert any("articleBody" in note for note in result.repairs) is taken


@pytest.mark.parametrize("declared, hidden", [
    (ARTICLE_BODY, True),
    (f"<p>{ARTICLE_BODY}</p>", False),                        # a CMS's HTML, not text
    (f"### Ferry\n{ARTICLE_BODY}", False),                   # a CMS's own markup
    (f"[#image: /photos/1]|||{ARTICLE_BODY}", False),
])
def test_only_a_plain_text_article_body_stands_in(declared, hidden):
    from cleaners.pipeline import _hidden_body
    assert _hidden_body(TEASER, declared) is hidden


INTRO = ("Die Nachfrage nach erneuerbaren Energien steigt; Alternativen zu fossilen Energieträgern werden immer "
         "notwendiger, um das Klima zu schonen.")
BODY = ["Dimethylether wird heute auf zwei Arten hergestellt, aus Methanol oder direkt aus Synthesegas, und beide "
        "Wege taugen auch für die erneuerbare Variante.",
        "Wie Flüssiggas eignet sich Dimethylether für eine große Bandbreite an Anwendungen, vom Heizen bis zum "
        "Antrieb von Fahrzeugen."]
OFFER = ["Jahresabo", "99,00 EUR", "im 1. Jahr", "danach 122,40 EUR / Jahr", "Fast 20% sparen"]


@pytest.mark.parametrize("page, first, kept_first", [
    # the intro above the body, which the fallback extractors left out, opens the text again
    ([INTRO, *BODY], [INTRO], True),
    # a line of the first try that stands after the fuller text's opening is not put in front
    ([*BODY, INTRO], [INTRO], False),
    # short lines (a subscription offer's price list) are no intro
    ([*OFFER, *BODY], OFFER, False),
])
def test_the_fallbacks_text_keeps_the_intro_the_first_try_had(page, first, kept_first):
    doc = fromstring("<html><body>" + "".join(f"<p>{p}</p>" for p in page) + "</body></html>")
    fuller = "\n".join(BODY)
    text = _with_missed_opening("\n".join(first), fuller, doc)
    assert text.endswith(fuller)
    assert text.startswith(first[0]) is kept_first


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_garbage_collector_is_paused_for_a_page_and_left_as_it_was(enabled_before, monkeypatch):
    seen = []

    def spy(page, max_bytes):
        seen.append(gc.isenabled())
        raise ValueError("boom")   # the state comes back even when a page fails

    (gc.enable if enabled_before else gc.disable)()
    monkeypatch.setattr(pipeline, "_clean_page", spy)
    try:
        with pytest.raises(ValueError):
            pipeline.clean_page(RawPage(body=b"<p>x</p>", source="x.html"))
        assert seen == [False]
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()


QUOTE = ("<blockquote><p>Automation is not the enemy: it took the dull half of my week and gave it back to the "
         "work only people can do, the interviews and the judgement calls.</p><cite>Pat Reinhart</cite></blockquote>")
PARAGRAPH = ("<p>Search changed more in the last twelve months than in the ten years before, and the teams that "
             "measure only their rankings are finding out late what their readers already do differently.</p>")


@pytest.mark.parametrize("figure, quoted", [
    (f"<figure class='wp-block-pullquote'>{QUOTE}</figure>", True),
    (f"<figure aria-label='Embedded quote'><div>{QUOTE}</div></figure>", True),
    # a tweet or another site's post shown in place stays out, as trafilatura leaves it
    (f"<figure class='wp-block-embed-twitter'>{QUOTE}</figure>", False),
    (f"<figure>{QUOTE.replace('<blockquote>', '<blockquote class=twitter-tweet>')}</figure>", False),
    # a picture with its caption is still a figure
    ("<figure><img src='a.jpg'><figcaption>Automation is not the enemy, says Pat Reinhart</figcaption></figure>",
     False),
])
def test_a_quotation_set_in_a_figure_is_kept(figure, quoted):
    html = (f"<html><head><title>SEO in 2025</title><meta property='og:type' content='article'></head><body>"
            f"<article><h1>SEO in 2025</h1>{PARAGRAPH * 3}{figure}{PARAGRAPH.replace('Search', 'Traffic')}"
            f"</article></body></html>")
    text = clean_page(RawPage(body=html.encode(), source="page.html")).articles[0].text
    assert ("Automation is not the enemy" in text) is quoted
    assert "Traffic changed more" in text


SECTION_PROSE = ("<p>Guests arrive with more dietary needs than ever, and a menu that bends without breaking keeps "
                 "every table served from the same kitchen on the same night.</p>")


@pytest.mark.parametrize("section, renamed", [
    # the id is the anchor of the section's own heading; name rules read "menu" or "sidebar" as a box's role
    ('<div id="menu-innovation-strategies"><h2>Menu innovation strategies</h2>', True),
    ('<div id="sidebar_dishes_that_travel"><div><h3><strong>Sidebar dishes that travel</strong></h3>', True),
    # a name of its own, not its heading's: left to the rules
    ('<div id="menu-footer"><h2>Menu innovation strategies</h2>', False),
    ('<div id="menu-innovation"><p>Intro</p><p>More</p><p>Even more</p><p>Then</p><h2>Menu innovation</h2>', False),
    # a heading that is itself a boilerplate label: the box is what its name says
    ('<div id="related_posts"><h3>Related Posts</h3>', False),
    # an anchor no rule reads as boilerplate keeps its id
    ('<div id="seasonal-sourcing"><h2>Seasonal sourcing</h2>', False),
])
def test_a_section_anchored_by_its_heading_loses_an_id_the_name_rules_misread(section, renamed):
    from cleaners.prune import unname_heading_anchors
    root = fromstring(f"<main><p>Intro.</p>{section}{SECTION_PROSE}</div></main>")
    repairs = unname_heading_anchors(root)
    assert (root[1].get("id") is None) is renamed
    assert len(repairs) == int(renamed)


def test_a_section_anchored_by_its_heading_stays_in_the_text():
    body = "".join(SECTION_PROSE.replace("Guests", f"Guests {n}") for n in range(3))
    html = (f"<html><head><title>Catering trends</title><meta property='og:type' content='article'></head><body>"
            f"<main><article><h1>Catering trends</h1>{body}<div id='menu-innovation-strategies'>"
            f"<h2>Menu innovation strategies</h2>{SECTION_PROSE.replace('Guests', 'Diners')}</div>"
            f"{body.replace('Guests', 'Hosts')}</article></main></body></html>")
    text = clean_page(RawPage(body=html.encode(), source="page.html")).articles[0].text
    assert "Menu innovation strategies" in text and "Diners arrive" in text


LEAD = "LEAD: the island ferry will run two crossings a day from Monday, the operator said this morning."
BR_BODY = "<br><br>".join(f"Line {i}: " + SENTENCE * 2 for i in range(5))


@pytest.mark.parametrize("box, run_on, kept", [
    # a box of blocks (a picture with its caption, a heading box) and the text after it up to a line break:
    # trafilatura drops that text with the box unless it stands behind a <br>
    ("<div class='img_box'><div><img src='a.jpg'></div><p class='cap'>Photo : Agency</p></div>", "<br><br>", True),
    ("<section><h3>Ferry news</h3></section>", " <b>bold words</b> and more<br>", True),
    # text running into a block is a card's or a teaser's: left alone (the box keeps it, or not, as before)
    ("<div class='card'><p>Card</p></div>", "<div>next card</div>", None),
    # a box of inline markup only: trafilatura keeps the text after it anyway, nothing to move
    ("<div><span>Photo</span></div>", "<br><br>", None),
])
def test_text_after_a_box_of_blocks_is_kept(box, run_on, kept):
    from cleaners.extract import keep_text_after_boxes
    html = (f"<html><head><title>Ferry crossings cut</title><meta property='og:type' content='article'></head>"
            f"<body><div class='content'><div class='body_txt'>{box}{LEAD}{run_on}{BR_BODY}</div></div></body></html>")
    tree = fromstring(html)
    moved = keep_text_after_boxes(tree)
    assert bool(moved) is bool(kept)
    if kept:
        text = clean_page(RawPage(body=html.encode(), source="page.html")).articles[0].text
        assert LEAD in text and "Line 4:" in text


@pytest.mark.parametrize("html, text, marked", [
    # items trafilatura wrote as plain lines (its wild-text pass took their paragraphs) get their markers
    ("<p>Intro.</p><ul><li><p>Monday early sailing</p></li><li><p>Friday late sailing</p></li></ul>",
     "Intro.\nMonday early sailing\nFriday late sailing", "Intro.\n- Monday early sailing\n- Friday late sailing"),
    ("<ol start='2'><li><p><b>Useful:</b> it runs on time</p></li><li><p><b>Usable:</b> it is cheap</p></li></ol>",
     "Useful: it runs on time\nUsable: it is cheap", "2. Useful: it runs on time\n3. Usable: it is cheap"),
    # a table of contents' links read like the headings they point to: the headings stay headings
    ("<ul><li><a href='#fares'>New fares</a></li><li><a href='#times'>New times</a></li></ul><h2 id='fares'>New fares</h2>"
     "<h2 id='times'>New times</h2>", "New fares\nNew times", "New fares\nNew times"),
    # lines marked already, and an item holding a list (its items carry the markers), stay as they are
    ("<ul><li>Monday early sailing</li><li>Friday late sailing</li></ul>",
     "- Monday early sailing\n- Friday late sailing", "- Monday early sailing\n- Friday late sailing"),
    ("<ul><li>Sailings<ul><li>Monday</li><li>Friday</li></ul></li></ul><p>More.</p>",
     "SailingsMondayFriday\nMore.", "SailingsMondayFriday\nMore."),
])
def test_list_items_written_as_plain_lines_get_their_markers(html, text, marked):
    assert with_list_markers(text, fromstring(f"<div>{html}</div>")) == marked
