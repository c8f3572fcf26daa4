"""Boilerplate rules as must/must-not snippets: each case is a small page; the cleaner must drop the
boilerplate (with the named reason) and keep the article prose around it."""
from __future__ import annotations

import re

import pytest

from cleaners.pipeline import clean_page
from cleaners.records import RawPage

PROSE = [
    "The harbour board approved the new ferry timetable on Tuesday after three months of consultation with "
    "residents, commuters and the two operators that run services across the bay.",
    "Under the plan, boats will leave every twenty minutes at peak times instead of every half hour, and the last "
    "sailing of the night will move from eleven o'clock to midnight on Fridays and Saturdays.",
    "Officials said the change would cost about four million dollars a year, most of it paid by the regional "
    "council, and that fares would not rise before the end of next year at the earliest.",
    "Some residents of the outer islands said they were still waiting for a reliable morning service, and the "
    "board promised to review their route again once the new vessels arrive in the spring.",
]


def page(insert: str, position: int = 2, head: str = "") -> bytes:
    paras = [f"<p>{p}</p>" for p in PROSE]
    paras.insert(position, insert)
    return (f"<html><head><title>Ferry timetable approved</title>{head}</head><body>"
            f"<article><h1>Ferry timetable approved</h1>{''.join(paras)}</article></body></html>").encode()


def cleaned_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """clean_paragraphs over these lines (no title, authors or topics): the lines kept, and the reasons of the
    lines removed, in order."""
    from cleaners.paragraphs import clean_paragraphs
    removals = []
    kept = clean_paragraphs("\n".join(lines), [], [], [], removals)
    return kept, [r.reason for r in removals]


CASES = [
    # (name, inserted html, text that must go, reason expected among removals)
    ("read-more-inline", '<p>Read more: <a href="/x">Bridge repairs delayed again</a></p>', "Bridge repairs delayed",
     "related-link"),
    ("more-heading-list", '<p>More:</p><ul><li><a href="/a">Port strike ends after two weeks</a></li>'
     '<li><a href="/b">New terminal opens in March</a></li><li><a href="/c">Fuel prices rise</a></li></ul>',
     "Port strike ends", "related-heading"),
    ("continue-reading", '<div class="mvp-cont-read-wrap"><span>Continue Reading…</span></div>', "Continue Reading",
     "continue-reading"),
    ("click-to-comment", '<div><span>Click to comment</span></div>', "Click to comment", "comment-prompt"),
    ("comment-form", '<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p>Your email address '
     'will not be published. Required fields are marked *</p><textarea></textarea></form></div>',
     "Your email address", "comment-form"),
    ("share-bar", '<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>',
     "Share on Facebook", "share-bar"),
    ("newsletter", '<div class="newsletter-box"><p>Sign up for our newsletter and get the headlines every '
     'morning.</p></div>', "Sign up for our newsletter", "newsletter"),
    ("advertisement", '<div><span>Advertisement</span></div>', "Advertisement", "advertisement"),
    ("most-read-widget", '<div><h3>Most read</h3><ol><li><a href="/1">Storm closes schools</a></li>'
     '<li><a href="/2">Council race tightens</a></li><li><a href="/3">Rates to rise</a></li></ol></div>',
     "Storm closes schools", "most-read"),
    ("read-this-next-list", '<h2>Read This Next</h2><ul><li><a href="/g">Tide gauge breaks record</a></li>'
     '<li><a href="/h">Lighthouse keeper retires</a></li></ul>', "Tide gauge breaks", "related-heading"),
    ("german-lesen-sie-auch", '<p>Lesen Sie auch: <a href="/d">Hafen plant neue Kaimauer</a></p>',
     "Hafen plant", "related-link"),
    ("french-lire-aussi", '<p>Lire aussi : <a href="/f">Le port prévoit un nouveau quai</a></p>',
     "Le port prévoit", "related-link"),
    ("spanish-lea-tambien", '<p>Lea también: <a href="/e">El puerto prevé un nuevo muelle</a></p>',
     "El puerto prevé", "related-link"),
    ("spanish-puedes-ver-quoted", '<blockquote><b>PUEDES VER: </b><a href="/v">¿Cuándo llega el nuevo ferry?</a>'
     '</blockquote>', "nuevo ferry", "related-link"),
    ("german-schon-gelesen", '<h3>Schon gelesen?</h3><ul><li><a href="/s1">Neue Fähre für die Insel</a></li>'
     '<li><a href="/s2">Hafengebühren steigen</a></li></ul>', "Hafengebühren", "related-heading"),
    ("more-like-this", '<h3>More Like This</h3><ul><li><a href="/m1">Ferry fares frozen</a></li>'
     '<li><a href="/m2">New pier for the islands</a></li></ul>', "Ferry fares frozen", "related-heading"),
    # a heading that opens with a related phrase and goes on, over a list of links
    ("more-from-heading", '<h3>Más sobre el puerto</h3><ul><li><a href="/t">Las tarifas, congeladas</a></li>'
     '<li><a href="/m">El muelle norte cierra</a></li></ul>', "Las tarifas, congeladas", "related-list"),
    ("read-more-posts-heading", '<p><strong>Read more posts related to the islands:</strong></p><ul><li><a '
     'href="/a">Ferry fares frozen</a></li><li><a href="/b">A new pier</a></li></ul>', "Ferry fares frozen",
     "related-list"),
    ("back-to-blog", '<div><a href="/blog">Back to blog</a></div>', "Back to blog", "post-navigation"),
    ("german-zurueck", '<p><a href="/liste">Zurück zur Übersicht</a></p>', "Zurück zur", "post-navigation"),
    ("affiliate-disclosure", '<p><em>This post may contain affiliate links. If you buy through them we may earn '
     'a small commission.</em></p>', "affiliate links", "affiliate-disclosure"),
    ("german-affiliate-disclosure", '<p><em>Anzeige, enthält Affiliate Links</em></p>', "Anzeige, enthält",
     "affiliate-disclosure"),
    ("copyright-line", '<p>© 2024 Harbour Times Media Ltd. All rights reserved.</p>', "Harbour Times Media",
     "copyright"),
    ("photo-copyright", '<div><img src="/f.jpg"></div><p>© Jens Müller / Hafenfotos</p>',
     "Jens Müller", "copyright"),
    ("tag-list", '<p><b>Tags:</b> <a href="/t/ferries">Ferries</a>, <a href="/t/islands">Outer Isles</a></p>',
     "Outer Isles", "tag-list"),
    ("polish-czytaj-tez", '<p>Czytaj też: <a href="/p">Nowy prom dla wysp</a></p>', "Nowy prom", "related-link"),
    ("paywall", '<div class="pw"><p>To view the full story, please subscribe to the Harbour Times.</p>'
     '<p>Already a subscriber? <a href="/login">Log in</a></p></div>', "please subscribe", "paywall"),
    ("german-login-prompt", '<p>Sie sind aktuell nicht eingeloggt. Um einen Kommentar zu hinterlassen, loggen Sie '
     'sich bitte ein.</p>', "nicht eingeloggt", "comment-prompt"),
    ("spanish-vea-tambien", '<p>VEA TAMBIÉN: <a href="/v2">Nuevo horario de ferris en la bahía</a></p>',
     "Nuevo horario", "related-link"),
    ("spanish-mira", '<p>MIRA: <a href="/v3">Madre del capitán recibe el premio del puerto</a></p>',
     "Madre del capitán", "related-link"),
    ("spanish-lea-plain", '<p>Lea: Consejo del puerto aprueba la nueva terminal de ferris</p>',
     "Consejo del puerto aprueba", "related-link"),
    ("category-line", '<div class="meta"><span>Kategorie: <a href="/k/hafen">Hafen</a></span></div>',
     "Kategorie", "tag-list"),
    ("legal-links", '<div><a href="/impressum">Impressum</a></div><div><a href="/privacy">Privacy Policy</a></div>',
     "Impressum", "legal-links"),
    ("cookie-notice", '<div class="cookie-banner"><p>We use cookies to improve your experience.</p>'
     '<button>Accept</button></div>', "We use cookies", "cookie-notice"),
    ("duplicate-paragraph", f"<p>{PROSE[0]}</p>", None, "duplicate-paragraph"),
    ("table-of-contents", '<div class="toc-box"><p>Table of Contents</p><ol><li><a href="#a">Why the timetable '
     'changed</a></li><li><a href="#b">What it costs</a></li><li><a href="#c">Outer islands</a></li></ol></div>',
     "What it costs", "table-of-contents"),
    ("skip-link", '<a href="#main">Skip to main content</a>', "Skip to main content", "skip-link"),
    # a "continue reading" label set as a heading (or ending in a colon) heads a list of headlines
    ("continue-reading-heading", '<h2>Weiterlesen:</h2><p><a href="/a">Ein Ausflug zu den Inseln im Herbst</a></p>'
     '<p><a href="/b">Die neue Fähre im ersten Winter</a></p>', "Ein Ausflug zu den Inseln", "related-list"),
    ("continue-reading-label", '<p><strong>Lire la suite :</strong></p><p><a href="/a">Island ferries in the 1950s</a>'
     '</p><p><a href="/b">How the timetable is drawn up</a></p>', "Island ferries in the 1950s", "related-list"),
    ("affiliate-disclosure", '<div class="aawp-disclaimer"><p>Our editors choose every product on their own; the shop '
     'pays us a small fee for orders placed through these pages.</p></div>', "pays us a small fee", "affiliate-disclosure"),
    ("editorial-disclosure", '<section class="editorial-disclosure"><p>This post contains references to products '
     'from our advertisers; we may receive compensation when you click on them.</p></section>',
     "references to products", "affiliate-disclosure"),
    ("photo-credit", '<figure><img src="/ferry.jpg"><p class="imagedescription">AFP / Marco Bertorello</p></figure>',
     "Marco Bertorello", "credit-line"),
    ("copyright-box", '<div class="copyright"><p>Material chroniony prawem autorskim.</p></div>', "chroniony prawem",
     "credit-line"),
    ("further-information", '<h3>Weitere Informationen</h3><ul><li><a href="/a">Fahrplan 2024 (PDF)</a></li>'
     '<li><a href="/b">Tarife und Ermäßigungen</a></li></ul>', "Tarife und Ermäßigungen", "related-list"),
    ("sign-in", '<div><a href="/login">Sign in</a></div>', "Sign in", "account"),
    ("consent-placeholder", '<div class="embed-wrap"><p>Empfohlener redaktioneller Inhalt</p><p>Klicken Sie auf den '
     'unteren Button, um den Inhalt von www.komoot.de zu laden.</p><button>Inhalt laden</button></div>',
     "um den Inhalt von www.komoot.de zu laden", "embed-placeholder"),
    ("instagram-placeholder", '<blockquote class="instagram-media"><p>Sieh dir diesen Beitrag auf Instagram an</p>'
     '</blockquote>', "Sieh dir diesen Beitrag", "embed-placeholder"),
]


