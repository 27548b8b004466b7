#!/usr/bin/env bash
# Batch Ledger Hub demo: Keycloak with the demo realm on :8180, the hub on :8080.
# Ctrl-C (or TERM) stops both; if either dies, the other is stopped too.
# Needs Linux (setsid, tail --pid), curl and a JDK 21+; builds with Maven when the jar is stale.
set -euo pipefail
cd "$(dirname "$0")"
readonly ROOT=$PWD

readonly HUB_PORT=8080 KC_PORT=8180 KC_MANAGEMENT_PORT=9180
readonly HUB_JAR=hub/target/batch-ledger-hub.jar
readonly KC_DIST_PARENT=hub/target/keycloak
readonly REALM_JSON=config/keycloak/batchledger-realm.json
readonly DATA=$ROOT/data LOGS=$ROOT/data/logs KC_HOME=$ROOT/data/keycloak
readonly ISSUER=http://localhost:$KC_PORT/realms/batchledger
readonly STARTUP_SECONDS=180
MVN=${MVN:-mvn}   # e.g. MVN="mvn -o" to build offline

KC_PID='' HUB_PID='' TAIL_PID=''

say() { printf 'run.sh: %s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

java_major() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${version%%.*}"   # "1.8" -> 1, "21" -> 21
}

# Java on PATH first, then JAVA_HOME, then the usual Linux JDK locations.
pick_java() {
  local candidate
  for candidate in "$(command -v java || true)" ${JAVA_HOME:+"$JAVA_HOME/bin/java"} \
                   /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java; do
    [[ -x $candidate ]] || continue
    if (( $(java_major "$candidate") >= 21 )); then
      JAVA=$(readlink -f "$candidate")
      export JAVA_HOME=${JAVA%/bin/java} PATH=${JAVA%/java}:$PATH   # Maven and kc.sh use the same JDK
      return
    fi
  done
  die "needs a JDK 21 or newer (Neo4j 2026.x and Keycloak 26 require it); found none on PATH, in JAVA_HOME or under /usr/lib/jvm. Install one and set JAVA_HOME."
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  local entry
  for entry in "$HUB_PORT:hub" "$KC_PORT:Keycloak" "$KC_MANAGEMENT_PORT:Keycloak management"; do
    if port_in_use "${entry%%:*}"; then
      die "port ${entry%%:*} (${entry#*:}) is already in use; stop whatever listens there (ss -ltnp 'sport = :${entry%%:*}') and try again."
    fi
  done
}

keycloak_dist() { ls -d "$KC_DIST_PARENT"/keycloak-* 2>/dev/null | sort -V | tail -n 1 || true; }

needs_build() {
  [[ -f $HUB_JAR && -n $(keycloak_dist) ]] || return 0
  [[ -n $(find pom.xml ./*/pom.xml ./*/src -newer "$HUB_JAR" -type f -print -quit 2>/dev/null) ]]
}

build() {
  say "building (mvn package -DskipTests; first time takes a few minutes) ..."
  # package, not install: the reactor resolves the modules itself, so ~/.m2 stays untouched.
  $MVN -B -q package -DskipTests || die "build failed"
}

# A private Keycloak home: Keycloak writes its build and data into its home directory.
prepare_keycloak() {
  local dist
  dist=$(keycloak_dist)
  [[ -x $dist/bin/kc.sh ]] || die "no Keycloak distribution under $KC_DIST_PARENT; run: mvn -B package -DskipTests"
  if ! cmp -s "$dist/version.txt" "$KC_HOME/version.txt"; then
    say "preparing Keycloak home $KC_HOME from $dist"
    rm -rf "$KC_HOME"
    mkdir -p "$DATA"
    cp -a "$dist" "$KC_HOME"
  fi
  mkdir -p "$KC_HOME/data/import" "$LOGS"
  cp "$REALM_JSON" "$KC_HOME/data/import/"   # dev-mem database: the realm is imported fresh each start
}

# setsid: each server leads its own process group, so stop_group reaches the whole tree
# (kc.sh runs java as a child) and a terminal Ctrl-C reaches only this script's trap.
start_keycloak() {
  say "starting Keycloak on http://localhost:$KC_PORT (log: data/logs/keycloak.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=$KC_PORT \
      --http-management-port=$KC_MANAGEMENT_PORT --hostname=http://localhost:$KC_PORT \
      --db=dev-mem --import-realm </dev/null >"$LOGS/keycloak.log" 2>&1 &
  KC_PID=$!
}

