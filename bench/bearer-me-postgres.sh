#!/usr/bin/env bash
# What authenticating a bearer request costs, on PostgreSQL: GET /api/v1/me with a token,
# wrk 200 connections over loopback (bench/README.md), first with the bearer cache off
# (jixing.accounts.bearer-cache-ttl=PT0S: a database round trip per request, as before the
# cache), then on (the default, 5 s). Figures side by side in target/bench/bearer-me.txt.
# Needs wrk (apt-get install wrk).
# Usage: bench/bearer-me-postgres.sh [duration]   (default 20s)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
duration=${1:-20s}
rm -f target/bench/bearer-me.txt
for ttl in PT0S PT5S; do
  ./mvnw -B -q verify -Pbench,postgres -Dit.test=BearerMeBench -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Djixing.browser.skip=true \
    -Djixing.bench.duration="$duration" -Djixing.accounts.bearer-cache-ttl="$ttl"
done
cat target/bench/bearer-me.txt
