"""Two app servers under storefront.settings.production, started from deploy/Procfile's `web:` line (gunicorn), on
two ports over plain http on loopback, sharing what production shares: one PostgreSQL database, the Redis cache,
the S3 store and Elasticsearch (all started by run_suite.sh). Nothing of the test process's own state is shared:
the servers' database is a copy of the suite's (the demo, loaded once), their media are in the bucket."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.conftest import DEMO_ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[3]
PORTS = [int(port) for port in os.environ.get("OCOP_APP_SERVER_PORTS", "8781,8782").split(",")]
DATABASE = "ocop_two_servers"
VERIFY_LIMIT = 6  # /verify/ lookups per client, counted across both servers
STOCK = 5
BUYER_EMAIL, BUYER_PASSWORD = "hai-may-chu@example.vn", "two-servers-buyer-pass"
ADMIN_EMAIL = "admin@ocop.example.vn"  # the demo's, with the suite's DEMO_ADMIN_PASSWORD


def required(name):
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(f"{name} is not set: run the suite through `make test` (it starts PostgreSQL, Redis, "
                    f"Elasticsearch and the S3 store).")
    return value


def procfile_web_command():
    for line in (ROOT / "deploy" / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line.split(":", 1)[1].strip()
    pytest.fail("deploy/Procfile has no `web:` line.")


def copy_suite_database(django_db_blocker):
    """ocop_two_servers as a copy of the suite's test database (migrated, the demo loaded), plus the product with
    STOCK units and the buyer the tests use. They are removed from the suite's database again at once."""
    import psycopg
    from django.contrib.auth import get_user_model
    from django.db import connection, connections

    from tests import factories

    with django_db_blocker.unblock():
        product = factories.product(factories.producer(), title="Mứt gừng hai máy chủ", price=90000, stock=STOCK)
        buyer = get_user_model().objects.create_user("hai-may-chu", BUYER_EMAIL, BUYER_PASSWORD)
        template = connection.settings_dict["NAME"]
        connections.close_all()  # CREATE DATABASE ... TEMPLATE needs the template to have no other session
        admin_url = urlunsplit(urlsplit(required("DATABASE_URL"))._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{template}"')
        # The suite hashes passwords with MD5 (fast), which production does not accept: the accounts the tests sign
        # in with get production's default hash in the copy.
        hasher = PBKDF2PasswordHasher()
        with psycopg.connect(database_url(), autocommit=True) as copy:
            for email, password in ((BUYER_EMAIL, BUYER_PASSWORD), (ADMIN_EMAIL, DEMO_ADMIN_PASSWORD)):
                copy.execute("UPDATE auth_user SET password = %s WHERE email = %s",
                             [hasher.encode(password, hasher.salt()), email])
        product_pk, producer = product.pk, product.producer
        product.delete()
        producer.delete()
        buyer.delete()
    return product_pk


def copy_media_to_bucket(env):
    """The demo's files (written to the suite's MEDIA_ROOT) into the media bucket: a bucket sync, as a move to S3
    would do it."""
    import boto3

    s3 = boto3.client("s3", endpoint_url=env["AWS_S3_ENDPOINT_URL"], region_name=env["AWS_S3_REGION_NAME"],
                      aws_access_key_id=env["AWS_ACCESS_KEY_ID"], aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"])
    root = Path(settings.MEDIA_ROOT)
    for path in (p for p in root.rglob("*") if p.is_file()):
        s3.upload_file(str(path), env["AWS_STORAGE_BUCKET_NAME"], path.relative_to(root).as_posix())


def database_url():
    return urlunsplit(urlsplit(required("DATABASE_URL"))._replace(path=f"/{DATABASE}"))


def server_env(tmp):
    cache_url = re.sub(r"/\d+$", "", required("REDIS_URL")) + "/2"  # a Redis database of their own
    s3 = {name.removeprefix("OCOP_TEST_"): value for name, value in os.environ.items()
          if name.startswith("OCOP_TEST_AWS_")}
    if "AWS_STORAGE_BUCKET_NAME" not in s3:
        required("OCOP_TEST_AWS_STORAGE_BUCKET_NAME")
    env = {name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "MEDIA_ROOT"))}
    env.update(s3, DJANGO_SETTINGS_MODULE="storefront.settings.production", DATABASE_URL=database_url(),
               SECRET_KEY="two-app-servers-test-secret-key-0123456789-abcdefghijklmnop",
               ALLOWED_HOSTS="127.0.0.1,localhost", SITE_URL=f"http://127.0.0.1:{PORTS[0]}",
               SECURE_SSL_REDIRECT="False", SECURE_COOKIES="False", TRUSTED_PROXY_COUNT="0",
               CACHE_URL=cache_url, REDIS_URL=cache_url, ELASTICSEARCH_URL=required("OCOP_TEST_ELASTICSEARCH_URL"),
               SEARCH_INDEX_ALIAS=f"two-servers-{PORTS[0]}-products", STATIC_ROOT=str(tmp / "static"),
               EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=str(tmp / "mail"),
               OCOP_VERIFY_RATE_LIMIT_REQUESTS=str(VERIFY_LIMIT),
               # one window for the whole run (the next boundary is in 2033): no count resets mid-test
               OCOP_VERIFY_RATE_LIMIT_WINDOW=str(10**9),
               WEB_CONCURRENCY="2", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    return env


def wait_ready(url, process, log):
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"The app server {url} did not become ready; its log:\n{Path(log).read_text()[-3000:]}")
        time.sleep(0.5)


@pytest.fixture(scope="session")
def two_servers(django_db_setup, django_db_blocker, tmp_path_factory):
    """[url of server A, url of server B], the product with STOCK units (its pk) and the servers' database URL."""
    tmp = tmp_path_factory.mktemp("two-servers")
    env = server_env(tmp)
    product_pk = copy_suite_database(django_db_blocker)
    copy_media_to_bucket(env)
    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        pytest.fail(f"collectstatic failed under production settings:\n{result.stderr[-3000:]}")
    command = procfile_web_command()
    servers, logs = [], []
    for port in PORTS:
        log = open(tmp / f"server-{port}.log", "w")
        logs.append(log)
        servers.append(subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=ROOT, stdout=log,
                                        stderr=subprocess.STDOUT, env={**env, "WEB_BIND": f"127.0.0.1:{port}"}))
    urls = [f"http://127.0.0.1:{port}" for port in PORTS]
    try:
        for url, server, log in zip(urls, servers, logs):
            wait_ready(url, server, log.name)
        yield type("TwoServers", (), {"urls": urls, "product_pk": product_pk, "database_url": env["DATABASE_URL"],
                                      "media_endpoint": env["AWS_S3_ENDPOINT_URL"],
                                      "media_bucket": env["AWS_STORAGE_BUCKET_NAME"]})
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        for log in logs:
            log.close()
        shutil.rmtree(tmp / "static", ignore_errors=True)