@pytest.mark.parametrize("name,insert,gone,reason", CASES, ids=[c[0] for c in CASES])
def test_boilerplate_goes_and_prose_stays(name, insert, gone, reason):
    result = clean_page(RawPage(body=page(insert), source=f"{name}.html"))
    assert len(result.articles) == 1, result.skip_reason
    text = result.articles[0].text
    if gone:
        assert gone not in text
    for para in PROSE:
        assert text.count(para) == 1, f"prose lost or doubled: {para[:40]}"
    assert reason in {r.reason for r in result.removals}


def test_prose_in_a_box_called_sidebar_stays():
    """Markup names are hints: long link-poor paragraphs inside class="sidebar" are article text."""
    body = ("<html><body><div class='sidebar-layout'><h1>Ferry timetable approved</h1>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "</div><aside><ul><li><a href='/1'>Other news</a></li>"
            "<li><a href='/2'>More news</a></li></ul></aside></body></html>").encode()
    result = clean_page(RawPage(body=body, source="sidebar.html"))
    assert result.articles and all(p in result.articles[0].text for p in PROSE)
    assert "Other news" not in result.articles[0].text


SHORT_POST = ("<p>The harbour choir recorded its winter concert in the old fish market, and the whole evening is "
              "now online as a podcast episode, with an interview with the conductor about the new songs.</p>")


