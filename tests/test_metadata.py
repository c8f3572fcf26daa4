"""Metadata readers, table-driven: dates as the markup gives them, and as the page shows them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from lxml.html import fromstring

from cleaners.bylines import byline_names, labelled_byline, trimmed_name
from cleaners.parse import parse_html
from cleaners.dates import headline_date, iso_date, shows_january, text_date
from cleaners.metadata import (author_names, author_page_links, names_only_the_site, page_metadata,
                               title_without_site, unescape_text)
from cleaners.pipeline import clean_page
from cleaners.records import RawPage


@pytest.mark.parametrize("value, expected", [
    ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00+00:00"),
    ("2024-05-01T10:00:00.123+0200", "2024-05-01T10:00:00+02:00"),
    ("2024-05-01", "2024-05-01"),
    ("2024-05-01 10:00:00", "2024-05-01T10:00:00"),
    ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19T00:04:00+02:00"),     # RFC 2822 (<meta name="date">)
    ("2024-05-01T25:99", "2024-05-01"),
    ("1850-01-01", None), ("not a date", None), ("", None), ("Mon, 32 Foo", None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body><article><h1>A headline of some length</h1>{body}</article></body></html>"


@pytest.mark.parametrize("head, body, expected", [
    # UTC in the markup, the same moment with the page's offset in a <time>: the page's own day wins
    ('<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">',
     '<time datetime="2025-12-18T21:46:01-05:00">December 18, 2025</time>', "2025-12-18T21:46:01-05:00"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"}</script>'
     '<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">', "", "2019-10-19T00:04:00+02:00"),
    # a local time that is a different moment (an update) never replaces the publish time
    ('<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">',
     '<time datetime="2025-12-20T09:00:00-05:00">Updated</time>', "2025-12-19T02:41:41+00:00"),
    # already local: left alone
    ('<meta property="article:published_time" content="2025-12-18T21:46:01-05:00">',
     '<time datetime="2025-12-19T02:46:01+00:00">x</time>', "2025-12-18T21:46:01-05:00"),
])
def test_publish_date_as_the_page_shows_it(head, body, expected):
    assert page_metadata(fromstring(_page(head, body)), None).date_publish == expected


JSON_LD_FIRST_PUBLISHED = ('<script type="application/ld+json">{"@type": "Article", '
                           '"datePublished": "2023-10-12T08:00:00+00:00"}</script>')


@pytest.mark.parametrize("head, expected", [
    # republished: the meta tag gives the page's own day, JSON-LD the first edition's; the markup's time stays
    (JSON_LD_FIRST_PUBLISHED + '<meta property="article:published_time" content="2024-03-05T09:15:00+01:00">',
     "2024-03-05T09:15:00+01:00"),
    # a day in the URL path, and no markup on that day: the day alone
    (JSON_LD_FIRST_PUBLISHED + '<link rel="canonical" href="https://example.org/2024/03/05/heat-pumps/">',
     "2024-03-05"),
    # only JSON-LD: its value, time and offset kept
    (JSON_LD_FIRST_PUBLISHED, "2023-10-12T08:00:00+00:00"),
])
def test_publish_day_where_markup_disagrees(head, expected):
    assert page_metadata(fromstring(_page(head)), None).date_publish == expected


PARAGRAPHS = "".join(f"<p>Paragraph {i} of the article, long enough to read as prose on any page.</p>" for i in range(4))


@pytest.mark.parametrize("footer, expected", [
    # htmldate's last resort turns the copyright year into January 1st: no publish date at all
    ("<footer>© 2026 Example Media. All rights reserved.</footer>", None),
    ("<footer>Copyright 2019-2025 Example Media</footer>", None),
    # a page that names January of that year keeps its (month-level) date
    ("<footer>© 2025 Example Media</footer><p class='meta'>Posted in January 2025</p>", "2025-01-01"),
    # a real day in the page's text is found as before
    ("<p class='meta'>Posted on March 14, 2024</p><footer>© 2026 Example Media</footer>", "2024-03-14"),
])
def test_copyright_year_is_no_publish_date(footer, expected):
    meta = page_metadata(fromstring(_page("<title>t</title>", PARAGRAPHS + footer)), None)
    assert meta.date_publish == expected


@pytest.mark.parametrize("text, year, expected", [
    ("2025-01-01", "2025", True), ("1.1.2025", "2025", True), ("01/01/2025", "2025", True),
    ("January 2025", "2025", True), ("Jan. 1, 2025", "2025", True), ("1er janvier 2025", "2025", True),
    ("1. Januar 2025", "2025", True), ("1 de enero de 2025", "2025", True),
    ("© 2025", "2025", False), ("2025-11-01", "2025", False), ("11/2025", "2025", False),
    ("January 2024", "2025", False), ("Janet 2025", "2025", False),
    # the year stands many times before the one mention of January; the month across indented markup
    ("© 2025 " * 50 + "<p>Posted 1 January 2025</p>", "2025", True), ("© 2025 " * 50, "2025", False),
    ("<p>1 January\n" + " " * 60 + "2025</p>", "2025", True),
])
def test_shows_january(text, year, expected):
    assert shows_january(text, year) is expected


@pytest.mark.parametrize("names, expected", [
    (["Posted", "Jane Doe"], ["Jane Doe"]),
    (["Article by"], []), (["Dec"], []), (["admin"], []), (["Text", "Interview Harald Willenbrock"], ["Interview Harald Willenbrock"]),
    (['<a href="/experts/jane-doe">Jane Doe</a>'], ["Jane Doe"]),          # markup that leaked into a JSON-LD name
    (["Frank Example - http://example.org"], ["Frank Example"]), (["facebook.com/jane.doe", "Jane Doe"], ["Jane Doe"]),
    (["Jane Doe info@example.org"], ["Jane Doe"]),
    (["jane.doe@example.studio"], ["jane.doe@example.studio"]),           # an address alone is the byline given
    # names that look like labels or months, and slashes in real names, stay
    (["Jan"], ["Jan"]), (["May"], ["May"]), (["Anonymous"], ["Anonymous"]), (["det/dpa"], ["det/dpa"]),
    (["Bündnis 90/Die Grünen"], ["Bündnis 90/Die Grünen"]), (["Jane Doe", "jane doe"], ["Jane Doe"]),
    # the date of "By Ana Ruiz, March 3, 2025" split off as a second name goes; names with a month in them stay
    (["Ana Ruiz", "March 3"], ["Ana Ruiz"]), (["4 mai"], []), (["Dec. 19th"], []), (["March Hare"], ["March Hare"]),
    (["Mai Nguyen"], ["Mai Nguyen"]), (["June 3rd Collective"], ["June 3rd Collective"]),
    # placeholders a CMS fills in when nobody is named
    (["No Author"], []), (["undefined"], []), (["Webmaster"], []), (["Wordpressadmin"], []),
    # a byline's label goes, and what it printed after the name: a date, an update stamp, a job title
    (["Von Roland Brockmann und Sebastian Drescher"], ["Roland Brockmann", "Sebastian Drescher"]),
    (["Autor Petra Ruland"], ["Petra Ruland"]), (["Par Attac France"], ["Attac France"]),
    (["Jason Bates June 3"], ["Jason Bates"]), (["Haley Hoekstra • March"], ["Haley Hoekstra"]),
    (["Sara Zinnecker Stand"], ["Sara Zinnecker"]), (["Harry Rabinowitz Tech Reporter"], ["Harry Rabinowitz"]),
    # two words always stay, and a title is not cut ("Staff" and "Ma" are surnames)
    (["Jörg Staff"], ["Jörg Staff"]), (["Rui Ma"], ["Rui Ma"]), (["Letters To The Editor"], ["Letters To The Editor"]),
    # a credential, a job or a month split off as an entry of its own is no author
    (["Grant Tinsley", "PhD"], ["Grant Tinsley"]), (["Jillian Kubala", "MS", "RD"], ["Jillian Kubala"]),
    (["Brett Cruz", "Digital Security Expert"], ["Brett Cruz"]),
    (["Citadel Financial Tips", "September"], ["Citadel Financial Tips"]), (["August"], ["August"]),
    (["Jane Doe", "\n\t"], ["Jane Doe"]), (["\u3000"], []),   # white space alone names no one
])
def test_author_names(names, expected):
    assert author_names(names) == expected


@pytest.mark.parametrize("title, site_name, url, expected", [
    ("Perfect Privacy Review | TheBestVPN.com", None, "https://thebestvpn.com/review", "Perfect Privacy Review"),
    ("How inference scales - SiliconANGLE", "SiliconANGLE", None, "How inference scales"),
    ("Pros and Cons of Tiny Houses | LoadUp", None, "https://goloadup.com/tiny", "Pros and Cons of Tiny Houses"),
    ("ARTE Radio | La voix des nuls", "ARTE Radio", None, "La voix des nuls"),
    ("A headline that trails off - ", None, None, "A headline that trails off"),
    # a separator inside the headline, or a part that only mentions the site, stays
    ("How to replace brake pads - From a Mechanic", "Mechanic Base", "https://mechanicbase.com/x",
     "How to replace brake pads - From a Mechanic"),
    ("Apple unveils a phone - what it means for apple fans", None, "https://apple.com/x",
     "Apple unveils a phone - what it means for apple fans"),
    # a leading part goes only when it is the site's name exactly; the site's part is the shorter one
    ("Welpen kaufen – Tipps zu jeder Hunderasse", None, "https://welpenkaufen24.de/x",
     "Welpen kaufen – Tipps zu jeder Hunderasse"),
    ("International Biathlon Union - IBU", "International Biathlon Union", None, "International Biathlon Union - IBU"),
    ("Love is War - Sehnsucht von R. K. Lilley", "Sehnsucht von R. K. Lilley", None,
     "Love is War - Sehnsucht von R. K. Lilley"),
    ("News", "News", "https://news.com", "News"),
])
def test_title_without_site(title, site_name, url, expected):
    assert title_without_site(title, site_name, url) == expected


@pytest.mark.parametrize("value, expected", [
    ("Tips &#038; Tricks", "Tips & Tricks"), ("Tips &amp;#038; Tricks", "Tips & Tricks"),
    ("Houston&#39;s best", "Houston's best"), ("&#8216;Sobering&#8217;", "‘Sobering’"),
    ("AT&T and R&D", "AT&T and R&D"), (None, None),
])
def test_unescape_text(value, expected):
    assert unescape_text(value) == expected


def test_page_title_is_decoded_and_loses_the_site_name():
    head = ('<title>x</title><meta property="og:site_name" content="Example News">'
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Rates &#038; prices rise again | Example News"}</script>')
    assert page_metadata(fromstring(_page(head)), None).title == "Rates & prices rise again"


def _scroll_post(title: str, topic: str) -> str:
    paragraphs = "".join(f"<p>{topic} paragraph {i}: the council met on Tuesday and argued about it for hours, "
                         f"as councils do, before anyone voted on the matter at all.</p>" for i in range(4))
    return f'<article class="post"><h1><a href="/{topic}">{title}</a></h1>{paragraphs}</article>'


def test_infinite_scroll_post_the_page_is_about_takes_the_page_metadata():
    """The first post of an infinite scroll is the page's article: its date and author are in the page's
    markup, not in the post. The next post is another article and gets none of them."""
    from cleaners.pipeline import clean_page
    from cleaners.records import RawPage

    head = ('<title>Bridge closure split the council</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "headline": "Bridge closure split the council", '
            '"datePublished": "2024-06-02T10:00:00+02:00", "author": {"@type": "Person", "name": "Ana Ruiz"}}'
            '</script>')
    body = (_scroll_post("Bridge closure split the council", "bridge") +
            _scroll_post("Library hours to be cut from July", "library"))
    page = f"<html><head>{head}</head><body><main>{body}</main></body></html>".encode()
    records = clean_page(RawPage(body=page, source="scroll.html")).articles
    assert [(r.title, r.date_publish, r.authors) for r in records] == [
        ("Bridge closure split the council", "2024-06-02T10:00:00+02:00", ["Ana Ruiz"]),
        ("Library hours to be cut from July", None, []),
    ]


@pytest.mark.parametrize("text, expected", [
    ("Германия 15 августа 2016, 13:43", "2016-08-15"), ("miércoles, 4 de mayo de 2022", "2022-05-04"),
    ("Dec. 19, 2025", "2025-12-19"), ("Posted on March 3rd, 2021", "2021-03-03"), ("1er janvier 2024", "2024-01-01"),
    ("le 12 mars 2023 à 10h", "2023-03-12"), ("26 | 01 | 2022", "2022-01-26"), ("2/24/2026", "2026-02-24"),
    ("3. Oktober 2019", "2019-10-03"), ("12 października 2021", "2021-10-12"),
    # no guessing: a numeric date that reads both ways, an impossible day, a month word inside another word
    ("05/06/2022", None), ("31 février 2020", None), ("4 marchés 2022", None), ("no date here", None),
])
def test_text_date(text, expected):
    found = text_date(text)
    assert (found.date().isoformat() if found else None) == expected


@pytest.mark.parametrize("fixture, searched, records", [
    ("tests/fixtures/en-section-listing.html", False, 0),     # rejected whatever its date: no text search
    ("tests/fixtures/en-wp-ferry-fares-terms.html", True, 1),  # kept, no markup date: its text is searched
])
def test_text_date_search_runs_only_when_the_page_kind_or_the_record_needs_it(monkeypatch, fixture, searched, records):
    import cleaners.metadata as metadata
    from cleaners.pipeline import clean_page
    from cleaners.records import RawPage
    from pathlib import Path

    calls = []
    real = metadata.find_date
    monkeypatch.setattr(metadata, "find_date", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = clean_page(RawPage(body=Path(fixture).read_bytes(), source=fixture))
    assert len(result.articles) == records
    assert bool(calls) is searched


MENU = '<div id="nav"><h2 class="block-title">Hauptmenü</h2><ul><li><a href="/">Start</a></li></ul></div>'


@pytest.mark.parametrize("title, body, expected", [
    # trafilatura's title search lands on a menu's heading; the <h1> that is the <title>'s headline wins
    ("Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung? | Ethify",
     f'{MENU}<h1 id="site-name"><a href="/">Ethify</a></h1><h1>Vegetarier zu sein. Bedarf, Trend oder eigene '
     'Entscheidung?</h1>', "Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung?"),
    # what it finds stays when the <title> holds it: here the first <h1> is the site's name, not the headline
    ("ORM Quick Start — SQLAlchemy 2.0 Documentation",
     '<h1>SQLAlchemy 2.0 Documentation</h1><h1>ORM Quick Start</h1>', "ORM Quick Start"),
    # no <h1> is the headline: trafilatura's answer is all there is
    ("Harbour news | Bay Times", f"{MENU}<h1>Bay Times</h1><h1>Weather</h1>", "Hauptmenü"),
])
def test_the_headline_in_the_title_element_beats_a_menu_heading(title, body, expected):
    tree = fromstring(f"<html><head><title>{title}</title></head><body>{body}<p>Text.</p></body></html>")
    assert page_metadata(tree, None).title == expected


def test_a_title_element_the_parser_put_in_the_body_is_read():
    """A <div> in <head> ends it for the parser: <title> lands in <body>, and a vote count's <h1> came first."""
    tree = parse_html("<html><head><meta charset='utf-8'><div hidden></div><title>Scalable Interpretability — "
                      "LessWrong</title></head><body><h1>Ω 48</h1><h1>Scalable Interpretability</h1>"
                      "<p>Text.</p></body></html>")
    assert tree.find(".//head/title") is None
    assert page_metadata(tree, None).title == "Scalable Interpretability"


