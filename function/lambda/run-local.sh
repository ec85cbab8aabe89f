#!/usr/bin/env bash
# Runs the packaged Lambda (JVM build) against a Lambda Runtime API at $AWS_LAMBDA_RUNTIME_API, the way
# AWS's Java runtime does: the runtime interface client polls for events and calls Quarkus's handler.
# Usage: AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001 function/lambda/run-local.sh   (after ./mvnw install)
set -euo pipefail
cd "$(dirname "$0")"
: "${AWS_LAMBDA_RUNTIME_API:?set AWS_LAMBDA_RUNTIME_API to host:port of a Lambda Runtime API}"
runner=$(find target -maxdepth 1 -name "*-runner.jar" | head -1)
[ -n "$runner" ] || { echo "no Lambda build in function/lambda/target: run ./mvnw -B install -DskipTests first" >&2; exit 1; }
../../mvnw -q -B -Pruntime-api dependency:copy-dependencies -DincludeScope=provided -DoutputDirectory=target/runtime-api
exec java -XX:+UseSerialGC -cp "$runner:target/lib/*:target/runtime-api/*" \
  com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
  io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
