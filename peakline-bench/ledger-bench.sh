#!/usr/bin/env bash
# The registry's booking path (a surrender or transfer request's work without HTTP: lock, the ledger's rules, insert,
# audit) on a ledger of ACCOUNTS × 5 movements a year over YEARS years, next to the minimal equivalent in SQL in the same
# PostgreSQL (advisory lock, the giver's balance summed, both legs inserted) — dev.peakline.bench.LedgerLoad.
# Prints each run's figures, the medians and the ratio (SQL median ÷ Peakline median; above 1 means Peakline is faster).
# Usage: peakline-bench/ledger-bench.sh [ACCOUNTS] [YEARS] [BOOKINGS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-2000}; years=${2:-5}; n=${3:-200}; runs=${4:-3}
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl peakline-bench -am install
cp="peakline-bench/target/peakline-bench-0.1.0-SNAPSHOT.jar:$(ls peakline-bench/target/lib/*.jar | tr '\n' ':')"
out=$(for i in $(seq "$runs"); do java -Xmx2g -cp "$cp" dev.peakline.bench.LedgerLoad "$accounts" "$years" "$n" 2>/dev/null; done)
echo "$out"
median() { echo "$out" | grep "^path=$1 " | sed 's/.* per_booking_ms=\([0-9.]*\).*/\1/' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
p=$(median peakline); s=$(median sql)
awk -v p="$p" -v s="$s" 'BEGIN { printf "median per booking: peakline %.2f ms, sql %.2f ms; ratio sql/peakline %.2fx\n", p, s, s / p }'