@pytest.mark.parametrize("og_title, body, shown", [
    # the headline as the page shows it, where og:title carries an SEO variant
    ("Health And Nutrition Trends For 2026", "<h1>Top 10 Health and Nutrition Trends to Watch</h1>",
     "Top 10 Health and Nutrition Trends to Watch"),
    # the declared title with a kicker or a date beside it: the declared one stays
    ("Brothel busted in Boston", "<h1>Local News | Brothel busted in Boston</h1>", None),
    ("Tips for Online Success", "<h1>TIPS FOR ONLINE SUCCESS</h1>", None),
    # the declared title as the page prints it: its quotes, dashes and spaces; nothing else may differ
    ("&quot;Welches Europa wir wollen&quot; - ein Bericht", "<h1>„Welches Europa wir wollen“ – ein Bericht</h1>",
     "„Welches Europa wir wollen“ – ein Bericht"),
    ("Why Cheap SEO Doesn't Work", "<h1>Why Cheap SEO Doesn’t Work</h1>", "Why Cheap SEO Doesn’t Work"),
    ("Covid-19 et infox : une rumeur", "<h1>Covid-19 et infox\xa0: une rumeur…</h1>", None),   # "…" is more
    ("Covid-19 et infox : une rumeur...", "<h1>Covid-19 et infox\xa0: une rumeur…</h1>",
     "Covid-19 et infox : une rumeur…"),
    # only the spaces differ (the <h1>'s are folded): the declared title keeps its ideographic space
    ("ローカル線に新型車両\u3000富山湾沿い", "<h1>ローカル線に新型車両\u3000富山湾沿い</h1>", None),
    ("itertools — Functions creating iterators", "<h1>itertools — Functions creating iterators¶</h1>", None),
    ("Olympia in Paris - Getränke per Schiff", "<h1><span>Olympia in Paris</span> Getränke per Schiff</h1>", None),
    # two <h1>s, the site's name, a section's label, or a styled logo: no headline to trust
    ("Harbour ferries to run later", "<h1>Harbour ferries run later</h1><h1>Ferries at night</h1>", None),
    ("Harbour ferries to run later", "<h1>Bay Times News</h1>", None),
    ("Das Ministerium für Club-Kultur informiert", "<h1>Neuigkeiten</h1>", None),
    ("Sesiona el Pleno del Comité Central", "<h1><style>.logo{display:block}</style>Cubadebate</h1>", None),
])
def test_the_one_headline_the_page_shows(og_title, body, shown):
    head = (f'<title>x</title><meta property="og:title" content="{og_title}">'
            '<meta property="og:site_name" content="Bay Times">')
    tree = fromstring(f"<html><head>{head}</head><body>{body}<p>Text.</p></body></html>")
    assert page_metadata(tree, "https://baytimes.example/news/ferries").shown_headline == shown


