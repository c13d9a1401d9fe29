#!/usr/bin/env bash
# A 3-node Elasticsearch 8 cluster on loopback: the failover test and `make prod`.
#   tests/services/elasticsearch_cluster.sh start   -> waits for green; prints
#                                                      ELASTICSEARCH_URL=http://127.0.0.1:9260,...:9261,...:9262
#   tests/services/elasticsearch_cluster.sh stop
#   tests/services/elasticsearch_cluster.sh stop-node K | start-node K    (K = 0, 1, 2; its data is kept)
#   tests/services/elasticsearch_cluster.sh pause-node K | resume-node K  (SIGSTOP / SIGCONT: a hung node)
# The same distribution as the single node (tests/services/elasticsearch.sh install fetches and unpacks it). Node K
# answers HTTP on OCOP_ES_CLUSTER_PORT+K (default 9260) and talks to the others on OCOP_ES_CLUSTER_TRANSPORT_PORT+K
# (default OCOP_ES_CLUSTER_PORT+10): fixed ports, so discovery.seed_hosts can list them. Each node gets 512 MB of
# heap and disk watermarks off, as the single node does; as root the nodes run as the system user 'ocop-es'.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
BASE_PORT="${OCOP_ES_CLUSTER_PORT:-9260}"
TRANSPORT_BASE="${OCOP_ES_CLUSTER_TRANSPORT_PORT:-$((BASE_PORT + 10))}"
NODES=3
RUN_DIR="${OCOP_ES_CLUSTER_RUN:-/tmp/ocop-es-cluster-$BASE_PORT}"
CLUSTER_NAME="ocop-cluster-$BASE_PORT"
RUN_AS=()

log() { echo "[elasticsearch-cluster] $*" >&2; }
die() { echo "[elasticsearch-cluster] ERROR: $*" >&2; exit 1; }

http_port() { echo $((BASE_PORT + $1)); }
transport_port() { echo $((TRANSPORT_BASE + $1)); }
node_dir() { echo "$RUN_DIR/node-$1"; }
node_pid() { cat "$(node_dir "$1")/pid" 2>/dev/null || true; }
urls() {
  local k list=()
  for k in $(seq 0 $((NODES - 1))); do list+=("http://127.0.0.1:$(http_port "$k")"); done
  (IFS=,; echo "${list[*]}")
}
check_node() { [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -lt "$NODES" ] || die "node must be 0..$((NODES - 1)), got '${1:-}'."; }

es_home() {
  # the single-node script owns fetching and unpacking; its last line is the distribution's directory
  ES_HOME=$(bash "$HERE/elasticsearch.sh" install | tail -n 1)
  [ -x "$ES_HOME/bin/elasticsearch" ] || die "no Elasticsearch distribution at '$ES_HOME'."
  JAVA_HOME_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if [ "$(id -u)" = 0 ]; then
    id ocop-es >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin ocop-es
    RUN_AS=(runuser -u ocop-es --)
  fi
}

launch_node() {
  local k=$1 dir seeds masters
  dir=$(node_dir "$k")
  if [ ! -d "$dir/config" ]; then  # first start: a private config copy; data and logs live beside it
    mkdir -p "$dir"
    cp -r "$ES_HOME/config" "$dir/config"
  fi
  [ "$(id -u)" = 0 ] && chown -R ocop-es: "$RUN_DIR"
  seeds=$(for j in $(seq 0 $((NODES - 1))); do printf '127.0.0.1:%s,' "$(transport_port "$j")"; done)
  masters=$(for j in $(seq 0 $((NODES - 1))); do printf 'node-%s,' "$j"; done)
  log "starting node-$k: http 127.0.0.1:$(http_port "$k"), transport $(transport_port "$k")"
  "${RUN_AS[@]}" env ES_JAVA_HOME="$JAVA_HOME_DIR" ES_PATH_CONF="$dir/config" \
    ES_JAVA_OPTS="${OCOP_ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
    "$ES_HOME/bin/elasticsearch" -d -p "$dir/pid" \
      -E cluster.name="$CLUSTER_NAME" -E node.name="node-$k" \
      -E network.host=127.0.0.1 -E http.port="$(http_port "$k")" -E transport.port="$(transport_port "$k")" \
      -E discovery.seed_hosts="${seeds%,}" -E cluster.initial_master_nodes="${masters%,}" \
      -E path.data="$dir/data" -E path.logs="$dir/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E xpack.security.enabled=false -E action.destructive_requires_name=false >"$dir/startup.log" 2>&1
}

