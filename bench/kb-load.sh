#!/usr/bin/env bash
# Knowledge-base benchmark: compiles cloudshift-core (offline), then runs bench/kb/KnowledgeBaseLoadBench.java
# in a fresh JVM with the core classes and the Jackson jars from the local Maven repository.
# Usage: bench/kb-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl cloudshift-core -am compile
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
v=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' pom.xml)
snake=$(sed -n '/<artifactId>snakeyaml<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p}' \
  "$repo/com/fasterxml/jackson/dataformat/jackson-dataformat-yaml/$v/jackson-dataformat-yaml-$v.pom")
cp="cloudshift-core/target/classes"
for a in core/jackson-core core/jackson-databind core/jackson-annotations dataformat/jackson-dataformat-yaml; do
  cp="$cp:$repo/com/fasterxml/jackson/$a/$v/${a#*/}-$v.jar"
done
cp="$cp:$repo/org/yaml/snakeyaml/$snake/snakeyaml-$snake.jar"
exec java -cp "$cp" bench/kb/KnowledgeBaseLoadBench.java
