#!/usr/bin/env bash
# Batch upload throughput on PostgreSQL: the application (the integration-test context on a
# real port, schema jixing_bench) gets 21 classes of 5,000 enrolled trainees with a session
# open now and a registered face terminal; the benchmark then posts every trainee's
# check-in and check-out as batches of 1,000 events to POST /api/v1/attendance/check-ins/batch,
# 4 uploads at a time over loopback with the terminal's bearer token, after one class's
# batches as a warm-up, and counts the events stored per second.
# Figures: target/bench/check-in-batch.txt.
# Usage: bench/check-in-batch-postgres.sh [uploads at a time]   (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
uploads=${1:-4}
./mvnw -B -q verify -Pbench,postgres -Dit.test='CheckInBench#batchThroughput' -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true \
  -Djixing.bench.batch-uploads="$uploads"
cat target/bench/check-in-batch.txt
