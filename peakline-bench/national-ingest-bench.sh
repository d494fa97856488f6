#!/usr/bin/env bash
# Online monitoring at national reach on this machine (docs/scale.md): 20,000 units × 50 quarter-hour meters ÷ DIVISOR,
# each unit one HTTP request of its 50 readings per quarter hour, a simulated quarter hour every PACE_MS of wall time;
# ingest rate, request latency, quarter-hour lag and roll-up lag (dev.peakline.bench.NationalMonitoringLoad).
# Usage: peakline-bench/national-ingest-bench.sh [DIVISOR] [QUARTER_HOURS] [PACE_MS] [CLIENTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
divisor=${1:-100}; slots=${2:-12}; pace=${3:-2000}; clients=${4:-8}; runs=${5:-3}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
for i in $(seq "$runs"); do
  data=$(mktemp -d /tmp/peakline-national-ingest.XXXX)
  java -Xmx3g -cp "$cp" dev.peakline.bench.NationalMonitoringLoad peakline-app/target/peakline.jar "$data" \
    "$divisor" "$slots" "$pace" "$clients" | grep -v '^registered' || { tail -30 "$data/server.log"; exit 1; }
  rm -rf "$data"
done
