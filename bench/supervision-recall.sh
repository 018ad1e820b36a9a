#!/usr/bin/env bash
# Recall and precision of the supervision rules on the planted-fraud generator (issue 18):
# the test context seeds the demo province with `classes` past classes and `people`
# trainees, SupervisionRecallBench plants `copies` instances of every pattern the generator
# knows among them, runs one scan and prints recall and precision per pattern.
# Figures: target/bench/supervision-recall.txt.
# Usage: bench/supervision-recall.sh [copies] [classes] [people] [db]
#   db: postgres (default; 127.0.0.1:5432, database test, schema jixing_bench, emptied first) or h2
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-10}
classes=${2:-300}
people=${3:-8000}
db=${4:-postgres}
profiles=bench
if [ "$db" = postgres ]; then profiles=bench,postgres; fi
nice -n 10 ./mvnw -B -q -o verify -P"$profiles" -Dit.test=SupervisionRecallBench -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true \
  -Djixing.bench.copies="$copies" -Djixing.demo.history.classes="$classes" \
  -Djixing.demo.history.people="$people" -Djixing.demo.history.providers-per-city=4 \
  -Djixing.demo.history.claims="$classes"
cat target/bench/supervision-recall.txt
