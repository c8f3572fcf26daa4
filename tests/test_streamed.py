"""Streamed React pages: the hidden parts at the end of the body go where the page's scripts put them."""
from __future__ import annotations

import pytest
from lxml.html import tostring

from cleaners.parse import parse_html
from cleaners.pipeline import clean_page
from cleaners.records import RawPage
from cleaners.streamed import place_streamed_parts

LONG = ("Each rung is one bond; when the shortest one matures its money buys a new bond at the long end, which "
        "keeps the ladder the same length and lets it follow interest rates over the years.")


def body_after(html: str) -> str:
    tree = parse_html(f"<html><body>{html}</body></html>")
    place_streamed_parts(tree, html)
    return tostring(tree.find("body"), encoding="unicode").removeprefix("<body>").removesuffix("</body>")


@pytest.mark.parametrize("html, expected", [
    # $RC(boundary, part): the part's text and children stand where the template stood; tails stay
    ('<main><p>a</p><template id="B:0"></template>after</main><div hidden id="S:0">t<p>one</p>u</div>tail'
     '<script>$RC("B:0","S:0")</script>',
     '<main><p>a</p>t<p>one</p>uafter</main>tail<script>$RC("B:0","S:0")</script>'),
    # $RS(part, placeholder): the arguments the other way round
    ('<main><template id="P:3"></template></main><div hidden id="S:3"><p>x</p></div><script>$RS("S:3","P:3")</script>',
     '<main><p>x</p></main><script>$RS("S:3","P:3")</script>'),
    # a part holding another part's placeholder: the calls' order puts both in
    ('<main><template id="B:0"></template></main><div hidden id="S:0"><div><template id="P:1"></template></div></div>'
     '<div hidden id="S:1"><p>inner</p></div><script>$RS("S:1","P:1");$RC("B:0","S:0")</script>',
     '<main><div><p>inner</p></div></main><script>$RS("S:1","P:1");$RC("B:0","S:0")</script>'),
    # scripts gone (a saved copy without them): the part takes the placeholder with its number
    ('<main><template id="B:2"></template></main><div hidden id="S:2"><p>x</p></div>', '<main><p>x</p></main>'),
    # a part with no placeholder, or a hidden div that is no part, stays where it is
    ('<main></main><div hidden id="S:4"><p>x</p></div>', '<main></main><div hidden id="S:4"><p>x</p></div>'),
    ('<template id="B:0"></template><div hidden id="menu"><p>x</p></div>',
     '<template id="B:0"></template><div hidden id="menu"><p>x</p></div>'),
    # a part that holds its own placeholder (a broken or hostile page) stays put
    ('<div hidden id="S:0"><p>x</p><div><template id="B:0"></template></div></div><script>$RC("B:0","S:0")</script>',
     '<div hidden id="S:0"><p>x</p><div><template id="B:0"></template></div></div><script>$RC("B:0","S:0")</script>'),
    ('<div hidden id="S:0"><template id="B:0"></template></div>', '<div hidden id="S:0"><template id="B:0"></template></div>'),
])
def test_parts_go_to_their_placeholders(html, expected):
    assert body_after(html) == expected


def test_a_streamed_article_comes_back_whole_and_in_order():
    html = (f"<html><head><title>Bond ladders</title><meta property='og:type' content='article'></head><body>"
            f"<main><article><h1>Bond ladders</h1><p>{LONG.replace('Each rung', 'First')}</p>"
            f"<template id='B:0'></template><h2>When not to</h2><p>{LONG.replace('Each rung', 'Last')}</p>"
            f"</article></main><footer><p>Plain Money</p></footer>"
            f"<div hidden id='S:0'><p>{LONG}</p><p>{LONG.replace('Each rung', 'Second')}</p></div>"
            '<script>$RC("B:0","S:0")</script></body></html>')
    result = clean_page(RawPage(body=html.encode(), source="page.html"))
    text = result.articles[0].text
    assert text.index("First") < text.index("Each rung") < text.index("Second") < text.index("When not to") \
        < text.index("Last")
    assert result.repairs == ["put a streamed part (365 characters of text) in its placeholder B:0"]


def test_random_nestings_of_parts_placeholders_and_calls_never_raise():
    """Parts inside placeholders, placeholders inside parts, calls naming either in any order."""
    import random
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(1, 4)
        pieces = []
        for k in range(n):
            pieces += [f'<template id="{rng.choice("BP")}:{k}"></template>', f'<div hidden id="S:{k}"><p>part {k}</p>',
                       "</div>"]
        rng.shuffle(pieces)
        calls = ";".join(f'$RC("B:{rng.randint(0, n)}","S:{rng.randint(0, n)}")' if rng.random() < 0.5
                         else f'$RS("S:{rng.randint(0, n)}","P:{rng.randint(0, n)}")' for _ in range(n + 1))
        html = f"<html><body><div>{''.join(pieces)}</div><script>{calls}</script></body></html>"
        tree = parse_html(html)
        place_streamed_parts(tree, html)   # raises on a cycle
        assert tree.find("body") is not None
