#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the test suite.
#   tests/services/postgres.sh start   -> prints DATABASE_URL=... on its last line
#   tests/services/postgres.sh stop
# OCOP_PG_PORT, OCOP_PG_DATA; OCOP_PG_KEEP=1 (`make prod`) keeps the cluster across stop and start.
# Installs Debian's postgresql when it is missing (as root). initdb refuses to run as root, so as root the
# cluster belongs to the 'postgres' system user the package creates.
set -euo pipefail

PORT="${OCOP_PG_PORT:-54329}"
DATA="${OCOP_PG_DATA:-/tmp/ocop-test-pg-$PORT}"
RUN_AS=()

log() { echo "[postgres] $*" >&2; }
die() { echo "[postgres] ERROR: $*" >&2; exit 1; }

find_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

install_if_missing() {
  if [ -z "$(find_bin)" ]; then
    [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and this is not root: run 'sudo apt-get install -y postgresql'."
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2 || die "apt-get install postgresql failed (see above)."
  fi
  PGBIN=$(find_bin) || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin after installing."
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
    RUN_AS=(runuser -u postgres --)
  fi
}

start() {
  install_if_missing
  if [ -f "$DATA/postmaster.pid" ] && "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "already running on port $PORT"
  else
    if [ -n "${OCOP_PG_KEEP:-}" ] && [ -f "$DATA/PG_VERSION" ]; then
      log "reusing the cluster in $DATA"
    else
      rm -rf "$DATA"
      mkdir -p "$DATA"
      [ "${#RUN_AS[@]}" -gt 0 ] && chown postgres: "$DATA"
      log "initdb $DATA"
      "${RUN_AS[@]}" "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
        || die "initdb failed."
    fi
    # Durability is pointless for a throw-away test cluster; speed is not. A kept cluster is durable.
    local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ -n "${OCOP_PG_KEEP:-}" ] && fast=""
    "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start \
      -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 $fast -c max_connections=100" \
      >/dev/null || { cat "$DATA/server.log" >&2; die "the server did not start (log above)."; }
    log "running on 127.0.0.1:$PORT"
  fi
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/ocop"
}

stop() {
  install_if_missing
  if [ -d "$DATA" ]; then
    "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    if [ -n "${OCOP_PG_KEEP:-}" ]; then log "stopped; the cluster stays in $DATA"; return; fi
    rm -rf "$DATA"
    log "stopped and removed"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
