#!/usr/bin/env python3
"""Regenerate tests/fixtures/<name>.expected.jsonl from the current cleaner and show what changed.

    python tests/regen_golden.py                 # every tests/fixtures/*.html
    python tests/regen_golden.py NAME [NAME...]  # only these (name, name.html or path)
    python tests/regen_golden.py --check         # write nothing; exit 1 if any file would change

Prints a unified diff per changed file (one JSON record per line, so a diff line is a record; with
--fields the diff is per field, easier to review). Review the diff before committing the new files.
Also reachable as `pytest tests/test_golden.py --regen-golden`.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
for p in (str(ROOT), str(ROOT / "tests")):
    if p not in sys.path:
        sys.path.insert(0, p)


def fixture_names(args: list[str] | None = None) -> list[str]:
    if not args:
        return sorted(p.stem for p in FIXTURES.glob("*.html"))
    out = []
    for a in args:
        stem = Path(a).name
        stem = stem.removesuffix(".expected.jsonl").removesuffix(".html")
        if not (FIXTURES / f"{stem}.html").is_file():
            raise SystemExit(f"regen_golden: no fixture tests/fixtures/{stem}.html")
        out.append(stem)
    return out


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def render_fields(text: str) -> list[str]:
    """One line per record field, for a readable diff."""
    lines = []
    for i, line in enumerate(text.splitlines()):
        rec = json.loads(line)
        for k, v in rec.items():
            lines.append(f"[{i}] {k}: {json.dumps(v, ensure_ascii=False)}\n")
    return lines


def current(name: str) -> str:
    from cleaning import clean_file
    res = clean_file(f"tests/fixtures/{name}.html")
    return render([a.to_dict() for a in res.articles])


def regen(names: list[str], write: bool = True, per_field: bool = False, out=sys.stdout) -> list[str]:
    """Return the names whose expected file changed (or would change); print the diffs to `out`."""
    changed = []
    for name in names:
        path = FIXTURES / f"{name}.expected.jsonl"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = current(name)
        if old == new:
            continue
        changed.append(name)
        a, b = (render_fields(old), render_fields(new)) if per_field else (old.splitlines(True), new.splitlines(True))
        rel = path.relative_to(ROOT)
        out.writelines(difflib.unified_diff(a, b, f"a/{rel}", f"b/{rel}", n=1 if per_field else 0))
        if write:
            path.write_text(new, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="fixture names (default: all)")
    ap.add_argument("--check", action="store_true", help="write nothing, exit 1 if anything would change")
    ap.add_argument("--fields", action="store_true", help="diff field by field instead of record by record")
    args = ap.parse_args(argv)
    changed = regen(fixture_names(args.names), write=not args.check, per_field=args.fields)
    verb = "would change" if args.check else "rewrote"
    print(f"regen_golden: {verb} {len(changed)} file(s){': ' + ', '.join(changed) if changed else ''}", file=sys.stderr)
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
