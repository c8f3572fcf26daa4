"""Page metadata: structured sources first (JSON-LD, Open Graph, article:*, itemprop), then
trafilatura's metadata readers for what they leave open. Dates are read in dates.py: htmldate picks the
publish day; the markup gives its time, and dates keep their offset."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

from . import rules
from .blocks import LONG_PARAGRAPH, WORD, alternation, next_element, unescape_text, values_matching, word_key
from .bylines import byline_names, byline_text, labelled_byline, trimmed_name
from .dates import (DATE_CONFIG, DATE_MODIFY_META, DATE_PUBLISH_META, DAY_AND_MONTH, MICRODATA_PUBLISHED,
                    as_page_shows, guarded, headline_date, htmldate_markup_day, iso_date, publish_candidates,
                    publish_day)
from .prune import in_marked_box
from .recipe import declared_ingredients, declared_steps

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
                 "techarticle", "liveblogposting", "socialmediaposting", "posting", "report", "satiricalarticle"}
DESCRIPTION_META = ("og:description", "description", "twitter:description")


@dataclass
class PageMeta:
    url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date_publish: str | None = None
    date_modify: str | None = None
    site_name: str | None = None
    description: str | None = None
    language: str | None = None
    topics: list[str] = field(default_factory=list)
    image_url: str | None = None
    types: set[str] = field(default_factory=set)     # JSON-LD @type and og:type, lower-case
    article_body: str | None = None                   # JSON-LD articleBody of the page's Article, the longest
    recipe_ingredients: list[str] = field(default_factory=list)   # JSON-LD Recipe: its recipeIngredient
    recipe_steps: list[str] = field(default_factory=list)         # and its recipeInstructions, as texts
    headline: str | None = None                       # the page's own <h1>, when it has one
    shown_headline: str | None = None                 # its one <h1> that is not the site's name: the record's title
    standfirst: str | None = None                     # the lead under the headline, marked as such
    lead: str | None = None                           # what opens the article above the body: that standfirst,
                                                      # or the paragraph under the <h1> declared the page's summary
    date_search_pending: bool = False                 # no markup date; htmldate's text search not yet run
    date_candidates: list[str] = field(default_factory=list)   # markup dates, for the text search's day
    body_classes: list[str] | None = None             # the class values under <body>, lower-cased, once read:
                                                      # the standfirst and the page-kind features share them


def absolute_url(url: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, or None for anything else (javascript:, mailto:, malformed)."""
    if not url:
        return None
    try:
        url = urljoin(base, url.strip()) if base else url.strip()
        return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname else None
    except ValueError:
        return None


def _json_ld_objects(tree: HtmlElement) -> list[dict]:
    found: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            found.append(node)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                if isinstance(node.get(key), (list, dict)):
                    walk(node[key])

    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
    return found


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t]) if x}


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _meta(tree: HtmlElement) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and content.strip():
            out.setdefault(key, []).append(content.strip())
    return out


def _first(meta: dict[str, list[str]], keys) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key][0]
    return None


# " | ", " - ", " – ", " :: ", " · " and the like between a headline and the site's name
TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»:]{1,2})\s+|\s*\|\s*")
HEADLINE_CHARS = (8, 300)   # an <h1> this long can be the headline (a logo's "Home", a pasted story cannot)
# an <h1>'s text as shown: the rules of a <style> inside it are not words of the headline
SHOWN_TEXT = etree.XPath("descendant-or-self::text()[not(ancestor::style or ancestor::script)]", smart_strings=False)
MIN_SITE_KEY = 4


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _site_keys(site_name: str | None, url: str | None) -> set[str]:
    keys = {_key(site_name)} if site_name else set()
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        host = ""
    labels = host.removeprefix("www.").split(".")
    if len(labels) >= 2:
        keys |= {_key(".".join(labels)), _key(labels[-2]), _key(".".join(labels[:-1]))}
    return {k for k in keys if len(k) >= MIN_SITE_KEY}


def _names_site(segment: str, keys: set[str]) -> bool:
    key = _key(segment)
    # the segment is the site's name, part of it ("LoadUp" of goloadup.com), or the name with a little
    # more ("Piratenpartei Österreichs" of piratenpartei.at) -- not a headline that mentions the site
    return len(key) >= MIN_SITE_KEY and any(key in k or (k in key and len(key) <= 2 * len(k)) for k in keys)


