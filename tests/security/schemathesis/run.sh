#!/usr/bin/env bash
# Fuzzes the storefront API from its own OpenAPI document with Schemathesis (PyPI, pinned in
# requirements.txt, installed into .local/schemathesis on first use): every operation, then the
# stateful links, with a fixed seed. Passes when no answer is a 5xx and every answer conforms to
# the document (status, content type, headers, body schema). Prints how many cases ran.
# Needs the local stack (scripts/stack.sh up) and its env loaded; scripts/test.sh runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
HERE="$ROOT/tests/security/schemathesis"
VENV="$ROOT/.local/schemathesis"
SEED="${SCHEMATHESIS_SEED:-1717}"
EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-25}"
REPORTS="${ICP_REPORTS_DIR:-$ROOT/.local/reports}"
mkdir -p "$REPORTS"
rm -rf "$REPORTS/schemathesis"

want="$(cat "$HERE/requirements.txt")"
if [ ! -x "$VENV/bin/schemathesis" ] || [ "$(cat "$VENV/.requirements" 2>/dev/null)" != "$want" ]; then
  echo "installing Schemathesis into .local/schemathesis"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  echo "$want" > "$VENV/.requirements"
fi

info="$(mktemp)"
log="$REPORTS/schemathesis-server.log"
"$ROOT/scripts/node.sh" node --import tsx "$HERE/serve.ts" "$info" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$info"' EXIT
for _ in $(seq 1 180); do
  [ -s "$info" ] && break
  kill -0 "$server" 2>/dev/null || { echo "the fuzz target did not start:"; tail -20 "$log"; exit 1; }
  sleep 1
done
[ -s "$info" ] || { echo "the fuzz target did not start within 180 s"; exit 1; }
url="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$info")"
token="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$info")"

set +e
# From .local/schemathesis: Schemathesis keeps its cache (.schemathesis/) in the working directory.
cd "$VENV"
"$VENV/bin/schemathesis" --no-color run "$url/openapi.json" \
  --url "$url" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --max-examples "$EXAMPLES" \
  --seed "$SEED" \
  --workers 1 \
  --report junit --report-dir "$REPORTS/schemathesis" 2>&1 | tee "$REPORTS/schemathesis.log"
rc=${PIPESTATUS[0]}
set -e
# Schemathesis' own count: "Test cases:" then "N generated, …".
cases="$(grep -A1 '^Test cases:' "$REPORTS/schemathesis.log" | tail -1 | sed 's/^ *//')"
echo "schemathesis: seed $SEED, test cases: ${cases:-none}; exit $rc"
exit "$rc"