@pytest.mark.parametrize("article_markup, kept", [
    ("<article class='post'>{}</article>", True),                      # the page's one <article>
    ("<div itemprop='articleBody'>{}</div>", True),                    # or its one articleBody
    ("<div class='post'>{}</div>", False),                             # nothing declared: the box rule stands
    ("<article class='post'>{}</article><article><p>Other post</p></article>", False),   # cards, not the article
])
def test_the_article_the_page_declares_is_never_taken_by_a_layout_class(article_markup, kept):
    """A short post (one long paragraph) inside a box whose class names the layout ("cb-sidebar-right"):
    the box would go as a sidebar, but not when it holds the article the page's markup declares."""
    body = ("<html><head><title>Winter concert</title></head><body><div class='cb-post-wrap cb-sidebar-right'>"
            "<h1>Winter concert</h1>" + article_markup.format(SHORT_POST) + "</div><div class='footer-links'>"
            + "".join(f"<p>Long footer paragraph number {i} about the choir's history and its many members "
                      f"over the last eighty years.</p>" for i in range(3)) + "</div></body></html>").encode()
    result = clean_page(RawPage(body=body, source="short-post.html"))
    text = " ".join(a.text for a in result.articles)
    assert ("recorded its winter concert" in text) is kept


def test_teaser_before_full_text_is_dropped_and_full_text_kept_once():
    teaser = PROSE[0][:120] + "…"
    result = clean_page(RawPage(body=page(f"<p class='lead-in'>{teaser}</p>", position=0), source="t.html"))
    text = result.articles[0].text
    assert teaser not in text and text.count(PROSE[0]) == 1
    assert "teaser-duplicate" in {r.reason for r in result.removals}


@pytest.mark.parametrize("text, fixed", [
    ("isn\u00e2\u20ac\u2122t it", "isn\u2019t it"),                               # cp1252 view of UTF-8 ’
    ("free,\u00e2\u20ac\u009d said", "free,\u201d said"),                         # with the C1 byte kept
    ("\u00c3\u0153ber uns, \u00c2\u00a35", "\u00dcber uns, \u00a35"),
    ("S\u00c3O PAULO, caf\u00e9, na\u00efve", "S\u00c3O PAULO, caf\u00e9, na\u00efve"),  # real Latin text stays
    ("\u4e2d\u6587\uff0c\u6807\u70b9\u3002", "\u4e2d\u6587\uff0c\u6807\u70b9\u3002"),
])
def test_double_encoded_text_nodes_are_repaired_and_real_text_is_not(text, fixed):
    from lxml.html import fromstring

    from cleaners.mojibake import repair_tree
    tree = fromstring(f"<html><body><p>{text}</p></body></html>")
    repair_tree(tree)
    assert tree.find(".//p").text == fixed


def test_mojibake_repair_reads_json_ld_but_leaves_scripts_alone():
    from lxml.html import fromstring

    from cleaners.mojibake import repair_tree
    damaged = "isn\u00e2\u20ac\u2122t"
    tree = fromstring(f'<html><head><script type="application/ld+json">{{"headline": "{damaged}"}}</script>'
                      f'<script>var s = "{damaged}";</script><style>/* {damaged} */</style></head>'
                      f'<body><p>{damaged}</p></body></html>')
    repair_tree(tree)
    ld, js = tree.findall(".//script")
    assert "isn\u2019t" in ld.text and tree.find(".//p").text == "isn\u2019t"
    # code is nobody's prose, and ftfy's cost grows with it (a 2 MB script took a second)
    assert damaged in js.text and damaged in tree.find(".//style").text


def test_mojibake_repair_needs_several_signs_on_the_page():
    from cleaners.mojibake import looks_double_encoded
    quoted = "I saw \u201c\u00c3\u00a4\u201d instead of \u201c\u00e4\u201d for years.".encode()   # an article about it
    damaged = "It\u00e2\u20ac\u2122s the town\u00e2\u20ac\u2122s plan \u00e2\u20ac\u201c and it\u00e2\u20ac\u2122s late.".encode()
    assert not looks_double_encoded(quoted)
    assert looks_double_encoded(damaged)
    assert not looks_double_encoded("caf\u00e9 na\u00efve \u00dcber \u00c0 la carte".encode() * 200)


@pytest.mark.parametrize("insert, kept", [
    # a phrase that is one word of running text, or of a code listing, is not a block to remove
    ("<p>Commuters who <a href='/account'>sign in</a> to the operator's app will see the new timetable first, "
     "the board said on Tuesday.</p>", "who sign in to the"),
    ("<pre><code>ferry.<span class='fn'>share</span>(timetable)\nferry.<span class='fn'>print</span>()</code></pre>",
     "share"),
    ("<p>The <em>Advertisement</em> of the new fares starts next week in the island papers.</p>", "Advertisement"),
    ("<p>Disclosure: the author of this report sits on the harbour board's advisory panel.</p>",
     "sits on the harbour board"),
    ("<p>Copyright law does not cover timetables, the board's lawyer said, so rival operators may copy them.</p>",
     "Copyright law does not cover timetables"),
    # a column named "Category" is data, not a tag label
    ("<table><tr><th>Category</th><th>Fare</th></tr><tr><td>Adult</td><td>4.50</td></tr>"
     "<tr><td>Child</td><td>2.20</td></tr></table>", "| Category | Fare |"),
    # nor a row named "Email" or "Print" a share button
    ("<table><tr><th>Ticket by</th><th>Fee</th></tr><tr><td>Email</td><td>0.00</td></tr>"
     "<tr><td>Print</td><td>0.50</td></tr></table>", "| Email | 0.00 |"),
    ("<p>Der Kapitän fuhr <a href='/hafen'>zurück</a> in den Hafen, als der Sturm aufzog.</p>", "fuhr zurück in"),
    # a heading's links are a list only when they are blocks of their own, not words of the text under it
    ("<h2>Related</h2><br>The board publishes its <a href='/minutes'>meeting minutes</a> and the <a href="
     "'/fares'>full fare table</a> online.", "its meeting minutes and the full fare table online"),
    # an appeal's words as a link inside a sentence are the sentence's
    ("<p>Learn more about the harbour concerts, and <a href='/d'>donate today</a> to help us bring music to every "
     "island school this winter.</p>", "and donate today to help us bring music"),
    # a heading that opens like a related one, over prose, is a section of the article
    ("<h3>More from the harbour master</h3><p>She said the new timetable would hold until the spring storms and "
     "that the board would <a href='/m'>meet again</a> in May.</p>", "More from the harbour master"),
    # a "continue reading" button goes alone: the paragraph after it is the article's
    ("<p><a href='/full'>Continue reading</a></p><p><a href='/board'>The harbour board</a> meets again in May.</p>",
     "meets again in May"),
])
def test_phrase_inside_running_text_stays(insert, kept):
    result = clean_page(RawPage(body=page(insert), source="inline.html"))
    assert kept in result.articles[0].text


