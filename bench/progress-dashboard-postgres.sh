#!/usr/bin/env bash
# The progress dashboard (issue 6) with ten million enrolments on PostgreSQL (127.0.0.1:5432,
# database test, schema jixing_progress_bench, kept between runs). Generates ~250,000 completed
# classes, the enrolments (40 a class), their people and trainee-group memberships in SQL, unless exactly that
# many generated enrolments are there already; builds the rollups with the reconciliation; then
# times each dashboard view and the progress report (5 warm-up and 50 measured calls each)
# beside the same figures by plain GROUP BY over the raw rows (1 warm-up and 5 measured), and
# checks every figure of each view against the raw one. Figures:
# target/bench/progress-dashboard.txt (query plans: target/bench/progress-dashboard-plans.txt).
# Start afresh: psql -h 127.0.0.1 -U postgres -d test -c 'drop schema jixing_progress_bench cascade'
# Usage: bench/progress-dashboard-postgres.sh [enrolments] [heap]   (defaults 10000000, -Xmx3g)
set -euo pipefail
cd "$(dirname "$0")/.."
enrolments=${1:-10000000}
heap=${2:--Xmx3g}
./mvnw -B -q verify -Pbench,postgres -Dit.test=ProgressDashboardBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true -Dspring-javaformat.skip=true \
  -Djixing.it.schema=jixing_progress_bench -Djixing.it.keep-data=true \
  -Djixing.bench.enrolments="$enrolments" "-Djixing.bench.heap=$heap"
cat target/bench/progress-dashboard.txt
