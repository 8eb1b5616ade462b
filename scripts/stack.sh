#!/usr/bin/env bash
# The local stack of REAL servers, without Docker: PostgreSQL 15, Redis, Apache Kafka 3.9.1
# (KRaft, from Maven Central), FerretDB 1.24.2 (MongoDB wire protocol on our PostgreSQL),
# plus Chromium for browser tests. Everything lives under the git-ignored .local/ folder.
#
#   scripts/stack.sh up       install what is missing, start what is stopped, wait for health,
#                             create the Kafka topics, write .local/stack.env (idempotent)
#   scripts/stack.sh down     stop exactly what `up` started (pid files) and wait for exit
#   scripts/stack.sh status   one line per service: pid, port, healthy or not
#
# Ports come from the app env schema (@icp/config): set DATABASE_URL / REDIS_URL /
# KAFKA_BROKERS / MONGODB_URL to move a server; KAFKA_CONTROLLER_PORT (default 59093) moves
# the KRaft controller listener. See docs/local-stack.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
RUN="$LOCAL/run"            # pid files
STACK_LOGS="$LOCAL/logs"    # install/build logs (servers log into their own dirs)
KAFKA_VERSION=3.9.1
FERRETDB_VERSION=v1.24.2
PG_MAJOR=15
PG_BIN="${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-59093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
export DEBIAN_FRONTEND=noninteractive

T0=$SECONDS
log() { printf '[stack %3ds] %s\n' "$((SECONDS - T0))" "$*"; }
die() { printf '[stack %3ds] ERROR: %s\n' "$((SECONDS - T0))" "$*" >&2; exit 1; }
tail_log() { [ -f "$1" ] && { echo "----- last lines of $1 -----" >&2; tail -n "${2:-30}" "$1" >&2; echo "-----" >&2; } || true; }

node_run() { "$ROOT/scripts/node.sh" "$@"; }

resolve_ports() {
  [ -d "$ROOT/node_modules/kafkajs" ] && [ -d "$ROOT/node_modules/tsx" ] \
    || die "node_modules is missing: run ./scripts/node.sh npm ci (or npm install) first"
  local out
  out="$(node_run node --import tsx "$ROOT/scripts/stack/resolve.ts")" || exit 2
  eval "$out"
}

