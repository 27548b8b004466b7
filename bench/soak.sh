#!/usr/bin/env bash
# Batch Ledger Hub soak (issue 14): bench/soak.sh [DURATION] [CONCURRENCY]   e.g. bench/soak.sh 10m 32, bench/soak.sh 90s
# One hub process on a free loopback port against Neo4j over Bolt (embedded in the driver's JVM, loopback), and
# CONCURRENCY clients (default 32) sending GraphQL reads, signatures and ingests for DURATION (default 10m). Prints
# and writes bench/out/soak.md: counts, p50/p99 per operation, expected refusals, unexpected errors, heap samples
# and their trend, then the ledger verification and the record counts against what was sent. Exit status 0 only if
# there was no unexpected error, the ledger verified and the counts matched. Not part of mvn verify.
# Env: MVN (e.g. "mvn -o" offline), SOAK_HEAP (the driver JVM's -Xmx, default 2g; the hub gets 1g).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-10m}
CONCURRENCY=${2:-32}
MVN=${MVN:-mvn}
for j in "$(command -v java || true)" ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java; do
  [[ -x $j ]] || continue
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  if (( ${v%%.*} >= 21 )); then JAVA=$(readlink -f "$j"); export JAVA_HOME=${JAVA%/bin/java}; break; fi
done
[[ -n ${JAVA:-} ]] || { echo "soak.sh: needs a JDK 21+" >&2; exit 1; }
export PATH=$JAVA_HOME/bin:$PATH

echo "soak.sh: building test classes" >&2
$MVN -q -B -pl hub -am test-compile dependency:build-classpath -Dmdep.outputFile=target/soak.classpath \
  -Dmdep.includeScope=test -Dfuzz.skip=true -Dvalidation.gate=report >&2

CP=$PWD/hub/target/test-classes:$PWD/hub/target/classes:$(cat hub/target/soak.classpath)
echo "soak.sh: $DURATION at concurrency $CONCURRENCY (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# run from hub/ so the test Neo4j and the hub's data land under hub/target; the JVM stops the hub it started
cd hub
exec "$JAVA" -Xmx"${SOAK_HEAP:-2g}" -cp "$CP" org.batchledger.hub.faults.Soak "$DURATION" "$CONCURRENCY" \
  ../bench/out/soak.md
