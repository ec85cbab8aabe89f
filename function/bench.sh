#!/usr/bin/env bash
# Measures the function: in-process latency, cold starts (HTTP on JDK 17, JDK 25, JDK 25 with the AOT
# cache; the Lambda build against a Runtime API stand-in), HTTP latency, throughput and memory.
# Builds what it needs, then measures while holding the machine's CPU lock (/tmp/formcheck-cpu.lock):
# do not run it under that lock yourself.
# Usage: function/bench.sh [clients]   (from anywhere; FORMCHECK_JAVA25 names JDK 25's java if not the default)
# FORMCHECK_BENCH_COMPARE="NAME=DIR ..." starts other packaged HTTP builds beside this one in the cold starts
# and steady state (DIR: a quarkus-app directory, e.g. a copy of another commit's
# function/http/target/quarkus-app), each on the default JDK and on JDK 25 with an AOT cache of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
compare=()
for entry in ${FORMCHECK_BENCH_COMPARE:-}; do
  compare+=("${entry%%=*}=$(cd "${entry#*=}" && pwd)")
done
if [ -x "${FORMCHECK_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}" ]; then
  flock /tmp/formcheck-cpu.lock function/http/aot-cache.sh
  for entry in "${compare[@]}"; do
    flock /tmp/formcheck-cpu.lock function/http/aot-cache.sh "${entry#*=}"
  done
fi
cd function/http
flock /tmp/formcheck-cpu.lock ../../mvnw -q -B exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.formcheck.function.FunctionBench \
  -Dexec.args="target/quarkus-app ../lambda/target ${1:-4}" \
  -Dformcheck.bench.compare="${compare[*]}" \
  -Dformcheck.data.dir="${FORMCHECK_DATA_DIR:-../../../shared/data/wle}"
