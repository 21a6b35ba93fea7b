#!/usr/bin/env bash
# The benchmark suite: starts a throw-away PostgreSQL, builds and starts Ordo, bulk-loads a catalog, runs the
# scenarios of docs/performance.md and prints one results table and the set-up. Not part of the unit tests.
#
#   bench/run.sh                     all scenarios (about 15 minutes on 2 cores)
#   bench/run.sh --quick             the same with short levels (about 5 minutes)
#   bench/run.sh --smoke             30 s of load: scenarios 1 and 4 at low concurrency; exits non-zero on any
#                                    oversell, failed request, empty load or unclean consistency check (used by .ci/run)
#   bench/run.sh --scenarios=1,4     choose scenarios: 1 2 3 4 5 6 7 8 (7 runs inside 1 at 16 clients)
#   bench/run.sh --orders=200000     size of scenario 6's order history (default 1,000,000; --quick 200,000)
#   bench/run.sh --seconds=30 --warmup=10
#   bench/run.sh --keep-db           leave PostgreSQL running with its databases after the run (for EXPLAIN ANALYZE
#                                    by hand); the last lines say how to connect and how to stop it
#   bench/run.sh --check             exits non-zero when a target of docs/performance.md is missed (not for CI:
#                                    machines are noisy)
#   bench/run.sh --profile --scenarios=1   JFR recording of Ordo and pg_stat_statements: top frames and statements
#                                    per order are written next to the results
#
# Needs PostgreSQL 15 binaries (apt-get installs them when missing and the caller is root).
# Environment: JDK25, JDK17 (JDK homes), PG_BIN, PG_PORT, PG_PROXY_PORT, ORDO_PORT, ORDO_PORT2, ORDO_JVM_OPTS, ORDO_POOL_SIZE,
# ORDO_START_SECONDS (how long an Ordo process may take to become healthy, default 300: a machine shared with other runs may need minutes).
# All traffic goes to 127.0.0.1; every step is bounded in time; everything started is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE=full
PROFILE=""
CHECK=""
SCENARIOS=""
WARMUP=""
SECONDS_PER_LEVEL=""
SCALE_ORDERS=""
KEEP_DB=""
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    --smoke) MODE=smoke ;;
    --profile) PROFILE=1 ;;
    --check) CHECK=1 ;;
    --scenarios=*) SCENARIOS="${arg#*=}" ;;
    --seconds=*) SECONDS_PER_LEVEL="${arg#*=}" ;;
    --warmup=*) WARMUP="${arg#*=}" ;;
    --orders=*) SCALE_ORDERS="${arg#*=}" ;;
    --keep-db) KEEP_DB=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
case "$MODE" in
  full)  : "${WARMUP:=5}"; : "${SECONDS_PER_LEVEL:=20}"; LEVELS="1 4 16 64"; : "${SCENARIOS:=1,2,3,4,5,6,7,8}"; : "${SCALE_ORDERS:=1000000}" ;;
  quick) : "${WARMUP:=2}"; : "${SECONDS_PER_LEVEL:=6}";  LEVELS="1 4 16 64"; : "${SCENARIOS:=1,2,3,4,5,6,7,8}"; : "${SCALE_ORDERS:=200000}" ;;
  smoke) : "${WARMUP:=2}"; : "${SECONDS_PER_LEVEL:=6}";  LEVELS="1 4";       : "${SCENARIOS:=1,4}" ;;
esac
has() { [[ ",$SCENARIOS," == *",$1,"* ]]; }

JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [[ ! -x "$JDK25/bin/java" ]]; then
  # CI machines may have only one JDK: run everything on it and say so in the set-up
  JDK25="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
