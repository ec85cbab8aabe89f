#!/usr/bin/env bash
# Measures the function: in-process latency, cold starts (HTTP on JDK 17, JDK 25, JDK 25 with the AOT
# cache, and without its page; the Lambda build against a Runtime API stand-in), HTTP latency,
# throughput and memory.
# Builds what it needs, then measures while holding the machine's CPU lock (/tmp/formcheck-cpu.lock):
# do not run it under that lock yourself.
# Usage: function/bench.sh [clients]   (from anywhere; FORMCHECK_JAVA25 names JDK 25's java if not the default)
# FORMCHECK_BENCH_COMPARE="NAME=DIR ..." starts other packaged HTTP builds beside this one in the cold starts
# and steady state (DIR: a quarkus-app directory, e.g. a copy of another commit's
# function/http/target/quarkus-app), each on the default JDK and on JDK 25 with an AOT cache of its own;
# FORMCHECK_BENCH_ROUNDS (5) sets the rounds of cold starts; FORMCHECK_BENCH_ONLY=REGEX measures only the
# HTTP cold starts of the variants whose names match, e.g. 'AOT cache$'.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
# The HTTP application without its page (index.html and page/ taken out of its jar), started beside it
# to measure what the page costs the cold start and /classify.
without_page=function/http/target/without-page
rm -rf "$without_page" && cp -r function/http/target/quarkus-app "$without_page" && rm -f "$without_page/app.aot"
python3 - "$without_page"/app/formcheck-function-http-*.jar <<'PY'
import os, sys, zipfile
jar = sys.argv[1]
with zipfile.ZipFile(jar) as src, zipfile.ZipFile(jar + ".new", "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        if item.filename != "META-INF/resources/index.html" and not item.filename.startswith("META-INF/resources/page/"):
            dst.writestr(item, src.read(item.filename))
os.replace(jar + ".new", jar)
PY
compare=("without-page=$(cd "$without_page" && pwd)")
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
  -Dformcheck.bench.compare="${compare[*]}" -Dformcheck.bench.rounds="${FORMCHECK_BENCH_ROUNDS:-5}" \
  -Dformcheck.bench.only="${FORMCHECK_BENCH_ONLY:-}" \
  -Dformcheck.data.dir="${FORMCHECK_DATA_DIR:-../../../shared/data/wle}"
