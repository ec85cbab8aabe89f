#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Sends a repetition to the deployed function (a direct invocation) and prints the answer.
# usage: infra/invoke.sh [--stack-name NAME] [--region REGION] [--endpoint-url URL] [EVENT.json]
# Without EVENT.json it sends infra/sample-event.json (made-up readings, not WLE data).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

EVENT="$ROOT/infra/sample-event.json"
while [ $# -gt 0 ]; do
  if shared_flag "$1" "${2:-}"; then
    shift 2
    continue
  fi
  case "$1" in
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) EVENT="$1"; shift ;;
  esac
done

[ -f "$EVENT" ] || die "event file $EVENT not found"
need_aws
stack_exists || die "stack $STACK does not exist in $REGION: deploy it with infra/deploy.sh"
FUNCTION=$(stack_output FunctionName)
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
meta=$(awsc lambda invoke --function-name "$FUNCTION" --cli-binary-format raw-in-base64-out \
  --payload "file://$EVENT" "$answer")
if grep -q FunctionError <<<"$meta"; then
  echo "the function refused the event:" >&2
  cat "$answer" >&2
  echo >&2
  exit 1
fi
cat "$answer"
echo
