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
start first_start_with_demo_load
grep "demo province loaded" "$data.log" | sed 's/.*Startup *: //'
stop
start restart
for i in $(seq "$runs"); do
  java -cp "$cp" dev.peakline.bench.DashboardLoad http "http://127.0.0.1:$port" province peakline-demo 520000 2024 "$clients" "$seconds"
done
stop
for i in $(seq "$runs"); do
  java -cp "$cp" dev.peakline.bench.DashboardLoad sql "$data" 520000 2024 "$clients" "$seconds"
done
rm -rf "$data" "$data.log"
