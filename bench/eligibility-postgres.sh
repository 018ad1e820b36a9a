#!/usr/bin/env bash
# Eligibility-check latency with ten million enrolments on PostgreSQL (127.0.0.1:5432,
# database test, schema jixing_bench, emptied first). Registers 2,000,000 people through
# People.registerAll, generates five trainings each in SQL, then times 20,000 checks through
# Enrolments.check after 5,000 warm-up ones. Figures: target/bench/eligibility.txt.
# Usage: bench/eligibility-postgres.sh [people] [samples]   (people x 5 = enrolments)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-2000000}
samples=${2:-20000}
./mvnw -B -q verify -Pbench,postgres -Dit.test=EligibilityBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true \
  -Djixing.bench.people="$people" -Djixing.bench.samples="$samples"
cat target/bench/eligibility.txt
