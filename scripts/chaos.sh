#!/usr/bin/env bash
# The chaos suite on the real local stack (started if needed): 10,000 orders by default,
# CHAOS_ORDERS=N for another size. CI runs the short form (2,000) inside scripts/test.sh.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
set -e
ensure_deps
bash "$ROOT/scripts/stack.sh" up >/dev/null
load_stack_env
export CHAOS_ORDERS=${CHAOS_ORDERS:-10000} KAFKAJS_NO_PARTITIONER_WARNING=1
npx vitest run --project chaos
