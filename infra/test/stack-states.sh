#!/usr/bin/env bash
# What deploy.sh does when CloudFormation fails, which moto cannot produce (it never rolls a stack
# back): a stand-in `aws` on PATH plays the stack's states, and each case checks that deploy.sh stops
# at the right moment and tells the user what to do. Needs function/lambda/target/function.zip.
set -euo pipefail
cd "$(dirname "$0")/../.."
zip=function/lambda/target/function.zip
[ -f "$zip" ] || { echo "stack-states: $zip is missing: run ./mvnw -B install -DskipTests first" >&2; exit 1; }

fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
# The stand-in answers the calls deploy.sh makes; the stack's status lives in $fake/status (absent: no
# stack), and what a create or update leaves behind in $fake/after-create and $fake/after-update.
cat >"$fake/aws" <<'FAKE'
#!/usr/bin/env bash
args=()
while [ $# -gt 0 ]; do
  case "$1" in --region | --endpoint-url) shift 2 ;; *) args+=("$1"); shift ;; esac
done
echo "${args[*]}" >>"$FAKE/calls"
case "${args[0]} ${args[1]}" in
  "sts get-caller-identity") echo 123456789012 ;;
  "s3api head-bucket" | "s3 cp") ;;
  "cloudformation describe-stacks")
    [ -f "$FAKE/status" ] || { echo "An error occurred (ValidationError): Stack with id x does not exist" >&2; exit 254; }
    cat "$FAKE/status" ;;
  "cloudformation create-stack") cp "$FAKE/after-create" "$FAKE/status" ;;
  "cloudformation update-stack") cp "$FAKE/after-update" "$FAKE/status" ;;
  "cloudformation wait")
    grep -q COMPLETE "$FAKE/status" && ! grep -q ROLLBACK "$FAKE/status" && exit 0
    echo "Waiter StackCreateComplete failed: Waiter encountered a terminal failure state" >&2
    exit 255 ;;
  "cloudformation describe-stack-events")
    printf 'Version\tResource handler returned message: "Init error: cannot start: model is unusable"\n' ;;
  *) echo "stand-in aws: unexpected call: ${args[*]}" >&2; exit 2 ;;
esac
FAKE
chmod +x "$fake/aws"
export FAKE="$fake" PATH="$fake:$PATH"

failed=0
# case NAME STATUS-BEFORE AFTER-CREATE AFTER-UPDATE EXPECTED-TEXT... : deploy.sh must fail and say each text
case_() {
  local name=$1 before=$2
  rm -f "$fake/status" "$fake/calls"
  [ -z "$before" ] || echo "$before" >"$fake/status"
  echo "$3" >"$fake/after-create"
  echo "$4" >"$fake/after-update"
  shift 4
  local out
  if out=$(infra/deploy.sh --stack-name st --zip "$zip" --url off 2>&1); then
    echo "stack-states: FAILED: $name: deploy.sh succeeded" >&2
    failed=1
    return
  fi
  for text in "$@"; do
    if ! grep -qF -- "$text" <<<"$out"; then
      echo "stack-states: FAILED: $name: no '$text' in:" >&2
      echo "$out" >&2
      failed=1
      return
    fi
  done
  echo "stack-states: $name: ok"
}

case_ "a failed create stops and says to destroy" "" ROLLBACK_COMPLETE - \
  "did not create (status ROLLBACK_COMPLETE)" "cannot start: model is unusable" "infra/destroy.sh --stack-name st"
case_ "a stack left in ROLLBACK_COMPLETE stops before the upload" ROLLBACK_COMPLETE - - \
  "stack st is in ROLLBACK_COMPLETE" "infra/destroy.sh --stack-name st" "cannot start: model is unusable"
grep -q "s3 cp" "$fake/calls" && { echo "stack-states: FAILED: uploaded for a stack in ROLLBACK_COMPLETE" >&2; failed=1; }
case_ "a failed update says the previous deployment keeps serving" UPDATE_COMPLETE - UPDATE_ROLLBACK_COMPLETE \
  "did not update (status UPDATE_ROLLBACK_COMPLETE)" "previous deployment keeps serving"
case_ "a failed rollback names continue-update-rollback" UPDATE_COMPLETE - UPDATE_ROLLBACK_FAILED \
  "continue-update-rollback --stack-name st"
case_ "a busy stack stops" UPDATE_IN_PROGRESS - - "still working on it"
[ "$failed" = 0 ] || exit 1
echo "stack-states: passed"
