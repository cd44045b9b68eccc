#!/usr/bin/env python3
"""The benchmark peer: the grade checks an office would script with openpyxl.

For every .xlsx under a folder, find the 評価シート (labels 基本方針 and 個別評価
in column A or B), read the 評価 and 個別評価 rows, derive the item grade of the
evaluated year by the committee's rule and report mismatches, unknown grade
symbols and empty grades. Used by bench/run.sh to compare speed with hyoka.

    python3 bench/peer/check_grades.py FOLDER [YEAR=2024]
"""
import re
import sys
import unicodedata
from pathlib import Path

import openpyxl

DASHES = set("—－-ー―‐−")


def norm(v):
    return unicodedata.normalize("NFKC", str(v)).strip() if v is not None else ""


def year_of(h):
    h = norm(h).replace(" ", "")
    m = re.match(r"令和(\d+|元)年度?", h) or re.match(r"R(\d+)$", h)
    if m:
        return 2018 + (1 if m.group(1) == "元" else int(m.group(1)))
    m = re.match(r"(\d{4})年度", h)
    return int(m.group(1)) if m else None


def grade(v):
    t = norm(v)
    if t in ("A", "B", "C"):
        return t
    if t and all(c in DASHES for c in t):
        return "—"
    return None if t else ""


def derive(gs):
    a, b, c = gs.count("A"), gs.count("B"), gs.count("C")
    if c == 0:
        if a == b:
            return "—" if a == 0 else "A/B"
        return "A" if a > b else "B"
    if a + b == c:
        return "B/C"
    return "B" if a + b > c else "C"


def check_sheet(name, rows, year, out):
    for col in (0, 1):
        labels = [norm(r[col]) if len(r) > col else "" for r in rows]
        if "基本方針" in labels and "個別評価" in labels:
            break
    else:
        return False
    item, actions = None, []
    for i, lab in enumerate(labels):
        if lab not in ("評価", "個別評価"):
            continue
        years = {j: year_of(v) for j, v in enumerate(rows[i]) if j > col and year_of(v)}
        below = next((r for r in rows[i + 1:] if any(norm(v) for v in r[col + 1:])), ())
        cells = {}
        for j, y in years.items():
            v = below[j] if j < len(below) else None
            g = grade(v)
            if g is None:
                out.append(f"{name}: unknown grade {norm(v)!r}")
            elif g == "" and y <= year:
                out.append(f"{name}: empty grade {y}")
            cells[y] = g
        if lab == "評価":
            item = cells.get(year)
        else:
            actions.append(cells.get(year) or "")
    derived = derive([g for g in actions if g in ("A", "B", "C")])
    if item and item not in derived.split("/"):
        out.append(f"{name}: item grade {item}, derived {derived}")
    return True


def main():
    folder = Path(sys.argv[1])
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2024
    files = sheets = 0
    out = []
    for path in sorted(folder.rglob("*.xlsx")):
        files += 1
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # an office script goes on with the next file
            out.append(f"{path}: unreadable ({e})")
            continue
        for ws in wb.worksheets:
            rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
            if check_sheet(f"{path}:{ws.title}", rows, year, out):
                sheets += 1
        wb.close()
    for line in out:
        print(line)
    print(f"files={files} sheets={sheets} problems={len(out)}")


main()
