#!/usr/bin/env bash
# Shared by deploy.sh, invoke.sh and destroy.sh: settings, the aws wrapper and prerequisite checks.
# Every setting has a flag and an environment variable; flags win.
# shellcheck disable=SC2034  # the settings are read by the scripts that source this file

STACK="${FORMCHECK_STACK:-formcheck}"
REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
BUCKET="${FORMCHECK_BUCKET:-}"
MODE="${FORMCHECK_MODE:-jvm}"
MEMORY="${FORMCHECK_MEMORY:-512}"
TIMEOUT="${FORMCHECK_TIMEOUT:-15}"
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

need_aws() {
  command -v aws >/dev/null 2>&1 || die "the AWS CLI is not installed (https://docs.aws.amazon.com/cli/): install it and run 'aws configure'"
  ACCOUNT=$(awsc sts get-caller-identity --query Account --output text 2>/dev/null) ||
    die "no usable AWS credentials for region $REGION: run 'aws configure' or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)"
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

stack_exists() {
  awsc cloudformation describe-stacks --stack-name "$STACK" >/dev/null 2>&1
}
