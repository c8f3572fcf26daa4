"""Clean the extracted paragraphs of one article: leftover boilerplate lines, the title or a
category label repeated at the top, bylines and datelines repeated in the text, teasers and
paragraphs shown twice. Each dropped line is recorded with its reason."""
from __future__ import annotations

import re

from . import rules
from .blocks import alternation, as_read, phrase_key
from .prune import RELATED_OPENINGS
from .records import Removal

PHRASE_REASON = {p: reason for reason, phrases in rules.PHRASES.items() for p in phrases}
LINE_PREFIXES = [(p, r) for r, ps in rules.PREFIXES.items()
                 if r not in ("byline-repeat", "related-link", "credit-line") for p in ps]
LINE_PREFIX_TUPLE = tuple(prefix for prefix, _ in LINE_PREFIXES)
CREDIT_PREFIXES = tuple(rules.PREFIXES["credit-line"])
DISCLOSURE_LABELS = tuple(rules.DISCLOSURE_LABELS)
AFFILIATE_WORDS = re.compile(alternation(rules.AFFILIATE_WORDS))
DISCLOSURE_LINE_MAX = 400
# the agency alone on the line, or after a name and a separator: "Grumpy Cow Studios | Getty Images"
PICTURE_CREDIT = re.compile(rf"(?:^|[|/,–—-]\s*|\bvia\s+)(?:{alternation(rules.PICTURE_AGENCIES)})\W*$")
LEADING_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*")
BY_PREFIXES = tuple(rules.PREFIXES["byline-repeat"])
BYLINE_LINES = 8   # where a byline stands: the article's first lines
BY_WORDS = frozenset(prefix.strip() for prefix in BY_PREFIXES)   # "By" left alone, its name gone to `authors`
# "Lee también... <headline>", "Read more: <headline>" left as a line of text (its link gone): a pointer to
# another story when no sentence ends it; "Read more: the full report is on the board's site." stays
RELATED_LINK_PREFIXES = tuple(rules.PREFIXES["related-link"])
RELATED_LINK_LINE_MAX = 300
WORD = re.compile(r"\w+")
SEPARATORS_ONLY = re.compile(r"(?:\s*[,;|·•]\s*){2,}")
ELLIPSIS = ("…", "...", "[…]", "[...]", "(…)")
MONTHS = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|"
          r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
          r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre")
DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|written|last updated|last modified|veröffentlicht|veröffentlichung|aktualisiert|"
    rf"zuletzt aktualisiert|letzte aktualisierung|letzte änderung|stand|publié|mis à jour|publicado|actualizado)"
    rf"(?: on| am| le| el)?:?\s*)?(?:\w+,?\s+)?(?:\d{{1,2}}[./ ]\s*(?:(?:{MONTHS})\w*\.?,?|\w*\.?)\s*\d{{2,4}}|(?:{MONTHS})\w*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:am|pm|uhr|h)?\s*\w{{0,5}})?\.?$",
    re.I)
# "Posted by David at December 16, 2025 11:15 AM": a post's stamp, the author's name before the date
POSTED_BY = re.compile(r"^(?:posted|written|published|submitted)\s+by\s+[^,|:]{1,40}?\s+(?:at|on)\s+", re.I)
STAMP_SEPARATOR = re.compile(r"\s[/|·•–-]\s")
LETTER = re.compile(r"[^\W\d_]")
LIST_MARKER = re.compile(r"(?:- |\d+\. )")   # how the extracted text marks a list item (ordered ones numbered)
META_LINE_MAX = 200
COUNTER_LINE = re.compile(rf"[\d.,]+\s*[km]?\s+(?:{alternation(rules.COUNTER_WORDS)})")
COPYRIGHT_LINE_MAX = 200
SPACE_BEFORE_COLON = re.compile(r"\s+:")
_SF = rules.SOCIAL_FOLLOW
# a follow verb, then a few words ("us on", "The Gleaner on", "a Materia en"), then a network
SOCIAL_FOLLOW_LINE = re.compile(
    rf"(?<!\w)(?:(?:{alternation(_SF['verbs'])})(?!\w)[^.!?\n]{{0,40}}?|(?:{alternation(_SF['channel'])})\s+(?:de|on|auf|en|sur|su)\s+)"
    rf"(?:{alternation(_SF['networks'])})(?!\w)"
    rf"|(?<!\w)(?:{alternation(_SF['download'])})(?!\w)[^.!?\n]{{0,60}}?(?<!\w)(?:{alternation(_SF['platforms'])})(?!\w)")
