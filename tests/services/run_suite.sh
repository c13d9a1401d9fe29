#!/usr/bin/env bash
# `make test`: start the services the suite needs, run the whole suite against them, stop them.
# A service that cannot start fails the run here, loudly; no test skips for want of one.
#
# OCOP_FAKETIME=+400d (any libfaketime offset) runs the suite on a shifted calendar: the services start on the real
# clock (an Elasticsearch JVM under libfaketime spins at full CPU), then the Python test process, what it starts
# (the browser journeys' server) and localstripe, whose webhook timestamps the site checks, run shifted.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${VENV:-.venv}/bin/python"

if [ -n "${OCOP_FAKETIME:-}" ] && ! command -v faketime >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "run_suite: OCOP_FAKETIME needs faketime: apt-get install faketime" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime
fi
# (monotonic clocks are shifted too: with FAKETIME_DONT_FAKE_MONOTONIC, Python's time.sleep fails with EINVAL)

cleanup() { bash tests/services/postgres.sh stop || true; bash tests/services/elasticsearch.sh stop || true;
          bash tests/services/redis.sh stop || true;
          bash tests/services/stripe.sh stop || true; bash tests/services/s3.sh stop || true; }
trap cleanup EXIT

bash tests/services/browser.sh
db_line=$(bash tests/services/postgres.sh start | tail -n 1)
export "${db_line?}"
# Elasticsearch for the search tests only: OCOP_TEST_ELASTICSEARCH_URL, not ELASTICSEARCH_URL, so the rest of
# the suite keeps searching the database (docs/search.md). No node, no run.
es_line=$(bash tests/services/elasticsearch.sh start | tail -n 1) \
  || { echo "run_suite: Elasticsearch did not start; the search tests need it (log above)." >&2; exit 1; }
export "OCOP_TEST_${es_line?}"
# Redis, the cache app servers share: REDIS_URL, not CACHE_URL, so the suite keeps its per-process cache and only
# the tests of shared state (rate limits, sign-in throttling, the search breaker, two app servers) use it.
redis_line=$(bash tests/services/redis.sh start | tail -n 1) \
  || { echo "run_suite: Redis did not start; the shared-state tests need it (log above)." >&2; exit 1; }
export "${redis_line?}"
# Stripe's peers: localstripe (stateful, sends signed webhooks) and stripe-mock (checks request shapes). Exports
# their URLs, test keys and a webhook secret; a peer that cannot start stops the run here (docs/payments.md).
stripe_env=$(bash tests/services/stripe.sh start) \
  || { echo "run_suite: the Stripe peers did not start; the payment tests need them (log above)." >&2; exit 1; }
while IFS= read -r line; do export "${line?}"; done <<<"$stripe_env"
# The S3 store (versitygw) for the production tests: OCOP_TEST_AWS_..., not AWS_..., so the rest of the suite keeps
# its media on disk; tests/integration/production/ hands them to the app servers it starts.
s3_env=$(bash tests/services/s3.sh start) \
  || { echo "run_suite: the S3 store did not start; the production tests need it (log above)." >&2; exit 1; }
while IFS= read -r line; do export "OCOP_TEST_${line?}"; done <<<"$s3_env"
export DJANGO_SETTINGS_MODULE=storefront.settings.test
export MEDIA_ROOT="${MEDIA_ROOT:-$(mktemp -d /tmp/ocop-test-media.XXXXXX)}"

if [ -n "${OCOP_FAKETIME:-}" ]; then
  echo "run_suite: the tests run on a clock shifted by $OCOP_FAKETIME: $(faketime -f "$OCOP_FAKETIME" date -I)"
  faketime -f "$OCOP_FAKETIME" "$PY" -m pytest -c tests/pytest.ini --rootdir . "$@"
else
  "$PY" -m pytest -c tests/pytest.ini --rootdir . "$@"
fi
