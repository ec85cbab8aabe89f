#!/usr/bin/env bash
# End to end against a local AWS (moto_server on 127.0.0.1): deploy.sh, then the stack, function, role
# and log group must exist; destroy.sh, then they and the uploaded code must be gone. Nothing leaves
# this machine. Needs aws, moto_server (Python 3.11, as installed on our machines) and a function.zip.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in aws moto_server; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e: $tool is missing (install awscli and moto[server] for Python 3.11)" >&2; exit 1; }
done
zip=function/lambda/target/function.zip
[ -f "$zip" ] || { echo "e2e: $zip is missing: run ./mvnw -B install -DskipTests first" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_REGION=eu-west-1 AWS_DEFAULT_REGION=eu-west-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
endpoint="http://127.0.0.1:$port"
aws_local() { aws --endpoint-url "$endpoint" "$@"; }
fail() { echo "e2e: FAILED: $*" >&2; exit 1; }

# moto does not implement AWS::Lambda::Url, so the stack goes up without a Function URL here
# (cfn-lint checks that part of the template); everything else is the default deployment.
infra/deploy.sh --endpoint-url "$endpoint" --stack-name formcheck-e2e --zip "$zip" --url off

status=$(aws_local cloudformation describe-stacks --stack-name formcheck-e2e --query 'Stacks[0].StackStatus' --output text)
[ "$status" = CREATE_COMPLETE ] || fail "stack status $status"
aws_local lambda get-function --function-name formcheck-e2e >/dev/null || fail "no function"
runtime=$(aws_local lambda get-function-configuration --function-name formcheck-e2e --query Runtime --output text)
[ "$runtime" = java21 ] || fail "runtime $runtime"
role=$(aws_local cloudformation describe-stack-resource --stack-name formcheck-e2e --logical-resource-id Role \
  --query StackResourceDetail.PhysicalResourceId --output text)
aws_local iam get-role --role-name "$role" >/dev/null || fail "no role $role"
groups=$(aws_local logs describe-log-groups --log-group-name-prefix /aws/lambda/formcheck-e2e --query 'logGroups[].logGroupName' --output text)
[ "$groups" = /aws/lambda/formcheck-e2e ] || fail "log group: '$groups'"
bucket=$(aws_local cloudformation describe-stacks --stack-name formcheck-e2e \
  --query "Stacks[0].Parameters[?ParameterKey=='CodeBucket'].ParameterValue" --output text)
echo "e2e: deployed: stack, function ($runtime), role $role, log group, code in s3://$bucket"

infra/deploy.sh --endpoint-url "$endpoint" --stack-name formcheck-e2e --zip "$zip" --url off --memory 1024
memory=$(aws_local lambda get-function-configuration --function-name formcheck-e2e --query MemorySize --output text)
[ "$memory" = 1024 ] || fail "update did not set memory (got $memory)"

infra/destroy.sh --endpoint-url "$endpoint" --stack-name formcheck-e2e
aws_local cloudformation describe-stacks --stack-name formcheck-e2e >/dev/null 2>&1 && fail "stack still exists"
aws_local lambda get-function --function-name formcheck-e2e >/dev/null 2>&1 && fail "function still exists"
aws_local iam get-role --role-name "$role" >/dev/null 2>&1 && fail "role still exists"
groups=$(aws_local logs describe-log-groups --log-group-name-prefix /aws/lambda/formcheck-e2e --query 'logGroups[].logGroupName' --output text)
[ -z "$groups" ] || fail "log group still exists: $groups"
aws_local s3api head-bucket --bucket "$bucket" >/dev/null 2>&1 && fail "bucket $bucket still exists"
echo "e2e: destroyed: nothing left"
if out=$(infra/invoke.sh --endpoint-url "$endpoint" --stack-name formcheck-e2e 2>&1); then
  fail "invoke.sh succeeded without a stack"
fi
grep -q "does not exist" <<<"$out" || fail "invoke.sh without a stack said: $out"
echo "e2e: passed"
