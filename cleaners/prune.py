"""Prune known boilerplate from a page tree before extraction, recording why each block went.

Rules come from cleaners/rules.py (data); the mechanisms here are: class/id tokens, semantic
markup (aside, nav, ARIA roles), whole-block phrases, "Read more:" prefixes, headed widgets
("Trending" + its link list) and link-dense lists. A guard keeps the block that holds the
article's paragraphs, and everything above it, out of reach of every rule.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from . import rules
from .blocks import (TABLE_CELLS, BlockStats, alternation, folded_phrase_key, is_hidden, leading_text, link_density,
                     measure, next_element, previous_element, visible_text, within)
from .layout_tables import LAYOUT_CELL, unlayout_tables
from .records import Removal
from .trafilatura_selectors import dropped_for_its_name

PHRASE_REASON = {p: reason for reason, phrases in rules.PHRASES.items() for p in phrases}
TOKEN_REASON = {t: reason for reason, tokens in rules.MARKUP_TOKENS.items() for t in tokens}
# a whole token; not one the name says is absent ("no-sidebar", "sidebar-enabled--false": layout switches)
TOKEN_PATTERN = re.compile(
    r"(?<![a-z0-9])(?<!no-)(?<!no_)(?<!without-)(" + alternation(TOKEN_REASON) + r")(?![a-z0-9])"
    r"(?!-enabled--false|--false|-disabled|--disabled|--none)")
# credits and copyright notices are judged line by line after extraction (cleaners/paragraphs.py): on a block,
# "© photographer" opens many a figure whose caption and text follow; an appeal's words ("donate today") are
# often a link inside a sentence
LINE_ONLY = ("byline-repeat", "credit-line", "copyright", "donation-appeal")
PREFIX_REASON = {p: reason for reason, ps in rules.PREFIXES.items() if reason not in LINE_ONLY for p in ps}
PREFIX_PATTERN = re.compile(alternation(PREFIX_REASON))
PREFIX_CHARS = max(map(len, PREFIX_REASON))
# the prefixes' opening characters: a set lookup spares most blocks the pattern's 160-odd alternatives
PREFIX_HEAD_CHARS = 3
PREFIX_HEADS = {p[:PREFIX_HEAD_CHARS] for p in PREFIX_REASON}
assert min(map(len, PREFIX_REASON)) >= PREFIX_HEAD_CHARS
# a heading that takes the link list under it along; True: climb to the box holding both first. A tag label
# does not climb: the box around "Tags:" is often the post's meta line, byline and date included.
HEADED_WIDGETS = {"related-heading": True, "most-read": True, "table-of-contents": True, "tag-list": False}
# a button's label set as a heading, or ending in a colon, introduces the links under it: "Weiterlesen:"
# over two headlines is a related list, not a "continue reading" button
LABELS_AS_HEADINGS = {"continue-reading": "related-heading"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# in a table cell a word like "Category" or "Topics" is a column's name, not a widget's; "Email" or "Print" a row's
NOT_IN_CELLS = {"tag-list", "social"}
FOOTNOTE_MARK = re.compile(r"\[?(?:\d{1,3}|[*\u2020\u2021\u00a7])\]?")   # 1, [12], *, †, ‡, §
SMALL_BLOCKS = {"p", "div", "span", "a", "button", "h1", "h2", "h3", "h4", "h5", "h6", "li", "strong",
                "b", "em", "section", "header", "footer", "label", "small", "dt", "dd", "figcaption", "td",
                "blockquote"}   # "<blockquote><b>Read more:</b> <a>headline</a></blockquote>" is a related link
INLINE = {"a", "span", "strong", "b", "em", "i", "small", "label", "code"}
INLINE_SLACK = 3   # a bullet, a pipe or an arrow beside the phrase
CODE = {"pre", "code"}
NEVER_BY_TOKEN = {"html", "body", "main", "head", "title", "meta", "link"}
MAX_PHRASE_CHARS = 90
# "More from the harbour desk", "Más sobre el puerto": a heading that opens with a related-links phrase of two
# words or more, over a list of links, heads that list (alone, "more" or "related" open ordinary headings too)
RELATED_OPENINGS = tuple(p for p in rules.PHRASES["related-heading"] if " " in p)
PAGE_SHARE_MAX = 0.5
# paragraphs that are each one link, one under the other after the article's prose: a related list
LINK_RUN_MIN = 4
LINK_LINE_TAGS = {"p", "div"}
LINK_LINE_MAX = 160   # characters: a headline, not a paragraph that happens to be linked
LAYOUT_CELLS = etree.XPath(f".//*[@{LAYOUT_CELL}]")   # the former cells of a layout table
# markup that names user comments and their forms is trusted even when it holds long paragraphs
STRONG_MARKUP = {"comments", "comment-form", "script"}
DIALOG_ROLES = {"dialog", "alertdialog"}


def semantic_reason(el: HtmlElement) -> str | None:
    tag = el.tag
    if tag == "nav":
        return "navigation"
    if tag == "aside":
        return "sidebar"
    if tag == "footer":
        return "site-footer"
    if tag == "form":
        return "form"
    role = el.get("role")
    if role:
        role = role.lower()
        if role in ("navigation", "menubar", "menu"):
            return "navigation"
        if role == "complementary":
            return "sidebar"
        if role == "contentinfo":
            return "site-footer"
        if role in DIALOG_ROLES:
            return "cookie-notice"
    if el.get("itemprop") == "comment" or "Comment" in (el.get("itemtype") or ""):
        return "comments"
    return None


def markup_reason(el: HtmlElement) -> str | None:
    """What the element's own markup calls it: its tag or role first, then its class and id tokens."""
    return semantic_reason(el) or token_reason(el)


