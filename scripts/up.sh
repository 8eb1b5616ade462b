#!/usr/bin/env bash
# Bring the whole system up with demo data: local stack, migrations, SAP sandbox (with its
# business simulation), worker, console and demo storefront traffic. Idempotent.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_deps
step "starting the local stack (PostgreSQL, Redis, Kafka, FerretDB)"
bash "$ROOT/scripts/stack.sh" up
load_stack_env
export ICP_ENVIRONMENT=local DEV_LOGIN=on

step "applying database migrations"
npm run --silent db:migrate

step "starting the SAP sandbox"
proc_start sandbox env SANDBOX_TICK_MS="${SANDBOX_TICK_MS:-2000}" npx tsx apps/sap-sandbox/src/main.ts
wait_http sandbox "http://127.0.0.1:${SANDBOX_PORT:-4004}/sap/opu/odata/sap/API_SALES_ORDER_SRV/\$metadata" 60

step "starting the worker"
proc_start worker npx tsx apps/worker/src/main.ts
wait_http worker "http://127.0.0.1:${WORKER_HTTP_PORT:-4010}/health/ready" 60

step "building the console"
(cd "$ROOT/apps/console" && ICP_BUILD_PROFILE=local npx next build >"$RUN_DIR/console-build.log" 2>&1) \
  || { tail -n 40 "$RUN_DIR/console-build.log" >&2; die "console build failed (log: .local/run/console-build.log)"; }
step "starting the console"
proc_start console bash -c "cd apps/console && exec npx next start -p 3000 -H 127.0.0.1"
wait_http console "http://127.0.0.1:3000/api/health/ready" 90

if [ -f "$ROOT/scripts/demo-traffic.ts" ]; then
  step "starting demo storefront traffic"
  proc_start traffic npx tsx scripts/demo-traffic.ts
fi

cat <<MSG

  The control plane is up.

  Console:        http://127.0.0.1:3000        (sign in as operator@example.com / demo;
                                                 viewer@example.com and admin@example.com also work)
  Readiness:      http://127.0.0.1:3000/api/health/ready
  SAP sandbox:    http://127.0.0.1:${SANDBOX_PORT:-4004}/sap/opu/odata/sap/API_SALES_ORDER_SRV/
  Logs:           .local/run/*.log             Stop everything: make down

MSG
