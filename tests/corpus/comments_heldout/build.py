"""Builds each held-out comment draft from its answer key: `<name>.json`
holds every row's cell, item and text, so the key is the whole source.

    python3 build.py heldout heldout_b heldout_probe heldout_probe2
"""

import json
import pathlib
import sys

import openpyxl

HERE = pathlib.Path(__file__).parent

for name in sys.argv[1:]:
    rows = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価コメント"
    ws.append(["取組項目", "コメント"])
    for r in rows:
        ws[f"A{r['cell'][1:]}"] = r["item"]
        ws[r["cell"]] = r["text"]
    wb.save(HERE / f"{name}.xlsx")
