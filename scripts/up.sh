#!/usr/bin/env bash
# Bring the whole system up with demo data: local stack, migrations, SAP sandbox (with its
# business simulation), worker, console, the reference storefront (apps/storefront, on the
# storefront API through @icp/storefront-sdk) and demo storefront traffic. Idempotent.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/stack/principal-env.sh"

ensure_deps
# HTTPS=1 (make up HTTPS=1): the console is served over TLS on :3443 with a generated
# certificate, as the ingress serves it in Kubernetes; its URL (and so its cookies, which
# become Secure, and the origin its CSRF guard accepts) is then the https one.
if [ "${HTTPS:-0}" = 1 ]; then
  CONSOLE_PUBLIC="https://127.0.0.1:${TLS_PROXY_PORT:-3443}"
  export CONSOLE_URL="$CONSOLE_PUBLIC" NEXTAUTH_URL="$CONSOLE_PUBLIC"
else
  CONSOLE_PUBLIC="http://127.0.0.1:3000"
fi
step "starting the local stack (PostgreSQL, Redis, Kafka, FerretDB)"
bash "$ROOT/scripts/stack.sh" up
load_stack_env
export ICP_ENVIRONMENT=local DEV_LOGIN=on
# Demo-only webhook secret shared by the worker (signs) and the reference storefront (verifies:
# its STOREFRONT_WEBHOOK_SECRETS defaults to the same value).
export WEBHOOK_SECRET_DEMO="${WEBHOOK_SECRET_DEMO:-whsec_ZGVtby13ZWJob29rLXNlY3JldC1sb2NhbC1vbmx5LTMyYg==}"

step "applying database migrations"
npm run --silent db:migrate

step "starting the SAP sandbox"
proc_start sandbox env $(principal_env icp-sap-events) SANDBOX_TICK_MS="${SANDBOX_TICK_MS:-2000}" npx tsx apps/sap-sandbox/src/main.ts
wait_http sandbox "http://127.0.0.1:${SANDBOX_PORT:-4004}/health" 60

# A living but imperfect SAP: 2% of order creates fail with 503 and are retried.
npx tsx apps/sap-sandbox/src/cli.ts faults set --error-rate 0.02 --status 503 --service API_SALES_ORDER_SRV --method POST >/dev/null

step "starting the worker"
proc_start worker env $(principal_env icp-worker) npx tsx apps/worker/src/main.ts
wait_http worker "http://127.0.0.1:${WORKER_HTTP_PORT:-4010}/health/ready" 60

step "loading demo data: API client, full resync of products, stock and customers"
DEMO_SEED_PARTS=client,resync npx tsx scripts/seed-demo.ts

step "building the console"
(cd "$ROOT/apps/console" && ICP_BUILD_PROFILE=local npx next build >"$RUN_DIR/console-build.log" 2>&1) \
  || { tail -n 40 "$RUN_DIR/console-build.log" >&2; die "console build failed (log: .local/run/console-build.log)"; }
step "starting the console"
proc_start console env $(principal_env icp-console) bash -c "cd apps/console && exec npx next start -p 3000 -H 127.0.0.1"
wait_http console "http://127.0.0.1:3000/api/health/ready" 90
if [ "${HTTPS:-0}" = 1 ]; then
  step "serving the console over HTTPS (self-signed certificate in .local/tls)"
  bash "$ROOT/scripts/stack/dev-cert.sh" "$ROOT/.local/tls"
  proc_start tls env TLS_PROXY_PORT="${TLS_PROXY_PORT:-3443}" UPSTREAM=http://127.0.0.1:3000 \
    TLS_CERT="$ROOT/.local/tls/cert.pem" TLS_KEY="$ROOT/.local/tls/key.pem" npx tsx scripts/stack/tls-proxy.ts
  for _ in $(seq 1 80); do
    curl -fsS --cacert "$ROOT/.local/tls/cert.pem" -o /dev/null "$CONSOLE_PUBLIC/api/health/live" 2>/dev/null && break
    sleep 0.25
  done
  curl -fsS --cacert "$ROOT/.local/tls/cert.pem" -o /dev/null "$CONSOLE_PUBLIC/api/health/live" \
    || die "the HTTPS proxy did not answer on $CONSOLE_PUBLIC (log: .local/run/tls.log)"
fi

# The reference storefront: its catalogue and product pages are generated at build time from
# the storefront API (so after the console is up) and revalidated by the signed webhooks.
STOREFRONT_URL="http://127.0.0.1:${STOREFRONT_PORT:-3100}"
step "building the reference storefront (static catalogue from the storefront API)"
(cd "$ROOT/apps/storefront" && npx next build >"$RUN_DIR/storefront-build.log" 2>&1) \
  || { tail -n 40 "$RUN_DIR/storefront-build.log" >&2; die "storefront build failed (log: .local/run/storefront-build.log)"; }
step "starting the reference storefront"
proc_start storefront bash -c "cd apps/storefront && exec npx next start -p ${STOREFRONT_PORT:-3100} -H 127.0.0.1"
wait_http storefront "$STOREFRONT_URL/api/health" 60
step "registering the storefront's webhook endpoint ($STOREFRONT_URL/api/webhooks)"
DEMO_SEED_PARTS=webhook DEMO_WEBHOOK_URL="$STOREFRONT_URL/api/webhooks" npx tsx scripts/seed-demo.ts

# Background orders beside the shopper in the browser; the storefront receives the webhooks.
step "starting demo storefront traffic (${DEMO_RATE_PER_MIN:-30} orders/min)"
proc_start traffic env -u WEBHOOK_SECRET_DEMO DEMO_RATE_PER_MIN="${DEMO_RATE_PER_MIN:-30}" npx tsx scripts/demo-traffic.ts

cat <<MSG

  The control plane is up.

  Console:        $CONSOLE_PUBLIC        (sign in as operator@example.com / demo;
                                                 viewer@example.com and admin@example.com also work)
  Storefront:     $STOREFRONT_URL        (reference Jamstack shop: order, then follow it here and in the console)
  Readiness:      $CONSOLE_PUBLIC/api/health/ready
  SAP sandbox:    http://127.0.0.1:${SANDBOX_PORT:-4004}/sap/opu/odata/sap/API_SALES_ORDER_SRV/
  Logs:           .local/run/*.log             Stop everything: make down

MSG
