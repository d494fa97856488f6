#!/usr/bin/env bash
# Re-rolling readings on Spark (docs/scale.md): an archive of METERS quarter-hour meters over DAYS days
# (dev.peakline.bench.ReadingsArchive), re-rolled into Beijing days and months by `./peakline spark account --master
# local[2]` (whole process), next to DuckDB summing the same readings by meter and day on the same Parquet in the same
# run (interval arithmetic only: no rollovers, gaps or interpolation, so a floor, not a peer doing the same work).
# Usage: peakline-bench/readings-bench.sh [METERS] [DAYS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
meters=${1:-10000}; days=${2:-31}; runs=${3:-3}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-spark install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
data=${PEAKLINE_BENCH_DATA:-/tmp/peakline-readings-bench}/$meters-$days
[ -f "$data/archive/manifest.json" ] || java -Xmx3g -cp "$cp" dev.peakline.bench.ReadingsArchive "$data/archive" "$meters" "$days"
for i in $(seq "$runs"); do
  rm -rf "$data/spark"
  /usr/bin/time -f "spark %e s %M KiB" ./peakline spark account --archive "$data/archive" --out "$data/spark" \
    --master 'local[2]' 2>&1 | grep -E "^accounted|^spark " || true
  /usr/bin/time -f "duckdb %e s %M KiB" java -cp "$cp" dev.peakline.bench.ReadingsPeer "$data/archive" 2>&1 | grep -E "^duckdb|rows"
done
