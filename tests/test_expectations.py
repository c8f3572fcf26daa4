"""Hand-written expectations: what a correct cleaner must give for each fixture page.

The table is tests/fixtures/expectations.json, written from what the pages say, not from cleaner output:
  records       number of article records the page holds (0 = listing / no article)
  skip_reason   for 0-record pages, the reason clean_page must give
  titles        one per record, in page order (whitespace-folded equality)
  must          snippets that must appear in the page's text (all records joined)
  must_not      boilerplate that must not appear anywhere in the text
  once          snippets that must appear exactly once (e.g. a lead also shown as a teaser)
  first/last    per record, the exact first / last paragraph of `text`
  authors       per record, the author list
  date_publish  per record, a prefix of the ISO 8601 value (date, or full value with offset)
  date_modify   per record (optional), same
  language      primary language subtag
  url           per record (optional), the article URL
  site_name     (optional)
  known_miss    (optional) why the cleaner gets this page wrong today: its cases are expected to fail
                (strict xfail), so a fix shows up as a failure asking for the note to go
Also: the Zox News sample with two infinite-scroll posts (data/raw/zox-haftar-two-posts.html, its text
taken from a real page) and its category listing.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaning import clean_file, fold, records_of

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
TABLE = json.loads((FIXTURES / "expectations.json").read_text(encoding="utf-8"))
ASPECTS = ["count", "titles", "text", "paragraphs", "authors", "dates", "language", "meta", "shape"]


def rel(name: str) -> str:
    return f"tests/fixtures/{name}.html"


def page_text(recs: list[dict]) -> str:
    return "\n\n".join(r["text"] for r in recs)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_table_names_have_files():
    for name in TABLE:
        assert (FIXTURES / f"{name}.html").is_file(), name


CASES = [(name, aspect) for name in sorted(TABLE) for aspect in (ASPECTS if TABLE[name]["records"] else ["count"])]


@pytest.mark.parametrize("name,aspect", CASES, ids=[f"{n}-{a}" for n, a in CASES])
def test_expectation(name: str, aspect: str, request):
    exp = TABLE[name]
    if exp.get("known_miss"):
        request.applymarker(pytest.mark.xfail(reason=exp["known_miss"], strict=True))
    result = clean_file(rel(name))
    recs = [a.to_dict() for a in result.articles]
    n = exp["records"]
    errors: list[str] = []

    if aspect == "count":
        assert len(recs) == n, f"{name}: {len(recs)} records, expected {n}; titles={[r['title'] for r in recs]}"
        if n == 0 and exp.get("skip_reason"):
            assert result.skip_reason == exp["skip_reason"], f"{name}: skip_reason {result.skip_reason!r}"
        if n > 0:
            assert result.skip_reason is None, f"{name}: skip_reason {result.skip_reason!r} on an article page"
        return
    if len(recs) != n and aspect not in ("text", "language"):
        pytest.fail(f"{name}: {len(recs)} records instead of {n}, per-record {aspect} not comparable")

    if aspect == "titles":
        got = [fold(r["title"]) for r in recs]
        assert got == [fold(t) for t in exp["titles"]], f"{name}: titles"
    elif aspect == "text":
        text = fold(page_text(recs))
        for s in exp.get("must", []):
            if fold(s) not in text:
                errors.append(f"missing: {s[:90]!r}")
        for s in exp.get("must_not", []):
            if fold(s) in text:
                i = text.index(fold(s))
                errors.append(f"boilerplate kept: {s!r} in …{text[max(0, i - 60):i + 60]!r}…")
        for s in exp.get("once", []):
            c = text.count(fold(s))
            if c != 1:
                errors.append(f"{c} times instead of once: {s[:90]!r}")
    elif aspect == "paragraphs":
        for i, r in enumerate(recs):
            paras = paragraphs(r["text"])
            if not paras:
                errors.append(f"record {i}: empty text")
                continue
            if exp.get("first") and fold(paras[0]) != fold(exp["first"][i]):
                errors.append(f"record {i} first paragraph:\n   got {paras[0][:160]!r}\n  want {exp['first'][i][:160]!r}")
            if exp.get("last") and fold(paras[-1]) != fold(exp["last"][i]):
                errors.append(f"record {i} last paragraph:\n   got {paras[-1][:160]!r}\n  want {exp['last'][i][:160]!r}")
    elif aspect == "authors":
        got = [[fold(a) for a in r["authors"]] for r in recs]
        assert got == [[fold(a) for a in al] for al in exp["authors"]], f"{name}: authors"
    elif aspect == "dates":
        for key in ("date_publish", "date_modify"):
            for i, want in enumerate(exp.get(key) or []):
                got = recs[i][key]
                if want is None and got is not None:   # null: the page gives no such date (a copyright year is none)
                    errors.append(f"record {i} {key}: got {got!r}, want null")
                elif want is not None and not (got or "").startswith(want):
                    errors.append(f"record {i} {key}: got {got!r}, want prefix {want!r}")
    elif aspect == "language":
        for i, r in enumerate(recs):
            got = (r["language"] or "").replace("_", "-").split("-")[0].lower()
            if got != exp["language"]:
                errors.append(f"record {i} language: got {r['language']!r}, want {exp['language']!r}")
    elif aspect == "meta":
        for i, want in enumerate(exp.get("url") or []):
            if recs[i]["url"] != want:
                errors.append(f"record {i} url: got {recs[i]['url']!r}, want {want!r}")
        if exp.get("site_name"):
            for i, r in enumerate(recs):
                if fold(r["site_name"]) != fold(exp["site_name"]):
                    errors.append(f"record {i} site_name: got {r['site_name']!r}, want {exp['site_name']!r}")
    elif aspect == "shape":
        for i, r in enumerate(recs):
            t = r["text"]
            if r["source"] != rel(name):
                errors.append(f"record {i} source {r['source']!r}")
            if r["page_articles"] != n or r["page_index"] != i:
                errors.append(f"record {i} page_articles/page_index = {r['page_articles']}/{r['page_index']}")
            if t != t.strip() or "\n\n\n" in t:
                errors.append(f"record {i}: text not trimmed or has more than one blank line between paragraphs")
            if any(p != p.strip() for p in t.split("\n\n")) or any(not p.strip() for p in t.split("\n\n")):
                errors.append(f"record {i}: empty or untrimmed paragraph")
            if not r["content_hash"] or not r["id"]:
                errors.append(f"record {i}: empty id/content_hash")
            if r["word_count"] <= 0:
                errors.append(f"record {i}: word_count {r['word_count']}")
            if not r["title"] or fold(r["title"]) in [fold(p) for p in paragraphs(t)]:
                errors.append(f"record {i}: title missing or repeated as a paragraph of the text")
        ids = [r["id"] for r in recs]
        if len(set(ids)) != len(ids):
            errors.append(f"duplicate ids {ids}")
    assert not errors, f"{name} [{aspect}]:\n  " + "\n  ".join(errors)


# --- the Zox News seed page -------------------------------------------------------------------------

ZOX = "data/raw/zox-haftar-two-posts.html"
ZOX_LISTING = "data/raw/zox-category-listing.html"
ZOX_TITLES = ["Libya’s Haftar leaves Moscow without signing ceasefire agreement",
              "Libya: Haftar forces announce capture of large parts of Sirte"]
ZOX_FIRST = ["Libya’s renegade military commander Khalifa Haftar has left Moscow without signing an agreement that would "
             "have formalised a tentative ceasefire in the war-wracked country, according to Russia’s foreign ministry.",
             "The forces of Libya’s renegade general Khalifa Haftar said they have entered Sirte, taking control of large "
             "parts of the coastal city."]
ZOX_LAST = ["Efforts to demobilise and reintegrate fighters that helped topple Gaddafi into the formal security apparatus "
            "have largely failed.",
            "The city is just to the west of Libya’s oil crescent, a strip of coastline along which several key oil export "
            "terminals are located. Haftar’s forces seized the oil ports in 2016."]
ZOX_MUST = [["Berlin summit", "Libyan sources confirmed Haftar’s departure.",
             "“The draft [agreement] ignores many of the Libyan army’s demands,” Haftar was quoted as saying by the Al Arabiya television network."],
            ["Counter narrative", "Turkish forces",
             "“The city is very strategic because it is very close to the oil fields and oil ports in central Libya and the coast,” he said."]]
ZOX_BOILERPLATE = [
    "Connect with us", "Continue Reading", "Click to comment", "Leave a Reply",
    "Your email address will not be published", "Required fields are marked", "More:", "Trending",
    "Libya’s war: Who is supporting whom", "Merkel says will hold Libya peace talks in Germany",
    "Parliament head in east Libya: Turkey troops offer ‘unacceptable’",
    "Libyan armed groups accused of human rights abuses", "Haftar issues ‘call to arms’ over possible Turkey intervention",
    "Erdogan: Turkish soldiers gradually being deployed to Libya",
    "already signed by Fayez…", "Fayez…", "Libyan armed groups…",
    "Libya’s oil blockade: What the shutdown of eastern ports means", "Tripoli airport suspends flights again after rocket fire",
]


@pytest.fixture(scope="module")
def zox():
    return records_of(ZOX)


def test_zox_two_records(zox):
    assert len(zox) == 2, [r["title"] for r in zox]
    assert [fold(r["title"]) for r in zox] == [fold(t) for t in ZOX_TITLES]


@pytest.mark.parametrize("i", [0, 1])
def test_zox_first_and_last_paragraph_once(zox, i):
    assert len(zox) == 2
    text = fold(zox[i]["text"])
    for s in (ZOX_FIRST[i], ZOX_LAST[i]):
        assert text.count(fold(s)) == 1, f"post {i}: {text.count(fold(s))}x {s[:70]!r}"
    paras = paragraphs(zox[i]["text"])
    assert fold(paras[0]) == fold(ZOX_FIRST[i]), f"post {i} starts with {paras[0][:120]!r}"
    assert fold(paras[-1]) == fold(ZOX_LAST[i]), f"post {i} ends with {paras[-1][:120]!r}"
    for s in ZOX_MUST[i]:
        assert fold(s) in text, f"post {i} lost {s!r}"
    other = 1 - i
    assert fold(ZOX_FIRST[other]) not in text, f"post {i} swallowed the other post"


@pytest.mark.parametrize("i", [0, 1])
def test_zox_no_boilerplate(zox, i):
    assert len(zox) == 2
    text = fold(zox[i]["text"])
    kept = [s for s in ZOX_BOILERPLATE if fold(s) in text]
    assert not kept, f"post {i} kept boilerplate: {kept}"
    alone = [p for p in paragraphs(zox[i]["text"]) if fold(p) in ("Haftar", fold(ZOX_TITLES[i]))]
    assert not alone, f"post {i} has category label / title as a paragraph: {alone}"


def test_zox_metadata(zox):
    assert len(zox) == 2
    assert [r["url"] for r in zox] == [
        "https://www.maghrebledger.news/2020/01/14/libyas-haftar-leaves-moscow-without-signing-ceasefire-agreement/",
        "https://www.maghrebledger.news/2020/01/06/libya-haftar-forces-announce-capture-of-large-parts-of-sirte/"]
    assert [(r["date_publish"] or "")[:10] for r in zox] == ["2020-01-14", "2020-01-06"]
    assert [r["authors"] for r in zox] == [["Hamza Belkacem"], ["Leila Mansouri"]]
    assert all((r["language"] or "").startswith("en") for r in zox)
    assert all(r["site_name"] == "The Maghreb Ledger" for r in zox)
    assert [(r["page_articles"], r["page_index"]) for r in zox] == [(2, 0), (2, 1)]


def test_zox_listing_gives_no_record():
    res = clean_file(ZOX_LISTING)
    assert res.articles == [], [a.title for a in res.articles]
    assert res.skip_reason == "listing"