def test_paragraphs_that_only_open_alike_both_stay():
    """Terms for each region, listicle items on one template: the same opening words are no repeat."""
    opening = ("Passengers who buy a season ticket at any of the harbour offices or through the operator's website "
               "before the end of March, and who travel at least three times a week, will receive a discount of")
    north = f"<p>{opening} ten percent on every crossing to the northern islands, the board said.</p>"
    south = f"<p>{opening} fifteen percent on every crossing to the southern islands, the board said.</p>"
    result = clean_page(RawPage(body=page(north + south), source="alike.html"))
    text = result.articles[0].text
    assert "ten percent on every crossing" in text and "fifteen percent on every crossing" in text
    assert "teaser-duplicate" not in {r.reason for r in result.removals}


LEAD = "Crossings to the outer islands will run every twenty minutes from March, the harbour board decided."


@pytest.mark.parametrize("before, after, opens", [
    # a lead marked "teaser" between the headline and the body: extractors drop it, the record keeps it
    (f'<div class="teaser-text">{LEAD}</div>', "", True),
    (f'<header><p class="standfirst">{LEAD}</p></header>', "", True),
    # a summary card below the body is no lead, and a short dated line is none either
    ("", f'<div class="card"><p class="summary">{LEAD}</p></div>', False),
    ('<div class="intro">Updated 3 June 2024</div>', "", False),
])
def test_the_lead_under_the_headline_opens_the_text(before, after, opens):
    paras = "".join(f"<p>{p}</p>" for p in PROSE)
    body = (f"<html><head><title>Ferry timetable approved</title></head><body><article>"
            f"<h1>Ferry timetable approved</h1>{before}{paras}{after}</article></body></html>").encode()
    text = clean_page(RawPage(body=body, source="lead.html")).articles[0].text
    assert text.startswith(LEAD) is opens
    assert text.count(PROSE[0]) == 1


NOTICE = ("Because of the storm warning, the harbour offices stay closed on Monday; tickets can be bought "
          "on board.")
MENU_P = ("<nav><p>Home Rathaus Leben Aktuelles Pressemitteilungen der Stadtverwaltung und alle Termine im "
          "Überblick</p></nav>")


@pytest.mark.parametrize("page_html, opens", [
    # the headline may be an <h2>/<h3> of three words or more (no <h1> on the page)
    (f'<h3>Ferry timetable approved by the board</h3><div class="teaser-text">{LEAD}</div>', True),
    (f'<h2>Top Navigation</h2><div class="teaser-text">{LEAD}</div>', False),
    # a long paragraph of a menu or footer before the lead is no body text; one of prose is
    (f'<h1>Ferry timetable approved</h1>{MENU_P}<div class="teaser-text">{LEAD}</div>', True),
    (f'<h1>Ferry timetable approved</h1><p>{PROSE[0]}</p><div class="teaser-text">{LEAD}</div>', False),
    # a marked block above the headline (a cookie box's intro) does not hide the lead under it
    (f'<div class="cookie-intro">We use cookies to count visits and to remember your settings on this site.</div>'
     f'<h1>Ferry timetable approved</h1><p class="lead">{LEAD}</p>', True),
    # nor does a notice paragraph above it: the article starts at its headline
    (f'<p>{NOTICE}</p><h1>Ferry timetable approved</h1><div class="teaser-text">{LEAD}</div>', True),
    # a date line indented by its template is no body paragraph
    (f'<h1>Ferry timetable approved</h1><p class="meta">Published 3 June 2024{" " * 60}Harbour desk</p>'
     f'<div class="teaser-text">{LEAD}</div>', True),
    # "introduction" is a token of its own ("intro" is matched as a whole token), and Plone's class for the lead
    (f'<h1>Ferry timetable approved</h1><p class="introduction">{LEAD}</p>', True),
    (f'<h1>Ferry timetable approved</h1><div class="documentDescription">{LEAD}</div>', True),
    # a long lead still counts (up to metadata.LEAD_MAX_CHARS)
    (f'<h1>Ferry timetable approved</h1><div class="abstract">{" ".join([LEAD] * 8)}</div>', True),
])
def test_the_lead_follows_a_headline_and_comes_before_the_body(page_html, opens):
    from cleaners.metadata import _standfirst
    from cleaners.parse import parse_html
    tree = parse_html(f"<html><body>{page_html}<p>{PROSE[1]}</p></body></html>")
    text, lead = _standfirst(tree)
    assert (lead is not None) is opens
    if opens:
        assert text == lead and lead.startswith(LEAD)


@pytest.mark.parametrize("page_html, title, opens", [
    # a sentence set as an <h2> straight under the headline is the dek, whatever its class
    (f"<hgroup><h1>Ferry timetable approved</h1><h2>{LEAD}</h2></hgroup>", "Ferry timetable approved | Harbour News",
     True),
    # a blog's name over its motto: the page's title does not open with that <h1>
    (f"<header><h1>Harbour Notes</h1><h2>{LEAD}</h2></header><h2>Ferry timetable approved</h2>",
     "Ferry timetable approved - Harbour Notes", False),
    # a short section heading is no dek
    ("<h1>Ferry timetable approved</h1><h2>The new timetable</h2>", "Ferry timetable approved", False),
])
def test_a_sentence_under_the_headline_is_its_dek(page_html, title, opens):
    from cleaners.metadata import _standfirst
    from cleaners.parse import parse_html
    tree = parse_html(f"<html><body><article>{page_html}<p>{PROSE[1]}</p></article></body></html>")
    text, lead = _standfirst(tree, title)
    assert (lead == LEAD) is opens
    assert (text == LEAD) is opens


@pytest.mark.parametrize("summaries, opens", [
    # the page declares the paragraph under its headline its summary (the description cut short): the lead
    ([LEAD[:70] + "..."], True),
    (["Ferry news from the harbour", LEAD], True),
    # no declared summary, or another one: the paragraph may be the body's first
    ([], False),
    (["Timetables, fares and news from the harbour board."], False),
])
def test_a_paragraph_the_page_declares_its_summary_is_the_lead(summaries, opens):
    from cleaners.metadata import _standfirst
    from cleaners.parse import parse_html
    tree = parse_html(f"<html><body><header><h1>Ferry timetable approved</h1><p>{LEAD}</p></header>"
                      f"<article><p>{PROSE[0]}</p><p>{PROSE[1]}</p></article></body></html>")
    standfirst, lead = _standfirst(tree, "Ferry timetable approved", summaries)
    assert (lead == LEAD) is opens
    assert standfirst is None   # nothing on the page is marked as a lead


