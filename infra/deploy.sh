#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds (or takes) function.zip, uploads it to S3 and creates or updates the formcheck stack.
# With no flag: the JVM build on java25 with SnapStart, stack "formcheck", bucket
# formcheck-deploy-<account>-<region>, created if missing. Prints the function, its alias and URL.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
usage: infra/deploy.sh [options]
$SHARED_USAGE
  --bucket NAME        S3 bucket for function.zip    (FORMCHECK_BUCKET, default formcheck-deploy-<account>-<region>)
  --mode jvm|native    which build to deploy         (FORMCHECK_MODE, default jvm)
  --runtime RUNTIME    java25 or java21, JVM build only (FORMCHECK_RUNTIME, default java25)
  --arch ARCH          x86_64 or arm64               (FORMCHECK_ARCH; jvm default x86_64, native: the binary's own)
  --memory MB          function memory               (FORMCHECK_MEMORY, default 2048 for jvm, 512 for native)
  --timeout SECONDS    invocation timeout            (FORMCHECK_TIMEOUT, default 15)
  --reserved-concurrency N|none
                       most copies running at once   (FORMCHECK_RESERVED_CONCURRENCY, default none)
  --url off|iam|public Function URL: none, AWS_IAM-signed only, or open to anyone (FORMCHECK_URL, default iam)
  --zip PATH           deploy this function.zip instead of building one (FORMCHECK_ZIP)
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
    --runtime) RUNTIME="$2"; shift 2 ;;
    --arch) ARCH="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --reserved-concurrency) RESERVED="$2"; shift 2 ;;
    --url) URL_MODE="$2"; shift 2 ;;
    --zip) ZIP="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

case "$MODE" in
  jvm)
    RUNTIME="${RUNTIME:-java25}"
    case "$RUNTIME" in java25|java21) ;; *) die "--runtime must be java25 or java21, not '$RUNTIME'" ;; esac
    MEMORY="${MEMORY:-2048}" ;;
  native)
    [ -z "$RUNTIME" ] || die "--runtime is for --mode jvm; the native build runs on provided.al2023"
    RUNTIME=provided.al2023
    MEMORY="${MEMORY:-512}" ;;
  *) die "--mode must be jvm or native, not '$MODE'" ;;
esac
case "$ARCH" in ''|x86_64|arm64) ;; *) die "--arch must be x86_64 or arm64, not '$ARCH'" ;; esac
case "$URL_MODE" in off|iam|public) ;; *) die "--url must be off, iam or public, not '$URL_MODE'" ;; esac
[[ "$RESERVED" =~ ^(none|[1-9][0-9]*)$ ]] || die "--reserved-concurrency must be a number of copies (1 or more) or none, not '$RESERVED'"
for tool in unzip openssl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed to inspect and fingerprint function.zip: install it"
done
need_aws
default_bucket

EVENTS="aws cloudformation describe-stack-events --stack-name $STACK --region $REGION"
# What to do with a stack that CloudFormation left in this state; nothing when deploy.sh can go on.
advice() {
  case "$1" in
    ROLLBACK_COMPLETE | ROLLBACK_FAILED | CREATE_FAILED)
      echo "creating it failed, and a stack in $1 cannot be updated: remove it with infra/destroy.sh --stack-name $STACK, fix the cause, and deploy again" ;;
    UPDATE_ROLLBACK_FAILED)
      echo "its rollback failed: run aws cloudformation continue-update-rollback --stack-name $STACK --region $REGION, then deploy again" ;;
    DELETE_FAILED)
      echo "its deletion failed: run infra/destroy.sh --stack-name $STACK again, then deploy" ;;
    *_IN_PROGRESS)
      echo "CloudFormation is still working on it: wait until it is done, then deploy again" ;;
  esac
}

# A stack that cannot be updated stops the deployment before anything is built or uploaded.
status=$(stack_status)
todo=$(advice "$status")
if [ -n "$todo" ]; then
  echo "error: stack $STACK is in $status" >&2
  show_failures
  die "$todo (all events: $EVENTS)"
fi

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

