#!/usr/bin/env bash
# A throw-away Redis on loopback: the shared cache (sessions, rate limits, sign-in throttling, the search breaker)
# for the test suite, `make prod` and development.
#   tests/services/redis.sh start   -> prints REDIS_URL=redis://127.0.0.1:<port>/0 on its last line
#   tests/services/redis.sh stop
# Debian's redis-server (installed when missing, as root). Nothing is persisted: no RDB snapshots, no AOF; what
# the cache holds can always be rebuilt, and a test run starts from an empty one.
set -euo pipefail

PORT="${OCOP_REDIS_PORT:-6389}"
RUN_DIR="${OCOP_REDIS_RUN:-/tmp/ocop-redis-$PORT}"

log() { echo "[redis] $*" >&2; }
die() { echo "[redis] ERROR: $*" >&2; exit 1; }

need_redis() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return
  [ "$(id -u)" = 0 ] || die "redis-server is missing: install it (apt-get install redis-server)."
  log "installing redis-server"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2 || die "apt-get install redis-server failed."
}

answers() { redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; }

start() {
  need_redis
  if answers; then
    log "already running on port $PORT"
    echo "REDIS_URL=redis://127.0.0.1:$PORT/0"
    return
  fi
  rm -rf "$RUN_DIR"
  mkdir -p "$RUN_DIR"
  # Loopback only, no persistence, a memory cap that evicts the least recently used key (a cache, not a store).
  redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$RUN_DIR/redis.pid" \
    --logfile "$RUN_DIR/redis.log" --dir "$RUN_DIR" --save "" --appendonly no \
    --maxmemory "${OCOP_REDIS_MAXMEMORY:-256mb}" --maxmemory-policy allkeys-lru \
    || die "redis-server did not start."
  for _ in $(seq 1 50); do
    if answers; then
      log "ready on 127.0.0.1:$PORT"
      echo "REDIS_URL=redis://127.0.0.1:$PORT/0"
      return
    fi
    sleep 0.2
  done
  tail -n 20 "$RUN_DIR/redis.log" >&2 2>/dev/null || true
  die "Redis did not answer on port $PORT within 10 s (log above)."
}

stop() {
  local pid
  if [ -f "$RUN_DIR/redis.pid" ]; then
    pid=$(cat "$RUN_DIR/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$RUN_DIR"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
