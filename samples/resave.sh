#!/usr/bin/env bash
# Replaces three generated samples by copies that LibreOffice wrote, so hyoka is
# tested on files it did not write: one .xls, one .ods and one re-saved .xlsx.
# The openpyxl originals go to tests/fixtures/originals/, where a test checks
# that both read the same.
#
#   apt-get install -y libreoffice-calc
#   python3 samples/gen.py && bash samples/resave.sh
set -euo pipefail
cd "$(dirname "$0")"
orig=../tests/fixtures/originals
mkdir -p "$orig"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert() { # stem target-format extension
  cp "$1.xlsx" "$tmp/"
  libreoffice --headless --calc --convert-to "$2" --outdir "$tmp/out" "$tmp/$1.xlsx" >/dev/null
  mv "$1.xlsx" "$orig/$1.xlsx"
  mv "$tmp/out/$1.$3" "$1.$3"
}
convert 職員課_令和6年度 'xls:MS Excel 97' xls
convert 財政課_令和6年度 ods ods
convert 行政経営担当_令和6年度 'xlsx:Calc MS Excel 2007 XML' xlsx
ls -l ./*.xls ./*.ods "$orig"
