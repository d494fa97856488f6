#!/usr/bin/env bash
# The region's data-centre view (数据中心, the province's ranking with every month's PUE) as the user waits on it over
# HTTP on the demo (six Gui'an data centres, two years of day roll-ups), next to one SQL statement doing the same
# aggregation (position energies and whole days by data centre and month) on the same PostgreSQL — DataCentreLoad.
# Usage: peakline-bench/datacentre-bench.sh [REQUESTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}; runs=${2:-3}
port=18082; data=$(mktemp -d /tmp/peakline-dc-bench.XXXX)
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
java -Xmx4g -jar peakline-app/target/peakline.jar serve --demo --data-dir "$data" --port $port > "$data.log" 2>&1 &
pid=$!
until grep -q "is ready" "$data.log"; do sleep 0.2; kill -0 $pid 2>/dev/null || { cat "$data.log"; exit 1; }; done
out=$(for i in $(seq "$runs"); do java -cp "$cp" dev.peakline.bench.DataCentreLoad http "http://127.0.0.1:$port" province peakline-demo 520000 "$n"; done)
kill $pid; wait $pid 2>/dev/null || true
out="$out
$(for i in $(seq "$runs"); do java -cp "$cp" dev.peakline.bench.DataCentreLoad sql "$data" 520000 "$n" 2>/dev/null; done)"
echo "$out"
median() { echo "$out" | grep "^engine=$1 " | sed 's/.* median_ms=\([0-9.]*\).*/\1/' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
p=$(median peakline); s=$(median postgresql)
awk -v p="$p" -v s="$s" 'BEGIN { printf "median of medians: peakline %.2f ms, postgresql %.2f ms; ratio postgresql/peakline %.2fx\n", p, s, s / p }'
rm -rf "$data" "$data.log"
