#!/usr/bin/env bash
# `make test`: start the services the suite needs, run the whole suite against them, stop them.
# A service that cannot start fails the run here, loudly; no test skips for want of one.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${VENV:-.venv}/bin/python"

cleanup() { bash tests/services/postgres.sh stop || true; }
trap cleanup EXIT

bash tests/services/browser.sh
db_line=$(bash tests/services/postgres.sh start | tail -n 1)
export "${db_line?}"
export DJANGO_SETTINGS_MODULE=storefront.settings.test
export MEDIA_ROOT="${MEDIA_ROOT:-$(mktemp -d /tmp/ocop-test-media.XXXXXX)}"

"$PY" -m pytest -c tests/pytest.ini --rootdir . "$@"
