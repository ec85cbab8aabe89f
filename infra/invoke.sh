#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Sends a repetition to the deployed function's alias (a direct invocation) and prints the answer.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
usage: infra/invoke.sh [options] [EVENT.json]
$SHARED_USAGE
Sends EVENT.json (default infra/sample-event.json, made-up readings, not WLE data) to the stack's
alias, the version deploy.sh published last, and prints the answer.
USAGE
}

EVENT="$ROOT/infra/sample-event.json"
while [ $# -gt 0 ]; do
  if shared_flag "$1" "${2:-}"; then
    shift 2
    continue
  fi
  case "$1" in
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) EVENT="$1"; shift ;;
  esac
done

[ -f "$EVENT" ] || die "event file $EVENT not found"
need_aws
stack_exists || die "stack $STACK does not exist in $REGION: deploy it with infra/deploy.sh"
TARGET=$(stack_output AliasArn)
case "$TARGET" in
  "" | None) die "stack $STACK has no alias to call (status $(stack_status)): deploy it again with infra/deploy.sh" ;;
esac
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
meta=$(awsc lambda invoke --function-name "$TARGET" --cli-binary-format raw-in-base64-out \
  --payload "file://$EVENT" "$answer")
if grep -q FunctionError <<<"$meta"; then
  echo "the function refused the event:" >&2
  cat "$answer" >&2
  echo >&2
  exit 1
fi
cat "$answer"
echo
