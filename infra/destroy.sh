#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Deletes the stack (function, its versions and alias, role, log group, URL) and what deploy.sh
# uploaded for it; removes the bucket too when deploy.sh created it and nothing else is left in it.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

usage() {
  cat <<USAGE
usage: infra/destroy.sh [options]
$SHARED_USAGE
USAGE
}

while [ $# -gt 0 ]; do
  if shared_flag "$1" "${2:-}"; then
    shift 2
    continue
  fi
  case "$1" in
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done

need_aws
if ! stack_exists; then
  echo "stack $STACK does not exist in $REGION: nothing to remove"
  exit 0
fi
bucket=$(stack_parameter CodeBucket)
echo "deleting stack $STACK ..." >&2
awsc cloudformation delete-stack --stack-name "$STACK"
if ! awsc cloudformation wait stack-delete-complete --stack-name "$STACK"; then
  echo "error: stack $STACK was not deleted (status $(stack_status))" >&2
  show_failures
  die "fix what blocks the deletion, then run infra/destroy.sh --stack-name $STACK again (all events: aws cloudformation describe-stack-events --stack-name $STACK --region $REGION)"
fi

if [ -n "$bucket" ] && awsc s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "removing s3://$bucket/$STACK/ ..." >&2
  awsc s3 rm --only-show-errors --recursive "s3://$bucket/$STACK/"
  tags=$(awsc s3api get-bucket-tagging --bucket "$bucket" --query "TagSet[?Key=='formcheck:created-by'].Value" --output text 2>/dev/null || true)
  left=$(awsc s3api list-objects-v2 --bucket "$bucket" --max-items 1 --query 'KeyCount' --output text 2>/dev/null || echo 0)
  if [ "$tags" = deploy.sh ] && { [ "$left" = 0 ] || [ "$left" = None ]; }; then
    echo "removing bucket $bucket ..." >&2
    awsc s3api delete-bucket --bucket "$bucket"
  fi
fi
echo "removed stack $STACK"