# ---------- process helpers ----------
pidfile() { echo "$RUN/$1.pid"; }
# Program name we expect in /proc/<pid>/cmdline, so a recycled pid is never mistaken for ours.
expect_cmd() {
  case "$1" in
    postgres) echo "$LOCAL/pg/data" ;; redis) echo "redis-server" ;;
    kafka) echo "kafka.Kafka $LOCAL/kafka/config" ;; ferretdb) echo "$LOCAL/bin/ferretdb" ;;
  esac
}
# Prints the pid if the service's pid file points at a live process of the right program.
live_pid() {
  local f pid
  f="$(pidfile "$1")"
  [ -f "$f" ] || return 1
  pid="$(head -n1 "$f" 2>/dev/null | tr -dc 0-9)"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$(expect_cmd "$1")" || return 1
  echo "$pid"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Who listens on a TCP port (pid and program), for the "port already taken" error.
port_owner() {
  local p="$1" line=""
  if command -v ss >/dev/null; then
    line="$(ss -Hltnp "sport = :$p" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n1 \
      | sed -E 's/^users:\(\("([^"]*)",pid=([0-9]+).*/pid \2 (\1)/' || true)"
  fi
  if [ -z "$line" ] && command -v lsof >/dev/null; then
    line="$(lsof -nP -iTCP:"$p" -sTCP:LISTEN 2>/dev/null | awk 'NR==2{print "pid " $2 " (" $1 ")"}' || true)"
  fi
  echo "${line:-an unknown process}"
}
# Refuse to start on a port somebody else holds.
check_port_free() {
  local svc="$1" port="$2"
  if port_open "$port"; then
    local var
    case "$svc" in
      postgres) var=DATABASE_URL ;; redis) var=REDIS_URL ;; kafka) var=KAFKA_BROKERS ;;
      kafka-controller) var=KAFKA_CONTROLLER_PORT ;; ferretdb) var=MONGODB_URL ;;
    esac
    die "$svc: port 127.0.0.1:$port is already taken by $(port_owner "$port"), not by this stack. Stop that, or move our $svc elsewhere with $var (see docs/local-stack.md)."
  fi
}
# start_bg <service> <logfile> <cmd...>: ordinary background process in its own session,
# stdin closed, stdout+stderr to the log, pid recorded.
start_bg() {
  local svc="$1" logf="$2"; shift 2
  mkdir -p "$(dirname "$logf")" "$RUN"
  [ -f "$logf" ] && mv -f "$logf" "$logf.1"
  # 9>&- : the server must not inherit the lock fd, or it would hold .local/stack.lock forever.
  setsid "$@" >"$logf" 2>&1 </dev/null 9>&- &
  local pid=$! i
  echo "$pid" > "$(pidfile "$svc")"
  # $! is a fork of this shell until it has exec'd the server, and live_pid (the server's
  # cmdline) fails for the fork: wait_until would take it for a server that died at start-up
  # with an empty log (seen under load: 44 of 300 immediate checks here saw the fork). So wait
  # for the exec, or for the process to end (then wait_until reports it with its log).
  for i in $(seq 1 100); do
    live_pid "$svc" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.05
  done
}
# wait_until <service> <logfile> <timeout-s> <probe-cmd...>
wait_until() {
  local svc="$1" logf="$2" timeout="$3"; shift 3
  local deadline=$((SECONDS + timeout))
  while ! "$@" >/dev/null 2>&1; do
    if ! live_pid "$svc" >/dev/null; then
      tail_log "$logf" 40
      die "$svc exited during start-up (log: ${logf#"$ROOT"/})"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail_log "$logf" 40
      die "$svc did not become healthy within ${timeout}s (log: ${logf#"$ROOT"/})"
    fi
    sleep 0.3
  done
}