def names_only_the_site(authors: list[str], site_name: str | None, url: str | None) -> bool:
    """The authors are the site itself ("National Geographic" on nationalgeographic.co.uk): what a CMS puts in
    the author field when the byline on the page names the person."""
    keys = _site_keys(site_name, url)
    return bool(authors) and bool(keys) and all(_names_site(name, keys) for name in authors)


def title_without_site(title: str | None, site_name: str | None, url: str | None) -> str | None:
    """"Headline | Site" and "Site - Headline" become "Headline": the site's part goes when it names the
    site (its og:site_name or its domain); a separator inside the headline stays."""
    if not title:
        return title
    title = title.strip().rstrip(" |-–—·•:").strip() or title.strip()
    keys = _site_keys(site_name, url)
    if not keys:
        return title
    parts = TITLE_SEPARATOR.split(title)
    found = len(parts)
    # the site's part is the shorter one; a leading part goes only when it is the site's name exactly
    # ("Welpen kaufen – Tipps ..." on welpenkaufen24.de is a headline that starts with the topic)
    while len(parts) > 1 and _names_site(parts[-1], keys) and len(parts[-1]) < len(" ".join(parts[:-1])):
        parts.pop()
    while (len(parts) > 1 and _key(parts[0]) in keys and _names_site(parts[0], keys)
           and len(parts[0]) < len(" ".join(parts[1:]))):
        parts.pop(0)
    if len(parts) == found:
        return title
    # rebuild from the original text so the headline's own separators stay as written
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else title


EMAIL = re.compile(r"\S+@\S+\.\w+")
URL_OR_TAG = re.compile(r"<[^>]*>|\b(?:https?://|www\.)\S*|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*", re.I)
NOT_AUTHOR_NAMES = frozenset(rules.NOT_AUTHOR_NAMES)
NOT_NAME_ENDINGS = frozenset(rules.NOT_NAME_ENDINGS)
NAME_DECORATION = " \t\n\r\f\v\xa0\u3000,;:|-–—·"   # white space and separators left at either end once a
                                                     # link or an address is cut out


def author_names(names: list[str]) -> list[str]:
    """Names only: markup, links and (beside a name) e-mail addresses cut out; a byline's label cut off ("Von
    Jane Doe"), and what it printed after the name ("Jane Doe June 3", "Jane Doe Staff Writer"); entries that
    are a label ("Posted", "Article by"), a date ("March 3", "4 mai"), a credential or a job ("PhD",
    "Security Expert") dropped; case-insensitive duplicates go."""
    kept = []
    for entry in names:
        entry = URL_OR_TAG.sub("", unescape_text(entry) or "").strip(NAME_DECORATION)
        without_email = EMAIL.sub("", entry).strip(NAME_DECORATION)
        entry = without_email or entry   # an address alone is what the page gives as the author
        kept += [name for name in byline_names(entry) or [trimmed_name(entry)] if _names_someone(name)]
    return dedupe(kept)


def _names_someone(name: str) -> bool:
    """Not a label, a date, a credential or a job ("Posted", "March 3", "PhD", "Security Expert")."""
    folded = name.casefold()
    words = folded.rstrip(".").split()
    return bool(words) and folded not in NOT_AUTHOR_NAMES and not DAY_AND_MONTH.fullmatch(name) \
        and words[-1] not in NOT_NAME_ENDINGS


def split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = re.split(r"\s*(?:;|,|\band\b|\bund\b|\bet\b|\by\b|&|\|)\s*", value)
    return [p.strip() for p in parts if p.strip() and len(p.strip()) < 80]


