#!/usr/bin/env bash
# The full test suite, exactly what CI runs: lint, typecheck, unit tests, integration tests on
# the real local stack, and browser tests in Debian's Chromium. Brings up what it needs and
# stops what it started. Ends with one line: "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
set -e
REPORTS="$ROOT/.local/reports"
rm -rf "$REPORTS"; mkdir -p "$REPORTS"

ensure_deps

# The suite starts its own sandbox, worker and console on the demo ports; stop a running demo.
for p in traffic storefront tls console worker sandbox; do
  if proc_alive "$p"; then step "stopping the running demo's $p (make up starts it again)"; proc_stop "$p"; fi
done

started_stack=0
if ! bash "$ROOT/scripts/stack.sh" status >/dev/null 2>&1; then started_stack=1; fi
cleanup() {
  if [ "$started_stack" = 1 ] && [ "${KEEP_STACK:-0}" != 1 ]; then
    step "stopping the stack this run started"
    bash "$ROOT/scripts/stack.sh" down >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

step "starting the local stack"
bash "$ROOT/scripts/stack.sh" up
load_stack_env
export ICP_ENVIRONMENT=ci
set +e

# Each stage's output goes to the terminal and to .local/reports/stages/NN.log; the summary quotes
# a failed stage's reason from it (its ERROR: line and what led to it), as the end of a CI log is
# often all that is kept. tee runs beside the stage (process substitution), so a daemon a stage
# starts cannot hold the stage open through the pipe.
STAGE_LOGS="$REPORTS/stages"; mkdir -p "$STAGE_LOGS"
[ -t 1 ] && export FORCE_COLOR=1
failed_stages=()
stage_n=0
stage() { # name cmd...
  local name=$1 log; shift
  stage_n=$((stage_n + 1)); log="$STAGE_LOGS/$(printf %02d "$stage_n").log"
  step "$name"
  if ! "$@" > >(tee "$log") 2>&1; then failed_stages+=("$name"$'\t'"$log"); fi
}

stage "lint (biome)" npx biome check --reporter=summary .
stage "typecheck" npm run --silent typecheck
stage "database migrations" npm run --silent db:migrate
stage "unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile="$REPORTS/unit.json"
# The k8s overlays applied to a real kube-apiserver (kine/SQLite store, Pod Security
# "restricted", server-side apply), and k8s/deploy.sh run with kubectl and the Argo Rollouts
# plugin against it plus kube-controller-manager, kube-scheduler, kwok and the Rollouts
# controller (tests/k8s/*.cluster.test.ts): scripts/k8s-apiserver.sh builds them from the Go
# module proxy into .local/bin on first use (minutes cold; seconds with Go's build cache warm).
# A build failure fails this stage with the reason.
stage "k8s overlays and deploy.sh on a real control plane" npx vitest run --project k8s-cluster --reporter=default --reporter=json --outputFile="$REPORTS/k8s-cluster.json"
stage "integration tests (real stack)" npx vitest run --project integration --reporter=default --reporter=json --outputFile="$REPORTS/integration.json"
# The log shipper (k8s/platform/logging/config.yaml) run on the apps' own log lines: the
# OpenTelemetry Collector built with ocb from the Go module proxy by scripts/otelcol.sh (cached in
# .local/bin by version and manifest; minutes cold), shipping to an Elasticsearch _bulk double.
# A collector that cannot be built fails this stage with the builder's output.
stage "log shipping (OpenTelemetry Collector on the apps' own lines)" npx vitest run --project logging --reporter=default --reporter=json --outputFile="$REPORTS/logging.json"
# The images built from the real Dockerfiles (buildah, chroot isolation; a local Node base from
# Debian's packages and the npm registry) and run with podman against the stack: ready, healthy,
# non-root, read-only root filesystem, drains on SIGTERM; the worker image migrates an empty
# database. Cached under .local/images by a hash of the inputs (docs/deploy.md: cost). A build
# that cannot run fails its stage with the reason, and the run stage then fails naming it.
stage "container images (buildah build: base, console, worker, sap-sandbox)" bash "$ROOT/scripts/images.sh" build
stage "container images run against the stack (podman)" npx vitest run --project images --reporter=default --reporter=json --outputFile="$REPORTS/images.json"
# The storefront API fuzzed from its own OpenAPI document (Schemathesis from PyPI, installed into
# .local/schemathesis on first use; fixed seed): no 5xx, every answer as documented. Prints the
# number of cases. SCHEMATHESIS=0 skips it.
if [ "${SCHEMATHESIS:-1}" = 1 ]; then
  stage "API fuzzing (Schemathesis, storefront OpenAPI)" env ICP_REPORTS_DIR="$REPORTS" bash "$ROOT/tests/security/schemathesis/run.sh"
fi
# The chaos suite's short form: every scenario (tests/chaos/*.chaos.test.ts) sized by
# CHAOS_ORDERS=400, two worker processes each; `npm run test:chaos` runs the long form
# (10,000). CHAOS=0 skips it.
if [ "${CHAOS:-1}" = 1 ]; then
  stage "chaos (short form: SIGKILL/restarts/SAP faults, freeze, broker hang+kill, read-model kill, SAP clock skew, Redis AOF loss)" env CHAOS_ORDERS="${CHAOS_ORDERS:-400}" npx vitest run --project chaos --reporter=default --reporter=json --outputFile="$REPORTS/chaos.json"
fi
if [ -f "$ROOT/apps/console/playwright.config.ts" ]; then
  # The integration tests churn through hundreds of databases: re-check (and heal) the stack.
  stage "stack health before browser tests" bash "$ROOT/scripts/stack.sh" up
  # The browser tests' worker starts at the end of each topic: the orders the integration and
  # chaos suites left there are not theirs to process.
  stage "consumer groups to the end of their topics" node --import tsx "$ROOT/scripts/stack/groups-to-end.ts"
  stage "browser tests (Playwright, Chromium)" bash -c "cd '$ROOT/apps/console' && npx playwright test"
  # Issue 20's round trip across the storefront and the console (one storefront build; the
  # console's build from the stage above is started again, not rebuilt).
  stage "storefront browser test (Playwright: storefront + console + worker + sandbox)" \
    env STOREFRONT_E2E_CONSOLE_BUILT=1 bash "$ROOT/scripts/storefront-e2e.sh"
fi

node "$ROOT/scripts/test-summary.mjs" "$REPORTS" "${failed_stages[@]}"
