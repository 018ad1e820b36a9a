#!/usr/bin/env bash
# Roster import on PostgreSQL: a 100,000-row roster (new people, 10% with a group) imported
# end to end from CSV and from XLSX through RosterImports (upload check, parse, validate,
# eligibility, register, write with COPY), each into its own class, with the live heap
# sampled; then PostgreSQL COPY of the same final rows into the same tables (the floor) and
# the same rows inserted one INSERT at a time (the peer). The JVM gets a small heap
# (default -Xmx512m, the whole application included) so a memory-hungry import would fail.
# Figures: target/bench/roster-import.txt.
# Usage: bench/roster-import-postgres.sh [rows] [heap]   (defaults 100000, -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
heap=${2:--Xmx512m}
./mvnw -B -q verify -Pbench,postgres -Dit.test=RosterImportBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true -Dspring-javaformat.skip=true \
  -Djixing.bench.rows="$rows" "-Djixing.bench.heap=$heap"
cat target/bench/roster-import.txt
