"""The cheaper formulations of hot helpers give what the plain ones they replaced gave, on tricky inputs
(comments, processing instructions, tail text, empty and huge attributes, every whitespace character)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import document_fromstring, fragment_fromstring

from cleaners import prune, rules, segment
from cleaners.blocks import collapse_space, leading_text, values_matching, visible_text
from cleaners.metadata import BODY_CLASSED, BODY_CLASSES, STANDFIRST
from cleaners.page_features import USER_MARK, USER_MARK_WORDS

SPACE = re.compile(r"\s+")


def old_visible_text(el) -> str:
    return SPACE.sub(" ", el.text_content()).strip()


def old_leading_text(el, chars: int) -> str:
    parts: list[str] = []
    seen = 0
    for chunk in el.itertext():
        parts.append(chunk)
        seen += len(chunk)
        if seen > chars:
            text = SPACE.sub(" ", "".join(parts)).strip()
            if len(text) > chars:
                return text
    return SPACE.sub(" ", "".join(parts)).strip()


def old_values_matching(pattern: re.Pattern, values: list[str]) -> list[int]:
    return [i for i, value in enumerate(values) if pattern.search(value)]


def test_split_separates_on_exactly_what_backslash_s_matches():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and SPACE.fullmatch(chr(c))]
    assert [ch for ch in spaces if len(f"a{ch}b".split()) != 2] == []
    others = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and chr(c) not in spaces]
    assert [ch for ch in others if len(f"a{ch}b".split()) != 1 or f"{ch}".strip() != ch] == []


@pytest.mark.parametrize("text", [
    "", " ", "\n\t ", "a", " a ", "a  b", "\u00a0a\u2003b\u3000", "a\x1cb\x1dc\x1ed\x1ff", "\u200bzero\u200bwidth",
    "line\r\nbreak\x0bvt\x0cff", "\x85next\u2028line\u2029para", "ends \t\n",
])
def test_collapse_space_is_the_regex_substitution(text):
    assert collapse_space(text) == SPACE.sub(" ", text).strip()


TREES = [
    "<div>plain</div>",
    "<div></div>",
    "<div>  spaced \n out  </div>",
    "<div><!-- a comment -->after</div>",                 # a comment's text is not the element's, its tail is
    "<div>before<!-- c --></div>",
    "<div><?pi target?>tail of a pi</div>",
    "<div>a<span>b</span>c<em>d<i>e</i>f</em>g</div>",
    "<div><span>x</span></div>",
    "<div><script>var x = 1;</script>text</div>",          # text_content keeps script text: so must we
    "<div>&amp; &lt;entities&gt; &#160;nbsp</div>",
    "<div>\u00a0\u2003wide\u3000space\u00a0</div>",
    "<div><br>after a break<br></div>",
]


def _elements(html: str):
    root = fragment_fromstring(html, create_parent="section")
    root.append(etree.Comment("trailing"))
    root.append(etree.ProcessingInstruction("pi", "itemtype='https://schema.org/Article'"))
    root.append(etree.Entity("nbsp"))
    return [root, *root.iter()]


def _outcome(function, *args):
    try:
        return function(*args)
    except Exception as exc:
        return type(exc)


@pytest.mark.parametrize("html", TREES)
def test_visible_text_is_the_whitespace_collapsed_text_content(html):
    for el in _elements(html):
        assert _outcome(visible_text, el) == _outcome(old_visible_text, el)   # a comment: the same error
        if not isinstance(el.tag, str):
            continue
        for chars in (0, 1, 3, 10, 1000):
            assert leading_text(el, chars) == old_leading_text(el, chars)


@pytest.mark.parametrize("pattern, values", [
    (USER_MARK, []),
    (USER_MARK, ["avatar", "avatar", "x", "avatar", "navatar", "avatar"]),   # repeated values: each index found
    (USER_MARK, ["x\navatar", "x\navatar", "avatar\n", "", "", "poster"]),
    (STANDFIRST, ["lead", "article-lead", "leader", "mislead", "lead", "sub-title", "deck deck", "x" * 5000 + " dek"]),
    (STANDFIRST, ["a", "b", "a", "b"]),
])
def test_values_matching_finds_every_index_of_a_repeated_value(pattern, values):
    assert values_matching(pattern, values) == old_values_matching(pattern, values)
    needles = USER_MARK_WORDS if pattern is USER_MARK else rules.STANDFIRST_TOKENS
    assert values_matching(pattern, values, needles) == old_values_matching(pattern, values)


def test_the_needles_are_the_words_of_their_patterns():
    assert USER_MARK.pattern == (r"(?<![a-z])(avatar|username|user-name|userinfo|user-info|postbit|poster|post-author|"
                                 r"message-user|reputation|joined)(?![a-z])")
    for words in (USER_MARK_WORDS, rules.STANDFIRST_TOKENS):
        pattern = USER_MARK if words is USER_MARK_WORDS else STANDFIRST
        assert all(values_matching(pattern, [f"x {word} y"], words) == [0] for word in words)
        assert values_matching(pattern, [w[:-1] + "\n" + w[-1] for w in words], words) == []


@pytest.mark.parametrize("html", [
    "<html><body><div class='a'>x</div><p class=''>y</p><p>z</p></body></html>",
    "<html><head><meta class='lead'></head><body class='body'><div class='lead'><!-- c --><p class='b'>t</p>"
    "</div></body></html>",
    "<html><body><div class='x'><body class='inner'><p class='lead'>a</p></body></div></body></html>",
    "<html><body>" + "<div class='lead'>" * 50 + "</div>" * 50 + "</body></html>",
    "<html><body><div id='only-id'><span class='c' id='d'>t</span></div></body></html>",
])
def test_body_class_values_line_up_with_the_elements(html):
    tree = document_fromstring(html)
    assert BODY_CLASSES(tree) == [el.get("class") for el in tree.xpath(".//body//*[@class]")]
    assert BODY_CLASSED(tree) == tree.xpath(".//body//*[@class]")


def old_token_reason(el) -> str | None:
    if el.tag in prune.NEVER_BY_TOKEN:
        return None
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if not attrs:
        return None
    return prune._token_reason_of(attrs)


@pytest.mark.parametrize("attrs", [
    {}, {"class": ""}, {"id": ""}, {"class": "", "id": ""}, {"class": "sidebar"}, {"id": "sidebar"},
    {"class": "x", "id": "comments"}, {"class": "related", "id": ""}, {"class": "", "id": "menu"},
    {"class": "share", "id": "x"}, {"class": "no", "id": "match"}, {"class": "x" * 300 + " sidebar"},
    {"class": "nav-", "id": "bar"},   # the space between class and id is a token boundary
])
@pytest.mark.parametrize("tag", ["div", "body", "span"])
def test_token_reason_reads_class_and_id_as_one_string(attrs, tag):
    el = etree.SubElement(fragment_fromstring("<div></div>"), tag, attrs)
    assert prune.token_reason(el) == old_token_reason(el)


@pytest.mark.parametrize("text", ["", "r", "re", "rea", "read more: x", "Read More: X", "lea:", "lea", "tags:x",
                                  "关", "相关阅读：x", "ß", "mais", "more", "more:"])
def test_prefix_heads_never_hide_a_prefix(text):
    folded = text.casefold()
    match = prune.PREFIX_PATTERN.match(folded)
    assert bool(folded[:prune.PREFIX_HEAD_CHARS] in prune.PREFIX_HEADS and match) == bool(match)
    for prefix in prune.PREFIX_REASON:
        assert prefix[:prune.PREFIX_HEAD_CHARS] in prune.PREFIX_HEADS


OLD_POST_CANDIDATES = etree.XPath("descendant-or-self::*[self::article or @itemtype or "
                                  "((self::div or self::section or self::li) and @class)]")


def old_is_post_container(el) -> bool:
    if el.tag == "article":
        return True
    if segment.ARTICLE_ITEMTYPE.search(el.get("itemtype") or ""):
        return True
    if el.tag in ("div", "section", "li"):
        return bool(segment.POST_CLASS.search((el.get("class") or "").lower()))
    return False


@pytest.mark.parametrize("html", [
    "<div class='post'><article>a</article><section class=''>b</section><li>c</li><li class='Entry x'>d</li></div>",
    "<div><!-- c --><?pi itemtype='x'?><span itemtype='https://schema.org/NewsArticle'>a</span>"
    "<p itemtype=''>b</p><main class='post'>c</main><div class='HENTRY'>d</div></div>",
    "<div class='" + "x " * 300 + "post'><div class='post-123'>a</div><div class='blog-post'>b</div></div>",
    "<article><div class='story'><li class='news-item'>a</li></div><section itemtype='http://schema.org/BlogPosting'>"
    "b</section></article>",
])
def test_post_containers_are_the_ones_the_xpath_found(html):
    root = fragment_fromstring(html)
    root.append(etree.ProcessingInstruction("pi", "itemtype='https://schema.org/Article'"))
    assert segment._post_candidates(root) == OLD_POST_CANDIDATES(root)
    for el in root.iter():
        if isinstance(el.tag, str):
            assert segment._is_post_container(el) == old_is_post_container(el)


def test_tag_counts_of_page_features_are_the_walks_they_replaced():
    from cleaners.blocks import measure
    from cleaners.metadata import page_metadata
    from cleaners.page_features import _log, page_features
    from cleaners.segment import find_segments
    body_html = ("<pre>a</pre><pre>b</pre><h1>x</h1><h1>y</h1><h1>z</h1><h1>w</h1><time>t</time><!-- c -->"
                 "<article><form><input><select><option>o</select><input></form></article><table><tr><td>1"
                 "</td></tr></table><svg:time>not counted</svg:time><p>" + "text " * 40 + "</p>")
    tree = document_fromstring(f"<html><body>{body_html}</body></html>")
    body = tree.find("body")
    stats = measure(body)
    f = page_features(tree, body, stats, page_metadata(tree, None), find_segments(body, stats))
    count = lambda *tags: sum(1 for _ in body.iter(*tags))   # noqa: E731
    assert f["code_blocks"] == _log(count("pre")) and f["h1"] == min(count("h1"), 3) / 3
    assert f["time_elements"] == _log(count("time")) and f["article_elements"] == _log(count("article"))
    assert f["forms"] == _log(count("form")) and f["inputs"] == _log(count("input", "select"))
    assert f["tables"] == _log(count("table")) and count("input", "select") == 3


@pytest.mark.parametrize("html", TREES)
def test_element_walks_in_c_skip_exactly_the_comments_and_pis(html):
    for root in _elements(html):
        if isinstance(root.tag, str):
            assert list(root.iter(etree.Element)) == [el for el in root.iter() if isinstance(el.tag, str)]


def test_lower_keeps_word_characters_where_it_maps_one_to_one():
    word = re.compile(r"\w")
    changed = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and len(chr(c).lower()) == 1
               and bool(word.match(chr(c))) != bool(word.match(chr(c).lower()))]
    assert changed == []


def test_a_price_in_any_case_leaves_a_needed_string_in_the_lower_cased_text():
    from cleaners.page_features import PRICE_NEEDS, PRICE_TEXT
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    # each character the pattern's letters match in any case, lower-cased, is that letter or a needed string
    for letter in "eursd":
        for c in set(re.findall(letter, every, re.I)):
            assert c.lower() == letter or c.lower() in PRICE_NEEDS, (letter, c)
    for text in ["Only $5", "5 EUR", "10 Usd", "10 uſd", "€10", "5\u00a0€", "no price 10 euros"]:
        assert bool(PRICE_TEXT.findall(text)) <= any(needed in text.lower() for needed in PRICE_NEEDS)


@pytest.mark.parametrize("text", [
    "", "Plain words, and more.", "İstanbul İİ aİb",            # İ lowers to two characters: counted again
    "ΟΔΥΣΣΕΥΣ Σ ΑΣ", "ǅemal ǈ", "ẞtraße", "Kelvin \u212a", "ﬁne ﬂow", "x\u0307y", "日本語のテキスト",
])
def test_word_count_is_the_count_of_the_text_itself(text):
    from cleaners.page_features import WORDS, word_count
    lower = text.lower()
    assert word_count(text, lower, WORDS.findall(lower)) == len(WORDS.findall(text))


@pytest.mark.parametrize("html", TREES)
def test_text_content_reads_a_leaf_as_lxml_does(html):
    from cleaners.blocks import text_content
    for el in _elements(html):
        assert _outcome(text_content, el) == _outcome(lambda e: e.text_content(), el)


@pytest.mark.parametrize("text", ["", "one", "a b c d e f g h i j k l", "a b c d e f g h i j k l m n",
                                  "Ünïcode wörds, " * 10, "日本語 と English 混合 " * 5, "__ x_y -- 1.5 " * 8])
def test_opening_is_the_first_twelve_words(text):
    from cleaners.pipeline import WORD, _opening
    assert _opening(text) == WORD.findall(text.casefold())[:12]


def old_declared_article(root, stats):
    bodies = root.xpath(".//*[@itemprop='articleBody']")
    if len(bodies) == 1:
        return bodies[0]
    articles = [el for el in root.iter("article") if stats.get(el) and stats[el].text]
    return articles[0] if len(articles) == 1 else None


@pytest.mark.parametrize("html", [
    "<div itemprop='articleBody'><p itemprop='articleBody'>a</p><!-- c --><span itemprop='articlebody'>b</span></div>",
    "<div itemprop='articleBody'><p>the root itself is not looked at</p><article>x</article></div>",
    "<div><p itemprop=' articleBody'>a</p><p itemprop='articleBody text'>b</p><p itemprop='articleBody'>c</p></div>",
    "<div><p itemprop='articleBody'>a</p><article><p itemprop='articleBody'>b</p></article></div>",
    "<div><p>none</p><article>text</article></div>",
])
def test_declared_article_is_the_one_the_xpath_found(html):
    from cleaners.blocks import measure
    root = fragment_fromstring(html)
    root.append(etree.ProcessingInstruction("pi", "itemprop='articleBody'"))
    stats = measure(root)
    assert prune.declared_article(root, stats) is old_declared_article(root, stats)


def _words(word: str, n: int) -> str:
    return "<p>" + " ".join(f"{word}{i}" for i in range(n)) + ".</p>"


LEAD = "<article><p>Short lead of the article.</p></article>"
FAST_PASS_PAGES = {
    # the main pass finds the article: no recovery of wild text, the result does not depend on `fast`
    "article": "<article>" + _words("body", 80) + _words("more", 60) + "</article><div class='teaser'>"
               + _words("teaser", 40) + "</div>",
    # the main pass finds too little and the recovery runs; no teaser block for its pruning to drop
    "recovery, no teaser": LEAD + "<section>" + _words("other", 60) + "</section><div>" + _words("wild", 50) + "</div>",
    # ... with a teaser block, which the recovery keeps in fast mode only: nothing is kept for the full pass
    "recovery with a teaser": LEAD + "<div class='Teaser'>" + _words("teaser", 60) + "</div><div>"
                              + _words("wild", 50) + "</div>",
    "nothing": "<p>x</p>",
}


@pytest.mark.parametrize("name", FAST_PASS_PAGES)
def test_full_extraction_given_the_fast_pass_is_trafilaturas(name):
    """The fallback try takes the main extractor's result from the fast pass on the same tree (FastPass):
    the same text as trafilatura as published, and as without the fast pass."""
    from cleaners import trafilatura_patch
    from cleaners.extract import FastPass, extract_body
    tree = document_fromstring(f"<html><body>{FAST_PASS_PAGES[name]}</body></html>")
    memo = FastPass()
    fast = extract_body(tree, None, memo=memo)
    assert fast == extract_body(tree, None)
    kept = set(memo.found)
    assert kept == (set() if name == "recovery with a teaser" else {"balanced"})
    full = extract_body(tree, None, fast=False, memo=memo)
    assert memo.found == {}   # taken
    with trafilatura_patch.trafilatura_as_published():
        assert full == extract_body(tree, None, fast=False)
    assert full == extract_body(tree, None, fast=False)


def test_teaser_blocks_make_the_main_extractor_depend_on_fast():
    """Why a fast pass whose recovery met a teaser block keeps nothing: taken anyway, the text would change."""
    from cleaners import trafilatura_patch
    from cleaners.extract import FastPass, extract_body
    tree = document_fromstring(f"<html><body>{FAST_PASS_PAGES['recovery with a teaser']}</body></html>")
    with trafilatura_patch.trafilatura_as_published():
        published = extract_body(tree, None, fast=False)
    memo = FastPass()
    unguarded = trafilatura_patch.original_recover_wild_text
    import trafilatura.main_extractor as main_extractor
    main_extractor.recover_wild_text = unguarded
    try:
        extract_body(tree, None, memo=memo)
        assert "balanced" in memo.found
        assert extract_body(tree, None, fast=False, memo=memo) != published
    finally:
        main_extractor.recover_wild_text = trafilatura_patch.recover_wild_text


def test_the_fast_and_full_extractions_differ_only_in_fast():
    """The premise of FastPass: trafilatura's options for the two tries are the same but for `fast`."""
    from trafilatura.settings import Extractor
    fast, full = Extractor(fast=True, comments=False, tables=True), Extractor(fast=False, comments=False, tables=True)
    assert {k for k in Extractor.__slots__ if getattr(fast, k) != getattr(full, k)} == {"fast"}