# ---------- installers ----------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else die "need root for: $*"; fi; }
APT_UPDATED=0
# dpkg's lock is waited for (up to 5 min: another apt on a machine just started), not failed on.
APT_GET=(apt-get -o DPkg::Lock::Timeout=300)
apt_install() {
  [ $# -gt 0 ] || return 0
  log "apt-get install $* …"
  local alog="$STACK_LOGS/apt.log"
  if ! as_root "${APT_GET[@]}" install -y -q --no-install-recommends "$@" >>"$alog" 2>&1; then
    if [ "$APT_UPDATED" = 0 ]; then
      log "apt-get update (package lists missing or stale) …"
      as_root "${APT_GET[@]}" update -q >>"$alog" 2>&1 || { tail_log "$alog"; die "apt-get update failed (log: .local/logs/apt.log)"; }
      APT_UPDATED=1
      as_root "${APT_GET[@]}" install -y -q --no-install-recommends "$@" >>"$alog" 2>&1 \
        || { tail_log "$alog"; die "apt-get install $* failed (log: .local/logs/apt.log)"; }
    else
      tail_log "$alog"; die "apt-get install $* failed (log: .local/logs/apt.log)"
    fi
  fi
}
install_system_packages() {
  local want=()
  [ -x "$PG_BIN/postgres" ] || want+=("postgresql-$PG_MAJOR")
  command -v redis-server >/dev/null || want+=(redis-server)
  [ -x /usr/bin/chromium ] || [ "${STACK_SKIP_CHROMIUM:-}" = 1 ] || want+=(chromium)
  if [ ${#want[@]} -gt 0 ]; then apt_install "${want[@]}"; log "apt packages ready"; fi
  [ -x "$PG_BIN/postgres" ] || die "PostgreSQL $PG_MAJOR binaries not found in $PG_BIN after install"
  command -v redis-server >/dev/null || die "redis-server not found after install"
}

KAFKA_LIBS="$LOCAL/kafka/libs"
KAFKA_STAMP="$KAFKA_LIBS/.complete-$KAFKA_VERSION"
fetch_kafka() { # runs in the background; output to its log
  command -v mvn >/dev/null || { echo "mvn not found on PATH (apt-get install maven)"; return 1; }
  rm -rf "$KAFKA_LIBS"; mkdir -p "$KAFKA_LIBS"
  mvn -B -q -f "$ROOT/scripts/stack/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.libs.dir="$KAFKA_LIBS" -Dkafka.version="$KAFKA_VERSION" || return 1
  ls "$KAFKA_LIBS"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null && touch "$KAFKA_STAMP"
}

FERRETDB_BIN="$LOCAL/bin/ferretdb"
FERRETDB_STAMP="$LOCAL/bin/.ferretdb-$FERRETDB_VERSION-pg"
build_ferretdb() { # runs in the background; output to its log
  # The Go module proxy occasionally fails a download mid-build (seen once on a fresh
  # machine); the module cache keeps what did arrive, so a second attempt is cheap.
  command -v go >/dev/null || { echo "go not found on PATH (FerretDB is built from source with the Go toolchain)"; return 1; }
  local attempt
  for attempt in 1 2 3; do
    build_ferretdb_once && return 0
    [ "$attempt" -lt 3 ] && { echo "ferretdb build attempt $attempt failed; retrying in $((attempt * 5))s"; sleep $((attempt * 5)); }
  done
  return 1
}
build_ferretdb_once() {
  # `go install …/cmd/ferretdb@v1.24.2` builds, but the binary panics at start-up: the
  # module zip lacks the generated build/version/version.txt. So: take the same module
  # source from the Go module proxy, write version.txt, build it.
  local dir json src="$LOCAL/ferretdb/src"
  json="$(GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>&1)" || true
  dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [ -n "$dir" ] && [ -d "$dir" ] || { printf '%s\n' "$json"; echo "go mod download of FerretDB $FERRETDB_VERSION failed"; return 1; }
  rm -rf "$src"; mkdir -p "$src" "$LOCAL/bin"
  cp -r "$dir/." "$src/"; chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
  # ferretdb_no_sqlite: we use the PostgreSQL backend only, and leaving out the SQLite one
  # (modernc.org/sqlite, a huge transpiled package) saves ~20% of the build's CPU time.
  (cd "$src" && GOTOOLCHAIN=local CGO_ENABLED=0 go build -tags ferretdb_no_sqlite -ldflags "-s -w" \
    -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb) || return 1
  "$FERRETDB_BIN.tmp" --version | grep -q "version: $FERRETDB_VERSION" || { echo "built ferretdb does not report $FERRETDB_VERSION"; return 1; }
  mv -f "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"; touch "$FERRETDB_STAMP"
}

# Background fetch jobs: started early, awaited when their server is next.
declare -A BG_PID=()
bg_job() { # bg_job <name> <function>
  local name="$1"; shift
  mkdir -p "$STACK_LOGS"
  ( "$@" ) >"$STACK_LOGS/$name.log" 2>&1 </dev/null 9>&- &
  BG_PID[$name]=$!
}
bg_wait() { # bg_wait <name> <what failed>
  local name="$1" pid="${BG_PID[$1]:-}"
  [ -n "$pid" ] || return 0
  if ! wait "$pid"; then tail_log "$STACK_LOGS/$name.log" 30; die "$2 (log: .local/logs/$name.log)"; fi
  log "$name done"
}

# ---------- PostgreSQL ----------
PG_DIR="$LOCAL/pg"
PG_DATA="$PG_DIR/data"
PG_SOCK="$PG_DIR/run"
PG_LOG="$PG_DIR/postgres.log"
# initdb/postgres refuse to run as root: run them as the `postgres` system user then.
pg_user_prefix() { if [ "$(id -u)" = 0 ]; then echo "runuser -u postgres --"; fi; }
pg_as() { local p; p="$(pg_user_prefix)"; $p "$@"; }
psql_su() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres "$@"; }
pg_healthy() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres; }

up_postgres() {
  if pid="$(live_pid postgres)"; then
    pg_healthy || die "postgres (pid $pid) runs but is not accepting connections on 127.0.0.1:$PG_PORT; see .local/pg/postgres.log"
    log "postgres already running (pid $pid)"
  else
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then die "running as root needs the 'postgres' system user (from the postgresql package)"; fi
    mkdir -p "$PG_DIR" "$PG_SOCK"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      log "postgres: initdb (first start) …"
      rm -rf "$PG_DATA"; mkdir -p "$PG_DATA"
      [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
      pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { tail_log "$PG_DIR/initdb.log"; die "initdb failed"; }
    fi
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
    # Our postmaster may be alive with its pid file lost (e.g. .local/run removed): adopt it.
    local pmpid
    pmpid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null | tr -dc 0-9 || true)"
    if [ -n "$pmpid" ] && tr '\0' ' ' < "/proc/$pmpid/cmdline" 2>/dev/null | grep -q -- "$PG_DATA"; then
      mkdir -p "$RUN"; echo "$pmpid" > "$(pidfile postgres)"
      log "postgres: adopted running postmaster pid $pmpid of .local/pg/data"
      wait_until postgres "$PG_LOG" 30 pg_healthy
    else
      check_port_free postgres "$PG_PORT"
      log "postgres: starting on 127.0.0.1:$PG_PORT …"
      # pg_ctl forks the postmaster and waits until it accepts connections.
      if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$PG_SOCK' -c max_connections=500" start 9>&-; then
        tail_log "$PG_LOG" 30; die "postgres failed to start (log: .local/pg/postgres.log)"
      fi
      mkdir -p "$RUN"; head -n1 "$PG_DATA/postmaster.pid" > "$(pidfile postgres)"
      live_pid postgres >/dev/null || { tail_log "$PG_LOG"; die "postgres started but its pid is not alive"; }
    fi
  fi
  wait_until postgres "$PG_LOG" 30 pg_healthy
  # Roles and databases, idempotently. icp gets CREATEDB for Prisma's shadow database.
  psql_su -v u="$PG_USER" -v p="$PG_PASSWORD" <<'SQL' >/dev/null || die "postgres: creating role/databases failed"
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'u', :'p') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'u', :'p') \gexec
SQL
  for db in "$PG_DATABASE" ferretdb; do
    psql_su -v u="$PG_USER" -v d="$db" <<'SQL' >/dev/null || die "postgres: creating database $db failed"
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SQL
  done
  # FerretDB's tables get indexes its equality lookups can use (see the file).
  psql_su -d ferretdb -f "$ROOT/scripts/stack/ferretdb-indexes.sql" >/dev/null ||
    die "postgres: installing the FerretDB index trigger failed"
  log "postgres healthy: databases $PG_DATABASE, ferretdb (role $PG_USER)"
}

