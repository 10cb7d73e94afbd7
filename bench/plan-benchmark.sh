#!/usr/bin/env bash
# Planner benchmark: generates a 10,000-resource estate (per environment; dev and prod tfvars) and plans it
# end to end with the built CLI jar, several times, printing the wall time of each run.
#
#   bench/plan-benchmark.sh [RESOURCES] [RUNS]
#
# Needs the shaded jar (built on first use by ./cloudshift, or: ./mvnw -q -DskipTests package -pl cloudshift-cli -am).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
resources="${1:-10000}"
runs="${2:-5}"
jar="$here/cloudshift-cli/target/cloudshift.jar"
estate="$here/bench/out/estate-$resources"
out="$here/bench/out/plan-$resources"
# the JVM options ./cloudshift uses for plan (override with CLOUDSHIFT_JAVA_OPTS)
heap=""
if [ "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)" -ge 4194304 ]; then heap="-Xms1g -Xmn500m -XX:MaxTenuringThreshold=0"; fi
opts="${CLOUDSHIFT_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseParallelGC $heap}"
cds="$here/cloudshift-cli/target/cloudshift-cds.jsa"

if [ ! -f "$jar" ]; then
  "$here/cloudshift" --version >/dev/null
fi
java "$here/bench/GenerateEstate.java" "$estate" "$resources"
if [ -z "${CLOUDSHIFT_JAVA_OPTS+set}" ]; then
  # ./cloudshift plan also starts from the class-data archive that it records on its first run after a build: let it
  # record one (untimed) if this jar has none yet, then use it like the launcher does
  if [ ! -f "$cds" ] || [ ! "$cds" -nt "$jar" ]; then
    "$here/cloudshift" plan "$estate" --to azure --out "$out" >/dev/null 2>&1
  fi
  if [ -f "$cds" ] && [ "$cds" -nt "$jar" ]; then
    opts="$opts -XX:SharedArchiveFile=$cds -Xlog:cds*=off"
  fi
fi

echo "JVM: $(java -version 2>&1 | head -1); options: $opts; cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U+%S" -o "$here/bench/out/time.txt" java $opts -jar "$jar" plan "$estate" --to azure --out "$out" >/dev/null 2>&1
    cpu=$(tail -1 "$here/bench/out/time.txt")
  else
    java $opts -jar "$jar" plan "$estate" --to azure --out "$out" >/dev/null 2>&1
    cpu="?"
  fi
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms wall, process CPU (user+sys s): $cpu"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plan.json: $(grep -c '"address"' "$out/plan.json") resource entries, $(du -h "$out/plan.json" | cut -f1)"
