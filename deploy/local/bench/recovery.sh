#!/usr/bin/env bash
# Recovery after a crash (issue 18): starts deploy/local's jar on a fresh data directory and its own ports, waits
# until every listener has its partitions, kills the JVM with SIGKILL (and its PostgreSQL server: a crashed
# machine), starts it again on the same data and times how long until every listener has its partitions back.
#   deploy/local/bench/recovery.sh
#   JAR=/path/to/other/aftersales-local.jar deploy/local/bench/recovery.sh     (e.g. a build before a change)
# Needs the jar (./mvnw -pl deploy/local -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../../.."
source bin/find-jdk
jar=${JAR:-deploy/local/target/aftersales-local.jar}
[ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -pl deploy/local -am package -DskipTests" >&2; exit 2; }
base=${PORT_BASE:-28000}
data=$(mktemp -d /tmp/aftersales-recovery.XXXXXX)
pid=
start() {
  "$JAVA_HOME/bin/java" ${AFTERSALES_JAVA_OPTS:--Xmx2g} \
    -Daftersales.data-dir="$data/data" -Daftersales.postgres-port=$base -Daftersales.kafka-port=$((base + 2)) \
    -Daftersales.issuer-port=$((base + 10)) -Daftersales.gateway-port=$((base + 11)) \
    -Daftersales.service-port-base=$((base + 21)) -jar "$jar" >"$1" 2>&1 &
  pid=$!
}
postmaster() { head -1 "$data/data/postgres/postmaster.pid" 2>/dev/null || true; }
stop() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  pm=$(postmaster); [ -n "$pm" ] && kill "$pm" 2>/dev/null
  sleep 2; rm -rf "$data"
}
trap stop EXIT
now() { date +%s.%N; }
assigned() { grep -o '[A-Za-z0-9._-]*: partitions assigned: \[[^]]' "$1" | sed 's/: partitions assigned.*//' | sort -u; }
wait_for() {  # <log> <what> <command...>: polls every 0.2 s, up to 600 s
  local log=$1 what=$2; shift 2
  for _ in $(seq 1 3000); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the platform stopped; its log:" >&2; tail -50 "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "no $what within 600 s" >&2; exit 1
}
ready() { grep -q 'After-sales platform ready' "$1"; }
all_back() { [ "$(assigned "$1" | wc -l)" -ge "$groups" ]; }

start "$data/first.log"
wait_for "$data/first.log" "ready" ready "$data/first.log"
sleep 20   # every listener joined and committed
groups=$(assigned "$data/first.log" | wc -l)
echo "first start: $groups consumer groups with partitions"

pm=$(postmaster)
t_kill=$(now)
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
[ -n "$pm" ] && kill -9 "$pm" 2>/dev/null || true
sleep 1
t_start=$(now)
start "$data/second.log"
wait_for "$data/second.log" "ready" ready "$data/second.log"
t_ready=$(now)
wait_for "$data/second.log" "assignment of every group" all_back "$data/second.log"
t_back=$(now)
awk -v k="$t_kill" -v s="$t_start" -v r="$t_ready" -v b="$t_back" -v n="$groups" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "RECOVERY: restart -> ready %.1f s; restart -> all %d groups consuming %.1f s (%.1f s after ready); kill -> consuming %.1f s\n", r - s, n, b - s, b - r, b - k
  printf "machine: load average %s\n", load }'
