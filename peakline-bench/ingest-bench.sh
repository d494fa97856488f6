#!/usr/bin/env bash
# Meter-reading ingestion end to end into PostgreSQL over HTTP and MQTT (through Debian's mosquitto), next to a plain
# COPY of the same readings on the same database in the same run.
# Usage: peakline-bench/ingest-bench.sh [CLIENTS] [BATCH] [READINGS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-2}; batch=${2:-5000}; readings=${3:-2000000}; runs=${4:-3}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app,peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
mqtt=-
if [ -x /usr/sbin/mosquitto ]; then
  conf=$(mktemp /tmp/mosquitto-bench.XXXX.conf)
  printf 'listener 18883 127.0.0.1\nallow_anonymous true\npersistence false\nmax_inflight_messages 1000\nmax_queued_messages 100000\nmessage_size_limit 0\n' > "$conf"
  /usr/sbin/mosquitto -c "$conf" > /dev/null 2>&1 & broker=$!
  trap 'kill $broker 2>/dev/null || true' EXIT
  sleep 0.5
  mqtt=tcp://127.0.0.1:18883
fi
out=/tmp/peakline-ingest-bench.$$.out
: > "$out"
for i in $(seq "$runs"); do
  data=$(mktemp -d /tmp/peakline-ingest-bench.XXXX)
  java -Xmx3g -cp "$cp" dev.peakline.bench.IngestLoad peakline-app/target/peakline.jar "$data" "$mqtt" "$clients" "$batch" "$readings" \
    | tee -a "$out"
  rm -rf "$data"
done
# the medians of each path and the ratios to COPY (the peer: the same readings into the same table, nothing checked)
median() { grep "^path=$1 " "$out" | sed 's/.* readings_per_s=\([0-9.]*\).*/\1/' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] + 0 }'; }
h=$(median http); m=$(median mqtt); c=$(median copy)
awk -v h="$h" -v m="$m" -v c="$c" 'BEGIN {
  printf "median readings/s: http %.0f, mqtt %.0f, copy %.0f; ratio to copy: http %.2fx, mqtt %.2fx\n", h, m, c, h / c, m / c }'
rm -f "$out"