PG_PORT="${PG_PORT:-55432}"
ORDO_PORT="${ORDO_PORT:-18081}"
ORDO_PORT2="${ORDO_PORT2:-18082}"
PG_PROXY_PORT="${PG_PROXY_PORT:-55433}"
ORDO_JVM_OPTS="${ORDO_JVM_OPTS:--Xmx512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError}"
ORDO_POOL_SIZE="${ORDO_POOL_SIZE:-20}"
ORDO_START_SECONDS="${ORDO_START_SECONDS:-300}"
GEN_JVM_OPTS="-Xmx1g"
ADMIN_PASSWORD="bench-admin-password-1"
PG_SETTINGS=(-c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on
  -c max_connections=300 -c shared_buffers=256MB -c max_wal_size=2GB)

OUT="$ROOT/bench/target/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
WORK="$(mktemp -d -t ordo-bench.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
PG_STARTED=""
FAILED=0

# PostgreSQL refuses to run as root: as root it runs as the user postgres, otherwise as the caller
as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
  for pid in "${PIDS[@]}"; do
    stop_pid "$pid"
  done
  if [[ -n "$PG_STARTED" && -n "$KEEP_DB" ]]; then
    log "PostgreSQL kept running: psql -h 127.0.0.1 -p $PG_PORT -U postgres -d ordo_scale;" \
      "stop: $PG_BIN/pg_ctl -D $WORK/pg/data -m fast stop && rm -rf $WORK"
    return
  fi
  if [[ -n "$PG_STARTED" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -t 60 stop >/dev/null 2>&1 || true
    cp "$WORK/pg/pg.log" "$OUT/postgresql.log" 2>/dev/null || true
  fi
  rm -rf "$WORK" || true
}
trap cleanup EXIT

stop_pid() {
  local pid="$1"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

# --- PostgreSQL 15, throw-away, loopback only, durability on
find_pg() {
  PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    log "PostgreSQL binaries missing: apt-get install -y postgresql"
    apt-get install -y postgresql >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y postgresql >/dev/null)
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
}

start_pg() {
  find_pg
  mkdir -p "$WORK/pg"
  if [[ $EUID -eq 0 ]]; then chown postgres "$WORK/pg"; fi
  as_pg "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/pg.log" -t 60 -w \
    -o "-p $PG_PORT -c unix_socket_directories=$WORK/pg ${PG_SETTINGS[*]}" start >/dev/null
  PG_STARTED=1
  as_pg "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "CREATE USER ordo PASSWORD 'ordo'" -c "CREATE DATABASE ordo OWNER ordo" >/dev/null
  psql_ordo -c "CREATE EXTENSION pg_stat_statements" >/dev/null
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

# statements per order are counted in every run (scenario 1's cost pass); the profile also counts nested ones
PG_SETTINGS+=(-c shared_preload_libraries=pg_stat_statements)
if [[ -n "$PROFILE" ]]; then
  PG_SETTINGS+=(-c pg_stat_statements.track=all)
fi

PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/ordo"
psql_ordo() { as_pg "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ordo "$@"; }

# --profile: what one placement costs — Ordo's hot methods (JFR) and the statements per order (pg_stat_statements)
profile_report() {
  local pid="$1" orders
  "$JDK25/bin/jcmd" "$pid" JFR.dump name=bench filename="$OUT/ordo.jfr" >/dev/null
  {
    "$JDK25/bin/jfr" view --width 220 hot-methods "$OUT/ordo.jfr"
    "$JDK25/bin/jfr" view --width 220 allocation-by-class "$OUT/ordo.jfr" | head -25
  } >"$OUT/profile-jfr.txt" 2>&1 || true
  orders=$(psql_ordo -At -c "SELECT COUNT(*) FROM sales_order")
  psql_ordo -c "SELECT round(calls::numeric / GREATEST($orders, 1), 2) AS per_order, calls, round(mean_exec_time::numeric, 3) AS mean_ms,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS statement
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ordo')
      AND query NOT LIKE '%bench\\_%'
    ORDER BY calls DESC LIMIT 40" >"$OUT/profile-statements.txt"
  log "profile of $orders orders: $OUT/profile-jfr.txt, $OUT/profile-statements.txt"
}

# scenario 1's cost pass: a second Ordo process alone against the database (the main one is stopped), its
# connections through a proxy that counts round trips; after a warm-up, the counters before and after a load give
# the statements (pg_stat_statements calls of the application's role), round trips, transactions and JVM CPU
# (user + system time of the process) per order
cost_pass() {
  local proxy_pid before after base
  "$JDK25/bin/java" $GEN_JVM_OPTS -jar "$BENCH_JAR" pg-round-trips --listen="$PG_PROXY_PORT" --target="$PG_PORT" \
    --counts="$WORK/round-trips" &
  proxy_pid=$!
  PIDS+=("$proxy_pid")
  start_ordo cost-25 "$JDK25" "$ORDO_PORT2" "jdbc:postgresql://127.0.0.1:$PG_PROXY_PORT/ordo" ordo ordo
  base="$(url "$ORDO_PORT2")"
  bench ordo --out="$WORK/cost-warm-up.tsv" --scenario=warm-up --urls="$base" --clients=4 --warmup=0 \
    --seconds="$((WARMUP + SECONDS_PER_LEVEL))" --admin-password="$ADMIN_PASSWORD" >/dev/null || FAILED=1
  before="$(cost_counters "$ORDO_PID")"
  ordo_load "1 place-order, cost pass (JDK 25)" "$base" 4 --warmup=0 --notes="through the round-trip counter"
  after="$(cost_counters "$ORDO_PID")"
  bench cost --out="$RESULTS" --before="$before" --after="$after" --hz="$(getconf CLK_TCK)" || FAILED=1
  stop_pid "$ORDO_PID"
  stop_pid "$proxy_pid"
}

# orders,statements,transactions,round trips,CPU ticks,JIT ticks,GC ticks; idle backends publish their counters within
# a second
cost_counters() {
  local pid="$1" db
  sleep 2
  db="$(psql_ordo -At -F, -c "SELECT (SELECT COUNT(*) FROM sales_order),
      (SELECT COALESCE(SUM(s.calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'ordo'),
      (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'ordo')")"
  printf '%s,%s,%s,%s\n' "$db" "$(cat "$WORK/round-trips")" "$(awk '{print $14 + $15}' "/proc/$pid/stat")" \
    "$(jit_gc_ticks "$pid")"
}

# CPU ticks of the JVM's JIT compiler threads and of its GC threads (by thread name; a compiler thread the JVM ended
# in between takes its ticks along, so the JIT share is a lower bound)
jit_gc_ticks() {
  local pid="$1" jit=0 gc=0 task comm ticks
  for task in /proc/"$pid"/task/*; do
    comm="$(cat "$task/comm" 2>/dev/null)" || continue
    ticks="$(sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}')" || continue
    case "$comm" in
      "C1 CompilerThre"* | "C2 CompilerThre"*) jit=$((jit + ${ticks:-0})) ;;
      "GC Thread"* | "G1 "*) gc=$((gc + ${ticks:-0})) ;;
    esac
  done
  printf '%s,%s' "$jit" "$gc"
}

# --- building: the application jar only when missing or older than its sources; the bench jar always (small)
mvn_build() {
  ./mvnw -o -q -B "$@" || ./mvnw -q -B "$@"
}

build() {
  APP_JAR="$(ls target/ordo-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)"
  if [[ -z "$APP_JAR" || -n "$(find src/main pom.xml -newer "$APP_JAR" -print -quit)" ]]; then
    log "building the application jar"
    mvn_build -DskipTests package
    APP_JAR="$(ls target/ordo-*.jar | grep -v '\.original$' | head -1)"
  fi
  log "building the benchmark tools"
  mvn_build -f bench/pom.xml package
  BENCH_JAR="$ROOT/bench/target/ordo-bench.jar"
}

bench() { "$JDK25/bin/java" $GEN_JVM_OPTS -jar "$BENCH_JAR" "$@"; }

# --- Ordo processes: start_ordo <name> <jdk home> <port> <jdbc url> <user> <password>; sets ORDO_PID
start_ordo() {
  local name="$1" jdk="$2" port="$3" url="$4" user="$5" password="$6"
  ORDO_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$jdk/bin/java" $ORDO_JVM_OPTS -jar "$ROOT/$APP_JAR" \
    --server.port="$port" --server.address=127.0.0.1 \
    --spring.datasource.url="$url" --spring.datasource.username="$user" --spring.datasource.password="$password" \
    --spring.datasource.hikari.maximum-pool-size="$ORDO_POOL_SIZE" >"$OUT/ordo-$name.log" 2>&1 &
  ORDO_PID=$!
  PIDS+=("$ORDO_PID")
  for _ in $(seq 1 $((ORDO_START_SECONDS * 2))); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      log "Ordo '$name' up on port $port (pid $ORDO_PID, $("$jdk/bin/java" -version 2>&1 | head -1))"
      return 0
    fi
    kill -0 "$ORDO_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "Ordo '$name' did not become healthy; see $OUT/ordo-$name.log"
  tail -30 "$OUT/ordo-$name.log" >&2
  exit 1
}

url() { echo "http://127.0.0.1:$1"; }

# ordo_load <scenario> <urls> <clients> [extra options]: one level of HTTP load
ordo_load() {
  local scenario="$1" urls="$2" clients="$3"
  shift 3
  bench ordo --out="$RESULTS" --scenario="$scenario" --urls="$urls" --clients="$clients" --warmup="$WARMUP" \
    --seconds="$SECONDS_PER_LEVEL" --admin-password="$ADMIN_PASSWORD" "$@" || FAILED=1
}

# warm_ordo <urls> <clients> <lines> <seconds>: placements that are not measured (JIT, pools, caches)
warm_ordo() {
  bench ordo --out="$WORK/warm-up.tsv" --scenario=warm-up --urls="$1" --clients="$2" --lines="$3" --warmup=0 \
    --seconds="$4" --admin-password="$ADMIN_PASSWORD" >/dev/null || FAILED=1
}

baseline() {
  local scenario="$1" clients="$2"
  shift 2
  bench baseline --out="$RESULTS" --scenario="$scenario" --jdbc="$PG_URL" --user=ordo --password=ordo --clients="$clients" \
    --warmup="$WARMUP" --seconds="$SECONDS_PER_LEVEL" "$@" || FAILED=1
}

check() {
  local level="$1"
  shift
  bench check --out="$RESULTS" --level="$level" --admin-password="$ADMIN_PASSWORD" "$@" || FAILED=1
}

# scenario 7: the peak RSS of one level (VmHWM reset just before it) and the heap after a full GC
measure_memory() {
  local pid="$1" jdk="$2" clients="$3"
  echo 5 >"/proc/$pid/clear_refs"
  ordo_load "1 place-order, 10 lines (JDK 25)" "$(url "$ORDO_PORT")" "$clients" --group=ordo-25 --compare=baseline
  local hwm heap
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  "$jdk/bin/jcmd" "$pid" GC.run >/dev/null
  heap=$("$jdk/bin/jcmd" "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?/, "", v); printf "%.0f", v/1024; exit}}')
  printf '7 memory\t%s clients, JDK 25\t\t\t\t\t\t\tpeak RSS %s MiB during the level; heap after full GC %s MiB; %s\n' \
    "$clients" "$hwm" "$heap" "$ORDO_JVM_OPTS" | tee -a "$RESULTS"
}

write_setup() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "mode: $MODE, scenarios $SCENARIOS, warm-up ${WARMUP} s + ${SECONDS_PER_LEVEL} s measured per level, closed-loop clients"
    echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, shared with other builds"
    echo "Ordo JDK (unless a row says JDK 17): $("$JDK25/bin/java" -version 2>&1 | head -1)"
    [[ -x "$JDK17/bin/java" ]] && echo "JDK 17: $("$JDK17/bin/java" -version 2>&1 | head -1)"
    echo "Ordo JVM flags: $ORDO_JVM_OPTS; spring.threads.virtual.enabled=true (virtual threads on JDK 21+, platform threads on 17)"
    echo "Ordo pool: Hikari maximum-pool-size $ORDO_POOL_SIZE per process"
    echo "load generator: java.net.http.HttpClient, HTTP/1.1 keep-alive, $GEN_JVM_OPTS, on $("$JDK25/bin/java" -version 2>&1 | head -1), same machine"
    echo "baseline: plain JDBC (PostgreSQL driver), one connection per client, own tables bench_order/bench_order_line/bench_stock"
    if [[ -n "$PG_STARTED" ]]; then
      echo "PostgreSQL: $("$PG_BIN/postgres" --version), 127.0.0.1:$PG_PORT, started by this script"
      as_pg "$PG_BIN/psql" -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c \
        "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN
         ('fsync','synchronous_commit','full_page_writes','wal_sync_method','shared_buffers','max_connections','max_wal_size','work_mem')" \
        | sed 's/^/PostgreSQL settings: /'
    fi
    echo "data: $((10000)) products in 3 warehouses (1,000,000 units per level), 1,000 customers; contention sets of 5 SKUs x 200 units"
  } >"$OUT/setup.txt"
}

# --- the run
if [[ -n "$PROFILE" ]]; then
  # deep stacks: the default of 64 frames cuts a request's outer layers (Tomcat, filters, MVC) off its samples
  ORDO_JVM_OPTS="$ORDO_JVM_OPTS -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=name=bench,settings=profile"
fi
build
start_pg
start_ordo pg-25 "$JDK25" "$ORDO_PORT" "$PG_URL" ordo ordo
MAIN_PID=$ORDO_PID
bench load --jdbc="$PG_URL" --user=ordo --password=ordo
[[ -n "$PROFILE" ]] && psql_ordo -c "SELECT pg_stat_statements_reset()" >/dev/null
A="$(url "$ORDO_PORT")"

if has 1 || has 7; then
  if has 1; then
    if [[ "$MODE" != smoke ]]; then
      for c in $LEVELS; do baseline "1 baseline, raw JDBC, 10 lines" "$c" --group=baseline; done
      for c in $LEVELS; do
        baseline "1 equal-work baseline, raw JDBC, 10 lines" "$c" --group=baseline-equal --equal-work
      done
    fi
    for c in $LEVELS; do
      if [[ "$c" == 16 ]] && has 7; then
        measure_memory "$MAIN_PID" "$JDK25" 16
      else
        ordo_load "1 place-order, 10 lines (JDK 25)" "$A" "$c" --group=ordo-25 --compare=baseline
      fi
    done
    if [[ "$MODE" != smoke ]]; then
      ordo_load "1 place-order, Bearer token" "$A" 16 --auth=bearer --compare=ordo-25
    fi
    if [[ -z "$PROFILE" ]]; then
      stop_pid "$MAIN_PID"
      cost_pass
      start_ordo pg-25-after-cost "$JDK25" "$ORDO_PORT" "$PG_URL" ordo ordo
      MAIN_PID=$ORDO_PID
    fi
  else
    measure_memory "$MAIN_PID" "$JDK25" 16
  fi
  if has 1 && [[ "$MODE" != smoke && -z "$PROFILE" ]]; then
    if [[ -x "$JDK17/bin/java" ]]; then
      stop_pid "$MAIN_PID"
      start_ordo pg-17 "$JDK17" "$ORDO_PORT" "$PG_URL" ordo ordo
      for c in $LEVELS; do
        ordo_load "1 place-order, 10 lines (JDK 17)" "$A" "$c" --group=ordo-17 --compare=baseline
      done
      stop_pid "$ORDO_PID"
      start_ordo pg-25b "$JDK25" "$ORDO_PORT" "$PG_URL" ordo ordo
      MAIN_PID=$ORDO_PID
    else
      printf '1 place-order (JDK 17)\t-\t\t\t\t\t\t\tskipped: no JDK 17 at %s\n' "$JDK17" >>"$RESULTS"
    fi
  fi
fi

# the profile covers scenario 1 (and 7) when chosen, else the mixed day of scenario 3 below
if [[ -n "$PROFILE" ]] && (has 1 || has 7) && kill -0 "$MAIN_PID" 2>/dev/null; then
  profile_report "$MAIN_PID"
fi

if has 2; then
  # the process may have just started (after scenario 1's cost pass or the JDK 17 levels): warm it up on every size
  # first, so that the first size measured does not pay the JIT for all of them (at least 30 s: on a busy machine the
  # JIT needs that long)
  warm_ordo "$A" 4 10 "$((WARMUP + SECONDS_PER_LEVEL > 30 ? WARMUP + SECONDS_PER_LEVEL : 30))"
  for n in 1 3 50 500; do warm_ordo "$A" 1 "$n" "$WARMUP"; done
  for n in 1 3 50 500; do
    baseline "2 order size, baseline" 1 --lines="$n" --level="1 client, $n lines" --group=baseline-lines --per-line
    ordo_load "2 order size (JDK 25)" "$A" 1 --lines="$n" --level="1 client, $n lines" --compare=baseline-lines --per-line
  done
fi

if has 3; then
  for c in 4 16; do
    bench mixed --out="$RESULTS" --urls="$A" --clients="$c" --warmup="$WARMUP" --seconds="$SECONDS_PER_LEVEL" \
      --admin-password="$ADMIN_PASSWORD" || FAILED=1
  done
  if [[ -n "$PROFILE" ]] && ! has 1 && ! has 7 && kill -0 "$MAIN_PID" 2>/dev/null; then
    profile_report "$MAIN_PID"
  fi
  # what the day did must leave every invariant true (invoices, payments and the ledger included)
  check "after scenario 3" --url="$A" --jdbc="$PG_URL" --user=ordo --password=ordo
fi

if has 4; then
  clients=64
  [[ "$MODE" == smoke ]] && clients=8
  # no warm-up: the last 1,000 units go in the first seconds, and that is what is measured
  bench ordo --out="$RESULTS" --scenario="4 contention, last 1,000 units of 5 SKUs" --urls="$A" --clients="$clients" \
    --warmup=0 --seconds="$SECONDS_PER_LEVEL" --admin-password="$ADMIN_PASSWORD" --hot=HOTA || FAILED=1
  check "after scenario 4" --url="$A" --jdbc="$PG_URL" --user=ordo --password=ordo --hot=HOTA
fi

if has 5; then
  for c in 16 64; do
    ordo_load "5 one process" "$A" "$c" --group=5-one
  done
  start_ordo pg-25-second "$JDK25" "$ORDO_PORT2" "$PG_URL" ordo ordo
  SECOND_PID=$ORDO_PID
  B="$(url "$ORDO_PORT2")"
  for c in 16 64; do
    ordo_load "5 two processes" "$A,$B" "$c" --compare=5-one
  done
  bench ordo --out="$RESULTS" --scenario="5 two processes, contention" --urls="$A,$B" --clients=64 \
    --warmup=0 --seconds="$SECONDS_PER_LEVEL" --admin-password="$ADMIN_PASSWORD" --hot=HOTB || FAILED=1
  check "after scenario 5" --url="$A" --jdbc="$PG_URL" --user=ordo --password=ordo --hot=HOTB
  stop_pid "$SECOND_PID"
fi

if ! has 4 && ! has 5; then
  check "after the PostgreSQL scenarios" --url="$A" --jdbc="$PG_URL" --user=ordo --password=ordo
fi

# scenario 6: a year of history in a database of its own, then the read requests people make, and the plans of the
# statements behind them (auto_explain logs every statement of one more pass; they are cut out of the server log)
if has 6; then
  psql_ordo -c "CREATE DATABASE ordo_scale OWNER ordo" >/dev/null
  SCALE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/ordo_scale"
  start_ordo pg-25-scale "$JDK25" "$ORDO_PORT2" "$SCALE_URL" ordo ordo
  SCALE_PID=$ORDO_PID
  bench load --jdbc="$SCALE_URL" --user=ordo --password=ordo
  bench scale-load --jdbc="$SCALE_URL" --user=ordo --password=ordo --orders="$SCALE_ORDERS" | tee "$OUT/scale-load.txt" >&2
  # the history went straight into the tables, past the order history the key figure facts follow: rebuild them
  FACTS="$(curl -sf --max-time 1800 -X POST -u "admin:$ADMIN_PASSWORD" "$(url "$ORDO_PORT2")/api/admin/report-facts/rebuild")" \
    || { log "rebuilding the key figure facts failed"; FAILED=1; }
  log "key figure facts rebuilt: ${FACTS:-}"
  echo "key figure facts rebuilt: ${FACTS:-}" >>"$OUT/scale-load.txt"
  bench scale-time --out="$RESULTS" --url="$(url "$ORDO_PORT2")" --jdbc="$SCALE_URL" --user=ordo --password=ordo \
    --admin-password="$ADMIN_PASSWORD" --orders="$SCALE_ORDERS" || FAILED=1
  psql_ordo -d ordo_scale -c "ALTER DATABASE ordo_scale SET session_preload_libraries = 'auto_explain'" \
    -c "ALTER DATABASE ordo_scale SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE ordo_scale SET auto_explain.log_analyze = on" \
    -c "ALTER DATABASE ordo_scale SET auto_explain.log_buffers = on" \
    -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'ordo_scale' AND pid <> pg_backend_pid()" >/dev/null
  marker="$(wc -l <"$WORK/pg/pg.log")"
  bench scale-time --out="$OUT/explain-pass.tsv" --url="$(url "$ORDO_PORT2")" --jdbc="$SCALE_URL" --user=ordo --password=ordo \
    --admin-password="$ADMIN_PASSWORD" --orders="$SCALE_ORDERS" --repeats=1 >/dev/null 2>&1 || true
  tail -n +"$((marker + 1))" "$WORK/pg/pg.log" | grep -v "^\s*$" >"$OUT/scale-plans.txt" || true
  log "plans of scenario 6's statements: $OUT/scale-plans.txt"
  stop_pid "$SCALE_PID"
fi

if has 8; then
  stop_pid "$MAIN_PID"
  # the embedded default, plus AUTO_SERVER so that the bulk loader can reach the file while Ordo holds it
  H2_URL="jdbc:h2:file:$WORK/h2/ordo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
  start_ordo h2-25 "$JDK25" "$ORDO_PORT" "$H2_URL" sa ""
  H2_PID=$ORDO_PID
  bench load --jdbc="$H2_URL" --user=sa --password=
  ordo_load "8 embedded H2, 10 lines (JDK 25)" "$A" 4 --compare=baseline --notes="ratio against the PostgreSQL baseline"
  check "after scenario 8 (H2)" --url="$A" --jdbc="$H2_URL" --user=sa --password=
  stop_pid "$H2_PID"
fi

write_setup
echo
echo "## Set-up"
cat "$OUT/setup.txt"
echo
echo "## Results"
bench table --results="$RESULTS" | tee "$OUT/table.md"
echo
echo "## Targets"
bench targets --results="$RESULTS" --scale-orders="$SCALE_ORDERS" | tee "$OUT/targets.md"
if [[ -n "$CHECK" ]] && ! bench targets --results="$RESULTS" --scale-orders="$SCALE_ORDERS" --check >/dev/null; then
  log "a target was missed (--check)"
  FAILED=1
fi
echo
log "results, set-up and logs in ${OUT#"$ROOT"/}"
if [[ "$FAILED" != 0 ]]; then
  log "FAILED: an oversell, an unclean consistency check, a failed request, nothing placed or a load that did not finish (see the notes above)"
  exit 1
fi
