#!/usr/bin/env bash
# Measures the function: in-process latency, JVM cold start, HTTP latency, throughput and memory.
# Usage: function/bench.sh [clients]   (from the repository root; builds what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
cd function/http
../../mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.formcheck.function.FunctionBench \
  -Dexec.args="target/quarkus-app/quarkus-run.jar ${1:-4}" -Dformcheck.data.dir="${FORMCHECK_DATA_DIR:-../../../shared/data/wle}"
