#!/usr/bin/env bash
# National scale (docs/scale.md): at each scale N (1/N of the nation's 470,000 enterprises), the single-node CLI
# (`./peakline account` on the filing files, with roll-ups) against the Spark job in local mode (`./peakline spark
# account --master local[2]` on the same lines as a Parquet archive: accounts and roll-ups), both whole processes on the
# same data in the same run. Prints each run's wall time and peak RSS, then per scale the medians, the ratio
# (Spark ÷ CLI time; above 1 means the CLI is faster) and lines per second.
# Usage: peakline-bench/scale-bench.sh [RUNS] [SCALE …]   (default: 3 runs at 200 100 50)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
scales=("${@:-200 100 50}"); read -r -a scales <<< "${scales[*]}"
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-app -am install
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-spark install
timed() { # label, command…: prints "label seconds kilobytes"
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" "$@" > /dev/null 2> /tmp/peakline-scale-time.$$ || { tail -20 /tmp/peakline-scale-time.$$ >&2; exit 1; }
  tail -1 /tmp/peakline-scale-time.$$
}
summary=""
for n in "${scales[@]}"; do
  data=${PEAKLINE_BENCH_DATA:-/tmp/peakline-scale-bench}/$n
  if [ ! -f "$data/archive/manifest.json" ]; then
    rm -rf "$data"
    ./peakline demo --national --scale "$n" --out "$data/files" --archive "$data/archive" >&2
  fi
  lines=$(($(wc -l < "$data/files/activity.csv") - 1))
  months=$(($(wc -l < "$data/files/output.csv") - 1))
  echo "scale 1/$n: $lines activity lines, $(du -sm "$data/files" | cut -f1) MB of files, $(du -sm "$data/archive" | cut -f1) MB of Parquet"
  results=$(for i in $(seq "$runs"); do
    timed cli ./peakline account --activity "$data/files/activity.csv" --process "$data/files/process.csv" \
      --production "$data/files/production.csv" --output-value "$data/files/output.csv" \
      --out "$data/cli.csv" --rollup "$data/cli-rollup.csv"
    rm -rf "$data/spark"
    timed spark ./peakline spark account --archive "$data/archive" --out "$data/spark" --master 'local[2]'
  done)
  echo "$results" | awk '{ printf "  %-6s %7.2f s  %6.0f MiB peak RSS\n", $1, $2, $3 / 1024 }'
  median() { echo "$results" | awk -v e="$1" -v c="$2" '$1 == e { print $c }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  ct=$(median cli 2); st=$(median spark 2); cm=$(median cli 3); sm=$(median spark 3)
  line=$(awk -v n="$n" -v l="$lines" -v m="$months" -v ct="$ct" -v st="$st" -v cm="$cm" -v sm="$sm" 'BEGIN {
    printf "1/%-4s %9d lines %7d ent-months | cli %6.2f s %5.0f MiB %8.0f lines/s | spark local[2] %6.2f s %5.0f MiB %8.0f lines/s | spark/cli %.1fx",
      n, l, m, ct, cm / 1024, l / ct, st, sm / 1024, l / st, st / ct }')
  echo "median: $line"
  summary+="$line"$'\n'
done
rm -f /tmp/peakline-scale-time.$$
echo
echo "medians of $runs runs:"
printf "%s" "$summary"