start_hub() {
  say "starting the hub on http://localhost:$HUB_PORT (log: data/logs/hub.log)"
  BATCHLEDGER_KEYCLOAK_ISSUER=$ISSUER BATCHLEDGER_DEMOPLANT_ENABLED=true \
    setsid "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$HUB_JAR" --server.address=127.0.0.1 --server.port=$HUB_PORT \
      --management.endpoint.health.probes.enabled=true </dev/null >"$LOGS/hub.log" 2>&1 &
  HUB_PID=$!
  tail -n +1 -F --pid="$HUB_PID" "$LOGS/hub.log" 2>/dev/null &
  TAIL_PID=$!
}

# await NAME URL PID LOG: poll URL until it answers 200, while PID lives, for STARTUP_SECONDS.
await() {
  local name=$1 url=$2 pid=$3 log=$4 waited=0
  printf 'run.sh: waiting for %s ' "$name"
  until curl -fso /dev/null --max-time 5 "$url"; do
    if ! kill -0 "$pid" 2>/dev/null || (( waited >= STARTUP_SECONDS )); then
      printf '\n'
      kill -0 "$pid" 2>/dev/null && say "$name did not answer $url within ${STARTUP_SECONDS}s" \
                                 || say "$name exited during startup"
      say "last lines of $log:"
      tail -n 40 "$log" >&2
      exit 1
    fi
    printf '.'
    sleep 2
    waited=$((waited + 2))
  done
  printf ' ready\n'
}

# stop_groups PID...: TERM every server's process group at once, wait up to 20 s for all, then KILL what is left.
# At once, because whoever stops this script may not wait long (a supervisor's KILL would orphan a server
# that was still queued behind another's shutdown).
stop_groups() {
  local pid waited=0 alive
  for pid in "$@"; do
    [[ -n $pid ]] && { kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; }
  done
  while (( waited < 20 )); do
    alive=0
    for pid in "$@"; do [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && alive=1; done
    (( alive )) || break
    sleep 1; waited=$((waited + 1))
  done
  for pid in "$@"; do
    [[ -n $pid ]] || continue
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}

cleanup() {
  trap - INT TERM HUP EXIT
  say "stopping ..."
  stop_groups "$HUB_PID" "$KC_PID"
  [[ -z $TAIL_PID ]] || kill "$TAIL_PID" 2>/dev/null || true
  say "stopped"
}

banner() {
  cat <<EOF

  Batch Ledger Hub demo is running. Ctrl-C stops it.

  Hub        http://localhost:$HUB_PORT
  GraphQL    http://localhost:$HUB_PORT/graphql
  GraphiQL   http://localhost:$HUB_PORT/graphiql
  Keycloak   http://localhost:$KC_PORT   (admin console: admin / admin)

  Demo logins (password: demo), realm batchledger:
    operator, operator2 (operator)   reviewer, reviewer2 (qa-reviewer)
    releaser (qa-release)   inspector (inspector)   admin (admin)

  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=hub-cli -d username=operator -d password=demo \\
      $ISSUER/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
    curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
      -d '{"query":"{ batches(first: 5) { edges { node { id } } } }"}' http://localhost:$HUB_PORT/graphql

EOF
}

# Returns when a server exits; the hub's exit status decides ours.
supervise() {
  while kill -0 "$HUB_PID" 2>/dev/null && kill -0 "$KC_PID" 2>/dev/null; do sleep 1; done
  if ! kill -0 "$HUB_PID" 2>/dev/null; then
    local status=0
    wait "$HUB_PID" || status=$?
    if (( status != 0 )); then
      say "the hub exited with status $status; last lines of data/logs/hub.log:"
      tail -n 40 "$LOGS/hub.log" >&2
    fi
    return "$status"
  fi
  say "Keycloak exited; last lines of data/logs/keycloak.log:"
  tail -n 40 "$LOGS/keycloak.log" >&2
  return 1
}

main() {
  pick_java
  check_ports
  if needs_build; then build; fi
  prepare_keycloak
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP   # terminal closed: still stop the servers, which setsid detached from it
  start_keycloak
  await Keycloak "http://127.0.0.1:$KC_PORT/realms/batchledger/.well-known/openid-configuration" "$KC_PID" "$LOGS/keycloak.log"
  start_hub
  await "the hub" "http://127.0.0.1:$HUB_PORT/actuator/health/liveness" "$HUB_PID" "$LOGS/hub.log"
  banner
  local status=0
  supervise || status=$?
  exit "$status"
}

main "$@"