def test_a_declared_summary_under_the_headline_opens_the_text():
    head = f'<meta name="description" content="{LEAD}">'
    body = (f"<html><head><title>Ferry timetable approved</title>{head}</head><body>"
            f'<div class="hero"><h1>Ferry timetable approved</h1><p>{LEAD}</p></div>'
            f"<article>{''.join(f'<p>{p}</p>' for p in PROSE)}</article></body></html>").encode()
    text = clean_page(RawPage(body=body, source="summary.html")).articles[0].text
    assert text.startswith(LEAD + "\n\n" + PROSE[0])


def test_a_tag_label_takes_its_links_but_not_the_byline_beside_it():
    meta = ('<div class="entry-meta"><span class="byline">By <a rel="author" href="/a/jane-roe">Jane Roe</a></span> '
            '<span class="cats"><b>Posted in</b> <a href="/c/news">News</a>, <a href="/c/harbour">Harbour</a></span>'
            '</div>')
    result = clean_page(RawPage(body=page(meta, position=0), source="tags.html"))
    assert result.articles[0].authors == ["Jane Roe"]
    assert "tag-list" in {r.reason for r in result.removals}


@pytest.mark.parametrize("line, reason", [
    # date stamps standing alone
    ("Last updated on September 16th, 2023 at 09:27 am", "dateline"),
    ("Aktualisiert am 17.01.2021.", "dateline"),
    ("Letzte Änderung 14.02.2019", "dateline"),
    ("Stand: 28.04.2020 18:00 Uhr", "dateline"),
    ("Published 21 November 2023", "dateline"),
    ("Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46", "dateline"),   # two stamps, seconds too
    ("Published 21 November 2023 | Updated 22 November 2023", "dateline"),
    ("Published 21 November 2023 / the harbour desk", None),                      # one part is no stamp
    ("January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments", "dateline"),   # meta line
    ("- Sep 26, 2022", "dateline"),                    # set as a list item
    ("3 January, 2025", "dateline"),
    ("August 16, 2019 - Updated July 9, 2025", "dateline"),
    ("23.10.2015 - 25.10.2015", None),                  # a range of bare dates: an event's dates
    ("10 Folgen, 2016", None),
    # the site asks for money
    ("If you enjoyed reading this post – would you consider supporting our work? Just click here.", "donation-appeal"),
    ("Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus.", "donation-appeal"),
    ("The harbour trust asked residents to make a donation to the lifeboat fund.", None),
    # a widget's counter
    ("1,693 views", "counter"),
    ("76 Replies", "counter"),
    ("1,693 views of the harbour webcam in one night", None),
    ("March 3, 2024 | The ferry left on time and nobody on board complained", None),   # a part is a sentence
    ("Updated schedules start on 3 March 2025 for all routes.", None),   # a sentence, not a stamp
    ("Standort Berlin 2022", None),
    ("3 days ago", "dateline"),
    ("- Updated 4 hours ago", "dateline"),
    ("vor 2 Stunden", "dateline"),
    ("hace 3 horas", "dateline"),
    ("The ferry left 3 days ago for the islands.", None),
    ("One Year", None),
    # an affiliate notice after a disclosure's label; other disclosures stay
    ("DISCLOSURE: If you buy through affiliate links, I may earn a small commission. (disclosures)", "affiliate-disclosure"),
    ("* Disclosure: As an Affiliate Marketer, I earn from qualifying purchases.", "affiliate-disclosure"),
    ("Hinweis: Dieser Beitrag enthält Affiliate-Links. Kaufst du darüber, erhalten wir eine Provision.", "affiliate-disclosure"),
    ("Disclosure: This trip was paid for by the harbour board, but all opinions are my own.", None),
    ("*Werbung. Dieser Beitrag enthält Werbung für eine Fährlinie.", "affiliate-disclosure"),
    ("Werbung für Fährlinien ist in der Bucht seit 1990 erlaubt, sagte der Hafenmeister.", None),
    ("Disclaimer: The timetable may change at short notice; check with the ferry office.", None),
    ("Affiliate links pay many bloggers a commission, which is how this harbour blog started.", None),
    # a post's stamp with its author; the other post's title behind a post-navigation label
    ("Posted by David at December 16, 2025 11:15 AM", "dateline"),
    ("Posted by SPÖ on Monday, February 7, 2022", "dateline"),
    ("Posted by the harbour master on the notice board at the ferry terminal.", None),
    ("Next article: Ferry timetable agreed for the winter", "post-navigation"),
    ("This story is funded by readers like you", "donation-appeal"),
    ("SHARE YOUR STORY", "call-to-action"),
    # a recipe's plea for a rating
    ("Did you make this recipe? Leave a star rating and tag us on Instagram!", "comment-prompt"),
    # short credits
    ("Written by Cassidy Horton", "credit-line"),
    ("Fact checked by Yarilet Perez", "credit-line"),
    ("Titelbild: Fachy Marín on Unsplash", "credit-line"),
    ("Photo : YONHAP News", "credit-line"),            # a space before the colon (French typography)
    ("(Credit: Clayton Aldern / Grist)", "credit-line"),
    ("Bildquelle: SWR", "credit-line"),
    ("Grumpy Cow Studios | Getty Images", "credit-line"),   # a picture agency after a separator
    ("Travnikov/Shutterstock", "credit-line"),
    ("SolStock/E+ via Getty Images", "credit-line"),
    ("Getty Images", "credit-line"),
    ("- iStockphoto", "credit-line"),
    ("The ferry company bought its photos from Getty Images", None),   # no separator: a sentence
    ("Getty Images sold the harbour archive to a museum in 2019, the trust said.", None),
    ("Logo des Sustainable Award in Finance von Bankmagazin | © Springer", "copyright"),   # © in a caption
    ("Credit card fees for ferry tickets rose again this year, the board said.", None),
    ("Photo : la jetée au lever du jour, avant l'arrivée du premier bateau de la journée", None),   # 80+: a caption
    ("Written by hand in 1843, the ferry's first log book survives in the harbour museum.", None),
    # reading-time stamps, alone or after the date
    ("6 min read", "reading-time"),
    ("- 11 Minute Read", "reading-time"),
    ("Jun 08, 2023 • 11 Minute Read", "reading-time"),
    ("Estimated reading time: 6 minutes", "reading-time"),
    ("Lesezeit: 2 Minuten", "reading-time"),
    ("- Lesedauer etwa 2 Min.", "reading-time"),
    ("11 minut czytania", "reading-time"),
    ("Ten tekst przeczytasz w 4 minuty", "reading-time"),
    ("Ten tekst przeczytasz w mniej niż minutę", "reading-time"),
    ("Reading time", "reading-time"),
    # a button's label
    ("Bild anzeigen", "embed-placeholder"),
    ("Bild schließen", "embed-placeholder"),
    ("Alle Bilder anzeigen", "embed-placeholder"),
    ("Close gallery", "embed-placeholder"),
    ("Click to enlarge", "embed-placeholder"),
    ("Download Now", "call-to-action"),
    ("Book A Demo", "call-to-action"),
    ("Download now the report of the harbour trust for 2023 and its tables.", None),
    # a byline's label alone on its line
    ("Written by", "byline-label"),
    ("By", "byline-label"),
    ("Von:", "byline-label"),
    ("Posted On", "byline-label"),
    ("PUBLISHED:", "byline-label"),
    ("Published by the harbour trust in 1998, the guide is still in print.", None),
    ("The crossing takes 25 minutes.", None),
    ("It took the council 10 minutes to read the report", None),
    ("Time: 5 minutes", None),
])
def test_stamp_and_credit_lines_go(line, reason):
    kept, reasons = cleaned_lines([line, PROSE[0]])
    assert (line not in kept) is (reason is not None)
    assert reasons == ([reason] if reason else [])