def test_the_record_takes_the_headline_the_page_shows():
    paragraphs = "".join(f"<p>Paragraph {i} of the trends report: dietitians expect more fibre, fewer ultra-processed "
                         f"snacks and a lot of talk about protein in the year ahead.</p>" for i in range(4))
    html = ('<html><head><title>Health And Nutrition Trends For 2026</title><meta property="og:title" '
            'content="Health And Nutrition Trends For 2026"></head><body><article>'
            f'<h1>Top 10 Health and Nutrition Trends to Watch</h1>{paragraphs}</article></body></html>')
    article = clean_page(RawPage(body=html.encode(), source="trends.html")).articles[0]
    assert article.title == "Top 10 Health and Nutrition Trends to Watch"
    assert not article.text.startswith("Top 10")


@pytest.mark.parametrize("links, expected", [
    ('<address>By <a href="/author/tanderson/"> Tim Anderson </a></address>', ["Tim Anderson"]),
    ('<a href="https://x.example/autor/moses-kim">Moses Kim and Kate Shokurova</a>', ["Moses Kim", "Kate Shokurova"]),
    ('<a href="/author/juliette/">View all posts by Juliette</a>', ["Juliette"]),
    # the same name twice is one author; a "more" link or a date is no name
    ('<a href="/author/amanda/">Amanda</a> <a href="/author/amanda/">Amanda</a>', ["Amanda"]),
    ('<a href="/author/amanda/">mehr</a> <a href="/author/amanda/page/2">2</a>', []),
    # many author links: an index or other posts' cards, no byline
    ("".join(f'<a href="/author/w{i}/">Writer {chr(65 + i)}</a>' for i in range(4)), []),
    ('<a href="/authors-guide/">Authors Guide</a> <a href="/about/">About us</a>', []),
])
def test_author_page_links(links, expected):
    assert author_page_links(fromstring(f"<html><body><p>{links}</p></body></html>")) == expected


