#!/usr/bin/env bash
# Builds the log/trace shipper that k8s/platform/logging runs and tests/logging runs (idempotent):
#   .local/bin/otelcol-icp-<OTELCOL_VERSION>-<hash of the manifest below>
# with the OpenTelemetry Collector builder (ocb, go.opentelemetry.io/collector/cmd/builder) from
# Go modules the Go module proxy serves. Only the components the committed config uses are
# compiled in (k8s/platform/logging/otelcol-builder.yaml): filelog receiver (container parser),
# OTLP receiver, batch + memory_limiter processors, the Elasticsearch exporter (ECS mapping), the
# signaltometrics connector + Prometheus exporter (error-log counter), the file_storage
# (checkpoints) and health_check extensions.
# Release: v0.148.0 for every collector module — see the manifest for why that one.
# Prints the binary's path on stdout (OTELCOL=<path>); build progress on stderr.
# Usage: scripts/otelcol.sh [--quiet]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OTELCOL_VERSION="v0.148.0"
MANIFEST="$ROOT/k8s/platform/logging/otelcol-builder.yaml"
BIN="$ROOT/.local/bin"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
quiet=false
for a in "$@"; do case "$a" in --quiet) quiet=true ;; *) echo "usage: $0 [--quiet]" >&2; exit 2 ;; esac; done
log() { $quiet || echo "[otelcol] $*" >&2; }
die() { echo "[otelcol] ERROR: $*" >&2; exit 1; }
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi

[ -f "$MANIFEST" ] || die "no builder manifest at $MANIFEST"
grep -q "${OTELCOL_VERSION}" "$MANIFEST" || die "$MANIFEST does not pin the collector release $OTELCOL_VERSION"
key="$(cat "$MANIFEST" "${BASH_SOURCE[0]}" | sha256sum | cut -c1-12)"
OUT="$BIN/otelcol-icp-$OTELCOL_VERSION-$key"
if [ -x "$OUT" ]; then echo "OTELCOL=$OUT"; exit 0; fi

command -v go >/dev/null 2>&1 || die "Go is not installed (the collector is built from the Go module proxy with ocb). Install Go >= 1.25."
mkdir -p "$BIN"
start=$(date +%s)
OCB="$BIN/ocb-$OTELCOL_VERSION"
if [ ! -x "$OCB" ]; then
  log "go install go.opentelemetry.io/collector/cmd/builder@$OTELCOL_VERSION …"
  tmp="$(mktemp -d)"
  GOBIN="$tmp" CGO_ENABLED=0 nice -n 10 go install "go.opentelemetry.io/collector/cmd/builder@$OTELCOL_VERSION" \
    || { rm -rf "$tmp"; die "go install go.opentelemetry.io/collector/cmd/builder@$OTELCOL_VERSION failed (is the Go module proxy reachable? GOPROXY=$(go env GOPROXY))"; }
  mv "$tmp/builder" "$OCB"; rm -rf "$tmp"
fi
WORK="$ROOT/.local/otelcol/$OTELCOL_VERSION-$key"
rm -rf "$WORK"; mkdir -p "$WORK"
sed "s#output_path: .*#output_path: $WORK/dist#" "$MANIFEST" > "$WORK/builder.yaml"
log "building the collector ($MANIFEST) in $WORK …"
( cd "$WORK" && CGO_ENABLED=0 nice -n 10 "$OCB" --config "$WORK/builder.yaml" >"$WORK/build.log" 2>&1 ) \
  || { tail -n 40 "$WORK/build.log" >&2; die "ocb failed building the collector (log: $WORK/build.log)"; }
[ -x "$WORK/dist/otelcol-icp" ] || die "ocb finished but $WORK/dist/otelcol-icp is missing (log: $WORK/build.log)"
mv "$WORK/dist/otelcol-icp" "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
log "built $(basename "$OUT") in $(( $(date +%s) - start ))s"
echo "OTELCOL=$OUT"
