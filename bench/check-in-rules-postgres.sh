#!/usr/bin/env bash
# What the supervision rules that run on arriving check-ins add to a check-in (issue 18): single
# check-ins at a steady rate with the incremental rules off and on in alternating phases, on
# PostgreSQL (schema jixing_bench). Figures: target/bench/check-in-rules.txt.
# Usage: bench/check-in-rules-postgres.sh [rate per second] [check-ins per phase] [joined]   (default 100 4000 500)
# joined: how many waiting events' windows join into one run of the rules (1: each its own run)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench,postgres -Dit.test='CheckInBench#checkInCostOfRules' -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true \
  -Djixing.bench.rate="${1:-100}" -Djixing.bench.phase="${2:-4000}" -Djixing.bench.joined="${3:-500}"
cat target/bench/check-in-rules.txt
