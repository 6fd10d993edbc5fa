#!/usr/bin/env bash
# Idle CPU of the embedded platform (issue 18): starts deploy/local's jar on a fresh data directory and its own
# ports, waits until it is ready, lets it settle, then reads the JVM's CPU time (utime+stime of /proc/<pid>/stat)
# over a window and prints it as % of one core, with the busiest threads. Nothing drives traffic.
#   deploy/local/bench/idle-cpu.sh            settle 60 s, measure 60 s
#   SETTLE=30 WINDOW=30 deploy/local/bench/idle-cpu.sh
# Needs the jar (./mvnw -pl deploy/local -am package -DskipTests). Extra JVM options: AFTERSALES_JAVA_OPTS.
# JAR=<path> measures another build (e.g. two builds side by side, each with its own PORT_BASE).
set -euo pipefail
cd "$(dirname "$0")/../../.."
source bin/find-jdk
jar=${JAR:-deploy/local/target/aftersales-local.jar}
[ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -pl deploy/local -am package -DskipTests" >&2; exit 2; }
settle=${SETTLE:-60}
window=${WINDOW:-60}
base=${PORT_BASE:-27000}
data=$(mktemp -d /tmp/aftersales-idle.XXXXXX)
log=$data/platform.log
hz=$(getconf CLK_TCK)

"$JAVA_HOME/bin/java" ${AFTERSALES_JAVA_OPTS:--Xmx2g} \
  -Daftersales.data-dir="$data/data" -Daftersales.postgres-port=$base -Daftersales.kafka-port=$((base + 2)) \
  -Daftersales.issuer-port=$((base + 10)) -Daftersales.gateway-port=$((base + 11)) \
  -Daftersales.service-port-base=$((base + 21)) -jar "$jar" >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$data"; }
trap stop EXIT

for _ in $(seq 1 600); do
  grep -q 'After-sales platform ready' "$log" && break
  kill -0 "$pid" 2>/dev/null || { echo "the platform stopped; its log:" >&2; tail -50 "$log" >&2; exit 1; }
  sleep 1
done
grep -q 'After-sales platform ready' "$log" || { echo "not ready within 600 s" >&2; exit 1; }
grep -o 'ready in [0-9]* s' "$log"

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }          # utime + stime in clock ticks
threads() {                                                   # "<tid> <ticks> <name>" per thread
  awk '{ l = $0; name = substr(l, index(l, "(") + 1); name = substr(name, 1, length(name) - length(substr(name, index(name, ") "))));
         rest = substr(l, length(l) - length(substr(l, index(l, ") ") + 2)) + 1); split(rest, f, " ");
         gsub(/ /, "_", name); split(FILENAME, p, "/"); print p[5], f[12] + f[13], name }' /proc/"$pid"/task/*/stat 2>/dev/null
}
echo "settling ${settle} s"
sleep "$settle"
threads >"$data/t0"; before=$(cpu "$pid"); t0=$(date +%s.%N)
echo "measuring ${window} s"
sleep "$window"
after=$(cpu "$pid"); t1=$(date +%s.%N); threads >"$data/t1"
load=$(cut -d' ' -f1-3 /proc/loadavg)
awk -v a="$after" -v b="$before" -v hz="$hz" -v t0="$t0" -v t1="$t1" -v load="$load" -v n="$(nproc)" 'BEGIN {
  printf "IDLE CPU: %.1f %% of one core over %.0f s (machine: %d cores, load average %s)\n",
         100 * (a - b) / hz / (t1 - t0), t1 - t0, n, load }'
echo "busiest threads (% of one core):"
join <(sort "$data/t0") <(sort "$data/t1") | awk -v hz="$hz" -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
  '{ d = $4 - $2; if (d > 0) { name = $3; printf "%6.1f %s\n", 100 * d / hz / w, name } }' | sort -rn | head -15
echo "by thread family (digits dropped; % of one core):"
join <(sort "$data/t0") <(sort "$data/t1") | awk -v hz="$hz" -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
  '{ d = $4 - $2; name = $3; gsub(/[0-9]+/, "N", name); sum[name] += d }
   END { for (n in sum) if (sum[n] > 0) printf "%6.1f %s\n", 100 * sum[n] / hz / w, n }' | sort -rn | head -15
