#!/usr/bin/env bash
# Price-list loader benchmark: generates a synthetic AWS offer file (default 200,000 products, ~290 MiB) and
# imports it with 'cloudshift catalog refresh' under a 128 MiB heap, to show the file is streamed.
#
#   bench/pricelist-benchmark.sh [PRODUCTS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
products="${1:-200000}"
jar="$here/cloudshift-cli/target/cloudshift.jar"
file="$here/bench/out/offer-$products.json"
if [ ! -f "$jar" ]; then
  "$here/cloudshift" --version >/dev/null
fi
java "$here/bench/GenerateAwsOfferFile.java" "$file" "$products"
echo "JVM: $(java -version 2>&1 | head -1); cores: $(nproc)"
start=$(date +%s%N)
java -Xmx128m -jar "$jar" catalog refresh --from "$file" --catalog "$here/bench/out/catalog"
end=$(date +%s%N)
echo "refresh: $(( (end - start) / 1000000 )) ms wall with -Xmx128m"