def page_metadata(tree: HtmlElement, url: str | None, search_text: bool = True) -> PageMeta:
    """The page's metadata. With search_text=False a page whose markup gives no date is left with
    date_search_pending for search_page_date, which the pipeline runs only when the date matters."""
    meta = _meta(tree)
    pm = PageMeta()
    ld_objects = _json_ld_objects(tree)
    for obj in ld_objects:
        types = _types(obj)
        pm.types |= types
        if types & ARTICLE_TYPES:
            pm.title = pm.title or (obj.get("headline") if isinstance(obj.get("headline"), str) else None)
            pm.authors = pm.authors or _names(obj.get("author"))
            pm.date_publish = pm.date_publish or iso_date(str(obj.get("datePublished") or ""))
            pm.date_modify = pm.date_modify or iso_date(str(obj.get("dateModified") or ""))
            body = obj.get("articleBody")
            if isinstance(body, str) and len(body) > len(pm.article_body or ""):
                pm.article_body = unescape_text(body.strip())
            keywords = obj.get("keywords")
            if isinstance(keywords, str):
                pm.topics += [k.strip() for k in keywords.split(",") if k.strip()]
            elif isinstance(keywords, list):
                pm.topics += [str(k).strip() for k in keywords if str(k).strip()]
        if "recipe" in types and not pm.recipe_ingredients:
            pm.recipe_ingredients, pm.recipe_steps = declared_ingredients(obj), declared_steps(obj)
    og_type = _first(meta, ["og:type"])
    if og_type:
        pm.types.add(og_type.lower())
    pm.date_publish = pm.date_publish or iso_date(_first(meta, DATE_PUBLISH_META))
    pm.date_modify = pm.date_modify or iso_date(_first(meta, DATE_MODIFY_META))
    microdata_dates = [d for el in MICRODATA_PUBLISHED(tree) if (d := iso_date(el.get("datetime") or el.get("content")))]
    pm.date_publish = pm.date_publish or next(iter(microdata_dates), None)
    date_candidates = publish_candidates(tree, meta, ld_objects, microdata_dates)
    if pm.date_publish:
        pm.date_publish = as_page_shows(pm.date_publish, date_candidates)
    if not pm.authors:
        pm.authors = [a for v in meta.get("article:author", []) + meta.get("author", []) for a in split_authors(v)
                      if not a.startswith("http")]
    for key in ("article:section", "article:tag"):
        pm.topics += meta.get(key, [])

    # trafilatura's own readers fill what the structured sources left open (each only when needed:
    # the author and title searches walk the whole tree)
    doc = examine_meta(tree)
    try:
        doc = extract_meta_json(tree, doc)
    except Exception:  # trafilatura's JSON-LD reader trips on odd shapes; ours above already ran
        pass
    h1s = _h1_texts(tree)
    pm.headline = h1s[0] if h1s else None
    pm.title = (pm.title or doc.title or _title_on_page(tree, h1s) or "").strip() or None
    pm.description = unescape_text(_first(meta, DESCRIPTION_META) or doc.description)
    summaries = [value for key in DESCRIPTION_META for value in meta.get(key, [])]
    pm.body_classes = [value.lower() for value in BODY_CLASSES(tree)]
    pm.standfirst, pm.lead = _standfirst(tree, pm.title, summaries, pm.body_classes)
    if pm.headline and (not pm.title or (pm.headline.casefold() in pm.title.casefold()
                                         and len(pm.headline) < len(pm.title))):
        # "Kicker: Headline | Site" in <title>/og:title; the on-page headline is the article's title
        pm.title = pm.headline
    if not pm.authors and doc.author and " " in doc.author:
        pm.authors = split_authors(doc.author)
    canonical = tree.find(".//link[@rel='canonical']")
    declared = (canonical.get("href") if canonical is not None else None) or _first(meta, ["og:url"])
    pm.url = absolute_url(declared, url) or absolute_url(url, None)
    if pm.date_publish:
        # with a markup date at hand only htmldate's markup steps weigh in: its search of the page's text
        # (about 25 ms a page) would only second-guess the markup, and on the corpora it did so for the worse
        pm.date_publish = publish_day(pm.date_publish, date_candidates,
                                       iso_date(htmldate_markup_day(tree, pm.url)))
    else:
        pm.date_search_pending, pm.date_candidates = True, date_candidates
        if search_text:
            search_page_date(tree, pm)
    pm.site_name = unescape_text(_first(meta, ["og:site_name", "application-name"]) or doc.sitename
                                 or extract_sitename(tree))
    pm.title = title_without_site(unescape_text(pm.title), pm.site_name, pm.url)
    pm.shown_headline = _only_headline(tree, pm.site_name, pm.url, pm.title)
    pm.image_url = _first(meta, ["og:image", "twitter:image"]) or doc.image
    topics = pm.topics + list(doc.categories or []) + list(doc.tags or []) + _rel_tags(tree)
    pm.topics = dedupe([t for topic in topics for t in re.split(r"\s*[,，、;]\s*", topic)])
    pm.language = _language(tree, meta)
    pm.authors = author_names(pm.authors)
    return pm


