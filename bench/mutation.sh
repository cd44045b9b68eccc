#!/usr/bin/env bash
# Mutation coverage of the figure checks (examples/mutate.rs): every figure of
# the folder's sheets changed alone, one plausible slip at a time, and whether
# hyoka reports it at the changed cell. Prints the summary; writes the JSON
# report and the survivors (TSV) under ${OUT:-target/mutation}.
#
#   bash bench/mutation.sh                         # samples/, 令和6年度
#   bash bench/mutation.sh 提出フォルダ --plan 南市.toml --year 令和7
#   bash bench/mutation.sh --ops swap,x1000 --only 財政課   # samples/, a subset
#
# Any further arguments go to the harness (--year, --plan, --ops, --only,
# --figures FILE). The baseline is docs/mutation-baseline.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=samples
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  DIR=$1
  shift
fi
OUT=${OUT:-target/mutation}
mkdir -p "$OUT"
NAME=$(basename "$DIR")
cargo build --release --quiet --example mutate
ARGS=("$@")
# The samples are the report for 令和6年度; other folders: as the pipeline decides.
if [ "$DIR" = samples ] && ! printf '%s\n' "$@" | grep -qx -- --year; then
  ARGS+=(--year 令和6)
fi
./target/release/examples/mutate "$DIR" ${ARGS[@]+"${ARGS[@]}"} \
  --json "$OUT/$NAME.json" --survivors "$OUT/$NAME-survivors.tsv"
