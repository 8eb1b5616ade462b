#!/usr/bin/env bash
# The chaos suite's long form on the real local stack (started if needed): every scenario in
# tests/chaos/ sized by CHAOS_ORDERS (10,000 by default), CHAOS_WORKERS worker processes (2).
# Arguments pick scenarios by file name, e.g. `scripts/chaos.sh freeze broker`. CI runs the
# short form (CHAOS_ORDERS=400) inside scripts/test.sh. The scenarios kill, freeze and restart
# the stack's servers: run it on a stack nobody else is using (docs/local-stack.md: ports).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
set -e
ensure_deps
bash "$ROOT/scripts/stack.sh" up >/dev/null
load_stack_env
export CHAOS_ORDERS=${CHAOS_ORDERS:-10000} KAFKAJS_NO_PARTITIONER_WARNING=1
npx vitest run --project chaos "$@"
