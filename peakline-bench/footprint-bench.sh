#!/usr/bin/env bash
# The footprint solve of a product system of N processes with loops (build, solve, contributions) in Peakline next to
# EJML's dense LU on the same technology matrix. Prints each run and the medians (ratio above 1: Peakline is faster).
# Usage: peakline-bench/footprint-bench.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}; runs=${2:-5}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
java -Xmx4g -cp "$cp" dev.peakline.bench.FootprintSolveBenchmark "$n" "$runs"
