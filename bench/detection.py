#!/usr/bin/env python3
"""How many of the mistakes gen_corpus injected does `hyoka check` report?

    python3 bench/detection.py CORPUS FINDINGS.json

CORPUS is a folder written by `cargo run --release --example gen_corpus`
(its manifest.json lists every injected mistake with its cell and the code
that should report it); FINDINGS.json is `hyoka check CORPUS --format json`.
A mistake counts as detected when a finding of its code points at its cell or
names the cell among its related places. Prints, per code, the injected and
detected counts and the findings of that code at no injected cell.
"""

import collections
import json
import os
import sys


def main():
    corpus, findings_path = sys.argv[1], sys.argv[2]
    manifest = json.load(open(os.path.join(corpus, "manifest.json"), encoding="utf-8"))
    findings = json.load(open(findings_path, encoding="utf-8"))["findings"]
    root = os.path.abspath(corpus)

    def rel(path):
        return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")

    def points(f):
        """(file, sheet, cell) of every place a finding points at or names."""
        out = []
        if f.get("cell"):
            out.append((rel(f["file"]), f["sheet"], f["cell"]))
        for r in f.get("related") or []:
            path, _, place = r.rpartition(":")
            sheet, _, cell = place.partition("!")
            out.append((rel(path), sheet, cell))
        return out

    reported = collections.defaultdict(set)
    for f in findings:
        reported[f["code"]].update(points(f))

    injected = collections.Counter()
    detected = collections.Counter()
    missed = collections.defaultdict(list)
    places = collections.defaultdict(set)
    for m in manifest["mistakes"]:
        key = (m["file"], m["sheet"], m["cell"])
        places[m["code"]].add(key)
        injected[m["code"]] += 1
        if key in reported[m["code"]]:
            detected[m["code"]] += 1
        else:
            missed[m["code"]].append(":".join(key))
    others = collections.Counter(
        f["code"] for f in findings if not any(p in places[f["code"]] for p in points(f))
    )

    print("%-6s %9s %9s %8s %14s" % ("code", "injected", "detected", "recall", "other findings"))
    for code in sorted(set(injected) | set(others)):
        n, d = injected[code], detected[code]
        recall = "%.1f%%" % (100.0 * d / n) if n else "-"
        print("%-6s %9d %9d %8s %14d" % (code, n, d, recall, others[code]))
    total_n, total_d = sum(injected.values()), sum(detected.values())
    print("all    %9d %9d %7.1f%%" % (total_n, total_d, 100.0 * total_d / max(total_n, 1)))
    for code, places_missed in sorted(missed.items()):
        print("missed %s: %s%s" % (code, ", ".join(places_missed[:5]), " …" if len(places_missed) > 5 else ""))


if __name__ == "__main__":
    main()
