#!/usr/bin/env bash
# Verify A/B on the servers and data that `KEEP_SERVERS=1 bench/data/run.sh` left running: for each jar given, the
# scan ceiling (both full scans at once, as run.sh measures it) and then `cloudshift data verify` of the equal pair,
# alternating, with the wall time, the verify process's CPU (SQLite runs inside it), the MariaDB server's CPU over the
# step (read from /proc: MariaDB runs each query on one thread) and the 1-minute load average beside each figure.
# Usage: WORK=... PGPORT=... MYPORT=... bench/data/verify-ab.sh sqlite|mariadb JAR [JAR...]
# VERIFY_ARGS="--parallel 2" adds options to verify. The PostgreSQL databases must be equal to the source (run.sh's last
# step changes 10 rows of cs_my: `UPDATE bench_rows SET name = left(name, -1) WHERE name LIKE '%!'` undoes it).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK=${WORK:-/tmp/cloudshift-bench-data}
PGPORT=${PGPORT:-55440}
MYPORT=${MYPORT:-53340}
which=$1; shift
PG_SCAN="SELECT sum(hashtext(t::text)) FROM bench_rows t"
if [ "$which" = sqlite ]; then
  SRC="jdbc:sqlite:$WORK/bench.db"; PG="jdbc:postgresql://127.0.0.1:$PGPORT/cs_lite?user=postgres"
  SCAN="SELECT sum(length(id) + length(big) + length(name) + ifnull(length(code), 0) + length(amount) + ifnull(length(ratio), 0) + length(created) + length(active) + ifnull(length(payload), 0) + ifnull(length(note), 0)) FROM bench_rows"
else
  SRC="jdbc:mariadb://127.0.0.1:$MYPORT/bench?user=root"; PG="jdbc:postgresql://127.0.0.1:$PGPORT/cs_my?user=postgres"
  SCAN="SELECT SUM(CRC32(CONCAT_WS('|', id, big, name, code, amount, ratio, created, active, HEX(payload), note))) FROM bench_rows"
fi
MYPID=$(cat "$WORK/mariadb.pid")
TCK=$(getconf CLK_TCK)
mycpu() { awk -v t="$TCK" '{print ($14 + $15) / t}' "/proc/$MYPID/stat"; }
load() { cut -d' ' -f1 /proc/loadavg; }
diff1() { python3 -c "print(f'{$2 - $1:.1f}')"; }
# the ceiling's helper compiled once, so its CPU figure is the scans', not javac's
helper=$(mktemp -d)
javac -cp "$1" -d "$helper" "$repo/bench/data/BenchSql.java"
for jar in "$@"; do
  a=$(mycpu)
  c=$( { /usr/bin/time -f '%U+%S' java -cp "$jar:$helper" BenchSql time2 "$SRC" "$SCAN" "$PG" "$PG_SCAN"; } 2>&1 | tr '\n' ' ')
  set -- $c
  echo "$(date -u +%H:%M:%S) ceiling: $1 s wall (source $2 s, PostgreSQL $3 s), $4 s cpu in the JVM, mariadbd $(diff1 "$a" "$(mycpu)") s cpu, load $(load)"
  a=$(mycpu)
  v=$( { /usr/bin/time -f '%e s wall, %U+%S s cpu' java -jar "$jar" data verify --source "$SRC" --target "$PG" ${VERIFY_ARGS:-}; } 2>&1 | tr '\n' ' ' | sed 's/  */ /g')
  echo "$(date -u +%H:%M:%S) $(basename "$jar") ${VERIFY_ARGS:-}: $v mariadbd $(diff1 "$a" "$(mycpu)") s cpu, load $(load)"
done
rm -rf "$helper"