def test_by_alone_is_a_byline_label_only_at_the_top():
    """Further down, "by" alone on its line is code (a Lean proof's tactic block), not a byline's label."""
    lean = ["theorem harbour_open (h : Open) :", "Open ∧ Open := by", "by", "exact ⟨h, h⟩"]
    notes = [f"Note {i} of the harbour board's minutes, kept for the record." for i in range(8)]
    kept, reasons = cleaned_lines([*notes, *lean])
    assert kept[-3:] == lean[1:] and reasons == []


@pytest.mark.parametrize("attrs, reason", [
    ('class="share-bar"', "share-bar"),
    ('class="Share-Bar"', "share-bar"),                 # any case
    ('id="sidebar-right"', "sidebar"),
    ('class="entry-content"', None),
    ('class="sharebar"', None),                          # a whole token, not a part of a word
    ('id="cmpbox"', "cookie-notice"),                    # a consent manager's box
    ('class="cmp-container"', None),                     # Adobe Experience Manager names every component cmp-
    ('class="cmp-text"', None),
    # a layout switch that says the box is absent
    ('class="page no-sidebar"', None),
    ('class="blog-article__main sidebar-enabled--false"', None),
    ('class="sidebar--disabled"', None),
    ('class="has-sidebar"', "sidebar"),
])
def test_class_and_id_tokens(attrs, reason):
    from lxml.html import fragment_fromstring

    from cleaners.prune import token_reason
    for _ in range(2):   # the second time from memory
        assert token_reason(fragment_fromstring(f"<div {attrs}>x</div>")) == reason


def test_a_long_class_value_is_searched_not_remembered():
    from lxml.html import fragment_fromstring

    from cleaners.prune import _remembered_token_reason, token_reason
    remembered = _remembered_token_reason.cache_info().currsize
    el = fragment_fromstring('<div class="' + "x" * 300 + ' share-bar">x</div>')
    assert token_reason(el) == "share-bar"
    assert _remembered_token_reason.cache_info().currsize == remembered


@pytest.mark.parametrize("line, at_end, reason", [
    ("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.", True, "social"),
    ("Síguenos en Telegram, Instagram, Facebook y Twitter", True, "social"),
    ("¡Mira lo que tiene nuestro canal de YouTube!", True, "social"),
    ("Folgen Sie uns auf Twitter", True, "social"),
    ("For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.", True,
     "social"),
    # a closing call to sign up or buy
    ("Sign up today and make this your healthiest fall yet.", True, "call-to-action"),
    ("Book a demo with Otter", True, "call-to-action"),
    ("Free 14-day trial. No credit card required.", True, "call-to-action"),
    ("Melde dich jetzt an.", True, "call-to-action"),
    ("Ready to plan your crossing? The timetable is on the harbour board's site.", True, None),
    ("Signups for the winter timetable closed on Friday, the board said.", True, None),
    # the site's newsletter offered
    ("Get the best of Harbour News delivered to your inbox weekly", True, "newsletter"),
    ("Dann abonnieren Sie unseren Newsletter!", True, "newsletter"),
    ("Thanks for subscribing! Look out for your first issue soon.", True, "newsletter"),
    ("Thank you to the twelve new subscribers who wrote in about the timetable.", True, None),
    ("If you run your newsletter on a schedule, the same rule applies.", True, None),
    # a related-links heading left behind by its list
    ("Das Thema könnte dich auch interessieren:", True, "related-heading"),
    ("Weitere Informationen zum Coronavirus in Thüringen:", True, "related-heading"),
    ("Lue seuraavaksi:", True, "related-heading"),
    ("Weitere aktuelle Themen aus der Arbeitswelt", True, "related-heading"),
    ("Entdecke weitere Homestorys", True, "related-heading"),
    # the same lines inside the story are the story's
    ("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.", False, None),
    ("Weitere Informationen zum Coronavirus in Thüringen:", False, None),
    # closing sentences: a network named without sending the reader there, a pointer that is a sentence
    ("The minister announced her resignation on Twitter late on Sunday evening.", True, None),
    ("After that, I suggest you read the docs and join their Discord server.", True, None),
    ("Download the full report as a PDF from the harbour trust's site.", True, None),
    ("Weitere Informationen finden Sie in der Pressemeldung sowie im Monatsbericht.", True, None),
])
def test_a_sign_off_goes_from_the_articles_end(line, at_end, reason):
    body = [PROSE[0], PROSE[1], "The ferry leaves at nine.", "Tickets are sold on board.", "The last boat is at six."]
    kept, reasons = cleaned_lines(body + [line] if at_end else [line] + body)
    assert (line not in kept) is (reason is not None)
    assert reasons == ([reason] if reason else [])


