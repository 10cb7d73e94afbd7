#!/usr/bin/env bash
# Compares JVM option sets for `cloudshift plan` on the generated 10,000-resource estate: runs them in turn, ROUNDS
# times (so each set sees the same moments of the machine), and prints each run's wall and CPU, then the median
# wall of each set. Use it on a quiet machine; the load is printed before and after.
#
#   bench/plan-jvm-options.sh ROUNDS "OPTIONS A" "OPTIONS B" ...
#
# Each set is used as given, plus the class-data archive the launcher records (as ./cloudshift plan runs it).
# Example: bench/plan-jvm-options.sh 5 "-Xms2g -Xmn1400m" "-Xms1g -Xmn500m -XX:MaxTenuringThreshold=0"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:?usage: $0 ROUNDS OPTIONS...}"
shift
jar="$here/cloudshift-cli/target/cloudshift.jar"
estate="$here/bench/out/estate-10000"
out="$here/bench/out/plan-10000"
cds="$here/cloudshift-cli/target/cloudshift-cds.jsa"
[ -f "$jar" ] || "$here/cloudshift" --version >/dev/null
[ -d "$estate" ] || java "$here/bench/GenerateEstate.java" "$estate" 10000
if [ ! -f "$cds" ] || [ ! "$cds" -nt "$jar" ]; then
  "$here/cloudshift" plan "$here/examples/aws-container-platform" --to azure --out "$here/bench/out/cds-record" >/dev/null 2>&1
fi
archive=""
if [ -f "$cds" ] && [ "$cds" -nt "$jar" ]; then archive="-XX:SharedArchiveFile=$cds -Xlog:cds*=off"; fi
base="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
echo "JVM: $(java -version 2>&1 | head -1); cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A walls
for r in $(seq 1 "$rounds"); do
  i=0
  for set in "$@"; do
    i=$((i + 1))
    start=$(date +%s%N)
    /usr/bin/time -f "%U+%S" -o "$here/bench/out/time.txt" java $base $set $archive -jar "$jar" plan "$estate" --to azure --out "$out" >/dev/null 2>&1
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    walls[$i]="${walls[$i]:-} $ms"
    echo "round $r, set $i ($set): $ms ms wall, CPU $(tail -1 "$here/bench/out/time.txt") s"
  done
done
i=0
for set in "$@"; do
  i=$((i + 1))
  median=$(echo ${walls[$i]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
  echo "set $i ($set): median $median ms over $rounds runs:${walls[$i]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
