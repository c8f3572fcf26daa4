"""Golden files: tests/fixtures/<name>.expected.jsonl holds the reviewed output of the cleaner for <name>.html.

Each record is compared field by field (one test per field, so a failure names the field). Regenerate
with `python tests/regen_golden.py [names]` (prints the diff) or `pytest tests/test_golden.py --regen-golden`.
Every expected record, and the live output for every fixture, must validate against
cleaners/article.schema.json.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleaning import clean_file

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SCHEMA_PATH = ROOT / "cleaners" / "article.schema.json"
FIELDS = ["id", "url", "source", "source_domain", "site_name", "title", "authors", "date_publish", "date_modify",
          "date_download", "language", "description", "text", "topics", "image_url", "word_count", "content_hash",
          "page_articles", "page_index"]
ALL_PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))
GOLDEN = sorted(p.name.removesuffix(".expected.jsonl") for p in FIXTURES.glob("*.expected.jsonl")
                if (FIXTURES / (p.name.removesuffix(".expected.jsonl") + ".html")).is_file())


def expected(name: str) -> list[dict]:
    text = (FIXTURES / f"{name}.expected.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def got(name: str) -> list[dict]:
    return [a.to_dict() for a in clean_file(f"tests/fixtures/{name}.html").articles]


@pytest.fixture(scope="session", autouse=True)
def _maybe_regen(regen_golden):
    if regen_golden:
        from regen_golden import fixture_names, regen
        buf = io.StringIO()
        changed = regen(fixture_names(), write=True, out=buf)
        print(f"\n--regen-golden rewrote {len(changed)} file(s) {changed}\n{buf.getvalue()}")


def _cases():
    for name in GOLDEN:
        recs = expected(name)
        yield pytest.param(name, None, "count", id=f"{name}-count")
        for i, rec in enumerate(recs):
            for field in FIELDS:
                yield pytest.param(name, i, field, id=f"{name}[{i}].{field}")


@pytest.mark.parametrize("name,index,field", list(_cases()))
def test_golden_field(name, index, field, regen_golden):
    exp = expected(name)
    cur = got(name)
    if field == "count":
        assert len(cur) == len(exp), f"{name}: {len(cur)} records, golden has {len(exp)}"
        return
    if index >= len(cur):
        pytest.fail(f"{name}: record {index} missing (cleaner gave {len(cur)})")
    assert field in exp[index], f"{name}[{index}]: golden record lacks field {field!r} (regenerate)"
    assert cur[index].get(field) == exp[index][field], f"{name}[{index}].{field} differs from golden"


def test_record_field_order():
    for name in ALL_PAGES:
        for rec in got(name):
            assert list(rec) == FIELDS, f"{name}: fields {list(rec)}"


@pytest.fixture(scope="module")
def validator():
    import jsonschema
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("name", GOLDEN)
def test_expected_records_match_schema(name, validator):
    for i, rec in enumerate(expected(name)):
        errs = sorted(validator.iter_errors(rec), key=lambda e: list(e.path))
        assert not errs, f"{name}.expected.jsonl record {i}: " + "; ".join(
            f"{'/'.join(map(str, e.path))}: {e.message}" for e in errs)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_live_records_match_schema(name, validator):
    for i, rec in enumerate(got(name)):
        errs = sorted(validator.iter_errors(rec), key=lambda e: list(e.path))
        assert not errs, f"{name} record {i}: " + "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errs)
