#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds (or takes) function.zip, uploads it to S3 and creates or updates the formcheck stack.
# With no flag: the JVM build, stack "formcheck", bucket formcheck-deploy-<account>-<region>, created
# if missing. Prints the function name and its Function URL.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
usage: infra/deploy.sh [options]
  --stack-name NAME    stack and function name       (FORMCHECK_STACK, default formcheck)
  --region REGION      AWS region                    (AWS_REGION, default us-east-1)
  --bucket NAME        S3 bucket for function.zip    (FORMCHECK_BUCKET, default formcheck-deploy-<account>-<region>)
  --mode jvm|native    which build to deploy         (FORMCHECK_MODE, default jvm)
  --memory MB          function memory               (FORMCHECK_MEMORY, default 512)
  --timeout SECONDS    invocation timeout            (FORMCHECK_TIMEOUT, default 15)
  --url off|iam|public Function URL: none, AWS_IAM-signed only, or open to anyone (FORMCHECK_URL, default iam)
  --zip PATH           deploy this function.zip instead of building one (FORMCHECK_ZIP)
  --endpoint-url URL   another AWS endpoint, e.g. a local emulator (FORMCHECK_ENDPOINT_URL or AWS_ENDPOINT_URL)
USAGE
}

while [ $# -gt 0 ]; do
  if shared_flag "$1" "${2:-}"; then
    shift 2
    continue
  fi
  case "$1" in
    --bucket) BUCKET="$2"; shift 2 ;;
    --mode) MODE="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --url) URL_MODE="$2"; shift 2 ;;
    --zip) ZIP="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

case "$MODE" in jvm|native) ;; *) die "--mode must be jvm or native, not '$MODE'" ;; esac
case "$URL_MODE" in off|iam|public) ;; *) die "--url must be off, iam or public, not '$URL_MODE'" ;; esac
need_aws
default_bucket

build_zip() {
  local maven=("$ROOT/mvnw" -B -q install -DskipTests -pl function/lambda -am)
  if [ "$MODE" = native ]; then
    if command -v native-image >/dev/null 2>&1; then
      maven+=(-Dnative)
    elif command -v docker >/dev/null 2>&1 || command -v podman >/dev/null 2>&1; then
      maven+=(-Dnative -Dquarkus.native.container-build=true)
    else
      die "a native build needs GraalVM or Mandrel (native-image on PATH) or a container runtime (docker or podman); install one, or deploy the JVM build with --mode jvm"
    fi
  fi
  echo "building function.zip ($MODE) ..." >&2
  (cd "$ROOT" && "${maven[@]}") >&2
  ZIP="$ROOT/function/lambda/target/function.zip"
}

[ -n "$ZIP" ] || build_zip
[ -f "$ZIP" ] || die "function.zip not found at $ZIP: build it with ./mvnw -B install -DskipTests, or give --zip"

if ! awsc s3api head-bucket --bucket "$BUCKET" >/dev/null 2>&1; then
  echo "creating bucket $BUCKET ..." >&2
  if [ "$REGION" = us-east-1 ]; then
    awsc s3api create-bucket --bucket "$BUCKET" >/dev/null
  else
    awsc s3api create-bucket --bucket "$BUCKET" --create-bucket-configuration "LocationConstraint=$REGION" >/dev/null
  fi
  # destroy.sh removes a bucket only if deploy.sh made it
  awsc s3api put-bucket-tagging --bucket "$BUCKET" --tagging 'TagSet=[{Key=formcheck:created-by,Value=deploy.sh}]'
fi

# A key per content, so that CloudFormation sees new code as a change
KEY="$STACK/function-$(sha256sum "$ZIP" | cut -c1-16)-$MODE.zip"
echo "uploading $ZIP to s3://$BUCKET/$KEY ..." >&2
awsc s3 cp --only-show-errors "$ZIP" "s3://$BUCKET/$KEY"

PARAMS=(
  "ParameterKey=Mode,ParameterValue=$MODE"
  "ParameterKey=CodeBucket,ParameterValue=$BUCKET"
  "ParameterKey=CodeKey,ParameterValue=$KEY"
  "ParameterKey=MemorySize,ParameterValue=$MEMORY"
  "ParameterKey=Timeout,ParameterValue=$TIMEOUT"
  "ParameterKey=FunctionUrl,ParameterValue=$URL_MODE"
)
if stack_exists; then
  echo "updating stack $STACK ..." >&2
  if out=$(awsc cloudformation update-stack --stack-name "$STACK" --template-body "file://$ROOT/infra/template.yaml" \
      --parameters "${PARAMS[@]}" --capabilities CAPABILITY_IAM 2>&1); then
    awsc cloudformation wait stack-update-complete --stack-name "$STACK"
  elif grep -q "No updates are to be performed" <<<"$out"; then
    echo "stack $STACK is already up to date" >&2
  else
    die "update of stack $STACK failed: $out"
  fi
else
  echo "creating stack $STACK ..." >&2
  awsc cloudformation create-stack --stack-name "$STACK" --template-body "file://$ROOT/infra/template.yaml" \
    --parameters "${PARAMS[@]}" --capabilities CAPABILITY_IAM >/dev/null
  awsc cloudformation wait stack-create-complete --stack-name "$STACK" ||
    die "stack $STACK did not deploy; see: aws cloudformation describe-stack-events --stack-name $STACK"
fi

echo "function: $(stack_output FunctionName)"
url=$(stack_output FunctionUrl)
echo "url: ${url:-none (deployed with --url off)}"
