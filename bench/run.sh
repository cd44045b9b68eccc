#!/usr/bin/env bash
# Benchmark: the floor (calamine touching every cell), hyoka check on one and
# on all threads, hyoka consolidate, and the openpyxl peer, side by side on the
# same synthetic corpus. Prints seconds, files per second, ratio to the floor
# and peak memory (RSS, from /usr/bin/time).
#
#   bash bench/run.sh 50            # 50 municipalities (~1,000 workbooks)
#   bash bench/run.sh 1741 nopeer   # national scale; the peer would take hours
#
# The corpus is generated once per size under ${BENCH_DIR:-/tmp/hyoka-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
PEER=${2:-peer}
DIR=${BENCH_DIR:-/tmp/hyoka-bench}/m$N
cargo build --release --quiet --examples
cargo build --release --quiet
if [ ! -f "$DIR/manifest.json" ]; then
  rm -rf "$DIR"
  ./target/release/examples/gen_corpus --municipalities "$N" --out "$DIR" 2>/dev/null
fi
FILES=$(find "$DIR" -name '*.xlsx' | wc -l)
# A national corpus mixes municipalities: the per-city coverage and duplicate
# rules (P003, P004, P005, G013) do not apply across cities.
IGN="--ignore P003,P004,P005,G013 --year 令和6 -q"
OUT=$(mktemp -d)
run() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/t" "$@" > "$OUT/stdout" 2>/dev/null || true
  read -r secs kb < <(tail -n 1 "$OUT/t")
  echo "$label $secs $kb"
}
{
  run floor ./target/release/examples/floor "$DIR"
  RAYON_NUM_THREADS=1 run check_1_thread ./target/release/hyoka check "$DIR" $IGN --format json
  run check ./target/release/hyoka check "$DIR" $IGN --format json
  run consolidate ./target/release/hyoka consolidate "$DIR" $IGN -o "$OUT/out.xlsx"
  if [ "$PEER" = peer ]; then run peer_openpyxl python3 bench/peer/check_grades.py "$DIR" 2024; fi
} > "$OUT/results"
echo "corpus: $DIR ($FILES workbooks); machine: $(nproc) cores, $(uname -m)"
awk -v files="$FILES" '
  NR == 1 { floor = $2 }
  { printf "%-16s %8.2f s %9.0f files/s %7.2fx floor %8.1f MB peak\n", $1, $2, files / $2, $2 / floor, $3 / 1024 }
' "$OUT/results"
rm -rf "$OUT"