def search_page_date(tree: HtmlElement, pm: PageMeta) -> None:
    """For a page whose markup gave no date: the date stamp shown under its headline, else htmldate's whole
    search, the page's text included. htmldate prefers the oldest date it finds (original_date), and on a page
    without markup that is often a link of the archive beside the post ("/archive/2014/01/"), not the stamp
    its readers see (on the dev corpora the stamp matched the gold 17 times where the two differed, htmldate 1)."""
    if pm.date_search_pending:
        pm.date_search_pending = False
        shown = headline_date(tree)
        if shown:
            pm.date_publish = shown
            return
        pm.date_publish = publish_day(None, pm.date_candidates,
                                       iso_date(guarded(find_date, tree, url=pm.url, **DATE_CONFIG)))


LEAD_MIN_WORDS = 6   # "Updated 3 June" is no lead
LEAD_MIN_CHARS, LEAD_MAX_CHARS = 40, 1000
SUMMARY_OPENING = 60   # characters of a paragraph that must open the page's declared summary alike
STANDFIRST = re.compile(r"(?<![a-z0-9])(" + alternation(rules.STANDFIRST_TOKENS) + r")(?![a-z0-9])")
# the class values of the body's elements, one per element in document order, as plain strings: most pages
# have no standfirst class, and a Python object for each of their elements cost more than the search
BODY_CLASSES = etree.XPath(".//body//*/@class", smart_strings=False)
BODY_CLASSED = etree.XPath(".//body//*[@class]")


def _standfirst(tree: HtmlElement, title: str | None = None, summaries: list[str] = (),
                body_classes: list[str] | None = None) -> tuple[str | None, str | None]:
    """The standfirst (the marked lead, for `description`) and the text that opens the article: the lead
    after the page's headline and before its first body paragraph. Extractors drop leads marked "teaser"
    or kept in the header; one in that place is the article's opening text (trafilatura_eval counts it so),
    not a card's summary further down. The first marked block that opens the article is both; failing one,
    the standfirst is the first marked block."""
    if body_classes is None:
        body_classes = [value.lower() for value in BODY_CLASSES(tree)]
    matched = values_matching(STANDFIRST, body_classes, rules.STANDFIRST_TOKENS)
    elements = BODY_CLASSED(tree) if matched else []
    first = None
    candidates: dict[HtmlElement, str] = {}
    for index in matched:
        text = _text(elements[index])
        if LEAD_MIN_CHARS <= len(text) <= LEAD_MAX_CHARS:
            first = first or text
            if _lead_sized(text):
                candidates[elements[index]] = text
    if (dek := _subheadline(tree, title)) is not None:
        candidates[dek[0]] = dek[1]
    lead = _opening_lead(tree, candidates, summaries)
    if lead is None:
        return first, None
    if lead in candidates:
        return candidates[lead], candidates[lead]
    return first, _text(lead)   # a paragraph declared the summary: the marked lead, if any, stays the standfirst


def _subheadline(tree: HtmlElement, title: str | None) -> tuple[HtmlElement, str] | None:
    """A sentence set as an <h2> right under the headline <h1> (in the same <hgroup> or header box) is the
    article's dek, whatever its class: a section heading never comes straight after the headline with no
    text between. The <h1> must be the headline (the page's title opens with it): on many blogs it is the
    blog's name, and the <h2> under it the blog's motto."""
    h1 = next(tree.iter("h1"), None)
    headline = word_key(h1.text_content()) if h1 is not None else ""
    if not headline or not word_key(title or "").startswith(headline):
        return None
    after = next_element(h1)
    if after is None or after.tag != "h2" or in_marked_box(after):
        return None
    text = _text(after)
    return (after, text) if _lead_sized(text) else None


