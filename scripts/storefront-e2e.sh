#!/usr/bin/env bash
# The storefront's cross-app browser spec (apps/storefront/e2e), as scripts/test.sh runs it:
# migrations, consumer groups at the end of their topics, then Playwright, which starts the
# sandbox, worker, console and storefront on their fixed ports. Locally, hold the lock:
#   flock /tmp/pw.lock bash scripts/storefront-e2e.sh [playwright args]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
load_stack_env
export ICP_ENVIRONMENT="${ICP_ENVIRONMENT:-ci}"
mkdir -p "${ICP_ARTIFACTS_DIR:-$ROOT/artifacts}/screenshots"
npm run --silent db:migrate >/dev/null
# (On a shared machine a benchmark's worker may hold a group: then say so and start where it is.)
node --import tsx "$ROOT/scripts/stack/groups-to-end.ts" \
  || echo "WARNING: consumer groups not moved to the end (a group has running members); the worker starts where they are" >&2
cd "$ROOT/apps/storefront"
exec npx playwright test --workers=1 "$@"
