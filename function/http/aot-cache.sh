#!/usr/bin/env bash
# Writes a JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) for the packaged
# HTTP application, from a training run that starts it and serves a few hundred requests, so a later start
# with -XX:AOTCache skips that work. The cache holds only for the JDK that wrote it and the jars it saw;
# run.sh calls this when the cache is missing or older than the build.
# Usage: function/http/aot-cache.sh [QUARKUS_APP_DIR]   (after ./mvnw install; default: this module's
# target/quarkus-app, another packaged build for the bench; FORMCHECK_JAVA25 names JDK 25's java)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# One repetition of 23 readings of every feature (made-up values), the one infra/invoke.sh sends.
body="$here/../../infra/sample-event.json"
app="${1:-$here/target/quarkus-app}"
[ -f "$app/quarkus-run.jar" ] || { echo "no HTTP build in $app: run ./mvnw -B install -DskipTests first" >&2; exit 1; }
cd "$app"
java25="${FORMCHECK_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[ -x "$java25" ] || { echo "JDK 25 not found at $java25: set FORMCHECK_JAVA25" >&2; exit 1; }
command -v curl >/dev/null || { echo "the training run needs curl (apt-get install curl)" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -f app.aot
"$java25" -XX:AOTCacheOutput=app.aot -Xmx96m -XX:+UseSerialGC -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$port" -jar quarkus-run.jar >/dev/null 2>&1 &
pid=$!
post() { curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' "$@"; }
ready=
for _ in $(seq 1 600); do
  [ "$(post --data-binary @"$body" "127.0.0.1:$port/classify")" = 200 ] && { ready=1; break; }
  sleep 0.05
done
[ -n "$ready" ] || { kill "$pid"; echo "the training run never answered on port $port" >&2; exit 1; }
for _ in $(seq 1 300); do post --data-binary @"$body" "127.0.0.1:$port/classify" >/dev/null; done
post -d "{\"repetitions\": [$(cat "$body")]}" "127.0.0.1:$port/classifyBatch" >/dev/null
post -d '{"samples": []}' "127.0.0.1:$port/classify" >/dev/null
curl -s -o /dev/null "127.0.0.1:$port/model"
curl -s -o /dev/null "127.0.0.1:$port/nope"
kill -TERM "$pid"
wait "$pid" || true
[ -s app.aot ] || { echo "the training run wrote no AOT cache" >&2; exit 1; }
echo "AOT cache: $(pwd)/app.aot ($(du -h app.aot | cut -f1))"
