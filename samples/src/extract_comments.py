#!/usr/bin/env python3
"""Copy chapter 1's 「評価とコメント」 paragraphs into samples/src/comments.json.

Each 基本方針 of chapter 1 ends with a table and then, per 取組項目 (headed
`ア 名前`, `イ 名前` …), one paragraph per action starting with 「①名前」は、… and
a closing paragraph on the item. They are copied as printed; a paragraph split by
a page break (the previous one does not end with 。) is joined. gen.py writes them
as the secretariat's 評価コメント sheet.

Usage: python3 samples/src/extract_comments.py [SEED]
"""
import json, os, re, sys, tomllib, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../shared/seed/000_0a30f17dcfe74450.txt")
PLAN = tomllib.load(open(os.path.join(HERE, "../../plans/akishima-r4-r8.toml"), "rb"))
HEADING = re.compile(r"^[アイウエオカキクケコ] (.+)$")


def key(s):
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", s))


def main():
    lines = open(SEED, encoding="utf-8").read().split("\n")
    end = next(i for i, l in enumerate(lines) if l.startswith("第2章") and i > 100)
    out, policy, item, active = [], None, None, False
    for l in lines[:end]:
        m = re.match(r"^基本方針(\d)", l)
        if m:
            policy, active = int(m.group(1)), False
            continue
        if l.startswith("(2) 評価とコメント"):
            active = True
            continue
        if not active or not l.strip() or "\t" in l:
            continue
        h = HEADING.match(l)
        if h:
            names = {key(i["name"]): i["number"] for i in next(p for p in PLAN["policies"] if p["number"] == policy)["items"]}
            n = names.get(key(h.group(1)))
            if n is None:
                sys.exit(f"heading not in plan: {l}")
            item = f"{policy}-({n})"
            continue
        if item is None:
            continue
        # A page break inside a paragraph: the previous one does not end with 。,
        # or a lone fragment such as `い。` follows it.
        broken = not out[-1]["comment"].endswith("。") or len(l.strip()) <= 3 if out else False
        if out and out[-1]["item"] == item and broken:
            out[-1]["comment"] += l.strip()
        else:
            out.append({"item": item, "comment": l.strip()})
    path = os.path.join(HERE, "comments.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(len(out), "paragraphs,", sum(c["comment"].startswith("「") for c in out), "naming an action")


main()