def test_pipeline_fallback_reads_the_tree_with_its_boxes_opened(monkeypatch):
    """Opening the boxes that swallowed the article changes the tree between the tries: the fast pass is
    recorded anew on the opened tree, and the full pass gives the text trafilatura gives for that tree."""
    from cleaners import pipeline
    from cleaners.extract import FastPass, extract_body
    html = ("<html><body><div id='comments'><article>" + _words("body", 80) + _words("more", 60)
            + "</article></div><p>x</p></body></html>")
    tree = document_fromstring(html)
    stale = FastPass()
    before = extract_body(tree, None, memo=stale)   # the comment box and the article in it are dropped
    seen = []
    real = pipeline.extract_body

    def texts(memo):
        return {focus: text for focus, (_, text) in memo.found.items()}

    def spy(doc, url, fast=True, memo=None):
        if not fast:
            fresh = FastPass()
            extract_body(doc, url, memo=fresh)
            seen.append((texts(memo), texts(fresh), texts(stale)))
        text = real(doc, url, fast=fast, memo=memo)
        if not fast:
            seen.append((text, extract_body(doc, url, fast=False)))
        return text

    monkeypatch.setattr(pipeline, "extract_body", spy)
    box = tree.find(".//div")
    pipeline._extract(tree, None, 10_000, 0, lambda: [box], [])
    [(kept, fresh, from_stale), (full, without_memo)] = seen
    assert "body0" not in before and "body0" in full
    assert kept == fresh != from_stale    # a fast pass on the tree before the change would not do
    assert full == without_memo


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.html"))


