#!/usr/bin/env bash
# Peakline's batch accounting pass versus the same computation in DuckDB, on the same generated province.
# Usage: peakline-bench/run.sh [SCALE] [THREADS] [RUNS]   (SCALE 83 ≈ 50,000 enterprises, ~10 M activity records)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-83}; threads=${2:-2}; runs=${3:-7}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
lines=$(for engine in peakline duckdb; do
  java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp "$cp" dev.peakline.bench.ProvinceAccountingBenchmark "$engine" "$scale" "$threads" "$runs"
done)
echo "$lines"
echo "$lines" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[NR, kv[1]] = kv[2] } }
  END { printf "ratio (DuckDB median / Peakline median): %.1fx\n", v[2, "median_s"] / v[1, "median_s"] }'
