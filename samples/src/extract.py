#!/usr/bin/env python3
"""Transcribe chapter 2 of the FY2024 committee report into samples/src/sheets/*.json.

The report (../shared/seed/000_0a30f17dcfe74450.txt) prints each 評価シート as
tab-separated rows with HTML list markup. This script copies every text as printed
(only the layout markup is dropped) so that the samples keep the report's own
mistakes. Run it once; the JSON files are the reviewed source of the samples.

Usage: python3 samples/src/extract.py [SEED]
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../shared/seed/000_0a30f17dcfe74450.txt")
IDS = ["1-(1)", "1-(2)", "1-(3)", "1-(4)", "2-(1)", "2-(2)", "2-(3)", "2-(4)", "3-(1)",
       "3-(2)", "3-(3)", "3-(4)", "3-(5)", "4-(1)", "4-(2)", "4-(3)", "4-(4)", "4-(5)"]
# Chapter 2's sheets: from the first 基本方針 row after the 見方 example to the
# end of 4-(5); each sheet starts at its 基本方針 row.
FIRST, LAST = 636, 1675
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
PANEL = re.compile(r"^令和\S+年度の?(取組|成果・効果)$")


def clean(s):
    """Drop layout markup; one line per paragraph or `・` bullet."""
    s = re.sub(r"</p>\s*<p>", "\n", s)
    s = re.sub(r"</?(p|ul|li)\b[^>]*>", " ", s)
    s = re.sub(r"[ \t]+", " ", s)
    lines = [re.sub(r" ?・", "\n・", l) if l.strip().startswith("・") else l for l in s.split("\n")]
    s = "\n".join(lines)
    return "\n".join(l.strip() for l in s.split("\n") if l.strip())


def split_circled(text):
    """Split `① name desc ② name desc` into [(circled+name, desc)]."""
    parts = re.split(f"(?=[{CIRCLED}])", text)
    return [p.strip() for p in parts if p.strip()]


def grades_pair(header_cells, grade_cells):
    return {"headers": header_cells, "grades": grade_cells}


def cells(line):
    return [c.strip() for c in line.rstrip("\n").split("\t")]


def extract(lines, sid, lo, hi):
    notes = []
    d = {"id": sid, "source_lines": f"{lo}-{hi}", "policy": "", "item": "", "actions": [],
         "departments": "", "item_grades": None, "projects": [], "future": "", "notes": notes}
    rows = [cells(l) for l in lines[lo - 1:hi]]
    i = 0
    measure = None
    future = []
    in_future = False
    last = None
    while i < len(rows):
        r = rows[i]
        ne = [c for c in r if c]
        i += 1
        if not ne:
            continue
        head = ne[0]
        ctx = last
        if r[0]:
            last = r[0]
        if in_future:
            if ne == ["取組方針"]:
                continue  # second line of the label printed as 今後の / 取組方針
            future.append(clean(" ".join(ne)))
            continue
        if head == "基本方針":
            d["policy"] = ne[1]
        elif head == "取組項目名":
            d["item"] = ne[1]
        elif head == "取組内容" or (ctx == "取組項目名" and r[0] == "" and head[0] in CIRCLED):
            if head != "取組内容":
                notes.append("取組内容 row printed without its label")
            raw = " ".join(ne[1:] if head == "取組内容" else ne)
            for p in split_circled(re.sub(r"</?p>", " ", raw)):
                d["actions"].append({"text": clean(p)})
        elif head == "担当課":
            d["departments"] = "\n".join(clean(c) for c in ne[1:])
            d["departments"] = re.sub(f" (?=[{CIRCLED}])", "\n", d["departments"])
        elif ctx == "担当課" and r[0] == "":
            d["departments"] += "\n" + "\n".join(clean(c) for c in ne)
        elif head in ("評価", "個別評価"):
            hdr = ne[1:]
            g = [c for c in rows[i] if c]
            i += 1
            pair = grades_pair(hdr, g)
            if head == "評価":
                d["item_grades"] = pair
            else:
                d["projects"][-1]["grades"] = pair
        elif head.startswith("主な事業"):
            name = head[len("主な事業"):].strip() or ne[1]
            d["projects"].append({"heading": name, "measures": []})
        elif head.startswith("具体的な取組"):
            name = head[len("具体的な取組"):].strip() or (ne[1] if len(ne) > 1 else "")
            if not d["projects"] or "grades" in d["projects"][-1]:
                notes.append(f"具体的な取組「{name}」 printed without a 主な事業 row before it")
                d["projects"].append({"heading": None, "measures": []})
            measure = {"name": name, "panels": []}
            d["projects"][-1]["measures"].append(measure)
        elif all(PANEL.match(c) for c in ne):
            # Header row: pair each header with the text cell at the same column;
            # fall back to order when the text row is laid out differently.
            texts = rows[i]
            i += 1
            hpos = [k for k, c in enumerate(r) if c]
            tpos = [k for k, c in enumerate(texts) if c]
            if hpos == tpos or len(tpos) == len(hpos):
                vals = [texts[k] for k in tpos]
            else:
                vals = [texts[k] if k < len(texts) else "" for k in hpos]
                notes.append(f"panel texts under {ne} not aligned (line {lo + i - 1})")
            for h, t in zip(ne, vals + [""] * (len(ne) - len(vals))):
                measure["panels"].append({"header": h, "text": clean(t)})
        elif head.startswith("今後の"):
            in_future = True
            rest = " ".join(ne[1:])
            if head != "今後の取組方針":
                rest = ""  # printed as 今後の / 取組方針 on two lines
            if rest:
                future.append(clean(rest))
        elif head == "取組方針":
            continue
        elif measure is not None and measure["panels"]:
            # A text row that continues the previous panel (page break).
            measure["panels"][-1]["text"] += clean(" ".join(ne))
            notes.append(f"line {lo + i - 1}: continuation joined to previous panel")
        else:
            notes.append(f"line {lo + i - 1}: unrecognised row {ne[:2]}")
    d["future"] = "\n".join(f for f in future if f)
    split_actions(d)
    return d


def split_actions(d):
    """Split each 取組内容 entry into heading (circled + name) and description.

    The name is the matching 主な事業 heading when the text starts with it;
    otherwise the text up to the first space."""
    names = {}
    for p in d["projects"]:
        h = p["heading"] or (p["measures"][0]["name"] if p["measures"] else "")
        if h and h[0] in CIRCLED:
            names[h[0]] = re.sub(r"（再掲）$", "", h[1:].strip())
    for a in d["actions"]:
        t = a.pop("text")
        c, rest = t[0], t[1:]
        body = rest.lstrip(" ")
        name = names.get(c)
        if name and body.startswith(name):
            head, desc = body[:len(name)], body[len(name):]
        else:
            head, _, desc = body.partition(" ")
        desc = desc.strip()
        if desc.startswith("（再掲）"):
            head, desc = head + " （再掲）", desc[len("（再掲）"):].strip()
        a["heading"] = c + rest[:len(rest) - len(body)] + head
        a["description"] = desc


def main():
    lines = open(SEED, encoding="utf-8").read().split("\n")
    starts = [n for n in range(FIRST, LAST + 1) if lines[n - 1].split("\t")[0] == "基本方針"]
    assert len(starts) == len(IDS), starts
    RANGES = dict(zip(IDS, zip(starts, [s - 1 for s in starts[1:]] + [LAST])))
    out = os.path.join(HERE, "sheets")
    os.makedirs(out, exist_ok=True)
    for sid, (lo, hi) in RANGES.items():
        d = extract(lines, sid, lo, hi)
        p, n = sid[0], sid[3]
        with open(os.path.join(out, f"{p}-{n}.json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(sid, len(d["actions"]), "actions", len(d["projects"]), "projects",
              sum(len(p["measures"]) for p in d["projects"]), "measures", d["notes"])


main()