def _opening_lead(tree: HtmlElement, candidates: dict[HtmlElement, str], summaries: list[str]) -> HtmlElement | None:
    """The first candidate after a headline (the page's <h1>, or an <h2>/<h3> of three words or more right
    before it, outside menus) and before any body paragraph. One walk of the tree for all candidates.
    A paragraph above the headline (a notice banner) is no body text: the article starts at its headline.
    The first paragraph under the headline is the lead, whatever its markup, when the page declares it its
    summary (a meta description opens alike): extractors drop it where it sits in the header."""
    summary_openings = {_opening_key(summary) for summary in summaries} - {""}
    seen_h1 = heading_before = False
    for el in tree.iter("h1", "h2", "h3", "p", *{el.tag for el in candidates}):
        if el in candidates and (seen_h1 or heading_before):
            return el
        if el.tag == "h1":
            seen_h1 = True
        elif el.tag in ("h2", "h3"):
            heading_before = len(el.text_content().split()) >= 3 and not in_marked_box(el)
        elif el.tag == "p" and (seen_h1 or heading_before):
            # whitespace collapsed: a date line indented by its template is no paragraph of prose
            text = _text(el)
            if len(text) < LONG_PARAGRAPH or in_marked_box(el):
                continue
            if _opening_key(text) in summary_openings and len(text) <= LEAD_MAX_CHARS:
                return el
            return None   # the body had begun: what is marked below is a summary further down
    return None


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _lead_sized(text: str) -> bool:
    return LEAD_MIN_CHARS <= len(text) <= LEAD_MAX_CHARS and len(text.split()) >= LEAD_MIN_WORDS


def _opening_key(text: str) -> str:
    """The first SUMMARY_OPENING characters, case-folded and whitespace collapsed: a meta description is
    often the lead cut short, or the lead with its ending reworded."""
    return " ".join(text.split())[:SUMMARY_OPENING].casefold()


def _title_on_page(tree: HtmlElement, h1s: list[str]) -> str | None:
    """trafilatura's title search, unless what it found is not in the page's <title> while an <h1> is the
    longest part of it ("Headline | Site"): its search for a title-like element can land on a menu's heading
    ("Hauptmenü", "Themen")."""
    found = extract_title(tree)
    title = tree.find(".//head/title")
    if title is None:   # a <div> in <head> ends it for the parser: the first <title> outside an inline <svg>
        title = next((t for t in tree.iter("title") if next(t.iterancestors("svg"), None) is None), None)
    if title is None:
        return found
    title_text = " ".join(title.text_content().split())
    if found and found.casefold() in title_text.casefold():
        return found
    headline = max(TITLE_SEPARATOR.split(title_text), key=len).strip().casefold()
    return next((text for text in h1s if text.casefold() == headline), found)


def _only_headline(tree: HtmlElement, site_name: str | None, url: str | None, title: str | None) -> str | None:
    """The page's one <h1>, when it has exactly one, it is not the site's name, it shares a word with the
    page's declared title (a section's label "Neuigkeiten" over a list shares none) and it is not that title
    again with more around it. Both corpora's gold titles are mostly the headline as the page shows it, where
    og:title and JSON-LD often carry an SEO variant ("Best X 2026")."""
    h1s = _h1_texts(tree, shown_only=True)
    if len(h1s) != 1 or _names_site(h1s[0], _site_keys(site_name, url)):
        return None
    if title and _typography_key(title) == _typography_key(h1s[0]):
        # the declared title as the page prints it ("„Welches Europa“ – Bericht" where og:title has
        # '"Welches Europa" - Bericht'); not when only spaces differ (the <h1>'s are folded: an ideographic
        # space in a Japanese title stays as declared) or the page shouts it in capitals
        shouts = h1s[0].isupper() and not title.isupper()
        return None if shouts or " ".join(title.split()) == h1s[0] else h1s[0]
    if title and (not (_title_words(h1s[0]) & _title_words(title)) or _key(title) in _key(h1s[0])):
        return None   # a section's label; or the declared title already, with a kicker or a date beside it
    return h1s[0]


# typographic quotes, dashes and spaces as a plain-text <title> writes them
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"',
                            "»": '"', "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-", "…": "...", "\xa0": " "})


