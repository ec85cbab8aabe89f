#!/usr/bin/env bash
# Starts the packaged HTTP application the fastest way measured (function/bench.sh): on JDK 25 with an AOT
# cache of a training run (made by aot-cache.sh on first use, and again after each build), else on the
# default java. Extra arguments go to the JVM, e.g. -Dquarkus.http.port=9090 -Dformcheck.model.path=FILE.
# Usage: function/http/run.sh [JVM options]   (after ./mvnw install)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="$here/target/quarkus-app"
[ -f "$app/quarkus-run.jar" ] || { echo "no HTTP build: run ./mvnw -B install -DskipTests first" >&2; exit 1; }
java25="${FORMCHECK_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
flags=(-Xmx96m -XX:+UseSerialGC)
if [ -x "$java25" ]; then
  if [ ! -s "$app/app.aot" ] || [ -n "$(find "$app" -name '*.jar' -newer "$app/app.aot" | head -1)" ]; then
    echo "writing the AOT cache (once per build, about 20 s) ..." >&2
    "$here/aot-cache.sh" >&2
  fi
  cd "$app"
  exec "$java25" -XX:AOTCache=app.aot "${flags[@]}" "$@" -jar quarkus-run.jar
fi
echo "JDK 25 not found at $java25 (set FORMCHECK_JAVA25): starting without the AOT cache" >&2
cd "$app"
exec java "${flags[@]}" "$@" -jar quarkus-run.jar
