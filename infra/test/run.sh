#!/usr/bin/env bash
# The infra checks: cfn-lint on the template, shellcheck on the scripts, and the end-to-end
# deploy/describe/destroy against a local moto_server. Needs function/lambda/target/function.zip.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in cfn-lint shellcheck; do
  command -v "$tool" >/dev/null 2>&1 || { echo "infra tests: $tool is missing (cfn-lint: pip; shellcheck: apt-get install shellcheck)" >&2; exit 1; }
done
cfn-lint infra/template.yaml
shellcheck -x infra/*.sh infra/test/*.sh function/*.sh function/lambda/*.sh .ci/run
infra/test/e2e-moto.sh
echo "infra tests: 3 passed, 0 failed"