SIGN_OFF_CTA = re.compile(rf"\W*(?:free\s+\d+-day\s+trial|{alternation(rules.SIGN_OFF_CTA)})(?!\w)")
NEWSLETTER_LINE = re.compile(rf"(?<!\w)(?:{alternation(rules.NEWSLETTER_SIGN_OFF)})(?!\w)")
NEWSLETTER_WORD = re.compile(rf"(?<!\w)(?:{alternation(rules.NEWSLETTER_OFFER['newsletter'])})(?!\w)")
SIGN_UP_WORD = re.compile(rf"(?<!\w)(?:{alternation(rules.NEWSLETTER_OFFER['sign_up'])})(?!\w)")
INBOX_OFFER = re.compile(rf"(?<!\w)(?:{alternation(rules.NEWSLETTER_OFFER['inbox'])})(?!\w)")
FIRST_PERSON = re.compile(r"(?<!\w)I(?!\w)")
NEWSLETTER_OFFER_MAX = 160
PLACEHOLDER_TEXT = tuple(rules.PLACEHOLDER_TEXT)
SIGN_OFF_LINES = 3      # where a site's sign-off stands: the article's last lines
LEAD_IN_MAX = 80        # a related-links heading whose list is gone (prune.RELATED_OPENINGS)
SIGN_OFF_LINE_MAX = 300
CONTACT_LINES = 12       # a contact block: its heading among the article's last lines,
CONTACT_LINE_MAX = 120   # then only short lines (a name, an address, a number)
CONTACT_HEADINGS = frozenset(rules.CONTACT_HEADINGS)
AUTHOR_BOX_LINES = 3     # an author's bio under its heading: a few lines, the article's last
AUTHOR_BOX_HEADINGS = frozenset(rules.AUTHOR_BOX_HEADINGS)
# what makes the lines under such a heading a contact: a phone number, an email address or a web address
CONTACT_DETAIL = re.compile(r"\+?\d[\d ()/.-]{6,}\d|\S@\S|\(at\)|(?<!\w)www\.|(?<!\w)(?:tel|telefon|phone|fax|e-mail|email)\b",
                            re.I)
MIN_DUP_WORDS = 8


_MINUTES, _READ, _ABOUT = (alternation(rules.READING_TIME[k]) for k in ("minutes", "read", "about"))
_UNITS, _NUMBERS, _BEFORE, _AFTER = (alternation(rules.RELATIVE_TIME[k])
                                     for k in ("units", "numbers", "before", "after"))
# "3 days ago", "Updated 4 hours ago", "vor 2 Stunden", "il y a 5 jours": a time word before or after the
# number; a bare "3 days" or "One Year" (a heading) is no stamp
RELATIVE_DATELINE = re.compile(
    rf"(?:(?:{_BEFORE})\s+)*(?:\d+|{_NUMBERS})\s+(?:{_UNITS})\s+(?:{_AFTER})"
    rf"|(?:(?:{_BEFORE})\s+)+(?:\d+|{_NUMBERS})\s+(?:{_UNITS})")
# matched against phrase_key(line): case-folded, decoration stripped; an optional date and separator before it
READING_TIME_LINE = re.compile(
    rf"(?:[^!?]{{0,40}}?\d\s*[•·|/,–—-]+\s*)?"
    rf"(?:(?:{alternation(rules.PHRASES['reading-time'])})\s*:?\s*(?:(?:{_ABOUT})\s*)?\d+\s*(?:(?:{_MINUTES})\b\.?)?"
    rf"|(?:(?:{_ABOUT})\s*)?\d+\s*(?:{_MINUTES})\b\.?\s*(?:{_READ}))")


def _words(line: str) -> list[str]:
    return WORD.findall(line.casefold())


