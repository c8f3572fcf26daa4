"""`scrape explain PAGE`: what the cleaner kept, what it removed, and the rule or signal behind each removal."""
from __future__ import annotations

import argparse
import html
import sys
import textwrap
from collections import Counter

from cleaners.pipeline import clean_page
from cleaners.records import PageResult, RawPage

from .dumps import Skipped, read_html_file

# one colour per family of reasons in the HTML report; anything else is grey
COLOURS = {"comments": "#f4c7c3", "comment-form": "#f4c7c3", "comment-prompt": "#f4c7c3",
           "related-list": "#fce8b2", "related-heading": "#fce8b2", "related-link": "#fce8b2", "link-density": "#fce8b2",
           "most-read": "#fce8b2", "teaser-duplicate": "#d7aefb", "duplicate-paragraph": "#d7aefb",
           "title-repeat": "#d7aefb", "footnote-marker": "#d7aefb", "standfirst": "#d7aefb", "share-bar": "#b7e1cd", "social": "#b7e1cd",
           "newsletter": "#c6dafc", "paywall": "#c6dafc", "cookie-notice": "#c6dafc", "popup": "#c6dafc", "advertisement": "#fad2cf",
           "affiliate-disclosure": "#fad2cf", "copyright": "#e8eaed", "placeholder": "#e8eaed", "tag-list": "#e8eaed", "legal-links": "#e8eaed",
           "navigation": "#e8eaed", "post-navigation": "#e8eaed", "unclosed-navigation": "#e8eaed", "sidebar": "#e8eaed",
           "site-footer": "#e8eaed"}


def explain(args: argparse.Namespace) -> int:
    page = read_html_file(args.page)
    if isinstance(page, Skipped):
        print(f"scrape explain: cannot read {args.page}: {page.reason} {page.detail}", file=sys.stderr)
        return 2
    if args.url:
        page = RawPage(body=page.body, source=page.source, url=args.url)
    result = clean_page(page)
    print(render_text(result))
    if args.html:
        with open(args.html, "w", encoding="utf-8") as fh:
            fh.write(render_html(result))
        print(f"\nreport written to {args.html}")
    return 0


def page_kind_lines(result: PageResult) -> list[str]:
    """The verdict on the page's kind: the rule that settled it, or the model's probability and strongest pushes."""
    if result.page_rule:
        return [f"page kind: {result.skip_reason} by rule {result.page_rule}"]
    if result.article_probability is None:
        return []
    signals = ", ".join(f"{name} {push:+.2f}" for name, push in result.article_signals.items())
    line = f"page kind: article probability {result.article_probability:.2f}" + (f" ({signals})" if signals else "")
    if result.likeliest_other_kind:
        kind, p = result.likeliest_other_kind
        line += f"; else most like: {kind} {p:.2f}"
    return [line]


def render_text(result: PageResult) -> str:
    lines = [f"page: {result.source}"]
    lines += page_kind_lines(result)
    lines += [f"repaired: {note}" for note in result.repairs]
    if result.skip_reason:
        lines.append(f"no record: skipped as {result.skip_reason}")
    for art in result.articles:
        lines.append(f"\n== record {art.page_index + 1} of {art.page_articles}: {art.title}")
        lines.append(f"   url: {art.url}\n   authors: {', '.join(art.authors) or '-'}   published: {art.date_publish}"
                     f"   words: {art.word_count}")
        for para in art.text.split("\n\n"):
            lines.append(textwrap.shorten(para, 110, placeholder=" …").join(("   | ", "")))
    counts = Counter(r.reason.split(" ")[0] for r in result.removals)
    lines.append(f"\n== removed {len(result.removals)} blocks: " +
                 ", ".join(f"{reason} {n}" for reason, n in counts.most_common()))
    for r in result.removals:
        lines.append(f"  [{r.reason}] {textwrap.shorten(r.text, 100, placeholder=' …') or '(no text)'}")
    return "\n".join(lines)


def render_html(result: PageResult) -> str:
    kept = "".join(
        f"<h2>{html.escape(a.title or '(no title)')}</h2><p class=meta>{html.escape(a.url or '')} · "
        f"{html.escape(', '.join(a.authors))} · {html.escape(a.date_publish or '')}</p>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in a.text.split("\n\n"))
        for a in result.articles) or f"<p><em>No record: {html.escape(result.skip_reason or '')}</em></p>"
    removed = "".join(
        f"<div class=rm style='background:{COLOURS.get(r.reason.split(' ')[0], '#eeeeee')}'>"
        f"<b>{html.escape(r.reason)}</b> {html.escape(r.text[:600]) or '<i>(no text)</i>'}</div>"
        for r in result.removals)
    verdict = "".join(f"<p class=meta>{html.escape(line)}</p>" for line in page_kind_lines(result))
    verdict += "".join(f"<p class=meta>repaired: {html.escape(note)}</p>" for note in result.repairs)
    legend = "".join(f"<span style='background:{c}'>{html.escape(k)}</span> " for k, c in COLOURS.items())
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>explain: {html.escape(result.source)}</title>
<style>body{{font-family:sans-serif;margin:1em}} .cols{{display:flex;gap:1em}} .cols>div{{flex:1;min-width:0}}
.rm{{margin:.3em 0;padding:.3em;border-radius:3px;font-size:90%}} .meta{{color:#666}} span{{padding:0 .3em}}</style>
</head><body><h1>What the cleaner did to {html.escape(result.source)}</h1><p>{legend}</p>{verdict}
<div class=cols><div><h2>Kept</h2>{kept}</div><div><h2>Removed ({len(result.removals)} blocks)</h2>{removed}</div></div>
</body></html>"""
