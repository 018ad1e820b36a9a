#!/usr/bin/env bash
# Check-in API throughput on PostgreSQL: the application (the integration-test context on
# a real port, schema jixing_bench) gets 30 classes of 5,000 enrolled trainees with a
# session open now and two registered terminals; wrk (200 connections, 2 threads, loopback)
# then measures GET /api/v1/me (the ceiling) and POST /api/v1/attendance/check-ins
# (bench/check-in.lua), both with a provider terminal's bearer token, each after a warm-up
# run. Then, in the same run, the batch benchmark (bench/check-in-batch-postgres.sh).
# Figures: target/bench/check-in.txt and check-in-batch.txt. Needs wrk (apt-get install wrk).
# Usage: bench/check-in-postgres.sh [duration]   (default 30s)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
duration=${1:-30s}
./mvnw -B -q verify -Pbench,postgres -Dit.test=CheckInBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true \
  -Djixing.bench.duration="$duration"
cat target/bench/check-in.txt target/bench/check-in-batch.txt
