#!/usr/bin/env bash
# Runs the native build steps without a GraalVM toolchain (-Dquarkus.native.sources-only) on the HTTP
# application and checks what a native image would need: the bundled model as a resource, the
# request/answer types registered for reflection, and the @Funq class (Funqy calls its methods
# reflectively). (Quarkus refuses sources-only for the Lambda extension, so the HTTP application, which
# shares every function class, stands in for both.)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -pl function/http -am -Dnative -Dquarkus.native.sources-only=true -DskipTests
jar=function/http/target/native-sources/formcheck-function-http-0.1.0-SNAPSHOT-runner.jar
resources=$(unzip -p "$jar" META-INF/native-image/resource-config.json)
reflection=$(unzip -p "$jar" META-INF/native-image/reflect-config.json)
status=0
grep -q 'formcheck/default\\\\.fcmodel' <<<"$resources" || { echo "native check: the bundled model is not a native resource"; status=1; }
for type in ClassifyRequest BatchRequest Classification ModelDescription ErrorAnswer BatchClassification http.Functions; do
  grep -q "\"io.formcheck.function.$type\"" <<<"$reflection" || { echo "native check: $type is not registered for reflection"; status=1; }
done
if grep -q 'smile\|bytedeco' <<<"$(ls function/http/target/native-sources/lib)"; then
  echo "native check: Smile or a JNI library is in the function"; status=1
fi
[ $status -eq 0 ] && echo "native check: passed (model resource, reflection registrations of the types and the @Funq class, no Smile/JNI)"
exit $status
