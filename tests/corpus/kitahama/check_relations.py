#!/usr/bin/env python3
"""Re-verifies every relation of relations.json from its printed figures.

    python3 tests/corpus/kitahama/check_relations.py [--no-cells]

For each relation: parse the figures (figures.py), evaluate its `check` over
a, b, c … and print OK or FAIL. Unless --no-cells, it also opens the workbooks
(the .xls/.ods copies through a temporary LibreOffice conversion) and confirms
that each figure is printed in the cell the relation names. Exit 1 on any FAIL.

Helpers usable in a check:
  eq(x, y, tol=0)        |x - y| <= tol (plus float noise)
  rnd(p, exact, step)    p is `exact` printed rounded to `step` (|p - exact| <= step/2)
  in_fy(date, n)         the date lies in 令和n年度 (April 令和n年 … March 令和n+1年)
Values: money in 円, durations in 分, lengths in m, % and ポイント as printed,
割 as a fraction, 倍 as a factor, counters as plain numbers.
"""
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from figures import parse_figure  # noqa: E402

EPS = 1e-9


def eq(x, y, tol=0):
    return abs(x - y) <= tol + EPS * max(1.0, abs(x), abs(y))


def rnd(p, exact, step):
    return abs(p - exact) <= step / 2 + EPS * max(1.0, abs(p), abs(exact))


def in_fy(d, n):
    y, m, _ = d
    fy = y - 2018 if m >= 4 else y - 2019
    return fy == n


def values_of(figs):
    out, prev = [], None
    for f in figs:
        v, unit = parse_figure(f, prev)
        if unit == "date":
            prev = v
        out.append(v)
    return out


def load_cells(files):
    """{(file, sheet, cell): value} for the workbooks, converting .xls/.ods to .xlsx."""
    from openpyxl import load_workbook
    out = {}
    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        for f in sorted(files):
            path = HERE / f
            if path.suffix in (".xls", ".ods"):
                if not soffice:
                    print(f"note: soffice not found, cells of {f} not checked")
                    continue
                subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                                "--convert-to", "xlsx", "--outdir", tmp, str(path)],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                path = Path(tmp) / (path.stem + ".xlsx")
            wb = load_workbook(path)
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for c in row:
                        if c.value is not None:
                            unit = ws.cell(row=c.row, column=6).value if ws.title == "数値目標" else ""
                            out[(f, ws.title, c.coordinate)] = (c.value, unit or "")
    return out


def places(r):
    n = len(r["cells"])
    files = r["file"] if isinstance(r["file"], list) else [r["file"]] * n
    sheets = r["sheet"] if isinstance(r["sheet"], list) else [r["sheet"]] * n
    return list(zip(files, sheets, r["cells"]))


def printed_in(fig, value, unit):
    if isinstance(value, (int, float)):
        return abs(parse_figure(fig)[0] - parse_figure(f"{value}{unit}")[0]) < 1e-6
    return fig in str(value)


def main():
    rels = json.loads((HERE / "relations.json").read_text(encoding="utf-8"))["relations"]
    cells = None
    if "--no-cells" not in sys.argv:
        cells = load_cells({p[0] for r in rels for p in places(r)})
    fails, kinds = 0, Counter()
    for i, r in enumerate(rels, 1):
        kinds[r["kind"]] += 1
        problems = []
        try:
            vals = values_of(r["figures"])
            env = {chr(ord("a") + k): v for k, v in enumerate(vals)}
            env.update(eq=eq, rnd=rnd, in_fy=in_fy)
            if not eval(r["check"], {"__builtins__": {}}, env):
                problems.append(f"check {r['check']} is false for {vals}")
        except Exception as e:  # a figure that does not parse is a failure too
            problems.append(f"{type(e).__name__}: {e}")
        if cells is not None:
            for fig, (f, s, c) in zip(r["figures"], places(r)):
                if (f, s, c) in cells:
                    if not printed_in(fig, *cells[(f, s, c)]):
                        problems.append(f"{fig} not printed in {f} {s} {c}: {cells[(f, s, c)][0]!r}")
                elif not (f.endswith((".xls", ".ods")) and not shutil.which("soffice")):
                    problems.append(f"no cell {f} {s} {c}")
        where = ", ".join(sorted({f"{f}:{s}" for f, s, _ in places(r)}))
        status = "FAIL" if problems else "OK"
        fails += bool(problems)
        print(f"{status:4} {i:3} {r['kind']:13} {' '.join(r['figures'])}  [{where}]")
        for p in problems:
            print(f"       {p}")
    print()
    print(f"{len(rels)} relations, {len(rels) - fails} OK, {fails} FAIL")
    print("by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
