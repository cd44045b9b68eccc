#!/usr/bin/env python3
"""Writes the department workbooks of samples/ from samples/src/.

    pip install openpyxl
    python3 samples/gen.py            # writes samples/*.xlsx
    bash samples/resave.sh            # LibreOffice copies (.xls, .ods, re-saved .xlsx)

The workbooks are written by openpyxl on purpose: hyoka must read files that
other programs wrote. Each 評価シート goes to the workbook of the department named
first in its 担当課; samples/src/workbooks.toml says how each sheet deviates from
the ideal layout, the way real submissions do.
"""
import json
import re
import sys
import tomllib
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FONT = Font(name="游ゴシック", size=10)
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
FULLWIDTH = str.maketrans("ABC0123456789", "ＡＢＣ０１２３４５６７８９")


def owner(departments: str) -> str:
    t = departments.lstrip(CIRCLED + " \u3000\n")
    m = re.match(r"[^\s" + CIRCLED + r"・、,／/]+", t)
    return m.group(0)


class Layout:
    """Writes one sheet top to bottom, applying the deviations."""

    def __init__(self, ws, dev):
        self.ws, self.dev, self.row = ws, set(dev), 1
        self.off = 1 if "shift_right" in dev else 0

    def col(self, c):  # 1-based column of the ideal layout (A=1)
        return c + self.off

    def put(self, r, c, v, merge_to=None, rows=1):
        cell = self.ws.cell(row=r, column=self.col(c), value=v)
        cell.font, cell.alignment, cell.border = FONT, WRAP, BORDER
        if merge_to or rows > 1:
            self.ws.merge_cells(start_row=r, start_column=self.col(c),
                                end_row=r + rows - 1, end_column=self.col(merge_to or c))

    def label(self, text):
        if "spaced_labels" in self.dev:
            text = {"取組内容": "取組 内容", "担当課": "担当課\u3000", "今後の取組方針": " 今後の取組方針"}.get(text, text)
        return text

    def blank(self):
        if "blank_rows" in self.dev:
            self.row += 1

    def line(self, label, value):
        rows = 2 if "merged_title" in self.dev and label in ("基本方針", "取組項目名") else 1
        self.put(self.row, 1, self.label(label), rows=rows)
        self.put(self.row, 2, value, merge_to=6, rows=rows)
        self.row += rows

    def years(self, headers):
        out = []
        for h in headers:
            m = re.match(r"令和(\d+)年度", h)
            n = int(m.group(1)) if m else None
            if n and "year_short" in self.dev:
                h = f"R{n}"
            elif n and "year_western" in self.dev:
                h = f"{2018 + n}年度"
            elif n and "year_fullwidth" in self.dev:
                h = h.translate(FULLWIDTH)
            out.append(h)
        return out

    def grade(self, g):
        if "fullwidth_grades" in self.dev and g in "ABC":
            return g.translate(FULLWIDTH)
        if "dash_variant" in self.dev and g == "—":
            return "－"
        return g

    def grades(self, label, row):
        self.put(self.row, 1, self.label(label), rows=2 if "blank_rows" not in self.dev else 3)
        for i, h in enumerate(self.years(row["headers"])):
            self.put(self.row, 2 + i, h)
        self.row += 1
        self.blank()
        for i, g in enumerate(row["grades"]):
            self.put(self.row, 2 + i, self.grade(g))
        self.row += 1


def write_sheet(ws, sheet, dev):
    L = Layout(ws, dev)
    ws.column_dimensions["A" if not L.off else "B"].width = 14
    for i in range(5):
        ws.column_dimensions[chr(ord("B") + i + L.off)].width = 24
    L.line("基本方針", sheet["policy"])
    L.line("取組項目名", sheet["item"])
    texts = [a["heading"] + ("\n" + a["description"] if a["description"] else "") for a in sheet["actions"]]
    if "actions_per_row" in dev:
        L.put(L.row, 1, L.label("取組内容"), rows=len(texts))
        for t in texts:
            L.put(L.row, 2, t, merge_to=6)
            L.row += 1
    else:
        L.line("取組内容", "\n".join(texts))
    L.line("担当課", sheet["departments"])
    L.grades("評価", sheet["item_grades"])
    L.row += 1
    for p in sheet["projects"]:
        if p["heading"] is not None:  # None: the report printed no 主な事業 row here
            L.line("主な事業", p["heading"])
        for m in p["measures"]:
            panels = m["panels"]
            pairs = [panels[i:i + 2] for i in range(0, len(panels), 2)]
            height = 1 + 2 * len(pairs)
            L.put(L.row, 1, L.label("具体的な取組"), rows=height)
            L.put(L.row, 2, m["name"], merge_to=6)
            L.row += 1
            for pair in pairs:
                for k, pa in enumerate(pair):
                    L.put(L.row, 2 + 2 * k, pa["header"], merge_to=3 + 3 * k)
                    L.put(L.row + 1, 2 + 2 * k, pa["text"], merge_to=3 + 3 * k)
                L.row += 2
            L.blank()
        L.grades("個別評価", p["grades"])
        L.row += 1
    L.line("今後の取組方針", sheet["future"])


