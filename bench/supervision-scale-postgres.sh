#!/usr/bin/env bash
# The supervision engine at province scale (issue 18) on PostgreSQL: the generated province the
# benchmarks share (schema jixing_progress_bench, kept between runs, as bench/progress-dashboard-postgres.sh
# loads it) with its sessions and check-ins, then the nightly scan of the busiest day of 2026, each
# rule's time over that day, and a full rescan of 2025, with time and heap.
# Figures: target/bench/supervision-scale.txt.
# Drop the data afterwards: psql -h 127.0.0.1 -U postgres -d test -c 'drop schema jixing_progress_bench cascade'
# Usage: bench/supervision-scale-postgres.sh [enrolments] [heap] [whole-window]
#        (defaults 1000000, -Xmx2g, false; whole-window=true also rescans the year as one window)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench,postgres -Dit.test=SupervisionScaleBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true -Dspring-javaformat.skip=true \
  -Djixing.it.schema=jixing_progress_bench -Djixing.it.keep-data=true \
  -Djixing.bench.enrolments="${1:-1000000}" "-Djixing.bench.heap=${2:--Xmx2g}" \
  -Djixing.bench.whole-window="${3:-false}"
cat target/bench/supervision-scale.txt
