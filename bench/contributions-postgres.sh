#!/usr/bin/env bash
# Social-insurance contribution import on PostgreSQL (issue 19): a monthly file of `rows`
# rows (half trainees, half people who never trained) imported end to end through
# ContributionImports (upload check, parse, row rules, blind index, COPY into staging,
# matching and merge in the database, follow-ups recomputed) against `completions` followed
# completions seeded in SQL, with the live heap sampled and the JVM capped at `heap`; beside
# it PostgreSQL's own COPY of the same file; then the outcome views' p50/p95.
# Figures: target/bench/contributions.txt.
# Usage: bench/contributions-postgres.sh [rows] [completions] [heap]
#        (defaults 5000000, 10000000, -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000000}
completions=${2:-10000000}
heap=${3:--Xmx512m}
./mvnw -B -q verify -Pbench,postgres -Dit.test=ContributionImportBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true -Dspring-javaformat.skip=true \
  -Djixing.bench.rows="$rows" -Djixing.bench.completions="$completions" "-Djixing.bench.heap=$heap"
cat target/bench/contributions.txt
