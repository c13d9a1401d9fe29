#!/usr/bin/env bash
# `make prod` / `make prod-stop`: the production stack on loopback, under storefront.settings.production.
#   deploy/prod.sh start   services, migrate, static files, demo data, search index, every deploy/Procfile process
#   deploy/prod.sh stop    the processes, then the services (PostgreSQL's data and the objects stay in var/prod/)
# A rehearsal of docs/deploy.md on one machine: the same processes and settings, plain http on 127.0.0.1 (no TLS
# proxy in front, hence SECURE_SSL_REDIRECT=False and SECURE_COOKIES=False). Everything it keeps is in var/prod/
# (ignored by git): the generated SECRET_KEY, the environment file the processes run with, their logs and pid files.
# Ports, all overridable: OCOP_PROD_WEB_PORT (8080), OCOP_PROD_PG_PORT (55480), OCOP_PROD_ES_PORT (9480, the three
# nodes on 9480-9482), OCOP_PROD_REDIS_PORT (6480), OCOP_PROD_S3_PORT (7480).
# OCOP_PROD_DEMO_ARGS adds arguments to load_demo, e.g. "--products 50000" for the load test (bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
PROD="$ROOT/var/prod"
WEB_PORT="${OCOP_PROD_WEB_PORT:-8080}"
export OCOP_PG_PORT="${OCOP_PROD_PG_PORT:-55480}" OCOP_PG_DATA="$PROD/postgres" OCOP_PG_KEEP=1
export OCOP_ES_CLUSTER_PORT="${OCOP_PROD_ES_PORT:-9480}" OCOP_ES_CLUSTER_RUN="$PROD/elasticsearch"
export OCOP_REDIS_PORT="${OCOP_PROD_REDIS_PORT:-6480}" OCOP_REDIS_RUN="$PROD/redis"
export OCOP_S3_PORT="${OCOP_PROD_S3_PORT:-7480}" OCOP_S3_RUN="$PROD/s3" OCOP_S3_DATA="$PROD/s3/objects"
export VENV

log() { echo "[prod] $*" >&2; }
die() { echo "[prod] ERROR: $*" >&2; exit 1; }

# name: command lines of the Procfile, comments and blank lines skipped
procfile() { grep -E '^[A-Za-z0-9_-]+:' deploy/Procfile; }

write_env() {
  # The secret key is made once and kept: sessions and signed links survive a restart.
  [ -s "$PROD/secret_key" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n=+/' >"$PROD/secret_key")
  local services="$1"
  (
    umask 077
    cat <<EOF
DJANGO_SETTINGS_MODULE=storefront.settings.production
SECRET_KEY=$(cat "$PROD/secret_key")
ALLOWED_HOSTS=127.0.0.1,localhost
SITE_URL=http://127.0.0.1:$WEB_PORT
SECURE_SSL_REDIRECT=False
SECURE_COOKIES=False
TRUSTED_PROXY_COUNT=0
WEB_BIND=127.0.0.1:$WEB_PORT
WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}
STATIC_ROOT=$PROD/static
EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
EMAIL_FILE_PATH=$PROD/mail
$services
EOF
  ) >"$PROD/env"
}

load_env() { set -a; # shellcheck disable=SC1091
  . "$PROD/env"; set +a; }

start_services() {
  local lines=()
  lines+=("$(bash tests/services/postgres.sh start | tail -n 1)") || die "PostgreSQL did not start (above)."
  local redis_url
  redis_url=$(bash tests/services/redis.sh start | tail -n 1) || die "Redis did not start (above)."
  lines+=("$redis_url" "CACHE_URL=${redis_url#REDIS_URL=}")
  lines+=("$(bash tests/services/elasticsearch_cluster.sh start | tail -n 1)") \
    || die "the Elasticsearch cluster did not start (above)."
  local s3
  s3=$(bash tests/services/s3.sh start) || die "the S3 store did not start (above)."
  while IFS= read -r line; do lines+=("$line"); done <<<"$s3"
  printf '%s\n' "${lines[@]}"
}

create_database() {
  "$PY" - "$DATABASE_URL" <<'EOF'
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(sys.argv[1])
name = url.path.lstrip("/")
with psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True) as connection:
    if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        connection.execute(f'CREATE DATABASE "{name}"')
        print(f"[prod] created the database {name}", file=sys.stderr)