UNIT_RE = re.compile(r"^([▲△-]?)([\d,]+(?:\.\d+)?)(.*)$")


def typed_value(text, unit, comparator, mode):
    """A printed figure as a number when its own unit is the column's unit."""
    if mode != "numbers":
        return text
    m = UNIT_RE.match(text)
    if not m:
        return text
    rest = m.group(3)
    if comparator and rest.endswith(comparator):
        rest = rest[: -len(comparator)]
    if rest != unit:
        return text  # a unit of its own (8,447,029円 in a 千円 column): as printed
    n = float(m.group(2).replace(",", ""))
    n = -n if m.group(1) else n
    return int(n) if n.is_integer() and "." not in m.group(2) else n


def write_targets(ws, t):
    for c, h in enumerate(t["header"], 1):
        cell = ws.cell(row=1, column=c, value=h)
        cell.font, cell.border = Font(name="游ゴシック", size=10, bold=True), BORDER
    for r, row in enumerate(t["rows"], 2):
        unit, comp = row[5], row[6]
        for c, v in enumerate(row, 1):
            if c in (4, 5):
                v = typed_value(v, unit, comp, t["typed"])
            cell = ws.cell(row=r, column=c, value=v)
            cell.font, cell.border = FONT, BORDER
    for c, w in zip("ABCDEFG", [10, 30, 6, 16, 16, 6, 6]):
        ws.column_dimensions[c].width = w


def write_comments(path):
    """The secretariat's draft of chapter 1's 評価とコメント, one paragraph per row."""
    comments = json.loads((SRC / "comments.json").read_text(encoding="utf-8"))
    wb = Workbook()
    ws = wb.active
    ws.title = "評価コメント"
    for c, h in enumerate(["取組項目", "コメント"], 1):
        cell = ws.cell(row=1, column=c, value=h)
        cell.font, cell.border = Font(name="游ゴシック", size=10, bold=True), BORDER
    for r, c in enumerate(comments, 2):
        for k, v in enumerate([c["item"], c["comment"]], 1):
            cell = ws.cell(row=r, column=k, value=v)
            cell.font, cell.alignment, cell.border = FONT, WRAP, BORDER
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 100
    wb.save(path)
    print(path.relative_to(HERE.parent), f"評価コメント, {len(comments)} paragraphs")


def main():
    cfg = tomllib.loads((SRC / "workbooks.toml").read_text(encoding="utf-8"))
    sheets = {}
    for p in sorted((SRC / "sheets").glob("*.json")):
        sheets[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    if len(sheets) != 18:
        print(f"warning: {len(sheets)} sheet files, expected 18", file=sys.stderr)
    books = {}
    for sid in sorted(sheets, key=lambda s: tuple(int(x) for x in s.split("-"))):
        books.setdefault(owner(sheets[sid]["departments"]), []).append(sid)
    targets = {t["department"]: t for t in cfg.get("targets", [])}
    for dept, ids in books.items():
        wb = Workbook()
        wb.remove(wb.active)
        for sid in ids:
            ws = wb.create_sheet(cfg["sheet_names"].get(sid, sid))
            write_sheet(ws, sheets[sid], cfg["deviations"].get(sid, []))
        if dept in targets:
            write_targets(wb.create_sheet(targets[dept]["sheet"]), targets[dept])
        out = HERE / f"{dept}_令和6年度.xlsx"
        wb.save(out)
        print(out.relative_to(HERE.parent), ", ".join(ids))
    write_comments(HERE / "事務局_評価コメント案.xlsx")


if __name__ == "__main__":
    main()