def _line_reason(line: str, title_keys: set[str], authors: list[str], topics: set[str], position: int) -> str | None:
    marker = LIST_MARKER.match(line)
    if marker:
        line = line[marker.end():]   # a stamp or a credit set as a list item ("- Sep 26, 2022") is one still
    key = phrase_key(line)
    if not key or SEPARATORS_ONLY.fullmatch(line):
        return "empty"   # ", , ," is what stood between tag or share links removed from the tree
    if len(line) <= 90 and key in PHRASE_REASON:
        return PHRASE_REASON[key]
    if key in BY_WORDS and position < BYLINE_LINES:
        return "byline-label"   # at the top only: further down "by" alone is a line of code (Lean's proofs)
    folded = line.casefold()
    if len(line) < 400 and folded.startswith(LINE_PREFIX_TUPLE):   # one C call; the loop names the first
        for prefix, reason in LINE_PREFIXES:
            if folded.startswith(prefix):
                return reason
    if len(line) < DISCLOSURE_LINE_MAX and folded.lstrip("*( ").startswith(DISCLOSURE_LABELS) and \
            AFFILIATE_WORDS.search(folded):
        return "affiliate-disclosure"
    if len(line) < RELATED_LINK_LINE_MAX and folded.startswith(RELATED_LINK_PREFIXES) and \
            not line.rstrip().endswith("."):
        return "related-link"
    if len(line) < NEWSLETTER_OFFER_MAX and \
            ((NEWSLETTER_WORD.search(folded) and SIGN_UP_WORD.search(folded)) or INBOX_OFFER.search(folded)) and \
            not FIRST_PERSON.search(line):   # (the rare words first: most lines stop at the first search)
        return "newsletter"
    if any(dummy in folded for dummy in PLACEHOLDER_TEXT):
        return "placeholder"
    if len(line) < 80 and READING_TIME_LINE.fullmatch(key):
        return "reading-time"
    if key in title_keys:
        return "title-repeat"
    if len(line) < 80:
        # "Photo : AFP": French typography (and pages copying it) sets a space before the colon
        undated = SPACE_BEFORE_COLON.sub(":", LEADING_DATE.sub("", folded, count=1).strip()).lstrip("([")
        # "(Credit: Clayton Aldern / Grist)", and a picture agency after a name: "Firn | Getty Images"
        if undated.startswith(CREDIT_PREFIXES) or PICTURE_CREDIT.search(undated):
            return "credit-line"
    if len(line) < COPYRIGHT_LINE_MAX and "©" in line:
        return "copyright"   # a picture's credit or the site's notice ("Foto: © GEPA", "Logo ... | © Springer")
    if position < 4 and key in topics:
        return "category-label"
    if len(line) < 120 and authors:
        names = [a.casefold() for a in authors]
        stripped = folded.strip()
        if stripped in names or (stripped.startswith(BY_PREFIXES) and any(n in stripped for n in names)) or \
                any(stripped.startswith(n) and stripped[len(n):len(n) + 2].strip()[:1] in (",", "|", "·", "-", "–")
                    for n in names):
            return "byline-repeat"
    if len(line) < 80 and (DATELINE.match(line.strip()) or RELATIVE_DATELINE.fullmatch(key)):
        return "dateline"
    if len(line) < 120 and (posted := POSTED_BY.match(line)) and DATELINE.match(line[posted.end():].strip()):
        return "dateline"
    if len(line) < 40 and COUNTER_LINE.fullmatch(key):
        return "counter"   # "1,693 views", "12 Kommentare": a widget's count left alone on its line
    if len(line) < META_LINE_MAX and STAMP_SEPARATOR.search(line):
        # a post's meta line: each part a stamp, a label or a button ("Written: 2023-11-07 15:03 / Updated: ...",
        # "January 13, 2020 at 08:45 AM | categories: Python | View Comments")
        parts = [part.strip() for part in STAMP_SEPARATOR.split(line)]
        reasons = [_line_reason(part, title_keys, authors, topics, position) for part in parts if part]
        if all(reasons) and "dateline" in reasons and any(LETTER.search(part) for part in parts):
            return "dateline"   # not a range of bare dates ("23.10.2015 - 25.10.2015": an event's dates)
    return None