# ---------- Redis ----------
REDIS_DIR="$LOCAL/redis"
REDIS_LOG="$REDIS_DIR/redis.log"
redis_healthy() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }
up_redis() {
  if pid="$(live_pid redis)"; then
    wait_until redis "$REDIS_LOG" 10 redis_healthy
    log "redis already running (pid $pid)"; return
  fi
  check_port_free redis "$REDIS_PORT"
  mkdir -p "$REDIS_DIR/data"
  # BullMQ needs noeviction; AOF so queued jobs survive a Redis restart.
  cat > "$REDIS_DIR/redis.conf" <<EOF
# generated by scripts/stack.sh: edits are overwritten on every \`up\`
bind 127.0.0.1
protected-mode yes
port $REDIS_PORT
daemonize no
supervised no
pidfile $REDIS_DIR/redis.pid
dir $REDIS_DIR/data
logfile ""
databases 16
save 60 1000
appendonly yes
appendfsync everysec
maxmemory-policy noeviction
EOF
  log "redis: starting on 127.0.0.1:$REDIS_PORT …"
  start_bg redis "$REDIS_LOG" redis-server "$REDIS_DIR/redis.conf"
  wait_until redis "$REDIS_LOG" 20 redis_healthy
  log "redis healthy"
}

# ---------- Kafka ----------
KAFKA_DIR="$LOCAL/kafka"
KAFKA_LOG="$KAFKA_DIR/logs/server.log"
KAFKA_TLS="$KAFKA_DIR/tls"
KAFKA_PRINCIPALS="$KAFKA_DIR/principals"
# icp-admin: the stack's tools and the tests (super user). The others are the deployables'
# principals (packages/messaging/src/acls.ts); processes started for `make up` and the browser
# tests use their own (scripts/stack/principal-env.sh).
KAFKA_PRINCIPAL_NAMES=(icp-admin icp-console icp-worker icp-sap-events)
# A local CA and the broker's certificate (127.0.0.1/localhost), and a random SCRAM password
# per principal: made once per machine, kept under .local/kafka (mode 600).
kafka_security_material() {
  mkdir -p "$KAFKA_TLS" "$KAFKA_PRINCIPALS"; chmod 700 "$KAFKA_TLS" "$KAFKA_PRINCIPALS"
  local p
  for p in "${KAFKA_PRINCIPAL_NAMES[@]}"; do
    [ -s "$KAFKA_PRINCIPALS/$p" ] || { (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$KAFKA_PRINCIPALS/$p"); }
  done
  [ -s "$KAFKA_TLS/broker-keystore.pem" ] && [ -s "$KAFKA_TLS/ca.pem" ] && return 0
  command -v openssl >/dev/null || die "openssl not found (apt-get install openssl): the local Kafka runs TLS"
  ( umask 077; cd "$KAFKA_TLS"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=icp-local-kafka-ca" \
      -keyout ca.key -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=icp-kafka-broker" -keyout broker.key.rsa -out broker.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' > broker.ext
    openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile broker.ext -out broker.pem 2>/dev/null
    openssl pkcs8 -topk8 -nocrypt -in broker.key.rsa -out broker.key
    cat broker.key broker.pem > broker-keystore.pem
    rm -f broker.csr broker.key.rsa broker.ext ca.srl ) || die "making the local Kafka CA and certificate failed"
}
kafka_healthy() { port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$KAFKA_LOG"; }
up_kafka() {
  command -v java >/dev/null || die "no JDK: java not found on PATH (Kafka $KAFKA_VERSION needs Java 11+, 17 recommended: apt-get install openjdk-17-jre-headless)"
  local jv
  jv="$(java -version 2>&1 | sed -n 's/.* version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n1)"
  [ -n "$jv" ] && [ "$jv" -ge 11 ] || die "java on PATH is version '${jv:-unknown}'; Kafka $KAFKA_VERSION needs Java 11+ (17 recommended)"
  if pid="$(live_pid kafka)" && ! grep -q '^listeners=SASL_SSL' "$KAFKA_DIR/config/server.properties" 2>/dev/null; then
    log "kafka: running without SASL_SSL (an older stack); restarting it secured"
    stop_one kafka TERM
  fi
  if pid="$(live_pid kafka)"; then
    wait_until kafka "$KAFKA_LOG" 60 kafka_healthy
    log "kafka already running (pid $pid)"; return
  fi
  check_port_free kafka "$KAFKA_PORT"
  check_port_free kafka-controller "$KAFKA_CONTROLLER_PORT"
  mkdir -p "$KAFKA_DIR/config" "$KAFKA_DIR/logs" "$KAFKA_DIR/data"
  kafka_security_material
  local admin_pw
  admin_pw="$(cat "$KAFKA_PRINCIPALS/icp-admin")"
  # Clients: SASL_SSL only (TLS with the local CA, SCRAM-SHA-512 as a principal; ACLs from
  # packages/messaging/src/acls.ts, applied by create-topics.ts). The controller listener takes
  # only mutual TLS with the broker's own certificate: nothing on this machine reaches Kafka
  # without a password or that key.
  cat > "$KAFKA_DIR/config/server.properties" <<EOF
# generated by scripts/stack.sh: edits are overwritten on every \`up\`
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=SASL_SSL://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_SSL://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="icp-admin" password="$admin_pw";
ssl.keystore.type=PEM
ssl.keystore.location=$KAFKA_TLS/broker-keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_TLS/ca.pem
listener.name.controller.ssl.client.auth=required
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:icp-admin;User:CN=icp-kafka-broker
log.dirs=$KAFKA_DIR/data
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=168
EOF
  cat > "$KAFKA_DIR/config/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
EOF
  local heap jvm
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  jvm=(java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true -Dlog4j.configuration="file:$KAFKA_DIR/config/log4j.properties"
    -Dkafka.logs.dir="$KAFKA_DIR/logs" -cp "$KAFKA_LIBS/*")
  if [ -f "$KAFKA_DIR/data/meta.properties" ] && [ ! -f "$KAFKA_DIR/data/.scram-users" ]; then
    # Storage formatted before the stack ran SASL: SCRAM users can only be bootstrapped at
    # format time, so the local log is formatted again (topics are re-created below).
    log "kafka: local storage predates SASL/SCRAM; formatting it again (local topics and offsets are dropped)"
    rm -rf "$KAFKA_DIR/data"; mkdir -p "$KAFKA_DIR/data"
  fi
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    # A Kafka cluster id is 16 random bytes, base64url without padding (not starting with '-').
    local cid
    if [ -s "$KAFKA_DIR/cluster-id" ]; then cid="$(cat "$KAFKA_DIR/cluster-id")"; else
      cid="-"; while [ "${cid:0:1}" = "-" ]; do cid="$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"; done
      echo "$cid" > "$KAFKA_DIR/cluster-id"
    fi
    log "kafka: formatting storage (cluster id $cid) …"
    local scram=() p
    for p in "${KAFKA_PRINCIPAL_NAMES[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$p,password=$(cat "$KAFKA_PRINCIPALS/$p")]")
    done
    "${jvm[@]}" kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_DIR/config/server.properties" --ignore-formatted \
      "${scram[@]}" >"$KAFKA_DIR/logs/format.log" 2>&1 || { tail_log "$KAFKA_DIR/logs/format.log"; die "kafka storage format failed"; }
    printf '%s\n' "${KAFKA_PRINCIPAL_NAMES[@]}" > "$KAFKA_DIR/data/.scram-users"
  fi
  log "kafka: starting broker+controller on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT) …"
  start_bg kafka "$KAFKA_LOG" "${jvm[@]}" kafka.Kafka "$KAFKA_DIR/config/server.properties"
}
wait_kafka() {
  wait_until kafka "$KAFKA_LOG" 120 kafka_healthy
  log "kafka healthy"
}

# ---------- FerretDB ----------
FERRET_DIR="$LOCAL/ferretdb"
FERRET_LOG="$FERRET_DIR/ferretdb.log"
ferret_listening() { port_open "$FERRETDB_PORT"; }
ferret_ping() { node_run node --import tsx "$ROOT/scripts/stack/ping-mongo.ts"; }
# pool_max_conns: FerretDB 1.x holds one pooled PostgreSQL connection per update statement of a
# command until the command ends (a `defer` inside its loop), and a command that needs more than
# the pool waits for ever. The read model sends bulk writes in chunks of 50 statements for that
# reason; 400 connections leave room for several such commands at once.
start_ferretdb() {
  check_port_free ferretdb "$FERRETDB_PORT"
  mkdir -p "$FERRET_DIR/state"
  log "ferretdb: starting on 127.0.0.1:$FERRETDB_PORT (PostgreSQL backend, database ferretdb) …"
  start_bg ferretdb "$FERRET_LOG" "$FERRETDB_BIN" \
    --listen-addr="127.0.0.1:$FERRETDB_PORT" --handler=postgresql \
    --postgresql-url="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/ferretdb?pool_max_conns=400" \
    --state-dir="$FERRET_DIR/state" --telemetry=disable --debug-addr=- --log-level=info
  wait_until ferretdb "$FERRET_LOG" 30 ferret_listening
}
up_ferretdb() {
  local out
  if pid="$(live_pid ferretdb)"; then
    log "ferretdb already running (pid $pid)"
    wait_until ferretdb "$FERRET_LOG" 30 ferret_listening
    # A FerretDB that listens but no longer answers queries (seen once, after concurrent
    # createIndexes) is restarted: it keeps no state of its own, PostgreSQL holds the data.
    if out="$(ferret_ping 2>&1)"; then log "ferretdb healthy: $out"; return; fi
    log "ferretdb: running but not answering queries ($out): restarting"
    stop_one ferretdb TERM
  fi
  start_ferretdb
  if ! out="$(ferret_ping 2>&1)"; then tail_log "$FERRET_LOG" 20; die "ferretdb does not answer the mongodb driver: $out"; fi
  log "ferretdb healthy: $out"
}

write_env() {
  local f="$LOCAL/stack.env"
  # The local console's session secret: made once on this machine, never a constant in the
  # source; every process started from stack.env (console, tests) shares it.
  [ -s "$LOCAL/auth-secret" ] || { head -c 32 /dev/urandom | base64 | tr -d '\n=' > "$LOCAL/auth-secret"; chmod 600 "$LOCAL/auth-secret"; }
  cat > "$f.tmp" <<EOF
# written by scripts/stack.sh up; source it: set -a; . .local/stack.env; set +a
DATABASE_URL=$DATABASE_URL
REDIS_URL=$REDIS_URL
KAFKA_BROKERS=$KAFKA_BROKERS
MONGODB_URL=$MONGODB_URL
AUTH_SECRET=$(cat "$LOCAL/auth-secret")
KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
# Kafka: TLS with the local CA and SASL/SCRAM. Tools and tests connect as icp-admin; the apps
# started by make up / the browser tests as their own principals (scripts/stack/principal-env.sh).
KAFKA_SSL=true
KAFKA_SSL_CA_FILE=$KAFKA_TLS/ca.pem
KAFKA_SASL_MECHANISM=scram-sha-512
KAFKA_SASL_USERNAME=icp-admin
KAFKA_SASL_PASSWORD=$(cat "$KAFKA_PRINCIPALS/icp-admin")
EOF
  mv -f "$f.tmp" "$f"
}

lock() {
  mkdir -p "$LOCAL"
  exec 9>"$LOCAL/stack.lock"
  if ! flock -n 9; then
    log "another scripts/stack.sh holds .local/stack.lock; waiting …"
    flock -w 900 9 || die "timed out waiting for .local/stack.lock"
  fi
}

cmd_up() {
  lock
  mkdir -p "$LOCAL" "$RUN" "$STACK_LOGS"
  resolve_ports
  log "up: postgres :$PG_PORT, redis :$REDIS_PORT, kafka :$KAFKA_PORT, ferretdb :$FERRETDB_PORT"
  # Slow fetches run in the background while apt and the small servers start.
  if [ ! -f "$KAFKA_STAMP" ]; then log "kafka $KAFKA_VERSION: fetching jars from Maven Central (background) …"; bg_job kafka-fetch fetch_kafka; fi
  if [ ! -f "$FERRETDB_STAMP" ] || [ ! -x "$FERRETDB_BIN" ]; then log "ferretdb $FERRETDB_VERSION: building from the Go module proxy (background) …"; bg_job ferretdb-build build_ferretdb; fi
  install_system_packages
  up_redis
  up_postgres
  bg_wait kafka-fetch "fetching Kafka $KAFKA_VERSION from Maven Central failed"
  up_kafka
  bg_wait ferretdb-build "building FerretDB $FERRETDB_VERSION failed"
  up_ferretdb
  wait_kafka
  KAFKA_ADMIN_ENV=(KAFKA_SSL=true "KAFKA_SSL_CA_FILE=$KAFKA_TLS/ca.pem" KAFKA_SASL_MECHANISM=scram-sha-512
    KAFKA_SASL_USERNAME=icp-admin "KAFKA_SASL_PASSWORD=$(cat "$KAFKA_PRINCIPALS/icp-admin")")
  log "kafka: ensuring topics and ACLs …"
  # kafkajs 2.2.4 trips Node 24's TimeoutNegativeWarning (harmless, unmaintained upstream).
  env "${KAFKA_ADMIN_ENV[@]}" "$ROOT/scripts/node.sh" node --disable-warning=TimeoutNegativeWarning --import tsx \
    "$ROOT/scripts/stack/create-topics.ts" || die "kafka topic creation or ACLs failed"
  write_env
  log "up: all healthy in $((SECONDS - T0))s; URLs in .local/stack.env"
}

stop_one() { # stop_one <service> <signal>
  local svc="$1" sig="$2" pid
  if ! pid="$(live_pid "$svc")"; then rm -f "$(pidfile "$svc")"; log "$svc: not running"; return; fi
  log "$svc: stopping pid $pid …"
  kill -"$sig" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then log "$svc: still alive after 60s, sending KILL"; kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; break; fi
    sleep 0.2
  done
  rm -f "$(pidfile "$svc")"
  log "$svc: stopped"
}
cmd_down() {
  lock
  # Dependents first: FerretDB uses PostgreSQL. Postgres: SIGINT = fast shutdown.
  stop_one ferretdb TERM & local a=$!
  stop_one kafka TERM & local b=$!
  stop_one redis TERM & local c=$!
  wait "$a" "$b" "$c"
  stop_one postgres INT
  log "down: done"
}

cmd_status() {
  resolve_ports
  local rc=0 svc port pid health
  printf '%-9s %-8s %-6s %s\n' SERVICE PID PORT HEALTH
  for svc in postgres redis kafka ferretdb; do
    case "$svc" in
      postgres) port=$PG_PORT; health=pg_healthy ;;
      redis) port=$REDIS_PORT; health=redis_healthy ;;
      kafka) port=$KAFKA_PORT; health=kafka_healthy ;;
      ferretdb) port=$FERRETDB_PORT; health=ferret_ping ;;
    esac
    if pid="$(live_pid "$svc")"; then
      if $health >/dev/null 2>&1; then h=healthy; else h=UNHEALTHY; rc=1; fi
    else
      pid=-; rc=1
      if port_open "$port"; then h="stopped (port taken by $(port_owner "$port"))"; else h=stopped; fi
    fi
    printf '%-9s %-8s %-6s %s\n' "$svc" "$pid" "$port" "$h"
  done
  return $rc
}

# restart <service> [--kill]: stop one server (gracefully, or SIGKILL as a crash would) and
# bring the stack back to healthy. The chaos suite uses it; so can an operator.
cmd_restart() {
  local svc="${1:-}" sig=TERM
  case "$svc" in postgres | redis | kafka | ferretdb) ;; *) die "restart: which service? postgres|redis|kafka|ferretdb" ;; esac
  [ "${2:-}" = "--kill" ] && sig=KILL
  [ "$svc" = postgres ] && [ "$sig" = TERM ] && sig=INT
  ( lock; resolve_ports; stop_one "$svc" "$sig" )
  cmd_up
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  restart) shift; cmd_restart "$@" ;;
  *) echo "usage: scripts/stack.sh up|down|status|restart <service> [--kill]" >&2; exit 2 ;;
esac
