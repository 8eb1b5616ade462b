# Shared helpers for the project's scripts. Source it; it puts the pinned Node first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=node.sh
. "$ROOT/scripts/node.sh"
export NEXT_TELEMETRY_DISABLED=1
RUN_DIR="$ROOT/.local/run"
mkdir -p "$RUN_DIR"
T0=${T0:-$(date +%s)}

step() { printf '\033[1m[%4ss] %s\033[0m\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# Install npm dependencies when package-lock.json changed since the last install.
ensure_deps() {
  local stamp="$ROOT/.local/npm-ci.sha" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -d "$ROOT/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    step "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    echo "$want" > "$stamp"
  fi
}

load_stack_env() {
  [ -f "$ROOT/.local/stack.env" ] || die ".local/stack.env is missing: run scripts/stack.sh up"
  set -a; . "$ROOT/.local/stack.env"; set +a
}

# App processes (sandbox, worker, console, traffic) run in the background with pid and log files
# under .local/run, so `down` stops exactly what `up` started.
proc_start() { # name cmd...
  local name=$1; shift
  if proc_alive "$name"; then return 0; fi
  ( cd "$ROOT" && exec setsid "$@" >>"$RUN_DIR/$name.log" 2>&1 ) &
  echo $! > "$RUN_DIR/$name.pid"
}
proc_alive() { local p; p=$(cat "$RUN_DIR/$1.pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null; }
proc_stop() { # name
  local p; p=$(cat "$RUN_DIR/$1.pid" 2>/dev/null) || return 0
  if kill -0 "$p" 2>/dev/null; then
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$p" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$1.pid"
}
wait_http() { # name url seconds
  local name=$1 url=$2 secs=${3:-60}
  for _ in $(seq 1 $((secs * 4))); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! proc_alive "$name"; then tail -n 40 "$RUN_DIR/$name.log" >&2; die "$name exited during start-up (log: .local/run/$name.log)"; fi
    sleep 0.25
  done
  tail -n 40 "$RUN_DIR/$name.log" >&2
  die "$name did not answer $url within ${secs}s (log: .local/run/$name.log)"
}
