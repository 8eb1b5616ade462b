#!/usr/bin/env bash
# Benchmarks on the real local stack (started if needed, left running). Prints a table per
# benchmark and writes bench/results.md.
#   npm run bench               every benchmark
#   npm run bench -- sap [N]    one of them (sap, intake, resync, freshness, console, catalogue, console-scale), with its arguments
set -uo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
set -e
ensure_deps
bash "$ROOT/scripts/stack.sh" up >/dev/null
load_stack_env
export LOG_LEVEL=${LOG_LEVEL:-warn} KAFKAJS_NO_PARTITIONER_WARNING=1
which=${1:-all}; shift || true
case "$which" in
  sap) npx tsx "$ROOT/bench/sap-throughput.ts" "$@" ;;
  intake) npx tsx "$ROOT/bench/intake.ts" "$@" ;;
  resync) npx tsx "$ROOT/bench/resync.ts" "$@" ;;
  freshness) npx tsx "$ROOT/bench/freshness.ts" "$@" ;;
  console) npx tsx "$ROOT/bench/console-load.ts" "$@" ;;
  catalogue) npx tsx "$ROOT/bench/catalogue.ts" "$@" ;;
  console-scale) npx tsx --conditions=react-server "$ROOT/bench/console-scale.ts" "$@" ;;
  all)
    npx tsx "$ROOT/bench/sap-throughput.ts" && npx tsx "$ROOT/bench/intake.ts" &&
      npx tsx "$ROOT/bench/resync.ts" && npx tsx "$ROOT/bench/freshness.ts" &&
      npx tsx "$ROOT/bench/console-load.ts" && npx tsx "$ROOT/bench/catalogue.ts"
    ;;
  *) die "unknown benchmark '$which' (sap, intake, resync, freshness, console, catalogue, console-scale)" ;;
esac
step "results: bench/results.md"
