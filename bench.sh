#!/usr/bin/env bash
# Batch Ledger Hub benchmark suite (issue 15): ./bench.sh [small|medium|large]
# Builds the test classes, builds or reuses a generated plant under bench/data/SIZE, runs every workload side by side
# in one JVM (embedded Neo4j + the hub on loopback ports, a throw-away PostgreSQL on a free loopback port) and prints
# the table. medium and large also write it into bench/RESULTS.md and bench/scale-curve.png; small is the harness
# check (its figures land in bench/out/ only). Env: BENCH_DATA (plant dir, default bench/data), BENCH_HEAP (-Xmx),
# MVN (e.g. "mvn -o" offline).
set -euo pipefail
cd "$(dirname "$0")"

SIZE=${1:-small}
case $SIZE in
  small) HEAP=${BENCH_HEAP:-3g} ;;
  medium) HEAP=${BENCH_HEAP:-6g} ;;
  large) HEAP=${BENCH_HEAP:-10g} ;;
  tiny) HEAP=${BENCH_HEAP:-2g} ;;
  *) echo "usage: ./bench.sh [small|medium|large]" >&2; exit 2 ;;
esac
MVN=${MVN:-mvn}

# Java 21+ from PATH, JAVA_HOME or the usual Linux JDK locations (as run.sh does)
for j in "$(command -v java || true)" ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java; do
  [[ -x $j ]] || continue
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  if (( ${v%%.*} >= 21 )); then JAVA=$(readlink -f "$j"); export JAVA_HOME=${JAVA%/bin/java}; break; fi
done
[[ -n ${JAVA:-} ]] || { echo "bench.sh: needs a JDK 21+" >&2; exit 1; }
export PATH=$JAVA_HOME/bin:$PATH

echo "bench.sh: building test classes ($SIZE)" >&2
$MVN -q -B -pl hub -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test -Dfuzz.skip=true -Dvalidation.gate=report >&2

CP=hub/target/test-classes:hub/target/classes:$(cat hub/target/bench.classpath)
PUBLISH=; [[ $SIZE == medium || $SIZE == large ]] && PUBLISH=publish
echo "bench.sh: running (heap $HEAP; load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# exec: the JVM stops its own servers (hub, Neo4j, PostgreSQL by shutdown hook) however it ends
exec "$JAVA" -Xmx"$HEAP" -XX:+EnableDynamicAgentLoading -Djava.awt.headless=true \
  -Dbench.commit="$(git rev-parse --short HEAD 2>/dev/null || echo none)" \
  -cp "$CP" org.batchledger.hub.bench.BenchSuite "$SIZE" "${BENCH_DATA:-bench/data}" bench/out $PUBLISH
