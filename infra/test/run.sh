#!/usr/bin/env bash
# The infra checks: cfn-lint on the template (informational checks included, plus our rule that a
# version is republished exactly when the function's settings change, which must catch a template
# that breaks it), shellcheck on the scripts, deploy.sh's answers to failed stacks against a stand-in
# aws, and the end-to-end deploy/update/destroy against a local moto_server.
# Needs function/lambda/target/function.zip.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in cfn-lint shellcheck; do
  command -v "$tool" >/dev/null 2>&1 || { echo "infra tests: $tool is missing (cfn-lint: pip; shellcheck: apt-get install shellcheck)" >&2; exit 1; }
done
lint() { cfn-lint --include-checks I --append-rules infra/lint -- "$@"; }
lint infra/template.yaml
broken=$(mktemp --suffix=.yaml)
trap 'rm -f "$broken"' EXIT
sed 's/ [$]{Timeout} s,/,/' infra/template.yaml >"$broken"
grep -q "E9101 Timeout" <<<"$(lint "$broken" || true)" ||
  { echo "infra tests: the version rule missed a Timeout left out of the version's description" >&2; exit 1; }
shellcheck -x infra/*.sh infra/test/*.sh function/*.sh function/http/*.sh function/lambda/*.sh .ci/run
infra/test/stack-states.sh
infra/test/e2e-moto.sh
echo "infra tests: 4 passed, 0 failed"