@pytest.mark.parametrize("text, expected", [
    ("By Jane Doe", ["Jane Doe"]), ("By Jane Doe and John Roe | May 3, 2025", ["Jane Doe", "John Roe"]),
    ("Von Roland Brockmann und Sebastian Drescher", ["Roland Brockmann", "Sebastian Drescher"]),
    ("Autor: Peter Maahn/SP-X Lesezeit: 5 min", ["Peter Maahn"]), ("Par Matthieu Hy le 07 Mai 2020", ["Matthieu Hy"]),
    ("Posted by Konstantin 21.10.2019", ["Konstantin"]), ("Written byEdzel Tabing", ["Edzel Tabing"]),
    ("ByAlex Bozarjian Thursday, November 9, 2023", ["Alex Bozarjian"]), ("By Walter von Aachen", ["Walter von Aachen"]),
    ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
    # one word after a bare "By" is a heading; a sentence, a longer word or a title-case phrase is no byline
    ("By Car", []), ("Author Bio", []), ("By 2025, half of all offices will be remote", []), ("Byron Smith", []),
    ("By Train And Bus", []), ("By Land Sea Air Rail Road Trip", []), ("Posted in News by Jane Doe", []),
    ("Jane Doe", []),
])
def test_byline_names(text, expected):
    assert byline_names(text) == expected


