#!/usr/bin/env bash
# Benchmark: the floor (calamine touching every cell), hyoka check on one and
# on all threads, hyoka consolidate, and the openpyxl peer, side by side on the
# same synthetic corpus. Every measurement is repeated REPS times, the runs of
# all of them interleaved (this machine's speed drifts); it prints the median
# seconds, files per second, ratio to the floor and the highest peak memory
# (RSS, from /usr/bin/time); then how many of the injected mistakes were
# reported (bench/detection.py).
#
#   bash bench/run.sh 50            # 50 municipalities (~1,000 workbooks), with the peer
#   bash bench/run.sh 250 nopeer    # ~5,000 workbooks
#   bash bench/run.sh 1741 nopeer   # national scale (~35,000); the peer would take long
#   REPS=9 bash bench/run.sh 250 nopeer
#   ISOLATION=compare bash bench/run.sh 250 nopeer   # also read in hyoka's own
#                                   # process ([limits] isolate = false): the
#                                   # cost of the reading workers
#
# The corpus is generated once per size under ${BENCH_DIR:-/tmp/hyoka-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50}
PEER=${2:-peer}
REPS=${REPS:-5}
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
IGN=(--ignore P003,P004,P005,G013 --year 令和6 -q)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

floor() { ./target/release/examples/floor "$DIR"; }
floor_cells() { ./target/release/examples/floor "$DIR" --cells; }
check_1_thread() { RAYON_NUM_THREADS=1 ./target/release/hyoka check "$DIR" "${IGN[@]}" --format json; }
check() { ./target/release/hyoka check "$DIR" "${IGN[@]}" --format json; }
consolidate() { ./target/release/hyoka consolidate "$DIR" "${IGN[@]}" -o "$OUT/out.xlsx"; }
peer_openpyxl() { python3 bench/peer/check_grades.py "$DIR" 2024; }
printf '[limits]\nisolate = false\n' > "$OUT/in_process.toml"
check_1_thread_in_process() { RAYON_NUM_THREADS=1 ./target/release/hyoka check "$DIR" "${IGN[@]}" --format json --config "$OUT/in_process.toml"; }
check_in_process() { ./target/release/hyoka check "$DIR" "${IGN[@]}" --format json --config "$OUT/in_process.toml"; }

RUNS=(floor floor_cells check_1_thread check consolidate)
if [ "${ISOLATION:-}" = compare ]; then RUNS+=(check_1_thread_in_process check_in_process); fi
if [ "$PEER" = peer ]; then RUNS+=(peer_openpyxl); fi
for rep in $(seq "$REPS"); do
  for r in "${RUNS[@]}"; do
    # The peer is slow and steady: one run is enough.
    if [ "$r" = peer_openpyxl ] && [ "$rep" -gt 1 ]; then continue; fi
    /usr/bin/time -f "%e %M" -o "$OUT/t" bash -c "$(declare -f "$r"); DIR='$DIR'; OUT='$OUT'; IGN=(${IGN[*]}); $r" > "$OUT/stdout" 2>/dev/null || true
    tail -n 1 "$OUT/t" >> "$OUT/$r"
  done
done
echo "corpus: $DIR ($FILES workbooks); machine: $(nproc) cores, $(uname -m); median of $REPS runs"
for r in "${RUNS[@]}"; do
  sort -n "$OUT/$r" | awk -v l="$r" '{s[NR] = $1; if ($2 > m) m = $2} END {print l, s[int((NR + 1) / 2)], m}'
done > "$OUT/results"
awk -v files="$FILES" '
  NR == 1 { floor = $2 }
  { t[$1] = $2; printf "%-16s %8.2f s %9.0f files/s %7.2fx floor %8.1f MB peak\n", $1, $2, files / $2, $2 / floor, $3 / 1024 }
  END {
    printf "2 threads: %.2fx one thread\n", t["check_1_thread"] / t["check"]
    if ("check_in_process" in t)
      printf "reading workers: check %+.1f%%, on one thread %+.1f%%\n", 100 * (t["check"] / t["check_in_process"] - 1), 100 * (t["check_1_thread"] / t["check_1_thread_in_process"] - 1)
    if ("peer_openpyxl" in t)
      printf "peer: %.1fx check (%.1fx check on one thread)\n", t["peer_openpyxl"] / t["check"], t["peer_openpyxl"] / t["check_1_thread"]
  }
' "$OUT/results"
# What the checks found of the injected mistakes (bench/detection.py).
./target/release/hyoka check "$DIR" "${IGN[@]}" --format json > "$OUT/findings.json" || true
python3 bench/detection.py "$DIR" "$OUT/findings.json"
