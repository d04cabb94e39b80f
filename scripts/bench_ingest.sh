#!/usr/bin/env bash
# Ingest benchmark: builds corpora of N sentences from ../shared/corpus/news-dev.jsonl
# (documents replicated under new ids), then measures ingest sentences/s with 1 and 2 threads,
# peak memory (/usr/bin/time -v), and the time of the dyad weekly series query.
#
#   scripts/bench_ingest.sh                 # 100,000 sentences
#   scripts/bench_ingest.sh 100000 1000000  # both sizes
#
# Env: SHARED (default ../shared), WORK (default target/bench-ingest), THREADS (default "1 2").
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
WORK=${WORK:-target/bench-ingest}
THREADS=${THREADS:-"1 2"}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100000)
SRC="$SHARED/corpus/news-dev.jsonl"
if [ ! -f "$SRC" ]; then echo "SKIP: $SRC absent"; exit 0; fi
[ -x /usr/bin/time ] || { echo "need /usr/bin/time (apt-get install time)"; exit 2; }
mkdir -p "$WORK"

cargo build --release -p tacitus-cli >&2
BIN=target/release/tacitus

# Sentences per pass over the dev corpus, counted by the pipeline itself.
rm -f "$WORK/probe.db"*
probe=$($BIN ingest --db "$WORK/probe.db" --input "$SRC" --quiet 2>&1 | tail -1)
per_pass=$(echo "$probe" | sed -E 's/.* ([0-9]+) sentences in .*/\1/')
echo "dev corpus: $probe"
echo "one pass = $per_pass sentences"

printf '%-10s %-8s %-10s %-10s %-12s %-12s %-10s\n' sentences threads docs events sentences/s peak_MiB series_ms
for n in "${SIZES[@]}"; do
  corpus="$WORK/corpus-$n.jsonl"
  if [ ! -f "$corpus" ]; then
    python3 - "$SRC" "$corpus" "$n" "$per_pass" <<'PY'
import json, sys
src, out, target, per_pass = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
passes = -(-target // max(per_pass, 1))
with open(out, "w", encoding="utf-8") as f:
    for k in range(passes):
        for d in docs:
            d2 = dict(d, id=f"{d['id']}-r{k}")
            f.write(json.dumps(d2, ensure_ascii=False) + "\n")
PY
  fi
  for t in $THREADS; do
    db="$WORK/bench-$n-$t.db"
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -v "$BIN" ingest --db "$db" --input "$corpus" --threads "$t" --quiet 2> "$WORK/ingest-$n-$t.log"
    summary=$(grep '^ingested' "$WORK/ingest-$n-$t.log")
    docs=$(echo "$summary" | sed -E 's/^ingested ([0-9]+) docs.*/\1/')
    events=$(echo "$summary" | sed -E 's/.*, ([0-9]+) events,.*/\1/')
    sents=$(echo "$summary" | sed -E 's/.* ([0-9]+) sentences in .*/\1/')
    rate=$(echo "$summary" | sed -E 's/.*\(([0-9]+) sentences\/s\)/\1/')
    peak_kb=$(grep 'Maximum resident set size' "$WORK/ingest-$n-$t.log" | awk '{print $NF}')
    # The busiest ordered country pair, then the weekly series query, timed end to end (process included).
    pair=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute("SELECT src, tgt FROM dyad_day WHERE src <> '' AND tgt <> '' AND src <> tgt GROUP BY src, tgt ORDER BY sum(n_events) DESC LIMIT 1").fetchone()
print(f"{r[0]},{r[1]}" if r else "USA,CHN")
PY
)
    start=$(date +%s%N)
    "$BIN" query --db "$db" --series "$pair" --by week --format csv > "$WORK/series-$n-$t.csv"
    end=$(date +%s%N)
    series_ms=$(( (end - start) / 1000000 ))
    printf '%-10s %-8s %-10s %-10s %-12s %-12s %-10s\n' "$sents" "$t" "$docs" "$events" "$rate" "$((peak_kb / 1024))" "$series_ms ($pair)"
  done
done
