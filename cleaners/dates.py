"""Publish dates: the markup's dates read as ISO 8601 (offset kept), the stamp under the headline, and
htmldate's search, with the hooks that keep it from taking a copyright year for a date and that read the
dates its own patterns miss (text_date). htmldate picks the publish day; the markup gives its time."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from . import rules
from .blocks import alternation
from .htmldate_speedups import faster_regex_parse, faster_year_filter

DATE_PUBLISH_META = ("article:published_time", "og:article:published_time", "datepublished", "date",
                     "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created",
                     "sailthru.date", "parsely-pub-date", "citation_publication_date", "article.published")
DATE_MODIFY_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
# htmldate picks the publish day (URL path, meta tags, JSON-LD, then the dates the page shows); our
# markup reading supplies the time and offset of that day. Neither makes a date up.
DATE_CONFIG = {"original_date": True, "extensive_search": True}
# found through the attribute: libxml2 compares the values, no Python object for each element (twice as fast)
MICRODATA_PUBLISHED = etree.XPath("descendant::*/@itemprop[. = 'datePublished']/..")


MONTH_NUMBER = {name: number for number, names in enumerate(rules.MONTH_NAMES, 1) for name in names}
MONTH = alternation(MONTH_NUMBER)
DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+)?({MONTH})\.?,?\s*"
                            rf"(?:de\s+)?(\d{{4}})(?!\d)", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"(?<![^\W\d_])({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)",
                            re.IGNORECASE)
# a byline's date split off as if it were a second name: "By Ana Ruiz, March 3, 2025" -> "March 3"
DAY_AND_MONTH = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s*(?:de\s+|of\s+)?(?:{MONTH})\.?"
                           rf"|(?:{MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*([/|.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")


def text_date(text: str) -> datetime | None:
    """The date in a short text that htmldate's own patterns missed: "15 августа 2016, 13:43",
    "miércoles, 4 de mayo de 2022", "Dec. 19, 2025", "26 | 01 | 2022", "2/24/2026". It stands in for
    dateparser, which cost a tenth of all cleaning time; a numeric date that reads both ways gives None."""
    if found := DAY_MONTH_YEAR.search(text):
        day, month, year = int(found[1]), MONTH_NUMBER[found[2].casefold()], int(found[3])
    elif found := MONTH_DAY_YEAR.search(text):
        month, day, year = MONTH_NUMBER[found[1].casefold()], int(found[2]), int(found[3])
    elif found := NUMERIC_DATE.search(text):
        first, second, year = int(found[1]), int(found[3]), int(found[4])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None
    else:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


JANUARY = "|".join(map(re.escape, rules.JANUARY_NAMES))


JANUARY_REACH = 200   # characters before the year that a match may span (a month name, a day, whitespace)


def shows_january(html: str, year: str) -> bool:
    """Does the page name January of this year ("2025-01-01", "1.1.2025", "January 2025", "1 janvier 2025")?"""
    pattern = re.compile(rf"{year}[-/.]0?1(?!\d)|(?<!\d)0?1[-/.]{year}|(?<!\d)0?1[-/.]0?1[-/.]{year}"
                         rf"|(?<![^\W\d_])(?:{JANUARY})\.?,?\s+(?:0?1(?:st)?,?\s+)?{year}"
                         rf"|(?<!\d)0?1(?:st|er|\.)?\s*(?:de\s+)?(?:{JANUARY})\.?,?\s*(?:de\s+)?{year}",
                         re.IGNORECASE)
    # every match holds the year: search only around where it stands (the whole page took 34 ms)
    at = html.find(year)
    while at != -1:
        if pattern.search(html, max(0, at - JANUARY_REACH), at + len(year) + 8):
            return True
        at = html.find(year, at + 1)
    return False


def _no_year_only_dates(search_page):
    """htmldate's last resorts turn the copyright year in a footer, or any lone year, into January 1st.
    That is no publish date: January 1st stays only where the page names January of that year (the
    month-level dates htmldate gives for other months stay too)."""
    def search(htmlstring, options):
        found = search_page(htmlstring, options)
        if found and found[4:10] == "-01-01" and not shows_january(htmlstring, found[:4]):
            return None
        return found
    return search


def htmldate_markup_day(tree: HtmlElement, url: str | None) -> str | None:
    """The first steps of htmldate's find_date, in its order: a date in the URL path, the meta tags, JSON-LD."""
    try:
        options = _htmldate_utils.Extractor(True, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
        return (_htmldate_extractors.extract_url_date(url, options) or _htmldate_core.examine_header(tree, options)
                or _htmldate_extractors.json_search(tree, options))
    except Exception:   # a later htmldate with other internals, or a page its readers trip on
        return guarded(find_date, tree, url=url, **DATE_CONFIG)


try:  # htmldate's hooks; if a later htmldate renames them, its own behaviour simply stays in use
    import htmldate.core as _htmldate_core
    import htmldate.extractors as _htmldate_extractors
    import htmldate.utils as _htmldate_utils
    from htmldate.validators import get_max_date, get_min_date
    if hasattr(_htmldate_extractors, "_external_date"):
        _htmldate_extractors._external_date = text_date
    if hasattr(_htmldate_core, "search_page"):
        _htmldate_core.search_page = _no_year_only_dates(_htmldate_core.search_page)
    if hasattr(_htmldate_core, "plausible_year_filter"):
        _htmldate_core.plausible_year_filter = faster_year_filter(_htmldate_core.plausible_year_filter)
    if hasattr(_htmldate_core, "regex_parse") and hasattr(_htmldate_extractors, "LONG_TEXT_PATTERN"):
        _htmldate_core.regex_parse = faster_regex_parse(_htmldate_core.regex_parse, _htmldate_extractors.LONG_TEXT_PATTERN)
except ImportError:  # pragma: no cover
    pass


def iso_date(value: str | None) -> str | None:
    """ISO 8601 with the offset kept when given; None for anything that is not a date."""
    if not value:
        return None
    value = value.strip()
    candidate = value.replace("Z", "+00:00") if value.endswith("Z") else value
    candidate = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", candidate)   # +0100 -> +01:00
    candidate = re.sub(r"\.\d+(?=[+-]\d\d:\d\d$|$)", "", candidate)  # drop fractions
    try:
        parsed = datetime.fromisoformat(candidate.replace(" ", "T", 1))
    except ValueError:
        match = re.match(r"(\d{4}-\d{2}-\d{2})", value)
        if match and match.group(1) != value:
            return iso_date(match.group(1))
        try:   # RFC 2822, as in <meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        candidate = value
    if not 1990 <= parsed.year <= datetime.now().year + 1:
        return None
    if len(candidate) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


SAME_INSTANT = timedelta(minutes=10)
HEADLINE_DATE_CHARS = 300   # how far under the headline a stamp is looked for
STAMP_CHARS = 60            # a longer text is a sentence
MIN_YEAR = 1995             # htmldate's own lower bound: an earlier date is history, not a stamp
TEXT_AFTER = etree.XPath("following::text()[normalize-space()][position() <= 12]")


def headline_date(tree: HtmlElement) -> str | None:
    """The first date standing as a stamp of its own (a short text: "20 December 2025", "Posted 3/4/2024") in
    the text that follows the page's first <h1>; a date inside a sentence there is the story's, not its stamp."""
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return None
    n, max_year = 0, datetime.now().year + 1
    for piece in TEXT_AFTER(h1):
        parent = piece.getparent()
        if parent is not None and parent.tag in ("script", "style"):
            continue
        n += len(piece)
        if n > HEADLINE_DATE_CHARS:
            break
        if len(piece.strip()) <= STAMP_CHARS:
            found = text_date(piece)
            if found and MIN_YEAR <= found.year <= max_year:
                return found.date().isoformat()
    return None


def publish_candidates(tree: HtmlElement, meta: dict[str, list[str]], ld_objects: list[dict],
                        microdata_dates: list[str]) -> list[str]:
    """Every publish date the markup gives, in the order page_metadata trusts them, then <time>s."""
    declared = [str(o.get("datePublished")) for o in ld_objects if o.get("datePublished")]
    declared += [v for key in DATE_PUBLISH_META for v in meta.get(key, [])]
    shown = [el.get("datetime") for _, el in zip(range(5), tree.iterfind(".//time[@datetime]"))]
    return [d for d in map(iso_date, declared) if d] + microdata_dates + [d for d in map(iso_date, shown) if d]


def publish_day(markup_date: str | None, candidates: list[str], htmldate_day: str | None) -> str | None:
    """htmldate decides the day; our markup reading gives its time and offset. htmldate weighs a date in
    the URL path first, then the meta tags in its own order of trust, then JSON-LD, then what the page
    shows. Where it and our markup-first choice disagreed (a JSON-LD datePublished from before a
    republication, a UTC instant past midnight), its day matched the gold of both corpora 33 times to 12."""
    if not htmldate_day or (markup_date and markup_date[:10] == htmldate_day):
        return markup_date or htmldate_day
    on_day = [c for c in candidates if c[:10] == htmldate_day]
    if markup_date and any(_same_instant(c, markup_date) for c in on_day):
        return markup_date   # the same moment, which as_page_shows put in the page's own time zone
    return next(iter(on_day), htmldate_day)


def as_page_shows(chosen: str, candidates: list[str]) -> str:
    """The same moment in the page's own time zone. Markup often gives the publish time in UTC while the
    page shows local time (a <time datetime> or another meta tag with its offset); near midnight the two
    are different days, and the page's day is the one its readers see. Only a candidate within minutes
    of the chosen moment replaces it, so a different date (an update) never does."""
    moment = _aware(chosen)
    if moment is None or moment.utcoffset() != timedelta(0):
        return chosen
    for candidate in candidates:
        other = _aware(candidate)
        if other is not None and other.utcoffset() != timedelta(0) and abs(other - moment) <= SAME_INSTANT:
            return candidate
    return chosen


def _same_instant(a: str, b: str) -> bool:
    first, second = _aware(a), _aware(b)
    return first is not None and second is not None and abs(first - second) <= SAME_INSTANT


def _aware(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def guarded(reader, *args, **kwargs):
    """A third-party metadata reader that trips on a malformed tree gives nothing, not a crash."""
    try:
        return reader(*args, **kwargs)
    except (AssertionError, ValueError, TypeError, AttributeError, IndexError, RecursionError):
        return None
