#!/usr/bin/env bash
# The platform server: time to ready with the demo province (first start, which loads it, and a restart), then the
# province dashboard's API under CLIENTS concurrent clients, next to the same queries straight on PostgreSQL.
# Usage: peakline-bench/serve-bench.sh [SCALE] [CLIENTS] [SECONDS] [RUNS]   (SCALE 5 ≈ 3,000 enterprises × 5 years)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-5}; clients=${2:-50}; seconds=${3:-30}; runs=${4:-3}
port=18080; data=$(mktemp -d /tmp/peakline-serve-bench.XXXX)
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
start() {
  local t0; t0=$(date +%s.%N)
  java -Xmx4g -jar peakline-app/target/peakline.jar serve --demo --demo-scale "$scale" --data-dir "$data" --port $port > "$data.log" 2>&1 &
  pid=$!
  until grep -q "is ready" "$data.log"; do sleep 0.2; kill -0 $pid 2>/dev/null || { cat "$data.log"; exit 1; }; done
  echo "$1 ready_s=$(echo "$(date +%s.%N) - $t0" | bc)"
}
stop() { kill $pid; wait $pid 2>/dev/null || true; }
body() {
start first_start_with_demo_load
grep "demo province loaded" "$data.log" | sed 's/.*Startup *: //'
stop
start restart
# the province's view computed from the database (no span asked before; warmed up on Guiyang's), one client
for i in $(seq "$runs"); do
  stop; start restart
  java -cp "$cp" dev.peakline.bench.DashboardLoad fresh "http://127.0.0.1:$port" province peakline-demo 520000 520100
done
for i in $(seq "$runs"); do
  java -cp "$cp" dev.peakline.bench.DashboardLoad http "http://127.0.0.1:$port" province peakline-demo 520000 2024 "$clients" "$seconds"
done
stop
for i in $(seq "$runs"); do
  java -cp "$cp" dev.peakline.bench.DashboardLoad sql "$data" 520000 2024 "$clients" "$seconds"
done
for i in $(seq "$runs"); do
  java -cp "$cp" dev.peakline.bench.DashboardLoad fresh-sql "$data" 520000 2>/dev/null | grep '^engine='
done
}
out=$(mktemp /tmp/peakline-serve-bench-out.XXXX)
body | tee "$out"
rm -rf "$data" "$data.log"
# medians of the runs and the ratios to the peer (PostgreSQL answering the view's main queries itself)
med() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] + 0 }'; }
restart=$(grep '^restart ' "$out" | sed 's/.*ready_s=//' | med)
fresh=$(grep '^engine=peakline_fresh ' "$out" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/' | med)
fresh_sql=$(grep '^engine=postgresql_fresh ' "$out" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/' | med)
tput=$(grep '^engine=http ' "$out" | sed 's/.*throughput_per_s=\([0-9.]*\).*/\1/' | med)
p99=$(grep '^engine=http ' "$out" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/' | med)
tput_sql=$(grep '^engine=postgresql ' "$out" | sed 's/.*throughput_per_s=\([0-9.]*\).*/\1/' | med)
p99_sql=$(grep '^engine=postgresql ' "$out" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/' | med)
awk -v r="$restart" -v f="$fresh" -v fs="$fresh_sql" -v t="$tput" -v p="$p99" -v ts="$tput_sql" -v ps="$p99_sql" 'BEGIN {
  printf "median restart %.2f s\n", r
  printf "median view from the database: peakline %.1f ms, postgresql (its two queries) %.1f ms; ratio %.2fx\n", f, fs, fs / f
  printf "median under load: peakline %.1f req/s (p99 %.1f ms), postgresql %.1f req/s (p99 %.1f ms); ratio %.1fx\n", t, p, ts, ps, t / ts }'
rm -f "$out"
