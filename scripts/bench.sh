#!/usr/bin/env bash
# Whole-pipeline throughput and peak memory over a corpus (default: ../shared/corpus/bbc_news.jsonl).
# Per-stage benchmarks live in each crate's benches/ (`cargo bench -p entente-ingest`, ...).
#
#   scripts/bench.sh [CORPUS]        # RAYON_NUM_THREADS=1 for per-core figures
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/bbc_news.jsonl}
[ -f "$corpus" ] || { echo "error: no corpus at \`$corpus\`" >&2; exit 2; }
cargo build --release --locked --quiet -p entente-cli
bin=target/release/entente
bytes=$(stat -c %s "$corpus")
db=$(mktemp -d)/bench.db
trap 'rm -rf "$(dirname "$db")"' EXIT

measure() {
  local label=$1; shift
  local out timing
  timing=$(mktemp)
  /usr/bin/time -o "$timing" -f '%e %M' "$@" >/dev/null 2>/dev/null
  out=$(tail -n 1 "$timing")
  rm -f "$timing"
  local secs=${out% *} kb=${out#* }
  awk -v l="$label" -v b="$bytes" -v s="$secs" -v k="$kb" \
    'BEGIN { printf "%-34s %7.2f s  %8.1f MB/s  peak %6.1f MB\n", l, s, b/1e6/(s>0?s:0.001), k/1024 }'
}

echo "corpus: $corpus ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB), threads: ${RAYON_NUM_THREADS:-all}"
measure "read + normalize (articles)" "$bin" code --emit articles "$corpus"
measure "read + normalize + split (docs)" "$bin" code --emit docs "$corpus"
measure "read + split + code (events)" "$bin" code "$corpus"
measure "ingest into a new store" "$bin" ingest --quiet --db "$db" "$corpus"
measure "ingest again (all duplicates)" "$bin" ingest --quiet --db "$db" "$corpus"
echo "events coded: $("$bin" code "$corpus" | wc -l)"
