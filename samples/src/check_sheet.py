#!/usr/bin/env python3
"""Structural check of samples/src/sheets/*.json (see SCHEMA.md). Usage: check_sheet.py FILE..."""
import json, sys, re

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

def check(path):
    errs = []
    d = json.load(open(path, encoding="utf-8"))
    for k in ["id", "policy", "item", "actions", "departments", "item_grades", "projects", "future"]:
        if k not in d:
            errs.append(f"missing key {k}")
    if errs:
        return errs
    if not re.fullmatch(r"[1-4]-\([1-5]\)", d["id"]):
        errs.append("id must look like 1-(1)")
    def grades(g, where):
        if len(g.get("headers", [])) != 5 or len(g.get("grades", [])) != 5:
            errs.append(f"{where}: need 5 headers and 5 grades")
    grades(d["item_grades"], "item_grades")
    for a in d["actions"]:
        if not a.get("heading") or a["heading"][0] not in CIRCLED:
            errs.append(f"action heading must start with a circled number: {a.get('heading')!r}")
        if "description" not in a:
            errs.append("action without description")
    if not d["projects"]:
        errs.append("no projects")
    for p in d["projects"]:
        where = p.get("heading", "?")
        if not p.get("measures"):
            errs.append(f"{where}: no measures")
        for m in p.get("measures", []):
            if not m.get("name"):
                errs.append(f"{where}: measure without name")
            for pa in m.get("panels", []):
                if set(pa) != {"header", "text"}:
                    errs.append(f"{where}/{m.get('name')}: panel needs header and text")
                if "<" in pa.get("text", "") and re.search(r"</?(ul|li|p)\b", pa["text"]):
                    errs.append(f"{where}/{m.get('name')}: HTML tag left in text")
        grades(p.get("grades", {}), f"{where} grades")
    return errs

bad = 0
for f in sys.argv[1:]:
    e = check(f)
    print(f, "OK" if not e else "")
    for x in e:
        print("  -", x)
    bad += bool(e)
sys.exit(1 if bad else 0)
