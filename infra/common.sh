#!/usr/bin/env bash
# Shared by deploy.sh, invoke.sh and destroy.sh: settings, the aws wrapper and prerequisite checks.
# Every setting has a flag and an environment variable; flags win.
# shellcheck disable=SC2034  # the settings are read by the scripts that source this file

STACK="${FORMCHECK_STACK:-formcheck}"
REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
BUCKET="${FORMCHECK_BUCKET:-}"
MODE="${FORMCHECK_MODE:-jvm}"
RUNTIME="${FORMCHECK_RUNTIME:-}"
ARCH="${FORMCHECK_ARCH:-}"
MEMORY="${FORMCHECK_MEMORY:-}"
TIMEOUT="${FORMCHECK_TIMEOUT:-15}"
RESERVED="${FORMCHECK_RESERVED_CONCURRENCY:-none}"
URL_MODE="${FORMCHECK_URL:-iam}"
ZIP="${FORMCHECK_ZIP:-}"
ENDPOINT="${FORMCHECK_ENDPOINT_URL:-${AWS_ENDPOINT_URL:-}}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Takes the flags every script shares (--stack-name, --region, --endpoint-url): returns 1 for any other.
shared_flag() {
  case "$1" in
    --stack-name) STACK="$2" ;;
    --region) REGION="$2" ;;
    --endpoint-url) ENDPOINT="$2" ;;
    *) return 1 ;;
  esac
}

SHARED_USAGE="  --stack-name NAME    stack and function name       (FORMCHECK_STACK, default formcheck)
  --region REGION      AWS region                    (AWS_REGION, default us-east-1)
  --endpoint-url URL   another AWS endpoint, e.g. a local emulator (FORMCHECK_ENDPOINT_URL or AWS_ENDPOINT_URL)"

die() {
  echo "error: $*" >&2
  exit 1
}

# Runs the AWS CLI in the chosen region, against --endpoint-url when one is set.
awsc() {
  if [ -n "$ENDPOINT" ]; then
    aws --region "$REGION" --endpoint-url "$ENDPOINT" "$@"
  else
    aws --region "$REGION" "$@"
  fi
}

# Sets ACCOUNT from the identity call; when that fails, says why in the CLI's own words, and adds the
# credentials advice only when the CLI's error is about credentials.
need_aws() {
  command -v aws >/dev/null 2>&1 || die "the AWS CLI is not installed (https://docs.aws.amazon.com/cli/): install it and run 'aws configure'"
  local err
  err=$(mktemp)
  if ACCOUNT=$(awsc sts get-caller-identity --query Account --output text 2>"$err"); then
    rm -f "$err"
    return
  fi
  local why
  why=$(grep -v '^[[:space:]]*$' "$err" | tail -n 3)
  rm -f "$err"
  local where="region $REGION${ENDPOINT:+ at $ENDPOINT}"
  case "$why" in
    *credentials* | *InvalidClientTokenId* | *ExpiredToken* | *SignatureDoesNotMatch* | *"security token"*)
      die "no usable AWS credentials for $where: $why
run 'aws configure' or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)" ;;
    *)
      die "cannot call AWS (aws sts get-caller-identity) in $where: $why" ;;
  esac
}

default_bucket() {
  [ -n "$BUCKET" ] || BUCKET="formcheck-deploy-${ACCOUNT}-${REGION}"
}

# The stack's parameter of that name, or nothing when the stack does not exist.
stack_parameter() {
  awsc cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Parameters[?ParameterKey=='$1'].ParameterValue" --output text 2>/dev/null
}

stack_output() {
  awsc cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text 2>/dev/null
}

# The stack's status (CREATE_COMPLETE, ROLLBACK_COMPLETE, ...), or nothing when it does not exist.
stack_status() {
  awsc cloudformation describe-stacks --stack-name "$STACK" --query 'Stacks[0].StackStatus' --output text 2>/dev/null || true
}

stack_exists() {
  [ -n "$(stack_status)" ]
}

# Prints the latest failures in the stack's events to stderr, one "resource: reason" a line, if any.
show_failures() {
  local failures
  failures=$(awsc cloudformation describe-stack-events --stack-name "$STACK" --no-paginate \
    --query "StackEvents[?ends_with(ResourceStatus, 'FAILED')].[LogicalResourceId, ResourceStatusReason]" \
    --output text 2>/dev/null | head -n 5 | sed 's/\t/: /; s/^/  /' || true)
  [ -z "$failures" ] || printf 'the latest failures:\n%s\n' "$failures" >&2
}