@pytest.mark.parametrize("page", FIXTURES[::2], ids=lambda p: p.stem)
def test_full_extraction_given_the_fast_pass_on_fixture_pages(page, monkeypatch):
    """The full try given the fast try's pruned raw tree, its page-text measure and main-extractor results:
    trafilatura's text as published; the pruned tree is the same after both tries (none of their steps
    changes it), and the full try prunes nothing itself."""
    from lxml.etree import tostring
    from trafilatura import core

    from cleaners import trafilatura_patch
    from cleaners.decode import decode_html
    from cleaners.extract import FastPass, extract_body
    from cleaners.parse import parse_html
    tree = parse_html(decode_html(page.read_bytes(), {})[0])
    memo = FastPass()
    extract_body(tree, None, memo=memo)
    pruned = memo.pruned
    assert pruned is not None
    before = tostring(pruned)
    prunes = []
    monkeypatch.setattr(trafilatura_patch, "original_core_prune", lambda *args: prunes.append(args) or args[0])
    full = extract_body(tree, None, fast=False, memo=memo)
    monkeypatch.undo()
    assert prunes == [] and tostring(pruned) == before
    with trafilatura_patch.trafilatura_as_published():
        assert core.prune_unwanted_nodes is trafilatura_patch.original_core_prune
        assert full == extract_body(tree, None, fast=False)
