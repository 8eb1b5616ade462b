#!/usr/bin/env bash
# Installs the offline manifest-validation toolchain (idempotent):
#   .local/bin/kustomize, .local/bin/kubeconform   – built with `go install` from the Go module proxy
#   .local/k8s-schemas/<stamp>/                    – kubeconform JSON schemas generated from
#       k8s.io/kubernetes api/openapi-spec/v3 and the CRD YAML of Argo Rollouts, KEDA, the
#       Prometheus Operator, Gateway API and Envoy Gateway (BackendTrafficPolicy), all fetched as Go modules (`go mod download`), converted by
#       tests/k8s/lib/build-schemas.ts. Nothing is downloaded from anywhere but the Go proxy.
# Go's own module and build caches stay where Go keeps them (GOMODCACHE, GOCACHE), so a fresh
# clone on the same machine is warm. Prints the schema directory as its last line.
# Usage: scripts/k8s-tools.sh [--quiet]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

. "$ROOT/scripts/k8s-versions.sh" # KUSTOMIZE_VERSION, KUBERNETES_VERSION, the CRDs' versions …
SCHEMA_FORMAT="3" # bump when tests/k8s/lib/schemas.ts changes its output

BIN="$ROOT/.local/bin"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
quiet=false; [ "${1:-}" = "--quiet" ] && quiet=true
log() { $quiet || echo "[k8s-tools] $*" >&2; }
die() { echo "[k8s-tools] ERROR: $*" >&2; exit 1; }

# Go's official tarball location, when it is not on PATH (e.g. a non-login CI shell).
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
need_go() { # only when something has to be installed or fetched
  command -v go >/dev/null 2>&1 || die "Go is not installed (needed to build kustomize/kubeconform and fetch schemas from the Go module proxy). Install Go >= 1.25 (e.g. the polyglot machine's /usr/local/go, or Debian's golang-go if recent enough)."
}
mkdir -p "$BIN"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

install_tool() { # name module version  (a marker file records what was installed: go-installed
  # kubeconform reports its version as "development")
  local name="$1" module="$2" version="$3"
  if [ -x "$BIN/$name" ] && [ "$(cat "$BIN/.$name.version" 2>/dev/null)" = "$module@$version" ]; then return 0; fi
  need_go
  local t; t="$(now)"
  log "go install $module@$version …"
  GOBIN="$BIN" go install "$module@$version" || die "go install $module@$version failed (is the Go module proxy reachable? GOPROXY=$(go env GOPROXY))"
  echo "$module@$version" > "$BIN/.$name.version"
  log "installed $name $version in $(elapsed "$t")"
}
install_tool kustomize sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE_VERSION"
install_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"

module_dir() { # module version → extracted directory in the module cache
  local json dir
  json="$(cd "$ROOT" && go mod download -json "$1@$2" 2>&1)" || die "go mod download $1@$2 failed: $json"
  dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [ -n "$dir" ] && [ -d "$dir" ] || die "go mod download $1@$2 gave no directory: $json"
  printf '%s\n' "$dir"
}

STAMP="k8s-${KUBERNETES_VERSION}_rollouts-${ARGO_ROLLOUTS_VERSION}_keda-${KEDA_VERSION}_promop-${PROMETHEUS_OPERATOR_VERSION}_gwapi-${GATEWAY_API_VERSION}_eg-${ENVOY_GATEWAY_VERSION}_f${SCHEMA_FORMAT}"
OUT="$ROOT/.local/k8s-schemas/$STAMP"
if [ ! -f "$OUT/.complete" ]; then
  need_go
  t="$(now)"
  log "fetching schema sources from the Go module proxy …"
  k8s="$(module_dir k8s.io/kubernetes "$KUBERNETES_VERSION")"
  rollouts="$(module_dir github.com/argoproj/argo-rollouts "$ARGO_ROLLOUTS_VERSION")"
  keda="$(module_dir github.com/kedacore/keda/v2 "$KEDA_VERSION")"
  promop="$(module_dir github.com/prometheus-operator/prometheus-operator "$PROMETHEUS_OPERATOR_VERSION")"
  gwapi="$(module_dir sigs.k8s.io/gateway-api "$GATEWAY_API_VERSION")"
  eg="$(module_dir github.com/envoyproxy/gateway "$ENVOY_GATEWAY_VERSION")"
  log "fetched in $(elapsed "$t")"
  t="$(now)"
  "$ROOT/scripts/node.sh" tsx "$ROOT/tests/k8s/lib/build-schemas.ts" "$OUT" "$k8s/api/openapi-spec/v3" \
    "$rollouts/manifests/crds/rollout-crd.yaml" \
    "$rollouts/manifests/crds/analysis-template-crd.yaml" \
    "$rollouts/manifests/crds/cluster-analysis-template-crd.yaml" \
    "$keda/config/crd/bases/keda.sh_scaledobjects.yaml" \
    "$keda/config/crd/bases/keda.sh_triggerauthentications.yaml" \
    "$promop/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
    "$promop/example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml" \
    "$promop/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml" \
    "$gwapi/config/crd/standard/gateway.networking.k8s.io_gateways.yaml" \
    "$gwapi/config/crd/standard/gateway.networking.k8s.io_httproutes.yaml" \
    "$eg/charts/gateway-helm/charts/crds/crds/generated/gateway.envoyproxy.io_backendtrafficpolicies.yaml" >&2 \
    || die "schema conversion failed"
  touch "$OUT/.complete"
  log "converted in $(elapsed "$t")"
fi
echo "$OUT"
