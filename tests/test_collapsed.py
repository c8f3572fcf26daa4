"""Folded sections (accordions, tab panels) are shown before extraction only when a control opens them."""
from __future__ import annotations

import pytest

from cleaners.pipeline import clean_page
from cleaners.records import RawPage

INTRO = ("<p>A rain barrel left full through a hard frost can split along its seams, crack its spigot and tear the "
         "downspout diverter loose, so it pays to get it ready before the first cold night.</p>"
         "<p>The steps below follow the order we use on our own barrels; none of them needs special tools beyond a "
         "bucket, a hose and a screwdriver, and the whole job takes about an afternoon.</p>")
FOLDED = ("<p>Open the spigot and let the barrel empty into the garden beds, where the water still does some good "
          "before the ground freezes over for the winter.</p>"
          "<p>Rinse out the sludge that settles on the bottom over the summer; left in place it freezes into a solid "
          "puck that is hard to shift in spring.</p>")
SECOND = "Open the spigot and let the barrel empty"


def page(folded: str) -> bytes:
    return (f"<html><head><title>Winter-proofing a rain barrel</title></head><body><main><article>"
            f"<h1>Winter-proofing a rain barrel</h1>{INTRO}{folded}"
            f"<p>In spring, reverse the steps once nights stay above freezing and refit the diverter before the "
            f"first rain of the season.</p></article></main><footer>Backyard Water Notes</footer></body></html>"
            ).encode()


@pytest.mark.parametrize("folded, shown", [
    # an accordion: a button's aria-controls names the hidden block; the button is the section's heading
    ('<h3><button aria-controls="s1" aria-expanded="false">Step 1: Drain it</button></h3>'
     f'<div id="s1" style="display: none">{FOLDED}</div>', True),
    (f'<div role="tabpanel" hidden>{FOLDED}</div>', True),
    (f'<div role="region" aria-labelledby="h1" aria-hidden="true" style="visibility:hidden">{FOLDED}</div>', True),
    # hidden with nothing to open it: an unused template or the other copy of a layout
    (f'<div class="speaker-cards" style="display:none">{FOLDED}</div>', False),
    (f'<div aria-hidden="true">{FOLDED}</div>', False),
    # one paragraph is a folded caption or a popup's text, not a section of the article
    ('<button aria-controls="s2">More</button><div id="s2" style="display:none"><p>Open the spigot and let the '
     'barrel empty into the garden beds, where the water still does some good.</p></div>', False),
    # a folded box its markup calls boilerplate stays folded
    (f'<aside><button aria-controls="s3">Newsletter</button><div id="s3" style="display:none">{FOLDED}</div></aside>',
     False),
])
def test_folded_prose_is_shown_only_when_a_control_opens_it(folded, shown):
    result = clean_page(RawPage(body=page(folded), source="folded.html"))
    text = result.articles[0].text
    assert (SECOND in text) is shown
    assert ("showed a folded section" in " ".join(result.repairs)) is shown
    assert "In spring, reverse the steps" in text


def test_an_accordion_button_stays_as_its_section_heading():
    folded = ('<h3><button aria-controls="s1" aria-expanded="false">Step 1: Drain the barrel</button></h3>'
              f'<div id="s1" style="display:none">{FOLDED}</div>')
    text = clean_page(RawPage(body=page(folded), source="folded.html")).articles[0].text
    assert "Step 1: Drain the barrel\n\nOpen the spigot" in text
