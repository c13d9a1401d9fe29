"""Every request has an id (the trusted proxy's, or a new one), echoed in the response and logged with one line
per request; production writes its logs as one JSON object per line on stderr."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROXY = "10.0.0.5"


def access_records(caplog):
    return [record for record in caplog.records if record.name == "storefront.requests"]


def test_a_request_gets_a_new_id_in_the_response_and_one_log_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="storefront.requests"):
        response = client.get("/healthz", REMOTE_ADDR="203.0.113.7")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32 and int(request_id, 16) >= 0
    [record] = access_records(caplog)
    assert (record.request_id, record.method, record.path, record.status, record.client_ip) == (
        request_id, "GET", "/healthz", 200, "203.0.113.7")
    assert record.duration_ms >= 0


def test_the_id_from_the_trusted_proxy_is_kept(client, settings, caplog):
    settings.TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.INFO, logger="storefront.requests"):
        response = client.get("/healthz", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7",
                              HTTP_X_REQUEST_ID="f3c1e0b2-proxy-7")
    assert response["X-Request-ID"] == "f3c1e0b2-proxy-7"
    [record] = access_records(caplog)
    assert record.request_id == "f3c1e0b2-proxy-7" and record.client_ip == "203.0.113.7"


@pytest.mark.parametrize(("proxies", "sent"), [(0, "chosen-by-the-client"), (1, "bad id\nwith a new line")])
def test_an_id_without_a_proxy_or_not_shaped_like_one_is_replaced(client, settings, proxies, sent):
    settings.TRUSTED_PROXY_COUNT = proxies
    response = client.get("/healthz", REMOTE_ADDR=PROXY, HTTP_X_REQUEST_ID=sent)
    assert response["X-Request-ID"] != sent and len(response["X-Request-ID"]) == 32


def test_production_logs_each_request_as_one_json_line_on_stderr(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings.production",
           "SECRET_KEY": "x" * 30 + "production-grade-secret-key-for-the-check-9f83",
           "ALLOWED_HOSTS": "testserver", "CACHE_URL": "redis://127.0.0.1:9/0",  # /healthz touches no cache
           "STATIC_ROOT": str(tmp_path), "PYTHONWARNINGS": "ignore"}
    code = ("import django; django.setup(); from django.test import Client; "
            "Client().get('/healthz', secure=True, REMOTE_ADDR='10.0.0.5', HTTP_X_FORWARDED_FOR='203.0.113.7', "
            "HTTP_X_REQUEST_ID='req-42')")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]  # every line is JSON
    [access] = [line for line in lines if line["logger"] == "storefront.requests"]
    assert access["message"] == "GET /healthz 200" and access["level"] == "INFO"
    assert (access["request_id"], access["method"], access["path"], access["status"], access["client_ip"]) == (
        "req-42", "GET", "/healthz", 200, "203.0.113.7")
    assert access["duration_ms"] >= 0 and access["time"].startswith("20")
