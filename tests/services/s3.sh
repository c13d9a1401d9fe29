#!/usr/bin/env bash
# An S3-compatible object store on loopback: Versity's versitygw (Apache-2.0, Go), its posix backend on a local
# directory. Media and certificate documents go there under production settings (`make prod`, the two-server test).
#   tests/services/s3.sh start   -> prints the variables django-storages reads, one per line
#   tests/services/s3.sh stop
# Installed with `go install` from the Go module proxy into a cache dir, once per version. Two buckets: the media
# bucket anyone may read (a bucket policy grants anonymous GetObject), the private one only with a signed URL.
# OCOP_S3_PORT (7070); OCOP_S3_DATA keeps the objects (given: they survive `stop`; not given: a throw-away dir).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=tests/services/go.sh
source tests/services/go.sh  # Go on PATH; ensure_go

VERSITYGW_VERSION="v1.8.0"
PORT="${OCOP_S3_PORT:-7070}"
if [ "$(id -u)" = 0 ]; then CACHE="${OCOP_CACHE:-/var/cache/ocop}"; else CACHE="${OCOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ocop}"; fi
BIN="$CACHE/versitygw-$VERSITYGW_VERSION/versitygw"
RUN_DIR="${OCOP_S3_RUN:-/tmp/ocop-s3-$PORT}"
DATA="${OCOP_S3_DATA:-$RUN_DIR/data}"
MEDIA_BUCKET="${OCOP_S3_BUCKET:-ocop-media}"
PRIVATE_BUCKET="${OCOP_S3_PRIVATE_BUCKET:-ocop-private}"
PY="${VENV:-.venv}/bin/python"

log() { echo "[s3] $*" >&2; }
die() { echo "[s3] ERROR: $*" >&2; exit 1; }

install_if_missing() {
  [ -x "$BIN" ] && return
  ensure_go versitygw
  log "installing versitygw $VERSITYGW_VERSION with go install (a few minutes the first time)"
  mkdir -p "$(dirname "$BIN")"
  GOBIN="$(dirname "$BIN")" go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION" >&2 \
    || die "go install versitygw failed (log above)."
}

answers() { curl -s -o /dev/null "http://127.0.0.1:$PORT/"; }

start() {
  command -v curl >/dev/null || die "curl is missing (apt-get install curl)."
  "$PY" -c "import boto3" 2>/dev/null || die "boto3 is not installed: pip install -r requirements.txt."
  install_if_missing
  stop >/dev/null 2>&1 || true
  mkdir -p "$RUN_DIR" "$DATA"
  # The root account's keys: fixed by the caller, or new for each start (the objects do not depend on them).
  local access="${OCOP_S3_ACCESS_KEY:-ocop-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  local secret="${OCOP_S3_SECRET_KEY:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  log "starting versitygw on 127.0.0.1:$PORT, objects in $DATA"
  ROOT_ACCESS_KEY_ID="$access" ROOT_SECRET_ACCESS_KEY="$secret" \
    "$BIN" --port "127.0.0.1:$PORT" --quiet posix "$DATA" >"$RUN_DIR/versitygw.log" 2>&1 &
  echo $! >"$RUN_DIR/versitygw.pid"
  for _ in $(seq 1 100); do
    answers && break
    kill -0 "$(cat "$RUN_DIR/versitygw.pid")" 2>/dev/null || { cat "$RUN_DIR/versitygw.log" >&2; die "versitygw exited at start (log above)."; }
    sleep 0.2
  done
  answers || die "versitygw did not answer on port $PORT within 20 s; its log is $RUN_DIR/versitygw.log."
  # The buckets (kept if they exist) and the media bucket's public-read policy.
  AWS_ACCESS_KEY_ID="$access" AWS_SECRET_ACCESS_KEY="$secret" "$PY" - "http://127.0.0.1:$PORT" "$MEDIA_BUCKET" \
    "$PRIVATE_BUCKET" <<'EOF' >&2 || die "could not create the buckets (above)."
import json
import sys

import boto3
from botocore.config import Config

endpoint, media, private = sys.argv[1:]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
existing = {bucket["Name"] for bucket in s3.list_buckets()["Buckets"]}
for bucket in (media, private):
    if bucket not in existing:
        s3.create_bucket(Bucket=bucket)
s3.put_bucket_policy(Bucket=media, Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": [f"arn:aws:s3:::{media}/*"]}]}))
print(f"[s3] buckets {media} (public read) and {private} (signed URLs only) ready")
EOF
  echo "AWS_S3_ENDPOINT_URL=http://127.0.0.1:$PORT"
  echo "AWS_S3_REGION_NAME=us-east-1"
  echo "AWS_S3_ADDRESSING_STYLE=path"
  echo "AWS_ACCESS_KEY_ID=$access"
  echo "AWS_SECRET_ACCESS_KEY=$secret"
  echo "AWS_PRIVATE_BUCKET_NAME=$PRIVATE_BUCKET"
  echo "AWS_STORAGE_BUCKET_NAME=$MEDIA_BUCKET"
}

stop() {
  local pid
  if [ -f "$RUN_DIR/versitygw.pid" ]; then
    pid=$(cat "$RUN_DIR/versitygw.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  # Objects given a home by the caller stay; the throw-away ones go with the run dir.
  if [ -n "${OCOP_S3_DATA:-}" ]; then rm -f "$RUN_DIR/versitygw.pid"; else rm -rf "$RUN_DIR"; fi
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop" ;;
esac
