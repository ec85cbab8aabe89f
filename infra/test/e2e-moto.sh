#!/usr/bin/env bash
# End to end against a local AWS (moto_server on 127.0.0.1): deploy.sh, then the stack, function,
# published version, role and log group must be as asked; updates change runtime, memory and mode;
# destroy.sh, then they and the uploaded code must be gone. Nothing leaves this machine.
# Needs aws, moto_server (Python 3.11, as installed on our machines) and a function.zip.
# moto does not implement Function URLs, aliases or SnapStart in CloudFormation, does not republish a
# version on update and ignores Architectures and the function's tags: cfn-lint checks those parts of
# the template, and our rule infra/lint/version_republishes.py that every versioned setting republishes.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in aws moto_server openssl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e: $tool is missing (install awscli and moto[server] for Python 3.11)" >&2; exit 1; }
done
zip=function/lambda/target/function.zip
[ -f "$zip" ] || { echo "e2e: $zip is missing: run ./mvnw -B install -DskipTests first" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
work=$(mktemp -d)
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_REGION=eu-west-1 AWS_DEFAULT_REGION=eu-west-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
endpoint="http://127.0.0.1:$port"
stack=formcheck-e2e
aws_local() { aws --endpoint-url "$endpoint" "$@"; }
fail() { echo "e2e: FAILED: $*" >&2; exit 1; }
config() { aws_local lambda get-function-configuration --function-name "$stack" --query "$1" --output text; }
expect() { [ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"; }
deploy() { infra/deploy.sh --endpoint-url "$endpoint" --stack-name "$stack" --url off "$@"; }

# Messages that say what happened, before any stack exists.
for script in destroy invoke deploy; do
  infra/$script.sh --help | head -n 1 | grep -q "^usage: infra/$script.sh" || fail "$script.sh --help prints no usage line"
done
dead=$(free_port)
if out=$(AWS_MAX_ATTEMPTS=1 infra/deploy.sh --endpoint-url "http://127.0.0.1:$dead" --zip "$zip" 2>&1); then
  fail "deploy.sh succeeded against a port where nothing listens"
fi
grep -q "Could not connect to the endpoint URL" <<<"$out" || fail "deploy.sh against a dead port did not say why: $out"
grep -q "credentials" <<<"$out" && fail "deploy.sh blamed credentials for a dead port: $out"

# The default deployment (the JVM build on java25, 2048 MB, a version published from the code), with
# reserved concurrency, which moto applies on create only.
out=$(deploy --zip "$zip" --reserved-concurrency 3)
grep -q "^function: $stack (java25, x86_64, 2048 MB)$" <<<"$out" || fail "deploy.sh printed: $out"
expect "stack status" "$(aws_local cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].StackStatus' --output text)" CREATE_COMPLETE
expect runtime "$(config Runtime)" java25
expect memory "$(config MemorySize)" 2048
expect "JAVA_TOOL_OPTIONS" "$(config Environment.Variables.JAVA_TOOL_OPTIONS)" None
expect "reserved concurrency" "$(aws_local lambda get-function-concurrency --function-name "$stack" --query ReservedConcurrentExecutions --output text)" 3
sha=$(openssl dgst -sha256 -binary "$zip" | openssl base64 -A)
versions=$(aws_local lambda list-versions-by-function --function-name "$stack" --query 'Versions[].[Version, CodeSha256]' --output text)
expect "versions (number, code)" "$versions" "$(printf '%s\t%s\n1\t%s' "\$LATEST" "$sha" "$sha")"
role=$(aws_local cloudformation describe-stack-resource --stack-name "$stack" --logical-resource-id Role \
  --query StackResourceDetail.PhysicalResourceId --output text)
expect "role tag" "$(aws_local iam list-role-tags --role-name "$role" --query "Tags[?Key=='formcheck:stack'].Value" --output text)" "$stack"
groups=$(aws_local logs describe-log-groups --log-group-name-prefix "/aws/lambda/$stack" --query 'logGroups[].logGroupName' --output text)
expect "log group" "$groups" "/aws/lambda/$stack"
expect "log group tag" "$(aws_local logs list-tags-log-group --log-group-name "/aws/lambda/$stack" --query 'tags."formcheck:stack"' --output text)" "$stack"
bucket=$(aws_local cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Parameters[?ParameterKey=='CodeBucket'].ParameterValue" --output text)
echo "e2e: deployed: stack, function (java25, 2048 MB, reserved concurrency 3), version 1 of code $sha, role and log group (tagged), code in s3://$bucket"

deploy --zip "$zip" --runtime java21 --memory 1024 >/dev/null
expect "updated runtime" "$(config Runtime)" java21
expect "updated memory" "$(config MemorySize)" 1024
echo "e2e: updated: java21, 1024 MB"

# A native build is deployed for the processor it was compiled for, read from its ELF header: a
# made-up 20-byte header (ELF magic, 64-bit little-endian, e_type EXEC, e_machine 183 = AArch64).
mkdir "$work/native"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000\267\000' >"$work/native/bootstrap"
(cd "$work/native" && python3 -m zipfile -c ../native.zip bootstrap)
if out=$(deploy --zip "$work/native.zip" --mode native --arch x86_64 2>&1); then
  fail "deploy.sh put an arm64 binary on x86_64"
fi
grep -q "built for arm64 and cannot run on x86_64" <<<"$out" || fail "wrong architecture refused without saying so: $out"
if out=$(deploy --zip "$work/native.zip" 2>&1); then fail "deploy.sh put a native build on the JVM runtime"; fi
grep -q "is a native build" <<<"$out" || fail "native build in jvm mode refused without saying so: $out"
deploy --zip "$work/native.zip" --mode native >/dev/null
expect "native runtime" "$(config Runtime)" provided.al2023
expect "native memory" "$(config MemorySize)" 512
expect "native architecture" "$(aws_local cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Parameters[?ParameterKey=='Architecture'].ParameterValue" --output text)" arm64
echo "e2e: native build deployed on provided.al2023 for arm64, read from its ELF header"

infra/destroy.sh --endpoint-url "$endpoint" --stack-name "$stack"
aws_local cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1 && fail "stack still exists"
aws_local lambda get-function --function-name "$stack" >/dev/null 2>&1 && fail "function still exists"
aws_local iam get-role --role-name "$role" >/dev/null 2>&1 && fail "role still exists"
groups=$(aws_local logs describe-log-groups --log-group-name-prefix "/aws/lambda/$stack" --query 'logGroups[].logGroupName' --output text)
[ -z "$groups" ] || fail "log group still exists: $groups"
aws_local s3api head-bucket --bucket "$bucket" >/dev/null 2>&1 && fail "bucket $bucket still exists"
echo "e2e: destroyed: nothing left"
if out=$(infra/invoke.sh --endpoint-url "$endpoint" --stack-name "$stack" 2>&1); then
  fail "invoke.sh succeeded without a stack"
fi
grep -q "does not exist" <<<"$out" || fail "invoke.sh without a stack said: $out"
echo "e2e: passed"