@pytest.mark.parametrize("block, reason", [
    # a press contact closing the article: heading, name, address, number
    (["Pressekontakt:", "Dr. Jana Beispiel", "Hafenstraße 7, 20459 Hamburg", "Tel.: 040 374709-40",
      "presse@hafen-beispiel.de"], "contact-block"),
    (["Ansprechpartnerin zum Thema:", "Telefon +49 (0)40 / 49 07 11 05"], "contact-block"),
    (["Media contact", "Jane Example, harbour board", "jane@harbour-board.example"], "contact-block"),
    # a "Contact" section of prose, or short lines with no number or address, stay
    (["Contact", "Ferry staff can be reached at the ticket office by the pier, which opens an hour before the "
                 "first boat and closes after the last one has left."], None),
    (["Kontakt", "Die Fähre", "Das Büro am Hafen"], None),
    # a box about the author or the series, over a few lines
    (["About the Author:", "Jane Example has covered the harbour for the Gazette since 2011."], "author-box"),
    (["Über die Autorin:", "Jana Beispiel schreibt über Verkehr.", "Sie lebt in Cuxhaven."], "author-box"),
    (["Über diese Reihe", "Die Stiftung berichtet aus rund hundert Ländern über Wahlen und Parteien."],
     "author-box"),
    # more than a bio under it: a section of the article
    (["About the author", "Line one of the section.", "Line two.", "Line three.", "Line four."], None),
    # "About us" heads a company's own page
    (["About us", "The harbour board was founded in 1921 and runs four ferries."], None),
])
def test_a_closing_box_goes_from_the_articles_end(block, reason):
    body = [PROSE[0], PROSE[1], "The ferry leaves at nine."]
    kept, reasons = cleaned_lines(body + block)
    assert kept == (body if reason else body + block)
    assert set(reasons) == ({reason} if reason else set())
    # the same block with the article going on after it stays
    more = [PROSE[2], "Tickets are sold on board.", "The last boat is at six.", "Bicycles travel free."]
    assert cleaned_lines(body + block + more)[0] == body + block + more


@pytest.mark.parametrize("line, removed", [
    # a pointer to another story left as a line of text (its block held more, so the pruning kept it)
    ("Lee también... Consejo del puerto aprueba la nueva terminal de ferris Lunes 02 Mayo, 2022", True),
    ("Read more: Bridge repairs delayed again", True),
    # a sentence that opens alike stays
    ("Read more: the full report is on the harbour board's site.", False),
])
def test_a_related_link_line_goes_from_the_text(line, removed):
    kept, reasons = cleaned_lines([PROSE[0], line, PROSE[1]])
    assert (line not in kept) is removed
    assert reasons == (["related-link"] if removed else [])


BOX_PROSE = [
    "Fares on the northern crossings stay at four dollars until the end of next year, the board said, while the "
    "southern routes rise by fifty cents in March to pay for the two new electric boats.",
    "Season tickets for commuters will be sold from the first of February at the harbour office and on board, "
    "and can be used on every crossing of the bay, including the new midnight sailings on Fridays.",
]

# a news page's publish date, so that the page-kind model takes these short test pages for articles
DATED = '<meta property="article:published_time" content="2024-03-01T09:00:00Z">'


@pytest.mark.parametrize("box_class, inner, kept", [
    # Webflow's box for pasted HTML, holding the article's table and prose
    ("w-embed", f"<table><tr><th>Crossing</th><th>Fare</th></tr><tr><td>North</td><td>$4</td></tr></table>"
                f"<p>{BOX_PROSE[0]}</p><p>{BOX_PROSE[1]}</p>", True),
    # Statamic's rich text block ("bar" inside "bard" is trafilatura's menu-bar word)
    ("bard", f"<p>{BOX_PROSE[0]}</p><p>{BOX_PROSE[1]}</p>", True),
    # HubSpot's rich-text wrapper ("widget")
    ("hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_rich_text",
     f"<p>{BOX_PROSE[0]}</p><p>{BOX_PROSE[1]}</p>", True),
    # or a table of a few rows
    ("w-embed", "<table><tr><th>Crossing</th><th>Fare</th></tr><tr><td>Northern islands</td><td>$4</td></tr>"
                "<tr><td>Southern islands</td><td>$4.50</td></tr></table>", True),
    # one long paragraph is enough in an "embed" box (a guide's section set in one), not in another
    ("mover-profile embed", f"<p>{BOX_PROSE[0]}</p>", True),
    # an embedded post or player holds no prose: it stays as it is
    ("w-embed", '<blockquote class="twitter-tweet"><p>Ferries at last!</p></blockquote>', False),
])
def test_a_box_trafilatura_misreads_keeps_its_prose(box_class, inner, kept):
    body = (f"<html><head><title>Ferry timetable approved</title>{DATED}</head><body><div class='post-body'>"
            f"<h1>Ferry timetable approved</h1><p>{PROSE[0]}</p><p>{PROSE[1]}</p><p>{PROSE[2]}</p>"
            f"<div class='{box_class}'>{inner}</div></div></body></html>").encode()
    result = clean_page(RawPage(body=body, source="box.html"))
    text = result.articles[0].text
    assert any("which trafilatura drops" in r for r in result.repairs) is kept
    if kept:
        assert all(para in text for para in re.findall(r"<p>(.*?)</p>", inner))
        assert all(cell in text for cell in re.findall(r"<td>(.*?)</td>", inner))


@pytest.mark.parametrize("beside, kept", [
    # the article's text in one Webflow box, its table in the next: the table is read too
    ("<table><tr><th>Crossing</th><th>Fare</th></tr><tr><td>Northern islands</td><td>$4</td></tr>"
     "<tr><td>Southern islands</td><td>$4.50</td></tr></table>", True),
    # beside the main block only a table counts: a lone paragraph there (a player's caption) stays out
    (f"<p>{BOX_PROSE[1]}</p>", False),
])
def test_an_embed_box_beside_the_article_gives_back_its_table(beside, kept):
    article = "".join(f"<p>{p}</p>" for p in (*PROSE, BOX_PROSE[0]))
    body = (f"<html><head><title>Ferry timetable approved</title></head><body><div class='rich-text'>"
            f"<h1>Ferry timetable approved</h1><div class='w-embed'>{article}</div>"
            f"<div class='w-embed'>{beside}</div></div></body></html>").encode()
    result = clean_page(RawPage(body=body, source="box.html"))
    assert ("Northern islands" in result.articles[0].text) is kept
    assert any("it holds a table" in r for r in result.repairs) is kept


