#!/usr/bin/env bash
# The baseline the bulk import is measured against: PostgreSQL's own COPY of a roster file
# of N synthetic people into a scratch table (no checks, no encryption).
# Usage: bench/load-people-postgres.sh [count]   (PostgreSQL on 127.0.0.1:5432, database test)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
file=target/bench/people-$count.csv
[ -f "$file" ] || bench/generate-people.sh "$count" "$file"
psql -q -h 127.0.0.1 -U postgres -d test <<SQL
drop table if exists bench_people;
create unlogged table bench_people (id_number varchar(18), name varchar(60), phone varchar(11), birth_date date);
\timing on
\copy bench_people from '$file' with (format csv, header true)
\timing off
select count(*) as rows_loaded from bench_people;
drop table bench_people;
SQL
