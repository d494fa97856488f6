#!/usr/bin/env bash
# File to result: `./peakline account` on the demo province's filing files, whole process (JVM start, read, check,
# account, write), next to DuckDB doing the same work on the same CSV in the same run: read it, join a factor table on
# carrier/unit/use, group by enterprise-month, write a CSV (dev.peakline.bench.AccountPeer, also a whole JVM process).
# Prints each run's wall time and peak RSS, the medians and the ratio (DuckDB median ÷ Peakline median; above 1 means
# Peakline is faster).
# Usage: peakline-bench/account-bench.sh [SCALE] [RUNS]   (SCALE 20: 12,100 enterprises, 1.31 M activity rows, 89 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-20}; runs=${2:-3}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
data=${PEAKLINE_BENCH_DATA:-/tmp/peakline-account-bench-$scale}
if [ ! -f "$data/activity.csv" ]; then
  ./peakline demo --out "$data" --scale "$scale" >&2
fi
[ -f "$data/factors.csv" ] || java -cp "$cp" dev.peakline.bench.AccountPeer factors "$data/activity.csv" "$data/factors.csv"
echo "input: $(($(wc -l < "$data/activity.csv") - 1)) activity rows, $(du -m "$data/activity.csv" | cut -f1) MB"
timed() { # label, command…: prints "label seconds kilobytes"
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" "$@" > /dev/null 2> /tmp/peakline-bench-time.$$ || { cat /tmp/peakline-bench-time.$$ >&2; exit 1; }
  tail -1 /tmp/peakline-bench-time.$$
}
results=$(for i in $(seq "$runs"); do
  timed peakline ./peakline account --activity "$data/activity.csv" --process "$data/process.csv" \
    --production "$data/production.csv" --output-value "$data/output.csv" --out "$data/peakline-result.csv"
  timed duckdb java -cp "$cp" dev.peakline.bench.AccountPeer duckdb "$data/activity.csv" "$data/factors.csv" "$data/duckdb-result.csv"
done)
rm -f /tmp/peakline-bench-time.$$
echo "$results" | awk '{ printf "%-8s %6.2f s  %6.0f MiB peak RSS\n", $1, $2, $3 / 1024 }'
median() { echo "$results" | awk -v e="$1" -v c="$2" '$1 == e { print $c }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
pt=$(median peakline 2); dt=$(median duckdb 2); pm=$(median peakline 3); dm=$(median duckdb 3)
awk -v pt="$pt" -v dt="$dt" -v pm="$pm" -v dm="$dm" 'BEGIN {
  printf "median: peakline %.2f s (%.0f MiB), duckdb %.2f s (%.0f MiB); ratio duckdb/peakline %.2fx\n", pt, pm / 1024, dt, dm / 1024, dt / pt }'
