#!/usr/bin/env bash
# Stop what `make up` started: app processes first, then the stack.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
for p in traffic storefront tls console worker sandbox; do proc_stop "$p"; done
bash "$ROOT/scripts/stack.sh" down