EOF
}

start_process() {  # name, command: in its own session (so stop reaches its children), logs and pid in var/prod
  local name="$1" command="$2"
  setsid bash -c "exec $command" >>"$PROD/$name.log" 2>&1 </dev/null &
  echo $! >"$PROD/$name.pid"
  log "started $name (pid $!), log var/prod/$name.log"
}

stop_process() {
  local name="$1" pid
  [ -f "$PROD/$name.pid" ] || return 0
  pid=$(cat "$PROD/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
    kill -0 "$pid" 2>/dev/null && { log "$name did not stop within 30 s: killing it"; kill -KILL -- "-$pid" 2>/dev/null || true; }
    log "stopped $name"
  fi
  rm -f "$PROD/$name.pid"
}

wait_ready() {
  local url="http://127.0.0.1:$WEB_PORT"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url/readyz" 2>/dev/null; then return 0; fi
    kill -0 "$(cat "$PROD/web.pid")" 2>/dev/null || die "the web process exited; see var/prod/web.log."
    sleep 0.5
  done
  curl -sS "$url/readyz" >&2 || true
  die "the site did not become ready on $url within 60 s (its /readyz above; logs in var/prod/)."
}

start() {
  command -v curl >/dev/null || die "curl is missing (apt-get install curl)."
  mkdir -p "$PROD/mail"
  for name in $(procfile | cut -d: -f1); do
    [ -f "$PROD/$name.pid" ] && kill -0 "$(cat "$PROD/$name.pid")" 2>/dev/null \
      && die "already running ($name, pid $(cat "$PROD/$name.pid")): make prod-stop first."
  done
  log "starting the services: PostgreSQL, Redis, a 3-node Elasticsearch cluster, the S3 store"
  local services
  services=$(start_services)
  write_env "$services"
  load_env
  create_database
  log "migrate"
  "$PY" manage.py migrate --noinput >"$PROD/migrate.log" || die "migrate failed; see var/prod/migrate.log."
  log "collectstatic (hashed, compressed)"
  "$PY" manage.py collectstatic --noinput >"$PROD/collectstatic.log" \
    || die "collectstatic failed; see var/prod/collectstatic.log."
  # The demo loader is not installed in production. It runs once here under the development settings, whose only
  # difference that matters is that app; against the same database, bucket and cache, with DEBUG off.
  log "load the demo data (storefront.settings.dev against the production database and bucket)"
  DJANGO_SETTINGS_MODULE=storefront.settings.dev DEBUG=False "$PY" manage.py load_demo ${OCOP_PROD_DEMO_ARGS:-} \
    >"$PROD/demo.log" 2>&1 \
    || die "load_demo failed; see var/prod/demo.log."
  log "build the search index on the cluster"
  "$PY" manage.py search_index --rebuild --no-progress >"$PROD/search_index.log" 2>&1 \
    || die "search_index --rebuild failed; see var/prod/search_index.log."
  # Every process of the Procfile, with the venv first on PATH (gunicorn, python)
  export PATH="$ROOT/$VENV/bin:$PATH"
  while IFS= read -r line; do
    start_process "${line%%:*}" "$(echo "${line#*:}" | sed 's/^ *//')"
  done < <(procfile)
  wait_ready
  echo
  grep -iE "password|e-mail|email" "$PROD/demo.log" | tail -n 6 || true
  echo
  echo "OCOP Market (production settings) is serving on http://127.0.0.1:$WEB_PORT/"
  echo "  processes: $(procfile | cut -d: -f1 | tr '\n' ' ')- logs and pid files in var/prod/; stop with: make prod-stop"
}

stop() {
  mkdir -p "$PROD"
  local names
  names=$(procfile | cut -d: -f1 | tac)
  for name in $names; do stop_process "$name"; done
  bash tests/services/s3.sh stop || true
  bash tests/services/elasticsearch_cluster.sh stop || true
  bash tests/services/redis.sh stop || true
  bash tests/services/postgres.sh stop || true
  log "stopped; the database and the objects stay in var/prod/ (rm -rf var/prod to start from nothing)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
