#!/usr/bin/env bash
# Province recompute in the server (every current result of the province accounted again with the active factor sets
# and written, summaries kept), next to the same join and aggregation as one SQL statement in the same PostgreSQL
# (dev.peakline.bench.RecomputeLoad sql: activity × factor per filed unit, summed per filing, one UPDATE of the results).
# Prints each run's figures, the medians and the ratios (SQL median ÷ Peakline median; above 1 means Peakline is faster).
# Usage: peakline-bench/recompute-bench.sh [SCALE] [RUNS]   (SCALE 1: 605 enterprises, about 36,000 results)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}; runs=${2:-3}
port=18081; data=$(mktemp -d /tmp/peakline-recompute-bench.XXXX)
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
java -Xmx4g -jar peakline-app/target/peakline.jar serve --demo --demo-scale "$scale" --data-dir "$data" --port $port > "$data.log" 2>&1 &
pid=$!
until grep -qs "is ready" "$data.log"; do sleep 0.5; kill -0 $pid 2>/dev/null || { cat "$data.log"; exit 1; }; done
# two cases: nothing new active (every result comes out the same to the bit and is left as stored), and a new national
# grid factor activated for the province before each run (every result with purchased electricity changes and is written)
out=$(for i in $(seq "$runs"); do
  java -cp "$cp" dev.peakline.bench.RecomputeLoad http "http://127.0.0.1:$port" admin peakline-demo 520000
  java -cp "$cp" dev.peakline.bench.RecomputeLoad http "http://127.0.0.1:$port" admin peakline-demo 520000 "0.5$i"
done)
kill $pid; wait $pid 2>/dev/null || true
out="$out
$(for i in $(seq "$runs"); do java -cp "$cp" dev.peakline.bench.RecomputeLoad sql "$data" 520000 2>/dev/null | grep '^path='; done)"
grep "recomputed" "$data.log" | sed "s/.*Recomputer *: //" >&2
rm -rf "$data" "$data.log"
echo "$out"
median() { echo "$out" | grep "^path=$1 " | sed 's/.* seconds=\([0-9.]*\).*/\1/' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
p=$(median peakline_same); c=$(median peakline_changed); s=$(median sql)
awk -v p="$p" -v c="$c" -v s="$s" 'BEGIN {
  printf "median: peakline, nothing changed %.2f s; peakline, new grid factor %.2f s; sql %.2f s\n", p, c, s
  printf "ratio sql/peakline: nothing changed %.2fx, new grid factor %.2fx\n", s / p, s / c }'