wait_for() {  # wait_for <query> <what>: polls the cluster's health through any node that answers
  local query=$1 what=$2 k
  for _ in $(seq 1 300); do
    for k in $(seq 0 $((NODES - 1))); do
      if curl -fsS "http://127.0.0.1:$(http_port "$k")/_cluster/health?$query&timeout=1s" >/dev/null 2>&1; then
        return 0
      fi
    done
    sleep 1
  done
  for k in $(seq 0 $((NODES - 1))); do tail -n 20 "$(node_dir "$k")"/logs/*.log >&2 2>/dev/null || true; done
  die "the cluster did not become $what within 300 s (logs above)."
}

start() {
  es_home
  if curl -fsS "http://127.0.0.1:$(http_port 0)/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1; then
    log "already running on port $BASE_PORT"
    echo "ELASTICSEARCH_URL=$(urls)"
    return
  fi
  rm -rf "$RUN_DIR"
  mkdir -p "$RUN_DIR"
  # In parallel: a node's start waits for the cluster to form, which needs a majority of the master nodes.
  local pids=() k failed=0
  for k in $(seq 0 $((NODES - 1))); do launch_node "$k" & pids+=($!); done
  for k in "${!pids[@]}"; do
    wait "${pids[$k]}" || { cat "$(node_dir "$k")/startup.log" >&2; failed=1; }
  done
  [ "$failed" = 0 ] || die "a node did not start (log above)."
  wait_for "wait_for_status=green&wait_for_nodes=$NODES" green
  log "green: $NODES nodes"
  echo "ELASTICSEARCH_URL=$(urls)"
}

stop_node() {
  local k=$1 pid
  pid=$(node_pid "$k")
  [ -n "$pid" ] || { log "node-$k is not running"; return 0; }
  kill -CONT "$pid" 2>/dev/null || true  # a paused node cannot handle SIGTERM
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && { log "node-$k did not stop within 30 s: killing it"; kill -9 "$pid" 2>/dev/null || true; }
  rm -f "$(node_dir "$k")/pid"
  log "node-$k stopped"
}

start_node() {
  local k=$1
  es_home
  [ -z "$(node_pid "$k")" ] || ! kill -0 "$(node_pid "$k")" 2>/dev/null || { log "node-$k is already running"; return 0; }
  launch_node "$k" || { cat "$(node_dir "$k")/startup.log" >&2; die "node-$k did not start (log above)."; }
  wait_for "wait_for_nodes=$NODES" "$NODES nodes"
  log "node-$k is back"
}

signal_node() {
  local k=$1 signal=$2 pid
  pid=$(node_pid "$k")
  [ -n "$pid" ] || die "node-$k is not running."
  kill "-$signal" "$pid"
  log "node-$k: SIG$signal"
}

stop() {
  local k
  for k in $(seq 0 $((NODES - 1))); do stop_node "$k" & done
  wait
  rm -rf "$RUN_DIR"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  stop-node) check_node "${2:-}"; stop_node "$2" ;;
  start-node) check_node "${2:-}"; start_node "$2" ;;
  pause-node) check_node "${2:-}"; signal_node "$2" STOP ;;
  resume-node) check_node "${2:-}"; signal_node "$2" CONT ;;
  *) die "usage: $0 start|stop|stop-node K|start-node K|pause-node K|resume-node K" ;;
esac