def _drop_duplicates(lines: list[str], removals: list[Removal]) -> list[str]:
    """Drop teasers and repeats: a line whose words all appear again, in order, elsewhere in the article
    (a teaser cut off with "…", an excerpt shown before the full text, a paragraph shown twice).
    The copy still standing when the others are gone is kept: the fullest version, once."""
    tokens = [_words(line) for line in lines]
    spans, parts, pos = [], [], 1
    for words in tokens:
        text = " ".join(words)
        spans.append((pos - 1, pos + len(text) + 1))
        parts.append(text)
        pos += len(text) + 1
    full = " " + " ".join(parts) + " "
    dropped: list[tuple[int, int]] = []
    keep = [True] * len(lines)
    for i, words in enumerate(tokens):
        truncated = lines[i].rstrip().endswith(ELLIPSIS)
        sig_words = words[:-1] if truncated else words
        if len(sig_words) < MIN_DUP_WORDS:
            continue
        # the whole line (less a word cut by the ellipsis) must stand elsewhere: paragraphs that only open
        # alike (terms for each country, listicle items on one template) are not repeats
        sig = " " + " ".join(sig_words) + " "
        own_start, own_end = spans[i]
        at = full.find(sig)
        while at != -1:
            inside_own = own_start <= at and at + len(sig) <= own_end + 1
            inside_dropped = any(a <= at < b for a, b in dropped)
            if not inside_own and not inside_dropped:
                keep[i] = False
                dropped.append(spans[i])
                exact = not truncated and full.count(" " + " ".join(words) + " ") >= 2
                reason = "duplicate-paragraph" if exact else "teaser-duplicate"
                removals.append(Removal(reason, lines[i][:2000]))
                break
            at = full.find(sig, at + 1)
    return [line for line, k in zip(lines, keep) if k]


def clean_paragraphs(text: str, titles: list[str], authors: list[str], topics: list[str],
                     removals: list[Removal]) -> list[str]:
    """titles: the article's title and the page's own headline, if they differ."""
    title_keys = {phrase_key(as_read(t)) for t in titles if t} - {""}
    topic_keys = {phrase_key(as_read(t)) for t in topics}
    authors = [as_read(a) for a in authors]   # compared with lines read alike
    kept: list[str] = []
    for line in as_read(text).splitlines():
        line = " ".join(line.split())
        reason = _line_reason(line, title_keys, authors, topic_keys, len(kept))
        if reason is None:
            kept.append(line)
        elif reason != "empty":
            removals.append(Removal(reason, line[:2000]))
    return _drop_duplicates(_drop_sign_off(_drop_closing_boxes(kept, removals), removals), removals)


def _sign_off_reason(line: str) -> str | None:
    if len(line) <= SIGN_OFF_LINE_MAX:
        folded = line.casefold()
        if SOCIAL_FOLLOW_LINE.search(folded):
            return "social"
        if SIGN_OFF_CTA.match(folded):
            return "call-to-action"
        if NEWSLETTER_LINE.search(folded):
            return "newsletter"
    if len(line) <= LEAD_IN_MAX and not line.rstrip().endswith((".", "!", "?")) and \
            phrase_key(line).startswith(RELATED_OPENINGS):
        return "related-heading"
    return None


def _drop_sign_off(lines: list[str], removals: list[Removal]) -> list[str]:
    """The article's last lines that send the reader to the site's accounts or apps ("Follow us on
    Instagram") or head a list of links the pruning took ("Das Thema könnte dich auch interessieren:"):
    what a site appends to every story. Earlier in the text such a line may be the story's."""
    tail_start = max(len(lines) - SIGN_OFF_LINES, 1)   # never the whole text
    out = lines[:tail_start]
    for line in lines[tail_start:]:
        reason = _sign_off_reason(line)
        if reason:
            removals.append(Removal(reason, line[:2000]))
        else:
            out.append(line)
    return out


def _is_contact(block: list[str]) -> bool:
    return all(len(line) <= CONTACT_LINE_MAX for line in block) and any(map(CONTACT_DETAIL.search, block))


# a box that closes an article under its own heading: (reason, headings, how many of the last lines the
# heading may stand among, what the lines under it must be)
CLOSING_BOXES = [
    # "Pressekontakt:" over a name, an address and a number; a "Contact" section of prose stays
    ("contact-block", CONTACT_HEADINGS, CONTACT_LINES, _is_contact),
    # "About the Author:" over the bio: a few lines at most
    ("author-box", AUTHOR_BOX_HEADINGS, AUTHOR_BOX_LINES + 1, lambda block: True),
]


def _drop_closing_boxes(lines: list[str], removals: list[Removal]) -> list[str]:
    """A contact block or an author box closing the article goes, heading and all the lines under it;
    one that the article goes on after (under the line limits) stays."""
    for reason, headings, within, holds in CLOSING_BOXES:
        for start in range(max(len(lines) - within, 1), len(lines) - 1):
            if phrase_key(lines[start]) in headings and holds(lines[start + 1:]):
                removals.extend(Removal(reason, line[:2000]) for line in lines[start:])
                lines = lines[:start]
                break
    return lines
