#!/usr/bin/env bash
# The two Stripe peers the payment tests run against, on loopback:
#   localstripe  (PyPI, pinned in tests/services/localstripe-requirements.txt, installed here in a virtualenv of its
#                own: its aiohttp must stay out of the site's): a stateful fake Stripe; PaymentIntents, charges,
#                refunds, and signed webhooks to endpoints registered at /_config/webhooks/<id>
#   stripe-mock  (Stripe's own, Go): stateless; validates every request against Stripe's OpenAPI spec
#   tests/services/stripe.sh start   -> prints the variables to export, STRIPE_API_BASE=... last
#   tests/services/stripe.sh stop
# Ports: OCOP_LOCALSTRIPE_PORT (8420), OCOP_STRIPE_MOCK_PORT (12111 HTTP; HTTPS on the next port).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=tests/services/go.sh
source tests/services/go.sh  # Go on PATH; ensure_go

STRIPE_MOCK_VERSION="v0.203.0"
LOCALSTRIPE_PORT="${OCOP_LOCALSTRIPE_PORT:-8420}"
MOCK_PORT="${OCOP_STRIPE_MOCK_PORT:-12111}"
MOCK_HTTPS_PORT=$((MOCK_PORT + 1))
LOCALSTRIPE_VENV="${OCOP_LOCALSTRIPE_VENV:-var/localstripe-venv}"
LOCALSTRIPE_REQUIREMENTS=tests/services/localstripe-requirements.txt
PY="$LOCALSTRIPE_VENV/bin/python"
RUN_DIR="/tmp/ocop-test-stripe-$LOCALSTRIPE_PORT"
GOBIN_DIR="${GOBIN:-$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin}"
MOCK_BIN="$GOBIN_DIR/stripe-mock"

log() { echo "[stripe] $*" >&2; }
die() { echo "[stripe] ERROR: $*" >&2; exit 1; }

wait_for() {  # url, name, pid
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$1" && return 0
    kill -0 "$3" 2>/dev/null || die "$2 exited at start; its log is in $RUN_DIR."
    sleep 0.2
  done
  die "$2 did not answer on $1 within 20 s; its log is in $RUN_DIR."
}

install_stripe_mock() {
  if [ -x "$MOCK_BIN" ] && "$MOCK_BIN" --version >/dev/null 2>&1 && [ -f "$MOCK_BIN.$STRIPE_MOCK_VERSION" ]; then
    return
  fi
  ensure_go stripe-mock
  log "installing stripe-mock $STRIPE_MOCK_VERSION with go install"
  go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION" >&2 || die "go install stripe-mock failed."
  touch "$MOCK_BIN.$STRIPE_MOCK_VERSION"  # the version we installed
}

install_localstripe() {
  # again whenever the pins change
  if [ -x "$PY" ] && cmp -s "$LOCALSTRIPE_REQUIREMENTS" "$LOCALSTRIPE_VENV/installed.txt"; then return; fi
  log "installing localstripe in $LOCALSTRIPE_VENV"
  rm -rf "$LOCALSTRIPE_VENV"
  "${PYTHON:-python3}" -m venv "$LOCALSTRIPE_VENV" || die "could not create $LOCALSTRIPE_VENV (python3-venv)."
  "$PY" -m pip install --quiet -r "$LOCALSTRIPE_REQUIREMENTS" >&2 || die "pip install localstripe failed."
  "$PY" -c "import localstripe" || die "localstripe does not import in $LOCALSTRIPE_VENV."
  cp "$LOCALSTRIPE_REQUIREMENTS" "$LOCALSTRIPE_VENV/installed.txt"
}

start() {
  command -v curl >/dev/null || die "curl is missing (apt-get install curl)."
  install_localstripe
  install_stripe_mock
  stop >/dev/null 2>&1 || true
  mkdir -p "$RUN_DIR"
  log "starting localstripe on 127.0.0.1:$LOCALSTRIPE_PORT"
  # Under OCOP_FAKETIME (run_suite.sh) localstripe shares the suite's shifted clock: its webhook signatures carry
  # timestamps the site checks against its own clock.
  ${OCOP_FAKETIME:+faketime -f "$OCOP_FAKETIME"} \
    "$PY" tests/services/stripe_localstripe.py "$LOCALSTRIPE_PORT" >"$RUN_DIR/localstripe.log" 2>&1 &
  echo $! >"$RUN_DIR/localstripe.pid"
  wait_for "http://127.0.0.1:$LOCALSTRIPE_PORT/v1/balance" localstripe "$(cat "$RUN_DIR/localstripe.pid")"
  log "starting stripe-mock on 127.0.0.1:$MOCK_PORT"
  "$MOCK_BIN" -http-addr "127.0.0.1:$MOCK_PORT" -https-addr "127.0.0.1:$MOCK_HTTPS_PORT" \
    >"$RUN_DIR/stripe-mock.log" 2>&1 &
  echo $! >"$RUN_DIR/stripe-mock.pid"
  wait_for "http://127.0.0.1:$MOCK_PORT/v1/charges" stripe-mock "$(cat "$RUN_DIR/stripe-mock.pid")"
  # Test keys: any sk_/pk_ key is accepted by both peers; the webhook secret signs localstripe's deliveries.
  echo "STRIPE_SECRET_KEY=sk_test_ocopLocalPeers"
  echo "STRIPE_PUBLISHABLE_KEY=pk_test_ocopLocalPeers"
  echo "STRIPE_WEBHOOK_SECRET=whsec_ocop_test_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "STRIPE_MOCK_URL=http://127.0.0.1:$MOCK_PORT"
  echo "LOCALSTRIPE_URL=http://127.0.0.1:$LOCALSTRIPE_PORT"
  echo "STRIPE_API_BASE=http://127.0.0.1:$LOCALSTRIPE_PORT"
}

stop() {
  for name in localstripe stripe-mock; do
    if [ -f "$RUN_DIR/$name.pid" ]; then
      kill "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || true
      rm -f "$RUN_DIR/$name.pid"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