# The processor the native executables in the zip were compiled for, from their ELF headers
# (e_machine, the two bytes at offset 18: 62 is x86-64, 183 is AArch64).
native_arch() (
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  unzip -q "$ZIP" -d "$dir" || die "cannot unpack $ZIP"
  machines=$(find "$dir" -type f -exec sh -c '
    for f; do
      if [ "$(od -An -c -N4 "$f" | tr -d " ")" = "177ELF" ]; then
        od -An -tu1 -j18 -N2 "$f" | tr -s " " | sed "s/^ //"
      fi
    done' sh {} + | sort -u)
  case "$machines" in
    "") die "$ZIP holds no executable, so it is not a native build: build one with ./mvnw -B install -Dnative -DskipTests, or deploy it with --mode jvm" ;;
    "62 0") echo x86_64 ;;
    "183 0") echo arm64 ;;
    *) die "$ZIP holds executables for a processor Lambda does not run, or for several (ELF machine: $(tr '\n' ',' <<<"$machines"))" ;;
  esac
)

[ -n "$ZIP" ] || build_zip
[ -f "$ZIP" ] || die "function.zip not found at $ZIP: build it with ./mvnw -B install -DskipTests, or give --zip"
if [ "$MODE" = native ]; then
  built_for=$(native_arch)
  [ -z "$ARCH" ] || [ "$ARCH" = "$built_for" ] ||
    die "$ZIP was built for $built_for and cannot run on $ARCH: leave out --arch, or build on (or for) $ARCH"
  ARCH="$built_for"
elif unzip -Z1 "$ZIP" | grep -x bootstrap >/dev/null; then
  die "$ZIP is a native build (it holds bootstrap): deploy it with --mode native"
else
  ARCH="${ARCH:-x86_64}"
fi

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

# Lambda's CodeSha256 is the base64 SHA-256 of the zip; a key per content lets CloudFormation see new code.
SHA256=$(openssl dgst -sha256 -binary "$ZIP" | openssl base64 -A)
KEY="$STACK/function-$(openssl dgst -sha256 -r "$ZIP" | cut -c1-16)-$MODE.zip"
echo "uploading $ZIP to s3://$BUCKET/$KEY ..." >&2
awsc s3 cp --only-show-errors "$ZIP" "s3://$BUCKET/$KEY"

PARAMS=(
  "ParameterKey=Runtime,ParameterValue=$RUNTIME"
  "ParameterKey=Architecture,ParameterValue=$ARCH"
  "ParameterKey=CodeBucket,ParameterValue=$BUCKET"
  "ParameterKey=CodeKey,ParameterValue=$KEY"
  "ParameterKey=CodeSha256,ParameterValue=$SHA256"
  "ParameterKey=MemorySize,ParameterValue=$MEMORY"
  "ParameterKey=Timeout,ParameterValue=$TIMEOUT"
  "ParameterKey=ReservedConcurrency,ParameterValue=$RESERVED"
  "ParameterKey=FunctionUrl,ParameterValue=$URL_MODE"
)
STACK_ARGS=(--stack-name "$STACK" --template-body "file://$ROOT/infra/template.yaml" --parameters "${PARAMS[@]}"
  --capabilities CAPABILITY_IAM)

# Stops after a failed wait with the stack's own reasons and what to do next, which depends on where
# CloudFormation left the stack.
stop_after_failed_wait() {
  local status todo
  status=$(stack_status)
  echo "error: stack $STACK did not $1 (status ${status:-gone})" >&2
  show_failures
  if [ "$status" = UPDATE_ROLLBACK_COMPLETE ]; then
    todo="CloudFormation rolled it back, so the previous deployment keeps serving: fix the cause and deploy again"
  else
    todo=$(advice "$status")
  fi
  die "${todo:-see what happened} (all events: $EVENTS)"
}

if [ -z "$status" ]; then
  echo "creating stack $STACK ..." >&2
  awsc cloudformation create-stack "${STACK_ARGS[@]}" >/dev/null
  awsc cloudformation wait stack-create-complete --stack-name "$STACK" || stop_after_failed_wait create
else
  echo "updating stack $STACK ..." >&2
  if out=$(awsc cloudformation update-stack "${STACK_ARGS[@]}" 2>&1); then
    awsc cloudformation wait stack-update-complete --stack-name "$STACK" || stop_after_failed_wait update
  elif grep -q "No updates are to be performed" <<<"$out"; then
    echo "stack $STACK is already up to date" >&2
  else
    die "update of stack $STACK failed: $out"
  fi
fi

echo "function: $(stack_output FunctionName) ($RUNTIME, $ARCH, $MEMORY MB)"
alias=$(stack_output AliasArn)
echo "alias: ${alias:-none} (version $(awsc lambda get-alias --function-name "$alias" --query FunctionVersion --output text 2>/dev/null || echo unknown))"
url=$(stack_output FunctionUrl)
echo "url: ${url:-none (deployed with --url off)}"