def _typography_key(text: str) -> str:
    """The text with its quotes, dashes, ellipses and spaces written plainly, case-folded: the same title
    set by hand and by a typesetting CMS give the same key; any other character that differs does not."""
    return " ".join(text.translate(TYPOGRAPHY).casefold().split())


def _title_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if len(w) >= 3 or not w.isascii()}


def _h1_texts(tree: HtmlElement, shown_only: bool = False) -> list[str]:
    """The texts of the page's <h1>s that are headline-sized, in page order, whitespace folded; with
    shown_only, without the text of a <style> or <script> inside them."""
    low, high = HEADLINE_CHARS
    raw = ("".join(SHOWN_TEXT(h1)) if shown_only else h1.text_content() for h1 in tree.iter("h1"))
    texts = (" ".join(text.split()) for text in raw)
    return [text for text in texts if low <= len(text) <= high]


def byline_authors(pruned_tree: HtmlElement) -> list[str]:
    """trafilatura's byline rules (cleaners/bylines.py), run on the tree our pruning already cleared of comments,
    sidebars and related boxes (trafilatura's own extract_author copies and prunes the whole tree first); else a
    byline printed as a label and a name ("By Jane Doe"); else the names the page links to its authors' pages with."""
    author = guarded(byline_text, pruned_tree, 120)
    names = author_names(split_authors(guarded(normalize_authors, None, author))) if author else []
    return names or printed_byline_authors(pruned_tree) or author_page_links(pruned_tree)


def printed_byline_authors(pruned_tree: HtmlElement) -> list[str]:
    """The names of a byline the page prints as a label and names ("By Jane Doe"), filtered as every author is."""
    return author_names(labelled_byline(pruned_tree))


AUTHOR_PATH = re.compile(r"/(?:author|authors|autor|autoren|auteur|autore|autores|writers?|journalists?)/[^/?#]+",
                         re.I)
MAX_AUTHOR_LINKS = 3
# "View all posts by Jane", "Articles by Jane", "Alle Beiträge von Jane": the label before the name
AUTHOR_LINK_LABEL = re.compile(r"^(?:(?:view |see )?(?:all |more )?(?:posts|articles|stories|beiträge|artikel|"
                               r"publications) (?:by|von|de|par) )", re.I)


def author_page_links(tree: HtmlElement) -> list[str]:
    """The texts of the links to an author's page ("/author/jane-doe/") that read as a name, when there are
    few of them: a page listing many is an index or holds other posts' cards."""
    names = []
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if AUTHOR_PATH.search(href):
            text = AUTHOR_LINK_LABEL.sub("", " ".join(a.text_content().split()))
            if 3 <= len(text) <= 60 and not text[0].islower() and not any(ch.isdigit() for ch in text) \
                    and text not in names:
                names.append(text)
    if not 0 < len(names) <= MAX_AUTHOR_LINKS:
        return []
    return author_names([part for name in names for part in split_authors(name)])


def _rel_tags(tree: HtmlElement) -> list[str]:
    out = []
    for a in tree.iterfind(".//a[@rel]"):
        rel = (a.get("rel") or "").split()
        if "tag" in rel or "category" in rel:
            text = " ".join(a.text_content().split())
            if 0 < len(text) < 60:
                out.append(text)
    return out


def _language(tree: HtmlElement, meta: dict[str, list[str]]) -> str | None:
    lang = tree.get("lang") or tree.get("xml:lang") or _first(meta, ["og:locale", "content-language", "language"])
    if not lang:
        return _language_by_script(tree)
    lang = lang.replace("_", "-").split(",")[0].strip()
    return lang.lower() if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) else None


SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")),
           ("zh", re.compile(r"[\u4e00-\u9fff]")), ("th", re.compile(r"[\u0e00-\u0e7f]")),
           ("el", re.compile(r"[\u0370-\u03ff]")), ("he", re.compile(r"[\u0590-\u05ff]")))


def _language_by_script(tree: HtmlElement) -> str | None:
    """Undeclared language, told only where the script names one language (kana, hangul, han...)."""
    body = tree.find("body")
    sample = " ".join((body if body is not None else tree).itertext())[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return None
    for lang, script in SCRIPTS:
        hits = len(script.findall(sample))
        if lang == "ja" and hits >= 20 or lang != "ja" and hits >= 0.3 * letters:
            return lang
    return None


def dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out
