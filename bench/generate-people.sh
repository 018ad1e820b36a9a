#!/usr/bin/env bash
# Streams N synthetic trainees (valid check characters, unallocated region 3799xx) to a CSV
# file with the application's own generator, and prints the time it took.
# Usage: bench/generate-people.sh [count] [file]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
file=${2:-target/bench/people-$count.csv}
mkdir -p "$(dirname "$file")" target/bench/data
jar=$(ls target/jixing-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B package -DskipTests -Dspring-javaformat.skip=true
  jar=$(ls target/jixing-*.jar | grep -v plain | head -1)
fi
# The command needs a database only to start; a scratch embedded one keeps ./data untouched.
start=$(date +%s.%N)
java -jar "$jar" --jixing.demo.export-people="$file" --jixing.demo.count="$count" \
  --spring.datasource.url="jdbc:h2:file:./target/bench/data/jixing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  --jixing.personal-data.key-file=target/bench/data/keys --logging.level.root=warn --logging.level.org.jixing=info
end=$(date +%s.%N)
echo "whole process: $(echo "$end - $start" | bc) s for $count people -> $file ($(du -h "$file" | cut -f1))"
