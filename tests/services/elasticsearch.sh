#!/usr/bin/env bash
# A single-node Elasticsearch 8 on loopback, for the test suite and for development.
#   tests/services/elasticsearch.sh start   -> prints ELASTICSEARCH_URL=... on its last line
#   tests/services/elasticsearch.sh stop
#   tests/services/elasticsearch.sh install -> fetches and unpacks only; prints the distribution's directory
# The server comes from Maven Central: Elastic publishes its minimal runnable distribution as
# org.elasticsearch.distribution.integ-test-zip:elasticsearch (the server and its open modules, no security).
# The version matches the Python client's major.minor. The zip is cached in ~/.m2 by Maven and unpacked once
# into ~/.cache/ocop (/var/cache/ocop as root). Elasticsearch refuses to run as root, so as root it runs as a system user 'ocop-es'.
set -euo pipefail

ES_VERSION="${OCOP_ES_VERSION:-8.19.3}"
PORT="${OCOP_ES_PORT:-9250}"
# As root the node runs as another user, who cannot read root's home: cache somewhere both can.
if [ "$(id -u)" = 0 ]; then CACHE="${OCOP_CACHE:-/var/cache/ocop}"; else CACHE="${OCOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ocop}"; fi
HOME_DIR="$CACHE/elasticsearch-$ES_VERSION"
RUN_DIR="${OCOP_ES_RUN:-/tmp/ocop-test-es-$PORT}"
RUN_AS=()

log() { echo "[elasticsearch] $*" >&2; }
die() { echo "[elasticsearch] ERROR: $*" >&2; exit 1; }

need_java_and_maven() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v curl >/dev/null || missing+=(curl)
  if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: install them (apt-get install ${missing[*]})."
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 || die "apt-get install failed."
  fi
}

unpack() {
  [ -x "$HOME_DIR/bin/elasticsearch" ] && return
  mkdir -p "$CACHE"
  local zip_dir
  zip_dir=$(mktemp -d)
  log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION from Maven Central"
  mvn -q -B dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$zip_dir" >&2 || die "Maven could not fetch the Elasticsearch $ES_VERSION distribution."
  unzip -q "$zip_dir/elasticsearch-$ES_VERSION.zip" -d "$CACHE" || die "could not unpack the distribution."
  rm -rf "$zip_dir"
}

java_home() {
  local java
  java=$(readlink -f "$(command -v java)")
  dirname "$(dirname "$java")"
}

start() {
  need_java_and_maven
  unpack
  if curl -fsS "http://127.0.0.1:$PORT/_cluster/health" >/dev/null 2>&1; then
    log "already running on port $PORT"
    echo "ELASTICSEARCH_URL=http://127.0.0.1:$PORT"
    return
  fi
  rm -rf "$RUN_DIR"
  mkdir -p "$RUN_DIR"
  # The node writes its config, data and logs under RUN_DIR, so the cached copy stays read-only.
  cp -r "$HOME_DIR/config" "$RUN_DIR/config"
  if [ "$(id -u)" = 0 ]; then
    id ocop-es >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin ocop-es
    chown -R ocop-es: "$RUN_DIR"
    chmod -R o+rX "$CACHE"
    RUN_AS=(runuser -u ocop-es --)
  fi
  log "starting $ES_VERSION on 127.0.0.1:$PORT"
  # A small fixed heap (the default takes half the machine), single node, and disk watermarks off: a node past
  # its flood-stage watermark silently turns indices read-only, and these machines sometimes run short of disk.
  "${RUN_AS[@]}" env ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$RUN_DIR/config" \
    ES_JAVA_OPTS="${OCOP_ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$RUN_DIR/pid" \
      -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port="$PORT" -E transport.port=0 \
      -E path.data="$RUN_DIR/data" -E path.logs="$RUN_DIR/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E xpack.security.enabled=false -E action.destructive_requires_name=false >"$RUN_DIR/startup.log" 2>&1 \
    || { cat "$RUN_DIR/startup.log" >&2; die "the node did not start (log above)."; }
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      log "ready"
      echo "ELASTICSEARCH_URL=http://127.0.0.1:$PORT"
      return
    fi
    sleep 1
  done
  tail -n 40 "$RUN_DIR"/logs/*.log >&2 2>/dev/null || true
  die "the node did not answer on port $PORT within 120 s (log above)."
}

stop() {
  local pid
  if [ -f "$RUN_DIR/pid" ]; then
    pid=$(cat "$RUN_DIR/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -rf "$RUN_DIR"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  # fetch and unpack only; prints the unpacked distribution's directory (elasticsearch_cluster.sh runs it)
  install) need_java_and_maven; unpack; chmod -R o+rX "$CACHE"; echo "$HOME_DIR" ;;
  *) die "usage: $0 start|stop|install" ;;
esac
