"""Metadata of one post on a multi-article page: read from the post's own markup (schema.org
microdata, its headline and title link, its <time>, its byline), site facts from the page."""
from __future__ import annotations

import re
from lxml.html import HtmlElement

from .blocks import visible_text
from .dates import iso_date
from .metadata import PageMeta, absolute_url, author_names, dedupe

AUTHOR_CLASS = re.compile(r"(?<![\w-])(author|author-name|byline-name|fn)(?![\w-])")
CATEGORY_CLASS = re.compile(r"(?<![\w-])(post-cat|cat-links|entry-category|post-category|category)(?![\w-])")
BY_PREFIX = re.compile(r"^(by|von|par|por|di|door)\s+", re.I)


def own_properties(post: HtmlElement) -> dict[str, list[HtmlElement]]:
    """Microdata properties that belong to the post itself, not to a nested item (author, publisher)."""
    props: dict[str, list[HtmlElement]] = {}
    for el in post.iterdescendants():
        if not isinstance(el.tag, str) or not el.get("itemprop"):
            continue
        scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
        if scope is post or (scope is None and post.get("itemscope") is None):
            for name in el.get("itemprop").split():
                props.setdefault(name, []).append(el)
    return props


def _value(el: HtmlElement) -> str:
    if el.get("itemscope") is not None:   # a nested item (ImageObject, WebPage): its own url
        inner = next((d for d in el.iterdescendants() if isinstance(d.tag, str) and d.get("itemprop") == "url"), None)
        if inner is not None:
            return _value(inner)
        if el.get("itemid"):
            return el.get("itemid")
    for attr in ("content", "datetime", "href", "src"):
        if el.get(attr):
            return el.get(attr).strip()
    return visible_text(el)


def _person_names(elements: list[HtmlElement]) -> list[str]:
    names = []
    for el in elements:
        name_el = next((d for d in el.iterdescendants() if isinstance(d.tag, str) and d.get("itemprop") == "name"), None)
        name = _value(name_el) if name_el is not None else visible_text(el)
        if name:
            names.append(BY_PREFIX.sub("", name))
    return names


def _short(items: list[str]) -> list[str]:
    """Names and tags, not sentences that a loose class match picked up."""
    return [item for item in items if len(item.strip()) < 80]


def post_metadata(post: HtmlElement, page: PageMeta, base_url: str | None) -> PageMeta:
    props = own_properties(post)
    headings = [h for tag in ("h1", "h2", "h3") for h in post.iter(tag) if visible_text(h)]
    heading = props.get("headline", [None])[0] if props.get("headline") else (headings[0] if headings else None)
    title = _value(heading) if heading is not None else None

    url = next((_value(e) for e in props.get("url", [])), None)
    if not url and props.get("mainEntityOfPage"):
        url = props["mainEntityOfPage"][0].get("itemid") or _value(props["mainEntityOfPage"][0])
    if not url and heading is not None:
        link = heading if heading.tag == "a" else heading.find(".//a[@href]")
        url = link.get("href") if link is not None else None

    date = next((d for d in (iso_date(_value(e)) for e in props.get("datePublished", [])) if d), None)
    if not date:
        date = next((d for d in (iso_date(t.get("datetime")) for t in post.iter("time") if t.get("datetime")) if d),
                    None)
    modified = next((d for d in (iso_date(_value(e)) for e in props.get("dateModified", [])) if d), None)

    authors = _person_names(props.get("author", []))
    if not authors:
        authors = [BY_PREFIX.sub("", visible_text(el)) for el in post.iter()
                   if isinstance(el.tag, str) and AUTHOR_CLASS.search(
                       " ".join(filter(None, (el.get("class"), el.get("rel"), el.get("itemprop"))))) and
                   0 < len(visible_text(el)) < 60]
    topics = [_value(e) for e in props.get("keywords", [])] + [_value(e) for e in props.get("articleSection", [])]
    topics += [visible_text(a) for a in post.iterfind(".//a[@rel]")
               if {"tag", "category"} & set((a.get("rel") or "").split())]
    topics += [visible_text(el) for el in post.iter() if isinstance(el.tag, str)
               and CATEGORY_CLASS.search(el.get("class") or "")]
    image = next((_value(e) for e in props.get("image", []) if _value(e)), None)
    if image is None:
        img = post.find(".//img[@src]")
        image = img.get("src") if img is not None else None
    authors = author_names(_short(authors))[:10]
    if title and page.title and " ".join(title.split()).casefold() == " ".join(page.title.split()).casefold():
        # the post the page is about (the first of an infinite scroll): the page's own markup describes it
        date, modified, authors = date or page.date_publish, modified or page.date_modify, authors or page.authors
    return PageMeta(
        url=absolute_url(url, base_url), title=title, authors=authors, date_publish=date,
        date_modify=modified, site_name=page.site_name, language=page.language,
        topics=dedupe(_short([t for tp in topics for t in tp.split(",")])), image_url=absolute_url(image, base_url),
        types=page.types)

