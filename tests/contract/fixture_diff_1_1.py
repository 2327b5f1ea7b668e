#!/usr/bin/env python3
"""Shows that re-blessing the fixtures for contract 1.1 added the 1.1 fields and nothing else.

Usage (from the repository root): python3 tests/contract/fixture_diff_1_1.py BASE
where BASE is the commit before the re-bless (the 1.0 expected files). For every
*.expected.json under fixtures/, the 1.1 file minus the fields 1.1 added (and with the tool version the 1.0 files
record) must equal the 1.0 file exactly; the added fields must hold what 1.1 allows before the extractors fill them.
Exit 0 when every fixture passes.
"""
import json
import subprocess
import sys
from pathlib import Path

UNIT_SOURCES = {"header", "caption", "note", "text", "title", "assumed"}


def strip_1_1(v, path, problems):
    """Removes what 1.1 added from v (in place), noting anything unexpected."""
    if v.get("schema_version") != "1.1":
        problems.append(f"{path}: schema_version {v.get('schema_version')!r}")
    v["schema_version"] = "1.0"
    # The crate version moved with the contract (0.1.0 -> 0.2.0); `check` never compares it.
    if v.get("tool", {}).get("version") != "0.2.0":
        problems.append(f"{path}: tool.version {v.get('tool', {}).get('version')!r}")
    v.setdefault("tool", {})["version"] = "0.1.0"
    src = v.get("source", {})
    if "path" not in src:
        problems.append(f"{path}: no source.path")
    src.pop("path", None)
    if "error" in v:
        return
    if v.pop("authority", "missing") is not None:
        problems.append(f"{path}: authority is not null")
    for i, s in enumerate(v.get("savings", [])):
        u = s.pop("unit_source", None)
        if u not in UNIT_SOURCES:
            problems.append(f"{path}: savings[{i}].unit_source {u!r}")
    for i, w in enumerate(v.get("workstreams", [])):
        if w.pop("project_details", None) != []:
            problems.append(f"{path}: workstreams[{i}].project_details not []")


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    files = sorted(Path("fixtures").rglob("*.expected.json"))
    failed = 0
    counts = {}
    for f in files:
        old = json.loads(subprocess.run(["git", "show", f"{base}:{f}"], check=True, capture_output=True).stdout)
        new = json.loads(f.read_text())
        problems = []
        for s in new.get("savings", []):
            counts[s.get("unit_source")] = counts.get(s.get("unit_source"), 0) + 1
        strip_1_1(new, str(f), problems)
        if new != old:
            problems.append(f"{f}: differs from {base} beyond the 1.1 fields")
        if problems:
            failed += 1
            print("\n".join(problems))
        else:
            print(f"{f}: only the 1.1 fields added")
    print(f"{len(files)} fixtures, {failed} with other changes; unit_source values: {counts}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