@pytest.mark.parametrize("paragraph, text, removed", [
    # a footnote's mark links to its note on the page: it goes, the sentence stays whole
    ("<p>The board approved the timetable in March.<sup><a href='#fn1'>1</a></sup> Fares stay as they are.</p>",
     "The board approved the timetable in March. Fares stay as they are.", True),
    ("<p>The crossing takes forty minutes<sup class='reference'><a href='#cite_note-2'>[2]</a></sup> in calm seas.</p>",
     "The crossing takes forty minutes in calm seas.", True),
    ("<p>Night sailings were dropped in 2019.<sup id='r3'><a href='#n3'>\u2020</a></sup> They return in May.</p>",
     "Night sailings were dropped in 2019. They return in May.", True),
    # a superscript that is no mark of a note on this page stays: an exponent, a link elsewhere, a word
    ("<p>The harbour basin holds 12,000 m<sup>3</sup> of water at high tide.</p>",
     "The harbour basin holds 12,000 m3 of water at high tide.", False),
    ("<p>Tickets are sold by FerryPass<sup><a href='/trademarks'>TM</a></sup> at both ports.</p>",
     "Tickets are sold by FerryPassTM at both ports.", False),
    ("<p>The 1<sup>st</sup> sailing leaves at six.</p>", "The 1st sailing leaves at six.", False),
])
def test_footnote_marks_go_and_other_superscripts_stay(paragraph, text, removed):
    result = clean_page(RawPage(body=page(paragraph), source="inline.html"))
    assert text in result.articles[0].text
    assert ("footnote-marker" in [r.reason for r in result.removals]) == removed


def link_lines(n: int, href: str = "/costs/{i}", text: str = "Average cost of a ferry pass in town {i}") -> str:
    return "".join(f'<p><a href="{href.format(i=i)}"><strong>{text.format(i=i)}</strong></a></p>' for i in range(n))


# removed: the rule takes the links as a related list (the sources' bare addresses the extractor drops anyway)
@pytest.mark.parametrize("insert,position,removed,kept", [
    (link_lines(6), 4, True, False),                                   # after the last paragraph: a related list
    ("<h2>Our other guides</h2>" + link_lines(5), 4, True, False),     # with its heading
    ('<div class="more">' + link_lines(4) + "</div>", 4, True, False), # in a box of its own
    (link_lines(6), 2, False, True),                                   # prose follows: links the article offers
    (link_lines(3), 4, False, True),                                   # too few to be a list
    (link_lines(6, href="#part-{i}"), 4, False, True),                 # a table of contents
    (link_lines(6, href="https://example.org/{i}", text="https://example.org/report/{i}"), 4, False, None),
])
def test_a_run_of_link_paragraphs_after_the_article_goes(insert, position, removed, kept):
    result = clean_page(RawPage(body=page(insert, position=position), source="link-run.html"))
    assert len(result.articles) == 1, result.skip_reason
    text = result.articles[0].text
    assert all(text.count(p) == 1 for p in PROSE)
    assert ("related-list" in {r.reason for r in result.removals}) == removed
    link_text = re.search(r">([^<>]+)</strong>", insert).group(1)
    if kept is not None:
        assert (link_text in text) == kept
    if "<h2>" in insert:
        assert ("Our other guides" in text) == kept


@pytest.mark.parametrize("line,removed", [
    ("Join Our Genius Newsletter", True),
    ("Subscribe to our best newsletters", True),
    ("Thanks for subscribing! Look out for your first newsletter in your inbox soon!", True),
    ("Stay up to date by signing up for the Harbour Weekly newsletter.", True),
    ("Abonnieren Sie jetzt den Hafen-Newsletter: https://example.org/newsletter/", True),
    ("The best of the Harbour Times, delivered to your inbox every morning", True),  # the site's mailing
    ("The board's monthly newsletter will carry the new timetable.", False),         # no sign-up word
    ("I also read 28 newsletters, a few of those I subscribe to, every week.", False),  # the writer's own
    ("Twelve readers signed up for the newsletter after the first issue went out to the islands.", False),
])
def test_a_line_offering_the_newsletter_goes_anywhere_in_the_text(line, removed):
    # (followed by three paragraphs: not among the last lines, where the sign-off rule reads)
    kept, reasons = cleaned_lines([PROSE[0], line, PROSE[1], PROSE[2], PROSE[3]])
    assert (line not in kept) == removed
    assert ("newsletter" in reasons) == removed
    assert all(p in kept for p in PROSE[:3])


REPUBLISH_COPY = ("<h2 id='rp'>Republish this story</h2><p>We are happy for our stories to be shared. Please credit "
                  "us and our writers, and link back to the article on our site.</p>"
                  + "".join(f"<p>{p}</p>" for p in PROSE))


@pytest.mark.parametrize("dialog,removed", [
    (f'<div role="dialog" aria-modal="true" aria-labelledby="rp" style="display:none;">{REPUBLISH_COPY}</div>', True),
    (f'<div role="dialog" aria-labelledby="rp" hidden>{REPUBLISH_COPY}</div>', True),
    # shown, a dialog's prose is what the reader sees (an article opened over a feed)
    (f'<div role="dialog" aria-labelledby="rp">{REPUBLISH_COPY}</div>', False),
])
def test_a_hidden_dialog_goes_whatever_it_holds(dialog, removed):
    result = clean_page(RawPage(body=page(dialog, position=4), source="dialog.html"))
    assert len(result.articles) == 1, result.skip_reason
    text = result.articles[0].text
    assert ("Republish this story" not in text) == removed
    assert ("popup" in {r.reason for r in result.removals}) == removed
    assert all(text.count(p) == 1 for p in PROSE)


@pytest.mark.parametrize("line,removed", [
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.", True),
    ("- Lorem ipsum 2", True),
    ("Lorem Ipsum", True),
    ("The ferry's new livery was designed by a studio in the harbour district last winter.", False),
])
def test_a_templates_dummy_text_goes(line, removed):
    kept, reasons = cleaned_lines([PROSE[0], line, PROSE[1]])
    assert (line not in kept) == removed
    assert ("placeholder" in reasons) == removed