@pytest.mark.parametrize("authors, site_name, url, expected", [
    (["National Geographic"], None, "https://www.nationalgeographic.co.uk/animals/goats", True),
    (["Badische Zeitung"], "Badische Zeitung", None, True), (["LAOLA1.at"], "LAOLA1", "https://www.laola1.at/x", True),
    (["Lisa Petrich"], "Badische Zeitung", "https://www.badische-zeitung.de/x", False),
    (["Lisa Petrich", "Badische Zeitung"], "Badische Zeitung", None, False), ([], "Badische Zeitung", None, False),
    (["Badische Zeitung"], None, None, False),
])
def test_names_only_the_site(authors, site_name, url, expected):
    assert names_only_the_site(authors, site_name, url) is expected


BYLINE_PAGE = ("<html><body><div class='menu'><div>By Use Case</div><ul><li><a href='/a'>Remote Access</a></li></ul>"
               "</div><h1>Remote support cut ticket times</h1>{byline}<p>The teams did not hire more people. They "
               "changed the order of their work, and the median ticket closed in half the time.</p></body></html>")


@pytest.mark.parametrize("byline, expected", [
    ('<div class="meta"><span>By</span> <a href="/team/pr">Priya Raman</a> <span>Oct 2, 2025</span></div>',
     ["Priya Raman"]),
    ("<p>Von Roland Brockmann und Sebastian Drescher</p>", ["Roland Brockmann", "Sebastian Drescher"]),
    ("<p><strong>Text:</strong> Klausmartin Friedrich</p>", ["Klausmartin Friedrich"]),
    # the bound is on the text a reader sees, not on the markup's indentation
    ("<div>By" + " " * 300 + "<span>" + " " * 300 + "Priya Raman</span>" + " " * 300 + "</div>", ["Priya Raman"]),
    # a menu's "By Use Case" above the headline is no byline; nor is a long paragraph that opens with "By"
    ("", []),
    ("<p>By Anna Smith and the rest of the team, who spent a year following six support desks across three "
     "countries and two time zones, asking what they changed and why it worked so well for them.</p>", []),
])
def test_labelled_byline(byline, expected):
    assert labelled_byline(fromstring(BYLINE_PAGE.format(byline=byline))) == expected