def in_marked_box(el: HtmlElement) -> bool:
    """The element, or a box around it below <body>, is named boilerplate by its markup (a footer, a menu,
    a sidebar, a consent or login box)."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if markup_reason(node):
            return True
    return False


def token_reason(el: HtmlElement) -> str | None:
    if el.tag in NEVER_BY_TOKEN:
        return None
    cls, ident = el.get("class"), el.get("id")
    if cls:   # " ".join of the non-empty ones, without building a tuple and a filter for each element
        attrs = cls + " " + ident if ident else cls
    elif ident:
        attrs = ident
    else:
        return None
    return _remembered_token_reason(attrs) if len(attrs) <= REMEMBERED_CHARS else _token_reason_of(attrs)


def _token_reason_of(attrs: str) -> str | None:
    match = TOKEN_PATTERN.search(attrs.lower())
    return TOKEN_REASON[match.group(1)] if match else None


# pages repeat their class names (every menu item, every card) and the token search is the costly part:
# a name is searched once; only short ones are remembered, so huge attribute values cannot fill the memory
REMEMBERED_CHARS = 200
_remembered_token_reason = lru_cache(maxsize=8192)(_token_reason_of)


SLUG_WORD = re.compile(r"[^\W_]+")
ANCHOR_LEVELS = 2   # the box opens with the heading: as its first child, or its first child's


def unname_heading_anchors(root: HtmlElement) -> list[str]:
    """A section whose id is its own heading made into an anchor ("menu-innovation-strategies" over
    "Menu Innovation Strategies") loses the id when a name rule (ours or trafilatura's) would read it as a
    menu or a sidebar: the id says what the section is about, not what the box is. Runs before the pruning;
    looked for from the page's headings up. Returns what was renamed, for scrape explain."""
    renamed = []
    for heading in root.iter(*HEADING_TAGS):
        node = heading
        for _ in range(ANCHOR_LEVELS):
            box = node.getparent()
            if box is None or box[0] is not node:
                break
            ident = box.get("id")
            if ident and ("-" in ident or "_" in ident) and _anchors(ident, heading) \
                    and (token_reason(box) or dropped_for_its_name(box)):
                del box.attrib["id"]
                renamed.append(f"took the anchor id '{ident[:80]}' off a section: name rules read it as boilerplate")
            node = box
    return renamed


def _anchors(ident: str, heading: HtmlElement) -> bool:
    """The id is the heading's opening words, and the heading is no boilerplate label ("Related posts")."""
    text = visible_text(heading).casefold()   # as the phrase rules read a block
    words = SLUG_WORD.findall(ident.casefold())
    return words == SLUG_WORD.findall(text)[:len(words)] and folded_phrase_key(text) not in PHRASE_REASON


def find_main(root: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> HtmlElement | None:
    """The deepest element that still holds most of the page's long paragraphs (never a hidden popup: the
    copy of the story a "Republish" dialog holds may be longer than the story)."""
    total = stats[root].paragraphs
    if total == 0:
        return None
    node = root
    while True:
        best = max((c for c in node if isinstance(c.tag, str) and not _hidden_dialog(c)),
                   key=lambda c: stats[c].paragraphs, default=None)
        if best is None or stats[best].paragraphs < 0.6 * total:
            return node
        node = best


def declared_article(root: HtmlElement, stats: dict[HtmlElement, BlockStats]) -> HtmlElement | None:
    """The page's own word for where its article is: the one element marked itemprop="articleBody", else
    the one <article> with text. A short post has too few long paragraphs for find_main to settle on it,
    and the box around it may carry a layout class such as "cb-sidebar-right"."""
    # (a walk in Python: the elements have their objects already, and the XPath's predicate costs more)
    bodies = [el for el in root.iterdescendants(etree.Element) if el.get("itemprop") == "articleBody"]
    if len(bodies) == 1:
        return bodies[0]
    articles = [el for el in root.iter("article") if stats.get(el) and stats[el].text]
    return articles[0] if len(articles) == 1 else None


class Pruner:
    """Removes boilerplate blocks from one tree; `removals` lists what went and why."""

    def __init__(self, root: HtmlElement, stats: dict[HtmlElement, BlockStats] | None = None):
        self.root = root
        self.stats = stats if stats is not None else measure(root)
        self.main = find_main(root, self.stats)
        self.protected = set(self.main.iterancestors()) | {self.main} if self.main is not None else {root}
        declared = declared_article(root, self.stats)
        if declared is not None:
            self.protected |= set(declared.iterancestors()) | {declared}
        self.main_text = self.stats[self.main].text if self.main is not None else self.stats[root].text
        self.page_text = self.stats[root].text
        self.removals: list[Removal] = []
        self.removed: set[HtmlElement] = set()
        self.layout_cells: list[HtmlElement] = []   # the former cells of layout tables around the main block

    def read_layout_tables(self) -> list[str]:
        """Layout tables around the main block read as blocks (layout_tables.py); their cells are kept for
        the link-column rule, so pages without one (nearly all) are not searched for them."""
        repairs = unlayout_tables(self.root, self.stats, self.main)
        if repairs:
            self.layout_cells = LAYOUT_CELLS(self.root)
        return repairs

    def may_remove(self, el: HtmlElement) -> bool:
        if not self._outside_main_path(el):
            return False
        s = self.stats.get(el)
        if s is None:
            return True
        # a block holding half the page, or a large share of the article, is never boilerplate by a
        # surface rule (whole pages wrapped in <form>, articles inside a box called "comments")
        if s.text > PAGE_SHARE_MAX * self.page_text:
            return False
        return s.text <= 0.4 * max(self.main_text, 1) or not self._inside_main(el)

    def _outside_main_path(self, el: HtmlElement) -> bool:
        """Neither the main block nor a box around it."""
        return el not in self.protected and el.getparent() is not None

    def is_prose(self, el: HtmlElement) -> bool:
        """Several long paragraphs with few links: article prose, whatever its markup calls it."""
        s = self.stats[el]
        return s.paragraphs >= 3 or (s.paragraphs >= 2 and link_density(s) < 0.3)

    def _inside_main(self, el: HtmlElement) -> bool:
        return self.main is not None and any(a is self.main for a in el.iterancestors())

    def is_text_in_main(self, el: HtmlElement) -> bool:
        """A sizeable, link-poor block inside the article (page builders call every block a "widget")."""
        s = self.stats[el]
        return s.text >= 300 and link_density(s) < 0.3 and self._inside_main(el)

    def remove(self, el: HtmlElement, reason: str) -> None:
        if el in self.removed or any(a in self.removed for a in el.iterancestors()):
            return
        self.removals.append(Removal(reason, visible_text(el)[:2000]))
        self.removed.add(el)
        el.drop_tree()

    def run(self) -> list[Removal]:
        candidates: list[tuple[HtmlElement, str]] = []
        for el in self.root.iter(etree.Element):   # elements only, picked in C
            reason = markup_reason(el)
            if reason and reason not in STRONG_MARKUP and (self.is_prose(el) or self.is_text_in_main(el)):
                # markup names are hints; prose inside a "sidebar" or "menu" box stays. A hidden dialog is
                # a popup whatever it holds (a "Republish this story" box with the story's copy in it)
                reason = "popup" if _hidden_dialog(el) else None
            reason = reason or self._phrase_reason(el)
            if reason and (self.may_remove(el) or reason == "popup" and self._outside_main_path(el)):
                candidates.append((el, reason))   # (nobody sees a hidden popup, however much it holds)
        for el, reason in candidates:
            if reason in LABELS_AS_HEADINGS and self._is_label(el):
                reason = LABELS_AS_HEADINGS[reason]
            if reason in HEADED_WIDGETS:
                self._remove_widget(el, reason)
            else:
                self.remove(el, reason)
        self._remove_unclosed_navigation()
        self._remove_link_lists()
        self._remove_trailing_link_runs()
        self._remove_footnote_markers()
        return self.removals

    def _remove_footnote_markers(self) -> None:
        """A footnote's reference mark, a number in <sup> linking to the note on the page: in plain text it
        sticks to the word before it ("periodontal disease.1", "anyway1"). The note itself stays."""
        markers = [sup for sup in self.root.iter("sup") if FOOTNOTE_MARK.fullmatch(sup.text_content().strip())
                   and any((a.get("href") or "").startswith("#") for a in sup.iter("a"))]
        for sup in markers:
            self.remove(sup, "footnote-marker")

    def _remove_unclosed_navigation(self) -> None:
        """A <nav> left unclosed holds the rest of the page, the article too: the parser nests everything after
        it inside. What it held ahead of the article is the menu itself: each block before the article's
        branch goes, unless it has a headline or a paragraph of prose (a lead set before the body)."""
        if self.main is None:
            return
        path = [self.main, *self.main.iterancestors()]
        for depth, box in enumerate(path):
            if box.tag != "nav" and (box.get("role") or "").lower() != "navigation":
                continue
            for node in path[:depth]:
                for sib in node.itersiblings(preceding=True):
                    s = self.stats.get(sib)
                    if s is not None and s.text and not s.paragraphs and next(sib.iter("h1"), None) is None:
                        self.remove(sib, "unclosed-navigation")
            return

    def swallowing_boxes(self) -> list[HtmlElement]:
        """Boxes around the article that call themselves boilerplate yet hold most of the page: a
        newsletter popup or a menu left unclosed, so the parser nested the rest of the page in it; or a
        box whose name trafilatura's rules drop (a post inside "commentOnSelection"). The extractor's own
        cleaning would throw the article away with them (see open_boxes)."""
        boxes = []
        for el in (self.main, *self.main.iterancestors()) if self.main is not None else ():
            s = self.stats.get(el)
            if s is None:
                break   # above the root this pruner measured (tag soup can put <body> inside a <div>)
            if el.tag not in NEVER_BY_TOKEN and s.text > PAGE_SHARE_MAX * self.page_text \
                    and (markup_reason(el) or dropped_for_its_name(el)):
                boxes.append(el)
        return boxes

    def _phrase_reason(self, el: HtmlElement) -> str | None:
        s = self.stats[el]
        if el.tag not in SMALL_BLOCKS or s.text == 0 or s.text > 400:
            return None
        if s.text <= MAX_PHRASE_CHARS:
            folded = visible_text(el).casefold()
            key = folded_phrase_key(folded)
            reason = PHRASE_REASON.get(key)
            if reason and self._stands_alone(el, s) and not self._column_name(el, reason):
                return reason
            if key.startswith(RELATED_OPENINGS) and self._is_label(el) and self._heads_link_list(el):
                return "related-heading"
        else:
            folded = leading_text(el, PREFIX_CHARS).casefold()   # a prefix needs only the start of a longer block
        match = folded[:PREFIX_HEAD_CHARS] in PREFIX_HEADS and PREFIX_PATTERN.match(folded)
        if match:
            reason = PREFIX_REASON[match.group(0)]
            # "Read more: <headline link>" goes; a real sentence that starts alike stays
            if (reason != "related-link" or link_density(s) > 0.5 or s.text < 120) and not self._column_name(el, reason):
                return reason
        return None

    def _heads_link_list(self, el: HtmlElement) -> bool:
        """The next block is a list of links (two or more, mostly link text, no paragraph)."""
        if el.tail and el.tail.strip():
            return False
        sib = next_element(el)
        if sib is None:
            return False
        ss = self.stats.get(sib)
        return ss is not None and ss.links >= 2 and _links_only(ss)

    @staticmethod
    def _is_label(el: HtmlElement) -> bool:
        return el.tag in HEADING_TAGS or visible_text(el).rstrip().endswith((":", "："))

    @staticmethod
    def _column_name(el: HtmlElement, reason: str) -> bool:
        return reason in NOT_IN_CELLS and within(el, TABLE_CELLS)

    def _stands_alone(self, el: HtmlElement, s: BlockStats) -> bool:
        """A phrase names a whole block, not a word in running text: an inline element ("<a>sign in</a>" in a
        sentence, a highlighted word in a code listing) matches only when its parent holds little else but links."""
        if el.tag in INLINE:
            parent = el.getparent()
            ps = self.stats.get(parent) if parent is not None else None
            # what else the parent holds, links aside ("<strong>Lire aussi</strong> <a>headline</a>" is a widget)
            if ps is not None and (ps.text - s.text) - (ps.link_text - s.link_text) > INLINE_SLACK:
                return False
        return not any(a.tag in CODE for a in el.iterancestors())

    def _remove_widget(self, heading: HtmlElement, reason: str) -> None:
        """A heading like "Trending" or "More:" takes the link list under it along."""
        block = heading
        # climb to the widget box while the rest of it is links (the box of a headed list)
        while HEADED_WIDGETS[reason]:
            parent = block.getparent()
            if parent is None or not self.may_remove(parent) or parent in self.protected:
                break
            ps = self.stats[parent]
            rest_text = ps.text - self.stats[heading].text
            rest_links = ps.link_text - self.stats[heading].link_text
            if ps.paragraphs or rest_text <= 0 or rest_links < 0.6 * rest_text:
                break
            block = parent
        siblings = []
        between = block.tail   # the text between the heading (or the last link taken) and the next sibling
        for sib in block.itersiblings():
            if between and len(between.strip()) > INLINE_SLACK:
                break   # running text: the links are words of it ("<h2>..</h2><br> text <a>link</a> text")
            between = sib.tail
            if not isinstance(sib.tag, str):
                continue
            if sib.tag in INLINE and block.tag not in INLINE:
                break   # a block heading's list is made of blocks; a link beside text is a sentence's
            ss = self.stats[sib]
            if ss.text == 0:
                continue
            if _links_only(ss):
                siblings.append(sib)
                continue
            break
        self.remove(block, reason)
        for sib in siblings:
            self.remove(sib, "related-list" if reason == "related-heading" else reason)

    def _remove_link_lists(self) -> None:
        """Lists beside the article whose items are each just a link to another page. Inside the
        article a link list goes only under a "Related"/"More:" heading (see _remove_widget)."""
        for el in list(self.root.iter("ul", "ol")):
            if el in self.removed or not self.may_remove(el) or any(a in self.removed for a in el.iterancestors()):
                continue
            if self._inside_main(el):
                continue
            items = [li for li in el if li.tag == "li"]
            s = self.stats[el]
            if len(items) >= 2 and s.links >= len(items) and link_density(s) >= 0.8 and s.links >= 2:
                if all(self.stats[li].text < 160 for li in items):
                    self.remove(el, f"link-density {link_density(s):.2f}")
        # a column of a layout table that is links alone (set apart by <br>s): the site's menu
        for el in self.layout_cells:
            s = self.stats.get(el)
            if s is not None and s.links >= 3 and link_density(s) >= 0.8 and not s.paragraphs and \
                    el not in self.protected and not self._inside_main(el) and self.may_remove(el):
                self.remove(el, f"link-density {link_density(s):.2f}")

    def _remove_trailing_link_runs(self) -> None:
        """Links to other pages set as paragraphs, one under the other, after the article's last paragraph
        of prose: a related list without the list markup ("Average costs in Boston", "... in Chicago", ...).
        A table of contents (links to "#" anchors), a list of sources and runs with prose after them stay."""
        if self.main is None:
            return
        runs: list[list[HtmlElement]] = []
        lines: set[HtmlElement] = set()
        for el in self.main.iter(*LINK_LINE_TAGS):
            if el.getparent() in lines or not self._is_link_line(el):
                continue   # (a <p> inside a link line <div> is the same line)
            lines.add(el)
            last = runs[-1][-1] if runs else None
            if last is not None and next_element(last) is el and not _text_between(last, el):
                runs[-1].append(el)
            else:
                runs.append([el])
        for run in runs:
            if len(run) < LINK_RUN_MIN or self._prose_after(run[-1]) or not all(map(self.may_remove, run)):
                continue
            before = previous_element(run[0])
            if before is not None and before.tag in HEADING_TAGS and not (before.tail and before.tail.strip()) \
                    and self.may_remove(before):
                self.remove(before, "related-heading")
            for el in run:
                self.remove(el, "related-list")

    def _is_link_line(self, el: HtmlElement) -> bool:
        """A paragraph that is one link to another page and nothing else. A link that shows its address
        is a source cited, not a headline offered."""
        s = self.stats.get(el)
        if s is None or s.links != 1 or not s.text or s.text > LINK_LINE_MAX or s.link_text + INLINE_SLACK < s.text:
            return False
        link = next(el.iter("a"), None)
        return link is not None and not (link.get("href") or "").lstrip().startswith("#") \
            and not visible_text(link).lstrip().lower().startswith(("http:", "https:", "www."))

    def _prose_after(self, el: HtmlElement) -> bool:
        """Is there a paragraph of prose after el in the article?"""
        node = el
        while node is not None and node is not self.main:
            for sib in node.itersiblings():
                s = self.stats.get(sib)
                if s is not None and s.paragraphs:
                    return True
            node = node.getparent()
        return False


def _hidden_dialog(el: HtmlElement) -> bool:
    return (el.get("role") in DIALOG_ROLES or el.get("aria-modal") == "true") and is_hidden(el)


def _text_between(a: HtmlElement, b: HtmlElement) -> bool:
    """Running text between two sibling blocks (a's tail, or any comment's tail before b)."""
    node = a
    while node is not None and node is not b:
        if node.tail and len(node.tail.strip()) > INLINE_SLACK:
            return True
        node = node.getnext()
    return False


def _links_only(s: BlockStats) -> bool:
    """A block of links: mostly link text, no paragraph (what a heading's widget list is made of)."""
    return bool(s.links) and link_density(s) >= 0.6 and not s.paragraphs


def open_boxes(boxes: list[HtmlElement]) -> list[str]:
    """Each box becomes a plain <div>: no boilerplate tag, role, class or id left for an extractor to drop
    it by. Returns what was opened, for scrape explain."""
    opened = [f"opened <{el.tag}{_named(el)}>, marked {markup_reason(el) or 'by a name trafilatura drops'}: "
              "it held the article" for el in boxes]
    for el in boxes:
        for attr in ("class", "id", "role", "itemprop", "itemtype"):
            el.attrib.pop(attr, None)
        el.tag = "div"
    return opened


def _named(el: HtmlElement) -> str:
    return "".join(f' {attr}="{el.get(attr)[:60]}"' for attr in ("id", "class", "role") if el.get(attr))
