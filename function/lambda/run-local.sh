#!/usr/bin/env bash
# Runs the packaged Lambda (JVM build) against a Lambda Runtime API at $AWS_LAMBDA_RUNTIME_API, the way
# AWS's Java runtime does: AWS's runtime interface client (copied into target/runtime-api/ by the build)
# polls for events and calls Quarkus's handler. Nothing is fetched here, so a start is the JVM's own time.
# Usage: AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001 function/lambda/run-local.sh   (after ./mvnw install)
set -euo pipefail
cd "$(dirname "$0")"
: "${AWS_LAMBDA_RUNTIME_API:?set AWS_LAMBDA_RUNTIME_API to host:port of a Lambda Runtime API}"
runner=$(find target -maxdepth 1 -name "*-runner.jar" | head -1)
if [ -z "$runner" ] || ! compgen -G "target/runtime-api/*.jar" >/dev/null; then
  echo "no Lambda build in function/lambda/target: run ./mvnw -B install -DskipTests first" >&2
  exit 1
fi
exec java -XX:+UseSerialGC -cp "$runner:target/lib/*:target/runtime-api/*" \
  com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
  io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