STAMP_PAGE = ("<html><head><title>Winter timetable</title></head><body><h1>Winter timetable</h1>{under}"
              "<p>The second week of the winter timetable went more smoothly than the first, the harbour board "
              "said.</p><ul><li><a href='/archive/2014/01/'>January 2014 (27)</a></li></ul></body></html>")


@pytest.mark.parametrize("under, shown", [
    ("<p class='stamp'>20 December 2025</p>", "2025-12-20"),
    ("<div><span>Posted</span> <span>Dec. 19, 2025</span></div>", "2025-12-19"),
    ("<fieldset><legend>Week two</legend> 26.01.2022 </fieldset>", "2022-01-26"),
    # a date inside a sentence under the headline is the story's, not its stamp
    ("<p>On 20 December 2025 the harbour board met to agree the winter timetable for the islands.</p>", None),
    # history, not a stamp
    ("<p>12 August 1898</p>", None),
    ("", None),
])
def test_the_date_stamp_under_the_headline(under, shown):
    assert headline_date(parse_html(STAMP_PAGE.format(under=under))) == shown


@pytest.mark.parametrize("author", ['"<span>\\n</span>"', '"\\tjane.doe@example.org"', '{"name": "<b>\\t</b>"}'])
def test_an_author_of_markup_or_white_space_alone_names_no_one(author):
    # what is left once the markup or the address is cut out may be white space alone: no name, and no crash
    ld = '{"@type": "NewsArticle", "headline": "Harbour ferries to run later", "author": %s}' % author
    tree = parse_html(f'<html><head><script type="application/ld+json">{ld}</script></head>'
                      '<body><h1>Harbour ferries to run later</h1><p>Text.</p></body></html>')
    assert page_metadata(tree, None).authors == (["jane.doe@example.org"] if "@" in author else [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=5))
def test_author_names_take_any_strings(names):
    # the name filters read words off the ends of whatever markup gave: any text, no exception
    assert all(name.strip() for name in author_names(names))
    for name in names:
        assert isinstance(byline_names(name), list) and isinstance(trimmed_name(name), str)
