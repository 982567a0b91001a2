#!/usr/bin/env bash
# Post-deploy smoke test of one stage, run by the pipeline in the tooling account:
# start a small fixed run on the orchestrator bus, then wait (bounded) for its report in the worker bucket.
set -euo pipefail
: "${STARTER_ROLE_ARN:?}" "${READER_ROLE_ARN:?}" "${BUS_NAME:?}" "${BUCKET_NAME:?}"
: "${START_DETAIL_TYPE:?}" "${SMOKE_SOURCE:?}" "${PEOPLE:?}" "${SEED:?}" "${TIMEOUT_SECONDS:?}"

as_role() {
  local creds
  creds=$(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
    aws sts assume-role --role-arn "$1" --role-session-name choreo-smoke \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<<"$creds"
  export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
}

started=$(date -u +%Y-%m-%dT%H:%M:%S)
entries=$(printf '[{"Source":"%s","DetailType":"%s","EventBusName":"%s","Detail":"{\\"people\\":%s,\\"seed\\":%s}"}]' \
  "$SMOKE_SOURCE" "$START_DETAIL_TYPE" "$BUS_NAME" "$PEOPLE" "$SEED")
failed=$(as_role "$STARTER_ROLE_ARN" && aws events put-events --entries "$entries" --query FailedEntryCount --output text)
if [ "$failed" != "0" ]; then
  echo "smoke: the start event was refused by $BUS_NAME" >&2
  exit 1
fi
echo "smoke: started a run of $PEOPLE people (seed $SEED) at $started; waiting up to ${TIMEOUT_SECONDS}s for its report"

as_role "$READER_ROLE_ARN"
deadline=$(( $(date -u +%s) + TIMEOUT_SECONDS ))
while [ "$(date -u +%s)" -lt "$deadline" ]; do
  report=$(aws s3api list-objects-v2 --bucket "$BUCKET_NAME" \
    --query "Contents[?ends_with(Key, '/0-cookies.json') && LastModified >= '$started'] | [0].Key" --output text)
  if [ -n "$report" ] && [ "$report" != "None" ]; then
    aws s3 cp "s3://$BUCKET_NAME/$report" - 
    echo "smoke: report $report is there"
    exit 0
  fi
  sleep 10
done
echo "smoke: no report in $BUCKET_NAME within ${TIMEOUT_SECONDS}s: check the Dev orchestrator's EventDrivenMachine executions" >&2
exit 1
